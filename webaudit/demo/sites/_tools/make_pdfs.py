"""Build the demo sites' PDF documents from the HTML sources in pdf_src/.

Usage:  python3 webaudit/demo/sites/_tools/make_pdfs.py [--chromium PATH]

Each PDF is printed by headless Chromium (``--print-to-pdf``), so the text is
real, extractable text (pypdf can read it). The resulting .pdf files are
committed in place under webaudit/demo/sites/<slug>/...; rerun this script only
when a source changes. PDF bytes differ between runs (creation date), the text
does not.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
SITES = TOOLS.parent
SRC = TOOLS / "pdf_src"

# source html -> (site folder, path as served)
PDFS: dict[str, tuple[str, str]] = {
    "demokoping-riktlinjer.html": (
        "demokoping", "/download/riktlinjer-bistandshandlaggning-aldreomsorg-2024.pdf"),
    "provsala-avgifter.html": (
        "provsala", "/globalassets/dokument/avgifter-aldreomsorg-2025.pdf"),
    "monsterby-seniorservice.html": (
        "monsterby", "/download/18.3f2a9c1d18e0a/1709280000000/seniorservice-broschyr-2024.pdf"),
    "monsterby-riktlinjer.html": (
        "monsterby", "/download/18.3f2a9c1d18e0a/1706000000000/riktlinjer-handlaggning-aldreomsorg.pdf"),
    "fiktivhamn-ansokan.html": (
        "omsorg-fiktivhamn", "/dokument/ansokan-om-bistand-aldreomsorg.pdf"),
}


def find_chromium(explicit: str | None) -> str:
    for cand in (explicit, "/usr/bin/chromium", shutil.which("chromium"),
                 shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if cand and Path(cand).exists():
            return cand
    sys.exit("make_pdfs: no Chromium found; pass --chromium PATH")


def print_pdf(chromium: str, source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu",
            f"--user-data-dir={profile}", "--no-pdf-header-footer",
            f"--print-to-pdf={target}", source.as_uri(),
        ]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    if not target.exists() or target.stat().st_size == 0:
        sys.exit(f"make_pdfs: Chromium did not write {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", help="path to a Chromium/Chrome binary")
    args = parser.parse_args()
    chromium = find_chromium(args.chromium)
    for name, (slug, path) in PDFS.items():
        target = SITES / slug / path.lstrip("/")
        print_pdf(chromium, SRC / name, target)
        print(f"{slug}:{path}  ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main()

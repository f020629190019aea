"""Benchmark: `webaudit evidence --all` for 290 municipalities (HTML folders and PDFs).

Builds (or reuses) a store with 290 sites of realistic data: a finished crawl per site with
its log, captures with real files (raw HTML, text, full-page PNG screenshots of 1400-3600 px),
findings (half with a highlighted crop), flags with negative evidence and decisions for most
items. Then runs the real command and prints the figures.

    /tmp/v/bin/python bench/evidence.py                  # 290 sites, HTML + PDF, cold and warm
    /tmp/v/bin/python bench/evidence.py --sites 50 --no-pdf
    /tmp/v/bin/python bench/evidence.py --keep /tmp/bench-evidence   # reuse the store next time
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the data factory lives with the export tests

from tests.conftest import make_workspace  # noqa: E402
from tests.export.factory import build_round  # noqa: E402


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sites", type=int, default=290)
    parser.add_argument("--pages", type=int, default=12, help="captures per site")
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--workers", type=int, default=3, help="PDFs printed at once")
    parser.add_argument("--keep", type=Path, help="build the store here and reuse it on later runs")
    parser.add_argument(
        "--warm-only", action="store_true", help="keep the picture cache: skip the cold run"
    )
    args = parser.parse_args()

    base = args.keep or Path(tempfile.mkdtemp(prefix="webaudit-bench-"))
    evidence = base / "evidence"
    if not (evidence / "webaudit.db").is_file():
        started = time.monotonic()
        workspace = make_workspace(base)
        build_round(workspace, sites=args.sites, pages_per_site=args.pages)
        workspace.close()
        print(
            f"store built: {args.sites} sites x {args.pages} pages in {time.monotonic() - started:.1f} s"
        )
    objects = sum(1 for _ in (evidence / "objects").rglob("*.png"))
    print(f"evidence folder: {folder_size(evidence / 'objects') / 1e6:.0f} MB, {objects} PNG files")
    if not args.warm_only:
        shutil.rmtree(evidence / "cache", ignore_errors=True)  # cold: no page-top pictures yet

    command = [
        str(Path(sys.executable).parent / "webaudit"),
        "--evidence-dir",
        str(evidence),
        "evidence",
        "--all",
        "--workers",
        str(args.workers),
        "--out",
        str(base / "underlag"),
    ]
    if args.no_pdf:
        command.append("--no-pdf")
    print(
        f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs"
    )
    for label in ("warm",) if args.warm_only else ("cold", "warm"):
        shutil.rmtree(base / "underlag", ignore_errors=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.monotonic()
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        seconds = time.monotonic() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if result.returncode != 0:
            print(result.stdout, result.stderr, file=sys.stderr)
            return 1
        lists = sorted((base / "underlag").glob("*/index.html"))
        pdfs = sorted((base / "underlag").glob("*/*.pdf"))
        print(
            f"{label}: {seconds:.1f} s for {len(lists)} evidence lists and {len(pdfs)} PDFs "
            f"({seconds / max(1, len(lists)):.2f} s each); output {folder_size(base / 'underlag') / 1e6:.0f} MB"
        )
        for line in result.stdout.strip().splitlines():
            print(f"  {line}")
        print(
            f"  CPU time (webaudit, Chromium, picture workers): {cpu:.1f} s; on {os.cpu_count()} "
            f"idle CPUs that is at least {cpu / (os.cpu_count() or 1):.1f} s of wall time; "
            f"load average after: {os.getloadavg()[0]:.1f}"
        )
    if args.keep is None:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Build the held-out site corpus: tests/corpus/holdout/<slug>/*.html + site.yaml.

Each file in sites/ describes one fictional municipality: a header with the site name,
chrome style and the items that are present ('yes:'; every other item is 'no'), then its
captured pages in the markup described in render.py.

Run: python tests/corpus/holdout/_tools/build.py   (rewrites the generated site folders)
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# One page chrome for both corpora: the renderer lives with the labelled pages' tools.
sys.path.insert(0, str(HERE.parents[1] / "pages" / "_tools_assumed"))

from render import parse_pages, render_page, slugify  # noqa: E402

HOLDOUT = HERE.parent

ITEMS = [
    "fee_calculator",
    "provider_comparison",
    "flexibility_policy",
    "no_needs_assessment",
    "how_to_apply",
    "e_application",
    "fee_info",
    "provider_choice",
    "service_content",
    "complaints",
    "contact_info",
    "fast_omsorgskontakt",
    "easy_read_or_languages",
    "assessment_guidelines",
    "quality_guarantees",
    "safety_alarm",
]


def parse_site(text: str) -> tuple[dict[str, str], str]:
    head, _, rest = text.partition("\n=== ")
    meta: dict[str, str] = {}
    for line in head.splitlines():
        if line.strip() and not line.startswith("#"):
            k, _, v = line.partition(":")
            meta[k.strip()] = v.strip()
    return meta, "=== " + rest


def yaml_str(s: str) -> str:
    return s if all(c.isalnum() or c in "-_ åäöÅÄÖé" for c in s) else '"' + s.replace('"', '\\"') + '"'


def build_site(src: Path) -> dict[str, str]:
    meta, body = parse_site(src.read_text(encoding="utf-8"))
    name = meta["name"]
    slug = meta.get("slug") or slugify(name)
    out = HOLDOUT / slug
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    yes = {s.strip() for s in meta.get("yes", "").split(",") if s.strip()}
    unknown = yes - set(ITEMS)
    if unknown:
        raise SystemExit(f"{src.name}: unknown items {sorted(unknown)}")
    truth = {item: ("yes" if item in yes else "no") for item in ITEMS}
    pages: list[tuple[str, str]] = []
    for page in parse_pages(body):
        fname = page.meta["file"]
        url = page.meta["url"]
        doc = render_page(page, None, meta.get("site", name), url, style=page.meta.get("style") or meta.get("style"))
        if page.meta.get("canonical") == "no":
            doc = "\n".join(line for line in doc.splitlines() if not line.startswith('<link rel="canonical"')) + "\n"
        (out / fname).write_text(doc, encoding="utf-8")
        pages.append((fname, url))
    lines = [f"name: {yaml_str(name)}"]
    if meta.get("note"):
        lines.insert(0, f"# {meta['note']}")
    lines.append("pages:")
    lines += [f"  {f}: {u}" for f, u in pages]
    lines.append("truth:")
    lines += [f"  {k}: {v}" for k, v in truth.items()]
    (out / "site.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return truth


def main() -> None:
    counts = {item: 0 for item in ITEMS}
    sites = sorted(HERE.glob("sites/*.txt"))
    for src in sites:
        truth = build_site(src)
        for k, v in truth.items():
            counts[k] += v == "yes"
    print(f"{len(sites)} sites")
    for k, v in counts.items():
        print(f"  {k:24s} yes={v:2d}")


if __name__ == "__main__":
    main()

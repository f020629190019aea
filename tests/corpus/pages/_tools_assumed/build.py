"""Build tests/corpus/pages/<item>/pos_NN.html and neg_NN.html from content_<item>.txt.

Run: python tests/corpus/pages/_tools_assumed/build.py   (rewrites the generated files)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from render import parse_pages, render_page, slugify  # noqa: E402

PAGES = HERE.parent


def build_item(content: Path) -> tuple[int, int]:
    item = content.stem.removeprefix("content_")
    out_dir = PAGES / item
    out_dir.mkdir(exist_ok=True)
    for old in list(out_dir.glob("pos_*.html")) + list(out_dir.glob("neg_*.html")):
        old.unlink()
    counts = {"pos": 0, "neg": 0}
    for page in parse_pages(content.read_text(encoding="utf-8")):
        kind = page.kind
        counts[kind] += 1
        site = page.meta["site"]
        url = page.meta["url"]
        if url.startswith("/"):
            url = f"https://www.{slugify(site)}.se{url}"
        labels = [f"{item}={'yes' if kind == 'pos' else 'no'}"]
        if page.meta.get("also"):
            labels += [a.strip() for a in page.meta["also"].split(";") if a.strip()]
        why = page.meta["why"].replace("--", "–")
        label_line = f"<!-- label: {'; '.join(labels)}; why: {why} -->"
        doc = render_page(page, None, site, url)
        # the label must be the first line of the file
        (out_dir / f"{kind}_{counts[kind]:02d}.html").write_text(label_line + "\n" + doc, encoding="utf-8")
    return counts["pos"], counts["neg"]


def main() -> None:
    for content in sorted(HERE.glob("content_*.txt")):
        pos, neg = build_item(content)
        print(f"{content.stem.removeprefix('content_'):24s} pos={pos:2d} neg={neg:2d}")


if __name__ == "__main__":
    main()

"""Sanity check of the labelled corpus: labels, HTML parse, canonical link, word counts.

Run:  python tests/corpus/pages/_tools/check.py [--words]
(--words also lists every page with its visible word count.)
Exits non-zero on any problem, or if one of the four confirmed items has fewer than
25 positives or 25 negatives.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

PAGES = Path(__file__).resolve().parent.parent
ITEMS = ("fee_calculator", "provider_comparison", "flexibility_policy", "no_needs_assessment")
LABEL = re.compile(r"^<!-- label: ((?:[a-z_]+=(?:yes|no); )+)why: (.+?) -->$")
MIN_PER_CLASS = 25
BALANCED = ("html", "head", "body", "main", "details", "form", "table", "ul", "ol", "section", "script", "a", "select", "fieldset")


class Probe(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.canonical: str | None = None
        self.words = 0
        self._skip = 0
        self.balance: Counter = Counter()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and (a.get("rel") or "").lower() == "canonical":
            self.canonical = a.get("href")
        if tag in ("script", "style"):
            self._skip += 1
        if tag in BALANCED:
            self.balance[tag] += 1

    def handle_endtag(self, tag):
        if tag in BALANCED:
            self.balance[tag] -= 1
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.words += len(re.findall(r"\w+", data))


def main() -> int:
    problems: list[str] = []
    counts: dict[str, Counter] = {i: Counter() for i in ITEMS}
    own: dict[str, Counter] = {i: Counter() for i in ITEMS}
    words: list[tuple[int, str]] = []
    for item in ITEMS:
        folder = PAGES / item
        for f in sorted(folder.glob("*.html")):
            rel = f"{item}/{f.name}"
            if not re.fullmatch(r"(pos|neg)_\d\d\.html", f.name):
                problems.append(f"{rel}: bad file name")
            text = f.read_text(encoding="utf-8")
            first = text.split("\n", 1)[0]
            m = LABEL.match(first)
            if not m:
                problems.append(f"{rel}: first line is not a label comment")
                continue
            pairs = dict(p.split("=") for p in m.group(1).strip().rstrip(";").split("; "))
            kind = "yes" if f.name.startswith("pos_") else "no"
            if pairs.get(item) != kind:
                problems.append(f"{rel}: own label {pairs.get(item)!r} does not match file name")
            for k, v in pairs.items():
                if k not in ITEMS:
                    problems.append(f"{rel}: unknown item {k}")
                    continue
                counts[k][v] += 1
            own[item][kind] += 1
            probe = Probe()
            try:
                probe.feed(text)
                probe.close()
            except Exception as exc:  # html.parser is lenient; anything raised is a real problem
                problems.append(f"{rel}: html.parser failed: {exc}")
            if not probe.canonical or not re.match(r"https://[a-z0-9.-]+\.(se|stockholm)/", probe.canonical):
                problems.append(f"{rel}: missing or odd canonical link {probe.canonical!r}")
            unbalanced = {t: n for t, n in probe.balance.items() if n}
            if unbalanced:
                problems.append(f"{rel}: unbalanced tags {unbalanced}")
            words.append((probe.words, rel))
    print(f"{'item':22} {'own yes':>8} {'own no':>7} {'all yes':>8} {'all no':>7}")
    for item in ITEMS:
        print(f"{item:22} {own[item]['yes']:>8} {own[item]['no']:>7} {counts[item]['yes']:>8} {counts[item]['no']:>7}")
        if own[item]["yes"] < MIN_PER_CLASS or own[item]["no"] < MIN_PER_CLASS:
            problems.append(f"{item}: fewer than {MIN_PER_CLASS} positives or negatives")
    words.sort()
    if words:
        print(f"pages: {len(words)}; words min {words[0][0]} ({words[0][1]}), median {words[len(words)//2][0]}, max {words[-1][0]} ({words[-1][1]})")
        print(f"pages over 2000 words: {sum(1 for w, _ in words if w >= 2000)}; under 300: {sum(1 for w, _ in words if w < 300)}")
    if "--words" in sys.argv:
        for w, rel in words:
            print(f"{w:6} {rel}")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

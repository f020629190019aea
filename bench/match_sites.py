"""Site-level figures of the matchers, next to a plain keyword search.

Each held-out site (tests/corpus/holdout/<site>/site.yaml: pages -> URLs, truth for every item)
is matched as one complete crawl and judged by its site-level pre-flag. Printed per item: recall
of present items (pass or review), recall by pass alone, precision of pass, and the share of
pairs left for review. Only these aggregates are shown: the held-out pages are not for tuning.

    /tmp/v/bin/python bench/match_sites.py
    /tmp/v/bin/python bench/match_sites.py --corpus     # also the page corpus (tuned on)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from webaudit.checklists import load_checklist  # noqa: E402
from webaudit.match.evaluation import (  # noqa: E402
    evaluate_pages,
    evaluate_sites,
    format_report,
    keyword_matcher,
    load_corpus,
    load_sites,
    matcher_for,
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--holdout", type=Path, default=ROOT / "tests/corpus/holdout")
    parser.add_argument("--corpus", action="store_true", help="also the labelled page corpus")
    options = parser.parse_args()
    checklist = load_checklist().checklist
    sites = load_sites(options.holdout)
    pages = sum(len(site.pages) for site in sites)
    print(
        f"{len(sites)} webbplatser, {pages} sidor (* = bekräftad punkt; mål: recall >= 0,95 per "
        "bekräftad punkt, precision för pass >= 0,95, granska <= 20 %)\n"
    )
    for title, matcher in (
        ("webaudit", matcher_for(checklist)),
        ("nyckelordssökning", keyword_matcher(checklist)),
    ):
        start = time.perf_counter()
        report = evaluate_sites(sites, checklist, matcher)
        print(format_report(report, checklist, f"{title} ({time.perf_counter() - start:.1f} s)"))
        print()
    if options.corpus:
        corpus = load_corpus(ROOT / "tests/corpus/pages")
        for title, matcher in (
            ("webaudit, sidkorpus", matcher_for(checklist)),
            ("nyckelord, sidkorpus", keyword_matcher(checklist)),
        ):
            print(format_report(evaluate_pages(corpus, matcher), checklist, title))
            print()


if __name__ == "__main__":
    main()

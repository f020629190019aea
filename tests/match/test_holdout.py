"""Site-level targets on the held-out sites (tests/corpus/holdout), which nobody tuned on.

Each site is matched as one complete crawl of its pages and judged by its site-level pre-flag:
recall of present items (pass or review) per confirmed item, precision of `pass`, and the share
of (site, item) pairs left for review; a plain keyword search is measured alongside. Only the
aggregate figures are looked at (`python bench/match_sites.py` prints them).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.match.conftest import CORPUS
from webaudit.checklists import Checklist
from webaudit.match.evaluation import (
    Report,
    evaluate_sites,
    format_report,
    keyword_matcher,
    load_sites,
    matcher_for,
)

TARGETS = json.loads(Path(__file__).with_name("baseline.json").read_text(encoding="utf-8"))[
    "holdout"
]


@pytest.fixture(scope="module")
def reports(checklist: Checklist) -> tuple[Report, Report]:
    sites = load_sites(CORPUS / "holdout")
    if len(sites) < 20:
        pytest.skip("the held-out site set is not there yet")
    return evaluate_sites(sites, checklist, matcher_for(checklist)), evaluate_sites(
        sites, checklist, keyword_matcher(checklist)
    )


def test_site_level_targets(reports: tuple[Report, Report], checklist: Checklist) -> None:
    ours, keywords = reports
    summary = (
        format_report(ours, checklist, "webaudit")
        + "\n"
        + format_report(keywords, checklist, "nyckelord")
    )
    for item in checklist.items:
        if item.source == "confirmed":
            assert ours.items[item.id].recall >= TARGETS["recall_confirmed"], (item.id, summary)
    assert ours.overall.precision >= TARGETS["precision_pass"], summary
    assert ours.overall.review_share <= TARGETS["review_share_max"], summary


def test_beats_a_plain_keyword_search(reports: tuple[Report, Report], checklist: Checklist) -> None:
    ours, keywords = reports
    confirmed = [item.id for item in checklist.items if item.source == "confirmed"]
    assert sum(ours.items[i].recall for i in confirmed) > sum(
        keywords.items[i].recall for i in confirmed
    )
    assert ours.overall.precision > keywords.overall.precision

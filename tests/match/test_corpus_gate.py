"""The corpus gate: precision and recall per item on the labelled pages, held to pinned floors.

tests/corpus/pages/<item>/{pos,neg}_NN.html carry their labels on the first line. A drop below
a floor in baseline.json fails the suite. Raising a floor is an edit you make when the matchers
improve: `WEBAUDIT_RAISE_FLOORS=1 pytest tests/match/test_corpus_gate.py` writes the better
figures (it never lowers one).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.match.conftest import CORPUS
from webaudit.checklists import Checklist
from webaudit.match.evaluation import (
    Report,
    evaluate_pages,
    format_report,
    load_corpus,
    matcher_for,
)

BASELINE = Path(__file__).with_name("baseline.json")
METRICS = ("precision", "recall", "pass_recall")
MINIMUM_LABELS = {"confirmed": (20, 20), "assumed": (5, 5)}  # positives, negatives per item


@pytest.fixture(scope="module")
def corpus_report(checklist: Checklist) -> Report:
    pages = load_corpus(CORPUS / "pages")
    assert len(pages) >= 4 * 40 + 12 * 10
    return evaluate_pages(pages, matcher_for(checklist))


def test_the_corpus_has_enough_positives_and_negatives(
    corpus_report: Report, checklist: Checklist
) -> None:
    for item in checklist.items:
        counts = corpus_report.items[item.id]
        positives, negatives = sum(counts.present.values()), sum(counts.absent.values())
        wanted = MINIMUM_LABELS[item.source]
        assert positives >= wanted[0] and negatives >= wanted[1], (item.id, positives, negatives)


def test_no_item_drops_below_its_floor(corpus_report: Report, checklist: Checklist) -> None:
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["corpus"]
    current = {
        item.id: {
            metric: round(getattr(corpus_report.items[item.id], metric), 3) for metric in METRICS
        }
        for item in checklist.items
    }
    if os.environ.get("WEBAUDIT_RAISE_FLOORS"):
        _raise_floors(current)
        floors = json.loads(BASELINE.read_text(encoding="utf-8"))["corpus"]
    drops = [
        f"{item_id}.{metric}: {current[item_id][metric]} < {floor}"
        for item_id, metrics in floors.items()
        for metric, floor in metrics.items()
        if current.get(item_id, {}).get(metric, 0.0) < floor
    ]
    assert not drops, "\n".join(
        [
            *drops,
            format_report(corpus_report, checklist, "korpus"),
            *map(str, corpus_report.mistakes),
        ]
    )


def _raise_floors(current: dict[str, dict[str, float]]) -> None:
    data = json.loads(BASELINE.read_text(encoding="utf-8"))
    for item_id, metrics in current.items():
        pinned = data["corpus"].setdefault(item_id, {})
        for metric, value in metrics.items():
            pinned[metric] = max(pinned.get(metric, 0.0), value)
    BASELINE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

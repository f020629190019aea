"""Scores from decisions and weights, checked against hand-computed examples."""

from __future__ import annotations

import pytest

from webaudit.checklists import Checklist
from webaudit.scoring import (
    average_by_group,
    national_counts,
    rank,
    score_municipality,
    summarize_round,
)


def _checklist() -> Checklist:
    def item(item_id: str, weight: float, subindex: str = "information") -> dict[str, object]:
        text = {"sv": item_id, "en": item_id}
        return {
            "id": item_id,
            "title": text,
            "counts": text,
            "does_not_count": text,
            "weight": weight,
            "subindex": subindex,
            "source": "assumed",
        }

    return Checklist.model_validate(
        {
            "id": "test",
            "version": "1",
            "round": "2025",
            "title": {"sv": "t", "en": "t"},
            "items": [
                item("a", 10),
                item("b", 10),
                item("c", 5),
                item("d", 5),
                item("x", 4, "other"),
            ],
        }
    )


CHECKLIST = _checklist()


def test_all_decided_hand_computed() -> None:
    # information: a yes (10) + c yes (5) of 10+10+5+5 = 30 -> 15/30 = 50.0
    score = score_municipality(
        "0001", {"a": "yes", "b": "no", "c": "yes", "d": "no", "x": "yes"}, CHECKLIST
    )
    assert score.scores == {"information": 50.0, "other": 100.0}
    assert not score.provisional
    assert score.decided == 5 and score.pending == 0
    assert score.upper == score.scores


def test_not_applicable_leaves_the_denominator() -> None:
    # b not applicable: a yes (10) of 10+5+5 = 20 -> 50.0; with d yes too: 15/20 = 75.0
    assert (
        score_municipality(
            "1", {"a": "yes", "b": "not_applicable", "c": "no", "d": "no"}, CHECKLIST
        ).information
        == 50.0
    )
    assert (
        score_municipality(
            "1", {"a": "yes", "b": "not_applicable", "c": "no", "d": "yes"}, CHECKLIST
        ).information
        == 75.0
    )


def test_pending_counts_as_not_earned_and_marks_provisional() -> None:
    # a yes, c yes; b and d pending: 15/30 = 50.0 now, at most (15+15)/30 = 100.0
    score = score_municipality("1", {"a": "yes", "c": "yes", "x": "no"}, CHECKLIST)
    assert score.information == 50.0
    assert score.provisional and score.pending == 2
    assert score.upper["information"] == 100.0
    # one third rounds to one decimal: c yes of 30 -> 16.7
    assert score_municipality("1", {"c": "yes"}, CHECKLIST).information == pytest.approx(16.7)


def test_everything_not_applicable_scores_zero_not_a_crash() -> None:
    values = dict.fromkeys("abcd", "not_applicable")
    assert score_municipality("1", values, CHECKLIST).scores["information"] == 0.0


def test_competition_ranking() -> None:
    assert rank({"a": 80.0, "b": 60.0, "c": 60.0, "d": 10.0}) == {"a": 1, "b": 2, "c": 2, "d": 4}


def test_averages_by_size_group_and_national_counts() -> None:
    averages = average_by_group({"1": 40.0, "2": 61.0, "3": 20.0}, {"1": 1, "2": 1, "3": 5})
    assert averages == {1: 50.5, 5: 20.0}
    counts = national_counts([{"a": "yes", "b": "no"}, {"a": "yes", "b": None}], CHECKLIST)
    assert counts["a"] == 2 and counts["b"] == 0


def test_round_summary_leaves_unreviewed_municipalities_unranked() -> None:
    verdicts: dict[str, dict[str, str | None]] = {
        "0001": {"a": "yes", "b": "yes", "c": "yes", "d": "yes", "x": "no"},  # 100
        "0002": {"a": "yes", "b": "no", "c": "no", "d": "no", "x": "no"},  # 33.3
        "0003": {"a": "yes", "b": "no", "c": "no", "d": "no", "x": "no"},  # 33.3
        "0004": {},  # nothing decided: no rank
    }
    scores = [score_municipality(code, v, CHECKLIST) for code, v in verdicts.items()]
    summary = summarize_round(
        scores, {"0001": 5, "0002": 1, "0003": 1, "0004": 1}, verdicts, CHECKLIST
    )
    assert summary.ranks == {"0001": 1, "0002": 2, "0003": 2}
    assert summary.ranked == 3 and summary.total == 4
    assert summary.national_average == pytest.approx(55.5)  # (100 + 33.3 + 33.3) / 3 = 55.53
    assert summary.average_by_group == {1: 33.3, 5: 100.0}
    assert summary.counts["a"] == 3 and summary.counts["b"] == 1
    assert summary.decided_counts["a"] == 3
    assert summary.provisional  # 0004 has pending items
    assert summary.rank_text("0002") == "2 av 3" and summary.rank_text("0004") is None

"""Scores from decisions and weights. Pure functions: no database, no files.

Rule (documented in the README): a sub-index score is 100 x (weight of items decided `yes`) /
(weight of all items in the sub-index that are not `not_applicable`). Items not yet decided
count as not earned and make the score provisional; it becomes final when every item is decided.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from statistics import mean
from typing import Literal

from webaudit.checklists import Checklist

Verdict = Literal["yes", "no", "not_applicable", "pending"]


def verdict_of(decision: str | None) -> Verdict:
    if decision in ("yes", "no", "not_applicable"):
        return decision  # type: ignore[return-value]
    return "pending"


@dataclass(frozen=True)
class MunicipalityScore:
    code: str
    scores: dict[str, float]  # sub-index -> 0..100
    provisional: bool
    decided: int
    pending: int


def score_municipality(
    code: str, decisions: Mapping[str, str | None], checklist: Checklist
) -> MunicipalityScore:
    """`decisions` maps item id -> yes / no / not_applicable / None (undecided)."""
    earned: dict[str, float] = defaultdict(float)
    possible: dict[str, float] = defaultdict(float)
    pending = 0
    for item in checklist.items:
        verdict = verdict_of(decisions.get(item.id))
        if verdict == "not_applicable":
            continue
        possible[item.subindex] += item.weight
        if verdict == "yes":
            earned[item.subindex] += item.weight
        elif verdict == "pending":
            pending += 1
    scores = {
        subindex: round(100.0 * earned[subindex] / total, 1) if total else 0.0
        for subindex, total in possible.items()
    }
    decided = len(checklist.items) - pending
    return MunicipalityScore(code, scores, pending > 0, decided, pending)


def rank(scores: Mapping[str, float]) -> dict[str, int]:
    """Competition ranking (1, 2, 2, 4): rank = 1 + how many scored strictly higher."""
    ordered = sorted(scores.values(), reverse=True)
    return {
        code: 1 + sum(1 for other in ordered if other > value) for code, value in scores.items()
    }


def average_by_group(
    scores: Mapping[str, float], groups: Mapping[str, int | None]
) -> dict[int, float]:
    by_group: dict[int, list[float]] = defaultdict(list)
    for code, value in scores.items():
        group = groups.get(code)
        if group is not None:
            by_group[group].append(value)
    return {group: round(mean(values), 1) for group, values in sorted(by_group.items())}


def national_counts(
    verdicts: Iterable[Mapping[str, str | None]], checklist: Checklist
) -> dict[str, int]:
    """How many municipalities have each item (verdict yes)."""
    counts = dict.fromkeys((item.id for item in checklist.items), 0)
    for per_item in verdicts:
        for item_id, value in per_item.items():
            if value == "yes" and item_id in counts:
                counts[item_id] += 1
    return counts

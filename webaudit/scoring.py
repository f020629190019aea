"""Scores from decisions and weights. Pure functions: no database, no files.

The rule (also in the README, 'Scoring'):

- A sub-index score is 100 x (weight of items decided `yes`) / (weight of all items of that
  sub-index not decided `not_applicable`), rounded to one decimal.
- An item not yet decided (`pending`) counts as not earned, so a score can only rise as the
  review goes on. Such a score is *provisional*; `upper` is what it would be if every pending
  item turned out `yes`, so the final score lies between the two. A score is final when every
  item of the checklist is decided.
- Ranks are competition ranks (1, 2, 2, 4) over the municipalities with at least one decided
  item: a municipality nobody has reviewed yet has no rank rather than a misleading last place.
- Averages (by size group and national) and national counts per item use the same set.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import mean
from typing import Literal

from webaudit.checklists import Checklist

Verdict = Literal["yes", "no", "not_applicable", "pending"]
MAIN_SUBINDEX = "information"


def verdict_of(decision: str | None) -> Verdict:
    if decision in ("yes", "no", "not_applicable"):
        return decision  # type: ignore[return-value]
    return "pending"


@dataclass(frozen=True)
class MunicipalityScore:
    code: str
    scores: dict[str, float]  # sub-index -> 0..100, pending items counted as not earned
    provisional: bool
    decided: int
    pending: int
    upper: dict[str, float] = field(default_factory=dict)  # pending items counted as earned

    @property
    def information(self) -> float:
        return self.scores.get(MAIN_SUBINDEX, 0.0)


def _percent(part: float, whole: float) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def score_municipality(
    code: str, decisions: Mapping[str, str | None], checklist: Checklist
) -> MunicipalityScore:
    """`decisions` maps item id -> yes / no / not_applicable / None (undecided)."""
    earned: dict[str, float] = defaultdict(float)
    open_: dict[str, float] = defaultdict(float)
    # Every sub-index appears, even one whose items are all not applicable (it scores 0.0).
    possible: dict[str, float] = {item.subindex: 0.0 for item in checklist.items}
    pending = 0
    for item in checklist.items:
        verdict = verdict_of(decisions.get(item.id))
        if verdict == "not_applicable":
            continue
        possible[item.subindex] += item.weight
        if verdict == "yes":
            earned[item.subindex] += item.weight
        elif verdict == "pending":
            open_[item.subindex] += item.weight
            pending += 1
    scores = {name: _percent(earned[name], total) for name, total in possible.items()}
    upper = {name: _percent(earned[name] + open_[name], total) for name, total in possible.items()}
    decided = len(checklist.items) - pending
    return MunicipalityScore(code, scores, pending > 0, decided, pending, upper)


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


@dataclass(frozen=True)
class RoundSummary:
    """What the index team reports for a round: ranks, averages, counts."""

    ranks: dict[str, int]
    ranked: int  # municipalities with at least one decided item
    total: int  # municipalities in the round
    national_average: float | None
    average_by_group: dict[int, float]
    counts: dict[str, int]  # item id -> municipalities decided yes
    decided_counts: dict[str, int]  # item id -> municipalities with a decision on the item
    provisional: bool  # some score in the round is still provisional

    def rank_text(self, code: str) -> str | None:
        position = self.ranks.get(code)
        return f"{position} av {self.ranked}" if position is not None else None


def summarize_round(
    scores: Sequence[MunicipalityScore],
    groups: Mapping[str, int | None],
    verdicts: Mapping[str, Mapping[str, str | None]],
    checklist: Checklist,
    subindex: str = MAIN_SUBINDEX,
) -> RoundSummary:
    """Ranks, averages and national counts over the municipalities with any decision."""
    ranked = {s.code: s.scores.get(subindex, 0.0) for s in scores if s.decided}
    values = list(ranked.values())
    decided_counts = dict.fromkeys((item.id for item in checklist.items), 0)
    for per_item in verdicts.values():
        for item_id, value in per_item.items():
            if verdict_of(value) != "pending" and item_id in decided_counts:
                decided_counts[item_id] += 1
    return RoundSummary(
        ranks=rank(ranked),
        ranked=len(ranked),
        total=len(scores),
        national_average=round(mean(values), 1) if values else None,
        average_by_group=average_by_group(ranked, groups),
        counts=national_counts(verdicts.values(), checklist),
        decided_counts=decided_counts,
        provisional=any(s.provisional for s in scores),
    )

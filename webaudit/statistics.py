"""National statistics per round: counts per item, score distribution, averages by size group.

Rounds come from two places: rounds reviewed in this database (scores recomputed from the
current decisions) and earlier rounds imported with `webaudit history import`. When both hold
the same round, the database's own review wins and the report says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import mean

from sqlmodel import col, select

from webaudit.checklists import Checklist
from webaudit.export.snapshot import read_round
from webaudit.scoring import MAIN_SUBINDEX, average_by_group
from webaudit.store import Store
from webaudit.store.history import import_results, latest_imports
from webaudit.store.tables import AuditRound, Municipality


@dataclass
class RoundStats:
    round_id: str
    source: str  # "granskning" (this database) or the imported file's name
    municipalities: int
    counts: dict[str, int]  # item id -> municipalities with 'yes'
    decided: dict[str, int]  # item id -> municipalities with any decision on the item
    scores: list[float]  # Information scores of municipalities with any decision
    average_by_group: dict[int, float]
    national_average: float | None
    provisional: bool = False
    shadowed_import: str | None = None  # an import of the same round that the review replaced
    items: list[str] = field(default_factory=list)  # item ids the round had


def _from_store(store: Store, checklist: Checklist, round_id: str) -> RoundStats:
    snapshot = read_round(store, checklist, round_id)
    summary = snapshot.summary
    assert summary is not None
    scores = [
        s.score.scores.get(MAIN_SUBINDEX, 0.0) for s in snapshot.municipalities if s.score.decided
    ]
    return RoundStats(
        round_id=round_id,
        source="granskning",
        municipalities=summary.ranked,
        counts=dict(summary.counts),
        decided=dict(summary.decided_counts),
        scores=scores,
        average_by_group=dict(summary.average_by_group),
        national_average=summary.national_average,
        provisional=summary.provisional,
        items=[item.id for item in checklist.items],
    )


def _from_import(store: Store, import_id: int, source: str, round_id: str) -> RoundStats:
    with store.session() as session:
        rows = import_results(session, import_id)
        registry = {m.code: m.size_group for m in session.exec(select(Municipality)).all()}
    counts: dict[str, int] = {}
    decided: dict[str, int] = {}
    for row in rows:
        for item_id, value in row.items.items():
            counts.setdefault(item_id, 0)
            decided.setdefault(item_id, 0)
            if value is not None:
                decided[item_id] += 1
            if value == "yes":
                counts[item_id] += 1
    scored = {row.municipality_code: row.information for row in rows if row.information is not None}
    groups = {
        row.municipality_code: row.size_group or registry.get(row.municipality_code) for row in rows
    }
    values = [value for value in scored.values() if value is not None]
    return RoundStats(
        round_id=round_id,
        source=source,
        municipalities=len(rows),
        counts=counts,
        decided=decided,
        scores=values,
        average_by_group=average_by_group(
            {code: value for code, value in scored.items() if value is not None}, groups
        ),
        national_average=round(mean(values), 1) if values else None,
        items=list(counts),
    )


def collect_statistics(store: Store, checklist: Checklist) -> list[RoundStats]:
    """Every round known, oldest first."""
    with store.session() as session:
        reviewed = list(session.exec(select(AuditRound.id).order_by(col(AuditRound.id))).all())
        imports = latest_imports(session)
    rounds: dict[str, RoundStats] = {}
    for round_id, record in imports.items():
        assert record.id is not None
        rounds[round_id] = _from_import(store, record.id, record.source, round_id)
    for round_id in reviewed:
        stats = _from_store(store, checklist, round_id)
        if stats.municipalities == 0 and round_id in rounds:
            continue  # nothing decided yet: keep the imported figures
        if round_id in rounds:
            stats.shadowed_import = rounds[round_id].source
        rounds[round_id] = stats
    return [rounds[key] for key in sorted(rounds)]

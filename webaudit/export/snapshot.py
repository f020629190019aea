"""One read of everything an export needs for a round, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field

from webaudit.checklists import Checklist
from webaudit.scoring import MunicipalityScore, rank, score_municipality, verdict_of
from webaudit.store import Store
from webaudit.store.captures import count_captures, get_captures, latest_runs
from webaudit.store.decisions import current_decisions
from webaudit.store.findings import current_flags, get_findings
from webaudit.store.rounds import get_round, round_municipalities
from webaudit.store.tables import Capture, CrawlRun, Decision, Finding, ItemFlag, Municipality


@dataclass
class ItemState:
    item_id: str
    flag: ItemFlag | None
    decision: Decision | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def auto(self) -> str:
        return self.flag.result if self.flag else "review"

    @property
    def verdict(self) -> str:
        return verdict_of(self.decision.value if self.decision else None)


@dataclass
class MunicipalityState:
    municipality: Municipality
    crawl: CrawlRun | None
    pages: int
    items: list[ItemState]
    score: MunicipalityScore
    rank: int | None = None

    @property
    def crawl_status(self) -> str:
        if self.crawl is None:
            return "not_crawled"
        return "partial" if self.crawl.status == "running" else self.crawl.status


@dataclass
class RoundSnapshot:
    round_id: str
    checklist: Checklist
    municipalities: list[MunicipalityState]
    captures: dict[int, Capture]


def read_round(
    store: Store, checklist: Checklist, round_id: str, codes: list[str] | None = None
) -> RoundSnapshot:
    with store.session() as session:
        get_round(session, round_id)
        members = round_municipalities(session, round_id)
        if codes:
            members = [(m, rm) for m, rm in members if m.code in set(codes)]
        runs = latest_runs(session, round_id)
        flags = current_flags(session, round_id)
        decisions = current_decisions(session, round_id)
        finding_ids = [fid for flag in flags.values() for fid in flag.finding_ids]
        findings = get_findings(session, finding_ids)
        decision_capture_ids = [cid for d in decisions.values() for cid in d.evidence_capture_ids]
        captures = get_captures(
            session, {f.capture_id for f in findings.values()} | set(decision_capture_ids)
        )
        pages = {code: count_captures(session, run.id) for code, run in runs.items()}
    states = []
    for municipality, _membership in members:
        items = []
        for item in checklist.items:
            flag = flags.get((municipality.code, item.id))
            decision = decisions.get((municipality.code, item.id))
            item_findings = [
                findings[fid] for fid in (flag.finding_ids if flag else []) if fid in findings
            ]
            items.append(ItemState(item.id, flag, decision, item_findings))
        score = score_municipality(
            municipality.code,
            {s.item_id: s.decision.value if s.decision else None for s in items},
            checklist,
        )
        states.append(
            MunicipalityState(
                municipality,
                runs.get(municipality.code),
                pages.get(municipality.code, 0),
                items,
                score,
            )
        )
    ranks = rank(
        {
            s.municipality.code: s.score.scores.get("information", 0.0)
            for s in states
            if s.score.decided
        }
    )
    for state in states:
        state.rank = ranks.get(state.municipality.code)
    return RoundSnapshot(round_id, checklist, states, captures)

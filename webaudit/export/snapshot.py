"""One read of everything an export needs for a round, as plain data.

Every export (JSON, CSV, XLSX, evidence lists, reports) is built from a RoundSnapshot, so they
all agree on scores, ranks and evidence; scores are always recomputed from the current
decisions, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from webaudit.checklists import Checklist
from webaudit.scoring import (
    MunicipalityScore,
    RoundSummary,
    score_municipality,
    summarize_round,
    verdict_of,
)
from webaudit.store import Store
from webaudit.store.captures import count_captures, get_captures, latest_runs
from webaudit.store.decisions import current_decisions
from webaudit.store.disputes import list_disputes
from webaudit.store.findings import current_flags, get_findings
from webaudit.store.rounds import get_round, round_municipalities
from webaudit.store.tables import (
    AuditRound,
    Capture,
    CrawlRun,
    Decision,
    Dispute,
    Finding,
    ItemFlag,
    Municipality,
)
from webaudit.store.types import utcnow


@dataclass(frozen=True)
class EvidenceRef:
    """One capture supporting (or examined for) an item, with the matcher's quote and crop."""

    capture: Capture
    quote: str | None
    crop_path: str | None
    crop_sha256: str | None
    location: str | None
    chosen_by_reviewer: bool


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

    def evidence(self, captures: dict[int, Capture]) -> list[EvidenceRef]:
        """The reviewer's chosen captures first, then the matcher's findings; each once."""
        chosen = list(self.decision.evidence_capture_ids) if self.decision else []
        by_capture: dict[int, Finding] = {}
        for finding in self.findings:
            by_capture.setdefault(finding.capture_id, finding)
        refs: list[EvidenceRef] = []
        for capture_id in dict.fromkeys([*chosen, *by_capture]):
            capture = captures.get(capture_id)
            if capture is None:
                continue
            found = by_capture.get(capture_id)
            refs.append(
                EvidenceRef(
                    capture=capture,
                    quote=found.quote if found else None,
                    crop_path=getattr(found, "crop_path", None) if found else None,
                    crop_sha256=getattr(found, "crop_sha256", None) if found else None,
                    location=found.location if found else None,
                    chosen_by_reviewer=capture_id in chosen,
                )
            )
        return refs


@dataclass
class MunicipalityState:
    municipality: Municipality
    crawl: CrawlRun | None
    pages: int
    items: list[ItemState]
    score: MunicipalityScore
    rank: int | None = None
    disputes: list[Dispute] = field(default_factory=list)

    @property
    def crawl_status(self) -> str:
        if self.crawl is None:
            return "not_crawled"
        return "partial" if self.crawl.status == "running" else self.crawl.status

    @property
    def wacz_path(self) -> str | None:
        return getattr(self.crawl, "wacz_path", None) if self.crawl else None

    def item(self, item_id: str) -> ItemState:
        return next(state for state in self.items if state.item_id == item_id)


@dataclass
class RoundSnapshot:
    round_id: str
    checklist: Checklist
    municipalities: list[MunicipalityState]
    captures: dict[int, Capture]
    summary: RoundSummary | None = None
    dispute_until: datetime | None = None
    read_at: datetime = field(default_factory=utcnow)
    runs: dict[int, CrawlRun] = field(default_factory=dict)  # latest and cited crawl runs

    def archives(self, state: MunicipalityState) -> list[CrawlRun]:
        """Crawl runs with a web archive to replay this municipality's evidence: the runs its
        cited captures came from, and its latest run; oldest first."""
        wanted = {
            ref.capture.crawl_run_id for item in state.items for ref in item.evidence(self.captures)
        }
        if state.crawl is not None and state.crawl.id is not None:
            wanted.add(state.crawl.id)
        found = [self.runs[i] for i in wanted if i in self.runs]
        return sorted(
            (run for run in found if getattr(run, "wacz_path", None)), key=lambda run: run.id or 0
        )

    def municipality(self, code: str) -> MunicipalityState | None:
        return next((s for s in self.municipalities if s.municipality.code == code), None)


def read_round(
    store: Store, checklist: Checklist, round_id: str, codes: list[str] | None = None
) -> RoundSnapshot:
    """The round as it stands now. Ranks and averages are over the whole round even when
    `codes` selects a few municipalities, so a municipality's rank never depends on the
    selection."""
    with store.session() as session:
        audit_round: AuditRound = get_round(session, round_id)
        members = round_municipalities(session, round_id)
        runs = latest_runs(session, round_id)
        flags = current_flags(session, round_id)
        decisions = current_decisions(session, round_id)
        wanted = set(codes) if codes else None
        selected = [m for m, _rm in members if wanted is None or m.code in wanted]
        selected_codes = {m.code for m in selected}
        finding_ids = [
            fid
            for (code, _item), flag in flags.items()
            if code in selected_codes
            for fid in flag.finding_ids
        ]
        findings = get_findings(session, finding_ids)
        decision_capture_ids = [
            cid
            for (code, _item), d in decisions.items()
            if code in selected_codes
            for cid in d.evidence_capture_ids
        ]
        captures = get_captures(
            session, {f.capture_id for f in findings.values()} | set(decision_capture_ids)
        )
        cited_runs = {c.crawl_run_id for c in captures.values()} - {r.id for r in runs.values()}
        runs_by_id = {run.id: run for run in runs.values() if run.id is not None}
        for run_id in cited_runs:
            cited = session.get(CrawlRun, run_id)
            if cited is not None:
                runs_by_id[run_id] = cited
        pages = {
            code: run.pages if run.status != "running" else count_captures(session, run.id)
            for code, run in runs.items()
            if code in selected_codes
        }
        disputes: dict[str, list[Dispute]] = {}
        for dispute in list_disputes(session, round_id):
            disputes.setdefault(dispute.municipality_code, []).append(dispute)
    all_scores: list[MunicipalityScore] = []
    verdicts: dict[str, dict[str, str | None]] = {}
    states = []
    for municipality, _membership in members:
        per_item = {
            item.id: (d.value if (d := decisions.get((municipality.code, item.id))) else None)
            for item in checklist.items
        }
        verdicts[municipality.code] = per_item
        score = score_municipality(municipality.code, per_item, checklist)
        all_scores.append(score)
        if municipality.code not in selected_codes:
            continue
        items = []
        for item in checklist.items:
            flag = flags.get((municipality.code, item.id))
            item_findings = [
                findings[fid] for fid in (flag.finding_ids if flag else []) if fid in findings
            ]
            items.append(
                ItemState(item.id, flag, decisions.get((municipality.code, item.id)), item_findings)
            )
        states.append(
            MunicipalityState(
                municipality,
                runs.get(municipality.code),
                pages.get(municipality.code, 0),
                items,
                score,
                disputes=disputes.get(municipality.code, []),
            )
        )
    summary = summarize_round(
        all_scores, {m.code: m.size_group for m, _ in members}, verdicts, checklist
    )
    for state in states:
        state.rank = summary.ranks.get(state.municipality.code)
    return RoundSnapshot(
        round_id,
        checklist,
        states,
        captures,
        summary=summary,
        dispute_until=audit_round.dispute_until,
        runs=runs_by_id,
    )

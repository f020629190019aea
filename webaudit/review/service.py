"""What a reviewer can see and do, independent of any UI."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from sqlmodel import col, delete, select

from webaudit.checklists import ChecklistItem
from webaudit.match import MATCHER_VERSION
from webaudit.store.captures import get_captures, latest_runs
from webaudit.store.decisions import (
    DecisionInput,
    current_decisions,
    current_revision,
    decision_history,
    record_decision,
)
from webaudit.store.events import log_event
from webaudit.store.findings import current_flags, get_findings
from webaudit.store.rounds import round_municipalities
from webaudit.store.tables import Capture, Claim, Decision, Finding, ItemFlag, Municipality
from webaudit.workspace import Workspace


@dataclass
class QueueRow:
    code: str
    name: str
    size_group: int | None
    crawl_status: str
    decided: int
    total: int
    flags: dict[str, int]  # pass/fail/review counts
    claimed_by: str | None

    @property
    def uncertainty(self) -> int:
        return self.flags.get("review", 0)


@dataclass
class ItemRow:
    item: ChecklistItem
    flag: ItemFlag | None
    decision: Decision | None
    revision: int
    findings: list[Finding] = field(default_factory=list)
    captures: dict[int, Capture] = field(default_factory=dict)
    previous_round: Decision | None = None

    @property
    def auto(self) -> str:
        return self.flag.result if self.flag else "review"


class ReviewService:
    def __init__(self, workspace: Workspace, round_id: str, reviewer: str) -> None:
        self.workspace = workspace
        self.store = workspace.store
        self.checklist = workspace.checklist
        self.round_id = round_id
        self.reviewer = reviewer

    def queue(self) -> list[QueueRow]:
        with self.store.session() as session:
            members = round_municipalities(session, self.round_id)
            runs = latest_runs(session, self.round_id)
            flags = current_flags(session, self.round_id)
            decisions = current_decisions(session, self.round_id)
            claims = {
                c.municipality_code: c.reviewer
                for c in session.exec(
                    select(Claim).where(Claim.round_id == self.round_id, Claim.role == "primary")
                ).all()
            }
        total = len(self.checklist.items)
        rows = []
        for municipality, _ in members:
            counts = {"pass": 0, "fail": 0, "review": 0}
            for item in self.checklist.items:
                flag = flags.get((municipality.code, item.id))
                counts[flag.result if flag else "review"] += 1
            decided = sum(
                1
                for item in self.checklist.items
                if (d := decisions.get((municipality.code, item.id))) and d.value
            )
            run = runs.get(municipality.code)
            rows.append(
                QueueRow(
                    municipality.code,
                    municipality.name,
                    municipality.size_group,
                    run.status if run else "not_crawled",
                    decided,
                    total,
                    counts,
                    claims.get(municipality.code),
                )
            )
        return rows

    def municipality(self, code: str) -> Municipality | None:
        with self.store.session() as session:
            return session.get(Municipality, code)

    def items(self, code: str) -> list[ItemRow]:
        previous_round = str(int(self.round_id) - 1) if self.round_id.isdigit() else None
        with self.store.session() as session:
            flags = current_flags(session, self.round_id, code)
            decisions = current_decisions(session, self.round_id, code)
            previous = current_decisions(session, previous_round, code) if previous_round else {}
            findings = get_findings(
                session, [fid for flag in flags.values() for fid in flag.finding_ids]
            )
            decision_captures = [cid for d in decisions.values() for cid in d.evidence_capture_ids]
            captures = get_captures(
                session, {f.capture_id for f in findings.values()} | set(decision_captures)
            )
            revisions = {
                item.id: current_revision(session, self.round_id, code, item.id)
                for item in self.checklist.items
            }
        rows = []
        for item in self.checklist.items:
            flag = flags.get((code, item.id))
            item_findings = [
                findings[fid] for fid in (flag.finding_ids if flag else []) if fid in findings
            ]
            rows.append(
                ItemRow(
                    item,
                    flag,
                    decisions.get((code, item.id)),
                    revisions[item.id],
                    item_findings,
                    captures,
                    previous.get((code, item.id)),
                )
            )
        return rows

    def decide(
        self,
        code: str,
        item_id: str,
        value: str | None,
        *,
        expected_revision: int,
        note: str | None = None,
        seconds_spent: float = 0.0,
        evidence_capture_ids: tuple[int, ...] = (),
    ) -> Decision:
        data = DecisionInput(
            round_id=self.round_id,
            municipality_code=code,
            item_id=item_id,
            value=value,
            reviewer=self.reviewer,
            checklist_id=self.checklist.id,
            checklist_version=self.checklist.version,
            note=note,
            seconds_spent=round(seconds_spent, 2),
            evidence_capture_ids=evidence_capture_ids,
            matcher_version=MATCHER_VERSION,
        )
        with self.store.session(write=True) as session:
            return record_decision(session, data, expected_revision=expected_revision)

    def undo(self, code: str, item_id: str, *, expected_revision: int) -> Decision:
        """Restore the decision before the current one (or no decision) as a new decision."""
        with self.store.session() as session:
            history = decision_history(session, self.round_id, code, item_id)
        primary = [d for d in history if d.role == "primary"]
        before = next((d for d in reversed(primary[:-1])), None) if primary else None
        return self.decide(
            code,
            item_id,
            before.value if before else None,
            expected_revision=expected_revision,
            note=before.note if before else None,
            evidence_capture_ids=tuple(before.evidence_capture_ids) if before else (),
        )

    def claim(self, code: str) -> str:
        """Claim a site for this reviewer; returns who holds it (someone else may already)."""
        with self.store.session(write=True) as session:
            existing = session.get(Claim, (self.round_id, code, "primary"))
            if existing is not None:
                return existing.reviewer
            session.add(
                Claim(
                    round_id=self.round_id,
                    municipality_code=code,
                    role="primary",
                    reviewer=self.reviewer,
                )
            )
            log_event(
                session,
                self.reviewer,
                "site_claimed",
                round_id=self.round_id,
                municipality_code=code,
            )
        return self.reviewer

    def release(self, code: str) -> None:
        with self.store.session(write=True) as session:
            session.execute(
                delete(Claim).where(
                    col(Claim.round_id) == self.round_id,
                    col(Claim.municipality_code) == code,
                    col(Claim.reviewer) == self.reviewer,
                )
            )


class Stopwatch:
    """Seconds a reviewer spent on an item, for the per-decision time log."""

    def __init__(self) -> None:
        self.started = time.monotonic()

    def restart(self) -> None:
        self.started = time.monotonic()

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

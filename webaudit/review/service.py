"""What a reviewer can see and do, independent of any UI.

Reads are shaped for speed (see webaudit/store/review.py); writes go through
`record_decision`, so every decision is appended with optimistic concurrency: a reviewer who
decides on a stale view gets StaleWriteError and nothing is stored.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from sqlmodel import Session, col, delete, select

from webaudit.errors import NotFoundError, StaleWriteError, WebauditError
from webaudit.match import MATCHER_VERSION
from webaudit.review import changes
from webaudit.review.rows import (
    Candidate,
    ItemRow,
    QueueRow,
    Role,
    SiteView,
    SortKey,
)
from webaudit.store.captures import get_captures
from webaudit.store.decisions import DecisionInput, decision_history, record_decision
from webaudit.store.events import log_event
from webaudit.store.findings import get_findings
from webaudit.store.retry import record_decision_retrying
from webaudit.store.review import (
    QueueStamp,
    crawl_statuses,
    decided_counts,
    flag_summaries,
    page_hashes,
    queue_stamp,
    sampled_for_second_review,
    site_flags,
    site_heads,
    site_state,
    undo_links,
)
from webaudit.store.rounds import round_municipalities
from webaudit.store.tables import Capture, Claim, Decision, Municipality
from webaudit.workspace import Workspace

CANDIDATES_PER_ITEM = 5


@dataclass(frozen=True)
class QueueUpdate:
    stamp: QueueStamp
    rows: list[QueueRow]  # the rows that changed; every row when `full`
    full: bool


class ReviewService:
    def __init__(self, workspace: Workspace, round_id: str, reviewer: str) -> None:
        self.workspace = workspace
        self.store = workspace.store
        self.checklist = workspace.checklist
        self.round_id = round_id
        self.reviewer = reviewer

    @property
    def previous_round_id(self) -> str | None:
        return str(int(self.round_id) - 1) if self.round_id.isdigit() else None

    # -- reading -------------------------------------------------------------------------------

    def queue(self) -> list[QueueRow]:
        """Every municipality of the round with crawl status, progress, claims and pre-flags."""
        return self.queue_with_stamp()[0]

    def queue_with_stamp(self) -> tuple[list[QueueRow], QueueStamp]:
        """The queue and a stamp to ask `queue_changes` what changed since."""
        with self.store.session() as session:
            stamp = queue_stamp(session, self.round_id)  # first: the rows are at least as new
            return self._queue_rows(session, stamp.claims), stamp

    def queue_changes(self, shown: Mapping[str, QueueRow], since: QueueStamp) -> QueueUpdate:
        """The queue rows that changed since `since` (decisions, claims), read cheaply.

        Only sites whose decision heads or claims moved are read again; when crawls,
        evaluations, sampling or the round's members changed, the whole queue is (`full`).
        """
        with self.store.session() as session:
            stamp = queue_stamp(session, self.round_id)
            if stamp.world != since.world:
                return QueueUpdate(stamp, self._queue_rows(session, stamp.claims), full=True)
            codes = sorted(code for code in stamp.changed_sites(since) if code in shown)
            if not codes:
                return QueueUpdate(stamp, [], full=False)
            decided = decided_counts(session, self.round_id, codes=codes)
            second = decided_counts(session, self.round_id, role="second", codes=codes)
        rows = [
            replace(
                shown[code],
                decided=decided.get(code, 0),
                claimed_by=stamp.claims.get((code, "primary")),
                second_by=stamp.claims.get((code, "second")),
                second_decided=second.get(code, 0),
            )
            for code in codes
        ]
        return QueueUpdate(stamp, [row for row in rows if row != shown[row.code]], full=False)

    def _queue_rows(
        self, session: Session, holders: Mapping[tuple[str, str], str]
    ) -> list[QueueRow]:
        total = len(self.checklist.items)
        members = round_municipalities(session, self.round_id)
        crawls = crawl_statuses(session, self.round_id)
        summaries = flag_summaries(session, self.round_id)
        decided = decided_counts(session, self.round_id)
        second_decided = decided_counts(session, self.round_id, role="second")
        sampled = sampled_for_second_review(session, self.round_id)
        rows = []
        for municipality, _membership in members:
            code = municipality.code
            status, pages = crawls.get(code, ("not_crawled", 0))
            summary = summaries.get(code)
            counts = dict(summary.counts) if summary else {"pass": 0, "fail": 0, "review": total}
            rows.append(
                QueueRow(
                    code=code,
                    name=municipality.name,
                    size_group=municipality.size_group,
                    crawl_status=status,
                    pages=pages,
                    decided=decided.get(code, 0),
                    total=total,
                    flags=counts,
                    uncertainty=summary.uncertainty if summary else float(total),
                    claimed_by=holders.get((code, "primary")),
                    second_sampled=code in sampled,
                    second_by=holders.get((code, "second")),
                    second_decided=second_decided.get(code, 0),
                )
            )
        return rows

    def municipality(self, code: str) -> Municipality:
        with self.store.session() as session:
            found = session.get(Municipality, code)
        if found is None:
            raise NotFoundError(f"kommunen {code} finns inte i databasen")
        return found

    def site(self, code: str, role: Role = "primary") -> SiteView:
        """One municipality: every checklist item with pre-flag, evidence and decisions.

        In the blind second review (`role="second"`) the primary decisions are not loaded.
        """
        previous_id = self.previous_round_id
        with self.store.session() as session:
            municipality = session.get(Municipality, code)
            if municipality is None:
                raise NotFoundError(f"kommunen {code} finns inte i databasen")
            flags = site_flags(session, self.round_id, code)
            heads = site_heads(session, self.round_id, code, [role])
            previous_heads = (
                site_heads(session, previous_id, code, ["primary"]) if previous_id else {}
            )
            findings = get_findings(
                session,
                [fid for flag in flags.values() for fid in flag.finding_ids[:CANDIDATES_PER_ITEM]],
            )
            decided_evidence = [
                cid for _, decision in heads.values() for cid in decision.evidence_capture_ids
            ]
            captures = get_captures(
                session, {f.capture_id for f in findings.values()} | set(decided_evidence)
            )
            current_pages = page_hashes(session, self.round_id, code)
            previous_pages = page_hashes(session, previous_id, code) if previous_id else []
            claim = session.get(Claim, (self.round_id, code, role))
            holder = claim.reviewer if claim is not None else None
            status, pages = crawl_statuses(session, self.round_id, [code]).get(
                code, ("not_crawled", 0)
            )
        current_hashes = changes.hashes_by_url(current_pages)
        previous_hashes = changes.hashes_by_url(previous_pages)
        previous_url = {page.capture_id: page.final_url for page in previous_pages}
        rows = []
        for item in self.checklist.items:
            flag = flags.get(item.id)
            revision, decision = heads.get((item.id, role), (0, None))
            candidates = [
                Candidate(captures[finding.capture_id], finding)
                for fid in (flag.finding_ids[:CANDIDATES_PER_ITEM] if flag else [])
                if (finding := findings.get(fid)) is not None and finding.capture_id in captures
            ]
            shown = {c.capture.id for c in candidates}
            for cid in decision.evidence_capture_ids if decision else []:
                if cid not in shown and cid in captures and captures[cid].source != "crawl":
                    candidates.insert(0, Candidate(captures[cid]))
                    shown.add(cid)
            previous = previous_heads.get((item.id, "primary"), (0, None))[1]
            page_changes = []
            if previous_pages:
                page_changes = changes.evidence_changes(
                    [c.capture.final_url for c in candidates],
                    [
                        previous_url[cid]
                        for cid in (previous.evidence_capture_ids if previous else [])
                        if cid in previous_url
                    ],
                    current_hashes,
                    previous_hashes,
                )
            rows.append(
                ItemRow(
                    item=item,
                    flag=flag,
                    role=role,
                    decision=decision,
                    revision=revision,
                    candidates=candidates,
                    previous_round=previous,
                    change=changes.summary(page_changes),
                    page_changes=page_changes,
                )
            )
        return SiteView(
            code=code,
            name=municipality.name,
            role=role,
            crawl_status=status,
            pages=pages,
            rows=rows,
            claimed_by=holder,
            previous_round_id=previous_id,
        )

    def site_is_current(self, view: SiteView) -> bool:
        """Whether a site read earlier (ahead of time, off the UI) still holds: same decision
        revisions, same evaluation, same claim. Much cheaper than reading the site again."""
        with self.store.session() as session:
            state = site_state(session, self.round_id, view.code, view.role)
        shown = {(row.item.id, view.role): row.revision for row in view.rows if row.revision}
        evaluations = {row.flag.evaluation_id for row in view.rows if row.flag is not None}
        return (
            state.revisions == shown
            and evaluations <= {state.evaluation_id}
            and (state.evaluation_id is None) == (not evaluations)
            and state.holder == view.claimed_by
        )

    def item(self, code: str, item_id: str, role: Role = "primary") -> ItemRow:
        """A fresh copy of one item (after a stale write, to show what is there now)."""
        for row in self.site(code, role).rows:
            if row.item.id == item_id:
                return row
        raise NotFoundError(f"punkten '{item_id}' finns inte i checklistan")

    # -- deciding ------------------------------------------------------------------------------

    def decide(
        self,
        code: str,
        item_id: str,
        value: str | None,
        *,
        expected_revision: int,
        role: Role = "primary",
        note: str | None = None,
        seconds_spent: float = 0.0,
        evidence_capture_ids: Iterable[int] = (),
    ) -> Decision:
        """Append a decision; StaleWriteError if someone decided the item since it was read."""
        if value == "not_applicable" and not (note and note.strip()):
            raise WebauditError("ej tillämplig kräver ett skäl")
        if role == "second":
            self._refuse_own_second_review(code)
        data = DecisionInput(
            round_id=self.round_id,
            municipality_code=code,
            item_id=item_id,
            value=value,
            reviewer=self.reviewer,
            checklist_id=self.checklist.id,
            checklist_version=self.checklist.version,
            role=role,
            note=note,
            seconds_spent=round(max(seconds_spent, 0.0), 2),
            evidence_capture_ids=tuple(evidence_capture_ids),
            matcher_version=MATCHER_VERSION,
        )
        # Retried as a whole while the database is briefly unreachable (store/retry.py).
        return record_decision_retrying(self.store, data, expected_revision=expected_revision)

    def decide_row(
        self,
        code: str,
        row: ItemRow,
        value: str | None,
        *,
        note: str | None = None,
        seconds_spent: float = 0.0,
    ) -> Decision:
        """Decide an item as shown, citing its evidence, keeping an earlier note unless replaced."""
        decision = self.decide(
            code,
            row.item.id,
            value,
            expected_revision=row.revision,
            role=row.role,
            note=note if note is not None else (row.decision.note if row.decision else None),
            seconds_spent=seconds_spent,
            evidence_capture_ids=row.evidence_for_decision(),
        )
        row.decision, row.revision = decision, decision.revision
        return decision

    def accept_suggestion(self, code: str, row: ItemRow, *, seconds_spent: float) -> Decision:
        """The fast path: the pre-flag is right (pass -> yes, fail -> no)."""
        if row.suggestion is None:
            raise WebauditError(
                "förhandsbedömningen är osäker: välj själv med j (ja) eller n (nej)"
            )
        return self.decide_row(code, row, row.suggestion, seconds_spent=seconds_spent)

    def set_note(self, code: str, row: ItemRow, note: str) -> Decision:
        """A note is kept with the decision: appended as a new revision with the same value."""
        decision = self.decide(
            code,
            row.item.id,
            row.value,
            expected_revision=row.revision,
            role=row.role,
            note=note.strip() or None,
            evidence_capture_ids=row.decision.evidence_capture_ids if row.decision else (),
        )
        row.decision, row.revision = decision, decision.revision
        return decision

    def attach_capture(self, code: str, row: ItemRow, capture: Capture) -> Decision:
        """Cite a capture (e.g. one taken by hand) as evidence of the item's decision."""
        assert capture.id is not None
        cited = list(row.decision.evidence_capture_ids) if row.decision else []
        decision = self.decide(
            code,
            row.item.id,
            row.value,
            expected_revision=row.revision,
            role=row.role,
            note=row.decision.note if row.decision else None,
            evidence_capture_ids=[capture.id, *cited],
        )
        row.decision, row.revision = decision, decision.revision
        row.candidates.insert(0, Candidate(capture))
        return decision

    def undo(self, code: str, row: ItemRow) -> Decision:
        """Step back one decision, as a new decision; repeated undos keep stepping back.

        Which decisions were undos is in the event log ("decision_undone"), written in the same
        transaction, so the history replays to a stack: an undo pops, any other decision pushes.
        """
        with self.store.session(write=True) as session:
            history = [
                d
                for d in decision_history(session, self.round_id, code, row.item.id)
                if d.role == row.role
            ]
            undone = undo_links(session, self.round_id, code, row.item.id)
            stack: list[Decision] = []
            for decision in history:
                if decision.id in undone:
                    if stack:
                        stack.pop()
                else:
                    stack.append(decision)
            if not stack:
                raise WebauditError("inget att ångra för denna punkt")
            before = stack[-2] if len(stack) > 1 else None
            data = DecisionInput(
                round_id=self.round_id,
                municipality_code=code,
                item_id=row.item.id,
                value=before.value if before else None,
                reviewer=self.reviewer,
                checklist_id=self.checklist.id,
                checklist_version=self.checklist.version,
                role=row.role,
                note=before.note if before else None,
                evidence_capture_ids=tuple(before.evidence_capture_ids) if before else (),
                matcher_version=MATCHER_VERSION,
            )
            decision = record_decision(session, data, expected_revision=row.revision)
            log_event(
                session,
                self.reviewer,
                "decision_undone",
                round_id=self.round_id,
                municipality_code=code,
                item_id=row.item.id,
                decision_id=decision.id,
                undone_decision_id=stack[-1].id,
            )
        row.decision, row.revision = decision, decision.revision
        return decision

    def capture_page(self, code: str, url: str, item_id: str | None = None) -> Capture:
        """Capture a URL found by hand, like a crawled page (blocking: call it off the UI)."""
        from webaudit.crawl.single import capture_url

        return capture_url(
            self.store,
            self.workspace.evidence,
            self.workspace.settings,
            round_id=self.round_id,
            municipality_code=code,
            url=url,
            actor=self.reviewer,
            item_id=item_id,
        )

    # -- claims --------------------------------------------------------------------------------

    def claim(self, code: str, role: Role = "primary", *, held_by: str | None = None) -> str:
        """Claim a site for this reviewer; returns who holds it (someone else may already).

        `held_by`: the holder as just read with the site (`SiteView.claimed_by`), so a site
        that is claimed already costs no second read.
        """
        if role == "second":
            self._refuse_own_second_review(code)
        if held_by is not None:
            return held_by
        with self.store.session() as session:  # most opens find a claim: no write lock then
            held = session.get(Claim, (self.round_id, code, role))
        if held is not None:
            return held.reviewer
        with self.store.session(write=True) as session:
            existing = session.get(Claim, (self.round_id, code, role))
            if existing is not None:
                return existing.reviewer
            session.add(
                Claim(
                    round_id=self.round_id,
                    municipality_code=code,
                    role=role,
                    reviewer=self.reviewer,
                )
            )
            log_event(
                session,
                self.reviewer,
                "site_claimed",
                round_id=self.round_id,
                municipality_code=code,
                role=role,
            )
        return self.reviewer

    def release(self, code: str, role: Role = "primary") -> None:
        with self.store.session(write=True) as session:
            session.execute(
                delete(Claim).where(
                    col(Claim.round_id) == self.round_id,
                    col(Claim.municipality_code) == code,
                    col(Claim.role) == role,
                    col(Claim.reviewer) == self.reviewer,
                )
            )
            log_event(
                session,
                self.reviewer,
                "site_released",
                round_id=self.round_id,
                municipality_code=code,
                role=role,
            )

    def _refuse_own_second_review(self, code: str) -> None:
        """A blind second review must be by someone who did not do the first."""
        with self.store.session() as session:
            first = session.exec(
                select(Decision.reviewer)
                .where(
                    Decision.round_id == self.round_id,
                    Decision.municipality_code == code,
                    Decision.role == "primary",
                    Decision.reviewer == self.reviewer,
                )
                .limit(1)
            ).first()
            holder = session.get(Claim, (self.round_id, code, "primary"))
        if first is not None or (holder is not None and holder.reviewer == self.reviewer):
            raise WebauditError(
                "du gjorde förstagranskningen av denna kommun; andragranskningen görs av någon annan"
            )


def sort_queue(rows: list[QueueRow], key: SortKey) -> list[QueueRow]:
    """Order the queue: most uncertain first, by name, by size group, or least done first."""
    orderings: dict[SortKey, Callable[[QueueRow], tuple[object, ...]]] = {
        "uncertainty": lambda r: (r.done, -r.uncertainty, r.code),
        "name": lambda r: (r.name.casefold(), r.code),
        "size_group": lambda r: (-(r.size_group or 0), r.name.casefold()),
        "progress": lambda r: (r.progress, -r.uncertainty, r.code),
    }
    return sorted(rows, key=orderings[key])


def filter_queue(rows: list[QueueRow], text: str) -> list[QueueRow]:
    """Rows whose code or name contains `text` (case-insensitive); empty text keeps all."""
    needle = text.strip().casefold()
    if not needle:
        return rows
    return [r for r in rows if needle in r.code.casefold() or needle in r.name.casefold()]


class Stopwatch:
    """Seconds a reviewer spent on an item, for the per-decision time log."""

    def __init__(self) -> None:
        self.started = time.monotonic()

    def restart(self) -> None:
        self.started = time.monotonic()

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started


__all__ = [
    "ItemRow",
    "QueueRow",
    "QueueStamp",
    "QueueUpdate",
    "ReviewService",
    "SiteView",
    "StaleWriteError",
    "Stopwatch",
    "filter_queue",
    "sort_queue",
]

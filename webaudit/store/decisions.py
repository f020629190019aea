"""Decisions: appended, never updated, with optimistic concurrency.

Each (round, municipality, item, role) has a head row holding the current decision and a
revision number. A writer says which revision it saw; if someone else wrote in between, the
write is refused with StaleWriteError and nothing is stored. History is the decision table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from webaudit.errors import StaleWriteError
from webaudit.store.events import log_event
from webaudit.store.tables import Decision, DecisionHead

VALUES = ("yes", "no", "not_applicable")
ROLES = ("primary", "second", "adjudication", "import")


@dataclass(frozen=True)
class DecisionInput:
    round_id: str
    municipality_code: str
    item_id: str
    value: str | None  # None clears (undo to nothing)
    reviewer: str
    checklist_id: str
    checklist_version: str
    role: str = "primary"
    note: str | None = None
    seconds_spent: float = 0.0
    evidence_capture_ids: tuple[int, ...] = ()
    matcher_version: str | None = None


def current_revision(
    session: Session, round_id: str, code: str, item_id: str, role: str = "primary"
) -> int:
    head = session.get(DecisionHead, (round_id, code, item_id, role))
    return head.revision if head else 0


def record_decision(
    session: Session, data: DecisionInput, *, expected_revision: int | None
) -> Decision:
    """Append a decision if the head is still at `expected_revision` (None: whatever it is now).

    Use a write session (`store.session(write=True)`) so the check and the write are atomic.
    """
    if data.value is not None and data.value not in VALUES:
        raise ValueError(f"unknown decision value {data.value!r}")
    if data.role not in ROLES:
        raise ValueError(f"unknown decision role {data.role!r}")
    key = (data.round_id, data.municipality_code, data.item_id, data.role)
    head = session.get(DecisionHead, key, populate_existing=True)
    seen = head.revision if head else 0
    if expected_revision is not None and expected_revision != seen:
        raise StaleWriteError(_stale_message(session, head))
    decision = Decision(
        round_id=data.round_id,
        municipality_code=data.municipality_code,
        item_id=data.item_id,
        role=data.role,
        value=data.value,
        note=data.note,
        reviewer=data.reviewer,
        seconds_spent=data.seconds_spent,
        evidence_capture_ids=list(data.evidence_capture_ids),
        checklist_id=data.checklist_id,
        checklist_version=data.checklist_version,
        matcher_version=data.matcher_version,
        previous_id=head.decision_id if head else None,
        revision=seen + 1,
    )
    session.add(decision)
    session.flush()
    assert decision.id is not None
    if head is None:
        try:
            with session.begin_nested():
                session.add(
                    DecisionHead(
                        round_id=data.round_id,
                        municipality_code=data.municipality_code,
                        item_id=data.item_id,
                        role=data.role,
                        decision_id=decision.id,
                        revision=1,
                    )
                )
        except IntegrityError as error:
            raise StaleWriteError(
                "någon annan beslutade om punkten samtidigt; inget sparades, läs om och försök igen"
            ) from error
    else:
        moved = session.execute(
            update(DecisionHead)
            .where(
                col(DecisionHead.round_id) == data.round_id,
                col(DecisionHead.municipality_code) == data.municipality_code,
                col(DecisionHead.item_id) == data.item_id,
                col(DecisionHead.role) == data.role,
                col(DecisionHead.revision) == seen,
            )
            .values(decision_id=decision.id, revision=seen + 1)
        )
        if moved.rowcount != 1:  # type: ignore[attr-defined]
            raise StaleWriteError(_stale_message(session, None))
    log_event(
        session,
        data.reviewer,
        "decision_recorded",
        round_id=data.round_id,
        municipality_code=data.municipality_code,
        item_id=data.item_id,
        decision_id=decision.id,
        value=data.value,
        role=data.role,
        revision=seen + 1,
    )
    return decision


def _stale_message(session: Session, head: DecisionHead | None) -> str:
    if head is not None:
        current = session.get(Decision, head.decision_id)
        if current is not None:
            value = {"yes": "ja", "no": "nej", "not_applicable": "ej tillämplig"}.get(
                current.value or "", "inget"
            )
            return (
                f"{current.reviewer} ändrade punkten ({value}) efter att du öppnade den; "
                "inget sparades, se det nya läget"
            )
    return "punkten ändrades av någon annan efter att du öppnade den; inget sparades"


def current_decisions(
    session: Session, round_id: str, municipality_code: str | None = None, role: str = "primary"
) -> dict[tuple[str, str], Decision]:
    """The current decision per (municipality, item) for one role."""
    query = (
        select(Decision)
        .join(DecisionHead, col(DecisionHead.decision_id) == col(Decision.id))
        .where(DecisionHead.round_id == round_id, DecisionHead.role == role)
    )
    if municipality_code is not None:
        query = query.where(DecisionHead.municipality_code == municipality_code)
    return {(d.municipality_code, d.item_id): d for d in session.exec(query).all()}


def decision_history(
    session: Session, round_id: str, municipality_code: str, item_id: str
) -> list[Decision]:
    return list(
        session.exec(
            select(Decision)
            .where(
                Decision.round_id == round_id,
                Decision.municipality_code == municipality_code,
                Decision.item_id == item_id,
            )
            .order_by(col(Decision.id))
        ).all()
    )


def decisions_by_ids(session: Session, ids: Iterable[int]) -> dict[int, Decision]:
    wanted = list(ids)
    if not wanted:
        return {}
    rows = session.exec(select(Decision).where(col(Decision.id).in_(wanted))).all()
    return {row.id: row for row in rows if row.id is not None}

"""Disputes: a municipality's claim against one item's result, and how it was decided."""

from __future__ import annotations

from sqlmodel import Session, col, select

from webaudit.errors import NotFoundError
from webaudit.store.tables import Capture, Dispute, Event

DISPUTE_EVENTS = (
    "dispute_opened",
    "dispute_captured",
    "dispute_decided",
    "carry_over_noted",
    "score_recomputed",
)


def add_dispute(session: Session, dispute: Dispute) -> Dispute:
    session.add(dispute)
    session.flush()
    return dispute


def get_dispute(session: Session, dispute_id: int, *, for_update: bool = False) -> Dispute:
    dispute = session.get(Dispute, dispute_id, populate_existing=for_update)
    if dispute is None:
        raise NotFoundError(f"invändning {dispute_id} finns inte")
    return dispute


def list_disputes(
    session: Session,
    round_id: str | None = None,
    municipality_code: str | None = None,
    status: str | None = None,
) -> list[Dispute]:
    query = select(Dispute)
    if round_id is not None:
        query = query.where(Dispute.round_id == round_id)
    if municipality_code is not None:
        query = query.where(Dispute.municipality_code == municipality_code)
    if status is not None:
        query = query.where(Dispute.status == status)
    return list(session.exec(query.order_by(col(Dispute.id))).all())


def find_archived_capture(
    session: Session, round_id: str, municipality_code: str, url: str
) -> Capture | None:
    """The round's own capture of `url` (as requested or after redirects): a successful one
    first, then the newest.

    Only crawled captures count as 'archived': they were taken during the review, before the
    dispute, which is what a 'the review was wrong' decision must be judged against. Any crawl
    run of the round counts, since a decision may rest on an earlier run than the newest.
    """
    wanted = {url, url.rstrip("/"), url.rstrip("/") + "/"}
    rows = session.exec(
        select(Capture).where(
            Capture.round_id == round_id,
            Capture.municipality_code == municipality_code,
            Capture.source == "crawl",
            col(Capture.url).in_(wanted) | col(Capture.final_url).in_(wanted),
        )
    ).all()
    ok = [row for row in rows if row.status is not None and row.status < 400]
    return max(ok or rows, key=lambda row: row.id or 0, default=None)


def dispute_events(session: Session, dispute: Dispute) -> list[Event]:
    """The event trail of one dispute, oldest first."""
    rows = session.exec(
        select(Event)
        .where(
            Event.round_id == dispute.round_id,
            Event.municipality_code == dispute.municipality_code,
            col(Event.kind).in_(DISPUTE_EVENTS),
        )
        .order_by(col(Event.id))
    ).all()
    return [event for event in rows if event.payload.get("dispute_id") == dispute.id]

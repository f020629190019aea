"""The append-only event log."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from webaudit.store.tables import Event


def log_event(
    session: Session,
    actor: str,
    kind: str,
    *,
    round_id: str | None = None,
    municipality_code: str | None = None,
    item_id: str | None = None,
    **payload: Any,
) -> Event:
    """Append one event in the caller's transaction (so it lands exactly when the change does)."""
    event = Event(
        actor=actor,
        kind=kind,
        round_id=round_id,
        municipality_code=municipality_code,
        item_id=item_id,
        payload=payload,
    )
    session.add(event)
    return event

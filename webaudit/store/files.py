"""The record of every file in the evidence folder, for verification."""

from __future__ import annotations

from sqlmodel import Session

from webaudit.evidence import StoredObject
from webaudit.store.tables import StoredFile


def record_file(session: Session, stored: StoredObject) -> None:
    """Record a stored object once (content-addressed: the same hash is the same file)."""
    if session.get(StoredFile, stored.sha256) is None:
        session.add(
            StoredFile(
                sha256=stored.sha256,
                path=stored.path,
                size=stored.size,
                media_type=stored.media_type,
            )
        )

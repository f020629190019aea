"""Imported results of earlier rounds (see history_tables.py)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func
from sqlmodel import Session, col, select

from webaudit.store.events import log_event
from webaudit.store.history_tables import HistoryImport, HistoryResult


def add_import(
    session: Session, record: HistoryImport, results: Iterable[HistoryResult]
) -> HistoryImport:
    session.add(record)
    session.flush()
    assert record.id is not None
    count = 0
    for result in results:
        result.import_id = record.id
        result.round_id = record.round_id
        session.add(result)
        count += 1
    record.rows = count
    session.add(record)
    log_event(
        session,
        record.imported_by,
        "history_imported",
        round_id=record.round_id,
        import_id=record.id,
        source=record.source,
        sha256=record.sha256,
        rows=count,
    )
    session.flush()
    return record


def latest_imports(session: Session) -> dict[str, HistoryImport]:
    """The newest import per round."""
    newest = select(func.max(HistoryImport.id)).group_by(col(HistoryImport.round_id))
    rows = session.exec(select(HistoryImport).where(col(HistoryImport.id).in_(newest))).all()
    return {row.round_id: row for row in rows}


def all_imports(session: Session) -> list[HistoryImport]:
    return list(session.exec(select(HistoryImport).order_by(col(HistoryImport.id))).all())


def import_results(session: Session, import_id: int) -> list[HistoryResult]:
    return list(
        session.exec(
            select(HistoryResult)
            .where(HistoryResult.import_id == import_id)
            .order_by(col(HistoryResult.municipality_code))
        ).all()
    )

"""Crawl runs, their log (negative evidence) and captures."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from webaudit.evidence import StoredObject
from webaudit.store.files import record_file
from webaudit.store.tables import Capture, CrawlLogEntry, CrawlRun
from webaudit.store.types import utcnow

FINISHED = ("ok", "partial", "failed")
# Runs holding one page captured by hand (webaudit/crawl/single.py); never "the site's crawl".
MANUAL = "manual"


def start_crawl_run(
    session: Session,
    round_id: str,
    municipality_code: str,
    start_url: str,
    *,
    settings: dict[str, Any],
    user_agent: str,
) -> CrawlRun:
    run = CrawlRun(
        round_id=round_id,
        municipality_code=municipality_code,
        start_url=start_url,
        settings=settings,
        user_agent=user_agent,
    )
    session.add(run)
    session.flush()
    return run


def unfinished_run(session: Session, round_id: str, municipality_code: str) -> CrawlRun | None:
    """The newest run of this site that never finished (the process was killed): resume it."""
    latest = latest_run(session, round_id, municipality_code, finished_only=False)
    return latest if latest is not None and latest.status == "running" else None


def latest_run(
    session: Session, round_id: str, municipality_code: str, *, finished_only: bool = True
) -> CrawlRun | None:
    query = select(CrawlRun).where(
        CrawlRun.round_id == round_id,
        CrawlRun.municipality_code == municipality_code,
        CrawlRun.status != MANUAL,
    )
    if finished_only:
        query = query.where(col(CrawlRun.status).in_(FINISHED))
    return session.exec(query.order_by(col(CrawlRun.id).desc())).first()


def latest_runs(session: Session, round_id: str) -> dict[str, CrawlRun]:
    """The newest run per municipality in the round (finished or still running)."""
    newest = (
        select(func.max(CrawlRun.id))
        .where(CrawlRun.round_id == round_id, CrawlRun.status != MANUAL)
        .group_by(col(CrawlRun.municipality_code))
    )
    runs = session.exec(select(CrawlRun).where(col(CrawlRun.id).in_(newest))).all()
    return {run.municipality_code: run for run in runs}


def finish_crawl_run(
    session: Session,
    run: CrawlRun,
    *,
    status: str,
    stop_reason: str,
    error: str | None = None,
) -> None:
    run.status = status
    run.stop_reason = stop_reason
    run.error = error
    run.finished_at = utcnow()
    run.pages = count_captures(session, run.id)
    session.add(run)


def log_crawl(
    session: Session, run_id: int, kind: str, url: str | None = None, **detail: Any
) -> None:
    session.add(CrawlLogEntry(crawl_run_id=run_id, kind=kind, url=url, detail=detail))


def crawl_log(
    session: Session, run_id: int, kinds: Iterable[str] | None = None
) -> list[CrawlLogEntry]:
    query = select(CrawlLogEntry).where(CrawlLogEntry.crawl_run_id == run_id)
    if kinds is not None:
        query = query.where(col(CrawlLogEntry.kind).in_(list(kinds)))
    return list(session.exec(query.order_by(col(CrawlLogEntry.id))).all())


def add_capture(session: Session, capture: Capture, files: Iterable[StoredObject]) -> Capture:
    """Record a capture and the files it points to, in the caller's transaction."""
    for stored in files:
        record_file(session, stored)
    session.add(capture)
    session.flush()
    return capture


def captured_urls(session: Session, run_id: int) -> set[str]:
    return set(session.exec(select(Capture.url).where(Capture.crawl_run_id == run_id)).all())


def count_captures(session: Session, run_id: int | None) -> int:
    if run_id is None:
        return 0
    return session.exec(
        select(func.count()).select_from(Capture).where(Capture.crawl_run_id == run_id)
    ).one()


def site_captures(session: Session, round_id: str, municipality_code: str) -> list[Capture]:
    """Captures that count for a site now: its newest crawl run plus manual/dispute captures."""
    run = latest_run(session, round_id, municipality_code, finished_only=False)
    query = select(Capture).where(
        Capture.round_id == round_id, Capture.municipality_code == municipality_code
    )
    if run is not None:
        query = query.where((Capture.crawl_run_id == run.id) | (Capture.source != "crawl"))
    return list(session.exec(query.order_by(col(Capture.id))).all())


def get_captures(session: Session, capture_ids: Iterable[int]) -> dict[int, Capture]:
    ids = list(capture_ids)
    if not ids:
        return {}
    rows = session.exec(select(Capture).where(col(Capture.id).in_(ids))).all()
    return {row.id: row for row in rows if row.id is not None}

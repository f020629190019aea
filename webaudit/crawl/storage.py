"""Everything a crawl writes, done by one thread, in order: evidence files, WARC records,
database rows. The event loop never blocks on a disk or the database.

A capture is written as: its files (content-addressed, each to a temporary name then renamed),
then one database transaction with the capture row, its file records and the crawl-log entries
gathered since the last commit. The files a capture is about to write are first listed in the
run's journal; a run resumed after `kill -9` deletes any listed file the database never came to
know, so a killed crawl leaves neither a half-written capture nor stray files.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from webaudit.crawl.capture import PageSnapshot
from webaudit.crawl.fetch import Exchange
from webaudit.crawl.wacz import WaczPage, write_wacz
from webaudit.crawl.warc import WarcFile
from webaudit.evidence import EvidenceStore, StoredObject
from webaudit.store import Store
from webaudit.store.captures import add_capture, finish_crawl_run
from webaudit.store.events import log_event
from webaudit.store.tables import Capture, CrawlLogEntry, CrawlRun, StoredFile
from webaudit.store.types import utcnow

log = logging.getLogger(__name__)
T = TypeVar("T")
ARCHIVES = "archives"


class Writer:
    """The single writer thread. `submit` queues work without waiting; `call` waits for it.
    The first failure of queued work is raised by the next `call` (and by `check`)."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="webaudit-writer")
        self._failure: BaseException | None = None
        self.cpu_seconds = 0.0  # CPU time of the writer thread (it shares the interpreter)

    def submit(self, function: Callable[..., Any], *args: Any) -> None:
        future: Future[Any] = self._executor.submit(self._timed, function, *args)
        future.add_done_callback(self._remember)

    async def call(self, function: Callable[..., T], *args: Any) -> T:
        self.check()
        return await asyncio.get_running_loop().run_in_executor(
            self._executor, self._timed, function, *args
        )

    def _timed(self, function: Callable[..., T], *args: Any) -> T:
        started = time.thread_time()
        try:
            return function(*args)
        finally:
            self.cpu_seconds += time.thread_time() - started

    def check(self) -> None:
        if self._failure is not None:
            raise self._failure

    def _remember(self, future: Future[Any]) -> None:
        error = future.exception()
        if error is not None and self._failure is None:
            self._failure = error

    def close(self) -> None:
        self._executor.shutdown(wait=True)


@dataclass
class LogEntry:
    kind: str
    url: str | None
    detail: dict[str, Any]
    at: datetime = field(default_factory=utcnow)


@dataclass
class CaptureMeta:
    depth: int
    via: str
    parent: str | None


@dataclass
class FinishedRun:
    status: str
    pages: int
    warc_path: str | None
    wacz_path: str | None


class RunStorage:
    """What one crawl run writes. Methods named `_in_thread...` run on the writer thread."""

    def __init__(
        self,
        writer: Writer,
        store: Store,
        evidence: EvidenceStore,
        run: CrawlRun,
        *,
        software: str,
    ) -> None:
        assert run.id is not None
        self.writer = writer
        self.store = store
        self.evidence = evidence
        self.run_id = run.id
        self.round_id = run.round_id
        self.code = run.municipality_code
        self.software = software
        folder = f"{ARCHIVES}/{run.round_id}/{run.municipality_code}"
        stem = f"{run.municipality_code}-{run.round_id}-{run.id}"
        self.warc_relative = f"{folder}/{stem}.warc.gz"
        self.wacz_relative = f"{folder}/{stem}.wacz"
        self.journal = evidence.root / folder / f".{stem}.pending"
        self.warc = WarcFile(
            evidence.root / self.warc_relative,
            software=software,
            description=f"Genomsökning {run.id} av kommun {run.municipality_code}, omgång {run.round_id}",
        )
        self._log: list[LogEntry] = []

    # -- from the event loop -----------------------------------------------------------------

    async def open(self) -> None:
        await self.writer.call(self._in_thread_open)

    def record(self, exchange: Exchange) -> None:
        self.writer.submit(self.warc.write_exchange, exchange)

    def log(self, kind: str, url: str | None = None, **detail: Any) -> None:
        self._log.append(LogEntry(kind, url, detail))
        if len(self._log) >= 200:
            self.writer.submit(self._in_thread_log, self._take_log())

    async def commit(self, snapshot: PageSnapshot, meta: CaptureMeta) -> bool:
        """Store a capture with its files and the pending log, in one transaction. False when
        the URL was already captured in this run (nothing is written then)."""
        return await self.writer.call(self._in_thread_commit, snapshot, meta, self._take_log())

    async def flush(self) -> None:
        await self.writer.call(self._in_thread_log, self._take_log())

    async def finish(
        self, status: str, reason: str, actor: str, summary: dict[str, Any]
    ) -> FinishedRun:
        self.log("stop", None, status=status, reason=reason, **summary)
        return await self.writer.call(
            self._in_thread_finish, status, reason, actor, self._take_log()
        )

    def _take_log(self) -> list[LogEntry]:
        entries, self._log = self._log, []
        return entries

    # -- on the writer thread ----------------------------------------------------------------

    def _in_thread_open(self) -> None:
        self._clean_journal()
        self.warc.open()

    def _clean_journal(self) -> None:
        """Delete files a killed run wrote but never recorded (see the module docstring)."""
        if not self.journal.exists():
            return
        listed = {}
        for line in self.journal.read_text(encoding="utf-8").splitlines():
            sha, _, path = line.partition(" ")
            if sha and path:
                listed[sha] = path
        if listed:
            with self.store.session() as session:
                known = set(
                    session.exec(
                        select(StoredFile.sha256).where(col(StoredFile.sha256).in_(list(listed)))
                    ).all()
                )
            for sha, path in listed.items():
                if sha not in known:
                    with contextlib.suppress(FileNotFoundError, OSError):
                        self.evidence.absolute(path).unlink()
        self.journal.unlink()

    def _in_thread_log(self, entries: list[LogEntry]) -> None:
        if not entries:
            return
        self.warc.flush()
        with self.store.session(write=True) as session:
            self._add_log(session, entries)

    def _add_log(self, session: Any, entries: list[LogEntry]) -> None:
        for entry in entries:
            session.add(
                CrawlLogEntry(
                    crawl_run_id=self.run_id,
                    kind=entry.kind,
                    url=entry.url,
                    detail=_jsonable(entry.detail),
                    at=entry.at,
                )
            )

    def _in_thread_commit(
        self, snapshot: PageSnapshot, meta: CaptureMeta, entries: list[LogEntry]
    ) -> bool:
        pdf = snapshot.kind == "pdf"
        planned: list[tuple[bytes, str]] = []
        if snapshot.raw is not None:
            planned.append((snapshot.raw, "application/pdf" if pdf else "text/html"))
        if snapshot.html is not None:
            planned.append((snapshot.html.encode("utf-8"), "text/html"))
        if snapshot.text is not None:
            planned.append((snapshot.text.encode("utf-8"), "text/plain"))
        if snapshot.screenshot is not None:
            planned.append((snapshot.screenshot, "image/png"))
        self._journal(planned)
        stored = [self.evidence.put(data, media) for data, media in planned]
        by_role: dict[str, StoredObject | None] = {
            "raw": None,
            "html": None,
            "text": None,
            "shot": None,
        }
        position = 0
        for role, present in (
            ("raw", snapshot.raw is not None),
            ("html", snapshot.html is not None),
            ("text", snapshot.text is not None),
            ("shot", snapshot.screenshot is not None),
        ):
            if present:
                by_role[role] = stored[position]
                position += 1
        raw, html, text, shot = (by_role[r] for r in ("raw", "html", "text", "shot"))
        capture = Capture(
            crawl_run_id=self.run_id,
            round_id=self.round_id,
            municipality_code=self.code,
            url=snapshot.url,
            final_url=snapshot.final_url,
            status=snapshot.status,
            content_type=snapshot.content_type,
            title=(snapshot.title or None) and snapshot.title[:500],
            captured_at=snapshot.captured_at,
            kind=snapshot.kind,
            depth=meta.depth,
            discovered_via=meta.via,
            parent_url=meta.parent,
            headers=snapshot.headers,
            raw_sha256=raw.sha256 if raw else None,
            raw_path=raw.path if raw else None,
            html_sha256=html.sha256 if html else None,
            html_path=html.path if html else None,
            text_sha256=text.sha256 if text else None,
            text_path=text.path if text else None,
            screenshot_sha256=shot.sha256 if shot else None,
            screenshot_path=shot.path if shot else None,
            error="; ".join(filter(None, [snapshot.error, *snapshot.notes]))[:2000] or None,
        )
        self.warc.flush()  # the raw responses reach the disk before the capture is recorded
        try:
            with self.store.session(write=True) as session:
                add_capture(session, capture, stored)
                self._add_log(session, entries)
        except IntegrityError:
            log.warning("capture of %s already in run %s", snapshot.url, self.run_id)
            with self.store.session(write=True) as session:
                self._add_log(session, entries)
            return False
        return True

    def _journal(self, planned: list[tuple[bytes, str]]) -> None:
        from webaudit.evidence import sha256_bytes

        self.journal.parent.mkdir(parents=True, exist_ok=True)
        with self.journal.open("a", encoding="utf-8") as handle:
            for data, media in planned:
                sha = sha256_bytes(data)
                handle.write(f"{sha} {self.evidence.object_path(sha, media)}\n")
            handle.flush()

    def _in_thread_finish(
        self, status: str, reason: str, actor: str, entries: list[LogEntry]
    ) -> FinishedRun:
        self.warc.close()
        with self.store.session() as session:
            captures = list(
                session.exec(
                    select(Capture)
                    .where(Capture.crawl_run_id == self.run_id)
                    .order_by(col(Capture.id))
                ).all()
            )
        wacz_sha: str | None = None
        wacz_relative: str | None = None
        warc_path = self.evidence.root / self.warc_relative
        if warc_path.exists() and warc_path.stat().st_size > 0:
            pages = [
                WaczPage(c.final_url, c.captured_at, c.title, self._text_of(c))
                for c in captures
                if c.status is not None and c.status < 400
            ]
            wacz_sha = write_wacz(
                self.evidence.root / self.wacz_relative,
                [warc_path],
                pages,
                title=f"Kommun {self.code}, omgång {self.round_id}, genomsökning {self.run_id}",
                description=f"Det webaudit såg: {len(pages)} sidor. Status: {status}. {reason}",
                software=self.software,
            )
            wacz_relative = self.wacz_relative
        with self.store.session(write=True) as session:
            run = session.get(CrawlRun, self.run_id)
            assert run is not None
            self._add_log(session, entries)
            session.flush()
            finish_crawl_run(session, run, status=status, stop_reason=reason)
            run.warc_path = self.warc_relative if warc_path.exists() else None
            run.wacz_path = wacz_relative
            run.wacz_sha256 = wacz_sha
            session.add(run)
            log_event(
                session,
                actor,
                "crawl_finished",
                round_id=self.round_id,
                municipality_code=self.code,
                crawl_run_id=self.run_id,
                status=status,
                pages=run.pages,
            )
            pages_count = run.pages
        with contextlib.suppress(FileNotFoundError):
            self.journal.unlink()
        return FinishedRun(status, pages_count, self.warc_relative, wacz_relative)

    def _text_of(self, capture: Capture) -> str | None:
        if not capture.text_path:
            return None
        try:
            return self.evidence.read(capture.text_path).decode("utf-8", "replace")
        except OSError:
            return None


def _jsonable(detail: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in detail.items():
        if value is None or isinstance(value, (str, int, float, bool, list, dict)):
            out[key] = value
        else:
            out[key] = str(value)
    return out


def disk_free_bytes(path: Path) -> int:
    stats = os.statvfs(path)
    return stats.f_bavail * stats.f_frsize

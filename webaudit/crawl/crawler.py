"""The crawl of many sites at once: one browser, a pool of pages, one fetcher, one writer.

Rendering is the expensive part (CPU); waiting on hosts is free. So: documents are fetched by
the crawler itself (politely, per host), and only pages in scope are rendered, by a pool of
browser pages sized for the machine. Sites are admitted while the pool has idle pages and no
work waiting, so the browser stays busy while each site advances at its host's pace and
finishes in reasonable time. A site whose last run was killed is resumed; one already crawled
in this round is skipped unless a re-crawl is asked for.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from playwright.async_api import async_playwright
from sqlmodel import col, select

from webaudit.checklists import Checklist
from webaudit.config import Settings
from webaudit.crawl.browser import launch_options
from webaudit.crawl.fetch import Fetcher, make_client
from webaudit.crawl.model import (
    CrawlProgress,
    CrawlStats,
    SilentProgress,
    SiteOutcome,
    SiteTarget,
)
from webaudit.crawl.pdftext import PdfTextExtractor
from webaudit.crawl.politeness import Politeness
from webaudit.crawl.relevance import Scorer
from webaudit.crawl.render import RenderPool
from webaudit.crawl.site import Shared, SiteCrawl, SiteResult
from webaudit.crawl.storage import RunStorage, Writer
from webaudit.errors import StoreError
from webaudit.evidence import EvidenceStore, EvidenceWriteError, sweep_interrupted_writes
from webaudit.store import Store
from webaudit.store.captures import finish_crawl_run, latest_run, log_crawl, start_crawl_run
from webaudit.store.events import log_event
from webaudit.store.tables import Capture, CrawlRun

__all__ = [
    "CrawlProgress",
    "Crawler",
    "SilentProgress",
    "SiteOutcome",
    "SiteTarget",
    "default_workers",
]

log = logging.getLogger(__name__)
ADMISSION_INTERVAL = 0.25  # seconds between looks at whether the browser pool is starving
SITE_GRACE = 120.0  # beyond site_timeout, for renders and writes already under way


@contextlib.contextmanager
def _lean_driver() -> Iterator[None]:
    """Start Playwright's driver (Node.js) with a small young generation: it relays every
    page's messages, and Node's default lets it grow by tens of megabytes for nothing."""
    previous = os.environ.get("NODE_OPTIONS")
    os.environ["NODE_OPTIONS"] = f"{previous or ''} --max-semi-space-size=2".strip()
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("NODE_OPTIONS", None)
        else:
            os.environ["NODE_OPTIONS"] = previous


def available_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 2


def default_workers() -> int:
    """Browser pages rendering at once. Rendering is CPU-bound, so two per core keep the cores
    busy while a page waits on its scripts; more only cost memory (290 test sites on 2 cores:
    5 pages 305 s and 1541 MB peak RSS, 4 pages 317 s and 1419 MB)."""
    return max(3, min(16, available_cores() * 2))


@dataclass
class _Plan:
    site: SiteTarget
    action: Literal["new", "resume", "skip"]
    run: CrawlRun | None = None


class Crawler:
    def __init__(
        self,
        store: Store,
        evidence: EvidenceStore,
        settings: Settings,
        checklist: Checklist,
        round_id: str,
        progress: CrawlProgress | None = None,
        actor: str = "webaudit",
    ) -> None:
        self.store = store
        self.evidence = evidence
        self.settings = settings
        self.crawl = settings.crawl
        self.checklist = checklist
        self.round_id = round_id
        self.progress = progress or SilentProgress()
        self.actor = actor
        self.user_agent = settings.effective_user_agent
        self.stats = CrawlStats()

    async def run(
        self, sites: Sequence[SiteTarget], *, fresh: bool = False, recrawl: bool = False
    ) -> list[SiteOutcome]:
        """Crawl the sites. `fresh`: new runs for all (an unfinished one is closed); `recrawl`:
        new runs unless one is unfinished (then it is resumed). Default: resume unfinished
        runs, skip sites already crawled in the round, crawl the rest."""
        started = time.monotonic()
        plans = self._plan(sites, fresh=fresh, recrawl=recrawl)
        outcomes: dict[str, SiteOutcome] = {}
        for plan in plans:
            if plan.action == "skip":
                assert plan.run is not None
                outcomes[plan.site.code] = self._skipped(plan.site, plan.run)
                self.progress.site_finished(outcomes[plan.site.code])
        work = [p for p in plans if p.action != "skip"]
        if any(p.action == "resume" for p in work):
            # A killed run may have died between writing a temporary file and renaming it.
            for leftover in sweep_interrupted_writes(self.evidence.root):
                log.info("rest av avbruten skrivning borttagen: %s", leftover)
        if work:
            outcomes.update(await self._crawl(work))
        self.stats.wall_seconds = time.monotonic() - started
        return [outcomes[s.code] for s in sites if s.code in outcomes]

    # -- planning ------------------------------------------------------------------------------

    def _plan(self, sites: Sequence[SiteTarget], *, fresh: bool, recrawl: bool) -> list[_Plan]:
        plans: list[_Plan] = []
        with self.store.session(write=True) as session:
            for site in sites:
                latest = latest_run(session, self.round_id, site.code, finished_only=False)
                if latest is not None and latest.status == "running":
                    if fresh:
                        finish_crawl_run(
                            session,
                            latest,
                            status="partial",
                            stop_reason="avbröts och ersattes av en ny genomsökning",
                        )
                        plans.append(_Plan(site, "new"))
                    else:
                        plans.append(_Plan(site, "resume", latest))
                elif fresh or recrawl or latest is None or latest.status == "failed":
                    plans.append(_Plan(site, "new"))
                else:
                    plans.append(_Plan(site, "skip", latest))
        return plans

    def _skipped(self, site: SiteTarget, run: CrawlRun) -> SiteOutcome:
        return SiteOutcome(
            site.code,
            site.name,
            run.status,
            run.pages,
            0,
            0.0,
            f"redan genomsökt i omgången (körning {run.id}); --only {site.code} gör om den",
            run.id,
            skipped=True,
            wacz_path=run.wacz_path,
        )

    # -- the crawl -----------------------------------------------------------------------------

    async def _crawl(self, plans: list[_Plan]) -> dict[str, SiteOutcome]:
        workers = self.crawl.workers or default_workers()
        self.stats.render_workers = workers
        politeness = Politeness(
            self.crawl.per_host_in_flight, self.crawl.per_host_delay, self.crawl.max_crawl_delay
        )
        client = make_client(
            self.user_agent, self.crawl.page_timeout, allow_private=self.crawl.allow_private
        )
        fetcher = Fetcher(
            client,
            politeness,
            user_agent=self.user_agent,
            allow_private=self.crawl.allow_private,
            max_bytes=self.crawl.max_page_bytes,
            retries=self.crawl.retries,
            timeout=self.crawl.page_timeout,
        )
        writer = Writer()
        pdf = PdfTextExtractor()
        # The writer thread holds the interpreter lock in short bursts; by default the event
        # loop would wait up to 5 ms for it after every system call.
        switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(0.0005)
        cores = available_cores()
        try:
            with _lean_driver():
                playwright = await async_playwright().start()
            try:
                browser = await playwright.chromium.launch(**launch_options(renderers=cores + 1))
                pool = RenderPool(
                    browser,
                    size=workers,
                    user_agent=self.user_agent,
                    timeout=self.crawl.page_timeout,
                    max_height=self.crawl.max_screenshot_height,
                    contexts=2,
                )
                try:
                    await pool.start()
                    shared = Shared(
                        fetcher, pool, Scorer(self.checklist), self.crawl, pdf, self.progress
                    )
                    return await self._schedule(plans, shared, writer)
                finally:
                    self.stats.renders = pool.stats.renders
                    self.stats.render_seconds = pool.stats.seconds
                    self.stats.subresources = pool.stats.subresources
                    await pool.close()
                    await browser.close()
            finally:
                await playwright.stop()
        finally:
            self.stats.requests = fetcher.requests
            self.stats.host_requests = {h: g.requests for h, g in politeness.gates().items()}
            self.stats.host_delays = {h: g.delay for h, g in politeness.gates().items()}
            await client.aclose()
            await pdf.close()
            await asyncio.get_running_loop().run_in_executor(None, writer.close)
            self.stats.writer_cpu_seconds = writer.cpu_seconds
            sys.setswitchinterval(switch_interval)

    async def _schedule(
        self, plans: list[_Plan], shared: Shared, writer: Writer
    ) -> dict[str, SiteOutcome]:
        """Admit sites while the browser pool would otherwise idle (see module docstring)."""
        waiting = deque(plans)
        running: dict[asyncio.Task[SiteOutcome], SiteTarget] = {}
        outcomes: dict[str, SiteOutcome] = {}
        pool = shared.renders
        floor = max(2, pool.size * 3)
        ceiling = self.crawl.sites_in_parallel or max(floor, pool.size * 8)
        if self.crawl.sites_in_parallel:
            floor = ceiling
        samples = busy = backlog = sites = 0.0
        started = time.monotonic()
        first_backlog = last_backlog = None
        try:
            while waiting or running:
                while waiting and len(running) < ceiling and (len(running) < floor or pool.hungry):
                    plan = waiting.popleft()
                    running[asyncio.create_task(self._crawl_site(plan, shared, writer))] = plan.site
                    if len(running) >= floor:
                        break  # one at a time above the floor: see whether that was enough
                self.stats.max_sites_in_parallel = max(
                    self.stats.max_sites_in_parallel, len(running)
                )
                done, _ = await asyncio.wait(
                    running, timeout=ADMISSION_INTERVAL, return_when=asyncio.FIRST_COMPLETED
                )
                samples += 1
                busy += pool.busy / pool.size
                backlog += pool.backlog > 0
                if pool.backlog > 0:
                    last_backlog = time.monotonic() - started
                    first_backlog = last_backlog if first_backlog is None else first_backlog
                sites += len(running)
                for task in done:
                    site = running.pop(task)
                    outcomes[site.code] = task.result()
            if samples:
                self.stats.pool_busy_share = busy / samples
                self.stats.pool_backlog_share = backlog / samples
                self.stats.mean_sites_in_parallel = sites / samples
            elapsed = time.monotonic() - started
            if first_backlog is not None and last_backlog is not None:
                self.stats.ramp_seconds = first_backlog
                self.stats.tail_seconds = elapsed - last_backlog
        finally:
            for task in running:
                task.cancel()
            if running:
                await asyncio.gather(*running, return_exceptions=True)
        return outcomes

    async def _crawl_site(self, plan: _Plan, shared: Shared, writer: Writer) -> SiteOutcome:
        site = plan.site
        started = time.monotonic()
        self.progress.site_started(site)
        run, resumed = await writer.call(self._open_run, plan)
        storage = RunStorage(
            writer, self.store, self.evidence, run, software=self.user_agent.split(" ", 1)[0]
        )
        await storage.open()
        crawl = SiteCrawl(shared, site, storage, resumed, self._stored_html)
        try:
            async with asyncio.timeout(self.crawl.site_timeout + SITE_GRACE):
                result = await crawl.run()
        except TimeoutError:
            await crawl.cancel()
            result = SiteResult("partial", "tidsgränsen för kommunen nåddes", crawl._summary())
        except (EvidenceWriteError, StoreError):
            await crawl.cancel()
            raise  # our disk or database, not the site: stop; the run stays resumable
        except asyncio.CancelledError:
            await crawl.cancel()
            raise
        except Exception as error:  # a bug must not stop the other 289 sites
            log.exception("crawl of %s failed", site.code)
            await crawl.cancel()
            result = SiteResult(
                "failed", f"internt fel i webaudit: {type(error).__name__}: {error}"
            )
        summary = {**result.summary, "seconds": round(time.monotonic() - started, 1)}
        finished = await storage.finish(result.status, result.reason, self.actor, summary)
        assert run.id is not None
        outcome = SiteOutcome(
            site.code,
            site.name,
            result.status,
            finished.pages,
            len(crawl.failures) + len(crawl.render_failures),
            round(time.monotonic() - started, 2),
            result.reason,
            run.id,
            fetches=crawl.fetches,
            wacz_path=finished.wacz_path,
        )
        self.progress.site_finished(outcome)
        return outcome

    def _open_run(self, plan: _Plan) -> tuple[CrawlRun, list[Capture]]:
        """On the writer thread: a new run, or the unfinished one with what it captured."""
        with self.store.session(write=True) as session:
            if plan.action == "resume" and plan.run is not None:
                run = session.merge(plan.run)
                assert run.id is not None
                captures = list(
                    session.exec(
                        select(Capture)
                        .where(Capture.crawl_run_id == run.id)
                        .order_by(col(Capture.id))
                    ).all()
                )
                log_crawl(
                    session, run.id, "resume", plan.site.start_url, already_captured=len(captures)
                )
                return run, captures
            run = start_crawl_run(
                session,
                self.round_id,
                plan.site.code,
                plan.site.start_url,
                settings=self.crawl.model_dump(),
                user_agent=self.user_agent,
            )
            log_event(
                session,
                self.actor,
                "crawl_started",
                round_id=self.round_id,
                municipality_code=plan.site.code,
                crawl_run_id=run.id,
            )
            return run, []

    def _stored_html(self, capture: Capture) -> str | None:
        if not capture.html_path:
            return None
        try:
            return self.evidence.read(capture.html_path).decode("utf-8", "replace")
        except OSError:
            return None

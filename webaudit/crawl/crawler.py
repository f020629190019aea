"""The crawl of many sites: discovery frontier, politeness, capture, storage, resumption.

For each site: read robots.txt, start at the home page, and follow the most relevant links
first (see discovery.py) until nothing relevant is left, the page cap is reached or the site's
time is up. Every page is rendered in Chromium and stored as evidence; every visit, skip and
failure is logged as negative evidence. A run killed half-way is resumed by the next run.
"""

from __future__ import annotations

import asyncio
import heapq
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

import httpx
from playwright.async_api import Browser, BrowserContext, Route, async_playwright

from webaudit.checklists import Checklist
from webaudit.config import Settings
from webaudit.crawl.browser import launch_options
from webaudit.crawl.capture import PageSnapshot, pdf_text, render_page
from webaudit.crawl.discovery import PDF, Link, extract_links, rank_links, same_site
from webaudit.crawl.fetch import Robots, download, fetch_robots, make_client
from webaudit.crawl.politeness import Politeness
from webaudit.crawl.safety import check_url, is_allowed
from webaudit.errors import UnsafeURLError
from webaudit.evidence import EvidenceStore, StoredObject
from webaudit.store import Store
from webaudit.store.captures import (
    add_capture,
    captured_urls,
    finish_crawl_run,
    log_crawl,
    start_crawl_run,
    unfinished_run,
)
from webaudit.store.events import log_event
from webaudit.store.tables import Capture, CrawlRun

# Links below this relevance are not followed (the home page is always captured).
FOLLOW_THRESHOLD = 0.3
WELL_KNOWN_EXTERNAL = ("aldreguiden.se", "socialstyrelsen.se", "1177.se", "ivo.se", "minpension.se")


@dataclass(frozen=True)
class SiteTarget:
    code: str
    name: str
    start_url: str


@dataclass
class SiteOutcome:
    code: str
    name: str
    status: str  # ok | partial | failed
    pages: int
    failures: int
    seconds: float
    stop_reason: str
    run_id: int | None = None


class CrawlProgress(Protocol):
    def site_started(self, site: SiteTarget) -> None: ...
    def page_done(self, site: SiteTarget, url: str, pages: int, cap: int) -> None: ...
    def site_finished(self, outcome: SiteOutcome) -> None: ...


class SilentProgress:
    def site_started(self, site: SiteTarget) -> None:
        pass

    def page_done(self, site: SiteTarget, url: str, pages: int, cap: int) -> None:
        pass

    def site_finished(self, outcome: SiteOutcome) -> None:
        pass


@dataclass(order=True)
class _Queued:
    priority: float
    order: int
    url: str = field(compare=False)
    depth: int = field(compare=False)
    via: str = field(compare=False)
    parent: str | None = field(compare=False)
    external: bool = field(compare=False, default=False)


def default_workers() -> int:
    """Browser pages rendered at once: rendering is CPU-bound, waiting on hosts is not."""
    return max(4, (os.cpu_count() or 2) * 4)


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
        self.politeness = Politeness(self.crawl.per_host_in_flight, self.crawl.per_host_delay)
        self._render_slots = asyncio.Semaphore(self.crawl.workers or default_workers())

    async def run(self, sites: Sequence[SiteTarget], *, fresh: bool = False) -> list[SiteOutcome]:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(**launch_options())
            client = make_client(
                self.user_agent, self.crawl.page_timeout, allow_private=self.crawl.allow_private
            )
            try:
                tasks = [self._crawl_site(browser, client, site, fresh=fresh) for site in sites]
                return list(await asyncio.gather(*tasks))
            finally:
                await client.aclose()
                await browser.close()

    # -- one site ----------------------------------------------------------------------------

    async def _crawl_site(
        self, browser: Browser, client: httpx.AsyncClient, site: SiteTarget, *, fresh: bool
    ) -> SiteOutcome:
        started = time.monotonic()
        self.progress.site_started(site)
        run, done = self._open_run(site, fresh=fresh)
        assert run.id is not None
        outcome = SiteOutcome(site.code, site.name, "failed", len(done), 0, 0.0, "", run.id)
        try:
            check_url(site.start_url, allow_private=self.crawl.allow_private)
        except UnsafeURLError as error:
            return self._finish(run, outcome, "failed", f"startadressen vägras: {error}", started)
        robots, robots_note = await fetch_robots(client, site.start_url, self.user_agent)
        self._log(run.id, "robots", site.start_url, note=robots_note)
        context = await browser.new_context(
            user_agent=self.user_agent,
            viewport={"width": 1280, "height": 900},
            locale="sv-SE",
            java_script_enabled=True,
            accept_downloads=False,
        )
        await context.route("**/*", self._guard_request)
        try:
            status, reason = await asyncio.wait_for(
                self._walk(context, client, site, run, robots, done, outcome),
                timeout=self.crawl.site_timeout,
            )
        except TimeoutError:
            status, reason = "partial", "tidsgränsen för sajten nåddes"
        finally:
            await context.close()
        return self._finish(run, outcome, status, reason, started)

    def _open_run(self, site: SiteTarget, *, fresh: bool) -> tuple[CrawlRun, set[str]]:
        with self.store.session(write=True) as session:
            run = None if fresh else unfinished_run(session, self.round_id, site.code)
            if run is not None:
                assert run.id is not None
                done = captured_urls(session, run.id)
                log_crawl(session, run.id, "resume", site.start_url, already_captured=len(done))
                return run, done
            run = start_crawl_run(
                session,
                self.round_id,
                site.code,
                site.start_url,
                settings=self.crawl.model_dump(),
                user_agent=self.user_agent,
            )
            log_event(
                session,
                self.actor,
                "crawl_started",
                round_id=self.round_id,
                municipality_code=site.code,
                crawl_run_id=run.id,
            )
            return run, set()

    def _finish(
        self, run: CrawlRun, outcome: SiteOutcome, status: str, reason: str, started: float
    ) -> SiteOutcome:
        with self.store.session(write=True) as session:
            run = session.merge(run)
            finish_crawl_run(session, run, status=status, stop_reason=reason)
            assert run.id is not None
            log_crawl(session, run.id, "stop", None, status=status, reason=reason)
            log_event(
                session,
                self.actor,
                "crawl_finished",
                round_id=self.round_id,
                municipality_code=outcome.code,
                crawl_run_id=run.id,
                status=status,
                pages=run.pages,
            )
            outcome.pages = run.pages
        outcome.status = status
        outcome.stop_reason = reason
        outcome.seconds = round(time.monotonic() - started, 2)
        self.progress.site_finished(outcome)
        return outcome

    async def _walk(
        self,
        context: BrowserContext,
        client: httpx.AsyncClient,
        site: SiteTarget,
        run: CrawlRun,
        robots: Robots,
        done: set[str],
        outcome: SiteOutcome,
    ) -> tuple[str, str]:
        assert run.id is not None
        cap = self.crawl.max_pages_per_site
        frontier: list[_Queued] = []
        queued: set[str] = set()
        counter = 0

        def enqueue(
            url: str, score: float, depth: int, via: str, parent: str | None, external: bool = False
        ) -> None:
            nonlocal counter
            if url in queued:
                return
            queued.add(url)
            counter += 1
            heapq.heappush(
                frontier, _Queued(-score + depth * 0.01, counter, url, depth, via, parent, external)
            )

        enqueue(site.start_url, 2.0, 0, "start", None)
        home_ok = bool(done)
        relevant_failures = 0
        page = await context.new_page()
        try:
            while frontier:
                if len(done) >= cap:
                    return "partial" if any(
                        -q.priority >= FOLLOW_THRESHOLD for q in frontier
                    ) else "ok", f"sidtaket ({cap}) nåddes"
                item = heapq.heappop(frontier)
                if item.url in done and item.depth > 0:
                    continue
                if not robots.allowed(item.url) and not item.external:
                    self._log(run.id, "skip", item.url, reason="robots.txt")
                    continue
                host = urlsplit(item.url).hostname or ""
                gate = self.politeness.gate(host, robots.crawl_delay if not item.external else None)
                async with gate.slot(), self._render_slots:
                    snapshot = await self._capture(page, client, item.url)
                failed = (
                    snapshot.error is not None or snapshot.status is None or snapshot.status >= 400
                )
                if item.url not in done:
                    self._store(run, site, snapshot, item)
                    done.add(item.url)
                self._log(
                    run.id,
                    "visit",
                    item.url,
                    status=snapshot.status,
                    error=snapshot.error,
                    depth=item.depth,
                    via=item.via,
                )
                self.progress.page_done(site, item.url, len(done), cap)
                if failed:
                    outcome.failures += 1
                    if item.depth == 0:
                        return (
                            "failed",
                            f"startsidan kunde inte hämtas: {snapshot.error or snapshot.status}",
                        )
                    relevant_failures += 1
                    continue
                if item.depth == 0:
                    home_ok = True
                if item.external or snapshot.kind == "pdf" or item.depth >= self.crawl.max_depth:
                    continue
                links = extract_links(
                    snapshot.html or "", snapshot.final_url, self.crawl.max_links_per_page
                )
                self._follow(run.id, site, item, links, enqueue)
        finally:
            await page.close()
        if not home_ok:
            return "failed", "startsidan kunde inte hämtas"
        if relevant_failures:
            return "partial", f"{relevant_failures} sidor kunde inte hämtas"
        return "ok", "inga fler relevanta länkar"

    def _follow(
        self, run_id: int, site: SiteTarget, item: _Queued, links: list[Link], enqueue: object
    ) -> None:
        assert callable(enqueue)
        for score, link in rank_links(links, self.checklist):
            host = urlsplit(link.url).hostname or ""
            if any(host == known or host.endswith("." + known) for known in WELL_KNOWN_EXTERNAL):
                self._log(run_id, "link", link.url, text=link.text, page=item.url)
                continue
            if same_site(link.url, site.start_url):
                if score >= FOLLOW_THRESHOLD:
                    enqueue(link.url, score, item.depth + 1, "link", item.url)
            elif score >= 0.5 and self.crawl.external_hops > 0:
                enqueue(link.url, score, item.depth + 1, "external", item.url, external=True)

    async def _capture(self, page: object, client: httpx.AsyncClient, url: str) -> PageSnapshot:
        from playwright.async_api import Page

        assert isinstance(page, Page)
        if PDF.search(url):
            return await self._capture_pdf(client, url)
        for attempt in range(self.crawl.retries + 1):
            snapshot = await render_page(
                page, url, timeout=self.crawl.page_timeout, max_bytes=self.crawl.max_page_bytes
            )
            retry = snapshot.error is not None or (snapshot.status or 0) >= 500
            if not retry or attempt == self.crawl.retries:
                if snapshot.content_type and "pdf" in snapshot.content_type:
                    return await self._capture_pdf(client, url)
                return snapshot
            await asyncio.sleep(min(2**attempt, 8) * 0.5)
        return snapshot

    async def _capture_pdf(self, client: httpx.AsyncClient, url: str) -> PageSnapshot:
        from webaudit.store.types import utcnow

        captured_at = utcnow()
        try:
            response = await download(client, url, self.crawl.max_page_bytes)
        except (httpx.HTTPError, UnsafeURLError) as error:
            return PageSnapshot(
                url,
                url,
                None,
                None,
                {},
                captured_at,
                kind="pdf",
                error=str(error)[:300] or type(error).__name__,
            )
        snapshot = PageSnapshot(
            url,
            response.final_url,
            response.status,
            response.headers.get("content-type"),
            response.headers,
            captured_at,
            kind="pdf",
            raw=response.body,
        )
        snapshot.text = pdf_text(response.body) if response.status < 400 else None
        return snapshot

    async def _guard_request(self, route: Route) -> None:
        if is_allowed(
            route.request.url, allow_private=self.crawl.allow_private
        ) or route.request.url.startswith(("data:", "blob:", "about:")):
            await route.continue_()
        else:
            await route.abort("blockedbyclient")

    # -- storage -----------------------------------------------------------------------------

    def _store(
        self, run: CrawlRun, site: SiteTarget, snapshot: PageSnapshot, item: _Queued
    ) -> None:
        files: list[StoredObject] = []

        def put(data: bytes | None, media_type: str) -> StoredObject | None:
            if data is None:
                return None
            stored = self.evidence.put(data, media_type)
            files.append(stored)
            return stored

        raw_type = "application/pdf" if snapshot.kind == "pdf" else "text/html"
        raw = put(snapshot.raw, raw_type)
        html = put(
            snapshot.html.encode("utf-8") if snapshot.html is not None else None, "text/html"
        )
        text = put(
            snapshot.text.encode("utf-8") if snapshot.text is not None else None, "text/plain"
        )
        shot = put(snapshot.screenshot, "image/png")
        capture = Capture(
            crawl_run_id=run.id or 0,
            round_id=self.round_id,
            municipality_code=site.code,
            url=snapshot.url,
            final_url=snapshot.final_url,
            status=snapshot.status,
            content_type=snapshot.content_type,
            title=snapshot.title,
            captured_at=snapshot.captured_at,
            kind=snapshot.kind,
            depth=item.depth,
            discovered_via=item.via,
            parent_url=item.parent,
            headers=snapshot.headers,
            raw_sha256=raw.sha256 if raw else None,
            raw_path=raw.path if raw else None,
            html_sha256=html.sha256 if html else None,
            html_path=html.path if html else None,
            text_sha256=text.sha256 if text else None,
            text_path=text.path if text else None,
            screenshot_sha256=shot.sha256 if shot else None,
            screenshot_path=shot.path if shot else None,
            error="; ".join(filter(None, [snapshot.error, *snapshot.notes])) or None,
        )
        with self.store.session(write=True) as session:
            add_capture(session, capture, files)

    def _log(self, run_id: int, kind: str, url: str | None, **detail: object) -> None:
        with self.store.session(write=True) as session:
            log_crawl(session, run_id, kind, url, **detail)

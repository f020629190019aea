"""Capture one URL now, into the store, exactly like a crawled page.

For a page a reviewer found by hand (or a disputing municipality points at): rendered in
Chromium by the crawler's own `render_page` (PDFs fetched and their text extracted), stored as
content-addressed files with SHA-256, and recorded as a Capture with `source` "manual" or
"dispute". Each such capture gets a small crawl run of its own (status "manual"), so it never
collides with a crawled capture of the same URL and never counts as the site's crawl.
"""

from __future__ import annotations

import asyncio

import httpx
from playwright.async_api import Route, async_playwright

from webaudit.config import Settings
from webaudit.crawl.browser import launch_options
from webaudit.crawl.capture import PageSnapshot, pdf_text, render_page
from webaudit.crawl.discovery import PDF
from webaudit.crawl.fetch import download, make_client
from webaudit.crawl.safety import check_url, is_allowed
from webaudit.evidence import EvidenceStore, StoredObject
from webaudit.store import Store
from webaudit.store.captures import MANUAL, add_capture, log_crawl
from webaudit.store.events import log_event
from webaudit.store.tables import Capture, CrawlRun
from webaudit.store.types import utcnow

MANUAL_STATUS = MANUAL


async def snapshot_url(url: str, settings: Settings) -> PageSnapshot:
    """Render (or download, for a PDF) one URL with the crawler's settings and safety rules."""
    crawl = settings.crawl
    check_url(url, allow_private=crawl.allow_private)
    user_agent = settings.effective_user_agent
    client = make_client(user_agent, crawl.page_timeout, allow_private=crawl.allow_private)
    try:
        if PDF.search(url):
            return await _pdf(client, url, crawl.max_page_bytes)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(**launch_options())
            try:
                context = await browser.new_context(
                    user_agent=user_agent,
                    viewport={"width": 1280, "height": 900},
                    locale="sv-SE",
                    accept_downloads=False,
                )

                async def guard(route: Route) -> None:
                    target = route.request.url
                    if target.startswith(("data:", "blob:", "about:")) or is_allowed(
                        target, allow_private=crawl.allow_private
                    ):
                        await route.continue_()
                    else:
                        await route.abort("blockedbyclient")

                await context.route("**/*", guard)
                page = await context.new_page()
                snapshot = await render_page(
                    page, url, timeout=crawl.page_timeout, max_bytes=crawl.max_page_bytes
                )
            finally:
                await browser.close()
        if snapshot.content_type and "pdf" in snapshot.content_type:
            return await _pdf(client, url, crawl.max_page_bytes)
        return snapshot
    finally:
        await client.aclose()


async def _pdf(client: httpx.AsyncClient, url: str, max_bytes: int) -> PageSnapshot:
    captured_at = utcnow()
    try:
        response = await download(client, url, max_bytes)
    except httpx.HTTPError as error:
        return PageSnapshot(
            url, url, None, None, {}, captured_at, kind="pdf", error=str(error)[:300]
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


def snapshot_files(
    evidence: EvidenceStore, snapshot: PageSnapshot
) -> tuple[dict[str, StoredObject | None], list[StoredObject]]:
    """Store a snapshot's bytes as content-addressed files: raw, html, text, screenshot."""
    stored: dict[str, StoredObject | None] = {}
    files: list[StoredObject] = []

    def put(name: str, data: bytes | None, media_type: str) -> None:
        stored[name] = evidence.put(data, media_type) if data is not None else None
        if stored[name] is not None:
            files.append(stored[name])  # type: ignore[arg-type]

    put("raw", snapshot.raw, "application/pdf" if snapshot.kind == "pdf" else "text/html")
    put("html", snapshot.html.encode("utf-8") if snapshot.html is not None else None, "text/html")
    put("text", snapshot.text.encode("utf-8") if snapshot.text is not None else None, "text/plain")
    put("screenshot", snapshot.screenshot, "image/png")
    return stored, files


def store_single_capture(
    store: Store,
    evidence: EvidenceStore,
    snapshot: PageSnapshot,
    *,
    round_id: str,
    municipality_code: str,
    actor: str,
    source: str = "manual",
    user_agent: str | None = None,
    item_id: str | None = None,
) -> Capture:
    """Record a snapshot as a capture in a crawl run of its own, in one transaction."""
    stored, files = snapshot_files(evidence, snapshot)

    def sha(name: str) -> str | None:
        value = stored.get(name)
        return value.sha256 if value else None

    def path(name: str) -> str | None:
        value = stored.get(name)
        return value.path if value else None

    with store.session(write=True) as session:
        run = CrawlRun(
            round_id=round_id,
            municipality_code=municipality_code,
            start_url=snapshot.url,
            status=MANUAL_STATUS,
            finished_at=utcnow(),
            pages=1,
            stop_reason=f"fångad för hand av {actor}",
            settings={"source": source, "captured_by": actor},
            user_agent=user_agent,
        )
        session.add(run)
        session.flush()
        assert run.id is not None
        capture = Capture(
            crawl_run_id=run.id,
            round_id=round_id,
            municipality_code=municipality_code,
            url=snapshot.url,
            final_url=snapshot.final_url,
            status=snapshot.status,
            content_type=snapshot.content_type,
            title=snapshot.title,
            captured_at=snapshot.captured_at,
            kind=snapshot.kind,
            source=source,
            captured_by=actor,
            depth=0,
            discovered_via=source,
            headers=snapshot.headers,
            raw_sha256=sha("raw"),
            raw_path=path("raw"),
            html_sha256=sha("html"),
            html_path=path("html"),
            text_sha256=sha("text"),
            text_path=path("text"),
            screenshot_sha256=sha("screenshot"),
            screenshot_path=path("screenshot"),
            error="; ".join(filter(None, [snapshot.error, *snapshot.notes])) or None,
        )
        add_capture(session, capture, files)
        log_crawl(session, run.id, "visit", snapshot.url, status=snapshot.status, via=source)
        log_event(
            session,
            actor,
            "page_captured",
            round_id=round_id,
            municipality_code=municipality_code,
            item_id=item_id,
            capture_id=capture.id,
            url=snapshot.url,
            source=source,
        )
    return capture


def capture_url(
    store: Store,
    evidence: EvidenceStore,
    settings: Settings,
    *,
    round_id: str,
    municipality_code: str,
    url: str,
    actor: str,
    source: str = "manual",
    item_id: str | None = None,
) -> Capture:
    """Capture `url` now and store it (blocking; run it off the UI thread)."""
    snapshot = asyncio.run(snapshot_url(url, settings))
    return store_single_capture(
        store,
        evidence,
        snapshot,
        round_id=round_id,
        municipality_code=municipality_code,
        actor=actor,
        source=source,
        user_agent=settings.effective_user_agent,
        item_id=item_id,
    )

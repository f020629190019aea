"""A pool of Chromium pages that render documents the crawler has already fetched.

The crawler fetches every document itself (politely, recorded for the WARC) and hands the
response to a free page here; the page is served that response through request interception,
so the browser never fetches the document a second time. Everything else the page asks for
(scripts, styles, images, frames, JSON) goes back through the crawler's fetcher: the same
safety rules, robots.txt, per-host limits and WARC recording apply to the browser as to the
crawler, and nothing reaches the network behind their back.

Pages are reused for thousands of documents (a new context per site would cost a renderer
process start each time); a page is replaced after a crash or every `RECYCLE_AFTER` renders.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from playwright.async_api import Browser, BrowserContext, CDPSession, Dialog, Page, Request, Route
from playwright.async_api import Error as PlaywrightError

from webaudit.crawl.capture import VIEWPORT, PageSnapshot, first_line, read_rendered
from webaudit.crawl.fetch import FetchResult

log = logging.getLogger(__name__)

RECYCLE_AFTER = 150
# The browser lays out at most this much of a document. Municipal pages are well under 1 MB;
# a 15 MB one (a hostile page, or a zip bomb cut at max_page_bytes) took a renderer to 3 GB.
# The whole response is still archived and stored; the capture notes the cut.
MAX_RENDER_BYTES = 2_000_000
SETTLE_MAX = 3.0  # seconds to wait for a page's own scripts (timers, fetches) to finish
_HOP_BY_HOP = frozenset(
    {"content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive"}
)

# Counts a page's pending short timers and fetch/XHR calls, so the crawler knows when the
# scripts that fill in content after load have run (window.__webauditPending).
SETTLE_INIT_SCRIPT = """
(() => {
  if (window.__webauditPending !== undefined) return;
  let pending = 0;
  const live = new Set();
  const st = window.setTimeout, ct = window.clearTimeout;
  window.__webauditSetTimeout = (fn, ms) => st.call(window, fn, ms);
  window.setTimeout = function (fn, delay, ...args) {
    const d = Number(delay) || 0;
    if (d > 2000 || typeof fn !== 'function') return st.call(window, fn, delay, ...args);
    let id;
    const wrapped = function () { if (live.delete(id)) pending--; return fn.apply(this, args); };
    id = st.call(window, wrapped, d);
    live.add(id); pending++;
    return id;
  };
  window.clearTimeout = function (id) { if (live.delete(id)) pending--; return ct.call(window, id); };
  const f = window.fetch;
  if (f) window.fetch = function (...a) {
    pending++;
    return f.apply(this, a).finally(() => { pending--; });
  };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...a) {
    pending++;
    this.addEventListener('loadend', () => { pending--; }, { once: true });
    return send.apply(this, a);
  };
  Object.defineProperty(window, '__webauditPending', { get: () => pending });
})();
"""


class RenderSource(Protocol):
    """What a page being rendered may ask of the site it belongs to."""

    async def subresource(self, url: str, method: str, headers: dict[str, str]) -> FetchResult: ...

    def browser_cookies(self) -> tuple[int, list[dict[str, Any]]]: ...

    def take_browser_cookies(self, cookies: list[dict[str, Any]]) -> None: ...


@dataclass
class RenderRequest:
    url: str  # the URL the crawler asked for
    document: FetchResult  # its response, fetched already
    source: RenderSource
    max_links: int = 400


@dataclass
class RenderStats:
    renders: int = 0
    seconds: float = 0.0  # wall time inside renders
    failures: int = 0
    recycled: int = 0
    subresources: int = 0


@dataclass
class _Worker:
    context: BrowserContext
    page: Page
    cdp: CDPSession | None
    request: RenderRequest | None = None
    document_served: bool = False
    cookie_state: tuple[int, int] | None = None  # (id(source), cookie version) last synced
    renders: int = 0
    dialogs: list[str] = field(default_factory=list)


class RenderPool:
    def __init__(
        self,
        browser: Browser,
        *,
        size: int,
        user_agent: str,
        timeout: float,
        max_height: int,
        contexts: int = 1,
    ) -> None:
        self.browser = browser
        self.size = size
        self.contexts = max(1, min(contexts, size))
        self._contexts: list[BrowserContext] = []
        self._next_context = -1
        self._pages: set[Page] = set()
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_height = max_height
        self.stats = RenderStats()
        self._free: asyncio.Queue[_Worker] = asyncio.Queue()
        self._workers: list[_Worker] = []
        self._waiting = 0

    async def start(self) -> None:
        workers = [await self._new_worker() for _ in range(self.size)]
        for worker in workers:
            self._workers.append(worker)
            self._free.put_nowait(worker)

    async def close(self) -> None:
        for context in {id(w.context): w.context for w in self._workers}.values():
            with contextlib.suppress(PlaywrightError):
                await context.close()
        self._workers.clear()
        self._contexts.clear()

    @property
    def busy(self) -> int:
        return self.size - self._free.qsize()

    @property
    def backlog(self) -> int:
        """Renders waiting for a free page."""
        return self._waiting

    @property
    def hungry(self) -> bool:
        """Fewer renders queued than would keep every page busy through the next moment."""
        return self._waiting < max(1, self.size // 2)

    @property
    def starving(self) -> bool:
        """Pages idle and nothing waiting for one: the crawl could take on more sites."""
        return self._waiting == 0 and self._free.qsize() > 0

    async def render(self, request: RenderRequest) -> PageSnapshot:
        self._waiting += 1
        try:
            worker = await self._free.get()
        finally:
            self._waiting -= 1
        started = time.monotonic()
        try:
            snapshot, healthy = await self._render(worker, request)
        finally:
            self.stats.renders += 1
            self.stats.seconds += time.monotonic() - started
        if not healthy or worker.renders >= RECYCLE_AFTER:
            worker = await self._replace(worker)
        self._free.put_nowait(worker)
        return snapshot

    # -- workers ------------------------------------------------------------------------------

    async def _context(self) -> BrowserContext:
        """The contexts pages are spread over. Pages of one context share cookies and may share
        renderer processes, which saves memory; a few contexts keep one crash from taking
        every page down."""
        if len(self._contexts) < self.contexts:
            context = await self.browser.new_context(
                user_agent=self.user_agent,
                viewport=VIEWPORT,  # type: ignore[arg-type]
                locale="sv-SE",
                timezone_id="Europe/Stockholm",
                java_script_enabled=True,
                accept_downloads=False,
                service_workers="block",  # every request must pass the route below
            )
            await context.add_init_script(SETTLE_INIT_SCRIPT)
            context.on("page", self._close_unknown_page)
            self._contexts.append(context)
            return context
        self._next_context = (self._next_context + 1) % len(self._contexts)
        return self._contexts[self._next_context]

    async def _new_worker(self) -> _Worker:
        context = await self._context()
        page = await context.new_page()
        self._pages.add(page)
        cdp: CDPSession | None
        try:
            cdp = await context.new_cdp_session(page)
        except PlaywrightError:
            cdp = None
        worker = _Worker(context, page, cdp)
        await page.route("**/*", self._route_handler(worker))
        page.on("dialog", _dialog_handler(worker))
        return worker

    def _close_unknown_page(self, page: Page) -> None:
        _in_background(self._close_popup(page))

    async def _close_popup(self, page: Page) -> None:
        """A page opened by a page (window.open, target=_blank) is never wanted."""
        if page not in self._pages and await page.opener() is not None:
            await page.close()

    async def _replace(self, worker: _Worker) -> _Worker:
        self.stats.recycled += 1
        self._pages.discard(worker.page)
        with contextlib.suppress(PlaywrightError):
            await worker.page.close()
        fresh = await self._new_worker()
        self._workers[self._workers.index(worker)] = fresh
        return fresh

    # -- one render ---------------------------------------------------------------------------

    async def _render(self, worker: _Worker, request: RenderRequest) -> tuple[PageSnapshot, bool]:
        document = request.document
        snapshot = PageSnapshot(
            url=request.url,
            final_url=document.final_url,
            status=document.status,
            content_type=document.headers.get("content-type"),
            headers=dict(document.headers),
            captured_at=document.fetched_at,
            raw=document.body,
        )
        worker.request = request
        worker.document_served = False
        worker.renders += 1
        worker.dialogs.clear()
        healthy = True
        try:
            await self._sync_cookies_in(worker, request.source)
            async with asyncio.timeout(self.timeout * 2):
                await worker.page.goto(
                    document.final_url, wait_until="load", timeout=self.timeout * 1000
                )
                await read_rendered(
                    worker.page,
                    snapshot,
                    cdp=worker.cdp,
                    timeout=self.timeout,
                    max_links=request.max_links,
                    max_height=self.max_height,
                    settle=SETTLE_MAX,
                )
            final = worker.page.url
            if final.startswith(("http://", "https://")):
                snapshot.final_url = final
            if any(note.startswith("kakbanner") for note in snapshot.notes):
                await self._sync_cookies_out(worker, request.source)
        except TimeoutError:
            snapshot.error = "tidsgränsen för renderingen nåddes"
            healthy = False
        except PlaywrightError as error:
            snapshot.error = first_line(str(error))
            healthy = "crash" not in snapshot.error.lower() and "closed" not in snapshot.error
        finally:
            worker.request = None
        if snapshot.error:
            self.stats.failures += 1
        snapshot.notes += [f"dialogruta stängd: {text}" for text in worker.dialogs]
        return snapshot, healthy

    async def _sync_cookies_in(self, worker: _Worker, source: RenderSource) -> None:
        version, cookies = source.browser_cookies()
        state = (id(source), version)
        if cookies and worker.cookie_state != state:
            with contextlib.suppress(PlaywrightError):
                await worker.context.add_cookies(cookies)  # type: ignore[arg-type]
        worker.cookie_state = state

    async def _sync_cookies_out(self, worker: _Worker, source: RenderSource) -> None:
        with contextlib.suppress(PlaywrightError):
            cookies = await worker.context.cookies([worker.page.url])
            source.take_browser_cookies([dict(c) for c in cookies])

    def _route_handler(self, worker: _Worker) -> Callable[[Route, Request], Awaitable[None]]:
        async def handle(route: Route, request: Request) -> None:
            try:
                await self._handle(worker, route, request)
            except PlaywrightError:
                pass  # the page moved on (navigated, closed): nothing to answer
            except Exception:  # never leave the browser waiting on a request
                log.exception("request interception failed for %s", request.url)
                with contextlib.suppress(PlaywrightError):
                    await route.abort("failed")

        return handle

    async def _handle(self, worker: _Worker, route: Route, request: Request) -> None:
        url = request.url
        if url.startswith(("data:", "blob:", "about:")):
            await route.continue_()
            return
        job = worker.request
        if job is None:
            await route.abort("aborted")
            return
        document = job.document
        if (
            not worker.document_served
            and request.is_navigation_request()
            and request.frame == worker.page.main_frame
            and document.status is not None
        ):
            worker.document_served = True  # the first navigation is the document we fetched
            await route.fulfill(
                status=document.status,
                headers=_browser_headers(document),
                body=document.body[:MAX_RENDER_BYTES],
            )
            return
        if request.method not in ("GET", "HEAD"):
            await route.abort("blockedbyclient")  # forms and beacons are never sent
            return
        headers = {
            name: value
            for name, value in (await request.all_headers()).items()
            if name.lower() in ("cookie", "referer", "accept", "x-requested-with")
        }
        self.stats.subresources += 1
        result = await job.source.subresource(url, request.method, headers)
        if result.blocked is not None or result.status is None:
            await route.abort("blockedbyclient" if result.blocked else "failed")
            return
        await route.fulfill(
            status=result.status, headers=_browser_headers(result), body=result.body
        )


def _browser_headers(result: FetchResult) -> dict[str, str]:
    """Response headers for the browser: the body is already decoded and de-chunked; several
    Set-Cookie headers are joined by newlines, which Playwright splits again."""
    headers: dict[str, str] = {}
    exchange = result.exchanges[-1] if result.exchanges else None
    pairs = exchange.response_headers if exchange is not None else list(result.headers.items())
    for name, value in pairs:
        key = name.lower()
        if key in _HOP_BY_HOP:
            continue
        headers[key] = (
            f"{headers[key]}\n{value}" if key == "set-cookie" and key in headers else value
        )
    return headers


_BACKGROUND: set[asyncio.Future[None]] = set()  # fire-and-forget tasks, kept alive until done


def _in_background(action: Awaitable[None]) -> None:
    task = asyncio.ensure_future(_quietly(action))
    _BACKGROUND.add(task)
    task.add_done_callback(_BACKGROUND.discard)


def _dialog_handler(worker: _Worker) -> Callable[[Dialog], None]:
    def handle(dialog: Dialog) -> None:
        if dialog.type == "beforeunload":
            # Dismissing it would cancel the next navigation of this page, and every one after.
            _in_background(dialog.accept())
            return
        worker.dialogs.append(dialog.message[:200])
        _in_background(dialog.dismiss())

    return handle


async def _quietly(action: Awaitable[None]) -> None:
    with contextlib.suppress(PlaywrightError):
        await action

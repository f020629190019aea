"""The crawl of one site: where is home care, and what does it say?

From the start page the crawler follows the most relevant links first (relevance.py), helped
by the site's sitemap.xml, its own search (for a few words, when robots.txt allows) and its
A–Ö index. Links in a home-care page's own content inherit its relevance, so the crawler
walks the whole home-care section the way a reviewer would. One hop off the site is allowed
for e-services, PDFs and comparison services; an off-site host whose pages carry the
municipality's name (its care host, its e-service platform) counts as part of the site.

Every document is fetched once, politely, and recorded in the WARC; pages in scope are then
rendered in Chromium and stored as captures, PDFs stored with their text. Every visit, skip,
search and the reason the crawl stopped go to the crawl log: the negative evidence that lets a
reviewer say "not found" - or, when fetches failed, keeps the site from being judged at all.
"""

from __future__ import annotations

import asyncio
import contextlib
import posixpath
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from webaudit.config import CrawlSettings
from webaudit.crawl.capture import PageSnapshot
from webaudit.crawl.fetch import Fetcher, FetchResult
from webaudit.crawl.frontier import Frontier, FrontierItem
from webaudit.crawl.links import Link, PageFacts, is_az_link, read_page
from webaudit.crawl.model import CrawlProgress, SiteTarget
from webaudit.crawl.politeness import PRIORITY_BACKGROUND, PRIORITY_PAGE, PRIORITY_RENDER
from webaudit.crawl.relevance import Scorer, is_well_known_external, looks_like_eservice
from webaudit.crawl.render import MAX_RENDER_BYTES, RenderPool, RenderRequest
from webaudit.crawl.robots import robots_url
from webaudit.crawl.safety import check_url
from webaudit.crawl.sitemap import parse_sitemap
from webaudit.crawl.storage import CaptureMeta, RunStorage
from webaudit.crawl.urls import (
    canonical_url,
    host_of,
    looks_binary,
    looks_like_pdf,
    same_site,
)
from webaudit.errors import UnsafeURLError
from webaudit.store.tables import Capture
from webaudit.text import ascii_fold

FOLLOW_THRESHOLD = 0.35  # links below this are not followed on the site
EXTERNAL_THRESHOLD = 0.5  # ... and off the site (one hop)
PENDING_RENDERS_PER_SITE = 4
# What is captured (rendered) rather than only visited: see SiteCrawl._in_scope.
SCOPE_CARE = 0.85  # the page itself is about home care / elderly care
SCOPE_TOPIC_ALONE = 0.85  # ... or names a checklist topic outright
SCOPE_TOPIC = 0.55  # ... or names one in a care context of at least
SCOPE_CONTEXT = 0.45
MAX_SITEMAPS = 5
MAX_SITEMAP_URLS = 5000
SUBRESOURCE_CACHE_BYTES = 20_000_000
CACHEABLE_TYPES = ("text/css", "javascript", "font/", "image/", "application/json")


@dataclass
class Shared:
    """What every site's crawl uses: fetcher, browser pages, scorer, settings."""

    fetcher: Fetcher
    renders: RenderPool
    scorer: Scorer
    settings: CrawlSettings
    extract_pdf_text: Callable[[bytes], Awaitable[str]]
    progress: CrawlProgress


@dataclass
class SiteResult:
    status: str
    reason: str
    summary: dict[str, Any] = field(default_factory=dict)


class SiteCrawl:
    def __init__(
        self,
        shared: Shared,
        target: SiteTarget,
        storage: RunStorage,
        resumed: Iterable[Capture] = (),
        read_stored_html: Callable[[Capture], str | None] | None = None,
    ) -> None:
        self.shared = shared
        self.settings = shared.settings
        self.fetcher = shared.fetcher
        self.scorer = shared.scorer
        self.target = target
        self.storage = storage
        self.resumed = list(resumed)
        self.read_stored_html = read_stored_html
        self.frontier = Frontier(max_depth=self.settings.max_depth)
        self.home = canonical_url(target.start_url) or target.start_url
        self.home_final = self.home  # after the start page's redirects
        self.site_hosts: set[str] = {host_of(self.home)}
        self.name_key = ascii_fold(target.name)
        self.chrome: set[str] = set()
        self.home_facts: PageFacts | None = None
        self.captured: set[str] = set()  # canonical final URLs captured or being captured
        self.captures = 0
        self.pending = 0
        self.fetches = 0
        self.failures: list[str] = []
        self.broken: list[str] = []
        self.render_failures: list[str] = []
        self.cap_hit = False
        self.fetch_cap_hit = False
        self.timed_out = False
        self.start_problem: str | None = None
        self.searches = 0
        self.render_tasks: set[asyncio.Task[None]] = set()
        self.visit_tasks: set[asyncio.Task[None]] = set()
        self.logged_links: set[str] = set()
        self.deadline = time.monotonic() + self.settings.site_timeout
        self._cache: dict[str, FetchResult] = {}
        self._cache_bytes = 0
        self._cookie_version = 0
        self._browser_cookies: list[dict[str, Any]] = []

    # -- the whole site -----------------------------------------------------------------------

    async def run(self) -> SiteResult:
        try:
            check_url(self.home, allow_private=self.settings.allow_private)
        except UnsafeURLError as error:
            return SiteResult("failed", f"startadressen vägras: {error}")
        robots = await self.fetcher.robots.get(self.home)
        self.storage.log("robots", robots_url(self.home), note=robots.note, status=robots.status)
        if robots.disallow_all:
            return SiteResult("failed", f"startsidan hämtades inte: {robots.note}", self._summary())
        if self.resumed:
            self._replay()
        if self.home not in self.captured:
            await self._visit(FrontierItem(0, 0, self.home, 2.0, 0, "start"))
            if self.start_problem is not None:
                return SiteResult("failed", self.start_problem, self._summary())
        await self._discover()
        await self._crawl_frontier()
        return self._result()

    def _result(self) -> SiteResult:
        summary = self._summary()
        if self.start_problem is not None:
            return SiteResult("failed", self.start_problem, summary)
        reasons: list[str] = []
        if self.timed_out:
            reasons.append("tidsgränsen för kommunen nåddes")
        if self.cap_hit and self.frontier.best_score() >= FOLLOW_THRESHOLD:
            reasons.append(f"sidtaket ({self.settings.max_pages_per_site}) nåddes")
        if self.fetch_cap_hit:
            reasons.append("taket för antal hämtningar nåddes")
        if self.failures:
            reasons.append(f"{len(self.failures)} relevanta adresser kunde inte hämtas")
        if self.render_failures:
            reasons.append(f"{len(self.render_failures)} sidor kunde inte renderas")
        if reasons:
            return SiteResult("partial", "; ".join(reasons), summary)
        if self.cap_hit:
            return SiteResult(
                "ok", f"sidtaket ({self.settings.max_pages_per_site}) nåddes", summary
            )
        return SiteResult("ok", "inga fler relevanta länkar", summary)

    def _summary(self) -> dict[str, Any]:
        return {
            "pages": self.captures,
            "fetches": self.fetches,
            "searches": self.searches,
            "failed": self.failures[:20],
            "not_rendered": self.render_failures[:20],
            "broken": self.broken[:20],
            "left_in_frontier": len(self.frontier),
        }

    def _replay(self) -> None:
        """Resume: what was captured before the process died counts as done, and its stored
        HTML gives back the links the frontier had."""
        for capture in self.resumed:
            final = canonical_url(capture.final_url) or capture.final_url
            url = canonical_url(capture.url) or capture.url
            for done in (url, final):
                self.frontier.mark_done(done)
                self.captured.add(done)
            self.captures += 1
            if capture.depth == 0:
                self.site_hosts.add(host_of(final))
                self.home_final = final
            if capture.kind != "page" or self.read_stored_html is None:
                continue
            html = self.read_stored_html(capture)
            if not html:
                continue
            facts = read_page(html, capture.final_url, max_links=self.settings.max_links_per_page)
            if capture.depth == 0:
                self._learn_home(facts)
            item = FrontierItem(
                0,
                0,
                url,
                1.0,
                capture.depth,
                capture.discovered_via or "link",
                capture.parent_url,
                external=not self._is_site(final),
            )
            score = self._page_score(facts, final)
            self._follow(item, facts.links, score, item.external)

    # -- discovery aids: sitemap, site search, A–Ö --------------------------------------------

    async def _discover(self) -> None:
        await self._sitemaps()
        await self._searches()
        await self._az_index()

    async def _sitemaps(self) -> None:
        robots = await self.fetcher.robots.get(self.home_final)
        queue = [u for u in robots.sitemaps if self._is_site(u)][:MAX_SITEMAPS]
        if not queue:
            parts = urlsplit(self.home_final)
            queue = [f"{parts.scheme}://{parts.netloc}/sitemap.xml"]
        fetched = 0
        while queue and fetched < MAX_SITEMAPS:
            url = queue.pop(0)
            result = await self._fetch(url, PRIORITY_BACKGROUND)
            fetched += 1
            if not result.ok:
                self.storage.log(
                    "sitemap", url, status=result.status, error=result.error, blocked=result.blocked
                )
                continue
            sitemap = parse_sitemap(result.body, limit=MAX_SITEMAP_URLS)
            queue += [u for u in sitemap.sitemaps if self._is_site(u)][:MAX_SITEMAPS]
            relevant = 0
            for raw in sitemap.urls:
                url_c = canonical_url(raw)
                if url_c is None or not self._is_site(url_c) or looks_binary(url_c):
                    continue
                score = self.scorer.url_score(url_c)
                if (
                    score >= FOLLOW_THRESHOLD
                    and self.frontier.add(url_c, score, 1, "sitemap", url) is None
                ):
                    relevant += 1
            self.storage.log(
                "sitemap",
                url,
                status=result.status,
                urls=len(sitemap.urls),
                sitemaps=len(sitemap.sitemaps),
                relevant=relevant,
            )

    async def _searches(self) -> None:
        facts = self.home_facts
        forms = [f for f in (facts.search_forms if facts else []) if self._is_site(f.action)]
        if not forms:
            self.storage.log("search", None, note="ingen sökfunktion hittades på startsidan")
            return
        form = forms[0]
        action_path = urlsplit(form.action).path
        for term in self.settings.search_terms:
            url = canonical_url(form.url(term))
            if url is None:
                continue
            robots = await self.fetcher.robots.get(url)
            if not robots.allowed(url):
                self.storage.log(
                    "search", url, query=term, skipped="robots.txt förbjuder sökningen"
                )
                return
            result = await self._fetch(url, PRIORITY_BACKGROUND)
            self.searches += 1
            if not result.ok or not result.is_html:
                self.storage.log(
                    "search",
                    url,
                    query=term,
                    status=result.status,
                    error=result.error,
                    blocked=result.blocked,
                )
                continue
            page = read_page(
                result.text(), result.final_url, max_links=self.settings.max_links_per_page
            )
            hits = []
            for link in page.links:
                hit = canonical_url(link.url)
                if (
                    hit is None
                    or hit in self.chrome
                    or link.region in ("header", "footer", "nav", "crumbs")
                    or not self._is_site(hit)
                    or urlsplit(hit).path == action_path
                ):
                    continue
                hits.append((hit, link))
            for rank, (hit, link) in enumerate(hits):
                bonus = 0.55 if rank < 3 else 0.45 if rank < 8 else 0.0
                score = max(self.scorer.link_score(link.text, hit), bonus)
                if score >= FOLLOW_THRESHOLD:
                    self.frontier.add(hit, score, 1, "search", url, text=link.text)
            self.storage.log(
                "search",
                url,
                query=term,
                status=result.status,
                results=len(hits),
                hits=[h for h, _ in hits[:25]],
                titles=[link.text[:120] for _, link in hits[:25]],
            )

    async def _az_index(self) -> None:
        facts = self.home_facts
        candidates = [
            link
            for link in (facts.links if facts else [])
            if is_az_link(link) and self._is_site(link.url)
        ]
        if not candidates:
            self.storage.log("a-o", None, note="ingen A–Ö-sida hittades på startsidan")
            return
        url = canonical_url(candidates[0].url)
        if url is None or self.frontier.seen(url):
            return
        self.frontier.mark_done(url)
        result = await self._fetch(url, PRIORITY_BACKGROUND)
        if not result.ok or not result.is_html:
            self.storage.log(
                "a-o", url, status=result.status, error=result.error, blocked=result.blocked
            )
            return
        page = read_page(result.text(), result.final_url, max_links=2000)
        relevant = 0
        for link in page.links:
            target = canonical_url(link.url)
            if target is None or target in self.chrome or not self._is_site(target):
                continue
            score = self.scorer.link_score(link.text, target)
            if (
                score >= FOLLOW_THRESHOLD
                and self.frontier.add(target, score, 1, "a-o", url, text=link.text) is None
            ):
                relevant += 1
        self.storage.log("a-o", url, status=result.status, links=len(page.links), relevant=relevant)

    # -- the frontier --------------------------------------------------------------------------

    async def _crawl_frontier(self) -> None:
        visits = self.visit_tasks
        cap = self.settings.max_pages_per_site
        max_fetches = self.settings.max_fetches_per_site
        while True:
            if time.monotonic() > self.deadline:
                self.timed_out = True
            while (
                not self.timed_out
                and len(visits) < self.settings.per_host_in_flight
                and self.pending < PENDING_RENDERS_PER_SITE
            ):
                if self.captures + self.pending >= cap:
                    self.cap_hit = self.cap_hit or len(self.frontier) > 0
                    break
                if self.fetches >= max_fetches:
                    self.fetch_cap_hit = len(self.frontier) > 0
                    break
                item = self.frontier.pop()
                if item is None:
                    break
                visits.add(asyncio.create_task(self._visit(item)))
            waiting = visits | self.render_tasks
            if not waiting:
                return
            done, _ = await asyncio.wait(
                waiting,
                timeout=max(0.05, self.deadline - time.monotonic()),
                return_when=asyncio.FIRST_COMPLETED,
            )
            for task in done:
                visits.discard(task)
                self.render_tasks.discard(task)
                task.result()

    async def _drain(self, tasks: set[asyncio.Task[None]]) -> None:
        while tasks:
            done, _ = await asyncio.wait(set(tasks))
            for task in done:
                tasks.discard(task)
                task.result()

    async def cancel(self) -> None:
        """Stop everything still running for this site (its time is up, or it failed)."""
        tasks = self.render_tasks | self.visit_tasks
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self.render_tasks.clear()
        self.visit_tasks.clear()

    async def _fetch(self, url: str, priority: int) -> FetchResult:
        self.fetches += 1
        return await self.fetcher.fetch(url, priority=priority, record=self.storage.record)

    async def _visit(self, item: FrontierItem) -> None:
        result = await self._fetch(item.url, PRIORITY_PAGE)
        final = canonical_url(result.final_url) or result.final_url
        for hop in result.redirects:
            hop_c = canonical_url(hop)
            if hop_c:
                self.frontier.mark_done(hop_c)
        detail: dict[str, Any] = {
            "status": result.status,
            "depth": item.depth,
            "via": item.via,
            "score": round(item.score, 3),
            "parent": item.parent,
        }
        if final != item.url:
            detail["final_url"] = final
        if result.error:
            detail["error"] = result.error
        if result.attempts > 1 or len(result.exchanges) > 1 + len(result.redirects):
            detail["attempts"] = len(result.exchanges)
        if result.blocked is not None:
            self.storage.log("skip", item.url, reason=result.blocked, **detail)
            if item.depth == 0:
                self.start_problem = f"startsidan får inte hämtas ({result.blocked})"
            return
        self.storage.log("visit", item.url, **detail)
        if result.transient_failure:
            self.failures.append(item.url)
            if item.depth == 0:
                self.start_problem = (
                    f"startsidan kunde inte hämtas: {result.error or f'HTTP {result.status}'}"
                )
            return
        assert result.status is not None
        if result.status >= 400 or result.status in (301, 302, 303, 307, 308):
            self.broken.append(item.url)
            if item.depth == 0:
                self.start_problem = f"startsidan svarade HTTP {result.status}"
            return
        if item.depth == 0:
            self.site_hosts.add(host_of(final))
            self.home_final = final
        if final in self.captured:  # reached another way meanwhile (a redirect, a 2nd visit)
            self.storage.log(
                "skip", item.url, reason="samma sida som en redan fångad", final_url=final
            )
            return
        self.frontier.mark_done(final)
        external = item.external and not self._is_site(final)
        if result.is_pdf:
            await self._capture_pdf(item, result, final)
            return
        if not result.is_html:
            self.storage.log(
                "skip", item.url, reason=f"inte en webbsida ({result.content_type or 'okänd typ'})"
            )
            return
        facts = read_page(
            result.text(), result.final_url, max_links=self.settings.max_links_per_page
        )
        if facts.refresh and facts.refresh != result.final_url:
            target = canonical_url(facts.refresh)
            if (
                target
                and self.frontier.add(target, item.score, item.depth, "refresh", item.url) is None
            ):
                self.storage.log("skip", item.url, reason="meta refresh", target=target)
                return
        if external and self._carries_name(facts):
            self.site_hosts.add(host_of(final))  # the municipality's own other host
            self.storage.log("host", final, note="värden räknas till kommunens webbplats")
            external = False
        if item.depth == 0:
            self._learn_home(facts)
        page_score = self._page_score(facts, final)
        self._follow(item, facts.links, page_score, external)
        if not self._in_scope(item, facts, page_score, external):
            self.storage.log(
                "skip",
                item.url,
                reason="besökt men inte fångad: handlar inte om hemtjänst",
                page_score=page_score,
            )
            return
        if self.captures + self.pending >= self.settings.max_pages_per_site:
            self.cap_hit = True
            self.storage.log("skip", item.url, reason="sidtaket")
            return
        self.captured.add(final)
        self.captured.add(item.url)
        self.pending += 1
        task = asyncio.create_task(
            self._render(item, result, page_score, external, facts.has_scripts)
        )
        self.render_tasks.add(task)

    def _in_scope(
        self, item: FrontierItem, facts: PageFacts, page_score: float, external: bool
    ) -> bool:
        """Is this page evidence (rendered and captured), or only a way to other pages?

        Captured: the start page, pages off the site (e-services, comparison services), pages
        about home care (title, headings, breadcrumbs or URL in care words), and pages about
        something the checklist asks for in a care context. A hub like 'Stöd och omsorg' or a
        page about 'Ekonomiskt bistånd' is visited (its links followed) but not rendered.
        """
        if item.depth == 0 or external or item.via == "iframe":
            return True
        topic = self.scorer.topic_score(facts.title, *facts.headings[:2], item.text)
        context = max(page_score, item.score if item.via in ("link", "iframe") else 0.0)
        return (
            page_score >= SCOPE_CARE
            or topic >= SCOPE_TOPIC_ALONE
            or (topic >= SCOPE_TOPIC and context >= SCOPE_CONTEXT)
        )

    def _learn_home(self, facts: PageFacts) -> None:
        self.home_facts = facts
        self.chrome = {c for c in (canonical_url(link.url) for link in facts.links) if c}

    def _page_score(self, facts: PageFacts, url: str) -> float:
        return self.scorer.page_score(facts.title, facts.headings, facts.crumbs, url)

    def _carries_name(self, facts: PageFacts) -> bool:
        words = ascii_fold(" ".join([facts.title, *facts.headings[:2]]))
        return bool(self.name_key) and self.name_key in words

    async def _render(
        self,
        item: FrontierItem,
        document: FetchResult,
        page_score: float,
        external: bool,
        scripted: bool,
    ) -> None:
        """Render and store a page. Its links were followed from the fetched HTML already; the
        rendered DOM adds links only where scripts could have changed it."""
        max_links = self.settings.max_links_per_page if scripted else 0
        try:
            snapshot = await self.shared.renders.render(
                RenderRequest(item.url, document, self, max_links)
            )
            snapshot.url = item.url
            if snapshot.error:
                self.render_failures.append(item.url)
                self.storage.log("error", item.url, error=snapshot.error)
            if document.truncated:
                snapshot.notes.append(f"svaret kortades till {self.settings.max_page_bytes} byte")
            if len(document.body) > MAX_RENDER_BYTES:
                snapshot.notes.append(
                    f"webbläsaren visade de första {MAX_RENDER_BYTES} av {len(document.body)} byte"
                )
            if await self.storage.commit(snapshot, CaptureMeta(item.depth, item.via, item.parent)):
                self._captured(item.url)
            if not snapshot.error and snapshot.links:
                self._follow(
                    item, snapshot.links, max(page_score, self._rendered_score(snapshot)), external
                )
        finally:
            self.pending -= 1

    def _captured(self, url: str) -> None:
        self.captures += 1
        progress = self.shared.progress
        progress.page_done(self.target, url, self.captures, self.settings.max_pages_per_site)
        status = getattr(progress, "site_status", None)  # optional: pages still in view
        if status is not None:
            queued = min(len(self.frontier), self.settings.max_pages_per_site - self.captures)
            status(self.target, self.captures, max(0, queued) + self.pending - 1)

    def _rendered_score(self, snapshot: PageSnapshot) -> float:
        return self.scorer.page_score(
            snapshot.title or "", snapshot.headings, snapshot.crumbs, snapshot.final_url
        )

    async def _capture_pdf(self, item: FrontierItem, result: FetchResult, final: str) -> None:
        if self.captures + self.pending >= self.settings.max_pages_per_site:
            self.cap_hit = True
            return
        self.captured.update((final, item.url))
        self.pending += 1
        try:
            text = await self.shared.extract_pdf_text(result.body)
            snapshot = PageSnapshot(
                url=item.url,
                final_url=result.final_url,
                status=result.status,
                content_type=result.headers.get("content-type"),
                headers=dict(result.headers),
                captured_at=result.fetched_at,
                kind="pdf",
                raw=result.body,
                text=text,
            )
            if result.truncated:
                snapshot.notes.append(f"filen kortades till {self.settings.max_page_bytes} byte")
            if not text.strip():
                snapshot.notes.append("ingen text kunde läsas ur PDF-filen")
            if await self.storage.commit(snapshot, CaptureMeta(item.depth, item.via, item.parent)):
                self._captured(item.url)
        finally:
            self.pending -= 1

    # -- which links to follow -----------------------------------------------------------------

    def _is_site(self, url: str) -> bool:
        host = host_of(url)
        return host in self.site_hosts or any(
            same_site(url, f"http://{h}/") for h in self.site_hosts
        )

    def _follow(
        self, item: FrontierItem, links: list[Link], page_score: float, external: bool
    ) -> None:
        if external:
            return  # one hop off the site: its links are not followed
        parent_dir = posixpath.dirname(urlsplit(item.url).path.rstrip("/")) + "/"
        for link in links:
            url = canonical_url(link.url)
            if url is None or url == item.url or self.frontier.seen(url):
                continue
            host = host_of(url)
            if is_well_known_external(host):
                if url not in self.logged_links:
                    self.logged_links.add(url)
                    self.storage.log("link", url, text=link.text, page=item.url)
                continue
            if looks_binary(url):
                continue
            score = self.scorer.link_score(link.text, url)
            score = max(score, self._inherited(page_score, link, url, parent_dir))
            on_site = self._is_site(url)
            via = "iframe" if link.region == "iframe" else "link"
            if on_site:
                if score < FOLLOW_THRESHOLD:
                    continue
                refused = self.frontier.add(
                    url,
                    score,
                    item.depth + 1,
                    via,
                    item.url,
                    text=link.text,
                    leaf=looks_like_pdf(url),
                )
            else:
                eservice = looks_like_eservice(url) or link.region == "iframe"
                if not (
                    score >= EXTERNAL_THRESHOLD
                    or (eservice and score >= 0.3)
                    or (looks_like_pdf(url) and score >= 0.4)
                ):
                    continue
                if self.settings.external_hops < 1:
                    self.storage.log("link", url, text=link.text, page=item.url, note="inte hämtad")
                    continue
                refused = self.frontier.add(
                    url,
                    score,
                    item.depth + 1,
                    "external",
                    item.url,
                    external=True,
                    text=link.text,
                    leaf=True,
                )
            if refused is not None and score >= 0.5:
                self.storage.log("skip", url, reason=refused, score=round(score, 3), page=item.url)

    def _inherited(self, page_score: float, link: Link, url: str, parent_dir: str) -> float:
        """A link in a home-care page's own content or sub-menu is about home care too."""
        if page_score < 0.5 or link.region in ("header", "footer", "crumbs") or url in self.chrome:
            return 0.0
        if self.scorer.negative(link.text):
            return 0.0
        score = page_score * (0.6 if link.region in ("main", "iframe", "aside") else 0.5)
        if urlsplit(url).path.startswith(parent_dir) and parent_dir != "/":
            score += 0.1
        return min(score, 0.7)

    # -- what the pages being rendered ask for (RenderSource) -----------------------------------

    async def subresource(self, url: str, method: str, headers: dict[str, str]) -> FetchResult:
        cached = self._cache.get(url)
        if cached is not None:
            return cached
        self.fetches += 1
        result = await self.fetcher.fetch(
            url,
            priority=PRIORITY_RENDER,
            paced=self.settings.subresource_delay,
            headers=headers,
            method=method,
            record=self.storage.record,
            follow_redirects=False,
        )
        kind = result.content_type
        if (
            result.status == 200
            and any(k in kind for k in CACHEABLE_TYPES)
            and self._cache_bytes + len(result.body) <= SUBRESOURCE_CACHE_BYTES
        ):
            self._cache[url] = result
            self._cache_bytes += len(result.body)
        return result

    def browser_cookies(self) -> tuple[int, list[dict[str, Any]]]:
        return self._cookie_version, self._browser_cookies

    def take_browser_cookies(self, cookies: list[dict[str, Any]]) -> None:
        """Cookies a page set (a consent answer): later fetches and pages send them too."""
        if not cookies:
            return
        self._browser_cookies = cookies
        self._cookie_version += 1
        jar = self.fetcher.client.cookies
        for cookie in cookies:
            with contextlib.suppress(KeyError, TypeError):
                jar.set(
                    str(cookie["name"]),
                    str(cookie["value"]),
                    domain=str(cookie.get("domain", "")),
                    path=str(cookie.get("path", "/")),
                )

"""The browser's own requests pass the crawler's safety rules; a killed run's stray files are
cleaned up on resume; robots.txt Crawl-delay is obeyed."""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import async_playwright

from tests.crawl.conftest import crawl_settings
from tests.testweb import generate_web, serve_web, write_registry_csv
from webaudit.crawl.browser import launch_options
from webaudit.crawl.fetch import Fetcher, FetchResult, make_client
from webaudit.crawl.job import crawl_municipalities
from webaudit.crawl.politeness import Politeness
from webaudit.crawl.render import RenderPool, RenderRequest
from webaudit.crawl.storage import RunStorage, Writer
from webaudit.municipalities import Municipality, load_registry
from webaudit.store.captures import start_crawl_run
from webaudit.store.rounds import register_municipalities
from webaudit.workspace import Workspace

UA = "webaudit/0.1.0 (test; +mailto:test@example.se)"


class _Seen(BaseHTTPRequestHandler):
    paths: list[str] = []

    def log_message(self, *_: object) -> None:
        pass

    def do_GET(self) -> None:
        self.paths.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def local_server() -> Iterator[int]:
    _Seen.paths = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Seen)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_port
    httpd.shutdown()


class _Source:
    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher

    async def subresource(self, url: str, method: str, headers: dict[str, str]) -> FetchResult:
        return await self.fetcher.fetch(url, paced=False, headers=headers, follow_redirects=False)

    def browser_cookies(self) -> tuple[int, list[dict[str, Any]]]:
        return 0, []

    def take_browser_cookies(self, cookies: list[dict[str, Any]]) -> None:
        pass


@pytest.mark.browser
def test_a_rendered_page_cannot_reach_a_private_address(local_server: int) -> None:
    """A public page whose scripts and images point at the reviewer's own network: the
    browser's requests go through the crawler's checks and are refused."""
    html = (
        f'<p>Hemtjänst</p><img src="http://127.0.0.1:{local_server}/probe.png">'
        f"<script>fetch('http://127.0.0.1:{local_server}/xhr')</script>"
        f'<iframe src="http://127.0.0.1:{local_server}/frame"></iframe>'
    )
    document = FetchResult(
        "http://kommun.example/", "http://kommun.example/", 200,
        {"content-type": "text/html; charset=utf-8"}, html.encode(),
    )  # fmt: skip

    async def render() -> Any:
        client = make_client(UA, 10, allow_private=False)
        fetcher = Fetcher(
            client, Politeness(2, 0), user_agent=UA, allow_private=False, max_bytes=10**6,
            retries=0, timeout=10,
        )  # fmt: skip
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(**launch_options(renderers=1))
            pool = RenderPool(browser, size=1, user_agent=UA, timeout=15, max_height=5000)
            await pool.start()
            try:
                return await pool.render(RenderRequest(document.url, document, _Source(fetcher)))
            finally:
                await pool.close()
                await browser.close()
                await client.aclose()

    snapshot = asyncio.run(render())
    assert snapshot.error is None
    assert "Hemtjänst" in (snapshot.text or "")
    assert snapshot.screenshot and snapshot.screenshot[:4] == b"\x89PNG"
    assert _Seen.paths == []


def test_resume_deletes_files_a_killed_run_never_recorded(workspace: Workspace) -> None:
    round_id = workspace.ensure_round(None)
    with workspace.store.session(write=True) as session:
        register_municipalities(
            session, round_id, [Municipality(code="9001", name="Prov", website="http://x/")], "t"
        )
        run = start_crawl_run(session, round_id, "9001", "http://x/", settings={}, user_agent=UA)
    writer = Writer()
    storage = RunStorage(writer, workspace.store, workspace.evidence, run, software="webaudit/test")
    # What a killed process leaves: the journal lists a file that was written but whose
    # capture never committed, next to one that is known to the database.
    stray = workspace.evidence.put(b"half a capture", "text/html")
    storage.journal.parent.mkdir(parents=True, exist_ok=True)
    storage.journal.write_text(f"{stray.sha256} {stray.path}\n")
    asyncio.run(storage.open())
    writer.close()
    assert not workspace.evidence.absolute(stray.path).exists()
    assert not storage.journal.exists()


@pytest.mark.browser
@pytest.mark.slow
def test_crawl_delay_is_obeyed(tmp_path: Path) -> None:
    web = generate_web(1, seed=5, features={"crawl_delay": 1})
    site = web.sites[0]
    assert "Crawl-delay: 2" in (site.robots or "")
    with serve_web(web) as server:
        registry = load_registry(write_registry_csv(web, tmp_path / "r.csv", include_dead=False))
        workspace = Workspace(
            crawl_settings(
                tmp_path / "evidence", max_pages_per_site=2, max_fetches_per_site=5, search_terms=[]
            )
        )
        crawl_municipalities(workspace, registry.municipalities, fresh=True)
        workspace.close()
        starts = sorted(
            r.started for r in server.requests(site.host) if r.header("referer") is None
        )
    assert len(starts) >= 4
    assert min(b - a for a, b in itertools.pairwise(starts)) >= 1.9

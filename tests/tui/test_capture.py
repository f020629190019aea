"""Capturing a page found by hand: real Chromium, stored like a crawl page, cited as evidence."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_workspace
from tests.tui.conftest import make_app
from tests.tui.seed import seed_review
from tests.tui.test_pilot import SIZE, open_site
from webaudit.evidence import sha256_file
from webaudit.review.service import ReviewService
from webaudit.store.decisions import current_decisions
from webaudit.store.tables import Capture, CrawlRun

PAGE = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Avgiftskalkyl</title>
</head><body><h1>Räkna ut din avgift för hemtjänst</h1>
<p>Fyll i din inkomst och se vad hemtjänsten kostar.</p></body></html>"""


@pytest.fixture
def page_url() -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/avgift"
    server.shutdown()


@pytest.mark.browser
async def test_capture_by_hand_is_stored_like_a_crawl_page_and_cited(
    tmp_path: Path, page_url: str
) -> None:
    workspace = make_workspace(tmp_path, crawl={"allow_private": True})
    seeded = seed_review(workspace)
    code = seeded.codes[0]
    app, _ = make_app(workspace, seeded)
    async with app.run_test(size=SIZE) as pilot:
        site = await open_site(pilot, app, code)
        item = site.view.rows[site.index].item.id
        await pilot.press("f", *page_url, "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "fångad" in str(site.query_one("#status").render())
        assert site.view.rows[site.index].candidates[0].manual
    with workspace.store.session() as session:
        decision = current_decisions(session, seeded.round_id, code)[(code, item)]
        capture = session.get(Capture, decision.evidence_capture_ids[0])
        assert capture is not None
        run = session.get(CrawlRun, capture.crawl_run_id)
    assert decision.value is None  # attaching evidence does not decide the item
    assert capture.source == "manual" and capture.captured_by == "anna"
    assert capture.url == page_url and capture.status == 200
    assert capture.title == "Avgiftskalkyl"
    assert capture.screenshot_path and capture.html_path and capture.text_path
    assert (
        sha256_file(workspace.evidence.absolute(capture.screenshot_path))
        == capture.screenshot_sha256
    )
    assert run is not None and run.status == "manual"
    # The site's crawl is still the crawler's run, not the page taken by hand.
    assert ReviewService(workspace, seeded.round_id, "anna").queue()[0].crawl_status == "ok"
    workspace.close()


def test_capture_refuses_a_private_address_without_allow_private(tmp_path: Path) -> None:
    from webaudit.errors import UnsafeURLError

    workspace = make_workspace(tmp_path)
    seeded = seed_review(workspace, sites=1)
    service = ReviewService(workspace, seeded.round_id, "anna")
    with pytest.raises(UnsafeURLError):
        service.capture_page(seeded.codes[0], "http://127.0.0.1:9/")
    workspace.close()

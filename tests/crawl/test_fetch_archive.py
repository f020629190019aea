"""Fetching (redirect hops, retries, encodings, caps, robots, private addresses), the WARC file
(resumable after a torn write), the WACZ package, the storage journal, and the browser's
requests going through the same safety rules."""

from __future__ import annotations

import asyncio
import gzip
import json
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from webaudit.crawl.fetch import Fetcher, FetchResult, make_client
from webaudit.crawl.politeness import Politeness
from webaudit.crawl.wacz import WaczPage, write_wacz
from webaudit.crawl.warc import WarcFile, valid_length
from webaudit.store.types import utcnow
from webaudit.wacz_check import check_wacz

UA = "webaudit/0.1.0 (test; +mailto:test@example.se)"


class _Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    seen: list[str] = []

    def log_message(self, *_: object) -> None:
        pass

    def do_GET(self) -> None:
        self.seen.append(self.path)
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /intern/\n", "text/plain")
        elif self.path == "/hop1":
            self._send(301, b"", "text/html", [("Location", "/hop2")])
        elif self.path == "/hop2":
            self._send(
                302,
                b"",
                "text/html",
                [("Location", f"http://127.0.0.1:{self.server.server_port}/final")],
            )
        elif self.path == "/final":
            self._send(200, "<p>Hemtjänst</p>".encode(), "text/html; charset=utf-8")
        elif self.path == "/gzip":
            self._send(
                200,
                gzip.compress(b"<p>" + b"x" * 5000 + b"</p>"),
                "text/html",
                [("Content-Encoding", "gzip")],
            )
        elif self.path == "/big":
            self._send(200, b"y" * 200_000, "text/html")
        elif self.path == "/flaky":
            if self.hits[self.path] == 1:
                self._send(503, b"busy", "text/plain", [("Retry-After", "0")])
            else:
                self._send(200, b"<p>ok</p>", "text/html")
        elif self.path == "/loop":
            self._send(302, b"", "text/html", [("Location", "/loop")])
        else:
            self._send(404, b"nope", "text/plain")

    def _send(
        self, status: int, body: bytes, kind: str, headers: list[tuple[str, str]] = ()
    ) -> None:  # type: ignore[assignment]
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.hits, _Handler.seen = {}, []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


async def _fetch(url: str, *, allow_private: bool = True, max_bytes: int = 100_000) -> FetchResult:
    client = make_client(UA, 10, allow_private=allow_private)
    fetcher = Fetcher(
        client, Politeness(2, 0.0), user_agent=UA, allow_private=allow_private,
        max_bytes=max_bytes, retries=2, timeout=10,
    )  # fmt: skip
    try:
        return await fetcher.fetch(url)
    finally:
        await client.aclose()


def test_redirects_are_followed_hop_by_hop(server: str) -> None:
    result = asyncio.run(_fetch(f"{server}/hop1"))
    assert result.ok and result.final_url == f"{server}/final"
    assert [e.status for e in result.exchanges] == [301, 302, 200]
    assert result.redirects == [f"{server}/hop2", f"{server}/final"]
    assert result.text() == "<p>Hemtjänst</p>"
    loop = asyncio.run(_fetch(f"{server}/loop"))
    assert loop.error == "omdirigeringsslinga" and not loop.ok


def test_bodies_are_decoded_capped_and_kept_raw(server: str) -> None:
    result = asyncio.run(_fetch(f"{server}/gzip"))
    assert result.body.startswith(b"<p>xxx") and len(result.body) == 5007
    assert result.exchanges[-1].raw_body[:2] == b"\x1f\x8b"  # the WARC gets what was sent
    big = asyncio.run(_fetch(f"{server}/big", max_bytes=50_000))
    assert big.truncated and len(big.body) == 50_000


def test_server_errors_are_retried_and_robots_obeyed(server: str) -> None:
    flaky = asyncio.run(_fetch(f"{server}/flaky"))
    assert flaky.ok and [e.status for e in flaky.exchanges] == [503, 200]
    blocked = asyncio.run(_fetch(f"{server}/intern/x"))
    assert blocked.blocked == "robots.txt" and "/intern/x" not in _Handler.seen
    missing = asyncio.run(_fetch(f"{server}/nothing"))
    assert missing.status == 404 and not missing.transient_failure


def test_private_addresses_are_refused_unless_allowed(server: str) -> None:
    result = asyncio.run(_fetch(f"{server}/final", allow_private=False))
    assert result.blocked and "--allow-private" in result.blocked
    assert _Handler.seen == []
    refused = asyncio.run(_fetch("file:///etc/passwd"))
    assert refused.blocked and "http" in refused.blocked


def _exchange_result(server: str) -> FetchResult:
    return asyncio.run(_fetch(f"{server}/hop1"))


def test_warc_survives_a_torn_write_and_wacz_is_valid(server: str, tmp_path: Path) -> None:
    result = _exchange_result(server)
    path = tmp_path / "run.warc.gz"
    warc = WarcFile(path, software="webaudit/test", description="test")
    warc.open()
    for exchange in result.exchanges:
        warc.write_exchange(exchange)
    warc.close()
    good = path.stat().st_size
    assert valid_length(path) == good
    with path.open("ab") as handle:  # a record cut off by kill -9
        handle.write(b"\x1f\x8b\x08\x00torn")
    warc = WarcFile(path, software="webaudit/test", description="test")
    warc.open()
    assert path.stat().st_size == good
    warc.write_exchange(result.exchanges[-1])
    warc.close()
    with path.open("rb") as handle:
        records = [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"))
            for r in ArchiveIterator(handle)
        ]
    assert records[0][0] == "warcinfo"
    assert [t for t, _ in records[1:]] == ["response", "request"] * 4
    assert records[-2][1] == f"{server}/final"

    wacz = tmp_path / "run.wacz"
    write_wacz(
        wacz, [path], [WaczPage(f"{server}/final", utcnow(), "Hemtjänst", "Hemtjänst")],
        title="t", description="d", software="webaudit/test",
    )  # fmt: skip
    assert check_wacz(wacz) == []
    with zipfile.ZipFile(wacz) as archive:
        package = json.loads(archive.read("datapackage.json"))
        assert package["wacz_version"] == "1.1.1" and package["mainPageURL"] == f"{server}/final"
        assert archive.getinfo("archive/run.warc.gz").compress_type == zipfile.ZIP_STORED
        assert b"/final" in archive.read("indexes/index.cdx")
    validate = subprocess.run(
        [sys.executable, "-m", "wacz", "validate", "-f", str(wacz)], capture_output=True, text=True
    )
    assert validate.returncode == 0 and "valid" in validate.stdout, (
        validate.stdout + validate.stderr
    )

"""A hostile municipal site on loopback: every page is broken or nasty in its own way.

The home page links each case with home-care words, so a crawler looking for hemtjänst follows
them all. Served by a threaded stdlib server on 127.0.0.1 (or any loopback address).

Cases (path -> what it does), see CASES:
- invalid HTML, NUL bytes and stray bytes; a wrong charset (latin-1 bytes labelled UTF-8), no
  charset at all, an unknown charset;
- a 50 MB page (streamed, no Content-Length) and a gzip bomb (1 MB on the wire, 1 GB decoded);
- an endless redirect chain; a response that never finishes (one byte a second);
- a broken PDF and a truncated one;
- a script that never stops (before load) and one that keeps the page busy after load;
- alert/confirm/prompt dialogs, a beforeunload trap, window.open pop-ups;
- links with odd schemes (javascript:, file:, data:, ftp:), credentials, and a traversal-looking
  path with encoded slashes and dots.
"""

from __future__ import annotations

import gzip
import io
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

BIG_PAGE_BYTES = 50 * 1024 * 1024
BOMB_DECODED_BYTES = 1024 * 1024 * 1024
BASE = "/omsorg-och-stod/hemtjanst"


def _page(title: str, body: str) -> str:
    return (
        f"<!doctype html><html lang=sv><head><meta charset=utf-8><title>{title}</title></head>"
        f"<body><main><h1>{title}</h1>{body}<p>Hemtjänst är stöd i hemmet för äldre.</p>"
        "</main></body></html>"
    )


@cache
def gzip_bomb() -> bytes:
    """A gzip member of BOMB_DECODED_BYTES zeros (about 1 MB), built once."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = bytes(1 << 20)
    parts = [compressor.compress(b"<!doctype html><html><body><p>Hemtj\xc3\xa4nst")]
    parts += [compressor.compress(chunk) for _ in range(BOMB_DECODED_BYTES >> 20)]
    parts.append(compressor.flush())
    return b"".join(parts)


@dataclass(frozen=True)
class Case:
    path: str
    link_text: str
    what: str  # for the reliability table


CASES = [
    Case(f"{BASE}/trasig-html", "Hemtjänst – trasig HTML", "invalid HTML with NUL bytes"),
    Case(
        f"{BASE}/fel-teckenkodning",
        "Hemtjänst – avgifter (fel teckenkodning)",
        "latin-1 labelled UTF-8",
    ),
    Case(
        f"{BASE}/utan-teckenkodning",
        "Hemtjänst – ansökan (utan teckenkodning)",
        "latin-1, no charset given",
    ),
    Case(
        f"{BASE}/okand-teckenkodning",
        "Hemtjänst – kontakt (okänd teckenkodning)",
        "unknown charset",
    ),
    Case(f"{BASE}/stor-sida", "Hemtjänst – riktlinjer (stor sida)", "50 MB page"),
    Case(f"{BASE}/zipbomb", "Hemtjänst – utförare (zipbomb)", "gzip bomb: 1 MB becomes 1 GB"),
    Case(
        f"{BASE}/omdirigering",
        "Hemtjänst – välj utförare (oändlig omdirigering)",
        "endless redirect chain",
    ),
    Case(
        f"{BASE}/droppande",
        "Hemtjänst – synpunkter (svar som aldrig tar slut)",
        "response dripping a byte a second",
    ),
    Case(f"{BASE}/trasig.pdf", "Hemtjänst – avgiftstabell (PDF)", "broken PDF"),
    Case(f"{BASE}/avbruten.pdf", "Hemtjänst – broschyr (PDF)", "truncated PDF"),
    Case(
        f"{BASE}/oandligt-skript", "Hemtjänst – beräkna avgift (skript)", "script that never stops"
    ),
    Case(
        f"{BASE}/upptaget-skript",
        "Hemtjänst – jämför utförare (skript)",
        "script keeping the page busy",
    ),
    Case(
        f"{BASE}/dialogrutor",
        "Hemtjänst – trygghetslarm (dialogrutor)",
        "alert/confirm/prompt and beforeunload",
    ),
    Case(
        f"{BASE}/nya-fonster", "Hemtjänst – flexibel hemtjänst (nya fönster)", "window.open pop-ups"
    ),
    Case(
        f"{BASE}/konstiga-lankar",
        "Hemtjänst – länkar",
        "javascript:/file:/data:/ftp:, credentialed and traversal links",
    ),
]


def _odd_links(host: str) -> str:
    links = [
        "javascript:alert(1)//hemtjanst",
        "file:///etc/passwd",
        "data:text/html,<h1>hemtjänst</h1>",
        "ftp://127.0.0.1/hemtjanst",
        f"http://anna:hemligt@{host}{BASE}/inloggad",
        f"{BASE}/..%2F..%2F..%2Fetc%2Fpasswd",
        f"{BASE}/%2e%2e/%2e%2e/hemtjanst-ut",
    ]
    return "".join(
        f'<p><a href="{href}">Hemtjänst avgift {n}</a></p>' for n, href in enumerate(links)
    )


class _Handler(BaseHTTPRequestHandler):
    server_version = "hostile/1"
    protocol_version = "HTTP/1.1"
    cases: frozenset[str] = frozenset(c.path for c in CASES)
    seen: list[str]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.seen.append(("AUTH " if self.headers.get("Authorization") else "") + self.path)
        path = urlsplit(self.path).path
        route: Callable[[], None] | None = getattr(
            self, "_" + path.rsplit("/", 1)[-1].replace("-", "_").replace(".", "_"), None
        )
        if path == "/":
            self._home()
        elif path == "/robots.txt":
            self._send(200, "text/plain", b"User-agent: *\nAllow: /\n")
        elif route is not None and path.startswith(BASE):
            route()
        else:
            self._send(404, "text/html; charset=utf-8", _page("Sidan finns inte", "").encode())

    def _send(self, status: int, content_type: str, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _html(self, title: str, body: str, charset: str = "utf-8") -> None:
        self._send(200, f"text/html; charset={charset}", _page(title, body).encode(charset))

    def _home(self) -> None:
        links = "".join(
            f'<li><a href="{c.path}">{c.link_text}</a></li>' for c in CASES if c.path in self.cases
        )
        self._html("Hemtjänst och äldreomsorg", f"<nav><ul>{links}</ul></nav>")

    # -- the cases -------------------------------------------------------------------------

    def _trasig_html(self) -> None:
        body = (
            b"<html><head><title>Hemtj\xc3\xa4nst<body><p><b><i>Hemtj\xc3\xa4nst\x00\x00"
            b"<table><tr><td><div></span></p></b><script>var x = '</script><p>\xff\xfe\x80"
            b"<!-- never closed <p>Avgift f\xc3\xb6r hemtj\xc3\xa4nst"
        )
        self._send(200, "text/html; charset=utf-8", body)

    def _fel_teckenkodning(self) -> None:
        self._send(
            200,
            "text/html; charset=utf-8",
            _page("Avgift för hemtjänst", "<p>Maxtaxa</p>").encode("latin-1"),
        )

    def _utan_teckenkodning(self) -> None:
        html = _page("Ansök om hemtjänst", "").replace("<meta charset=utf-8>", "")
        self._send(200, "text/html", html.encode("latin-1"))

    def _okand_teckenkodning(self) -> None:
        self._send(200, "text/html; charset=x-bogus-9000", _page("Kontakt hemtjänst", "").encode())

    def _stor_sida(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Connection", "close")
        self.end_headers()
        head = b"<!doctype html><html><head><title>Riktlinjer hemtj\xc3\xa4nst</title></head><body>"
        line = (
            b"<p>Riktlinjer f\xc3\xb6r hemtj\xc3\xa4nst och bist\xc3\xa5nd i hemmet.</p>\n" * 1000
        )
        sent = 0
        try:
            self.wfile.write(head)
            while sent < BIG_PAGE_BYTES:
                self.wfile.write(line)
                sent += len(line)
            self.wfile.write(b"</body></html>")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the crawler stopped reading at its cap: as it should
        self.close_connection = True

    def _zipbomb(self) -> None:
        self._send(200, "text/html; charset=utf-8", gzip_bomb(), Content_Encoding="gzip")

    def _omdirigering(self) -> None:
        query = urlsplit(self.path).query
        hop = int(query.removeprefix("n=") or 0) if query.startswith("n=") or not query else 0
        self.send_response(302)
        self.send_header("Location", f"{BASE}/omdirigering?n={hop + 1}")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _droppande(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(10_000))
        self.end_headers()
        try:
            self.wfile.write(b"<html><body><p>Synpunkter p\xc3\xa5 hemtj\xc3\xa4nst")
            for _ in range(120):
                time.sleep(1)
                self.wfile.write(b".")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def _trasig_pdf(self) -> None:
        self._send(
            200,
            "application/pdf",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n"
            b"garbage \x00\x01\x02 xref trailer << /Root 99 0 R >> %%EOF",
        )

    def _avbruten_pdf(self) -> None:
        from tests.testweb import make_pdf

        whole = make_pdf("Avgift för hemtjänst", ["Maxtaxa 2 540 kr i månaden"])
        self._send(200, "application/pdf", whole[: len(whole) // 2])

    def _oandligt_skript(self) -> None:
        self._html("Beräkna avgift för hemtjänst", "<script>for(;;){}</script><p>Räknesnurra</p>")

    def _upptaget_skript(self) -> None:
        self._html(
            "Jämför utförare inom hemtjänst",
            "<p>Jämför</p><script>window.addEventListener('load', () => setTimeout(() => {"
            "const end = Date.now() + 60000; while (Date.now() < end) {} }, 50));"
            "setInterval(() => { document.body.appendChild(document.createElement('div')); }, 1);"
            "</script>",
        )

    def _dialogrutor(self) -> None:
        self._html(
            "Trygghetslarm i hemtjänsten",
            "<p>Trygghetslarm</p><script>alert('Hej från hemtjänsten'); confirm('Säker?');"
            "prompt('Ditt namn?'); window.onbeforeunload = () => 'Stanna kvar!';"
            "setTimeout(() => alert('igen'), 200);</script>",
        )

    def _nya_fonster(self) -> None:
        self._html(
            "Flexibel hemtjänst",
            "<p>Du bestämmer över din tid.</p><a target=_blank href='/'>Start</a>"
            "<script>for (let i = 0; i < 20; i++) window.open('/?popup=' + i, '_blank');"
            "setInterval(() => window.open('/', '_blank'), 100);</script>",
        )

    def _konstiga_lankar(self) -> None:
        self._html("Länkar om hemtjänst", _odd_links(self.headers.get("Host", "127.0.0.1")))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64


@dataclass
class HostileSite:
    url: str
    requests: list[str]  # every request target the server saw ("AUTH " first if credentialed)


@contextmanager
def serve_hostile(
    host: str = "127.0.0.1", cases: list[Case] | None = None
) -> Iterator[HostileSite]:
    """Serve the hostile site (all cases, or those given) until exit."""
    gzip_bomb()  # build it before the crawler starts its clock
    seen: list[str] = []
    handler = type(
        "Handler", (_Handler,), {"cases": frozenset(c.path for c in cases or CASES), "seen": seen}
    )
    server = _Server((host, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="hostile-site", daemon=True)
    thread.start()
    try:
        yield HostileSite(f"http://{host}:{server.server_address[1]}", seen)
    finally:
        server.shutdown()
        server.server_close()


def decoded_size(data: bytes) -> int:
    """Size of a gzip body once decoded (for the self-test of the bomb)."""
    total = 0
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
        for block in iter(lambda: handle.read(1 << 24), b""):
            total += len(block)
    return total


__all__ = ["BASE", "CASES", "Case", "HostileSite", "decoded_size", "gzip_bomb", "serve_hostile"]

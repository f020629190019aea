"""HTTP fetches with httpx: every hop safety-checked, robots-checked and paced per host, retried
with backoff on 5xx and timeouts, size-capped, and kept byte for byte for the WARC.

Redirects are followed here, one hop at a time, so that each hop is a recorded exchange and
goes through the same checks as the first request.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import re
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from webaudit.crawl.politeness import PRIORITY_PAGE, HostGate, Politeness
from webaudit.crawl.robots import Robots, RobotsCache, fetch_robots
from webaudit.crawl.safety import check_url, resolve
from webaudit.crawl.urls import is_ip
from webaudit.errors import UnsafeURLError
from webaudit.store.types import utcnow

__all__ = [
    "Download",
    "Exchange",
    "FetchResult",
    "Fetcher",
    "Robots",
    "decode_html",
    "download",
    "fetch_robots",
    "make_client",
]

TRANSIENT_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_REDIRECTS = 6
MAX_BACKOFF = 10.0
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)


def make_client(
    user_agent: str, timeout: float, *, allow_private: bool, max_connections: int = 400
) -> httpx.AsyncClient:
    """The crawler's HTTP client. Redirects are followed by the caller (see Fetcher)."""

    async def refuse_unsafe(request: httpx.Request) -> None:
        check_url(str(request.url), allow_private=allow_private)  # also checks every hop

    return httpx.AsyncClient(
        headers={
            "User-Agent": user_agent,
            "Accept-Encoding": "gzip, deflate",  # only encodings we can decode and cap
            "Accept-Language": "sv-SE,sv;q=0.9,en;q=0.5",
        },
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        follow_redirects=True,
        max_redirects=5,
        limits=httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=max_connections // 2
        ),
        event_hooks={"request": [refuse_unsafe]},
    )


@dataclass
class Exchange:
    """One HTTP request and its response as sent and received: what goes into the WARC."""

    url: str
    method: str
    request_headers: list[tuple[str, str]]
    started: datetime
    http_version: str = "HTTP/1.1"
    status: int | None = None
    reason: str = ""
    response_headers: list[tuple[str, str]] = field(default_factory=list)
    raw_body: bytes = b""  # as received (content-encoded), possibly cut at the size cap
    truncated: bool = False
    ip: str | None = None
    error: str | None = None  # no response at all (timeout, refused, ...)


@dataclass
class FetchResult:
    url: str
    final_url: str
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""  # content-decoded, capped
    exchanges: list[Exchange] = field(default_factory=list)
    redirects: list[str] = field(default_factory=list)
    error: str | None = None
    blocked: str | None = None  # refused before any request: robots.txt, unsafe address
    truncated: bool = False
    fetched_at: datetime = field(default_factory=utcnow)
    attempts: int = 0

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def ok(self) -> bool:
        return (
            self.error is None
            and self.blocked is None
            and self.status is not None
            and (200 <= self.status < 300)
        )

    @property
    def transient_failure(self) -> bool:
        """Could not be fetched for a reason that says nothing about the page (not a 404)."""
        if self.blocked is not None:
            return False
        return (
            self.error is not None
            or self.status is None
            or self.status >= 500
            or (self.status == 429)
        )

    @property
    def is_html(self) -> bool:
        kind = self.content_type
        if kind in ("text/html", "application/xhtml+xml"):
            return True
        return not kind and self.body[:512].lstrip()[:15].lower().startswith(
            (b"<!doctype", b"<html")
        )

    @property
    def is_pdf(self) -> bool:
        return self.content_type == "application/pdf" or self.body[:5] == b"%PDF-"

    def text(self) -> str:
        return decode_html(self.body, self.headers.get("content-type", ""))


def decode_html(body: bytes, content_type: str = "") -> str:
    """Bytes to text as a browser would pick the charset: header, BOM, <meta>, else UTF-8."""
    charset = None
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
    if match:
        charset = match.group(1)
    if body.startswith(codecs.BOM_UTF8):
        return body[3:].decode("utf-8", "replace")
    if charset is None:
        meta = _META_CHARSET.search(body[:4096])
        if meta:
            charset = meta.group(1).decode("ascii", "replace")
    if charset is None:
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            charset = "windows-1252"
    charset = charset.lower()
    if charset in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
        charset = "windows-1252"  # what browsers actually use for these labels
    try:
        return body.decode(charset, "replace")
    except LookupError:
        return body.decode("utf-8", "replace")


def _decode_body(raw: bytes, encoding: str, limit: int) -> tuple[bytes, bool]:
    """Undo Content-Encoding with an output cap (a small gzip must not become gigabytes)."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return raw[:limit], len(raw) > limit
    if encoding in ("gzip", "x-gzip", "deflate"):
        for wbits in (16 + zlib.MAX_WBITS,) if "gzip" in encoding else (zlib.MAX_WBITS, -15):
            try:
                decompressor = zlib.decompressobj(wbits)
                out = decompressor.decompress(raw, limit)
                return out, bool(decompressor.unconsumed_tail)
            except zlib.error:
                continue
    return raw[:limit], len(raw) > limit  # unknown encoding: keep the bytes as they came


def retry_after(headers: httpx.Headers) -> float | None:
    value = headers.get("retry-after")
    if not value:
        return None
    with contextlib.suppress(ValueError):
        return max(0.0, float(value))
    with contextlib.suppress(TypeError, ValueError, IndexError):
        return max(0.0, (parsedate_to_datetime(value) - utcnow()).total_seconds())
    return None


class Fetcher:
    """Fetches through the politeness gates, robots.txt rules and safety checks."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        politeness: Politeness,
        *,
        user_agent: str,
        allow_private: bool,
        max_bytes: int,
        retries: int,
        timeout: float,
        on_exchange: Callable[[Exchange], None] | None = None,
    ) -> None:
        self.client = client
        self.politeness = politeness
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.retries = retries
        self.timeout = timeout
        self.robots = RobotsCache(self._fetch_robots_file, user_agent)
        self.on_exchange = on_exchange
        self.requests = 0

    async def fetch(
        self,
        url: str,
        *,
        priority: int = PRIORITY_PAGE,
        paced: bool = True,
        check_robots: bool = True,
        headers: dict[str, str] | None = None,
        method: str = "GET",
        record: Callable[[Exchange], None] | None = None,
        follow_redirects: bool = True,
    ) -> FetchResult:
        """GET `url`, following redirects hop by hop. Never raises for network trouble: the
        result says what happened (error, blocked, status)."""
        result = FetchResult(url=url, final_url=url)
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            await _resolve_off_loop(current)
            try:
                host = check_url(current, allow_private=self.allow_private)
            except UnsafeURLError as error:
                result.blocked = str(error)
                return result
            robots = await self.robots.get(current) if check_robots else None
            if robots is not None and not robots.allowed(current):
                result.blocked = robots.note if robots.disallow_all else "robots.txt"
                return result
            crawl_delay = robots.crawl_delay if robots is not None else None
            gate = self.politeness.gate(host, crawl_delay)
            tried: list[Exchange] = []
            exchange, response_headers = await self._attempts(
                current, gate, priority, paced, headers, method, record, tried
            )
            result.attempts += len(tried)
            result.exchanges += tried
            result.final_url = current
            if exchange.status is None:
                result.error = exchange.error or "inget svar"
                return result
            result.status = exchange.status
            location = response_headers.get("location") if response_headers else None
            if follow_redirects and exchange.status in (301, 302, 303, 307, 308) and location:
                target = urljoin(current, location.strip())
                if urlsplit(target).scheme not in ("http", "https"):
                    result.error = f"omdirigering till {urlsplit(target).scheme or 'okänt schema'}"
                    return result
                if target in result.redirects or target == url:
                    result.error = "omdirigeringsslinga"
                    return result
                result.redirects.append(target)
                current = target
                continue
            result.headers = {k.lower(): v for k, v in (response_headers or {}).items()}
            encoding = result.headers.get("content-encoding", "")
            result.body, cut = _decode_body(exchange.raw_body, encoding, self.max_bytes)
            result.truncated = cut or exchange.truncated
            return result
        result.error = "för många omdirigeringar"
        return result

    async def _attempts(
        self,
        url: str,
        gate: HostGate,
        priority: int,
        paced: bool,
        headers: dict[str, str] | None,
        method: str,
        record: Callable[[Exchange], None] | None,
        attempts: list[Exchange],
    ) -> tuple[Exchange, httpx.Headers | None]:
        """One hop, retried with backoff on 5xx/429 and network errors; every attempt is
        appended to `attempts` (and recorded: a failed attempt is evidence too)."""
        attempt = 0
        while True:
            async with gate.slot(priority, paced=paced):
                exchange, response_headers = await self._exchange(
                    url, headers, method, lambda: gate.sent(paced=paced)
                )
            self.requests += 1
            attempts.append(exchange)
            for sink in (record, self.on_exchange):
                if sink is not None:
                    sink(exchange)
            transient = exchange.status is None or exchange.status in TRANSIENT_STATUSES
            if exchange.status in (429, 503):
                gate.back_off()
            if not transient or attempt >= self.retries:
                return exchange, response_headers
            wait = min(MAX_BACKOFF, 0.5 * 2**attempt)
            if response_headers is not None:
                asked = retry_after(response_headers)
                if asked is not None:
                    wait = min(30.0, max(wait, asked))
            attempt += 1
            await asyncio.sleep(wait)

    async def _exchange(
        self,
        url: str,
        headers: dict[str, str] | None,
        method: str,
        sending: Callable[[], None] = lambda: None,
    ) -> tuple[Exchange, httpx.Headers | None]:
        started = utcnow()

        async def trace(event: str, info: dict[str, Any]) -> None:
            if event == "http11.send_request_headers.started":
                sending()  # the connection is up and the request is leaving: pace from now

        try:
            request = self.client.build_request(
                method, url, headers=headers, extensions={"trace": trace}
            )
        except (httpx.HTTPError, ValueError) as error:
            return Exchange(url, method, [], started, error=_describe(error)), None
        exchange = Exchange(
            url,
            method,
            [(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw],
            started,
        )
        try:
            async with asyncio.timeout(self.timeout * 2):  # a body that trickles in forever
                response = await self.client.send(request, stream=True, follow_redirects=False)
                try:
                    exchange.status = response.status_code
                    exchange.reason = response.reason_phrase
                    exchange.http_version = response.http_version
                    exchange.response_headers = [
                        (k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw
                    ]
                    exchange.ip = _address_of(request.url.host)
                    chunks: list[bytes] = []
                    size = 0
                    async for chunk in response.aiter_raw():
                        chunks.append(chunk)
                        size += len(chunk)
                        if size > self.max_bytes:
                            exchange.truncated = True
                            break
                    exchange.raw_body = b"".join(chunks)[: self.max_bytes]
                    return exchange, response.headers
                finally:
                    await response.aclose()
        except TimeoutError:
            exchange.error = "tidsgränsen nåddes"
        except UnsafeURLError as error:
            exchange.error = str(error)
        except httpx.HTTPError as error:
            exchange.error = _describe(error)
        if exchange.status is not None:  # the body broke off: keep what came, say so
            exchange.truncated = True
            return exchange, httpx.Headers(exchange.response_headers)
        return exchange, None

    async def _fetch_robots_file(self, url: str) -> FetchResult:
        return await self.fetch(url, check_robots=False)


_RESOLVED: set[str] = set()


async def _resolve_off_loop(url: str) -> None:
    """Resolve a host name in a thread (the safety check then reads the cache), so a slow DNS
    answer never blocks the event loop."""
    host = urlsplit(url).hostname
    if host and host not in _RESOLVED and not is_ip(host):
        await asyncio.get_running_loop().run_in_executor(None, resolve, host)
        _RESOLVED.add(host)


def _address_of(host: str) -> str | None:
    """The host's IP address for the WARC record: the literal, or the (cached) resolution the
    safety check used. Asking the socket would cost a system call per request."""
    if is_ip(host):
        return host.strip("[]")
    addresses = resolve(host)
    return addresses[0] if addresses else None


def _describe(error: Exception) -> str:
    if isinstance(error, httpx.TimeoutException):
        return "tidsgränsen nåddes"
    if isinstance(error, httpx.ConnectError):
        return "kunde inte ansluta"
    text = str(error).strip().splitlines()
    return (text[0][:200] if text else "") or type(error).__name__


# -- simple downloads (single-page captures) ---------------------------------------------------


@dataclass
class Download:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    truncated: bool


async def download(client: httpx.AsyncClient, url: str, max_bytes: int) -> Download:
    """GET with a size cap: a body over `max_bytes` is cut off, never read whole into memory."""
    async with client.stream("GET", url) as response:
        chunks: list[bytes] = []
        size = 0
        truncated = False
        async for chunk in response.aiter_bytes():  # decoded, so the cap also stops zip bombs
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                truncated = True
                break
        body = b"".join(chunks)[:max_bytes]
        return Download(
            url, str(response.url), response.status_code, dict(response.headers), body, truncated
        )


FetchFunction = Callable[[str], Awaitable[FetchResult]]

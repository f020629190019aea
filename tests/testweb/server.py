"""Serve a generated :class:`~tests.testweb.model.Web` on its loopback addresses.

One asyncio event loop in one background thread serves every host (one listening socket per
127.x.y.z address), so 290 sites plus extra hosts cost a few hundred file descriptors and a
single thread. HTTP/1.1 with keep-alive, GET/HEAD/POST, per-request latency, a request log
per host and concurrency tracking for politeness assertions.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import itertools
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.cookies import CookieError, SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .model import REASONS, HostBase, Response, Web

MAX_HEAD = 64 * 1024


@dataclass
class RequestRecord:
    """One request as the server saw it. Times are ``time.monotonic()`` seconds."""

    host: str
    port: int
    method: str
    target: str
    headers: dict[str, str]
    started: float
    wall: float  # time.time() at arrival
    client: tuple[str, int] | None = None
    finished: float | None = None
    status: int | None = None
    bytes: int = 0
    connection: int = 0  # id of the TCP connection (keep-alive reuse shows as the same id)

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]

    @property
    def user_agent(self) -> str | None:
        for k, v in self.headers.items():
            if k.lower() == "user-agent":
                return v
        return None

    def header(self, name: str) -> str | None:
        for k, v in self.headers.items():
            if k.lower() == name.lower():
                return v
        return None


@dataclass
class WebServer:
    """Handle returned by :func:`serve_web`. ``latency`` may be changed while serving."""

    web: Web
    latency: float = 0.0
    port: int = 0  # 0: an ephemeral port per host; otherwise this port on every address
    idle_timeout: float = 30.0
    log: dict[str, list[RequestRecord]] = field(default_factory=dict)
    active: dict[str, int] = field(default_factory=dict)
    peak: dict[str, int] = field(default_factory=dict)
    state: dict[Any, int] = field(default_factory=dict)  # hit counters of flaky pages

    def __post_init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._servers: list[asyncio.base_events.Server] = []
        self._writers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._conn_ids = 0
        self.startup_seconds = 0.0

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self, timeout: float = 60.0) -> WebServer:
        t0 = time.monotonic()
        _ensure_fd_limit(4 * sum(1 for h in self.web.all_hosts() if h.listening) + 1024)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="testweb-server", daemon=True
        )
        self._thread.start()
        fut = asyncio.run_coroutine_threadsafe(self._start_all(), self._loop)
        try:
            fut.result(timeout)
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - t0
        return self

    async def _start_all(self) -> None:
        for h in self.web.all_hosts():
            if not h.listening:
                continue
            self.log.setdefault(h.host, [])
            self.active.setdefault(h.host, 0)
            self.peak.setdefault(h.host, 0)
            server = await asyncio.start_server(
                self._callback(h),
                host=h.host,
                port=self.port,
                backlog=512,
                reuse_address=True,
                limit=MAX_HEAD,
            )
            self._servers.append(server)
            self.web.set_port(h.host, server.sockets[0].getsockname()[1])

    def stop(self) -> None:
        loop = self._loop
        if loop is None:
            return
        if loop.is_running():
            fut = asyncio.run_coroutine_threadsafe(self._stop_all(), loop)
            with contextlib.suppress(Exception):
                fut.result(15)
            loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(15)
        if not loop.is_running():
            loop.close()
        self._loop = None

    async def _stop_all(self) -> None:
        for s in self._servers:
            s.close()
        for w in list(self._writers):
            with contextlib.suppress(Exception):
                w.transport.abort()
        for t in list(self._tasks):
            t.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        for s in self._servers:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(s.wait_closed(), 5)
        self._servers.clear()

    def __enter__(self) -> WebServer:
        return self.start() if self._loop is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- queries for tests -------------------------------------------------------------------
    def requests(self, host: str | None = None) -> list[RequestRecord]:
        """Requests seen by one host (address) or by all hosts, in arrival order."""
        if host is not None:
            return list(self.log.get(host, []))
        out = [r for recs in list(self.log.values()) for r in list(recs)]
        out.sort(key=lambda r: r.started)
        return out

    def max_concurrency(self, host: str) -> int:
        """Most requests that were in progress at the same time on one host."""
        return self.peak.get(host, 0)

    def min_interval(self, host: str) -> float | None:
        """Smallest gap between the arrivals of consecutive requests to one host."""
        starts = sorted(r.started for r in self.log.get(host, []))
        if len(starts) < 2:
            return None
        return min(b - a for a, b in itertools.pairwise(starts))

    def clear_log(self) -> None:
        for recs in self.log.values():
            recs.clear()
        for h in self.peak:
            self.peak[h] = 0
        self.state.clear()

    def url(self, *args: object) -> str:
        return self.web.url(*args)  # type: ignore[arg-type]

    # -- HTTP ----------------------------------------------------------------------------------
    def _callback(
        self, h: HostBase
    ) -> Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]:
        async def cb(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await self._serve_conn(h, reader, writer)

        return cb

    async def _serve_conn(
        self, h: HostBase, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        self._writers.add(writer)
        self._conn_ids += 1
        conn_id = self._conn_ids
        peer = writer.get_extra_info("peername")
        try:
            while True:
                try:
                    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), self.idle_timeout)
                except (
                    TimeoutError,
                    asyncio.IncompleteReadError,
                    asyncio.LimitOverrunError,
                    ConnectionError,
                ):
                    break
                lines = head.decode("latin-1").split("\r\n")
                try:
                    method, target, version = lines[0].split(" ", 2)
                except ValueError:
                    await self._write(
                        writer,
                        Response(400, [("Content-Type", "text/plain")], b"bad request"),
                        False,
                    )
                    break
                headers: dict[str, str] = {}
                for line in lines[1:]:
                    if ":" in line:
                        k, v = line.split(":", 1)
                        headers[k.strip()] = v.strip()
                low = {k.lower(): v for k, v in headers.items()}
                n = int(low.get("content-length", "0") or 0)
                if n:
                    with contextlib.suppress(Exception):
                        await reader.readexactly(n)
                conn_hdr = low.get("connection", "").lower()
                keep = (version == "HTTP/1.1" and "close" not in conn_hdr) or (
                    version == "HTTP/1.0" and "keep-alive" in conn_hdr
                )
                if target.startswith(("http://", "https://")):
                    parts = urlsplit(target)
                    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
                rec = RequestRecord(
                    h.host,
                    h.port or 0,
                    method.upper(),
                    target,
                    headers,
                    time.monotonic(),
                    time.time(),
                    peer,
                    connection=conn_id,
                )
                self.log.setdefault(h.host, []).append(rec)
                self.active[h.host] = self.active.get(h.host, 0) + 1
                self.peak[h.host] = max(self.peak.get(h.host, 0), self.active[h.host])
                counted = True
                try:
                    delay = self.latency + h.delay
                    if delay > 0:
                        await asyncio.sleep(delay)
                    resp = self._respond(h, rec, low)
                    if resp.page is not None and resp.page.delay > 0:
                        await asyncio.sleep(resp.page.delay)
                    rec.status = resp.status
                    rec.bytes = len(resp.body)
                    # recorded before the bytes leave, so a client that has its answer
                    # always sees a complete record
                    rec.finished = time.monotonic()
                    self.active[h.host] -= 1
                    counted = False
                    await self._write(writer, resp, keep)
                finally:
                    if counted:
                        self.active[h.host] -= 1
                    if rec.finished is None:
                        rec.finished = time.monotonic()
                if not keep:
                    break
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            self._writers.discard(writer)
            with contextlib.suppress(Exception):
                writer.close()
            if task is not None:
                self._tasks.discard(task)

    def _respond(self, h: HostBase, rec: RequestRecord, low: dict[str, str]) -> Response:
        if rec.method not in ("GET", "HEAD", "POST"):
            return Response(
                405,
                [("Content-Type", "text/plain"), ("Allow", "GET, HEAD, POST")],
                b"method not allowed",
            )
        cookies: dict[str, str] = {}
        if "cookie" in low:
            try:
                c = SimpleCookie()
                c.load(low["cookie"])
                cookies = {k: m.value for k, m in c.items()}
            except CookieError:
                cookies = {}
        try:
            return self.web.respond(
                h.host, rec.target, method=rec.method, cookies=cookies, state=self.state
            )
        except Exception as e:  # a generator bug must not kill the connection loop
            return Response(
                500,
                [("Content-Type", "text/plain; charset=utf-8")],
                f"testweb error: {e!r}".encode(),
            )

    async def _write(self, writer: asyncio.StreamWriter, resp: Response, keep: bool) -> None:
        reason = REASONS.get(resp.status, "Status")
        out = [f"HTTP/1.1 {resp.status} {reason}"]
        names = {k.lower() for k, _ in resp.headers}
        out += [f"{k}: {v}" for k, v in resp.headers]
        if "content-length" not in names:
            out.append(f"Content-Length: {len(resp.body)}")
        out.append(f"Date: {formatdate(usegmt=True)}")
        out.append("Server: testweb")
        out.append("Connection: " + ("keep-alive" if keep else "close"))
        writer.write(("\r\n".join(out) + "\r\n\r\n").encode("latin-1") + resp.body)
        await writer.drain()


def _ensure_fd_limit(needed: int) -> None:
    """Raise the soft open-files limit when hundreds of listening sockets need it."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        new = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))


def serve_web(
    web: Web, latency: float = 0.0, *, port: int = 0, idle_timeout: float = 30.0
) -> WebServer:
    """Start serving ``web``; use as a context manager::

        with serve_web(web, latency=0.05) as srv:
            httpx.get(web.entry_url(web.sites[0]))
            srv.requests(web.sites[0].host)

    Binds every listening host on its own 127.x.y.z address (``port=0``: an ephemeral port
    each, recorded in ``host.port``), so generated URLs resolve. Dead hosts keep port 1.
    """
    srv = WebServer(web, latency=latency, port=port, idle_timeout=idle_timeout)
    srv.start()
    return srv


def write_registry_csv(web: Web, path: str | Path, include_dead: bool = True) -> Path:
    """Write ``code,name,website`` rows for the sites (plus the dead site). Needs bound ports."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["code", "name", "website"])
        for s in web.sites:
            w.writerow([s.code, s.name, web.entry_url(s)])
        if include_dead and web.dead_site is not None:
            w.writerow([web.dead_site["code"], web.dead_site["name"], web.dead_site["website"]])
    return path

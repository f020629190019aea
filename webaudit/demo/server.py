"""Serve folders of static sites on 127.0.0.1, one port per site.

Links between the sites are written as `__HOST_<slug>__` in the files and replaced with the
site's real `http://127.0.0.1:<port>` when served, so the sites work on whatever ports are free.
"""

from __future__ import annotations

import mimetypes
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

TOKEN = re.compile(rb"__HOST_([a-z0-9-]+)__")
NOT_FOUND_PAGE = "<!doctype html><html lang=sv><title>Sidan finns inte</title><h1>404 – sidan finns inte</h1></html>".encode()
TEXT_TYPES = ("text/", "application/javascript", "application/xml", "image/svg+xml")


@dataclass(frozen=True)
class ServedSite:
    slug: str
    root: Path
    url: str  # http://127.0.0.1:<port>


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True


class _SiteHandler(BaseHTTPRequestHandler):
    server_version = "webaudit-demo/1"

    def __init__(self, *args: Any, root: Path, hosts: dict[str, str], **kwargs: Any) -> None:
        self.root = root
        self.hosts = hosts
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def _serve(self, *, head: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        root = self.root.resolve()
        target = (root / path.lstrip("/")).resolve()
        if target.is_dir() and target.is_relative_to(root):
            if not path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        if not target.is_relative_to(root) or not target.is_file():
            self._send(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", NOT_FOUND_PAGE, head)
            return
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        data = target.read_bytes()
        if content_type.startswith(TEXT_TYPES):
            data = TOKEN.sub(
                lambda m: self.hosts.get(m.group(1).decode(), m.group(0).decode()).encode(), data
            )
            content_type += "; charset=utf-8"
        self._send(HTTPStatus.OK, content_type, data, head)

    def _send(self, status: HTTPStatus, content_type: str, body: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)


@contextmanager
def serve_sites(
    sites_dir: Path, slugs: list[str] | None = None, host: str = "127.0.0.1"
) -> Iterator[dict[str, ServedSite]]:
    """Serve each sub-folder of `sites_dir` (or the given slugs) on its own port until exit."""
    slugs = slugs or sorted(
        p.name for p in sites_dir.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))
    )
    hosts: dict[str, str] = {}
    servers: list[tuple[str, _QuietServer]] = []
    try:
        for slug in slugs:
            handler = partial(_SiteHandler, root=sites_dir / slug, hosts=hosts)
            server = _QuietServer((host, 0), handler)
            hosts[slug] = f"http://{host}:{server.server_address[1]}"
            servers.append((slug, server))
        for _, server in servers:
            threading.Thread(target=server.serve_forever, name="demo-site", daemon=True).start()
        yield {slug: ServedSite(slug, sites_dir / slug, hosts[slug]) for slug, _ in servers}
    finally:
        for _, server in servers:
            server.shutdown()
            server.server_close()

"""Data model of a generated test web: pages, hosts, sites, ground truth.

Page bodies are generated once, before any server binds. Absolute URLs inside bodies and
headers are written with the token ``@@H:<address>@@`` which is replaced by
``<address>:<port>`` when the page is served (see :meth:`Web.render`), so generation does not
depend on the ports chosen at bind time.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

ITEMS: tuple[str, ...] = (
    "fee_calculator",
    "provider_comparison",
    "flexibility_policy",
    "no_needs_assessment",
    "how_to_apply",
    "e_application",
    "fee_info",
    "provider_choice",
    "service_content",
    "complaints",
    "contact_info",
    "fast_omsorgskontakt",
    "easy_read_or_languages",
    "assessment_guidelines",
    "quality_guarantees",
    "safety_alarm",
)

HOST_TOKEN_RE = re.compile(rb"@@H:([0-9.]+)@@")
SID_TOKEN = b"@@SID@@"
OVERLAY_TOKEN = b"<!--@@OVERLAY@@-->"
CONSENT_COOKIE = "cookieconsent"

REASONS = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    303: "See Other",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


def host_token(addr: str) -> str:
    """The placeholder written into bodies for ``<addr>:<port>``."""
    return f"@@H:{addr}@@"


def abs_url(addr: str, target: str) -> str:
    """An absolute URL in token form (resolved when served)."""
    return f"http://{host_token(addr)}{target}"


class Ref(NamedTuple):
    """A location in the web: host address and request target (path plus query)."""

    host: str
    target: str


@dataclass
class Page:
    """One response the server can give for an exact request target."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    charset: str | None = "utf-8"  # encoding of body (None for binary)
    title: str = ""
    kind: str = "page"  # page, section, start, item, pdf, redirect, error, json, robots, ...
    fail_first: int = 0  # answer 500 to the first N requests, then this page
    delay: float = 0.0  # extra seconds before answering
    text: str = ""  # plain text (search index; not sent)


@dataclass
class ItemTruth:
    """Ground truth for one checklist item on one site.

    ``urls``: pages whose content holds the item (HTML page, PDF, e-service page, iframe
    source); ``via``: site pages that link to or embed those when the content is off-site,
    in a PDF or in an iframe (a crawler that records the linking page is also right);
    ``near_miss``: pages with text that resembles the item but must not count;
    ``mode``: html | js | pdf | eservice | iframe | link;
    """

    item: str
    exists: bool
    mode: str | None = None
    urls: list[Ref] = field(default_factory=list)
    via: list[Ref] = field(default_factory=list)
    near_miss: list[Ref] = field(default_factory=list)


@dataclass
class HostBase:
    host: str  # loopback address, e.g. 127.0.1.7
    label: str  # the DNS name the host pretends to have
    pages: dict[str, Page] = field(default_factory=dict)
    port: int | None = None
    delay: float = 0.0  # seconds before every response (slow host)
    listening: bool = True  # False: nothing is served (dead host)
    dynamic: dict[str, str] = field(default_factory=dict)  # path -> dynamic route kind
    not_found: Page | None = None

    @property
    def base_url(self) -> str:
        if self.port is None:
            raise RuntimeError(f"{self.host} has no port yet: serve the web first")
        return f"http://{self.host}:{self.port}"

    def url(self, target: str = "/") -> str:
        return self.base_url + target


@dataclass
class Host(HostBase):
    """An extra host: e-service platform, separate care host, alias, dead or slow host."""

    role: str = "eservice"  # eservice | care | alias | dead | slow
    owner: str | None = None  # municipality code of the site it belongs to


@dataclass
class Site(HostBase):
    """One fictional municipality website."""

    code: str = ""
    name: str = ""
    slug: str = ""
    cms: str = ""
    features: list[str] = field(default_factory=list)
    truth: dict[str, ItemTruth] = field(default_factory=dict)
    depth: int = 0  # menu clicks from the start page to the home-care page
    menu_path: list[str] = field(default_factory=list)  # menu titles down to home care
    home_care: list[Ref] = field(default_factory=list)  # the main home-care page(s)
    care_pages: list[Ref] = field(default_factory=list)  # all home-care related pages
    entry_target: str = "/"  # registry website path on the entry host
    entry_host: str | None = None  # alias host address when the registry points elsewhere
    extra_hosts: list[str] = field(default_factory=list)  # addresses of its extra hosts
    start: Ref | None = None  # final start page after root redirects
    deliberate_broken: list[Ref] = field(default_factory=list)  # linked on purpose: 404/500
    disallowed: list[Ref] = field(default_factory=list)  # linked but disallowed by robots.txt
    robots: str | None = None  # robots.txt text, None when robots.txt answers 404
    redirects: dict[Ref, list[str]] = field(default_factory=dict)  # chain start -> Locations
    flaky: list[Ref] = field(default_factory=list)  # pages that answer 500 once, then 200
    vars: dict[str, str] = field(default_factory=dict)  # text placeholders (phone, age limit...)
    template: Any = field(default=None, repr=False, compare=False)  # SiteTemplate (dynamic pages)
    search_index: list[tuple[str, str, str]] = field(
        default_factory=list, repr=False, compare=False
    )

    def has(self, feature: str) -> bool:
        return feature in self.features


@dataclass
class Coverage:
    hits: int
    total: int
    missed: list[tuple[str, str]]  # (code, item)

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 1.0


@dataclass
class Response:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    page: Page | None = None


def _decoded_pages(h: HostBase) -> dict[str, Page]:
    """The host's pages by percent-decoded target (built once per host)."""
    table: dict[str, Page] | None = getattr(h, "_decoded_table", None)
    if table is None or len(table) != len(h.pages):
        table = {unquote(k): p for k, p in h.pages.items()}
        h._decoded_table = table  # type: ignore[attr-defined]
    return table


class Web:
    """A generated web: sites plus extra hosts, with lookup and token rendering."""

    def __init__(self, seed: int, features: Mapping[str, float | int], params: dict[str, Any]):
        self.seed = seed
        self.features = dict(features)
        self.params = params
        self.sites: list[Site] = []
        self.hosts: list[Host] = []
        self.dead_site: dict[str, str] | None = None  # code, name, host, website
        self._render_cache: dict[int, tuple[Page, int, bytes]] = {}
        self._by_addr: dict[str, HostBase] = {}
        self._ports_version = 0

    def set_port(self, addr: str, port: int | None) -> None:
        """Record the port a host is served on (done by the server)."""
        self.host(addr).port = port
        self._ports_version += 1
        self._render_cache.clear()

    # -- navigation -----------------------------------------------------------------------
    def all_hosts(self) -> Iterator[HostBase]:
        yield from self.sites
        yield from self.hosts

    def host(self, addr: str) -> HostBase:
        h = self._by_addr.get(addr)
        if h is None:  # hosts were added since the last lookup
            self._by_addr = {x.host: x for x in self.all_hosts()}
            h = self._by_addr.get(addr)
            if h is None:
                raise KeyError(f"no host {addr} in this web")
        return h

    def site(self, code: str) -> Site:
        for s in self.sites:
            if s.code == code:
                return s
        raise KeyError(code)

    def sites_with(self, feature: str) -> list[Site]:
        return [s for s in self.sites if feature in s.features]

    def site_of(self, addr: str) -> Site | None:
        h = self.host(addr)
        if isinstance(h, Site):
            return h
        assert isinstance(h, Host)
        return self.site(h.owner) if h.owner else None

    # -- URLs -----------------------------------------------------------------------------
    def port_of(self, addr: str) -> int:
        p = self.host(addr).port
        if p is None:
            raise RuntimeError(f"{addr} has no port yet: serve the web first")
        return p

    def url(self, ref: Ref | str, target: str | None = None) -> str:
        """Absolute URL of a Ref (or of address + target). Needs bound ports."""
        if isinstance(ref, Ref):
            addr, tgt = ref
        else:
            addr, tgt = ref, (target or "/")
        return f"http://{addr}:{self.port_of(addr)}{tgt}"

    def entry_url(self, site: Site) -> str:
        """The website URL given in the registry for a site."""
        return self.url(site.entry_host or site.host, site.entry_target)

    def ref_of(self, url: str) -> Ref:
        """Inverse of :meth:`url` (port is ignored)."""
        parts = urlsplit(url)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        return Ref(parts.hostname or "", target)

    def expand(self, data: bytes) -> bytes:
        """Replace host tokens by ``address:port`` (ports must be bound)."""
        return HOST_TOKEN_RE.sub(
            lambda m: f"{m.group(1).decode()}:{self.port_of(m.group(1).decode())}".encode(), data
        )

    # -- request handling (pure apart from ``state`` for flaky pages) ----------------------
    def lookup(self, addr: str, target: str) -> tuple[Page | None, str]:
        """Find the page for a request target. Returns (page or None, dynamic kind or '')."""
        h = self.host(addr)
        path, _, query = target.partition("?")
        if ";" in path:  # ;jsessionid=... path parameters are ignored, as servlet engines do
            path = path.split(";", 1)[0]
        params = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "sid"]
        key = path + ("?" + urlencode(params) if params else "")
        if key in h.pages:
            return h.pages[key], ""
        if path in h.dynamic:
            return None, h.dynamic[path]
        if path in h.pages:  # unknown query parameters are ignored, as most servers do
            return h.pages[path], ""
        # A browser sends '/Broschyr%20om%20hemtj%C3%A4nst.pdf' for a link written
        # '/Broschyr%20om%20hemtjänst.pdf': real servers compare decoded paths, so does this.
        decoded = unquote(path)
        if decoded != path or "%" in path:
            for candidate in (decoded + key[len(path) :], decoded):
                found = _decoded_pages(h).get(candidate)
                if found is not None:
                    return found, ""
        if "*" in h.dynamic:
            return None, h.dynamic["*"]
        return None, ""

    def respond(
        self,
        addr: str,
        target: str,
        *,
        method: str = "GET",
        cookies: Mapping[str, str] | None = None,
        state: dict[Any, int] | None = None,
    ) -> Response:
        """The response a host gives for a target. ``state`` counts hits of flaky pages."""
        from . import dynamic  # local import: dynamic imports model

        h = self.host(addr)
        page, kind = self.lookup(addr, target)
        if page is None and kind:
            page = dynamic.render(self, h, kind, target)
        if page is None:
            page = h.not_found or Page(b"<h1>404</h1>", status=404, kind="error")
        if page.fail_first:
            st = state if state is not None else {}
            key = (addr, target.split("?")[0])
            n = st.get(key, 0)
            st[key] = n + 1
            if n < page.fail_first:
                body = (
                    '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Tekniskt fel'
                    "</title></head><body><h1>Tekniskt fel</h1><p>Ett tillfälligt fel uppstod. "
                    "Försök igen om en stund.</p></body></html>"
                ).encode()
                return Response(
                    500,
                    [("Content-Type", "text/html; charset=utf-8"), ("Retry-After", "1")],
                    body,
                    page,
                )
        body = self.render(page, cookies=cookies)
        headers = [("Content-Type", page.content_type)]
        for k, v in page.headers.items():
            headers.append((k, self.expand(v.encode()).decode()))
        if method == "HEAD":
            headers.append(("Content-Length", str(len(body))))
            body = b""
        return Response(page.status, headers, body, page)

    def render(self, page: Page, cookies: Mapping[str, str] | None = None) -> bytes:
        """Body as served: host tokens expanded, session ids drawn, consent overlay shown
        unless the consent cookie is present."""
        body = page.body
        if page.charset is None or b"@@" not in body:  # binary (PDF) or nothing to expand
            return body
        dynamic = OVERLAY_TOKEN in body or SID_TOKEN in body
        if not dynamic:
            cached = self._render_cache.get(id(page))
            if cached is not None and cached[0] is page and cached[1] == self._ports_version:
                return cached[2]
        if OVERLAY_TOKEN in body:
            consent = bool(cookies and cookies.get(CONSENT_COOKIE))
            from .template import consent_overlay  # local import: template imports model

            body = body.replace(OVERLAY_TOKEN, b"" if consent else consent_overlay(page.charset))
        if SID_TOKEN in body:
            parts = body.split(SID_TOKEN)
            body = parts[0] + b"".join(secrets.token_hex(8).upper().encode() + p for p in parts[1:])
        if b"@@H:" in body:
            body = self.expand(body)
        if not dynamic:
            self._render_cache[id(page)] = (page, self._ports_version, body)
        return body

    # -- ground truth -----------------------------------------------------------------------
    def truth_table(self) -> list[dict[str, Any]]:
        """One row per (site, item), URLs resolved (needs bound ports)."""
        rows = []
        for s in self.sites:
            for item in ITEMS:
                t = s.truth[item]
                rows.append(
                    {
                        "code": s.code,
                        "name": s.name,
                        "item": item,
                        "exists": t.exists,
                        "mode": t.mode,
                        "urls": [self.url(r) for r in t.urls],
                        "via": [self.url(r) for r in t.via],
                        "near_miss": [self.url(r) for r in t.near_miss],
                    }
                )
        return rows

    def truth_json(self) -> dict[str, Any]:
        """Everything a test or benchmark needs, JSON-serialisable (needs bound ports)."""
        sites = []
        for s in self.sites:
            sites.append(
                {
                    "code": s.code,
                    "name": s.name,
                    "website": self.entry_url(s),
                    "host": s.host,
                    "cms": s.cms,
                    "features": s.features,
                    "depth": s.depth,
                    "menu_path": s.menu_path,
                    "home_care": [self.url(r) for r in s.home_care],
                    "care_pages": [self.url(r) for r in s.care_pages],
                    "extra_hosts": [
                        self.url(a, "/") for a in s.extra_hosts if self.host(a).listening
                    ],
                    "disallowed": [self.url(r) for r in s.disallowed],
                    "deliberate_broken": [
                        self.url(r) for r in s.deliberate_broken if self.host(r.host).port
                    ],
                    "flaky": [self.url(r) for r in s.flaky],
                    "robots": self.expand(s.robots.encode()).decode() if s.robots else None,
                    "redirects": {
                        self.url(k): [self.expand(x.encode()).decode() for x in v]
                        for k, v in s.redirects.items()
                    },
                    "items": {
                        item: {
                            "exists": t.exists,
                            "mode": t.mode,
                            "urls": [self.url(r) for r in t.urls],
                            "via": [self.url(r) for r in t.via],
                            "near_miss": [self.url(r) for r in t.near_miss],
                        }
                        for item, t in s.truth.items()
                    },
                }
            )
        return {
            "seed": self.seed,
            "features": self.features,
            "dead_site": self.dead_site,
            "hosts": [
                {
                    "host": h.host,
                    "label": h.label,
                    "role": h.role,
                    "owner": h.owner,
                    "port": h.port,
                    "delay": h.delay,
                }
                for h in self.hosts
            ],
            "sites": sites,
        }

    def coverage(self, found: Mapping[str, Iterable[str]], *, include_via: bool = True) -> Coverage:
        """Share of (site, item) pairs with an existing item whose page the crawler found.

        ``found`` maps municipality code -> URLs the crawler kept (fetched, or flagged as
        home-care pages). A pair counts when one of its ``urls`` (or ``via`` pages, unless
        ``include_via`` is False) is among them. URLs compare by host address and target;
        ports, fragments, ``;jsessionid=`` and ``sid`` parameters are ignored.
        """
        hits, missed = 0, []
        total = 0
        for s in self.sites:
            got = {self._norm(u) for u in found.get(s.code, ())}
            for item, t in s.truth.items():
                if not t.exists:
                    continue
                total += 1
                want = {self._norm_ref(r) for r in t.urls + (t.via if include_via else [])}
                if want & got:
                    hits += 1
                else:
                    missed.append((s.code, item))
        return Coverage(hits, total, missed)

    def _norm_ref(self, ref: Ref) -> Ref:
        path, _, query = ref.target.partition("?")
        path = unquote(path.split(";", 1)[0])
        params = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "sid"]
        return Ref(ref.host, path + ("?" + urlencode(params) if params else ""))

    def _norm(self, url: str) -> Ref:
        return self._norm_ref(self.ref_of(url.split("#", 1)[0]))

    def stats(self) -> dict[str, int]:
        n_pages = sum(len(h.pages) for h in self.all_hosts())
        n_bytes = sum(len(p.body) for h in self.all_hosts() for p in h.pages.values())
        return {
            "sites": len(self.sites),
            "hosts": len(self.hosts),
            "pages": n_pages,
            "bytes": n_bytes,
        }

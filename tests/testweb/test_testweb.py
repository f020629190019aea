"""Self-tests of the test web: generator determinism, link integrity, ground truth, server."""

from __future__ import annotations

import base64
import html
import io
import json
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest

from . import texts
from .generator import FEATURES, SITE_FEATURES, generate_web
from .model import ITEMS, Ref, Site, Web
from .server import serve_web, write_registry_csv

UA = "webaudit-testweb-selftest/1.0 (+mailto:test@example.org)"


# ---------------------------------------------------------------------------------- helpers


class LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])  # type: ignore[arg-type]
        elif tag == "iframe" and a.get("src"):
            self.links.append(a["src"])  # type: ignore[arg-type]


LINK_RE = re.compile(r"<(?:a|iframe)\b[^>]*?\s(?:href|src)=\"([^\"]*)\"", re.I)


def links_of(body: bytes, charset: str) -> list[str]:
    """a[href] and iframe[src]; a fast regex for big pages, cross-checked by HTMLParser on small ones."""
    text = body.decode(charset, errors="replace")
    found = LINK_RE.findall(text)
    if len(text) < 20_000 and len(text) % 5 == 0:  # cross-check a sample
        p = LinkParser()
        p.feed(text)
        assert [html.unescape(x) for x in found] == p.links
    return found


def normalise(web: Web, url: str) -> Ref:
    """Ref without session ids (what a sensible crawler would dedupe on)."""
    parts = urlsplit(url)
    path = parts.path.split(";", 1)[0] or "/"
    q = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "sid"]
    return Ref(parts.hostname or "", path + ("?" + urlencode(q) if q else ""))


def robots_allows(robots: str | None, target: str) -> bool:
    """Longest-match robots.txt semantics (RFC 9309) for the '*' group."""
    if not robots:
        return True
    rules: list[tuple[bool, str]] = []
    in_star = False
    for line in robots.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        k, v = (x.strip() for x in line.split(":", 1))
        k = k.lower()
        if k == "user-agent":
            in_star = v == "*"
        elif in_star and k in ("allow", "disallow") and v:
            rules.append((k == "allow", v))
    best: tuple[int, bool] = (-1, True)
    for allow, pat in rules:
        rx = re.escape(pat).replace(r"\*", ".*")
        if rx.endswith(r"\$"):
            rx = rx[:-2] + "$"
        if re.match(rx, target):
            key = (len(pat), allow)
            if key > best:
                best = key
    return best[1]


def fetch(web: Web, ref: Ref, state: dict, max_hops: int = 6) -> tuple[int, Ref, list[Ref]]:
    """Follow redirects in-process. Returns (final status, final ref, hops). 'dead' = -1."""
    hops = []
    for _ in range(max_hops):
        h = web.host(ref.host)
        if not h.listening:
            return -1, ref, hops
        resp = web.respond(ref.host, ref.target, state=state)
        if resp.status == 500 and resp.page is not None and resp.page.fail_first:
            resp = web.respond(ref.host, ref.target, state=state)  # one retry
        if resp.status in (301, 302, 303, 307, 308):
            loc = dict(resp.headers)["Location"]
            ref = web.ref_of(urljoin(web.url(ref), loc))
            hops.append(ref)
            continue
        return resp.status, ref, hops
    return 0, ref, hops


def crawl(web: Web, site: Site, *, respect_robots: bool) -> dict:
    """Breadth-first crawl of one site (and its extra hosts) without the network."""
    own = {site.host, *site.extra_hosts}
    if site.entry_host:
        own.add(site.entry_host)
    state: dict = {}
    memo: dict[str, tuple[int, Ref, list[Ref]]] = {}
    resolved: dict[str, tuple[str, Ref | None, int]] = {}
    entry = web.ref_of(web.entry_url(site))
    status, start, _ = fetch(web, entry, state)
    assert status == 200, (site.code, status)
    depth = {start: 0}
    queue = [start]
    bad: list[tuple[Ref, str, int]] = []
    seen_calendar = 0
    while queue:
        ref = queue.pop(0)
        web.host(ref.host)
        resp = web.respond(ref.host, ref.target, state=state)
        if resp.status == 500 and resp.page is not None and resp.page.fail_first:
            resp = web.respond(ref.host, ref.target, state=state)
        ctype = dict(resp.headers).get("Content-Type", "")
        if resp.status != 200 or not ctype.startswith("text/html"):
            continue
        charset = (resp.page.charset if resp.page else None) or "utf-8"
        base = web.url(ref)
        for href in links_of(resp.body, charset):
            # root-relative and absolute links resolve the same from every page: memoise them
            cacheable = href.startswith(("/", "http:")) and not href.startswith("//")
            hit = resolved.get(href) if cacheable else None
            if hit is None:
                url = urljoin(base, html.unescape(href))
                parts = urlsplit(url)
                if parts.scheme not in ("http", "https") or parts.hostname not in own:
                    hit = (url, None, 0)
                else:
                    target = normalise(web, url)
                    if (
                        respect_robots
                        and target.host == site.host
                        and not robots_allows(site.robots, web.ref_of(url).target)
                    ):
                        hit = (url, None, 0)
                    else:
                        key = web.url(target) if web.host(target.host).listening else url
                        if key not in memo:
                            memo[key] = fetch(web, web.ref_of(url), state)
                        st, final, _ = memo[key]
                        hit = (url, normalise(web, web.url(final)) if st == 200 else None, st)
                if cacheable:
                    resolved[href] = hit
            url, final, st = hit
            if final is None:
                if st:
                    bad.append((ref, url, st))
                continue
            if final.target.startswith("/kalender"):
                seen_calendar += 1
                if seen_calendar > 3:
                    continue
            if final not in depth:
                depth[final] = depth[ref] + 1
                queue.append(final)
    return {"depth": depth, "bad": bad}


def positive_snippets(item: str, site: Site) -> list[str]:
    """Sentences that only a positive statement of ``item`` contains."""
    out = []
    for _heading, paras in texts.POSITIVE[item]:
        for p in paras:
            out.append(" ".join(p.format(**site.vars).split())[:50])
    return out


def decoded_text(body: bytes, charset: str | None) -> str:
    return " ".join(html.unescape(body.decode(charset or "utf-8", errors="replace")).split())


def js_payloads(body: str, web: Web, host: str) -> str:
    """The HTML that the page's scripts would inject (fetch JSON or inline base64)."""
    out = []
    for api in re.findall(r"fetch\('([^']+)'\)", body):
        r = web.respond(host, api)
        out.append(json.loads(r.body)["html"])
    for b64 in re.findall(r"atob\('([^']+)'\)", body):
        out.append(base64.b64decode(b64).decode("utf-8"))
    return " ".join(html.unescape("\n".join(out)).split())


def http_get(url: str, headers: dict | None = None, timeout: float = 10) -> tuple[int, dict, bytes]:
    req = urllib.request.Request(url, headers={"User-Agent": UA, **(headers or {})})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):  # type: ignore[no-untyped-def]
        return None


# ---------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def web40() -> Web:
    return generate_web(40, seed=7)


@pytest.fixture(scope="module")
def served40(web40: Web):
    with serve_web(web40) as srv:
        yield srv


# ---------------------------------------------------------------------------------- generator


def test_determinism() -> None:
    a = generate_web(12, seed=3)
    b = generate_web(12, seed=3)
    c = generate_web(12, seed=4)

    def pages(w):
        return {
            (h.host, t): (p.status, p.content_type, p.body, tuple(p.headers.items()))
            for h in w.all_hosts()
            for t, p in h.pages.items()
        }

    def truth(w):
        return [
            (
                s.code,
                s.name,
                s.features,
                [(t.item, t.exists, t.mode, t.urls, t.via, t.near_miss) for t in s.truth.values()],
            )
            for s in w.sites
        ]

    assert pages(a) == pages(b)
    assert truth(a) == truth(b)
    assert pages(a) != pages(c)
    # a site's address and name do not depend on the web size
    d = generate_web(5, seed=3)
    assert [(s.host, s.code, s.name) for s in d.sites] == [
        (s.host, s.code, s.name) for s in a.sites[:5]
    ]


def test_addresses_codes_names() -> None:
    w = generate_web(300, seed=0, features=[])
    hosts = [s.host for s in w.sites]
    assert hosts[0] == "127.0.1.1" and "127.0.0.1" not in hosts
    assert len(set(hosts)) == 300 and all(not h.endswith((".0", ".255")) for h in hosts)
    assert len({s.name for s in w.sites}) == 300
    assert all(re.fullmatch(r"\d{4}", s.code) for s in w.sites)
    assert all(
        sum(
            1
            for p in s.pages.values()
            if p.kind not in ("redirect", "robots", "error", "json", "pdf")
        )
        >= 20
        for s in w.sites
    )


def test_features_switchable() -> None:
    plain = generate_web(6, seed=1, features=[])
    assert all(s.features == [] for s in plain.sites) and plain.hosts == []
    only = generate_web(6, seed=1, features={"js_content": 1.0})
    assert all(s.features == ["js_content"] for s in only.sites)
    assert all(any(t.mode == "js" for t in s.truth.values()) for s in only.sites)
    some = generate_web(6, seed=1, features=["crawl_delay"])
    assert len(some.sites_with("crawl_delay")) == 1
    with pytest.raises(ValueError):
        generate_web(2, features=["no_such_feature"])
    full = generate_web(50, seed=2)
    for f in SITE_FEATURES:
        assert full.sites_with(f), f"feature {f} missing on every site"
    assert full.dead_site is not None
    for item in ITEMS:
        assert any(s.truth[item].exists for s in full.sites) and not all(
            s.truth[item].exists for s in full.sites
        )
    assert set(FEATURES) >= set(SITE_FEATURES)


def test_home_care_depth_and_menu_words() -> None:
    w = generate_web(60, seed=5, features=[])
    depths = {s.depth for s in w.sites}
    assert depths == {2, 3, 4}
    words = {s.menu_path[0] for s in w.sites}
    assert len(words) >= 5
    with serve_web(w):  # URLs need bound ports; the crawl itself runs in-process
        for s in w.sites:
            res = crawl(w, s, respect_robots=True)
            home = s.home_care[0]
            assert home in res["depth"], s.code
            assert res["depth"][home] <= s.depth  # menu depth, shortcuts may be shorter


# ---------------------------------------------------------------------------------- integrity


def test_links_resolve_and_ground_truth_reachable(web40: Web, served40) -> None:
    for s in web40.sites:
        res = crawl(web40, s, respect_robots=False)
        broken = set(s.deliberate_broken)
        unexpected = [
            (web40.url(src), url, st)
            for src, url, st in res["bad"]
            if normalise(web40, url) not in broken
        ]
        assert not unexpected, (s.code, s.features, unexpected[:5])
        for b in broken:  # deliberate breakage is linked and really broken
            assert any(normalise(web40, url) == b for _, url, _ in res["bad"]), (s.code, b)
        polite = crawl(web40, s, respect_robots=True)
        reached = set(polite["depth"])
        for t in s.truth.values():
            if t.exists:
                assert set(t.urls + t.via) & reached, (s.code, t.item, t.mode, t.urls, t.via)
            for r in t.urls + t.via + t.near_miss:
                assert web40.url(r)  # resolvable
        for r in s.disallowed:
            assert not robots_allows(s.robots, r.target), (s.code, r)
            assert r not in reached


def test_ground_truth_pages_hold_the_items(web40: Web, served40) -> None:
    pypdf = pytest.importorskip("pypdf")
    checked = 0
    for s in web40.sites:
        state: dict = {}
        for item, t in s.truth.items():
            if not t.exists:
                assert not t.urls and not t.via and t.mode is None
                continue
            assert t.urls, (s.code, item)
            for ref in t.urls[:1]:
                status, final, _ = fetch(web40, ref, state)
                assert status == 200 and final == ref, (s.code, item, ref, status)
                resp = web40.respond(ref.host, ref.target, state=state)
                page = resp.page
                assert page is not None
                if t.mode == "pdf":
                    text = " ".join(
                        " ".join(
                            p.extract_text() for p in pypdf.PdfReader(io.BytesIO(resp.body)).pages
                        ).split()
                    )
                else:
                    text = decoded_text(resp.body, page.charset)
                if t.mode == "js":
                    snippets = positive_snippets(item, s) or ["<form"]
                    assert not any(sn in text for sn in snippets) or item == "fee_calculator", (
                        s.code,
                        item,
                    )
                    text = js_payloads(text, web40, ref.host)
                if item == "fee_calculator":
                    assert "<form" in text and (
                        "waCalc" in text or "waCalc" in decoded_text(resp.body, page.charset)
                    ), (s.code, t.mode)
                else:
                    assert any(sn in text for sn in positive_snippets(item, s)), (
                        s.code,
                        item,
                        t.mode,
                        ref,
                    )
                checked += 1
        # absent items: no positive statement anywhere in the site's HTML or JSON
        absent = [i for i, t in s.truth.items() if not t.exists and i != "fee_calculator"]
        hosts = [web40.host(a) for a in [s.host, *s.extra_hosts]]
        for h in hosts:
            for p in h.pages.values():
                if p.charset is None:
                    continue
                body = decoded_text(p.body, p.charset)
                for item in absent:
                    for sn in positive_snippets(item, s):
                        assert sn not in body, (s.code, item, sn)
    assert checked > 200


# ---------------------------------------------------------------------------------- server


def test_server_statuses_charsets_and_features(web40: Web, served40) -> None:
    w, srv = web40, served40
    s0 = w.sites[0]
    st, hd, body = http_get(w.url(s0.start))
    assert st == 200 and urlsplit(w.url(s0.start)).hostname.startswith("127.0.")
    # 404 with the site's own page
    st, hd, body = http_get(w.url(s0.host, "/finns-inte-alls"))
    assert st == 404 and b"Sidan kunde inte hittas" in body
    # ISO-8859-1 with header, and with meta only
    lat = next(iter(w.sites_with("latin1")))
    st, hd, body = http_get(w.url(lat.start))
    assert hd["Content-Type"].lower() == "text/html; charset=iso-8859-1"
    assert "Välkommen".encode("iso-8859-1") in body and "Välkommen".encode() not in body
    meta = w.sites_with("latin1_meta")[0]
    st, hd, body = http_get(w.url(meta.start))
    assert hd["Content-Type"] == "text/html"
    assert b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">' in body
    assert "Välkommen".encode("iso-8859-1") in body
    # flaky: 500 once, then 200
    fl = w.sites_with("flaky")[0]
    ref = fl.flaky[0]
    srv.state.clear()
    assert http_get(w.url(ref))[0] == 500
    assert http_get(w.url(ref))[0] == 200
    # permanent 500
    se = w.sites_with("server_error")[0]
    errs = [
        r
        for r in se.deliberate_broken
        if w.host(r.host).listening
        and w.host(r.host).pages.get(r.target)
        and w.host(r.host).pages[r.target].status == 500
    ]
    assert errs and all(http_get(w.url(r))[0] == 500 for r in errs for _ in range(2))
    # robots variants
    cd = w.sites_with("crawl_delay")[0]
    assert "Crawl-delay: 2" in http_get(w.url(cd.host, "/robots.txt"))[2].decode()
    aid = w.sites_with("allow_in_disallow")[0]
    rb = http_get(w.url(aid.host, "/robots.txt"))[2].decode()
    dis = rb.index("Disallow: ")
    assert "Allow: " in rb[dis:]
    assert robots_allows(aid.robots, aid.home_care[0].target)
    import urllib.robotparser

    rp = urllib.robotparser.RobotFileParser()
    rp.parse(rb.splitlines())
    # the standard library gets this one wrong (first match wins): the reason for this site
    blocked_by_stdlib = [r for r in aid.care_pages if not rp.can_fetch("webaudit", w.url(r))]
    assert blocked_by_stdlib
    # sitemap
    sm = w.sites_with("sitemap")[0]
    st, hd, body = http_get(w.url(sm.host, "/sitemap.xml"))
    assert st == 200 and body.count(b"<loc>http://127.") > 10
    # search
    se = w.sites_with("search")[0]
    st, hd, body = http_get(w.url(se.host, "/sok?q=hemtj%C3%A4nst"))
    assert st == 200 and b"search-results" in body
    se = next(x for x in w.sites_with("search") if x.home_care[0].host == x.host)
    st, hd, body = http_get(w.url(se.host, "/sok?q=hemtj%C3%A4nst"))
    assert html.escape(se.home_care[0].target) in body.decode(se.template.charset)
    # endless calendar and session ids
    tr = w.sites_with("traps")[0]
    st, hd, body = http_get(w.url(tr.host, "/kalender?month=2031-12"))
    assert st == 200 and b"/kalender?month=2032-01" in body
    a = http_get(w.url(tr.start))[2]
    b = http_get(w.url(tr.start))[2]
    sid_a = re.findall(rb"jsessionid=([0-9A-F]+)", a)
    sid_b = re.findall(rb"jsessionid=([0-9A-F]+)", b)
    assert sid_a and sid_b and sid_a != sid_b
    # redirect chain of 2-3 hops leads to the home-care page
    rd = w.sites_with("redirects")[0]
    start = next(k for k, hops in rd.redirects.items() if hops[-1] == rd.home_care[0].target)
    st, final, chain = fetch(w, start, {})
    assert st == 200 and 2 <= len(chain) <= 3 and final == rd.home_care[0]
    assert http_get(w.url(start))[0] in (301, 302, 307, 308)
    # alias host: registry website redirects across hosts
    al = w.sites_with("alias_host")[0]
    st, hd, _ = http_get(w.entry_url(al))
    assert st == 301 and hd["Location"].startswith(f"http://{al.host}:")
    # dead host: nothing listening
    dead = next(h for h in w.hosts if h.role == "dead")
    with pytest.raises(OSError):
        socket.create_connection((dead.host, dead.port), timeout=2).close()
    # cookie overlay until the consent cookie is sent
    co = w.sites_with("cookie_overlay")[0]
    assert b'id="cookie-consent"' in http_get(w.url(co.start))[2]
    assert (
        b'id="cookie-consent"' not in http_get(w.url(co.start), {"Cookie": "cookieconsent=all"})[2]
    )
    # e-service fee calculator computes server-side too
    es = next(s for s in w.sites if s.truth["fee_calculator"].mode in ("eservice", "iframe"))
    calc = next(r for r in es.truth["fee_calculator"].urls if "?" not in r.target)
    st, _, body = http_get(w.url(calc) + "?inkomst=30000&boende=6000&timmar=10")
    assert st == 200 and "Din preliminära avgift för hemtjänst: 2575 kr per månad" in body.decode()


def test_request_log_latency_and_concurrency() -> None:
    w = generate_web(2, seed=1, features=[])
    with serve_web(w, latency=0.5) as srv:
        s = w.sites[0]
        barrier = threading.Barrier(4)
        errors: list[BaseException] = []

        def get() -> None:
            barrier.wait()
            try:
                http_get(w.url(s.start))
            except BaseException as e:  # surfaced below
                errors.append(e)

        threads = [threading.Thread(target=get) for _ in range(4)]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - t0
        assert not errors
        assert 0.5 <= elapsed < 3.0  # latency applied, requests served concurrently
        log = srv.requests(s.host)
        assert len(log) == 4 and all(r.user_agent == UA and r.status == 200 for r in log)
        assert all(r.finished is not None and r.finished - r.started >= 0.49 for r in log)
        assert srv.max_concurrency(s.host) == 4
        assert srv.requests(w.sites[1].host) == []
        srv.clear_log()
        srv.latency = 0.0
        http_get(w.url(s.start))
        time.sleep(0.3)
        http_get(w.url(s.start))
        assert srv.max_concurrency(s.host) == 1
        gap = srv.min_interval(s.host)
        assert gap is not None and gap >= 0.2
        assert srv.requests(s.host)[0].path == s.start.target.split("?")[0]


def test_slow_host() -> None:
    w = generate_web(3, seed=1, features=["slow_host"], slow_seconds=0.6)
    slow = next(h for h in w.hosts if h.role == "slow")
    with serve_web(w):
        t0 = time.monotonic()
        assert http_get(w.url(slow.host, "/"))[0] == 200
        assert time.monotonic() - t0 >= 0.6


def test_registry_csv(tmp_path, web40: Web, served40) -> None:
    p = write_registry_csv(web40, tmp_path / "registry.csv")
    rows = p.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "code,name,website"
    assert len(rows) == 1 + len(web40.sites) + 1
    assert rows[1].startswith(f"{web40.sites[0].code},{web40.sites[0].name},http://127.0.1.1:")
    assert web40.dead_site is not None and web40.dead_site["code"] in rows[-1]


def test_pdf_text_extracts_with_pypdf() -> None:
    pypdf = pytest.importorskip("pypdf")
    from .pdf import make_pdf

    data = make_pdf(
        "Riktlinjer för biståndshandläggning",
        [
            ("h", "Äldreomsorg"),
            "Städning, tvätt och inköp – för dig över 75 år (förenklat beslutsfattande).",
            "Sista sidan: ÅÄÖ åäö é.",
        ],
        page_break_before=2,
    )
    r = pypdf.PdfReader(io.BytesIO(data), strict=True)
    assert len(r.pages) == 2
    text = "\n".join(p.extract_text() for p in r.pages)
    assert "Riktlinjer för biståndshandläggning" in text
    assert "Städning, tvätt och inköp – för dig över 75 år (förenklat beslutsfattande)." in text
    assert "ÅÄÖ åäö é" in text
    assert r.metadata.title == "Riktlinjer för biståndshandläggning"


def test_290_sites_generate_serve_and_stop_quickly() -> None:
    t0 = time.monotonic()
    w = generate_web(290, seed=0)
    t1 = time.monotonic()
    srv = serve_web(w)
    t2 = time.monotonic()
    try:
        last = w.sites[-1]
        assert http_get(w.url(last.start))[0] == 200
        assert len(srv.log) >= 290
    finally:
        srv.stop()
    t3 = time.monotonic()
    print(
        f"\n290 sites: generate {t1 - t0:.2f}s, start {t2 - t1:.2f}s, stop {t3 - t2:.2f}s, {w.stats()}"
    )
    assert t2 - t1 < 5 and t3 - t2 < 5 and t1 - t0 < 20
    with pytest.raises(OSError):
        socket.create_connection((last.host, last.port), timeout=1).close()


# ---------------------------------------------------------------------------------- browser


def _chromium():
    pw = pytest.importorskip("playwright.sync_api")
    from pathlib import Path

    exe = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    return pw, exe


@pytest.mark.browser
def test_browser_sees_js_content_overlay_alert_and_iframe() -> None:
    pw, exe = _chromium()
    w = generate_web(
        4, seed=11, features={"js_content": 1.0, "cookie_overlay": 1.0, "alert": 1, "iframe": 1}
    )
    with serve_web(w), pw.sync_playwright() as p:
        try:
            browser = p.chromium.launch(
                executable_path=exe,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
        except Exception as e:  # pragma: no cover - no browser on this machine
            pytest.skip(f"no chromium: {e}")
        try:
            ctx = browser.new_context()
            page = ctx.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            for s in w.sites:
                for item, t in s.truth.items():
                    if t.mode != "js":
                        continue
                    page.goto(w.url(t.urls[0]), wait_until="load")
                    page.wait_for_function(
                        "() => !document.querySelector('.dynamic-content .loading')",
                        timeout=5000,
                    )
                    text = " ".join(page.inner_text("main").split())
                    if item == "fee_calculator":
                        assert page.locator("form.avgiftskalkyl").count() == 1
                    else:
                        assert any(sn in text for sn in positive_snippets(item, s)), (
                            s.code,
                            item,
                        )
            # overlay: shown, blocks, gone after a click, stays gone on reload (cookie)
            s = w.sites[0]
            page.goto(w.url(s.start))
            assert page.locator("#cookie-consent").is_visible()
            page.get_by_role("button", name="Godkänn alla").click()
            assert page.locator("#cookie-consent").count() == 0
            page.reload()
            assert page.locator("#cookie-consent").count() == 0
            assert any(c["name"] == "cookieconsent" for c in ctx.cookies())
            # alert on the home-care page of the alert site
            al = w.sites_with("alert")[0]
            page.goto(w.url(al.home_care[0]), wait_until="load")
            page.wait_for_timeout(300)
            assert dialogs and "telefontiderna" in dialogs[0]
            # iframe with a working calculator from the e-service host
            fr = w.sites_with("iframe")[0]
            via = fr.truth["fee_calculator"].via[0]
            page.goto(w.url(via), wait_until="load")
            frame = next(f for f in page.frames if "/oversikt/overview/" in f.url)
            frame.fill("#inkomst", "30000")
            frame.fill("#boende", "6000")
            frame.fill("#timmar", "4")
            frame.click("button[type=submit]")
            assert "1400 kr per månad" in frame.inner_text("output")
        finally:
            browser.close()


def test_coverage_helper(web40: Web, served40) -> None:
    w = web40
    everything = {s.code: [w.url(r) for t in s.truth.values() for r in t.urls] for s in w.sites}
    cov = w.coverage(everything)
    assert cov.rate == 1.0 and cov.total == sum(t.exists for s in w.sites for t in s.truth.values())
    only_home = {s.code: [w.url(r) + "#x" for r in s.home_care] for s in w.sites}
    part = w.coverage(only_home)
    assert 0 < part.rate < 1 and len(part.missed) == part.total - part.hits
    assert w.coverage({}).rate == 0.0
    data = json.loads(json.dumps(w.truth_json()))
    assert len(data["sites"]) == 40 and set(data["sites"][0]["items"]) == set(ITEMS)

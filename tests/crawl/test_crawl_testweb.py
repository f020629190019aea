"""The crawler against the generated test web, in real Chromium: what it found, what it
captured, what it left alone, and how politely it went about it."""

from __future__ import annotations

import itertools
import json
import statistics
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.crawl.conftest import DELAY, CrawledWeb
from webaudit.evidence import sha256_file
from webaudit.verify import verify_evidence
from webaudit.wacz_check import check_wacz

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _urls(crawled: CrawledWeb) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for capture in crawled.captures():
        found.setdefault(capture.municipality_code, set()).update((capture.url, capture.final_url))
    return found


def test_finds_the_pages_that_hold_checklist_items(crawled: CrawledWeb) -> None:
    coverage = crawled.web.coverage(_urls(crawled))
    assert coverage.total > 50
    assert coverage.rate >= 0.98, coverage.missed


def test_every_site_ends_with_a_status_and_a_reason(crawled: CrawledWeb) -> None:
    outcomes = {o.code: o for o in crawled.report.outcomes}
    assert set(outcomes) == {m.code for m in crawled.registry}
    dead = crawled.web.dead_site
    assert dead is not None
    assert outcomes[dead["code"]].status == "failed"
    assert "kunde inte" in outcomes[dead["code"]].stop_reason
    for site in crawled.web.sites:
        outcome = outcomes[site.code]
        assert outcome.status in ("ok", "partial"), (site.code, outcome.stop_reason)
        assert outcome.stop_reason
        stops = crawled.log(site.code, "stop")
        assert len(stops) == 1 and stops[0].detail["status"] == outcome.status
    # A page that answers 500 every time (or a dead host) is not absence: the site is partial.
    for site in crawled.web.sites_with("server_error") + crawled.web.sites_with("dead_link"):
        failed = {
            e.url
            for e in crawled.log(site.code, "visit")
            if e.detail.get("error") or (e.detail.get("status") or 0) >= 500
        }
        broken = {crawled.web.url(r) for r in site.deliberate_broken}
        if failed & broken:
            assert outcomes[site.code].status == "partial"


def test_captures_are_complete_evidence(crawled: CrawledWeb) -> None:
    evidence = crawled.workspace.evidence
    pages = [c for c in crawled.captures() if c.kind == "page"]
    assert len(pages) > 3 * len(crawled.web.sites)
    for capture in pages:
        assert capture.status == 200
        assert capture.captured_at.tzinfo is not None
        assert capture.headers.get("content-type", "").startswith("text/html")
        for name in ("raw", "html", "text", "screenshot"):
            path = getattr(capture, f"{name}_path")
            sha = getattr(capture, f"{name}_sha256")
            assert path and sha, (capture.url, name)
            assert sha256_file(evidence.absolute(path)) == sha
        assert evidence.read(capture.screenshot_path or "")[:8] == b"\x89PNG\r\n\x1a\n"
    report = verify_evidence(crawled.workspace.store, evidence)
    assert report.ok, (report.missing, report.altered, report.orphaned, report.invalid_archives)


def test_script_content_is_seen_only_by_the_browser(crawled: CrawledWeb) -> None:
    evidence = crawled.workspace.evidence
    checked = 0
    for site in crawled.web.sites_with("js_content"):
        js_items = [t for t in site.truth.values() if t.mode == "js"]
        for truth in js_items:
            url = crawled.web.url(truth.urls[0])
            capture = next(
                c for c in crawled.captures(site.code) if c.final_url == url or c.url == url
            )
            text = evidence.read(capture.text_path or "").decode()
            raw = evidence.read(capture.raw_path or "").decode("utf-8", "replace")
            injected = [line for line in text.splitlines() if len(line) > 40 and line not in raw]
            assert injected, (site.code, truth.item, url)
            checked += 1
    assert checked


def test_pdfs_are_stored_with_their_text(crawled: CrawledWeb) -> None:
    evidence = crawled.workspace.evidence
    pdf_items = [(s, t) for s in crawled.web.sites for t in s.truth.values() if t.mode == "pdf"]
    assert pdf_items
    for site, truth in pdf_items:
        url = unquote(crawled.web.url(truth.urls[0]))
        capture = next(
            c for c in crawled.captures(site.code) if url in (unquote(c.url), unquote(c.final_url))
        )
        assert capture.kind == "pdf" and capture.raw_path and capture.text_path
        assert evidence.read(capture.raw_path).startswith(b"%PDF")
        assert len(evidence.read(capture.text_path).decode().strip()) > 50


def test_cookie_overlay_is_answered_before_the_screenshot(crawled: CrawledWeb) -> None:
    evidence = crawled.workspace.evidence
    for site in crawled.web.sites_with("cookie_overlay"):
        captures = [c for c in crawled.captures(site.code) if c.kind == "page" and c.html_path]
        assert any("kakbanner" in (c.error or "") for c in captures), site.code
        for capture in captures:
            html = evidence.read(capture.html_path or "").decode()
            assert 'id="cookie-consent"' not in html, capture.url


def test_alert_is_dismissed_and_noted(crawled: CrawledWeb) -> None:
    site = crawled.web.sites_with("alert")[0]
    home = crawled.web.url(site.home_care[0])
    capture = next(c for c in crawled.captures(site.code) if home in (c.url, c.final_url))
    assert "dialogruta stängd" in (capture.error or "")


def test_latin1_pages_are_read_right(crawled: CrawledWeb) -> None:
    evidence = crawled.workspace.evidence
    for site in crawled.web.sites_with("latin1") + crawled.web.sites_with("latin1_meta"):
        text = "".join(
            evidence.read(c.text_path or "").decode()
            for c in crawled.captures(site.code)
            if c.kind == "page"
        )
        assert "hemtjänst" in text.lower(), site.code
        assert "Ã" not in text


def test_redirect_chains_end_at_the_final_page(crawled: CrawledWeb) -> None:
    root = crawled.workspace.evidence.root
    for site in crawled.web.sites_with("redirects"):
        home = crawled.web.url(site.home_care[0])
        capture = next(c for c in crawled.captures(site.code) if c.final_url == home)
        assert capture.status == 200
        # Each hop of a chain the crawler went through is a response record in the WARC.
        run = crawled.runs()[site.code]
        hops = _warc_statuses(root / (run.warc_path or ""))
        visited = {
            e.url for e in crawled.log(site.code, "visit") if e.detail.get("final_url") == home
        }
        for start in visited:
            assert hops.get(start) in (301, 302, 303, 307, 308), (site.code, start)


def test_robots_rules_are_obeyed(crawled: CrawledWeb) -> None:
    for site in crawled.web.sites:
        requested = {r.target for r in crawled.server.requests(site.host)}
        for ref in site.disallowed:
            assert ref.target not in requested, (site.code, ref)
    site = crawled.web.sites_with("allow_in_disallow")[0]
    home = crawled.web.url(site.home_care[0])
    assert home in {c.final_url for c in crawled.captures(site.code)}


def test_politeness_limits_hold(crawled: CrawledWeb) -> None:
    user_agents = set()
    for host, records in crawled.server.log.items():
        if not records:
            continue
        assert crawled.server.max_concurrency(host) <= 2, host
        user_agents |= {r.user_agent for r in records}
        # The crawler's own requests are paced; what a page being rendered asks for (sent
        # with a Referer, as a browser does) shares only the in-flight limit.
        starts = sorted(r.started for r in records if r.header("referer") is None)
        gaps = [b - a for a, b in itertools.pairwise(starts)]
        if gaps:  # arrival times jitter by milliseconds (the server shares this process)
            assert statistics.median(gaps) >= DELAY * 0.9, host
            ordered = sorted(
                (r for r in records if r.header("referer") is None), key=lambda r: r.started
            )
            close = [
                (a.target, a.user_agent, b.target, b.user_agent, b.started - a.started)
                for a, b in itertools.pairwise(ordered)
                if b.started - a.started < DELAY * 0.25
            ]
            assert min(gaps) >= DELAY * 0.25, (host, min(gaps), close)
    assert all(ua and ua.startswith("webaudit/") and "mailto:" in ua for ua in user_agents)


def test_traps_are_not_followed(crawled: CrawledWeb) -> None:
    for site in crawled.web.sites_with("traps"):
        requested = [r.target for r in crawled.server.requests(site.host)]
        assert sum("/kalender" in t for t in requested) <= 2, site.code
        assert not any("jsessionid" in t.lower() or "sid=" in t for t in requested), site.code
        urls = [c.url for c in crawled.captures(site.code)]
        assert len(urls) == len(set(urls))


def test_negative_evidence_is_recorded(crawled: CrawledWeb) -> None:
    for site in crawled.web.sites:
        visits = crawled.log(site.code, "visit")
        assert len(visits) >= len(crawled.captures(site.code))
        searches = crawled.log(site.code, "search")
        assert searches
        if site.has("search") and not any(r.target.startswith("/sok") for r in site.disallowed):
            ran = [s for s in searches if s.detail.get("query")]
            if "Disallow: /sok" not in (site.robots or ""):
                assert ran and all("results" in s.detail for s in ran), site.code
    external = [e for s in crawled.web.sites for e in crawled.log(s.code, "link")]
    assert any("aldreguiden" in (e.url or "") for e in external)


def test_each_run_has_a_valid_replayable_archive(crawled: CrawledWeb) -> None:
    root = crawled.workspace.evidence.root
    for site in crawled.web.sites:
        run = crawled.runs()[site.code]
        assert run.wacz_path and run.warc_path and run.wacz_sha256
        wacz = root / run.wacz_path
        assert sha256_file(wacz) == run.wacz_sha256
        assert check_wacz(wacz) == []
        with zipfile.ZipFile(wacz) as archive:
            names = set(archive.namelist())
            assert {
                "datapackage.json",
                "datapackage-digest.json",
                "pages/pages.jsonl",
                "indexes/index.cdx",
            } <= names
            lines = archive.read("pages/pages.jsonl").decode().splitlines()
            pages = [json.loads(line) for line in lines[1:]]
            captured = {c.final_url for c in crawled.captures(site.code) if (c.status or 0) < 400}
            assert {p["url"] for p in pages} == captured
            index = archive.read("indexes/index.cdx").decode()
            for page in pages:
                assert page["url"].split("://", 1)[1].split("/", 1)[0].split(":")[0] in index
            info = archive.getinfo(f"archive/{Path(run.warc_path).name}")
            assert info.compress_type == zipfile.ZIP_STORED
        responses = _warc_uris(root / run.warc_path)
        assert captured <= responses


def _warc_statuses(path: Path) -> dict[str, int]:
    statuses: dict[str, int] = {}
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type == "response" and record.http_headers is not None:
                uri = record.rec_headers.get_header("WARC-Target-URI")
                statuses[uri] = int(record.http_headers.get_statuscode())
    return statuses


def _warc_uris(path: Path) -> set[str]:
    uris = set()
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type == "response":
                uris.add(record.rec_headers.get_header("WARC-Target-URI"))
    return uris


def test_e_services_on_other_hosts_are_one_hop(crawled: CrawledWeb) -> None:
    checked = 0
    for site in crawled.web.sites_with("eservice"):
        for truth in site.truth.values():
            if truth.mode == "eservice" and truth.exists:
                urls = {crawled.web.url(r) for r in truth.urls}
                captured = {c.final_url for c in crawled.captures(site.code)} | {
                    c.url for c in crawled.captures(site.code)
                }
                assert urls & captured, (site.code, truth.item)
                checked += 1
    assert checked

"""Reading pages (links and their regions, search forms, A–Ö, refresh), sitemaps, the frontier."""

from __future__ import annotations

import gzip

from webaudit.crawl.frontier import Frontier
from webaudit.crawl.links import Link, is_az_link, read_page
from webaudit.crawl.sitemap import parse_sitemap

PAGE = """<!doctype html><html><head><title>Hemtjänst - Exempel kommun</title>
<meta http-equiv="refresh" content="0; url=/ny-adress"></head><body>
<header><a href="/">Exempel kommun</a><a href="/a-o">A–Ö</a>
<form role="search" action="/sok"><input type="hidden" name="lang" value="sv"><input name="q" type="search"></form></header>
<nav class="main-menu"><a href="/omsorg">Omsorg och stöd</a></nav>
<div class="breadcrumbs"><a href="/omsorg">Omsorg</a> › Hemtjänst</div>
<main><h1>Hemtjänst</h1><a href="avgifter#x">Avgifter</a> <a href="mailto:a@b.se">Mejla</a>
<a href="/img"><img src="x.png" alt="Räkna ut din avgift"></a>
<iframe src="https://etjanst.exempel.se/oversikt/overview/12"></iframe></main>
<footer><a href="/kakor">Om kakor</a></footer></body></html>"""


def test_read_page_finds_links_with_their_regions() -> None:
    facts = read_page(PAGE, "https://www.exempel.se/omsorg/hemtjanst/")
    assert facts.title.startswith("Hemtjänst")
    assert facts.headings == ["Hemtjänst"]
    assert "Omsorg" in facts.crumbs
    regions = {link.url: (link.region, link.text) for link in facts.links}
    assert regions["https://www.exempel.se/omsorg/hemtjanst/avgifter"] == ("main", "Avgifter")
    assert regions["https://www.exempel.se/omsorg"][0] in ("nav", "crumbs")
    assert regions["https://www.exempel.se/kakor"][0] == "footer"
    assert regions["https://www.exempel.se/img"] == ("main", "Räkna ut din avgift")
    assert regions["https://etjanst.exempel.se/oversikt/overview/12"][0] == "iframe"
    assert not any(url.startswith("mailto") for url in regions)
    assert facts.refresh == "https://www.exempel.se/ny-adress"
    form = facts.search_forms[0]
    assert (
        form.url("avgift hemtjänst") == "https://www.exempel.se/sok?lang=sv&q=avgift+hemtj%C3%A4nst"
    )


def test_az_links() -> None:
    assert is_az_link(Link("https://k.se/a-o", "A–Ö"))
    assert is_az_link(Link("https://k.se/x", "A till Ö"))
    assert is_az_link(Link("https://k.se/sv/a-o/", "Innehåll"))
    assert not is_az_link(Link("https://k.se/aldre", "Äldreomsorg"))


def test_sitemaps() -> None:
    urlset = b'<?xml version="1.0"?><urlset xmlns="x"><url><loc>https://k.se/a</loc></url><url><loc> https://k.se/b&amp;c </loc></url></urlset>'
    assert parse_sitemap(urlset).urls == ["https://k.se/a", "https://k.se/b&c"]
    index = b"<sitemapindex><sitemap><loc>https://k.se/s1.xml</loc></sitemap></sitemapindex>"
    assert parse_sitemap(gzip.compress(index)).sitemaps == ["https://k.se/s1.xml"]
    assert parse_sitemap(b"https://k.se/x\nnot a url\n").urls == ["https://k.se/x"]


def test_frontier_orders_by_relevance_and_refuses_traps() -> None:
    frontier = Frontier(max_depth=3)
    assert frontier.add("http://k.se/a", 0.5, 1, "link") is None
    assert frontier.add("http://k.se/b", 0.9, 2, "link") is None
    assert frontier.add("http://k.se/c", 0.9, 1, "link") is None
    assert frontier.add("http://k.se/a", 0.95, 1, "link") is None  # better score: moves up
    assert frontier.add("http://k.se/deep", 0.9, 4, "link") == "djupgränsen"
    assert frontier.add("http://k.se/deep.pdf", 0.9, 4, "link", leaf=True) is None
    for month in ("2025-01", "2025-02"):
        assert frontier.add(f"http://k.se/kalender?month={month}", 0.5, 1, "link") is None
    assert "kalender" in (frontier.add("http://k.se/kalender?month=2025-03", 0.5, 1, "link") or "")
    order = [frontier.pop() for _ in range(len(frontier))]
    urls = [item.url for item in order if item is not None]
    assert urls[:3] == ["http://k.se/a", "http://k.se/c", "http://k.se/b"]
    assert frontier.pop() is None
    assert frontier.add("http://k.se/a", 1.0, 1, "link") is None and len(frontier) == 0  # done

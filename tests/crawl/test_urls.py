"""Canonical URLs, trap rules and site membership."""

from __future__ import annotations

import pytest

from webaudit.crawl.urls import (
    canonical_url,
    looks_binary,
    looks_like_pdf,
    query_family,
    registrable_domain,
    same_site,
    trap_reason,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTP://WWW.Kommun.SE:80/Omsorg/#top", "http://www.kommun.se/Omsorg/"),
        ("https://kommun.se:443", "https://kommun.se/"),
        ("http://kommun.se:8080/a", "http://kommun.se:8080/a"),
        ("http://kommun.se/a;jsessionid=ABC123?x=1", "http://kommun.se/a?x=1"),
        ("http://kommun.se/a?sid=9F&page=2&utm_source=nl", "http://kommun.se/a?page=2"),
        ("http://kommun.se/a?PHPSESSID=1&fbclid=2", "http://kommun.se/a"),
        ("http://kommun.se/%C3%A4ldre", "http://kommun.se/%C3%A4ldre"),
        ("http://kommun.se/äldre", "http://kommun.se/%C3%A4ldre"),
        ("http://kommun.se/a%2Fb", "http://kommun.se/a%2Fb"),
        ("http://127.0.1.4:4711/x", "http://127.0.1.4:4711/x"),
    ],
)
def test_canonical_url(raw: str, expected: str) -> None:
    assert canonical_url(raw) == expected


@pytest.mark.parametrize(
    "raw", ["mailto:a@b.se", "javascript:void(0)", "ftp://x/y", "file:///etc/passwd", "http://"]
)
def test_only_http_urls_have_a_canonical_form(raw: str) -> None:
    assert canonical_url(raw) is None


def test_traps() -> None:
    assert trap_reason("http://k.se/a/b/a/b/a/b/a/b") == "upprepade sökvägsled"
    assert trap_reason("http://k.se/" + "x/" * 13) == "för djup sökväg"
    assert (
        trap_reason("http://k.se/?" + "&".join(f"p{i}=1" for i in range(6)))
        == "för många parametrar"
    )
    assert trap_reason("http://k.se/" + "a" * 500) == "för lång adress"
    assert trap_reason("http://k.se/omsorg/hemtjanst/avgifter.html") is None
    assert query_family("http://k.se/kalender?month=2025-09") == ("k.se/kalender", "calendar")
    assert query_family("http://k.se/evenemang/2025/09/") is not None
    assert query_family("http://k.se/sok?q=x&page=3") == ("k.se/sok", "paging")
    assert query_family("http://k.se/index.php?id=123") is None  # one page per id: not a trap


def test_sites_and_domains() -> None:
    assert registrable_domain("etjanster.sundsvall.se") == "sundsvall.se"
    assert same_site("https://etjanster.sundsvall.se/x", "https://www.sundsvall.se/")
    assert not same_site("https://sundsvall.e-tjanst.se/x", "https://www.sundsvall.se/")
    assert same_site("http://127.0.1.2:80/a", "http://127.0.1.2:81/")
    assert not same_site("http://127.0.1.20/a", "http://127.0.1.2/")


def test_document_kinds() -> None:
    assert looks_like_pdf("http://k.se/dokument/Riktlinjer.PDF?v=2")
    assert not looks_like_pdf("http://k.se/pdf-info.html")
    assert looks_binary("http://k.se/bild.jpg")
    assert looks_binary("http://k.se/style.css?v=1")
    assert not looks_binary("http://k.se/omsorg.aspx")

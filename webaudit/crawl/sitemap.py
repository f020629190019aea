"""sitemap.xml: the URLs a site lists about itself (sitemap indexes are followed a little).

Parsed with a tolerant regex rather than an XML parser: real sitemaps are often not quite XML,
and a regex cannot be made to expand entities (no billion-laughs). Pure.
"""

from __future__ import annotations

import gzip
import html
import re
import zlib
from dataclasses import dataclass, field

_LOC = re.compile(rb"<(?:\w+:)?loc>\s*(.*?)\s*</(?:\w+:)?loc>", re.IGNORECASE | re.DOTALL)
_INDEX = re.compile(rb"<(?:\w+:)?sitemapindex[\s>]", re.IGNORECASE)
MAX_SITEMAP_BYTES = 20_000_000


@dataclass
class Sitemap:
    urls: list[str] = field(default_factory=list)  # page URLs
    sitemaps: list[str] = field(default_factory=list)  # nested sitemaps (from an index)


def parse_sitemap(body: bytes, *, limit: int = 50_000) -> Sitemap:
    """Page URLs and nested sitemaps of a sitemap (XML, gzipped XML or a plain URL list)."""
    body = _gunzip(body)
    if _INDEX.search(body[:4096]):
        return Sitemap(sitemaps=_locations(body, limit))
    if b"<" in body[:512]:
        return Sitemap(urls=_locations(body, limit))
    lines = body.decode("utf-8", "replace").splitlines()
    return Sitemap(urls=[ln.strip() for ln in lines if ln.strip().startswith("http")][:limit])


def _locations(body: bytes, limit: int) -> list[str]:
    found: list[str] = []
    for match in _LOC.finditer(body):
        value = match.group(1).decode("utf-8", "replace")
        value = html.unescape(value.removeprefix("<![CDATA[").removesuffix("]]>")).strip()
        if value.startswith(("http://", "https://")):
            found.append(value)
            if len(found) >= limit:
                break
    return found


def _gunzip(body: bytes) -> bytes:
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        return decompressor.decompress(body, MAX_SITEMAP_BYTES)  # capped: no gzip bombs
    except (zlib.error, gzip.BadGzipFile):
        return b""

"""Where is home care on this site? The names other modules know, in one place.

The work is done in links.py (what a page links to, and where on the page), relevance.py
(how strongly a link or page points at home care) and site.py (the frontier, sitemap, site
search and A–Ö index). This module keeps the small functional interface for callers outside
the crawler.
"""

from __future__ import annotations

from collections.abc import Iterable

from webaudit.checklists import Checklist
from webaudit.crawl.links import Link, read_page
from webaudit.crawl.relevance import SECTION_VOCABULARY, Scorer
from webaudit.crawl.urls import PDF, same_site

__all__ = [
    "PDF",
    "SECTION_VOCABULARY",
    "Link",
    "extract_links",
    "link_relevance",
    "rank_links",
    "same_site",
]

_SCORERS: dict[int, Scorer] = {}


def _scorer(checklist: Checklist | None) -> Scorer:
    key = id(checklist)
    if key not in _SCORERS:
        _SCORERS[key] = Scorer(checklist)
    return _SCORERS[key]


def extract_links(html: str, base_url: str, limit: int = 400) -> list[Link]:
    """Absolute http(s) links of a page, fragment removed, in page order, at most `limit`."""
    return read_page(html, base_url, max_links=limit).links


def link_relevance(link: Link, checklist: Checklist | None = None) -> float:
    """How likely the link leads to home-care information, 0..1."""
    return _scorer(checklist).link_score(link.text, link.url)


def rank_links(
    links: Iterable[Link], checklist: Checklist | None = None
) -> list[tuple[float, Link]]:
    scored = [(link_relevance(link, checklist), link) for link in links]
    return sorted(scored, key=lambda pair: -pair[0])

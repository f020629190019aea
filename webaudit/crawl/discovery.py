"""Where is home care on this site? Rank links by text, URL and what the checklist asks for.

Pure functions: the crawler hands in the link text and URL, gets back a relevance in 0..1 that
orders its frontier.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

from rapidfuzz import fuzz
from selectolax.lexbor import LexborHTMLParser

from webaudit.checklists import Checklist
from webaudit.text import ascii_fold, fold, normalize_space

# Section names under which Swedish municipalities keep home care, strongest first.
SECTION_VOCABULARY: tuple[tuple[str, float], ...] = (
    ("hemtjänst", 1.0),
    ("hjälp i hemmet", 0.95),
    ("stöd i hemmet", 0.9),
    ("äldreomsorg", 0.9),
    ("omsorg och stöd", 0.8),
    ("vård och omsorg", 0.8),
    ("stöd och omsorg", 0.8),
    ("omsorg vård och stöd", 0.8),
    ("äldre", 0.7),
    ("senior", 0.7),
    ("trygghetslarm", 0.7),
    ("biståndshandläggning", 0.7),
    ("avgifter", 0.5),
    ("e-tjänster", 0.5),
    ("a-ö", 0.5),
    ("omsorg", 0.6),
)
_URL_WORDS = tuple(
    (ascii_fold(word).replace(" ", "-"), weight) for word, weight in SECTION_VOCABULARY
)
PDF = re.compile(r"\.pdf($|[?#])", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    url: str
    text: str


def extract_links(html: str, base_url: str, limit: int = 400) -> list[Link]:
    """Absolute http(s) links of a page, fragment removed, in page order, at most `limit`."""
    tree = LexborHTMLParser(html)
    base = base_url
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        base = urljoin(base_url, base_node.attributes.get("href") or "")
    links: list[Link] = []
    seen: set[str] = set()
    for node in tree.css("a[href], area[href], iframe[src]"):
        raw = node.attributes.get("href") or node.attributes.get("src") or ""
        raw = raw.strip()
        if not raw or raw.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            continue
        url = urldefrag(urljoin(base, raw))[0]
        if urlsplit(url).scheme not in ("http", "https") or url in seen:
            continue
        seen.add(url)
        text = normalize_space(node.text(deep=True) or node.attributes.get("title") or "")
        links.append(Link(url=url, text=text[:200]))
        if len(links) >= limit:
            break
    return links


def link_relevance(link: Link, checklist: Checklist | None = None) -> float:
    """How likely the link leads to home-care information, 0..1."""
    text = fold(link.text)
    url = ascii_fold(link.url)
    score = 0.0
    for word, weight in SECTION_VOCABULARY:
        if word in text:
            score = max(score, weight)
        elif len(text) <= 40 and fuzz.partial_ratio(word, text) >= 90:
            score = max(score, weight * 0.9)
    for word, weight in _URL_WORDS:
        if word in url:
            score = max(score, weight * 0.85)
    if checklist is not None:
        score = max(score, _checklist_relevance(text, link.url, checklist))
    if PDF.search(link.url):
        score = max(score, 0.3)
    return round(min(score, 1.0), 3)


def _checklist_relevance(text: str, url: str, checklist: Checklist) -> float:
    best = 0.0
    for item in checklist.items:
        spec = item.matcher
        if any(fold(phrase) in text for phrase in spec.link_text):
            best = max(best, 0.9)
        if any(re.search(pattern, url, re.IGNORECASE) for pattern in spec.link_patterns):
            best = max(best, 0.85)
        if any(re.search(pattern, ascii_fold(url)) for pattern in spec.url_hints):
            best = max(best, 0.5)
    return best


def same_site(url: str, home: str) -> bool:
    """Same host, or a subdomain of the home host's domain (www.x.se and tjanster.x.se)."""
    host = (urlsplit(url).hostname or "").lower()
    home_host = (urlsplit(home).hostname or "").lower()
    if host == home_host:
        return True
    domain = home_host.removeprefix("www.")
    return host.endswith("." + domain) or host == domain


def rank_links(
    links: Iterable[Link], checklist: Checklist | None = None
) -> list[tuple[float, Link]]:
    scored = [(link_relevance(link, checklist), link) for link in links]
    return sorted(scored, key=lambda pair: -pair[0])

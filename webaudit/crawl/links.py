"""What a page offers the crawler: its links (with where on the page they sit), title,
headings, breadcrumbs, search form and meta refresh. Read from raw HTML with selectolax; the
rendered DOM gives the same facts through the script in capture.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlencode, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from webaudit.text import ascii_fold, normalize_space

# Where a link sits decides how much it inherits from the page: a link in the page's own
# content or sub-menu is about the page's topic; header, footer and breadcrumbs are the site's.
REGION_SELECTORS: tuple[tuple[str, str], ...] = (
    (
        "crumbs",
        "[class*=breadcrumb], [id*=breadcrumb], [aria-label*=rödsmul], [class*=brodsmul], "
        "[aria-label*=readcrumb]",
    ),
    ("footer", "footer, [role=contentinfo], [class*=footer], [id*=footer]"),
    ("header", "header, [role=banner], [class*=site-header], [id*=header]"),
    ("nav", "nav, [role=navigation], [class*=menu], [class*=navigation]"),
    ("aside", "aside, [role=complementary]"),
    ("main", "main, [role=main], article, #main, #content, .content"),
)
SEARCH_FIELD_NAMES = ("q", "query", "search", "s", "sok", "sokord", "searchtext", "term", "keys")
AZ_TEXT = re.compile(
    r"^\s*(?:(?:innehall|amnen|index|e-tjanster)\s+)?a\s*[-–—]\s*o(?:\s*[-–—]?\s*(?:index|lista))?"
    r"\s*$|^\s*a\s+till\s+o\s*$|^\s*(?:amnesindex|innehall\s+a-o|a-o-index|sidor\s+a-o)\s*$",
)
AZ_URL = re.compile(r"(^|[/_.=-])(a-o|a-till-o|atillo|a-z|az-index|amnesindex)([/_.?&-]|$)")
_REFRESH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:[;,]\s*(?:url\s*=\s*)?['\"]?([^'\"]+))?", re.I)


@dataclass(frozen=True, slots=True)
class Link:
    url: str  # absolute, fragment removed (not yet canonical)
    text: str
    region: str = "main"  # crumbs | footer | header | nav | aside | main | iframe
    tag: str = "a"


@dataclass(frozen=True)
class SearchForm:
    """A GET search form: the URL for a query is `action?field=query` plus hidden fields."""

    action: str
    field: str
    hidden: tuple[tuple[str, str], ...] = ()

    def url(self, query: str) -> str:
        params = [*self.hidden, (self.field, query)]
        base = self.action.split("?", 1)[0]
        return f"{base}?{urlencode(params)}"


@dataclass
class PageFacts:
    url: str
    title: str = ""
    headings: list[str] = field(default_factory=list)
    crumbs: str = ""
    links: list[Link] = field(default_factory=list)
    search_forms: list[SearchForm] = field(default_factory=list)
    refresh: str | None = None  # target of an immediate meta refresh
    has_scripts: bool = False
    links_truncated: bool = False


def read_page(html: str, base_url: str, *, max_links: int = 400) -> PageFacts:
    """Facts of a page from its HTML (raw or rendered)."""
    tree = LexborHTMLParser(html)
    base = base_url
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        base = urljoin(base_url, base_node.attributes.get("href") or "")
    facts = PageFacts(url=base_url)
    title = tree.css_first("title")
    facts.title = normalize_space(title.text()) if title is not None else ""
    facts.headings = [
        normalize_space(h.text(deep=True))[:200] for h in tree.css("h1, h2")[:8] if h.text()
    ]
    crumbs = tree.css_first(REGION_SELECTORS[0][1])
    facts.crumbs = normalize_space(crumbs.text(deep=True, separator=" "))[:300] if crumbs else ""
    facts.has_scripts = tree.css_first("script") is not None
    facts.refresh = _meta_refresh(tree, base)
    facts.links, facts.links_truncated = _links(tree, base, max_links)
    facts.search_forms = _search_forms(tree, base)
    return facts


def _region_map(tree: LexborHTMLParser) -> dict[int, str]:
    regions: dict[int, str] = {}
    for region, selector in REGION_SELECTORS:
        for container in tree.css(selector):
            for node in container.css("a[href], area[href]"):
                regions.setdefault(node.mem_id, region)
    return regions


def _links(tree: LexborHTMLParser, base: str, limit: int) -> tuple[list[Link], bool]:
    regions = _region_map(tree)
    links: list[Link] = []
    seen: set[str] = set()
    for node in tree.css("a[href], area[href], iframe[src], frame[src]"):
        is_frame = node.tag in ("iframe", "frame")
        raw = (node.attributes.get("src" if is_frame else "href") or "").strip()
        if not raw or raw.startswith(("#", "javascript:", "mailto:", "tel:", "data:", "sms:")):
            continue
        url = urldefrag(urljoin(base, raw))[0]
        if urlsplit(url).scheme not in ("http", "https") or url in seen:
            continue
        seen.add(url)
        if len(links) >= limit:
            return links, True
        region = "iframe" if is_frame else regions.get(node.mem_id, "main")
        links.append(Link(url, _link_text(node)[:200], region, node.tag or "a"))
    return links, False


def _link_text(node: LexborNode) -> str:
    text = normalize_space(node.text(deep=True, separator=" "))
    if text:
        return text
    for attribute in ("title", "aria-label"):
        value = node.attributes.get(attribute)
        if value:
            return normalize_space(value)
    image = node.css_first("img[alt]")
    return normalize_space(image.attributes.get("alt") or "") if image is not None else ""


def _meta_refresh(tree: LexborHTMLParser, base: str) -> str | None:
    for meta in tree.css("meta[http-equiv]"):
        if (meta.attributes.get("http-equiv") or "").lower() != "refresh":
            continue
        match = _REFRESH.match(meta.attributes.get("content") or "")
        if match and match.group(2) and float(match.group(1)) <= 5:
            return str(urldefrag(urljoin(base, match.group(2).strip()))[0])
    return None


def _search_forms(tree: LexborHTMLParser, base: str) -> list[SearchForm]:
    forms: list[SearchForm] = []
    for form in tree.css("form"):
        method = (form.attributes.get("method") or "get").lower()
        if method != "get":
            continue
        action = urljoin(base, (form.attributes.get("action") or "").strip() or base)
        if urlsplit(action).scheme not in ("http", "https"):
            continue
        inputs = form.css("input[name]")
        text_inputs = [
            i
            for i in inputs
            if (i.attributes.get("type") or "text").lower() in ("text", "search", "")
        ]
        role = (form.attributes.get("role") or "").lower()
        looks_like_search = (
            role == "search"
            or any((i.attributes.get("type") or "").lower() == "search" for i in text_inputs)
            or re.search(
                r"s[oö]k|search", ascii_fold(action + " " + (form.attributes.get("class") or ""))
            )
            is not None
        )
        if not looks_like_search or not text_inputs:
            continue
        named = [i.attributes.get("name") or "" for i in text_inputs]
        field_name = next((n for n in named if n.lower() in SEARCH_FIELD_NAMES), named[0])
        hidden = tuple(
            (i.attributes.get("name") or "", i.attributes.get("value") or "")
            for i in inputs
            if (i.attributes.get("type") or "").lower() == "hidden"
        )
        forms.append(SearchForm(urldefrag(action)[0], field_name, hidden))
    return forms


def is_az_link(link: Link) -> bool:
    """A link to an A–Ö index ('A–Ö', 'A till Ö', 'Innehåll A-Ö', /a-o/ ...)."""
    text = ascii_fold(link.text).replace("–", "-").replace("—", "-")
    if AZ_TEXT.match(text):
        return True
    return bool(AZ_URL.search(ascii_fold(urlsplit(link.url).path))) and len(text) <= 30

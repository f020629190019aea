"""URLs as the crawler sees them: one canonical form per page, and which URLs are traps.

Canonical form: http(s) only, lower-case host, default port dropped, fragment dropped, session
ids (";jsessionid=...", "?sid=...", "PHPSESSID", ...) and tracking parameters removed, so the
same page reached through different links is fetched once. Everything here is pure.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

SESSION_PARAMS = frozenset(
    {
        "sid",
        "sessionid",
        "session_id",
        "session",
        "phpsessid",
        "jsessionid",
        "aspsessionid",
        "cfid",
        "cftoken",
        "sessid",
        "s_id",
    }
)
TRACKING_PARAMS = frozenset({"fbclid", "gclid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl"})
# Query parameters whose values walk through time or pages: a crawler following them never ends.
CALENDAR_PARAMS = frozenset(
    {
        "month",
        "manad",
        "year",
        "ar",
        "date",
        "datum",
        "day",
        "dag",
        "week",
        "vecka",
        "from",
        "to",
        "start",
        "end",
        "startdate",
        "enddate",
        "period",
        "cal",
        "calendar",
        "offset",
    }
)
PAGING_PARAMS = frozenset({"page", "p", "sida", "pg", "pagenumber", "pageindex", "start"})
_PATH_SESSION = re.compile(r";(jsessionid|sessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)
_DATE_IN_PATH = re.compile(r"/(19|20)\d\d[/-](0?[1-9]|1[0-2])([/-]\d\d?)?(/|$)")
PDF = re.compile(r"\.pdf($|[?#;])", re.IGNORECASE)
# Files that are neither pages nor PDFs: never rendered, never captured.
BINARY = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|ico|bmp|tiff?|mp[34]|m4a|wav|ogg|webm|avi|mov|zip|gz|tgz|rar|7z|"
    r"exe|msi|dmg|apk|iso|bin|css|js|woff2?|ttf|eot|ics|vcf|xml|rss|atom|json)($|[?#;])",
    re.IGNORECASE,
)
OFFICE = re.compile(r"\.(docx?|xlsx?|pptx?|odt|ods|rtf)($|[?#;])", re.IGNORECASE)
MAX_URL_LENGTH = 400
MAX_QUERY_PARAMS = 5
MAX_PATH_SEGMENTS = 12


@lru_cache(maxsize=200_000)
def canonical_url(url: str) -> str | None:
    """The canonical form of an absolute URL, or None when it is not an http(s) URL."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        return None
    if ":" in host:
        host = f"[{host}]"
    netloc = (
        host
        if port is None or (scheme, port) in (("http", 80), ("https", 443))
        else (f"{host}:{port}")
    )
    path = _PATH_SESSION.sub("", parts.path) or "/"
    # Decode then re-encode so '%C3%A4' and 'ä' are one URL; an encoded slash stays encoded.
    path = re.sub("%2f", "%252F", path, flags=re.IGNORECASE)
    path = quote(unquote(path), safe="/%:@!$&'()*+,;=~-._")
    query_pairs = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in SESSION_PARAMS
        and key.lower() not in TRACKING_PARAMS
        and not key.lower().startswith("utm_")
    ]
    query = urlencode(query_pairs, doseq=True) if query_pairs else ""
    return urlunsplit((scheme, netloc, path, query, ""))


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def registrable_domain(host: str) -> str:
    """The organisation's domain: 'www.sundsvall.se' and 'etjanster.sundsvall.se' give
    'sundsvall.se'. IP addresses are their own domain. Good enough for .se municipality hosts;
    not a public-suffix list."""
    host = host.lower().rstrip(".")
    if is_ip(host):
        return host
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in ("co", "com", "org", "net", "gov", "ac", "edu"):
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def same_site(url: str, home: str) -> bool:
    """Same host, or the same registrable domain (www.x.se, tjanster.x.se and x.se)."""
    host, home_host = host_of(url), host_of(home)
    if not host or not home_host:
        return False
    if host == home_host:
        return True
    if is_ip(host) or is_ip(home_host):
        return False
    return registrable_domain(host) == registrable_domain(home_host)


def path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def trap_reason(url: str) -> str | None:
    """Why a canonical URL looks like a crawler trap, or None. Swedish, for the crawl log."""
    if len(url) > MAX_URL_LENGTH:
        return "för lång adress"
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) > MAX_PATH_SEGMENTS:
        return "för djup sökväg"
    if len(segments) >= 6 and _repeats(segments):
        return "upprepade sökvägsled"
    params = parse_qsl(parts.query, keep_blank_values=True)
    if len(params) > MAX_QUERY_PARAMS:
        return "för många parametrar"
    return None


def _repeats(segments: list[str]) -> bool:
    """A path that repeats a run of segments three times (relative-link loops: /a/b/a/b/a/b)."""
    for size in range(1, len(segments) // 3 + 1):
        tail = segments[-size:]
        if segments[-2 * size : -size] == tail and segments[-3 * size : -2 * size] == tail:
            return True
    return False


def query_family(url: str) -> tuple[str, str] | None:
    """The family a URL belongs to when its query walks through a calendar or result pages:
    (host+path, 'calendar' | 'paging'). Such families are capped, not followed endlessly."""
    parts = urlsplit(url)
    names = {key.lower() for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
    base = f"{parts.hostname}{parts.path}"
    if names & CALENDAR_PARAMS:
        return base, "calendar"
    if _DATE_IN_PATH.search(parts.path):
        return f"{parts.hostname}{_DATE_IN_PATH.sub('/', parts.path)}", "calendar"
    if names & PAGING_PARAMS:
        return base, "paging"
    return None


def looks_like_pdf(url: str) -> bool:
    return bool(PDF.search(url))


def looks_binary(url: str) -> bool:
    return bool(BINARY.search(urlsplit(url).path))

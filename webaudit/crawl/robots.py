"""robots.txt per host (protego), fetched once per crawl and shared by every site using the host.

Following RFC 9309: a robots.txt that answers 4xx allows everything; one that cannot be read
because of a server error or the network means "assume everything is disallowed" - the site
then fails with that reason rather than being crawled against its owner's possible wishes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx
from protego import Protego

from webaudit.errors import UnsafeURLError

if TYPE_CHECKING:
    from webaudit.crawl.fetch import FetchResult

MAX_ROBOTS_BYTES = 500_000


@dataclass(frozen=True)
class Robots:
    parser: Protego | None
    user_agent: str
    note: str = ""
    disallow_all: bool = False
    status: int | None = None
    sitemaps: tuple[str, ...] = field(default=())

    def allowed(self, url: str) -> bool:
        if self.disallow_all:
            return False
        return True if self.parser is None else bool(self.parser.can_fetch(url, self.user_agent))

    @property
    def crawl_delay(self) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(self.user_agent)
        return float(delay) if delay is not None else None


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def parse_robots(result: FetchResult, user_agent: str) -> Robots:
    """Robots rules from a fetch of /robots.txt, with a note on what was found (Swedish)."""
    if result.blocked:
        return Robots(None, user_agent, f"robots.txt hämtades inte: {result.blocked}", True)
    if result.status is None or result.error:
        return Robots(
            None,
            user_agent,
            f"robots.txt kunde inte hämtas ({result.error or 'inget svar'}); allt räknas som förbjudet",
            True,
        )
    if result.status >= 500:
        return Robots(
            None,
            user_agent,
            f"robots.txt gav serverfel (HTTP {result.status}); allt räknas som förbjudet",
            True,
            result.status,
        )
    if result.status >= 400:
        return Robots(
            None, user_agent, f"robots.txt saknas (HTTP {result.status})", status=result.status
        )
    text = result.body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace")
    parser = Protego.parse(text)
    return Robots(
        parser,
        user_agent,
        "robots.txt läst",
        status=result.status,
        sitemaps=tuple(str(s) for s in parser.sitemaps),
    )


class RobotsCache:
    """robots.txt of every host the crawl touches, fetched once (concurrent askers share it)."""

    def __init__(self, fetch: Callable[[str], Awaitable[FetchResult]], user_agent: str) -> None:
        self._fetch = fetch
        self.user_agent = user_agent
        self._entries: dict[str, asyncio.Task[Robots]] = {}

    async def get(self, url: str) -> Robots:
        key = robots_url(url)
        task = self._entries.get(key)
        if task is None:
            # A task of its own: a site that gives up waiting does not cancel it for the others.
            task = asyncio.ensure_future(self._load(key))
            self._entries[key] = task
        return await asyncio.shield(task)

    async def _load(self, key: str) -> Robots:
        return parse_robots(await self._fetch(key), self.user_agent)

    def known(self, url: str) -> Robots | None:
        task = self._entries.get(robots_url(url))
        if task is None or not task.done() or task.cancelled() or task.exception():
            return None
        return task.result()


async def fetch_robots(
    client: httpx.AsyncClient, site_url: str, user_agent: str
) -> tuple[Robots, str]:
    """robots.txt of the site with a plain client (single-page captures)."""
    try:
        response = await client.get(robots_url(site_url))
    except (httpx.HTTPError, UnsafeURLError) as error:
        return Robots(None, user_agent), f"robots.txt kunde inte hämtas: {type(error).__name__}"
    if response.status_code >= 400:
        return Robots(None, user_agent), f"robots.txt saknas (HTTP {response.status_code})"
    return Robots(Protego.parse(response.text), user_agent), "robots.txt läst"

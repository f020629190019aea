"""Plain HTTP fetches with httpx: robots.txt and documents the browser does not render (PDFs)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
from protego import Protego

from webaudit.crawl.safety import check_url
from webaudit.errors import UnsafeURLError


def make_client(user_agent: str, timeout: float, *, allow_private: bool) -> httpx.AsyncClient:
    async def refuse_unsafe(request: httpx.Request) -> None:
        check_url(str(request.url), allow_private=allow_private)  # also checks every redirect hop

    return httpx.AsyncClient(
        headers={"User-Agent": user_agent},
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=5,
        event_hooks={"request": [refuse_unsafe]},
    )


@dataclass(frozen=True)
class Robots:
    parser: Protego | None
    user_agent: str

    def allowed(self, url: str) -> bool:
        return True if self.parser is None else bool(self.parser.can_fetch(url, self.user_agent))

    @property
    def crawl_delay(self) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(self.user_agent)
        return float(delay) if delay is not None else None


async def fetch_robots(
    client: httpx.AsyncClient, site_url: str, user_agent: str
) -> tuple[Robots, str]:
    """robots.txt of the site; missing or unreadable means everything is allowed (and says why)."""
    parts = urlsplit(site_url)
    robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
    try:
        response = await client.get(robots_url)
    except (httpx.HTTPError, UnsafeURLError) as error:
        return Robots(None, user_agent), f"robots.txt kunde inte hämtas: {type(error).__name__}"
    if response.status_code >= 400:
        return Robots(None, user_agent), f"robots.txt saknas (HTTP {response.status_code})"
    return Robots(Protego.parse(response.text), user_agent), "robots.txt läst"


@dataclass
class Download:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    truncated: bool


async def download(client: httpx.AsyncClient, url: str, max_bytes: int) -> Download:
    """GET with a size cap: a body over `max_bytes` is cut off, never read whole into memory."""
    async with client.stream("GET", url) as response:
        chunks: list[bytes] = []
        size = 0
        truncated = False
        async for chunk in response.aiter_bytes():  # decoded, so the cap also stops zip bombs
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                truncated = True
                break
        body = b"".join(chunks)[:max_bytes]
        return Download(
            url, str(response.url), response.status_code, dict(response.headers), body, truncated
        )

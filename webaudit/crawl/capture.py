"""Capturing one page: rendered in real Chromium, or fetched as a PDF, into plain snapshots.

The snapshot holds bytes and facts only; storing it (hashes, files, database row) is the
caller's job, so capturing can be tested without a database.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass, field
from datetime import datetime

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page
from playwright.async_api import TimeoutError as PlaywrightTimeout

from webaudit.store.types import utcnow

# Buttons of Swedish cookie-consent banners, tried in this order before the screenshot.
CONSENT_BUTTONS = (
    "Endast nödvändiga",
    "Godkänn nödvändiga",
    "Neka",
    "Godkänn alla",
    "Acceptera alla",
    "Acceptera",
    "Godkänn",
    "Jag förstår",
    "OK",
)


@dataclass
class PageSnapshot:
    url: str
    final_url: str
    status: int | None
    content_type: str | None
    headers: dict[str, str]
    captured_at: datetime
    kind: str = "page"  # page | pdf
    title: str | None = None
    raw: bytes | None = None
    html: str | None = None
    text: str | None = None
    screenshot: bytes | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)


async def dismiss_consent(page: Page) -> str | None:
    """Click a cookie-consent button if one is visible, so it does not hide the content."""
    for label in CONSENT_BUTTONS:
        button = page.get_by_role("button", name=label, exact=True)
        with contextlib.suppress(PlaywrightError):
            if await button.count() and await button.first.is_visible():
                await button.first.click(timeout=2000)
                await page.wait_for_timeout(150)
                return label
    return None


async def render_page(page: Page, url: str, *, timeout: float, max_bytes: int) -> PageSnapshot:
    """Load `url` in the browser page and snapshot what a reader sees."""
    captured_at = utcnow()
    try:
        response = await page.goto(url, wait_until="load", timeout=timeout * 1000)
    except PlaywrightTimeout:
        return PageSnapshot(url, url, None, None, {}, captured_at, error="tidsgränsen nåddes")
    except PlaywrightError as error:
        return PageSnapshot(url, url, None, None, {}, captured_at, error=_first_line(str(error)))
    with contextlib.suppress(PlaywrightTimeout, PlaywrightError):
        await page.wait_for_load_state("networkidle", timeout=3000)
    headers = await response.all_headers() if response else {}
    content_type = headers.get("content-type")
    snapshot = PageSnapshot(
        url=url,
        final_url=page.url,
        status=response.status if response else None,
        content_type=content_type,
        headers=headers,
        captured_at=captured_at,
    )
    if response is not None:
        with contextlib.suppress(PlaywrightError):
            body = await response.body()
            snapshot.raw = body[:max_bytes]
            if len(body) > max_bytes:
                snapshot.notes.append(f"svaret kortades till {max_bytes} byte")
    consent = await dismiss_consent(page)
    if consent:
        snapshot.notes.append(f"kakbanner stängd: {consent}")
    try:
        snapshot.title = await page.title()
        snapshot.html = await page.content()
        snapshot.text = await page.evaluate("() => document.body ? document.body.innerText : ''")
        snapshot.screenshot = await page.screenshot(
            full_page=True, type="png", timeout=timeout * 1000
        )
    except (PlaywrightError, PlaywrightTimeout) as error:
        snapshot.error = _first_line(str(error))
    return snapshot


def pdf_text(data: bytes) -> str:
    """The text of a PDF, page by page; an unreadable PDF gives an empty string."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n\n".join((page.extract_text() or "") for page in reader.pages[:200])
    except (PdfReadError, ValueError, KeyError, TypeError, RecursionError):
        return ""


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0][:300] if message.strip() else "okänt fel"

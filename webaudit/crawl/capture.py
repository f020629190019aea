"""Capturing one page in real Chromium: what a reader sees, as plain snapshots.

The snapshot holds bytes and facts only; storing it (hashes, files, database row) is the
caller's job, so capturing can be tested without a database. One script call reads the
rendered DOM (HTML, visible text, links with their page region, title, headings); the
screenshot is taken through the DevTools protocol with `optimizeForSpeed` (lossless PNG,
cheaper to encode) and a height cap, after a cookie-consent banner has been answered.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from playwright.async_api import CDPSession, Page
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeout

from webaudit.crawl.links import REGION_SELECTORS, Link
from webaudit.crawl.pdftext import pdf_text
from webaudit.store.types import utcnow

# Buttons of Swedish cookie-consent banners, tried in this order: the least consent first.
CONSENT_BUTTONS = (
    "Endast nödvändiga",
    "Bara nödvändiga",
    "Godkänn nödvändiga",
    "Acceptera nödvändiga",
    "Tillåt endast nödvändiga",
    "Neka alla",
    "Neka",
    "Avvisa",
    "Godkänn alla",
    "Acceptera alla",
    "Tillåt alla",
    "Acceptera",
    "Godkänn",
    "Jag förstår",
    "Okej",
    "OK",
)
MAX_SCREENSHOT_HEIGHT = 15_000
VIEWPORT = {"width": 1280, "height": 900}

# One round trip does it all, in the page: wait (briefly) until the page's own short timers and
# fetches have run (counted by render.SETTLE_INIT_SCRIPT, when installed); answer a cookie
# banner - click the first visible button whose text is one of the labels, or failing that
# hide a fixed overlay that talks about cookies; then read what the crawler and the matchers
# need. The result comes back as one JSON string: far cheaper to transfer than a tree.
CAPTURE_SCRIPT = """
async ([labels, regions, maxLinks, settleMs]) => {
  const pause = (ms) => new Promise((r) => (window.__webauditSetTimeout || setTimeout)(r, ms));
  const settle = async (limit) => {
    const t0 = performance.now();
    while ((window.__webauditPending || 0) > 0 && performance.now() - t0 < limit) await pause(40);
  };
  const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    const st = getComputedStyle(el);
    return st.visibility !== 'hidden' && st.display !== 'none' && st.opacity !== '0';
  };
  const answerConsent = () => {
    const byText = new Map();
    const nodes = document.querySelectorAll(
      'button, [role=button], input[type=button], input[type=submit], [id*=cookie i] a, ' +
      '[class*=cookie i] a, [id*=consent i] a, [class*=consent i] a');
    for (const el of nodes) {
      const t = norm(el.textContent || el.value || el.getAttribute('aria-label')).toLowerCase();
      if (!t || t.length > 60) continue;
      if (!byText.has(t)) byText.set(t, []);
      byText.get(t).push(el);
    }
    for (const label of labels) {
      for (const el of byText.get(label.toLowerCase()) || []) {
        if (visible(el)) { el.click(); return 'klick: ' + label; }
      }
    }
    const words = /cookie|kakor|kaka|samtycke|consent/i;
    const overlays = document.querySelectorAll(
      '[id*=cookie i], [class*=cookie i], [id*=consent i], [class*=consent i], ' +
      '[role=dialog], [aria-modal=true], body > *');
    for (const el of overlays) {
      const st = getComputedStyle(el);
      if (st.position !== 'fixed' && st.position !== 'sticky') continue;
      const r = el.getBoundingClientRect();
      if ((r.width * r.height) / (innerWidth * innerHeight) > 0.3 && words.test(el.textContent || '')) {
        el.style.setProperty('display', 'none', 'important');
        document.documentElement.style.overflow = '';
        if (document.body) document.body.style.overflow = '';
        return 'dolt: kakbanner utan knapp';
      }
    }
    return null;
  };
  await settle(settleMs);
  const consent = answerConsent();
  if (consent) { await pause(150); await settle(1000); }
  const doc = document.documentElement;
  const doctype = document.doctype ? new XMLSerializer().serializeToString(document.doctype) + '\\n' : '';
  const links = [];
  const seen = new Set();
  let truncated = false;
  for (const el of document.querySelectorAll('a[href], area[href], iframe[src], frame[src]')) {
    const frame = el.tagName === 'IFRAME' || el.tagName === 'FRAME';
    const href = frame ? el.src : el.href;
    if (!href || !/^https?:/i.test(href)) continue;
    const url = href.split('#')[0];
    if (seen.has(url)) continue;
    seen.add(url);
    if (links.length >= maxLinks) { truncated = true; break; }
    let region = 'main';
    if (frame) region = 'iframe';
    else for (const [name, selector] of regions) { if (el.closest(selector)) { region = name; break; } }
    let text = norm(el.textContent);
    if (!text) text = norm(el.getAttribute('title') || el.getAttribute('aria-label') || '');
    if (!text) { const img = el.querySelector && el.querySelector('img[alt]'); if (img) text = norm(img.alt); }
    links.push([url, text.slice(0, 200), region, el.tagName.toLowerCase()]);
  }
  const crumbs = document.querySelector(regions[0][1]);
  return JSON.stringify({
    consent,
    title: document.title || '',
    html: doctype + doc.outerHTML,
    text: document.body ? document.body.innerText : '',
    headings: Array.from(document.querySelectorAll('h1, h2')).slice(0, 8).map((h) => norm(h.textContent).slice(0, 200)),
    crumbs: crumbs ? norm(crumbs.textContent).slice(0, 300) : '',
    width: Math.max(doc.scrollWidth, document.body ? document.body.scrollWidth : 0),
    height: Math.max(doc.scrollHeight, document.body ? document.body.scrollHeight : 0),
    links, truncated,
  });
}
"""

log = logging.getLogger(__name__)
__all__ = ["PageSnapshot", "pdf_text", "read_rendered", "render_page"]


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
    links: list[Link] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    crumbs: str = ""
    links_truncated: bool = False


async def read_rendered(
    page: Page,
    snapshot: PageSnapshot,
    *,
    cdp: CDPSession | None,
    timeout: float,
    max_links: int = 400,
    max_height: int = MAX_SCREENSHOT_HEIGHT,
    settle: float = 3.0,
) -> None:
    """Fill `snapshot` from the rendered page: scripts settled, consent answered, DOM read,
    screenshot taken."""
    raw = await page.evaluate(
        CAPTURE_SCRIPT,
        [list(CONSENT_BUTTONS), [list(r) for r in REGION_SELECTORS], max_links, settle * 1000],
    )
    facts: dict[str, Any] = json.loads(raw)
    if facts["consent"]:
        snapshot.notes.append(f"kakbanner: {facts['consent']}")
    snapshot.title = facts["title"]
    snapshot.html = facts["html"]
    snapshot.text = facts["text"]
    snapshot.headings = list(facts["headings"])
    snapshot.crumbs = facts["crumbs"]
    snapshot.links = [Link(u, t, r, g) for u, t, r, g in facts["links"]]
    snapshot.links_truncated = bool(facts["truncated"])
    height = max(1, int(facts["height"] or 1))
    width = max(1, min(int(facts["width"] or VIEWPORT["width"]), 2560))
    if height > max_height:
        snapshot.notes.append(f"skärmbilden visar de första {max_height} av {height} px")
        height = max_height
    snapshot.screenshot = await screenshot(page, cdp, width, height, timeout)


async def screenshot(
    page: Page, cdp: CDPSession | None, width: int, height: int, timeout: float
) -> bytes:
    """A full-page PNG: through CDP (fast encoding) when there is a session, else Playwright."""
    if cdp is not None:
        result = await cdp.send(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "optimizeForSpeed": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
            },
        )
        return base64.b64decode(result["data"])
    return await page.screenshot(
        full_page=True,
        type="png",
        timeout=timeout * 1000,
        clip={"x": 0, "y": 0, "width": width, "height": height},
    )


async def render_page(page: Page, url: str, *, timeout: float, max_bytes: int) -> PageSnapshot:
    """Load `url` in the browser page (the browser fetches it) and snapshot what a reader sees.

    The crawler renders prefetched responses instead (render.py); this is for one-off captures.
    """
    captured_at = utcnow()
    try:
        response = await page.goto(url, wait_until="load", timeout=timeout * 1000)
    except PlaywrightTimeout:
        return PageSnapshot(url, url, None, None, {}, captured_at, error="tidsgränsen nåddes")
    except PlaywrightError as error:
        return PageSnapshot(url, url, None, None, {}, captured_at, error=first_line(str(error)))
    with contextlib.suppress(PlaywrightTimeout, PlaywrightError):
        await page.wait_for_load_state("networkidle", timeout=3000)
    headers = await response.all_headers() if response else {}
    snapshot = PageSnapshot(
        url=url,
        final_url=page.url,
        status=response.status if response else None,
        content_type=headers.get("content-type"),
        headers=headers,
        captured_at=captured_at,
    )
    if response is not None:
        with contextlib.suppress(PlaywrightError):
            body = await response.body()
            snapshot.raw = body[:max_bytes]
            if len(body) > max_bytes:
                snapshot.notes.append(f"svaret kortades till {max_bytes} byte")
    try:
        await read_rendered(page, snapshot, cdp=None, timeout=timeout)
    except (PlaywrightError, PlaywrightTimeout) as error:
        snapshot.error = first_line(str(error))
    return snapshot


def first_line(message: str) -> str:
    return message.strip().splitlines()[0][:300] if message.strip() else "okänt fel"


_first_line = first_line  # older private name

"""Cropped, highlighted screenshots of evidence: the stored HTML re-rendered in Chromium.

The capture's rendered HTML is loaded offline (JavaScript off, every network request refused:
re-rendering must neither change the page nor reach the site again), the evidence element is
found by its CSS selector (or, failing that, by its quote), outlined and tinted, and the
screenshot is clipped to it with some margin. Crops are stored content-addressed like every
other evidence file. One browser and one tab serve a whole batch; requests for the same capture
share one page load.
"""

from __future__ import annotations

import contextlib
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from webaudit.evidence import EvidenceStore, StoredObject

VIEWPORT = {"width": 1280, "height": 900}
MARGIN = 24  # px of context around the element
MIN_WIDTH = 640
MAX_HEIGHT = 900
HIGHLIGHT_STYLE = (
    "outline: 4px solid #e8590c !important; outline-offset: 3px !important; "
    "background-color: rgba(255, 224, 102, 0.55) !important;"
)

# Makes the element visible (open accordions, unhide tabs), highlights it and returns the box to
# clip: the element grown by MARGIN and widened to MIN_WIDTH, within the page.
_HIGHLIGHT_JS = """
(element, [style, margin, minWidth, maxHeight]) => {
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    if (node.tagName === 'DETAILS') node.setAttribute('open', '');
    if (node.hasAttribute('hidden')) node.removeAttribute('hidden');
    const css = getComputedStyle(node);
    if (css.display === 'none') node.style.setProperty('display', 'block', 'important');
    if (css.visibility === 'hidden') node.style.setProperty('visibility', 'visible', 'important');
  }
  element.setAttribute('style', (element.getAttribute('style') || '') + ';' + style);
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return null;
  // A small element (a link) is shown with the paragraph or list item around it.
  let area = rect;
  const around = element.closest('p, li, td, dd, dt, figcaption, blockquote, label, fieldset');
  if (around && around !== element) {
    const outer = around.getBoundingClientRect();
    if (outer.height <= maxHeight / 2) {
      const left = Math.min(rect.left, outer.left), top = Math.min(rect.top, outer.top);
      area = {left: left, top: top,
              width: Math.max(rect.right, outer.right) - left,
              height: Math.max(rect.bottom, outer.bottom) - top};
    }
  }
  const pageWidth = Math.max(document.documentElement.scrollWidth, window.innerWidth);
  let x = area.left + window.scrollX - margin;
  let width = area.width + 2 * margin;
  if (width < minWidth) { x -= (minWidth - width) / 2; width = minWidth; }
  x = Math.max(0, Math.min(x, pageWidth - width));
  // More room above than below: what leads up to the evidence is part of its meaning.
  const y = Math.max(0, area.top + window.scrollY - 3 * margin);
  const height = Math.min(area.top + window.scrollY - y + area.height + margin, maxHeight);
  return {x: x, y: y, width: Math.min(width, pageWidth), height: height};
}
"""


@dataclass(frozen=True)
class CropRequest:
    key: Hashable  # the caller's handle, e.g. (capture id, item id)
    page_key: Hashable  # requests with the same page key share one page load
    html: str
    base_url: str
    selector: str
    quote: str = ""


def _with_base(html: str, base_url: str) -> str:
    """Relative links resolve against the captured URL (all requests are refused anyway)."""
    if not base_url or "<base" in html[:4000].lower():
        return html
    tag = f'<base href="{base_url}">'
    lower = html[:4000].lower()
    position = lower.find("<head>")
    if position >= 0:
        return html[: position + 6] + tag + html[position + 6 :]
    return tag + html


class CropRenderer:
    """A Chromium tab that renders stored pages and clips highlighted elements.

    Use as a context manager; `render` takes a batch and returns the stored PNG per request key
    (None where the element could not be found or shown).
    """

    def __init__(self, evidence: EvidenceStore, launch_options: dict[str, Any] | None = None):
        self.evidence = evidence
        self._launch_options = launch_options
        self._playwright: Any = None
        self._browser: Any = None
        self._page: Any = None

    def __enter__(self) -> CropRenderer:
        from playwright.sync_api import sync_playwright

        from webaudit.crawl.browser import launch_options

        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(
                **(self._launch_options or launch_options())
            )
            context = self._browser.new_context(
                viewport=VIEWPORT, java_script_enabled=False, service_workers="block"
            )
            context.route("**/*", lambda route: route.abort())
            self._page = context.new_page()
        except BaseException:
            self._playwright.stop()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        with contextlib.suppress(Exception):
            if self._browser is not None:
                self._browser.close()
        with contextlib.suppress(Exception):
            if self._playwright is not None:
                self._playwright.stop()

    def render(self, requests: Iterable[CropRequest]) -> dict[Hashable, StoredObject | None]:
        results: dict[Hashable, StoredObject | None] = {}
        for page_requests in _by_page(requests):
            first = page_requests[0]
            try:
                self._page.set_content(
                    _with_base(first.html, first.base_url), wait_until="domcontentloaded"
                )
            except Exception:
                for request in page_requests:
                    results[request.key] = None
                continue
            for request in page_requests:
                results[request.key] = self._crop(request)
        return results

    def _crop(self, request: CropRequest) -> StoredObject | None:
        from playwright.sync_api import Error as PlaywrightError

        page = self._page
        try:
            element = page.query_selector(request.selector) if request.selector else None
            if element is None and request.quote:
                locator = page.get_by_text(request.quote[:80].strip(), exact=False)
                element = locator.first.element_handle(timeout=1000) if locator.count() else None
            if element is None:
                return None
            box = element.evaluate(_HIGHLIGHT_JS, [HIGHLIGHT_STYLE, MARGIN, MIN_WIDTH, MAX_HEIGHT])
            if not box or box["width"] <= 0 or box["height"] <= 0:
                return None
            png = page.screenshot(clip=box, full_page=True, animations="disabled")
            element.evaluate(
                "(e, style) => e.setAttribute('style', (e.getAttribute('style') || '')"
                ".replace(';' + style, ''))",
                HIGHLIGHT_STYLE,
            )
        except (PlaywrightError, TimeoutError, KeyError):
            return None
        return self.evidence.put(png, "image/png")


def _by_page(requests: Iterable[CropRequest]) -> Iterator[list[CropRequest]]:
    groups: dict[Hashable, list[CropRequest]] = {}
    for request in requests:
        groups.setdefault(request.page_key, []).append(request)
    yield from groups.values()

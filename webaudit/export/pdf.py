"""Print evidence lists (HTML files) to PDF with headless Chromium, several pages at once.

The printing browser runs without JavaScript and refuses every request that is not a local
file, so a list prints exactly what is in its folder and nothing can call out. Each PDF is
written to a temporary name and renamed.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from playwright.async_api import Browser, Page, PdfMargins, Route, async_playwright

from webaudit.crawl.browser import launch_options

DEFAULT_WORKERS = 3
MARGINS: PdfMargins = {"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}


@dataclass(frozen=True)
class PdfJob:
    html: Path
    pdf: Path
    footer: str  # plain text; escaped here


def footer_template(text: str) -> str:
    return (
        '<div style="font-size:8px;width:100%;padding:0 15mm;color:#555;'
        'font-family:DejaVu Sans,sans-serif;display:flex;justify-content:space-between">'
        f"<span>{html.escape(text)}</span>"
        '<span>sida <span class="pageNumber"></span> av <span class="totalPages"></span></span>'
        "</div>"
    )


async def _only_local(route: Route) -> None:
    if route.request.url.startswith("file:"):
        await route.continue_()
    else:
        await route.abort("blockedbyclient")


async def _print_one(page: Page, job: PdfJob) -> Path:
    await page.goto(job.html.resolve().as_uri(), wait_until="load")
    temporary = job.pdf.with_name(f".tmp-{job.pdf.name}")
    await page.pdf(
        path=str(temporary),
        format="A4",
        print_background=True,
        margin=MARGINS,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=footer_template(job.footer),
    )
    temporary.replace(job.pdf)
    job.pdf.chmod(0o644)
    return job.pdf


async def _worker(
    browser: Browser,
    queue: asyncio.Queue[PdfJob],
    on_done: Callable[[PdfJob], None],
) -> None:
    """One page, reused for job after job: a new context per list costs more than printing."""
    context = await browser.new_context(java_script_enabled=False, offline=True)
    try:
        await context.route("**/*", _only_local)
        page = await context.new_page()
        while True:
            try:
                job = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            await _print_one(page, job)
            on_done(job)
    finally:
        await context.close()


async def _print_all(
    jobs: Sequence[PdfJob], workers: int, on_done: Callable[[PdfJob], None]
) -> list[Path]:
    queue: asyncio.Queue[PdfJob] = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options())
        try:
            count = max(1, min(workers, len(jobs)))
            await asyncio.gather(*(_worker(browser, queue, on_done) for _ in range(count)))
        finally:
            await browser.close()
    return [job.pdf for job in jobs]


def print_pdfs(
    jobs: Sequence[PdfJob],
    *,
    workers: int = DEFAULT_WORKERS,
    on_done: Callable[[PdfJob], None] = lambda _job: None,
) -> list[Path]:
    """Print every job's HTML file to its PDF; returns the PDFs in job order."""
    if not jobs:
        return []
    return asyncio.run(_print_all(jobs, workers, on_done))

"""Progress display for a crawl: the whole crawl (sites, pages, ETA) and a line per site being
crawled (pages captured of the pages it still has in view, time, ETA)."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from webaudit.crawl.model import SiteOutcome, SiteTarget

STATUS_SV = {"ok": "klar", "partial": "delvis", "failed": "misslyckades"}
MAX_SITE_LINES = 12  # more sites than this run at once: the rest are summed up in one line


class RichCrawlProgress:
    """Implements webaudit.crawl.model.CrawlProgress (and the optional site_status)."""

    def __init__(self, total_sites: int, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(bar_width=30),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("kvar"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
            refresh_per_second=4,
        )
        self.total_sites = total_sites
        self.overall = self.progress.add_task("Kommuner", total=total_sites)
        self.others = self.progress.add_task("", total=None, visible=False)
        self.sites: dict[str, TaskID] = {}
        self.pages = 0
        self.started = time.monotonic()

    def __enter__(self) -> RichCrawlProgress:
        self.progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.progress.stop()

    def site_started(self, site: SiteTarget) -> None:
        task = self.progress.add_task(f"  {site.code} {site.name[:18]}", total=None, visible=False)
        self.sites[site.code] = task
        self._arrange()

    def page_done(self, site: SiteTarget, url: str, pages: int, cap: int) -> None:
        self.pages += 1
        task = self.sites.get(site.code)
        if task is not None:
            self.progress.update(task, completed=pages)
        self._describe_overall()

    def site_status(self, site: SiteTarget, pages: int, queued: int) -> None:
        """Pages captured and pages still in view: the site's bar and its ETA."""
        task = self.sites.get(site.code)
        if task is not None:
            self.progress.update(task, completed=pages, total=pages + queued)

    def site_finished(self, outcome: SiteOutcome) -> None:
        task = self.sites.pop(outcome.code, None)
        if task is not None:
            self.progress.remove_task(task)
        self.progress.advance(self.overall)
        self._arrange()
        self._describe_overall()
        if outcome.status != "ok" and not outcome.skipped:
            status = STATUS_SV.get(outcome.status, outcome.status)
            self.console.print(f"  {outcome.code} {outcome.name}: {status} – {outcome.stop_reason}")

    def _arrange(self) -> None:
        for number, task in enumerate(self.sites.values()):
            self.progress.update(task, visible=number < MAX_SITE_LINES)
        hidden = len(self.sites) - MAX_SITE_LINES
        self.progress.update(
            self.others, description=f"  … och {hidden} kommuner till", visible=hidden > 0
        )

    def _describe_overall(self) -> None:
        elapsed = max(1e-6, time.monotonic() - self.started)
        self.progress.update(
            self.overall,
            description=f"Kommuner ({self.pages} sidor, {self.pages / elapsed:.1f}/s)",
        )

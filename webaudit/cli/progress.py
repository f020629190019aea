"""Progress display for long work: overall bar with ETA, and a line per site being crawled."""

from __future__ import annotations

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

from webaudit.crawl.crawler import SiteOutcome, SiteTarget

STATUS_SV = {"ok": "klar", "partial": "delvis", "failed": "misslyckades"}


class RichCrawlProgress:
    def __init__(self, total_sites: int, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("kvar"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )
        self.overall = self.progress.add_task("Kommuner", total=total_sites)
        self.sites: dict[str, TaskID] = {}

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
        self.sites[site.code] = self.progress.add_task(f"  {site.code} {site.name}", total=None)

    def page_done(self, site: SiteTarget, url: str, pages: int, cap: int) -> None:
        task = self.sites.get(site.code)
        if task is not None:
            self.progress.update(task, completed=pages, total=cap)

    def site_finished(self, outcome: SiteOutcome) -> None:
        task = self.sites.pop(outcome.code, None)
        if task is not None:
            self.progress.remove_task(task)
        self.progress.advance(self.overall)
        if outcome.status != "ok":
            self.console.print(
                f"  {outcome.code} {outcome.name}: {STATUS_SV.get(outcome.status, outcome.status)} – {outcome.stop_reason}"
            )

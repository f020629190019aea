"""What the crawl is given (sites), what it reports while running, and what it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class SiteTarget:
    code: str
    name: str
    start_url: str


@dataclass
class SiteOutcome:
    code: str
    name: str
    status: str  # ok | partial | failed
    pages: int
    failures: int
    seconds: float
    stop_reason: str
    run_id: int | None = None
    skipped: bool = False  # already crawled in this round; nothing was done now
    fetches: int = 0  # HTTP requests made for this site (pages, PDFs, searches, hops, retries)
    wacz_path: str | None = None


@dataclass
class CrawlStats:
    """Figures of a whole crawl, for the summary and the benchmark."""

    wall_seconds: float = 0.0
    renders: int = 0
    render_seconds: float = 0.0  # summed wall time inside browser renders
    render_workers: int = 0
    requests: int = 0
    writer_cpu_seconds: float = 0.0
    subresources: int = 0
    host_requests: dict[str, int] = field(default_factory=dict)
    host_delays: dict[str, float] = field(default_factory=dict)
    max_sites_in_parallel: int = 0
    mean_sites_in_parallel: float = 0.0
    pool_busy_share: float = 0.0  # mean share of browser pages rendering
    pool_backlog_share: float = 0.0  # share of the time a render was waiting for a page
    ramp_seconds: float = 0.0  # until renders first had to wait (the pool was full)
    tail_seconds: float = 0.0  # after renders last had to wait (sites finishing at their pace)


class CrawlProgress(Protocol):
    """What a crawl reports while it runs. A progress object may also have
    `site_status(site, pages, queued)` (pages captured, pages still in view); it is called
    when present."""

    def site_started(self, site: SiteTarget) -> None: ...
    def page_done(self, site: SiteTarget, url: str, pages: int, cap: int) -> None: ...
    def site_finished(self, outcome: SiteOutcome) -> None: ...


class SilentProgress:
    def site_started(self, site: SiteTarget) -> None:
        pass

    def page_done(self, site: SiteTarget, url: str, pages: int, cap: int) -> None:
        pass

    def site_finished(self, outcome: SiteOutcome) -> None:
        pass

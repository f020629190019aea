"""The `crawl` stage: registry rows -> round membership -> crawled sites."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field

from webaudit.crawl.crawler import Crawler
from webaudit.crawl.model import CrawlProgress, CrawlStats, SiteOutcome, SiteTarget
from webaudit.municipalities import Municipality
from webaudit.store.rounds import register_municipalities
from webaudit.workspace import Workspace


@dataclass(frozen=True)
class CrawlReport:
    round_id: str
    outcomes: list[SiteOutcome]
    stats: CrawlStats = field(default_factory=CrawlStats)

    @property
    def failed(self) -> list[SiteOutcome]:
        return [o for o in self.outcomes if o.status == "failed" and not o.skipped]

    @property
    def skipped(self) -> list[SiteOutcome]:
        return [o for o in self.outcomes if o.skipped]


def crawl_municipalities(
    workspace: Workspace,
    municipalities: Sequence[Municipality],
    *,
    round_id: str | None = None,
    fresh: bool = False,
    progress: CrawlProgress | None = None,
    actor: str = "webaudit",
    recrawl: bool = False,
) -> CrawlReport:
    """Register the municipalities in the round and crawl them.

    By default an interrupted run is resumed and a site already crawled in the round is
    skipped (a failed one is tried again). `recrawl` starts new runs (keeping the old
    captures), except that an interrupted run is resumed; `fresh` always starts new runs.
    """
    round_id = workspace.ensure_round(round_id, actor)
    with workspace.store.session(write=True) as session:
        register_municipalities(session, round_id, municipalities, actor)
    crawler = Crawler(
        workspace.store,
        workspace.evidence,
        workspace.settings,
        workspace.checklist,
        round_id,
        progress,
        actor,
    )
    targets = [SiteTarget(m.code, m.name, m.website) for m in municipalities]
    outcomes = asyncio.run(crawler.run(targets, fresh=fresh, recrawl=recrawl))
    return CrawlReport(round_id, outcomes, crawler.stats)

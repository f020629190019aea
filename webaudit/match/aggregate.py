"""Site level: from page results and the crawl's completeness to one pre-flag per item.

pass when some page passes; review when some page is uncertain or the crawl was incomplete;
fail only after a complete crawl in which nothing matched (a failed fetch is never absence).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from webaudit.match.engine import ItemMatch, Result


@dataclass(frozen=True)
class PageResult:
    capture_id: int
    url: str
    match: ItemMatch


@dataclass(frozen=True)
class SiteFlag:
    item_id: str
    result: Result
    confidence: float
    pages: tuple[PageResult, ...]  # supporting pages, strongest first
    reason: str


def aggregate_item(item_id: str, pages: Iterable[PageResult], crawl_status: str) -> SiteFlag:
    results = list(pages)
    passing = sorted(
        (p for p in results if p.match.result == "pass"), key=lambda p: -p.match.confidence
    )
    uncertain = sorted(
        (p for p in results if p.match.result == "review"), key=lambda p: -p.match.confidence
    )
    if passing:
        best = passing[0].match.confidence
        return SiteFlag(
            item_id, "pass", best, tuple(passing[:5]), f"{len(passing)} sidor uppfyller punkten"
        )
    if uncertain:
        best = uncertain[0].match.confidence
        return SiteFlag(
            item_id, "review", best, tuple(uncertain[:5]), f"{len(uncertain)} sidor är osäkra"
        )
    if crawl_status != "ok":
        return SiteFlag(
            item_id, "review", 0.0, (), f"genomsökningen var inte fullständig ({crawl_status})"
        )
    if not results:
        return SiteFlag(item_id, "review", 0.0, (), "inga sidor fångades")
    return SiteFlag(item_id, "fail", 0.8, (), f"inget hittades på {len(results)} genomsökta sidor")

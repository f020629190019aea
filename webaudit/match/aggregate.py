"""Site level: from page results and the crawl's completeness to one pre-flag per item.

pass only when some page passes (its evidence reached the item's pass threshold); review when the
best page is uncertain, or when the crawl was incomplete and nothing passed; fail only after a
complete crawl in which no page came near (a failed fetch is never absence). A fail carries its
negative evidence: how many pages were searched and the near misses that were ruled out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from webaudit.match.engine import Evidence, ItemMatch, Result

SUPPORTING_PAGES = 5
NEAR_MISSES = 5


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
    reason: str  # Swedish, one line
    near_misses: tuple[tuple[str, Evidence], ...] = field(default=())  # (url, evidence)
    pages_searched: int = 0


def aggregate_item(
    item_id: str,
    pages: Iterable[PageResult],
    crawl_status: str,
    *,
    review_threshold: float = 0.0,
) -> SiteFlag:
    results = list(pages)
    ranked = sorted(results, key=lambda p: (-p.match.score, p.url))
    passing = [p for p in ranked if p.match.result == "pass"]
    uncertain = [p for p in ranked if p.match.result == "review"]
    near = _near_misses(ranked)
    searched = len(results)
    if passing:
        best = passing[0].match.score
        more = len(passing) - 1
        others = f" (och {more} {'sida' if more == 1 else 'sidor'} till)" if more else ""
        return SiteFlag(
            item_id,
            "pass",
            best,
            tuple(passing[:SUPPORTING_PAGES]),
            f"uppfylls på {passing[0].url}{others}",
            near,
            searched,
        )
    if uncertain:
        best = uncertain[0].match.score
        return SiteFlag(
            item_id,
            "review",
            best,
            tuple(uncertain[:SUPPORTING_PAGES]),
            f"osäkert: {len(uncertain)} {'sida har' if len(uncertain) == 1 else 'sidor har'} "
            f"svaga belägg, bäst {uncertain[0].url}",
            near,
            searched,
        )
    if crawl_status != "ok":
        return SiteFlag(
            item_id,
            "review",
            0.0,
            (),
            f"genomsökningen var inte fullständig ({crawl_status}); inget hittades på "
            f"{searched} sidor",
            near,
            searched,
        )
    if not results:
        return SiteFlag(item_id, "review", 0.0, (), "inga sidor fångades", near, 0)
    # How sure the absence is: lower when near misses came close to the review threshold.
    closest = max((p.match.score for p in results), default=0.0)
    confidence = round(max(0.5, 0.95 - max(0.0, closest - review_threshold / 2)), 3)
    return SiteFlag(
        item_id,
        "fail",
        confidence,
        (),
        f"inget hittades på {searched} genomsökta sidor",
        near,
        searched,
    )


def _near_misses(ranked: list[PageResult]) -> tuple[tuple[str, Evidence], ...]:
    found: list[tuple[str, Evidence]] = []
    seen: set[str] = set()
    for page in ranked:
        for evidence in page.match.near_misses:
            if evidence.quote in seen:
                continue
            seen.add(evidence.quote)
            found.append((page.url, evidence))
    found.sort(key=lambda pair: -abs(pair[1].strength))
    return tuple(found[:NEAR_MISSES])

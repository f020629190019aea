"""One site's frontier: URLs waiting to be visited, the most relevant first.

Refuses what a careful reviewer would not click: URLs already queued or visited, deeper than
the depth limit, and crawler traps (endless calendars, paging without end, session ids are
already gone from canonical URLs, query-string explosions, looping paths).
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from dataclasses import dataclass, field

from webaudit.crawl.urls import query_family, trap_reason

FAMILY_CAPS = {"calendar": 2, "paging": 4}
DEPTH_PENALTY = 0.03  # among equally relevant links, the shallower goes first


@dataclass(order=True)
class FrontierItem:
    priority: float
    order: int
    url: str = field(compare=False)  # canonical
    score: float = field(compare=False)
    depth: int = field(compare=False)
    via: str = field(compare=False)  # start | link | iframe | sitemap | search | a-o | redirect ...
    parent: str | None = field(compare=False, default=None)
    external: bool = field(compare=False, default=False)
    text: str = field(compare=False, default="")


class Frontier:
    def __init__(self, *, max_depth: int) -> None:
        self.max_depth = max_depth
        self._heap: list[FrontierItem] = []
        self._queued: dict[str, FrontierItem] = {}
        self._done: set[str] = set()
        self._families: Counter[tuple[str, str]] = Counter()
        self._order = itertools.count()

    def __len__(self) -> int:
        return len(self._queued)

    def seen(self, url: str) -> bool:
        return url in self._done or url in self._queued

    def mark_done(self, url: str) -> None:
        """A URL visited (or reached through a redirect): never queued again."""
        self._done.add(url)
        self._queued.pop(url, None)

    def add(
        self,
        url: str,
        score: float,
        depth: int,
        via: str,
        parent: str | None = None,
        *,
        external: bool = False,
        text: str = "",
        leaf: bool = False,
    ) -> str | None:
        """Queue a URL; returns why it was refused (Swedish), or None when queued or already
        queued (a better score raises a queued URL's place). A `leaf` (a PDF, an e-service
        off the site: nothing is followed from it) may sit one click below the depth limit."""
        if url in self._done:
            return None
        queued = self._queued.get(url)
        if queued is not None:
            if score > queued.score + 1e-9:
                self._push(url, score, min(depth, queued.depth), via, parent, external, text)
            return None
        if depth > self.max_depth + (1 if leaf else 0):
            return "djupgränsen"
        reason = trap_reason(url)
        if reason is not None:
            return f"fälla: {reason}"
        family = query_family(url)
        if family is not None:
            if self._families[family] >= FAMILY_CAPS[family[1]]:
                return (
                    "fälla: kalender eller sidbläddring utan slut"
                    if family[1] == "calendar"
                    else ("fälla: för många sidor i samma lista")
                )
            self._families[family] += 1
        self._push(url, score, depth, via, parent, external, text)
        return None

    def _push(
        self,
        url: str,
        score: float,
        depth: int,
        via: str,
        parent: str | None,
        external: bool,
        text: str,
    ) -> None:
        item = FrontierItem(
            -score + depth * DEPTH_PENALTY,
            next(self._order),
            url,
            score,
            depth,
            via,
            parent,
            external,
            text,
        )
        self._queued[url] = item
        heapq.heappush(self._heap, item)

    def pop(self) -> FrontierItem | None:
        while self._heap:
            item = heapq.heappop(self._heap)
            if self._queued.get(item.url) is item:  # else superseded or already done
                del self._queued[item.url]
                self._done.add(item.url)
                return item
        return None

    def best_score(self) -> float:
        return max((item.score for item in self._queued.values()), default=0.0)

"""Per-host politeness: at most N requests in flight, and a delay between request starts.

Waiting requests are served by priority, then in arrival order: a request a browser page is
blocked on (a script, a stylesheet) goes before the crawler's next page. Requests the crawler
itself decides to make are paced by the delay; sub-resources a page loads while rendering
share the in-flight limit but, by default, not the delay (as a visitor's browser would).
A host that answers 429 or 503 gets a longer delay for the rest of the crawl.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

PRIORITY_RENDER = 0  # a browser page waits for this response
PRIORITY_PAGE = 1  # the crawler's next page
PRIORITY_BACKGROUND = 2  # sitemaps, searches: useful, never urgent
MAX_BACKOFF_DELAY = 30.0


@dataclass(order=True)
class _Waiter:
    priority: int
    order: int
    future: asyncio.Future[None] = field(compare=False)
    paced: bool = field(compare=False)


class HostGate:
    """One host's limit on concurrent requests and its pacing."""

    def __init__(self, in_flight: int, delay: float) -> None:
        self.in_flight = in_flight
        self.delay = delay
        self.requests = 0
        self._active = 0
        self._next_start = 0.0
        # The paced request granted but not yet on the wire: the next paced start is counted
        # from when it leaves, so none is granted before (a slow connect would otherwise let
        # two requests reach the host together).
        self._unsent: _Waiter | None = None
        self._waiters: list[_Waiter] = []
        self._order = itertools.count()
        self._timer: asyncio.TimerHandle | None = None

    @contextlib.asynccontextmanager
    async def slot(
        self, priority: int = PRIORITY_PAGE, *, paced: bool = True
    ) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        waiter = _Waiter(priority, next(self._order), loop.create_future(), paced)
        heapq.heappush(self._waiters, waiter)
        self._dispatch()
        try:
            await waiter.future
        except asyncio.CancelledError:
            if waiter.future.done() and not waiter.future.cancelled():
                if self._unsent is waiter:
                    self._unsent = None
                self._release()  # the slot was granted just as we were cancelled
            raise
        try:
            yield
        finally:
            if self._unsent is waiter:  # it never left (refused, or no connection)
                self._unsent = None
            self._release()

    def sent(self, *, paced: bool = True) -> None:
        """The request is leaving now: pace the next one from this moment, not from when the
        slot was granted (connecting, or a busy event loop, may have taken a while)."""
        if paced:
            now = asyncio.get_running_loop().time()
            self._next_start = max(self._next_start, now + self.delay)
            self._unsent = None
            self._dispatch()

    def raise_delay(self, delay: float) -> None:
        """A longer delay (robots.txt Crawl-delay, read after the first request): the next
        start already planned moves back by the difference too."""
        if delay > self.delay:
            self._next_start += delay - self.delay
            self.delay = delay

    def back_off(self) -> None:
        """The host asked us to slow down (429/503): double its delay, within reason."""
        self.raise_delay(min(MAX_BACKOFF_DELAY, max(1.0, self.delay * 2)))

    def _release(self) -> None:
        self._active -= 1
        self._dispatch()

    def _dispatch(self) -> None:
        loop = asyncio.get_running_loop()
        while self._waiters and self._active < self.in_flight:
            head = self._waiters[0]
            if head.future.done():  # cancelled while waiting
                heapq.heappop(self._waiters)
                continue
            now = loop.time()
            if head.paced and self._unsent is not None:
                return  # sent() or the slot's release dispatches again
            if head.paced and now < self._next_start:
                if self._timer is None:
                    self._timer = loop.call_at(self._next_start, self._on_timer)
                return
            heapq.heappop(self._waiters)
            self._active += 1
            self.requests += 1
            if head.paced:
                self._next_start = now + self.delay
                self._unsent = head
            head.future.set_result(None)

    def _on_timer(self) -> None:
        self._timer = None
        self._dispatch()


class Politeness:
    """One gate per host; a robots.txt Crawl-delay raises that host's delay."""

    def __init__(self, in_flight: int, delay: float, max_crawl_delay: float = 30.0) -> None:
        self.in_flight = in_flight
        self.delay = delay
        self.max_crawl_delay = max_crawl_delay
        self._gates: dict[str, HostGate] = {}

    def gate(self, host: str, crawl_delay: float | None = None) -> HostGate:
        gate = self._gates.get(host)
        if gate is None:
            gate = HostGate(self.in_flight, self.delay)
            self._gates[host] = gate
        if crawl_delay:
            gate.raise_delay(min(crawl_delay, self.max_crawl_delay))
        return gate

    def gates(self) -> dict[str, HostGate]:
        return dict(self._gates)

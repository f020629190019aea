"""Per-host politeness: at most N requests in flight and a delay between request starts."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field


@dataclass
class HostGate:
    in_flight: int
    delay: float
    _semaphore: asyncio.Semaphore = field(init=False)
    _lock: asyncio.Lock = field(init=False)
    _next_start: float = 0.0

    def __post_init__(self) -> None:
        self._semaphore = asyncio.Semaphore(self.in_flight)
        self._lock = asyncio.Lock()

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        async with self._semaphore:
            async with self._lock:
                now = time.monotonic()
                wait = self._next_start - now
                if wait > 0:
                    await asyncio.sleep(wait)
                self._next_start = max(now, self._next_start) + self.delay
            yield


class Politeness:
    """One gate per host; a robots.txt Crawl-delay raises that host's delay."""

    def __init__(self, in_flight: int, delay: float) -> None:
        self.in_flight = in_flight
        self.delay = delay
        self._gates: dict[str, HostGate] = {}

    def gate(self, host: str, crawl_delay: float | None = None) -> HostGate:
        gate = self._gates.get(host)
        if gate is None:
            gate = HostGate(self.in_flight, max(self.delay, crawl_delay or 0.0))
            self._gates[host] = gate
        elif crawl_delay and crawl_delay > gate.delay:
            gate.delay = crawl_delay
        return gate

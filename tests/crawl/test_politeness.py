"""Per-host gates: in-flight limit, pacing, priorities; and robots.txt rules."""

from __future__ import annotations

import asyncio
import itertools
import time

from protego import Protego

from webaudit.crawl.fetch import FetchResult
from webaudit.crawl.politeness import PRIORITY_PAGE, PRIORITY_RENDER, HostGate, Politeness
from webaudit.crawl.robots import Robots, parse_robots

UA = "webaudit/0.1.0 (Hemtjanstindex website review; +mailto:test@example.se)"


async def _run(
    gate: HostGate, jobs: list[tuple[int, bool, str]], hold: float
) -> tuple[list[tuple[str, float]], int]:
    log: list[tuple[str, float]] = []
    active = peak = 0
    start = time.monotonic()

    async def job(priority: int, paced: bool, name: str) -> None:
        nonlocal active, peak
        async with gate.slot(priority, paced=paced):
            active += 1
            peak = max(peak, active)
            log.append((name, time.monotonic() - start))
            await asyncio.sleep(hold)
            active -= 1

    await asyncio.gather(*(job(p, paced, n) for p, paced, n in jobs))
    return log, peak


def test_gate_paces_starts_and_limits_requests_in_flight() -> None:
    gate = HostGate(in_flight=2, delay=0.1)
    log, peak = asyncio.run(
        _run(gate, [(PRIORITY_PAGE, True, f"p{i}") for i in range(5)], hold=0.25)
    )
    starts = [t for _, t in log]
    assert peak <= 2
    assert all(b - a >= 0.095 for a, b in itertools.pairwise(starts))
    assert starts[-1] >= 0.4


def test_render_requests_go_first_and_are_not_paced() -> None:
    gate = HostGate(in_flight=1, delay=0.2)

    async def scenario() -> list[str]:
        order: list[str] = []

        async def job(priority: int, paced: bool, name: str, after: float) -> None:
            await asyncio.sleep(after)
            async with gate.slot(priority, paced=paced):
                order.append(name)
                await asyncio.sleep(0.01)

        await asyncio.gather(
            job(PRIORITY_PAGE, True, "page-1", 0),
            job(PRIORITY_PAGE, True, "page-2", 0.001),
            job(PRIORITY_RENDER, False, "script", 0.002),
        )
        return order

    started = time.monotonic()
    assert asyncio.run(scenario()) == ["page-1", "script", "page-2"]
    assert time.monotonic() - started >= 0.2


def test_crawl_delay_and_back_off_raise_the_delay() -> None:
    politeness = Politeness(2, 1.0, max_crawl_delay=10)
    assert politeness.gate("a.se", crawl_delay=2.5).delay == 2.5
    assert politeness.gate("a.se").delay == 2.5
    assert politeness.gate("b.se", crawl_delay=60).delay == 10
    gate = politeness.gate("c.se")
    gate.back_off()
    assert gate.delay == 2.0


def test_robots_rules() -> None:
    text = b"User-agent: *\nDisallow: /omsorg/\nAllow: /omsorg/aldre/\nCrawl-delay: 2\nSitemap: http://k.se/sm.xml\n"
    robots = parse_robots(
        FetchResult("http://k.se/robots.txt", "http://k.se/robots.txt", 200, body=text), UA
    )
    assert robots.allowed("http://k.se/omsorg/aldre/hemtjanst")  # Allow inside Disallow
    assert not robots.allowed("http://k.se/omsorg/lss")
    assert robots.crawl_delay == 2.0
    assert robots.sitemaps == ("http://k.se/sm.xml",)
    missing = parse_robots(FetchResult("u", "u", 404), UA)
    assert missing.allowed("http://k.se/anything") and "saknas" in missing.note
    broken = parse_robots(FetchResult("u", "u", 503), UA)
    assert not broken.allowed("http://k.se/") and broken.disallow_all
    unreachable = parse_robots(FetchResult("u", "u", None, error="kunde inte ansluta"), UA)
    assert unreachable.disallow_all and "kunde inte ansluta" in unreachable.note
    ours = Robots(Protego.parse("User-agent: webaudit\nDisallow: /\n"), UA)
    assert not ours.allowed("http://k.se/")


def test_next_start_waits_for_a_slow_request_to_leave() -> None:
    """A request still connecting when the delay runs out: the next one waits until it has
    left, then the full delay (the host never gets two at once)."""
    gate = HostGate(in_flight=2, delay=0.1)

    async def scenario() -> list[tuple[str, float]]:
        log: list[tuple[str, float]] = []
        start = time.monotonic()

        async def slow() -> None:
            async with gate.slot():
                await asyncio.sleep(0.3)  # connecting
                gate.sent()
                log.append(("slow", time.monotonic() - start))
                await asyncio.sleep(0.05)

        async def quick() -> None:
            await asyncio.sleep(0.01)
            async with gate.slot():
                gate.sent()
                log.append(("quick", time.monotonic() - start))

        async def refused() -> None:  # never leaves: releasing its slot lets the next go
            await asyncio.sleep(0.5)
            async with gate.slot():
                pass
            async with gate.slot():
                gate.sent()
                log.append(("after-refused", time.monotonic() - start))

        await asyncio.gather(slow(), quick(), refused())
        return log

    log = dict(asyncio.run(scenario()))
    assert log["slow"] >= 0.3
    assert log["quick"] - log["slow"] >= 0.095
    assert log["after-refused"] - log["quick"] >= 0.095

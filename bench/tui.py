"""Benchmark the review TUI on a full-size round: 290 sites x 16 items x 50 captures per site.

Measures, through the real app driven by Textual's Pilot (headless, the same code a reviewer
runs): time to open the queue, to open a site, and per keystroke (median and worst) while a
reviewer works through sites on the fast path; and counts the keystrokes a typical site needs
when the pre-flags are right. Targets: open a site < 100 ms, every keystroke < 50 ms.

    /tmp/v/bin/python bench/tui.py [--sites 290] [--captures 50] [--review-sites 10] [--db URL]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.tui.seed import seed_review
from webaudit.config import Settings
from webaudit.tui.app import build_app
from webaudit.tui.queue import QueueScreen
from webaudit.tui.site import SiteScreen
from webaudit.workspace import open_workspace


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


class Meter:
    """Time the app spends on a key: its action (DB write, widget updates) plus the redraws.

    Pilot's own waiting (for idle, for the next frame) is not the app's work, so a key's cost is
    measured inside the app: App.run_action and Screen._compositor_refresh are wrapped.
    """

    def __init__(self, app: object) -> None:
        from textual.screen import Screen

        self.spent = 0.0
        run_action = app.run_action  # type: ignore[attr-defined]

        async def timed_action(*args: object, **kwargs: object) -> object:
            begin = time.perf_counter()
            try:
                return await run_action(*args, **kwargs)
            finally:
                self.spent += time.perf_counter() - begin

        app.run_action = timed_action  # type: ignore[attr-defined]
        refresh = Screen._compositor_refresh
        meter = self

        def timed_refresh(screen: Screen[object]) -> None:
            begin = time.perf_counter()
            try:
                refresh(screen)
            finally:
                meter.spent += time.perf_counter() - begin

        Screen._compositor_refresh = timed_refresh  # type: ignore[method-assign]

    async def press(self, pilot: object, key: str) -> float:
        from textual.pilot import Pilot

        assert isinstance(pilot, Pilot)
        self.spent = 0.0
        await pilot.press(key)
        await pilot.pause()
        return self.spent


async def drive(app: object, review_sites: int) -> dict[str, list[float]]:
    from textual.pilot import Pilot

    from webaudit.tui.app import ReviewApp

    assert isinstance(app, ReviewApp)
    meter = Meter(app)
    timings: dict[str, list[float]] = {
        "queue": [],
        "site": [],
        "key": [],
        "keys_per_site": [],
        "noop": [],
        "site_wall": [],
        "key_wall": [],
    }
    started = time.perf_counter()
    async with app.run_test(size=(160, 45)) as pilot:
        assert isinstance(pilot, Pilot)
        while not isinstance(app.screen, QueueScreen) or not app.screen.rows:
            await pilot.pause()
        timings["queue"].append(time.perf_counter() - started)
        queue = app.screen
        # What Pilot itself costs per key (it waits for the app to go idle and redraw): a key
        # bound to nothing. Reported figures subtract it, so they are what the app spends.
        for _ in range(20):
            begin = time.perf_counter()
            await pilot.press("f12")
            timings["noop"].append(time.perf_counter() - begin)
        for _ in range(review_sites):
            begin = time.perf_counter()
            spent = await meter.press(pilot, "enter")
            timings["site_wall"].append(time.perf_counter() - begin)
            site = app.screen
            assert isinstance(site, SiteScreen)
            timings["site"].append(spent)
            keys = 1  # Enter opened the site
            # Fast path: the pre-flags are right. Space accepts pass/fail; an uncertain
            # `review` flag needs the reviewer's own y/n (here y).
            for row in list(site.view.rows):
                key = "space" if row.suggestion else "y"
                begin = time.perf_counter()
                timings["key"].append(await meter.press(pilot, key))
                timings["key_wall"].append(time.perf_counter() - begin)
                keys += 1
            assert site.view.decided == len(site.view.rows), "every item decided"
            # Moving on: next site in the queue order (one key).
            timings["key"].append(await meter.press(pilot, "escape"))
            keys += 1
            timings["keys_per_site"].append(keys)
            await pilot.press("down")
            assert app.screen is queue
        for key in ("s", "s", "down", "up", "slash", "9", "escape"):  # queue keys
            timings["key"].append(await meter.press(pilot, key))
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=290)
    parser.add_argument("--captures", type=int, default=50)
    parser.add_argument("--review-sites", type=int, default=10, help="sites decided end to end")
    parser.add_argument("--db", help="SQLAlchemy URL (default: SQLite in a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-tui-") as folder:
        workspace = open_workspace(Settings(evidence_dir=Path(folder), db=args.db))
        begin = time.perf_counter()
        seeded = seed_review(workspace, sites=args.sites, captures_per_site=args.captures)
        seeding = time.perf_counter() - begin
        items = len(workspace.checklist.items)
        print(
            f"store: {args.sites} sites x {items} items x {args.captures} captures/site "
            f"({workspace.store.dialect}), seeded in {seeding:.1f} s"
        )
        app = build_app(workspace, seeded.round_id, "bench")
        timings = asyncio.run(drive(app, args.review_sites))
        workspace.close()
    keys, sites = timings["key"], timings["site"]
    print(f"open the queue (app start to {args.sites} rows shown): {ms(timings['queue'][0])}")
    print(
        f"open a site (app work: action + redraw): median {ms(statistics.median(sites))}, "
        f"worst {ms(max(sites))} over {len(sites)} sites (target < 100 ms); "
        f"wall incl. Pilot's waiting: median {ms(statistics.median(timings['site_wall']))}"
    )
    print(
        f"per keystroke (app work): median {ms(statistics.median(keys))}, worst {ms(max(keys))} "
        f"over {len(keys)} keys (target < 50 ms); wall incl. Pilot's waiting: median "
        f"{ms(statistics.median(timings['key_wall']))} (a no-op key: "
        f"{ms(statistics.median(timings['noop']))})"
    )
    per_site = timings["keys_per_site"]
    print(
        f"keystrokes per site when the pre-flags are right: {statistics.median(per_site):.0f} "
        f"(Enter, one key per item: space accepts pass/fail, y/n for uncertain ones, Esc)"
    )


if __name__ == "__main__":
    main()

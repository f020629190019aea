"""Benchmark the review TUI on a full-size round: 290 sites x 16 items x 50 captures per site.

Drives the real app (the factory the CLI calls) headless with Textual's Pilot, the way a reviewer
works: open the queue, open a site, decide every item on the fast path (space accepts a right
pre-flag, y for an uncertain one), undo and re-decide, look at an item in full, step, go back,
move on to the next site, sort and search the queue. Targets: open a site < 100 ms, every
keystroke < 50 ms. Also counts the keystrokes a typical site needs when the pre-flags are right.

What is measured, per key (`Meter`):
  settled      from posting the key to the end of the last screen paint it caused (the
               screen no longer changes); includes the app's work, the DB, Textual's frame
               pacing (a paint waits up to 1/60 s for the next frame; a text pane whose height
               changed is laid out a second time a frame later) and workers the key started
               (an image decoded). Pilot's own waiting after the last paint (>= 20 ms per key
               to decide the app is idle) is not in it. This is the headline figure.
  first paint  from posting the key to the end of its first paint: when the decision, the
               moved cursor and the new detail are on screen.
  cpu          CPU time of the UI thread over the settled span: the app's work alone, which
               other processes on a busy machine cannot inflate (they inflate the others).
"worst warm" leaves out the first (cold) occurrence of each kind of key (screen + key): the
first time a screen is built, styles resolved, code paths warmed.

Each run is a fresh process on a fresh copy of one seeded store (seeding 290 sites takes a
minute, so the seeded SQLite folder is cached; --fresh re-seeds). The figures of every run
are printed, then the spread; the load average shows how busy the machine was.

    /tmp/v/bin/python bench/tui.py [--runs 3] [--sites 290] [--captures 50]
        [--review-sites 10] [--db URL] [--cache DIR] [--fresh] [--profile FILE.html|FILE.txt]
        [--save FILE.json]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (160, 45)
QUIET_SECONDS = 0.06  # no paint for this long after Pilot's idle wait: the key has settled


@dataclass
class Sample:
    kind: str  # "<screen>:<key>"
    latency: float  # key posted -> last paint it caused (the screen has settled)
    cpu: float  # UI-thread CPU over the same span
    first: float  # key posted -> first paint (the key's result is first on screen)


class Meter:
    """Times paints (the end of every Screen._compositor_refresh: wall and UI-thread CPU) and
    full garbage collections (which key they fell on)."""

    def __init__(self) -> None:
        import gc

        from textual.screen import Screen

        self.last_paint = 0.0
        self.last_paint_cpu = 0.0
        self.first_paint: float | None = None
        self.paints = 0
        self.current = "start"  # the key being measured, for the collections
        self.collections: list[tuple[str, float]] = []  # (key kind or "between keys", CPU s)
        refresh = Screen._compositor_refresh
        meter = self

        def timed_refresh(screen: Screen[object]) -> None:
            refresh(screen)
            meter.last_paint = time.perf_counter()
            meter.last_paint_cpu = time.thread_time()
            if meter.first_paint is None:
                meter.first_paint = meter.last_paint
            meter.paints += 1

        Screen._compositor_refresh = timed_refresh  # type: ignore[method-assign]
        began: list[float] = []

        def watch(phase: str, info: dict[str, Any]) -> None:
            if info["generation"] != 2:
                return
            if phase == "start":
                began.append(time.thread_time())
            elif began:
                meter.collections.append((meter.current, time.thread_time() - began.pop()))

        gc.callbacks.append(watch)

    async def settle(self, pilot: Any) -> None:
        """Wait until the app is idle, its workers are done and nothing painted for a while."""
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        while time.perf_counter() - self.last_paint < QUIET_SECONDS:
            await asyncio.sleep(QUIET_SECONDS / 3)
            await pilot.pause()

    async def press(self, pilot: Any, key: str) -> Sample:
        kind = f"{_screen_name(pilot.app)}:{key}"
        painted = self.paints
        self.current, self.first_paint = kind, None
        begin, begin_cpu = time.perf_counter(), time.thread_time()
        await pilot.press(key)
        await self.settle(pilot)
        self.current = "between keys"
        if self.paints == painted or self.first_paint is None:  # nothing shown: nothing to time
            return Sample(kind, 0.0, 0.0, 0.0)
        return Sample(
            kind,
            self.last_paint - begin,
            self.last_paint_cpu - begin_cpu,
            self.first_paint - begin,
        )


def _screen_name(app: Any) -> str:
    return type(app.screen).__name__.removesuffix("Screen").lower()


# -- one run (a child process) -------------------------------------------------------------------


async def drive(app: Any, review_sites: int) -> dict[str, Any]:
    from webaudit.tui.queue import QueueScreen
    from webaudit.tui.site import SiteScreen

    meter = Meter()
    opens: list[Sample] = []
    keys: list[Sample] = []
    per_site: list[int] = []
    started, started_cpu = time.perf_counter(), time.thread_time()
    async with app.run_test(size=SIZE) as pilot:
        while not isinstance(app.screen, QueueScreen) or not app.screen.shown:
            await pilot.pause()
        await meter.settle(pilot)
        queue_open = Sample(
            "queue",
            meter.last_paint - started,
            meter.last_paint_cpu - started_cpu,
            meter.last_paint - started,
        )
        queue = app.screen
        pilot_wall: list[float] = []
        for n in range(review_sites):
            if n == 0 or isinstance(app.screen, QueueScreen):
                if n:
                    keys.append(await meter.press(pilot, "down"))
                begin = time.perf_counter()
                opens.append(await meter.press(pilot, "enter"))
                pilot_wall.append(time.perf_counter() - begin)
            site = app.screen
            assert isinstance(site, SiteScreen), type(site)
            typical = 1  # the key that opened the site
            # Fast path: the pre-flags are right. Space accepts pass/fail; an uncertain
            # `review` flag needs the reviewer's own y/n (here y).
            for row in list(site.view.rows):
                keys.append(await meter.press(pilot, "space" if row.suggestion else "y"))
                typical += 1
            assert site.view.decided == len(site.view.rows), "every item decided"
            # A second look at the last item: undo, decide again, the item view and back.
            for key in ("up", "u", "n", "enter", "left", "right", "escape"):
                keys.append(await meter.press(pilot, key))
            typical += 1  # leaving: Esc to the queue, or ] straight to the next site
            per_site.append(typical)
            if n % 2 == 0:
                keys.append(await meter.press(pilot, "escape"))
                assert app.screen is queue
            else:
                opens.append(await meter.press(pilot, "right_square_bracket"))
                assert isinstance(app.screen, SiteScreen)
        if app.screen is not queue:
            keys.append(await meter.press(pilot, "escape"))
        for key in ("s", "s", "down", "up", "slash", "9", "escape"):
            keys.append(await meter.press(pilot, key))
    return {
        "queue": asdict(queue_open),
        "opens": [asdict(s) for s in opens],
        "keys": [asdict(s) for s in keys],
        "keys_per_site": per_site,
        "pilot_wall_open": pilot_wall,
        "collections": meter.collections,
        "read_ahead": getattr(getattr(app, "prefetch", None), "hits", 0),
    }


def run_child(folder: Path, round_id: str, review_sites: int, db: str | None) -> dict[str, Any]:
    from webaudit.config import Settings
    from webaudit.tui.app import build_app
    from webaudit.workspace import open_workspace

    workspace = open_workspace(Settings(evidence_dir=folder, db=db))
    try:
        app = build_app(workspace, round_id, "bench")
        return asyncio.run(drive(app, review_sites))
    finally:
        workspace.close()


# -- the parent: seed (cached), run children, report ---------------------------------------------


def seeded_template(args: argparse.Namespace) -> tuple[Path, str]:
    """A folder with a seeded SQLite store; cached by size and by the seed code's hash."""
    from tests.tui import seed

    digest = hashlib.sha256(Path(seed.__file__).read_bytes()).hexdigest()[:10]
    base = Path(args.cache or Path(tempfile.gettempdir()) / "webaudit-bench-tui")
    folder = base / f"{args.sites}x{args.captures}-{digest}"
    marker = folder / "seeded.json"
    if marker.is_file() and not args.fresh:
        return folder, json.loads(marker.read_text())["round_id"]
    from webaudit.config import Settings
    from webaudit.workspace import open_workspace

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    workspace = open_workspace(Settings(evidence_dir=folder))
    begin = time.perf_counter()
    seeded = seed.seed_review(workspace, sites=args.sites, captures_per_site=args.captures)
    workspace.close()
    print(f"seeded {args.sites} sites in {time.perf_counter() - begin:.0f} s into {folder}")
    marker.write_text(json.dumps({"round_id": seeded.round_id}))
    return folder, seeded.round_id


def one_run(template: Path, round_id: str, args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-tui-") as scratch:
        folder = Path(scratch) / "store"
        shutil.copytree(template, folder)
        command = [sys.executable, __file__, "--child", str(folder), "--round", round_id]
        command += ["--review-sites", str(args.review_sites)]
        if args.profile:
            command += ["--profile", args.profile]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"run failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def figures(samples: list[dict[str, Any]], field: str) -> tuple[float, float, float]:
    """Median, worst, and worst leaving out the first occurrence of each kind."""
    values = [s[field] for s in samples]
    seen: set[str] = set()
    warm = []
    for sample in samples:
        if sample["kind"] in seen:
            warm.append(sample[field])
        seen.add(sample["kind"])
    return statistics.median(values), max(values), max(warm or values)


def pooled(runs: list[dict[str, Any]], part: str) -> list[dict[str, Any]]:
    """Every run's samples, each kind kept apart per run (so each run has its cold ones)."""
    return [
        {**sample, "kind": f"{number}:{sample['kind']}"}
        for number, run in enumerate(runs)
        for sample in run[part]
    ]


def describe(name: str, samples: list[dict[str, Any]], target: str) -> str:
    median, worst, warm = figures(samples, "latency")
    cpu_median, cpu_worst, cpu_warm = figures(samples, "cpu")
    first_median, _, first_warm = figures(samples, "first")
    return (
        f"{name:<14} settled: median {ms(median):>4} ms, worst {ms(worst):>4}, worst warm "
        f"{ms(warm):>4} | first paint: median {ms(first_median):>4}, worst warm "
        f"{ms(first_warm):>4} | UI-thread CPU: median {ms(cpu_median):>4}, worst "
        f"{ms(cpu_worst):>4}, worst warm {ms(cpu_warm):>4} | n={len(samples)} {target}"
    )


def report(run: dict[str, Any]) -> list[str]:
    queue = run["queue"]
    over = [s for s in run["keys"] if s["latency"] > 0.05]
    slow = ", ".join(f"{s['kind']} {ms(s['latency'])}" for s in over[:8])
    during = [(kind, cpu) for kind, cpu in run["collections"] if kind != "between keys"]
    return [
        f"open queue     settled {ms(queue['latency'])} ms, UI-thread CPU {ms(queue['cpu'])} ms "
        f"(app start to {SIZE[0]}x{SIZE[1]} screen with rows)",
        describe("open site", run["opens"], "(target < 100 ms)"),
        describe("per keystroke", run["keys"], "(target every key < 50 ms)"),
        f"keys over 50 ms: {len(over)}" + (f" ({slow})" if over else ""),
        f"sites opened from a read ahead (still current): {run.get('read_ahead', 0)} of "
        f"{len(run['opens'])}",
        f"full garbage collections: {len(run['collections'])}, during a key: "
        + (", ".join(f"{kind} {ms(cpu)} ms" for kind, cpu in during) or "none"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh processes, one after another")
    parser.add_argument("--sites", type=int, default=290)
    parser.add_argument("--captures", type=int, default=50)
    parser.add_argument("--review-sites", type=int, default=10, help="sites decided end to end")
    parser.add_argument("--db", help="SQLAlchemy URL (PostgreSQL): seeded fresh, one run")
    parser.add_argument("--cache", help="folder for the seeded SQLite store (default: temp dir)")
    parser.add_argument("--fresh", action="store_true", help="seed again even if cached")
    parser.add_argument("--profile", help="write a pyinstrument HTML profile of a run here")
    parser.add_argument("--save", help="write every sample of every run here (JSON)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--round", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:  # one run, in its own process; prints JSON
        profiler = None
        if args.profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005, async_mode="disabled")
            profiler.start()
        result = run_child(Path(args.child), args.round, args.review_sites, None)
        if profiler is not None:
            profiler.stop()
            target = Path(args.profile)  # .txt: a text tree to read in a terminal
            target.write_text(
                profiler.output_text(show_all=False, color=False)
                if target.suffix == ".txt"
                else profiler.output_html()
            )
        print(json.dumps(result))
        return

    load_before = os.getloadavg()
    runs: list[dict[str, Any]] = []
    if args.db:
        from tests.tui.seed import seed_review
        from webaudit.config import Settings
        from webaudit.workspace import open_workspace

        with tempfile.TemporaryDirectory(prefix="bench-tui-") as folder:
            workspace = open_workspace(Settings(evidence_dir=Path(folder), db=args.db))
            seeded = seed_review(workspace, sites=args.sites, captures_per_site=args.captures)
            workspace.close()
            runs.append(run_child(Path(folder), seeded.round_id, args.review_sites, args.db))
        dialect = "postgresql"
    else:
        template, round_id = seeded_template(args)
        for _ in range(args.runs):
            runs.append(one_run(template, round_id, args))
        dialect = "sqlite"
    load_after = os.getloadavg()
    if args.save:
        Path(args.save).write_text(json.dumps({"load": [load_before, load_after], "runs": runs}))

    print(
        f"store: {args.sites} sites x 16 items x {args.captures} captures/site ({dialect}); "
        f"{len(runs)} run(s), {args.review_sites} sites reviewed per run; "
        f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after "
        f"({os.cpu_count()} CPUs)"
    )
    for number, run in enumerate(runs, start=1):
        print(f"-- run {number}")
        for line in report(run):
            print("   " + line)
    if len(runs) > 1:
        print("-- all runs together (cold = the first of each kind in each run)")
        print("   " + describe("open site", pooled(runs, "opens"), ""))
        print("   " + describe("per keystroke", pooled(runs, "keys"), ""))
        queue = [r["queue"]["latency"] for r in runs]
        print(f"   open queue     settled {' / '.join(ms(q) for q in queue)} ms over the runs")
        for name, part in (("open site", "opens"), ("keystroke", "keys")):
            spread = [figures(r[part], "latency") for r in runs]
            print(
                f"   {name} spread over runs: median {ms(min(f[0] for f in spread))}-"
                f"{ms(max(f[0] for f in spread))} ms, worst warm "
                f"{ms(min(f[2] for f in spread))}-{ms(max(f[2] for f in spread))} ms"
            )
    per_site = [n for r in runs for n in r["keys_per_site"]]
    print(
        f"keystrokes per site when the pre-flags are right: {statistics.median(per_site):.0f} "
        "(open it, one key per item: space accepts pass/fail, y/n for an uncertain one, "
        "then Esc or ] to the next site)"
    )


if __name__ == "__main__":
    main()

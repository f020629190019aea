"""Crawl benchmark: generate N fake municipal sites, serve them, crawl them, print figures.

    /tmp/v/bin/python bench/crawl.py --sites 50
    /tmp/v/bin/python bench/crawl.py --sites 290 --latency 0.05

The test web (tests/testweb) is served by a separate process, so its CPU is not the
crawler's; the crawl runs in this process exactly as `webaudit crawl` would. Printed:

- wall time, pages captured, pages/s, requests;
- peak RSS of the crawler and everything it started (Python, Playwright driver, Chromium,
  PDF worker), summed over processes and sampled every 0.2 s;
- the lower bound on wall time set by politeness and rendering, and the ratio to it:
    politeness = max over hosts of (requests to the host x that host's delay)
    rendering  = CPU seconds used by the browser and its driver / CPU cores
  (the issue's "total render time / parallel workers" is printed as well, for comparison);
- found-rate: (site, item) pairs, where the item exists, whose page (or the page linking to
  it) was captured - scored by the test web's own ground truth (`Web.coverage`).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlmodel import select  # noqa: E402

from tests.testweb import generate_web  # noqa: E402
from webaudit.config import Settings  # noqa: E402
from webaudit.crawl.job import crawl_municipalities  # noqa: E402
from webaudit.municipalities import load_registry  # noqa: E402
from webaudit.store.tables import Capture  # noqa: E402
from webaudit.workspace import open_workspace  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def _children(pid: int) -> list[int]:
    """Children of every thread of `pid` (Playwright's driver starts Chromium from a thread)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(p) for p in task.read_text().split()]
        except OSError:
            continue
    return found


def _tree(pid: int, exclude: set[int]) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        if current in exclude:
            continue
        out.append(current)
        todo.extend(_children(current))
    return out


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return 0


def _pss(pid: int) -> int:
    """Proportional set size: shared pages divided among the processes sharing them."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _label(pid: int) -> str:
    """A short name for a process: python, driver, chromium:<type>."""
    try:
        arguments = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    program = arguments[0].decode(errors="replace")
    if "chrom" in program:
        # Chromium rewrites its command line into one string: look for --type= anywhere.
        whole = b" ".join(arguments).decode(errors="replace")
        found = re.search(r"--type=([a-z-]+)", whole)
        return f"chromium:{found.group(1) if found else 'browser'}"
    return "driver" if program.endswith("node") else Path(program).name


def _cpu_of(pid: int) -> tuple[str, float] | None:
    """(kind, CPU seconds so far) of a process: 'chromium', 'driver', 'python' or 'other'."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode(errors="replace")
    except OSError:
        return None
    fields = stat[stat.rfind(")") + 2 :].split()
    seconds = (int(fields[11]) + int(fields[12])) / TICKS
    kind = (
        "chromium"
        if "chrom" in command
        else "driver"
        if command.endswith("node")
        else ("python" if "python" in command else "other")
    )
    return kind, seconds


class Sampler(threading.Thread):
    """Every 0.2 s: summed RSS and PSS of this process and its descendants (the test-web
    server excluded), and each descendant's CPU time (kept after it exits: its last value)."""

    def __init__(self, exclude: set[int]) -> None:
        super().__init__(daemon=True)
        self.exclude = exclude
        self.peak_rss = self.peak_pss = self.peak_processes = 0
        self.cpu: dict[int, tuple[str, float]] = {}
        self.own_cpu = 0.0  # CPU of this sampling thread, not the crawler's
        self.peak_parts: list[tuple[str, int]] = []
        self._halt = threading.Event()

    def run(self) -> None:
        rounds = 0
        while not self._halt.wait(0.2):
            rounds += 1
            self.sample(with_pss=rounds % 10 == 0)  # smaps_rollup is costly: every 2 s
        self.own_cpu = time.thread_time()

    def sample(self, *, with_pss: bool = False) -> None:
        pids = _tree(os.getpid(), self.exclude)
        sizes = {pid: _rss(pid) for pid in pids}
        rss = sum(sizes.values())
        for pid in pids:
            if pid != os.getpid():
                cpu = _cpu_of(pid)
                if cpu is not None:
                    known = self.cpu.get(pid)
                    # A process that has exited (a zombie) shows no command line: keep its kind.
                    kind = known[0] if known is not None and cpu[0] == "other" else cpu[0]
                    self.cpu[pid] = (kind, cpu[1])
        if rss > self.peak_rss:
            self.peak_rss, self.peak_processes = rss, len(pids)
            self.peak_parts = sorted(
                ((_label(pid), size) for pid, size in sizes.items()), key=lambda p: -p[1]
            )
        if with_pss:
            self.peak_pss = max(self.peak_pss, sum(_pss(pid) for pid in pids))

    def stop(self) -> None:
        self._halt.set()
        self.join()
        self.sample(with_pss=True)

    def cpu_by_kind(self) -> dict[str, float]:
        totals: dict[str, float] = {}
        for kind, seconds in self.cpu.values():
            totals[kind] = totals.get(kind, 0.0) + seconds
        return totals


def _machine_busy() -> float:
    """CPU seconds the whole machine has spent busy (all processes, all cores)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / TICKS


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def serve(sites: int, seed: int, latency: float, out: Path) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        "-m",
        "tests.testweb",
        "--sites",
        str(sites),
        "--seed",
        str(seed),
        "--latency",
        str(latency),
        "--out",
        str(out),
    ]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    for line in server.stdout:
        if line.startswith("Ctrl-C"):
            return server
    raise SystemExit("the test web did not start")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sites", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--latency", type=float, default=0.05, help="seconds added to every response"
    )
    parser.add_argument("--delay", type=float, default=1.0, help="per-host delay (seconds)")
    parser.add_argument(
        "--workers", type=int, default=0, help="browser pages (0: sized for the machine)"
    )
    parser.add_argument("--max-pages", type=int, default=60)
    parser.add_argument(
        "--evidence", type=Path, help="evidence folder to keep (default: temporary)"
    )
    parser.add_argument(
        "--profile", type=Path, help="write a cProfile of the crawler's Python here"
    )
    parser.add_argument(
        "--missed", action="store_true", help="list the (site, item) pairs not found"
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-crawl-"))
    evidence = args.evidence or work / "evidence"
    if evidence.exists():
        shutil.rmtree(evidence)
    server = serve(args.sites, args.seed, args.latency, work / "web")
    sampler = Sampler({server.pid})
    try:
        registry = load_registry(work / "web" / "registry.csv")
        settings = Settings(
            evidence_dir=evidence,
            crawl={
                "allow_private": True,
                "per_host_delay": args.delay,
                "workers": args.workers,
                "max_pages_per_site": args.max_pages,
            },
        )
        workspace = open_workspace(settings)
        workspace.ensure_round(None)
        children_before, self_before = _cpu(resource.RUSAGE_CHILDREN), _cpu(resource.RUSAGE_SELF)
        machine_before = _machine_busy()
        sampler.start()
        profiler = cProfile.Profile() if args.profile else None
        started = time.monotonic()
        if profiler is not None:
            profiler.enable()
        report = crawl_municipalities(workspace, registry.municipalities, fresh=True)
        if profiler is not None:
            profiler.disable()
        wall = time.monotonic() - started
        machine_busy = _machine_busy() - machine_before
        sampler.stop()
        python_cpu = _cpu(resource.RUSAGE_SELF) - self_before - sampler.own_cpu
        by_kind = sampler.cpu_by_kind()
        browser_cpu = by_kind.get("chromium", 0.0) + by_kind.get("driver", 0.0)
        with workspace.store.session() as session:
            captures = session.exec(
                select(Capture.municipality_code, Capture.url, Capture.final_url)
            ).all()
        workspace.close()
    finally:
        measured = _cpu_of(server.pid)  # read directly: its own process, not a residual
        server.terminate()
        server.wait(30)
    server_cpu = measured[1] if measured is not None else 0.0
    # The browser's CPU from the kernel's accounts of reaped children (the driver reaps Chromium,
    # this process reaps the driver): sampling /proc every 0.2 s misses what short-lived
    # processes and the last moments of recycled ones used.
    children_cpu = _cpu(resource.RUSAGE_CHILDREN) - children_before
    pdf_worker_cpu = by_kind.get("python", 0.0)
    browser_cpu = max(browser_cpu, children_cpu - server_cpu - pdf_worker_cpu)

    # The same web the server generated: the ground truth (built after the crawl, so that its
    # memory is not counted as the crawler's).
    generated = time.monotonic()
    web = generate_web(args.sites, args.seed)
    generated = time.monotonic() - generated
    found: dict[str, set[str]] = {}
    for code, url, final in captures:
        found.setdefault(code, set()).update((url, final))
    coverage = web.coverage(found)
    stats = report.stats
    pages = sum(o.pages for o in report.outcomes)
    cores = len(os.sched_getaffinity(0))
    polite_host, polite = max(
        ((h, n * stats.host_delays.get(h, args.delay)) for h, n in stats.host_requests.items()),
        key=lambda pair: pair[1],
        default=("-", 0.0),
    )
    render_bound = browser_cpu / cores
    bound = max(polite, render_bound)
    statuses: dict[str, int] = {}
    for outcome in report.outcomes:
        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1

    print(
        f"sites                {args.sites} (+1 dead), seed {args.seed}, latency {args.latency}s, delay {args.delay}s"
    )
    print(f"web generated in     {generated:.1f} s")
    print(f"statuses             {statuses}")
    print(f"wall time            {wall:.1f} s")
    print(f"pages captured       {pages}")
    print(f"pages/s              {pages / wall:.2f}")
    print(f"requests             {stats.requests} (browser sub-resources {stats.subresources})")
    print(
        f"renders              {stats.renders} on {stats.render_workers} browser pages, sites in parallel <= {stats.max_sites_in_parallel}"
    )
    print(
        f"browser pool         busy {stats.pool_busy_share:.0%} of the time, renders waiting "
        f"{stats.pool_backlog_share:.0%}, sites in parallel {stats.mean_sites_in_parallel:.1f} on average; "
        f"first {stats.ramp_seconds:.0f} s ramp-up, last {stats.tail_seconds:.0f} s tail"
    )
    print(
        f"peak RSS             {sampler.peak_rss / 2**20:.0f} MB summed over {sampler.peak_processes} processes (PSS {sampler.peak_pss / 2**20:.0f} MB)"
    )
    print(
        "  at the peak: "
        + ", ".join(f"{name} {size / 2**20:.0f}" for name, size in sampler.peak_parts)
    )
    print(
        f"CPU                  chromium + driver {browser_cpu:.1f} s (sampled: chromium {by_kind.get('chromium', 0):.1f} s, driver {by_kind.get('driver', 0):.1f} s), "
        f"crawler python {python_cpu:.1f} s (of which writer thread {stats.writer_cpu_seconds:.1f} s) (+ PDF worker {by_kind.get('python', 0):.1f} s), "
        f"test-web server {max(0.0, server_cpu):.1f} s; {cores} cores"
    )
    ours = browser_cpu + pdf_worker_cpu + python_cpu
    print(
        f"machine              {machine_busy:.0f} CPU s busy of {wall * cores:.0f} available; "
        f"other processes (test web {server_cpu:.0f} s, other users) {max(0.0, machine_busy - ours):.0f} s"
    )
    print(f"bound: politeness    {polite:.1f} s (host {polite_host})")
    print(
        f"bound: rendering     {render_bound:.1f} s (chromium + driver CPU / {cores} cores; {browser_cpu / max(1, stats.renders) * 1000:.0f} ms per render)"
    )
    print(
        f"       (render wall time / workers = {stats.render_seconds / max(1, stats.render_workers):.1f} s)"
    )
    print(f"lower bound          {bound:.1f} s")
    print(f"ratio to bound       {wall / bound:.2f}" if bound else "ratio to bound       -")
    print(
        f"found-rate           {coverage.rate:.4f} ({coverage.hits}/{coverage.total} (site, item) pairs)"
    )
    if args.missed:
        for code, item in coverage.missed:
            print(f"  missed {code} {item}")
    if profiler is not None:
        profiler.dump_stats(args.profile)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    if args.evidence is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

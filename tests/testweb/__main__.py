"""Serve a generated test web in the foreground for manual exploration.

    python -m tests.testweb --sites 20 --seed 1
    python -m tests.testweb --sites 5 --features js_content,cookie_overlay --port 8080

Prints the registry CSV path (code,name,website) and the ground-truth JSON path; Ctrl-C stops.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

from .generator import FEATURES, FeatureSpec, generate_web
from .server import serve_web, write_registry_csv


def parse_features(value: str | None) -> FeatureSpec:
    if value is None or value == "all":
        return None
    if value in ("", "none"):
        return []
    spec: dict[str, float | int] = {}
    for part in value.split(","):
        name, _, amount = part.strip().partition("=")
        if not amount:
            spec[name] = FEATURES[name][0] if name in FEATURES else 0
        else:
            spec[name] = float(amount) if "." in amount else int(amount)
    return spec


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tests.testweb",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--sites", type=int, default=20, help="number of municipal sites (default 20)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    ap.add_argument(
        "--features",
        default=None,
        help="'all' (default), 'none', or a comma list like 'js_content,traps=0.5,alert=2' "
        f"(known: {', '.join(FEATURES)})",
    )
    ap.add_argument("--latency", type=float, default=0.0, help="seconds added to every response")
    ap.add_argument(
        "--port",
        type=int,
        default=0,
        help="same fixed port on every address (default: ephemeral per host)",
    )
    ap.add_argument("--slow-seconds", type=float, default=3.0, help="delay of the slow host")
    ap.add_argument(
        "--out",
        type=Path,
        default=None,
        help="directory for registry.csv and truth.json (default: a temp dir)",
    )
    ap.add_argument("--list-features", action="store_true", help="print the feature list and exit")
    args = ap.parse_args(argv)

    if args.list_features:
        for name, (amount, desc) in FEATURES.items():
            print(f"{name:20} {amount!s:6} {desc}")
        return 0

    t0 = time.monotonic()
    web = generate_web(
        args.sites, args.seed, parse_features(args.features), slow_seconds=args.slow_seconds
    )
    t1 = time.monotonic()
    srv = serve_web(web, args.latency, port=args.port)
    out = args.out or Path(tempfile.mkdtemp(prefix="testweb-"))
    out.mkdir(parents=True, exist_ok=True)
    registry = write_registry_csv(web, out / "registry.csv")
    truth = out / "truth.json"
    truth.write_text(json.dumps(web.truth_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    stats = web.stats()
    print(
        f"generated {stats['sites']} sites, {stats['hosts']} extra hosts, {stats['pages']} pages "
        f"({stats['bytes'] / 1e6:.1f} MB) in {t1 - t0:.2f}s; serving after {srv.startup_seconds:.2f}s"
    )
    print(f"registry: {registry}")
    print(f"truth:    {truth}")
    for s in web.sites[:5]:
        print(
            f"  {s.code} {s.name:14} {web.entry_url(s):32} home care: {web.url(s.home_care[0])}  [{', '.join(s.features)}]"
        )
    if len(web.sites) > 5:
        print(f"  ... and {len(web.sites) - 5} more (see {registry})")
    print("Ctrl-C to stop.")
    sys.stdout.flush()

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        srv.stop()
        n = len(srv.requests())
        print(f"stopped; {n} requests served")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

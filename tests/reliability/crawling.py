"""Running real crawls in a subprocess against loopback sites, and reading what they stored."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FAST = ("--allow-private", "--delay", "0.05", "--workers", "2")


def crawl_command(evidence: Path, registry: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "webaudit",
        "--evidence-dir",
        str(evidence),
        "crawl",
        "--municipalities",
        str(registry),
        *FAST,
        *extra,
    ]


def run_crawl(
    evidence: Path, registry: Path, *extra: str, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        crawl_command(evidence, registry, *extra),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def database(evidence: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{evidence / 'webaudit.db'}?mode=ro", uri=True, timeout=30)


def capture_count(evidence: Path) -> int:
    if not (evidence / "webaudit.db").exists():
        return 0
    try:
        with database(evidence) as connection:
            return int(connection.execute("SELECT COUNT(*) FROM capture").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is still being created
        return 0


def captured_urls(evidence: Path) -> dict[str, list[str]]:
    """Per municipality, the URLs of its newest crawl run (with repeats, to spot duplicates)."""
    found: dict[str, list[str]] = defaultdict(list)
    with database(evidence) as connection:
        rows = connection.execute(
            "SELECT c.municipality_code, c.url FROM capture c JOIN crawl_run r ON r.id = c.crawl_run_id "
            "WHERE r.id = (SELECT MAX(id) FROM crawl_run WHERE municipality_code = c.municipality_code)"
        ).fetchall()
    for code, url in rows:
        found[code].append(url)
    return {code: sorted(urls) for code, urls in found.items()}


def runs(evidence: Path) -> list[tuple[int, str, str]]:
    with database(evidence) as connection:
        return [
            tuple(r)
            for r in connection.execute(
                "SELECT id, municipality_code, status FROM crawl_run ORDER BY id"
            ).fetchall()
        ]

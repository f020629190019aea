"""Crawl faults with the real browser: kill -9 mid-crawl and resume; a disk that fills up while
a capture is written (a real small tmpfs where we may mount one, else ENOSPC injected at the
evidence writer's OS calls)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.crawling import (
    ROOT,
    capture_count,
    captured_urls,
    crawl_command,
    run_crawl,
    runs,
)
from tests.testweb import generate_web, serve_web, write_registry_csv

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MAX_PAGES = "12"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Three plain generated municipal sites on loopback, and their registry file."""
    base = tmp_path_factory.mktemp("crawl-sites")
    web = generate_web(3, seed=3, features=[], pages=(15, 25))
    with serve_web(web, latency=0.01):
        yield write_registry_csv(web, base / "register.csv", include_dead=False)


@pytest.fixture(scope="module")
def reference(sites: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """What an uninterrupted crawl of the sites captures."""
    evidence = tmp_path_factory.mktemp("reference") / "evidence"
    result = run_crawl(evidence, sites, "--max-pages", MAX_PAGES)
    assert result.returncode == 0, result.stderr[-3000:]
    return captured_urls(evidence)


def _verify(evidence: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "webaudit", "--evidence-dir", str(evidence), *extra, "verify"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_kill_9_during_crawl_resumes_with_nothing_lost_or_duplicated(
    sites: Path, reference: dict[str, list[str]], tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    evidence = tmp_path / "evidence"
    kills = []
    for wanted in (4, 14):  # killed twice, at different points of the crawl
        process = subprocess.Popen(
            crawl_command(evidence, sites, "--max-pages", MAX_PAGES),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 300
        while capture_count(evidence) < wanted and process.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        assert process.returncode == -signal.SIGKILL, "the crawl ended before the kill"
        kills.append(capture_count(evidence))
        # Killed mid-crawl: a site may have finished already, at least one had not.
        assert any(status == "running" for _, _, status in runs(evidence)), "killed too late"
        # What is recorded so far is whole: no capture points at a missing or altered file.
        interim = _verify(evidence)
        assert "saknas:" not in interim.stdout and "ändrad:" not in interim.stdout, interim.stdout
    result = run_crawl(evidence, sites, "--max-pages", MAX_PAGES)
    assert result.returncode == 0, result.stderr[-3000:]
    got = captured_urls(evidence)
    for code, urls in got.items():
        assert len(urls) == len(set(urls)), f"{code}: a URL captured twice"
    assert got == reference
    assert [(code, status) for _, code, status in runs(evidence)] == [
        (code, "ok") for code in sorted(reference)
    ], "each site resumed in its first run, none started over"
    final = _verify(evidence)  # files, WACZ archives (WARC appended after the kills), no orphans
    assert final.returncode == 0, final.stdout + final.stderr
    request.node.user_properties.append(
        (
            "load",
            f"3 sites × ≤{MAX_PAGES} pages; killed at {kills[0]} and {kills[1]} captures; "
            f"{sum(map(len, got.values()))} pages after resuming = the uninterrupted crawl",
        )
    )


@contextlib.contextmanager
def small_disk(path: Path, size: str) -> Iterator[None]:
    path.mkdir(parents=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root); the injected ENOSPC test covers it")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def _assert_disk_full_handled(
    result: subprocess.CompletedProcess[str], evidence: Path, db: Path
) -> None:
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("fel:")]
    assert len(errors) == 1 and "kunde inte spara" in errors[0], result.stderr[-3000:]
    assert os.strerror(28) in errors[0]  # "No space left on device"
    assert all(status == "running" for _, _, status in runs_in(db)), "runs stay resumable"
    interim = _verify(evidence, "--db", str(db))
    assert "saknas:" not in interim.stdout and "ändrad:" not in interim.stdout, interim.stdout


def runs_in(db: Path) -> list[tuple[int, str, str]]:
    import sqlite3

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        return [
            tuple(r)
            for r in connection.execute("SELECT id, municipality_code, status FROM crawl_run")
        ]


def test_disk_full_on_a_real_small_filesystem(
    sites: Path, reference: dict[str, list[str]], tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    evidence, db = tmp_path / "small", tmp_path / "webaudit.db"
    with small_disk(evidence, "1500k"):
        command = crawl_command(evidence, sites, "--max-pages", MAX_PAGES)
        command[3:3] = ["--db", str(db)]
        result = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
        )
        _assert_disk_full_handled(result, evidence, db)
        stored = len(runs_in(db))
        subprocess.run(["mount", "-o", "remount,size=200m", str(evidence)], check=True)
        again = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
        )
        assert again.returncode == 0, again.stderr[-3000:]
        final = _verify(evidence, "--db", str(db))
        assert final.returncode == 0, final.stdout  # the failed capture's stray files are gone
    request.node.user_properties.append(
        (
            "load",
            f"1.5 MB tmpfs: stopped with one line; {stored} runs resumed after the disk "
            "grew; verify clean",
        )
    )


def test_disk_full_injected_at_the_os_boundary(sites: Path, tmp_path: Path) -> None:
    evidence, db = tmp_path / "evidence", tmp_path / "webaudit.db"
    command = crawl_command(evidence, sites, "--max-pages", MAX_PAGES)
    command[1:3] = ["-m", "tests.reliability.enospc", str(400_000), "--db", str(db)]
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )
    _assert_disk_full_handled(result, evidence, db)
    resumed = run_crawl(evidence, sites, "--max-pages", MAX_PAGES, "--db", str(db))
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    final = _verify(evidence, "--db", str(db))
    assert final.returncode == 0, final.stdout


def test_a_crawl_stopped_by_a_full_disk_prints_no_traceback(sites: Path, tmp_path: Path) -> None:
    """The stop cancels every site's render and visit tasks: nothing is left to print a trace."""
    evidence, db = tmp_path / "evidence", tmp_path / "webaudit.db"
    command = crawl_command(evidence, sites, "--max-pages", MAX_PAGES)
    command[1:3] = ["-m", "tests.reliability.enospc", str(150_000), "--db", str(db)]
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "never retrieved" not in result.stderr

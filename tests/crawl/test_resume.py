"""`webaudit crawl` as a user runs it: killed with SIGKILL half-way, run again, it finishes the
same runs with no duplicate and no half-written capture; `--only` re-crawls one site as a new
run; without `--allow-private` loopback sites are refused."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.testweb import generate_web, serve_web, write_registry_csv
from webaudit.config import Settings
from webaudit.verify import verify_evidence
from webaudit.workspace import open_workspace

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


def _crawl(evidence: Path, registry: Path, *extra: str) -> subprocess.Popen[str]:
    command = [
        sys.executable, "-m", "webaudit", "crawl", "--evidence-dir", str(evidence),
        "--municipalities", str(registry), "--delay", "0.2", "--workers", "3", *extra,
    ]  # fmt: skip
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _count(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return int(connection.execute(sql).fetchone()[0])
    except sqlite3.Error:
        return 0


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return list(connection.execute(sql).fetchall())


def test_killed_crawl_resumes_without_duplicates(tmp_path: Path) -> None:
    web = generate_web(
        6, seed=11, features={"cookie_overlay": 0.5, "pdf_items": 0.5, "redirects": 0.5}
    )
    evidence = tmp_path / "evidence"
    db = evidence / "webaudit.db"
    with serve_web(web, latency=0.01) as server:
        registry = write_registry_csv(web, tmp_path / "registry.csv", include_dead=False)
        first = _crawl(evidence, registry, "--allow-private")
        deadline = time.monotonic() + 240
        while _count(db, "select count(*) from capture") < 15:  # well into the crawl
            assert first.poll() is None, first.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the crawl made no progress"
            time.sleep(0.2)
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
        running = _count(db, "select count(*) from crawl_run where status = 'running'")
        assert running > 0, "killed too late: nothing left to resume"
        runs_before = _rows(db, "select id, municipality_code from crawl_run")

        second = _crawl(evidence, registry, "--allow-private")
        out, err = second.communicate(timeout=600)
        assert second.returncode == 0, err[-3000:]
        assert "redan klara" in out or running == len(web.sites)

        # The same runs were finished, none started twice.
        runs_after = _rows(db, "select id, municipality_code, status from crawl_run")
        assert {(i, c) for i, c in runs_before} <= {(i, c) for i, c, _ in runs_after}
        assert Counter(c for _, c, _ in runs_after) == Counter({s.code: 1 for s in web.sites})
        assert all(status in ("ok", "partial") for _, _, status in runs_after)
        duplicates = _rows(
            db,
            "select crawl_run_id, final_url, count(*) from capture group by 1, 2 having count(*) > 1",
        )
        assert duplicates == []
        resumed = _count(db, "select count(*) from crawl_log where kind = 'resume'")
        assert resumed == running

        # No half-written capture, no stray file, archives whole.
        workspace = open_workspace(Settings(evidence_dir=evidence))
        report = verify_evidence(workspace.store, workspace.evidence)
        assert report.ok, (report.missing, report.altered, report.orphaned, report.invalid_archives)
        assert not list(evidence.rglob(".tmp-*"))
        assert not list(evidence.rglob("*.pending"))

        found: dict[str, set[str]] = {}
        for code, url, final in _rows(db, "select municipality_code, url, final_url from capture"):
            found.setdefault(str(code), set()).update((str(url), str(final)))
        assert web.coverage(found).rate >= 0.98

        # --only: one site again, as a new run; the old captures stay.
        code = web.sites[0].code
        old = _count(db, f"select count(*) from capture where municipality_code = '{code}'")
        third = _crawl(evidence, registry, "--allow-private", "--only", code)
        out, err = third.communicate(timeout=300)
        assert third.returncode == 0, err[-3000:]
        runs = _rows(
            db, f"select id, status from crawl_run where municipality_code = '{code}' order by id"
        )
        assert len(runs) == 2 and runs[1][1] in ("ok", "partial")
        assert _count(db, f"select count(*) from capture where municipality_code = '{code}'") > old
        assert _count(db, f"select count(*) from capture where crawl_run_id = {runs[0][0]}") == old
        workspace.close()
        assert server.requests()


def test_loopback_sites_are_refused_without_allow_private(tmp_path: Path) -> None:
    web = generate_web(2, seed=3, features=[])
    with serve_web(web) as server:
        registry = write_registry_csv(web, tmp_path / "registry.csv", include_dead=False)
        process = _crawl(tmp_path / "evidence", registry)
        out, err = process.communicate(timeout=120)
        assert process.returncode != 0
        assert "ingen kommun kunde genomsökas" in err
        assert "--allow-private" in out
        assert server.requests() == []  # not one request reached the sites

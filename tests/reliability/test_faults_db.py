"""Database faults: reviewers killed mid-decision, PostgreSQL restarted mid-review, and two to
four reviewers writing at once for a sustained run, with zero lost updates."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import col, func, select

from tests.conftest import make_workspace
from tests.pgserver import PostgresServer, create_database
from tests.reliability.seed import seed_members
from webaudit.decision_check import check_decisions
from webaudit.store.tables import Decision
from webaudit.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
DECISIONS = int(os.environ.get("WEBAUDIT_RELIABILITY_DECISIONS", "2000"))
REVIEWERS = int(os.environ.get("WEBAUDIT_RELIABILITY_REVIEWERS", "4"))


def start_worker(ws: Workspace, reviewer: str, *extra: str) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        "-m",
        "tests.reliability.workers",
        "decide",
        "--db",
        ws.settings.db_url,
        "--evidence",
        str(ws.settings.evidence_dir),
        "--reviewer",
        reviewer,
        *extra,
    ]
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def outcomes(stdout: str) -> tuple[dict[int, tuple[str, str, int]], int, list[str]]:
    """(decisions the worker was told were saved, stale refusals, user-facing errors)."""
    saved: dict[int, tuple[str, str, int]] = {}
    stale = 0
    errors = []
    for line in stdout.splitlines():
        kind, _, rest = line.partition(" ")
        if kind == "ok":
            decision_id, code, item, revision = rest.split()
            saved[int(decision_id)] = (code, item, int(revision))
        elif kind == "stale":
            stale += 1
        elif kind == "fel":
            errors.append(rest)
    return saved, stale, errors


def assert_all_landed(
    ws: Workspace, saved: dict[int, tuple[str, str, int]], *, exact: bool
) -> None:
    """Every acknowledged decision is stored as acknowledged; the history is consistent."""
    with ws.store.session() as session:
        rows = {d.id: d for d in session.exec(select(Decision)).all()}
        problems = check_decisions(session)
    assert problems == []
    for decision_id, (code, item, revision) in saved.items():
        stored = rows.get(decision_id)
        assert stored is not None, f"acknowledged decision {decision_id} lost"
        assert (stored.municipality_code, stored.item_id, stored.revision) == (code, item, revision)
    if exact:
        assert set(rows) == set(saved), "stored decisions nobody was told about"


@pytest.fixture
def members_ws(tmp_path: Path, db_url: str) -> Iterator[Workspace]:
    ws = make_workspace(tmp_path, db=db_url)
    seed_members(ws)
    yield ws
    ws.close()


@pytest.mark.postgres
@pytest.mark.slow
def test_concurrent_reviewers_lose_no_update(
    members_ws: Workspace, request: pytest.FixtureRequest
) -> None:
    ws = members_ws
    share = DECISIONS // REVIEWERS
    started = time.monotonic()
    workers = [
        start_worker(ws, f"granskare{n}", "--count", str(share), "--seed", str(n), "--items", "4")
        for n in range(REVIEWERS)
    ]
    saved: dict[int, tuple[str, str, int]] = {}
    stale = 0
    for worker in workers:
        out, err = worker.communicate(timeout=900)
        assert worker.returncode == 0, err[-2000:]
        got, refused, errors = outcomes(out)
        assert errors == []
        assert len(got) == share
        saved.update(got)
        stale += refused
    seconds = time.monotonic() - started
    assert len(saved) == share * REVIEWERS
    assert stale > 0, "the reviewers never collided: the test proved nothing"
    assert_all_landed(ws, saved, exact=True)
    with ws.store.session() as session:
        heads_total = session.exec(select(func.max(col(Decision.revision)))).one()
    assert heads_total and heads_total > 1
    request.node.user_properties.append(
        (
            "load",
            f"{REVIEWERS} reviewers × {share} = {share * REVIEWERS} decisions on 12 items, "
            f"{stale} stale writes retried, {seconds:.1f} s ({ws.store.dialect})",
        )
    )


@pytest.mark.postgres
def test_kill_9_during_decisions_loses_nothing_acknowledged(
    members_ws: Workspace, request: pytest.FixtureRequest
) -> None:
    ws = members_ws
    worker = start_worker(ws, "anna", "--count", "100000", "--seed", "7")
    assert worker.stdout is not None
    first = [worker.stdout.readline() for _ in range(40)]  # it is deciding now
    time.sleep(0.05)
    os.kill(worker.pid, signal.SIGKILL)
    rest, _ = worker.communicate(timeout=30)
    assert worker.returncode == -signal.SIGKILL
    saved, _, _ = outcomes("".join(first) + rest)
    assert len(saved) >= 40
    # The one in flight is either fully stored or not at all: the history stays consistent.
    assert_all_landed(ws, saved, exact=False)
    with ws.store.session() as session:
        stored = session.exec(select(func.count()).select_from(Decision)).one()
    assert stored - len(saved) in (0, 1)
    request.node.user_properties.append(
        (
            "load",
            f"killed after {len(saved)} acknowledged decisions ({stored - len(saved)} in "
            f"flight landed whole); 30 more after restart ({ws.store.dialect})",
        )
    )
    resumed = start_worker(ws, "anna", "--count", "30", "--seed", "8")
    out, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, err[-2000:]
    more, _, _ = outcomes(out)
    assert len(more) == 30
    assert_all_landed(ws, {**saved, **more}, exact=False)


class RestartablePostgres(PostgresServer):
    """The throwaway server, which this test may stop and start again."""

    def stop_only(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def start_again(self) -> None:
        self.launch()


@pytest.fixture
def own_postgres() -> Iterator[RestartablePostgres]:
    if os.environ.get("WEBAUDIT_TEST_SKIP_PG") == "1":
        pytest.skip("WEBAUDIT_TEST_SKIP_PG=1")
    server = RestartablePostgres()
    try:
        server.start()
    except Exception as error:
        server.stop()
        pytest.fail(f"could not start a throwaway PostgreSQL server: {error}")
    yield server
    server.stop()


@pytest.mark.postgres
@pytest.mark.slow
def test_postgres_restarted_mid_review(
    own_postgres: RestartablePostgres, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    ws = make_workspace(tmp_path, db=create_database(own_postgres.admin_url))
    seed_members(ws)
    ws.close()
    worker = start_worker(ws, "anna", "--via", "service", "--count", "150", "--pause", "0.02")
    assert worker.stdout is not None
    before = [worker.stdout.readline() for _ in range(20)]
    own_postgres.stop_only()
    down = 2.0
    time.sleep(down)  # reviewers keep pressing keys while the server is away
    own_postgres.start_again()
    out, err = worker.communicate(timeout=300)
    assert worker.returncode == 0, err[-3000:]
    assert "Traceback" not in err
    saved, _, errors = outcomes("".join(before) + out)
    retries = err.count("försöker igen")
    assert retries > 0, "the worker never saw the database go away"
    assert len(saved) == 150
    for message in errors:  # past the retry deadline a reviewer sees one clear line
        assert "går inte att nå" in message
    ws = make_workspace(tmp_path, db=ws.settings.db_url)
    assert_all_landed(ws, saved, exact=True)
    ws.close()
    request.node.user_properties.append(
        (
            "load",
            f"server down {down:.0f} s during 150 decisions; {retries} retries, "
            f"{len(errors)} messages shown, 0 lost",
        )
    )


@pytest.mark.postgres
def test_unreachable_database_is_one_clear_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "webaudit", "--db", "postgresql://x@127.0.0.1:9/none", "score"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stderr.startswith("fel: ") and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1

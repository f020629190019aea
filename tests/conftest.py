"""Shared fixtures: workspaces on SQLite and a real throwaway PostgreSQL, and the demo sites."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pgserver import PostgresServer, create_database
from webaudit.config import Settings
from webaudit.workspace import Workspace, open_workspace


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """A PostgreSQL server for this test session (each xdist worker starts its own)."""
    existing = os.environ.get("WEBAUDIT_TEST_PG_URL")
    if existing:
        yield existing
        return
    if os.environ.get("WEBAUDIT_TEST_SKIP_PG") == "1":
        pytest.skip("WEBAUDIT_TEST_SKIP_PG=1")
    server = PostgresServer()
    try:
        server.start()
    except Exception as error:  # a missing server is a set-up failure, not a skip
        server.stop()
        pytest.fail(f"could not start the throwaway PostgreSQL server: {error}")
    try:
        yield server.admin_url
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_admin_url: str) -> str:
    """A fresh, empty database on the throwaway server."""
    return create_database(postgres_admin_url)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Run the test once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'webaudit.db'}"
    return str(request.getfixturevalue("postgres_url"))


def make_workspace(tmp_path: Path, db: str | None = None, **settings: object) -> Workspace:
    evidence = tmp_path / "evidence"
    return open_workspace(Settings(evidence_dir=evidence, db=db, **settings))  # type: ignore[arg-type]


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A workspace with SQLite in a temporary evidence folder."""
    ws = make_workspace(tmp_path)
    yield ws
    ws.close()


@pytest.fixture
def any_workspace(tmp_path: Path, db_url: str) -> Iterator[Workspace]:
    """A workspace on SQLite and on PostgreSQL (parametrised)."""
    ws = make_workspace(tmp_path, db=db_url)
    yield ws
    ws.close()

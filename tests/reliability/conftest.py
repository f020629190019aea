"""Fixtures for the reliability tests: a seeded round, a signing key, and a CLI runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.conftest import make_workspace
from tests.reliability.seed import Seeded, seed_round
from webaudit.cli.main import cli
from webaudit.signing import KeyInfo, create_key
from webaudit.workspace import Workspace


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[tuple[Workspace, Seeded]]:
    """A SQLite workspace holding one round with captures, files, WACZ, findings, decisions."""
    ws = make_workspace(tmp_path)
    yield ws, seed_round(ws)
    ws.close()


@pytest.fixture
def team_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> KeyInfo:
    """The team's signing key in a private config folder (outside the evidence folder)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("WEBAUDIT_SIGNING_KEY", raising=False)
    monkeypatch.delenv("WEBAUDIT_SIGNING_PASSPHRASE", raising=False)
    return create_key(tmp_path / "config" / "webaudit" / "signing-key.pem")


def run_cli(ws: Workspace, *args: str) -> Result:
    """`webaudit --db ... --evidence-dir ... <args>` in-process."""
    base = ["--db", ws.settings.db_url, "--evidence-dir", str(ws.settings.evidence_dir)]
    return CliRunner().invoke(cli, [*base, *args], catch_exceptions=False)

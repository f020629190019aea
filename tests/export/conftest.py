"""Fixtures for export tests: a workspace with a built round (see factory.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_workspace
from tests.export.factory import BuiltRound, build_round
from webaudit.workspace import Workspace


@pytest.fixture
def built(tmp_path: Path) -> Iterator[tuple[Workspace, BuiltRound]]:
    """Three municipalities on SQLite, the first with hostile page content."""
    workspace = make_workspace(tmp_path)
    try:
        yield workspace, build_round(workspace, sites=3, hostile=True)
    finally:
        workspace.close()

"""Fixtures: a seeded review round, on SQLite and (parametrised) PostgreSQL, and app helpers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from textual.app import App

from tests.conftest import make_workspace
from tests.tui.seed import Seeded, seed_review
from webaudit.tui.app import ReviewApp, build_app
from webaudit.workspace import Workspace


@dataclass
class RecordingOpener:
    """Stands in for the system viewer and browser: records what would have been opened."""

    files: list[Path] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)

    def open_file(self, app: App[object], path: Path) -> str:
        self.files.append(path)
        return f"Öppnar {path.name}"

    def open_url(self, app: App[object], url: str) -> str:
        self.urls.append(url)
        return f"Öppnar {url}"


@pytest.fixture
def seeded_workspace(tmp_path: Path) -> Iterator[tuple[Workspace, Seeded]]:
    workspace = make_workspace(tmp_path)
    seeded = seed_review(workspace)
    yield workspace, seeded
    workspace.close()


@pytest.fixture
def seeded_any(tmp_path: Path, db_url: str) -> Iterator[tuple[Workspace, Seeded]]:
    """The same seeded round on SQLite and on PostgreSQL."""
    workspace = make_workspace(tmp_path, db=db_url)
    seeded = seed_review(workspace)
    yield workspace, seeded
    workspace.close()


def make_app(
    workspace: Workspace, seeded: Seeded, reviewer: str = "anna"
) -> tuple[ReviewApp, RecordingOpener]:
    opener = RecordingOpener()
    return build_app(workspace, seeded.round_id, reviewer, opener=opener), opener

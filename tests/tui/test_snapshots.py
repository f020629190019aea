"""SVG snapshots of every screen at a fixed size (update with --snapshot-update after a look)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tests.tui.conftest import make_app
from tests.tui.seed import Seeded
from webaudit.review.service import ReviewService
from webaudit.review.team import sample_second_review
from webaudit.workspace import Workspace

SIZE = (140, 40)


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_queue(snap_compare: Any, seeded_workspace: tuple[Workspace, Seeded]) -> None:
    workspace, seeded = seeded_workspace
    app, _ = make_app(workspace, seeded)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_site(snap_compare: Any, seeded_workspace: tuple[Workspace, Seeded]) -> None:
    workspace, seeded = seeded_workspace
    app, _ = make_app(workspace, seeded)

    async def open_site(pilot: Pilot[Any]) -> None:
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("down", "down")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_site)


def test_item(snap_compare: Any, seeded_workspace: tuple[Workspace, Seeded]) -> None:
    workspace, seeded = seeded_workspace
    app, _ = make_app(workspace, seeded)

    async def open_item(pilot: Pilot[Any]) -> None:
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_item)


def test_help(snap_compare: Any, seeded_workspace: tuple[Workspace, Seeded]) -> None:
    workspace, seeded = seeded_workspace
    app, _ = make_app(workspace, seeded)
    assert snap_compare(
        app, terminal_size=SIZE, press=["enter", "question_mark"], run_before=settle
    )


def test_reason_prompt(snap_compare: Any, seeded_workspace: tuple[Workspace, Seeded]) -> None:
    workspace, seeded = seeded_workspace
    app, _ = make_app(workspace, seeded)

    async def ask_reason(pilot: Pilot[Any]) -> None:
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=ask_reason)


def _team_round(workspace: Workspace, seeded: Seeded) -> None:
    sample_second_review(workspace, seeded.round_id, 1.0, seed=1, actor="lead")
    anna = ReviewService(workspace, seeded.round_id, "anna")
    cecilia = ReviewService(workspace, seeded.round_id, "cecilia")
    for n, code in enumerate(seeded.codes):
        first, second = anna.site(code).rows, cecilia.site(code, "second").rows
        for k in range(4):
            anna.decide_row(code, first[k], "yes" if k % 2 else "no")
            cecilia.decide_row(code, second[k], "yes" if (k + n) % 3 else "no")


def test_agreement(snap_compare: Any, seeded_workspace: tuple[Workspace, Seeded]) -> None:
    workspace, seeded = seeded_workspace
    _team_round(workspace, seeded)
    app, _ = make_app(workspace, seeded, "lead")
    assert snap_compare(app, terminal_size=SIZE, press=["g"], run_before=settle)


def test_adjudication(snap_compare: Any, seeded_workspace: tuple[Workspace, Seeded]) -> None:
    workspace, seeded = seeded_workspace
    _team_round(workspace, seeded)
    app, _ = make_app(workspace, seeded, "lead")
    assert snap_compare(app, terminal_size=SIZE, press=["d"], run_before=settle)

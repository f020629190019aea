"""Press keys in the real app and check what the database holds afterwards."""

from __future__ import annotations

from textual.widgets import DataTable

from tests.tui.conftest import make_app
from tests.tui.seed import Seeded
from webaudit.store.decisions import current_decisions, decision_history
from webaudit.store.tables import Claim, Decision
from webaudit.tui.dialogs import HelpScreen, TextPrompt
from webaudit.tui.item import ItemScreen
from webaudit.tui.queue import QueueScreen
from webaudit.tui.site import SiteScreen
from webaudit.workspace import Workspace

SIZE = (140, 40)


def decisions(workspace: Workspace, seeded: Seeded, code: str) -> dict[str, Decision]:
    with workspace.store.session() as session:
        return {
            item: d for (_, item), d in current_decisions(session, seeded.round_id, code).items()
        }


async def open_site(pilot: object, app: object, code: str) -> SiteScreen:
    from textual.pilot import Pilot

    from webaudit.tui.app import ReviewApp

    assert isinstance(pilot, Pilot) and isinstance(app, ReviewApp)
    await pilot.pause()
    queue = app.screen
    assert isinstance(queue, QueueScreen)
    await pilot.press("slash", *code, "enter")
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, SiteScreen) and app.screen.code == code
    return app.screen


async def test_fast_path_accepts_preflags_and_records_everything(
    seeded_workspace: tuple[Workspace, Seeded],
) -> None:
    workspace, seeded = seeded_workspace
    code = seeded.codes[0]
    app, _ = make_app(workspace, seeded)
    async with app.run_test(size=SIZE) as pilot:
        site = await open_site(pilot, app, code)
        rows = site.view.rows
        # item 0 is `pass`, item 1 `fail`, item 2 `review` (see the seed)
        await pilot.press("space", "space")
        await pilot.press("space")  # a `review` flag cannot be accepted blindly
        assert "osäker" in str(site.query_one("#status").render())
        await pilot.press("n")
        await pilot.pause()
        assert site.index == 3
    stored = decisions(workspace, seeded, code)
    assert stored[rows[0].item.id].value == "yes"
    assert stored[rows[1].item.id].value == "no"
    assert stored[rows[2].item.id].value == "no"
    assert len(stored) == 3
    first = stored[rows[0].item.id]
    assert first.reviewer == "anna" and first.role == "primary"
    assert first.seconds_spent >= 0 and first.checklist_version == workspace.checklist.version
    assert first.matcher_version and first.evidence_capture_ids  # cites the evidence shown
    with workspace.store.session() as session:
        claim = session.get(Claim, (seeded.round_id, code, "primary"))
    assert claim is not None and claim.reviewer == "anna"


async def test_not_applicable_needs_a_reason_and_note_and_undo(
    seeded_workspace: tuple[Workspace, Seeded],
) -> None:
    workspace, seeded = seeded_workspace
    code = seeded.codes[1]
    app, _ = make_app(workspace, seeded)
    async with app.run_test(size=SIZE) as pilot:
        site = await open_site(pilot, app, code)
        item = site.view.rows[0].item.id
        await pilot.press("a")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("enter")  # empty: refused, the prompt stays
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"ingen egen regi", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SiteScreen)
        await pilot.press("up", "m")
        await pilot.press(*" - kollat", "enter")
        await pilot.pause()
        assert decisions(workspace, seeded, code)[item].note == "ingen egen regi - kollat"
        await pilot.press("u")  # back to the reason only
        await pilot.press("u")  # back to nothing
        await pilot.pause()
    current = decisions(workspace, seeded, code)[item]
    assert current.value is None and current.revision == 4
    with workspace.store.session() as session:
        values = [d.value for d in decision_history(session, seeded.round_id, code, item)]
    assert values == ["not_applicable", "not_applicable", "not_applicable", None]


async def test_item_view_images_open_screenshot_and_live_page(
    seeded_workspace: tuple[Workspace, Seeded],
) -> None:
    workspace, seeded = seeded_workspace
    app, opener = make_app(workspace, seeded)
    async with app.run_test(size=SIZE) as pilot:
        site = await open_site(pilot, app, seeded.codes[0])
        await pilot.press("up")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen)
        await app.workers.wait_for_complete()
        await pilot.press("o", "O", "w", "e", "w")
        await pilot.press("right", "y")  # next item (a `fail`), decided yes from the item view
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is site and site.index == 2
    row = site.view.rows[0]
    assert opener.files == [
        workspace.evidence.absolute(row.candidates[0].crop or ""),
        workspace.evidence.absolute(row.candidates[0].screenshot or ""),
    ]
    assert opener.urls == [c.capture.final_url for c in row.candidates[:2]]
    assert decisions(workspace, seeded, seeded.codes[0])[site.view.rows[1].item.id].value == "yes"


async def test_queue_search_sort_help_and_next_site(
    seeded_workspace: tuple[Workspace, Seeded],
) -> None:
    workspace, seeded = seeded_workspace
    app, _ = make_app(workspace, seeded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        assert len(queue.shown) == 3 and queue.sort_key == "uncertainty"
        await pilot.press("s")
        assert queue.sort_key == "name"
        assert [r.name for r in queue.shown] == sorted(seeded.names.values())
        await pilot.press("slash", *seeded.names[seeded.codes[2]][:4].lower())
        assert [r.code for r in queue.shown] == [seeded.codes[2]]
        await pilot.press("escape")
        assert len(queue.shown) == 3
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("enter")
        site = app.screen
        assert isinstance(site, SiteScreen)
        order = [r.code for r in queue.shown]
        first = site.code
        assert first == seeded.codes[2]  # the cursor stayed on the row found by the search
        await pilot.press("right_square_bracket")  # the last in the queue: nowhere to go
        assert app.screen is site and "ingen fler" in str(site.query_one("#status").render())
        await pilot.press("left_square_bracket")
        await pilot.pause()
        previous = order[order.index(first) - 1]
        assert app.screen is site and site.code == previous  # the same view, the next site
        assert [r.item.id for r in site.view.rows] == [
            str(k.value) for k in site.query_one("#items", DataTable).rows
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is queue
        claimed = {r.code: r.claimed_by for r in queue.rows}
    assert claimed[first] == "anna" and claimed[previous] == "anna"


async def test_the_one_site_and_item_view_follow_the_site_opened(
    seeded_workspace: tuple[Workspace, Seeded],
) -> None:
    """The app fills one municipality view and one item view with each site: nothing stale."""
    workspace, seeded = seeded_workspace
    app, _ = make_app(workspace, seeded)
    first, second = seeded.codes[0], seeded.codes[1]
    async with app.run_test(size=SIZE) as pilot:
        site = await open_site(pilot, app, first)
        await pilot.press("enter")
        await pilot.pause()
        item = app.screen
        assert isinstance(item, ItemScreen) and item.title and item.title.startswith(first)
        await pilot.press("y", "escape")  # decided on the first site, from the item view
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        site = await open_site(pilot, app, second)
        assert site.code == second and site.view.decided == 0
        assert str(site.query_one("#site-banner").render()).startswith(f"{second} ")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is item and item.title and item.title.startswith(second)
        assert item.view is site.view and item.index == site.index == 0
        await pilot.press("n", "escape")
        await pilot.pause()
        assert app.screen is site and site.index == 1
        assert site.view.rows[0].value == "no"
        decided_cell = site.query_one("#items", DataTable).get_row_at(0)[3]
        assert str(decided_cell).startswith("Nej")
    assert decisions(workspace, seeded, first)[site.view.rows[0].item.id].value == "yes"
    assert decisions(workspace, seeded, second)[site.view.rows[0].item.id].value == "no"

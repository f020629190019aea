"""The queue keeps up with other reviewers by reading only what changed, and shows it in place."""

from __future__ import annotations

from typing import Any

import pytest

from tests.tui.conftest import make_app
from tests.tui.seed import Seeded
from tests.tui.test_pilot import SIZE, open_site
from webaudit.review.service import ReviewService
from webaudit.review.team import sample_second_review
from webaudit.tui.queue import QueueScreen
from webaudit.tui.table import RowTable
from webaudit.workspace import Workspace


@pytest.mark.postgres
def test_queue_changes_reads_only_sites_that_moved(seeded_any: tuple[Workspace, Seeded]) -> None:
    workspace, seeded = seeded_any
    anna = ReviewService(workspace, seeded.round_id, "anna")
    bertil = ReviewService(workspace, seeded.round_id, "bertil")
    rows, stamp = anna.queue_with_stamp()
    shown = {row.code: row for row in rows}
    assert anna.queue_changes(shown, stamp).rows == []  # nothing happened

    decided, claimed = seeded.codes[0], seeded.codes[2]
    site = bertil.site(decided)
    bertil.decide_row(decided, site.rows[0], "yes")
    bertil.decide_row(decided, site.rows[1], "no")
    bertil.claim(claimed)
    update = anna.queue_changes(shown, stamp)
    assert not update.full
    changed = {row.code: row for row in update.rows}
    assert changed.keys() == {decided, claimed}
    assert changed[decided].decided == 2 and changed[decided].claimed_by is None
    assert changed[claimed].claimed_by == "bertil" and changed[claimed].decided == 0
    # Everything else about the row is as it was read (crawl, flags, uncertainty).
    assert changed[decided].flags == shown[decided].flags
    assert changed[decided].uncertainty == shown[decided].uncertainty

    # An undo is a new revision too: seen, though the count goes back.
    shown.update(changed)
    stamp = update.stamp
    bertil.undo(decided, site.rows[1])
    update = anna.queue_changes(shown, stamp)
    assert [(row.code, row.decided) for row in update.rows] == [(decided, 1)]

    # Sampling for a second review changes what every row may show: the whole queue is read.
    sample_second_review(workspace, seeded.round_id, 1.0, seed=1, actor="lead")
    update = anna.queue_changes(shown, update.stamp)
    assert update.full and {row.code for row in update.rows} == set(seeded.codes)
    assert all(row.second_sampled for row in update.rows)


def _count_calls(monkeypatch: pytest.MonkeyPatch, table: RowTable) -> dict[str, list[Any]]:
    calls: dict[str, list[Any]] = {"clear": [], "add_row": [], "set_row": [], "sort": []}
    for name in calls:
        original = getattr(table, name)

        def counting(*args: Any, _name: str = name, _original: Any = original, **kw: Any) -> Any:
            calls[_name].append(args)
            return _original(*args, **kw)

        monkeypatch.setattr(table, name, counting)
    return calls


async def test_another_reviewers_decision_appears_in_place(
    monkeypatch: pytest.MonkeyPatch, seeded_workspace: tuple[Workspace, Seeded]
) -> None:
    workspace, seeded = seeded_workspace
    app, _ = make_app(workspace, seeded, "anna")
    bertil = ReviewService(workspace, seeded.round_id, "bertil")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        table = queue.query_one("#queue", RowTable)
        order = [row.code for row in queue.shown]
        calls = _count_calls(monkeypatch, table)
        code = order[1]
        site = bertil.site(code)
        for row in site.rows[:3]:
            bertil.decide_row(code, row, "yes")
        bertil.claim(code)

        queue._tick_refresh()  # what the 5-second timer does: read in a worker, show here
        await app.workers.wait_for_complete()
        await pilot.pause()

        assert str(table.get_cell(code, "decided")) == "3/16"
        assert str(table.get_cell(code, "reviewer")) == "bertil"
        assert [args[0] for args in calls["set_row"]] == [code]  # that row, nothing else
        assert not calls["clear"] and not calls["add_row"] and not calls["sort"]
        assert [row.code for row in queue.shown] == order  # the order stays put
        assert "0 dina" in str(queue.query_one("#queue-summary").render())

        # Back from a site of one's own: read at once (no waiting for the timer).
        calls["set_row"].clear()
        mine = order[0]
        await open_site(pilot, app, mine)
        await pilot.press("space")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is queue
        assert str(table.get_cell(mine, "decided")) == "1/16"
        assert str(table.get_cell(mine, "reviewer")) == "anna"
        assert {args[0] for args in calls["set_row"]} == {mine}


async def test_a_stale_background_read_never_overwrites_a_newer_one(
    seeded_workspace: tuple[Workspace, Seeded],
) -> None:
    workspace, seeded = seeded_workspace
    app, _ = make_app(workspace, seeded, "anna")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        assert queue.stamp is not None
        code = seeded.codes[0]
        bertil = ReviewService(workspace, seeded.round_id, "bertil")
        bertil.claim(code)
        read = queue.reads + 1
        old = queue.service.queue_changes({r.code: r for r in queue.rows}, queue.stamp)
        queue.reads = read  # as if this read had been started in the background
        assert [r.claimed_by for r in old.rows] == ["bertil"]
        bertil.release(code)
        queue.refresh_changes()  # a newer read lands first: nobody holds it (again)
        holders = {r.code: r.claimed_by for r in queue.rows}
        assert holders[code] is None
        queue._apply_read(read, old)  # the older one arrives late: ignored
        assert {r.code: r.claimed_by for r in queue.rows}[code] is None
        assert queue.stamp is not old.stamp

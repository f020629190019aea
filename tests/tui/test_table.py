"""RowTable: a changed row is drawn again on its own; the rest of the table comes from cache."""

from __future__ import annotations

from typing import Any

import pytest
from rich.text import Text
from textual.app import App, ComposeResult

from webaudit.tui.table import RowTable, same_cell

ROWS = [(f"r{n}", f"rad {n}", Text(f"{n * 10}", style="green")) for n in range(12)]


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield RowTable(id="table", cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one(RowTable)
        table.add_columns("Kod", "Namn", "Tal")
        for key, name, number in ROWS:
            table.add_row(key, name, number, key=key)
        table.focus()


class Recording:
    """Stands in for a DataTable render cache and records what gets rendered (stored)."""

    def __init__(self, cache: Any) -> None:
        self.cache = cache
        self.stored: list[Any] = []

    def __contains__(self, key: object) -> bool:
        return key in self.cache

    def __getitem__(self, key: object) -> Any:
        return self.cache[key]

    def __setitem__(self, key: object, value: Any) -> None:
        self.stored.append(key)
        self.cache[key] = value

    def __getattr__(self, name: str) -> Any:
        return getattr(self.cache, name)


def record_cells(table: RowTable) -> Recording:
    recording = Recording(table._cell_render_cache)
    table._cell_render_cache = recording  # type: ignore[assignment]
    return recording


def shown_line(table: RowTable, row: int) -> str:
    """The text the table draws for data row `row` (line 0 is the header)."""
    return "".join(segment.text for segment in table.render_line(row + 1))


async def test_set_row_redraws_only_that_row() -> None:
    app = TableApp()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(RowTable)
        assert table.scoped, "Textual's DataTable caches changed: RowTable falls back (slow)"
        cached_before = {k for k in table._cell_render_cache.keys() if k[0] == "r7"}  # noqa: SIM118
        recording = record_cells(table)
        assert table.set_row("r3", ("r3", "rad 3", Text("999", style="red")))
        await pilot.pause()
        # The paint rendered row 3's cells again and no other; row 7's renders survived.
        assert {key[0].value for key in recording.stored} == {"r3"}
        assert "999" in shown_line(table, 3)
        assert "20" in shown_line(table, 2)  # its neighbour is as it was
        assert cached_before and cached_before <= set(table._cell_render_cache.keys())
        # The same cells again: nothing to do.
        assert not table.set_row("r3", ("r3", "rad 3", Text("999", style="red")))
        # A Text whose base style changed is a change (rich's Text == ignores the base style).
        assert table.set_row("r3", ("r3", "rad 3", Text("999", style="blue")))


async def test_without_the_caches_it_falls_back_to_update_cell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As if a Textual upgrade had reshaped DataTable's caches.
    monkeypatch.setattr(RowTable, "scoped", property(lambda _self: False))
    app = TableApp()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(RowTable)
        updates = table._update_count
        assert table.set_row("r5", ("r5", "ny", Text("55")))
        await pilot.pause()
        assert "ny" in shown_line(table, 5)
        assert table._update_count == updates + 2  # DataTable's own way, one cell at a time


def test_same_cell_compares_what_is_shown() -> None:
    assert same_cell(Text("a", style="red"), Text("a", style="red"))
    assert not same_cell(Text("a", style="red"), Text("a", style="green"))
    assert not same_cell(Text("a"), "a")
    assert same_cell("a", "a")
    styled = Text("ab")
    styled.stylize("bold", 0, 1)
    assert not same_cell(styled, Text("ab"))

"""A DataTable whose rows can change one at a time without re-rendering the whole table.

Textual's `DataTable.update_cell` bumps one counter that is part of every render cache key,
so changing one cell re-renders every visible cell (about 100 in the municipality view, 400
in the queue: 15-60 ms per decision). `RowTable.set_row` instead drops the cached renders of
that one row.

(Gaining or losing focus still redraws every visible cell: the focused table is tinted.)

This reaches into DataTable's caches, so it checks they are shaped as expected and otherwise
does what DataTable does (slower, never wrong); tests/tui/test_table.py fails if a Textual
upgrade changes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

_CACHES = ("_cell_render_cache", "_row_render_cache", "_row_renderable_cache", "_line_cache")


def same_cell(old: object, new: object) -> bool:
    """Equal as shown: rich Text compares text and spans but not its base style."""
    if isinstance(old, Text) and isinstance(new, Text):
        return old.plain == new.plain and old.style == new.style and old.spans == new.spans
    return type(old) is type(new) and old == new


def _drop(cache: Any, position: int, value: object) -> None:
    """Discard the entries whose key has `value` at `position`."""
    # LRUCache has keys() but cannot be iterated itself.
    for stale in [key for key in cache.keys() if key[position] == value]:  # noqa: SIM118
        cache.discard(stale)


class RowTable(DataTable[Any]):
    @property
    def scoped(self) -> bool:
        """Whether this Textual's DataTable has the caches `set_row` knows how to trim."""
        return isinstance(getattr(self, "_data", None), dict) and all(
            hasattr(getattr(self, name, None), "keys") for name in _CACHES
        )

    def set_row(self, key: str, cells: Sequence[object]) -> bool:
        """Show new cells in the row `key` (one per column); False if nothing changed."""
        row_key = RowKey(key)
        data = self._data[row_key]
        changed = [
            (column.key, value)
            for column, value in zip(self.ordered_columns, cells, strict=True)
            if not same_cell(data.get(column.key), value)
        ]
        if not changed:
            return False
        if not self.scoped:
            for column_key, value in changed:
                self.update_cell(row_key, column_key, value)
            return True
        for column_key, value in changed:
            data[column_key] = value
        self._forget(row_key)
        return True

    def _forget(self, row_key: RowKey) -> None:
        """Drop the cached renders of one row, so only it is rendered again."""
        index = self.get_row_index(row_key)
        _drop(self._cell_render_cache, 0, row_key)  # keys: row key first
        _drop(self._row_render_cache, 0, row_key)
        _drop(self._row_renderable_cache, 1, index)  # keys: (update count, row index)
        self._line_cache.clear()  # keyed by screen line; rebuilt cheaply from the row caches
        self.refresh_row(index)

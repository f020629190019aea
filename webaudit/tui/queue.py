"""The queue: every municipality of the round, with crawl status, progress, who works on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Label

from webaudit.errors import WebauditError
from webaudit.review.rows import SORT_KEYS, QueueRow, Role, SortKey
from webaudit.review.service import (
    QueueStamp,
    QueueUpdate,
    ReviewService,
    filter_queue,
    sort_queue,
)
from webaudit.tui import labels
from webaudit.tui.footer import KeyFooter
from webaudit.tui.table import RowTable

if TYPE_CHECKING:
    from webaudit.tui.app import ReviewApp

COLUMNS = (
    ("Kod", "code"),
    ("Kommun", "name"),
    ("Grupp", "group"),
    ("Genomsökning", "crawl"),
    ("Beslutat", "decided"),
    ("✓", "pass"),
    ("✗", "fail"),
    ("?", "review"),
    ("Osäkerhet", "uncertainty"),
    ("Granskare", "reviewer"),
    ("Andragranskning", "second"),
)
REFRESH_SECONDS = 5.0


def _code(row: QueueRow) -> str:
    return row.code


class QueueScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open", "Öppna", priority=True, tooltip="öppna kommunen och ta den"),
        Binding(
            "b",
            "open_second",
            "Andragranska",
            tooltip="öppna en utvald kommun för blind andragranskning",
        ),
        Binding("slash", "search", "Sök", key_display="/", tooltip="filtrera på namn eller kod"),
        Binding(
            "s",
            "sort",
            "Sortera",
            tooltip="sortera efter osäkerhet, namn, storleksgrupp eller framsteg",
        ),
        Binding(
            "r",
            "refresh",
            "Uppdatera",
            tooltip="läs om och sortera om kön (ändringar visas även var 5:e sekund)",
        ),
        Binding("x", "release", "Släpp", tooltip="släpp din markering av kommunen"),
        Binding(
            "g",
            "agreement",
            "Samstämmighet",
            tooltip="samstämmighet mellan förstagranskning och andragranskning (kappa)",
        ),
        Binding("d", "adjudicate", "Skiljeärenden", tooltip="avgör där granskarna är oense"),
        Binding("escape", "clear_search", "Rensa sökning", show=False, tooltip="rensa sökningen"),
    ]

    def __init__(self, service: ReviewService) -> None:
        super().__init__()
        self.service = service
        self.sort_key: SortKey = "uncertainty"
        self.search = ""
        self.rows: list[QueueRow] = []
        self.shown: list[QueueRow] = []
        self.stamp: QueueStamp | None = None  # what the rows were read at
        self.reads = 0  # numbers each read, so an older background read never wins

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder="Sök kommun (namn eller kod) – Enter visar, Esc rensar", id="search"
        )
        yield RowTable(id="queue", cursor_type="row", zebra_stripes=True)
        yield Label("", id="queue-summary")
        yield Label("", id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#search", Input).display = False
        table = self.query_one("#queue", RowTable)
        for title, key in COLUMNS:
            table.add_column(title, key=key)
        self.action_refresh()
        table.focus()
        self.set_interval(REFRESH_SECONDS, self._tick_refresh)

    def on_screen_resume(self) -> None:
        if self.stamp is not None:  # back from a site: show what changed (cheap, in place)
            self.refresh_changes()

    # -- keeping up with the database ------------------------------------------------------------
    #
    # The order stays put while the reviewer works (rows change in place; a site finished does
    # not jump away from under the cursor); r, s and the search sort again.

    def refresh_changes(self) -> None:
        """Read what changed since the rows were read, now (a few ms), and show it."""
        if self.stamp is None:
            return
        self.reads += 1
        try:
            update = self.service.queue_changes(self._by_code(), self.stamp)
        except WebauditError as error:
            self.status(str(error), warning=True)
            return
        self._apply(update)

    def _tick_refresh(self) -> None:
        """Every few seconds: the same read, off the UI thread, so no keystroke waits for it."""
        if self.app.screen is not self or self.stamp is None:
            return
        self.reads += 1
        read, shown, since = self.reads, self._by_code(), self.stamp
        self.run_worker(
            lambda: self._changes_in_thread(read, shown, since),
            thread=True,
            exclusive=True,
            group="queue-refresh",
        )

    def _changes_in_thread(self, read: int, shown: dict[str, QueueRow], since: QueueStamp) -> None:
        try:
            update = self.service.queue_changes(shown, since)
        except Exception as error:  # a background read must not end the app; say it and go on
            message = str(error) if isinstance(error, WebauditError) else repr(error)
            self.app.call_from_thread(self.status, f"Kunde inte läsa kön: {message}", warning=True)
            return
        self.app.call_from_thread(self._apply_read, read, update)

    def _apply_read(self, read: int, update: QueueUpdate) -> None:
        if read == self.reads:  # nothing newer was read meanwhile
            self._apply(update)

    def _apply(self, update: QueueUpdate) -> None:
        self.stamp = update.stamp
        by_code = self._by_code()
        if update.full and {r.code for r in update.rows} != by_code.keys():
            self.rows = update.rows  # the round's members changed: lay the table out again
            self._fill()
            return
        changed = [row for row in update.rows if row != by_code.get(row.code)]
        if not changed:
            return
        by_code.update((row.code, row) for row in changed)
        self.rows = [by_code[row.code] for row in self.rows]
        self.shown = [by_code[row.code] for row in self.shown]
        shown = {row.code for row in self.shown}
        table = self.query_one("#queue", RowTable)
        for row in changed:
            if row.code in shown:
                table.set_row(row.code, self._cells(row))
        self._summary()

    def _by_code(self) -> dict[str, QueueRow]:
        return {row.code: row for row in self.rows}

    @property
    def review_app(self) -> ReviewApp:
        from webaudit.tui.app import ReviewApp

        assert isinstance(self.app, ReviewApp)
        return self.app

    # -- rendering -----------------------------------------------------------------------------

    def _cells(self, row: QueueRow) -> tuple[str | Text, ...]:
        crawl = Text(labels.CRAWL.get(row.crawl_status, row.crawl_status))
        if row.crawl_status in ("failed", "not_crawled"):
            crawl.stylize("red")
        elif row.crawl_status == "partial":
            crawl.stylize("yellow")
        crawl.append(f" {row.pages}" if row.pages else "", style="dim")
        decided = Text(f"{row.decided}/{row.total}", style="green" if row.done else "")
        reviewer = Text(row.claimed_by or "")
        if row.claimed_by == self.service.reviewer:
            reviewer.stylize("bold")
        second = ""
        if row.second_sampled:
            who = row.second_by or "ledig"
            second = f"{who} {row.second_decided}/{row.total}"
        return (
            row.code,
            row.name,
            str(row.size_group or "–"),
            crawl,
            decided,
            Text(str(row.flags.get("pass", 0)), style="green"),
            Text(str(row.flags.get("fail", 0)), style="red"),
            Text(str(row.flags.get("review", 0)), style="yellow"),
            f"{row.uncertainty:.1f}",
            reviewer,
            second,
        )

    def action_refresh(self) -> None:
        """Read the whole queue and sort it again."""
        self.reads += 1
        self.rows, self.stamp = self.service.queue_with_stamp()
        self._fill()

    def _fill(self) -> None:
        """Filter, sort and show the rows: cells change in place when the order is the same."""
        table = self.query_one("#queue", RowTable)
        current = self._current_code()
        shown = sort_queue(filter_queue(self.rows, self.search), self.sort_key)
        codes = [r.code for r in shown]
        if table.row_count and codes == [r.code for r in self.shown]:
            for old, new in zip(self.shown, shown, strict=True):
                if old != new:
                    table.set_row(new.code, self._cells(new))
        elif table.row_count and sorted(codes) == sorted(r.code for r in self.shown):
            for old, new in zip(
                sorted(self.shown, key=_code), sorted(shown, key=_code), strict=True
            ):
                if old != new:
                    table.set_row(new.code, self._cells(new))
            position = {code: n for n, code in enumerate(codes)}
            table.sort("code", key=position.__getitem__)  # same rows, new order: no rebuild
        else:
            table.clear()
            for row in shown:
                table.add_row(*self._cells(row), key=row.code)
        if current and current in codes:
            table.move_cursor(row=table.get_row_index(current), animate=False)
        self.shown = shown
        self._summary()

    def _summary(self) -> None:
        done = sum(1 for r in self.rows if r.done)
        mine = sum(1 for r in self.rows if r.claimed_by == self.service.reviewer)
        search = f" · sökning ”{self.search}”: {len(self.shown)} träffar" if self.search else ""
        self.query_one("#queue-summary", Label).update(
            f"{len(self.rows)} kommuner · {done} klara · {mine} dina · "
            f"sorterat efter {labels.SORT[self.sort_key]}{search}"
        )

    def _current_code(self) -> str | None:
        table = self.query_one("#queue", RowTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return str(key) if key is not None else None

    def status(self, message: str, *, warning: bool = False) -> None:
        label = self.query_one("#status", Label)
        label.update(message)
        label.set_class(warning, "warning")

    # -- actions -------------------------------------------------------------------------------

    @on(DataTable.RowHighlighted, "#queue")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:  # likely opened next: read it ahead
            self.review_app.prefetch.want(str(event.row_key.value))

    @on(DataTable.RowSelected, "#queue")
    def _selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open()

    def _open(self, role: Role) -> None:
        code = self._current_code()
        if code is None:
            return
        row = next(r for r in self.shown if r.code == code)
        if role == "second" and not row.second_sampled:
            self.status(f"{row.name} är inte utvald för andragranskning", warning=True)
            return
        try:  # a blind second review of one's own site is refused here
            self.review_app.open_site(code, role, codes=[r.code for r in self.shown])
        except WebauditError as error:
            self.status(str(error), warning=True)

    def action_open(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus:  # Enter in the search box shows the hits
            self.query_one("#queue", RowTable).focus()
            return
        self._open("primary")

    def action_open_second(self) -> None:
        self._open("second")

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.search = event.value
        self._fill()

    @on(Input.Submitted, "#search")
    def _search_done(self, _event: Input.Submitted) -> None:
        self.query_one("#queue", RowTable).focus()

    def action_clear_search(self) -> None:
        box = self.query_one("#search", Input)
        box.value = ""
        box.display = False
        self.search = ""
        self._fill()
        self.query_one("#queue", RowTable).focus()

    def action_sort(self) -> None:
        self.sort_key = SORT_KEYS[(SORT_KEYS.index(self.sort_key) + 1) % len(SORT_KEYS)]
        self._fill()
        self.status(f"Sorterat efter {labels.SORT[self.sort_key]}")

    def action_release(self) -> None:
        code = self._current_code()
        if code is None:
            return
        self.service.release(code)
        self.refresh_changes()
        self.status(f"Du släppte {code}")

    def action_agreement(self) -> None:
        from webaudit.tui.team import AgreementScreen

        self.app.push_screen(AgreementScreen(self.service))

    def action_adjudicate(self) -> None:
        from webaudit.tui.team import AdjudicationScreen

        self.app.push_screen(AdjudicationScreen(self.service))

"""The queue: every municipality of the round, with crawl status, progress, who works on it."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label

from webaudit.errors import WebauditError
from webaudit.review.rows import SORT_KEYS, QueueRow, Role, SortKey
from webaudit.review.service import ReviewService, filter_queue, sort_queue
from webaudit.tui import labels

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
        Binding("r", "refresh", "Uppdatera", tooltip="läs om kön (sker även var 5:e sekund)"),
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

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder="Sök kommun (namn eller kod) – Enter visar, Esc rensar", id="search"
        )
        yield DataTable(id="queue", cursor_type="row", zebra_stripes=True)
        yield Label("", id="queue-summary")
        yield Label("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#search", Input).display = False
        table = self.query_one("#queue", DataTable)
        for title, key in COLUMNS:
            table.add_column(title, key=key)
        self.action_refresh()
        table.focus()
        self.set_interval(REFRESH_SECONDS, self._tick_refresh)

    def on_screen_resume(self) -> None:
        if self.rows:
            self.action_refresh()

    def _tick_refresh(self) -> None:
        if self.app.screen is self:
            self.action_refresh()

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
        self.rows = self.service.queue()
        self._fill()

    def _fill(self) -> None:
        table = self.query_one("#queue", DataTable)
        current = self._current_code()
        shown = sort_queue(filter_queue(self.rows, self.search), self.sort_key)
        if [r.code for r in shown] == [r.code for r in self.shown] and table.row_count:
            for old, new in zip(self.shown, shown, strict=True):
                if old != new:
                    for (_, key), value in zip(COLUMNS, self._cells(new), strict=True):
                        table.update_cell(new.code, key, value)
        else:
            table.clear()
            for row in shown:
                table.add_row(*self._cells(row), key=row.code)
            if current and any(r.code == current for r in shown):
                table.move_cursor(row=table.get_row_index(current))
        self.shown = shown
        done = sum(1 for r in self.rows if r.done)
        mine = sum(1 for r in self.rows if r.claimed_by == self.service.reviewer)
        search = f" · sökning ”{self.search}”: {len(shown)} träffar" if self.search else ""
        self.query_one("#queue-summary", Label).update(
            f"{len(self.rows)} kommuner · {done} klara · {mine} dina · "
            f"sorterat efter {labels.SORT[self.sort_key]}{search}"
        )

    def _current_code(self) -> str | None:
        table = self.query_one("#queue", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return str(key) if key is not None else None

    def status(self, message: str, *, warning: bool = False) -> None:
        label = self.query_one("#status", Label)
        label.update(message)
        label.set_class(warning, "warning")

    # -- actions -------------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#queue")
    def _selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open()

    def _open(self, role: Role) -> None:
        from webaudit.tui.site import SiteScreen

        code = self._current_code()
        if code is None:
            return
        row = next(r for r in self.shown if r.code == code)
        if role == "second" and not row.second_sampled:
            self.status(f"{row.name} är inte utvald för andragranskning", warning=True)
            return
        try:
            if role == "second":
                self.service.claim(code, "second")  # refused for the site's first reviewer
            screen = SiteScreen(self.service, code, role, codes=[r.code for r in self.shown])
        except WebauditError as error:
            self.status(str(error), warning=True)
            return
        self.app.push_screen(screen)

    def action_open(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus:  # Enter in the search box shows the hits
            self.query_one("#queue", DataTable).focus()
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
        self.query_one("#queue", DataTable).focus()

    def action_clear_search(self) -> None:
        box = self.query_one("#search", Input)
        box.value = ""
        box.display = False
        self.search = ""
        self._fill()
        self.query_one("#queue", DataTable).focus()

    def action_sort(self) -> None:
        self.sort_key = SORT_KEYS[(SORT_KEYS.index(self.sort_key) + 1) % len(SORT_KEYS)]
        self._fill()
        self.status(f"Sorterat efter {labels.SORT[self.sort_key]}")

    def action_release(self) -> None:
        code = self._current_code()
        if code is None:
            return
        self.service.release(code)
        self.action_refresh()
        self.status(f"Du släppte {code}")

    def action_agreement(self) -> None:
        from webaudit.tui.team import AgreementScreen

        self.app.push_screen(AgreementScreen(self.service))

    def action_adjudicate(self) -> None:
        from webaudit.tui.team import AdjudicationScreen

        self.app.push_screen(AdjudicationScreen(self.service))

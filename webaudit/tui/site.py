"""The municipality view: every item with pre-flag, decision, last round, and the evidence beside it."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Label, Static

from webaudit.review.rows import ItemRow, Role
from webaudit.review.service import ReviewService, Stopwatch
from webaudit.tui import labels
from webaudit.tui.deciding import DECISION_BINDINGS, Deciding
from webaudit.tui.detail import item_text

COLUMNS = ("Punkt", "Förhand", "Säkerhet", "Beslut", "Förra året", "Sidorna")


class SiteScreen(Deciding):
    """One municipality. Opening it claims it for the reviewer (others see the claim)."""

    BINDINGS = [
        *DECISION_BINDINGS,
        Binding(
            "enter",
            "open_item",
            "Punktvy",
            priority=True,
            tooltip="visa punkten i helskärm med skärmbilder",
        ),
        Binding(
            "right_square_bracket",
            "next_site",
            "Nästa kommun",
            key_display="]",
            tooltip="nästa kommun i kön",
        ),
        Binding(
            "left_square_bracket",
            "previous_site",
            "Föreg. kommun",
            key_display="[",
            tooltip="föregående kommun i kön",
        ),
        Binding("escape", "back", "Kön", tooltip="tillbaka till kön"),
    ]

    def __init__(
        self,
        service: ReviewService,
        code: str,
        role: Role = "primary",
        *,
        codes: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.code = code
        self.role: Role = role
        self.codes = codes or [code]  # the queue's order, for next/previous site
        self.index = 0
        self.stopwatch = Stopwatch()
        self.selected_evidence = {}
        self.view = service.site(code, role)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(self._banner(), id="site-banner")
        with Horizontal(id="site-body"):
            yield DataTable(id="items", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="detail"):
                yield Static(id="detail-text")
        yield Label("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"{self.view.code} {self.view.name}"
        self.sub_title = labels.ROLE[self.role]
        holder = self.service.claim(self.code, self.role)
        self.view.claimed_by = holder
        table = self.query_one("#items", DataTable)
        table.add_columns(*COLUMNS)
        for row in self.view.rows:
            table.add_row(*self._cells(row), key=row.item.id)
        first_open = next((i for i, r in enumerate(self.view.rows) if not r.value), 0)
        table.move_cursor(row=first_open)
        self.index = first_open
        self._show_detail()
        self.query_one("#site-banner", Label).update(self._banner())
        if holder != self.service.reviewer:
            self.status(
                f"{holder} arbetar redan med denna kommun. Dina beslut sparas ändå; "
                "ändrar ni samma punkt får den som kommer sist läsa om och besluta igen.",
                warning=True,
            )
        table.focus()

    # -- rendering -----------------------------------------------------------------------------

    def _banner(self) -> Text:
        view = self.view
        text = Text()
        text.append(f"{view.code} {view.name}", style="bold")
        text.append(f" · genomsökning {labels.CRAWL.get(view.crawl_status, view.crawl_status)}")
        text.append(f", {view.pages} sidor · beslutat {view.decided}/{len(view.rows)}")
        if view.claimed_by:
            text.append(f" · granskare {view.claimed_by}")
        if self.role == "second":
            text.append(
                " · BLIND ANDRAGRANSKNING: förstagranskningens beslut visas inte",
                style="bold magenta",
            )
        return text

    def _cells(self, row: ItemRow) -> tuple[Text | str, ...]:
        auto = Text(
            f"{labels.AUTO_MARK.get(row.auto, '')} {labels.AUTO.get(row.auto, row.auto)}",
            style=labels.AUTO_STYLE.get(row.auto, ""),
        )
        confidence = f"{row.confidence:.2f}" if row.confidence is not None else "–"
        decision = Text(
            labels.decision(row.value), style=labels.DECISION_STYLE.get(row.value or "", "")
        )
        if row.decision and row.decision.note:
            decision.append(" ✎", style="dim")
        previous = labels.decision(row.previous_round.value if row.previous_round else None)
        change = (
            Text(labels.CHANGE[row.change], style=labels.CHANGE_STYLE[row.change])
            if row.change and row.change != "same"
            else Text("")
        )
        return (row.item.title.sv, auto, confidence, decision, previous, change)

    def _show_detail(self) -> None:
        row = self.row
        if row is None:
            return
        self.query_one("#detail-text", Static).update(
            item_text(
                row,
                selected=self.selected_evidence.get(row.item.id, 0),
                previous_round_id=self.view.previous_round_id,
                full=False,
            )
        )

    # -- Deciding hooks ------------------------------------------------------------------------

    def row_changed(self, index: int, *, detail: bool = True) -> None:
        table = self.query_one("#items", DataTable)
        row = self.view.rows[index]
        for column, value in zip(table.ordered_columns, self._cells(row), strict=True):
            table.update_cell(row.item.id, column.key, value)
        self.query_one("#site-banner", Label).update(self._banner())
        if detail and index == self.index:
            self._show_detail()

    def go_to(self, index: int) -> None:
        self.query_one("#items", DataTable).move_cursor(row=index)

    def status(self, message: str, *, warning: bool = False) -> None:
        label = self.query_one("#status", Label)
        label.update(message)
        label.set_class(warning, "warning")

    @on(DataTable.RowHighlighted, "#items")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row != self.index:
            self.stopwatch.restart()
        self.index = event.cursor_row
        self._show_detail()

    # -- navigation ----------------------------------------------------------------------------

    def action_open_item(self) -> None:
        from webaudit.tui.item import ItemScreen

        def back(index: int | None) -> None:
            if index is not None:
                for i in range(len(self.view.rows)):
                    self.row_changed(i)
                self.go_to(index)

        self.app.push_screen(ItemScreen(self), back)

    def _switch_site(self, step: int) -> None:
        position = self.codes.index(self.code) if self.code in self.codes else -1
        target = position + step
        if not 0 <= target < len(self.codes):
            self.status("Det finns ingen fler kommun åt det hållet i kön", warning=True)
            return
        self.app.switch_screen(
            SiteScreen(self.service, self.codes[target], self.role, codes=self.codes)
        )

    def action_next_site(self) -> None:
        self._switch_site(1)

    def action_previous_site(self) -> None:
        self._switch_site(-1)

    def action_back(self) -> None:
        self.dismiss(None)

"""The municipality view: every item with pre-flag, decision, last round, and the evidence beside it."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Header, Label, Static

from webaudit.errors import WebauditError
from webaudit.review.rows import ItemRow, Role, SiteView
from webaudit.review.service import ReviewService, Stopwatch
from webaudit.tui import labels
from webaudit.tui.deciding import DECISION_BINDINGS, Deciding
from webaudit.tui.detail import item_text
from webaudit.tui.footer import KeyFooter
from webaudit.tui.table import RowTable

COLUMNS = ("Punkt", "Förhand", "Säkerhet", "Beslut", "Förra året", "Sidorna")


class SiteScreen(Deciding):
    """One municipality at a time. Opening one claims it for the reviewer (others see it)."""

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

    def __init__(self, service: ReviewService) -> None:
        super().__init__()
        self.service = service
        self.codes: list[str] = []  # the queue's order, for next/previous site
        self.index = 0
        self.stopwatch = Stopwatch()
        self.selected_evidence = {}

    @property
    def code(self) -> str:
        return self.view.code

    @property
    def role(self) -> Role:
        return self.view.role

    def open(self, view: SiteView, codes: list[str] | None = None) -> None:
        """Show a site (read by the caller with `service.site`) and claim it.

        The app keeps one municipality view and fills it with each site it opens: building a
        screen costs more than the 100 ms a site may take to open. WebauditError (a blind
        second review of one's own site) leaves the view as it was.
        """
        holder = self.service.claim(view.code, view.role, held_by=view.claimed_by)
        view.claimed_by = holder
        self.view = view
        self.codes = codes or [view.code]
        self.selected_evidence = {}
        if self.is_mounted:
            self._show_site()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(id="site-banner")
        with Horizontal(id="site-body"):
            yield RowTable(id="items", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="detail"):
                yield Static(id="detail-text")
        yield Label("", id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#items", RowTable).add_columns(*COLUMNS)
        self._show_site()
        self.call_after_refresh(self.review_app.collector.keep)  # this view lives on

    def _show_site(self) -> None:
        view = self.view
        self.title = f"{view.code} {view.name}"
        self.sub_title = labels.ROLE[view.role]
        table = self.query_one("#items", RowTable)
        keys = [row.item.id for row in view.rows]
        if [key.value for key in table.rows] == keys:  # the same checklist: change cells only
            for row in view.rows:
                table.set_row(row.item.id, self._cells(row))
        else:
            table.clear()
            for row in view.rows:
                table.add_row(*self._cells(row), key=row.item.id)
        first_open = next((i for i, r in enumerate(view.rows) if not r.value), 0)
        self.index = first_open
        table.move_cursor(row=first_open, animate=False)
        self.stopwatch.restart()
        self.query_one("#detail", VerticalScroll).scroll_home(animate=False)
        self._show_detail()
        self.query_one("#site-banner", Label).update(self._banner())
        if view.claimed_by != self.service.reviewer:
            self.status(
                f"{view.claimed_by} arbetar redan med denna kommun. Dina beslut sparas ändå; "
                "ändrar ni samma punkt får den som kommer sist läsa om och besluta igen.",
                warning=True,
            )
        else:
            self.status("")
        table.focus()
        position = self.codes.index(view.code) if view.code in self.codes else -1
        if 0 <= position < len(self.codes) - 1:  # ] is likely next: read that site ahead
            self.review_app.prefetch.want(self.codes[position + 1], view.role)

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
        row = self.view.rows[index]
        self.query_one("#items", RowTable).set_row(row.item.id, self._cells(row))
        self.query_one("#site-banner", Label).update(self._banner())
        if detail and index == self.index:
            self._show_detail()

    def go_to(self, index: int) -> None:
        if index != self.index:
            self.stopwatch.restart()
        self.index = index
        self._show_detail()  # now, in the same frame as the decision, not on RowHighlighted
        self.query_one("#items", RowTable).move_cursor(row=index)

    def status(self, message: str, *, warning: bool = False) -> None:
        label = self.query_one("#status", Label)
        label.update(message)
        label.set_class(warning, "warning")

    @on(DataTable.RowHighlighted, "#items")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row == self.index:
            return  # already shown (opening a site shows its first open item at once)
        self.stopwatch.restart()
        self.index = event.cursor_row
        self._show_detail()

    # -- navigation ----------------------------------------------------------------------------

    def action_open_item(self) -> None:
        from webaudit.tui.app import ReviewApp

        assert isinstance(self.app, ReviewApp)
        screen = self.app.item_screen
        screen.open()
        self.app.push_screen(screen)

    def back_from_item(self, index: int) -> None:
        """The item view is closing on item `index`: show what was decided there.

        Called before the item view goes, so the site view comes back already up to date
        (one redraw, not a redraw and then the changes).
        """
        for i in range(len(self.view.rows)):
            self.row_changed(i, detail=False)  # only rows that changed are drawn again
        self.go_to(index)

    def _switch_site(self, step: int) -> None:
        position = self.codes.index(self.code) if self.code in self.codes else -1
        target = position + step
        if not 0 <= target < len(self.codes):
            self.status("Det finns ingen fler kommun åt det hållet i kön", warning=True)
            return
        try:
            self.open(self.review_app.prefetch.take(self.codes[target], self.role), self.codes)
        except WebauditError as error:
            self.status(str(error), warning=True)

    def action_next_site(self) -> None:
        self._switch_site(1)

    def action_previous_site(self) -> None:
        self._switch_site(-1)

    def action_back(self) -> None:
        self.dismiss(None)

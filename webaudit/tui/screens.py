"""Screens: the queue of municipalities, one municipality's items, help, and a reason prompt."""

from __future__ import annotations

import subprocess
import sys

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Static

from webaudit.errors import StaleWriteError
from webaudit.review.service import ItemRow, ReviewService, Stopwatch

AUTO_SV = {"pass": "uppfylld", "fail": "saknas", "review": "granska"}
DECISION_SV = {"yes": "Ja", "no": "Nej", "not_applicable": "Ej tillämplig", None: "–"}
CRAWL_SV = {
    "ok": "klar",
    "partial": "delvis",
    "failed": "misslyckad",
    "running": "pågår",
    "not_crawled": "ej genomsökt",
}
AUTO_STYLE = {"pass": "green", "fail": "red", "review": "yellow"}


class QueueScreen(Screen[None]):
    BINDINGS = [Binding("enter", "open", "Öppna"), Binding("r", "refresh", "Uppdatera")]

    def __init__(self, service: ReviewService) -> None:
        super().__init__()
        self.service = service

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="queue", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(
            "Kod",
            "Kommun",
            "Grupp",
            "Genomsökning",
            "Beslutat",
            "Uppfylld",
            "Saknas",
            "Granska",
            "Granskare",
        )
        self.action_refresh()
        table.focus()

    def action_refresh(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for row in self.service.queue():
            table.add_row(
                row.code,
                row.name,
                str(row.size_group or "–"),
                CRAWL_SV.get(row.crawl_status, row.crawl_status),
                f"{row.decided}/{row.total}",
                str(row.flags["pass"]),
                str(row.flags["fail"]),
                str(row.flags["review"]),
                row.claimed_by or "",
                key=row.code,
            )

    @on(DataTable.RowSelected)
    def _open_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.app.push_screen(
                SiteScreen(self.service, event.row_key.value), lambda _: self.action_refresh()
            )

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if key:
                self.app.push_screen(SiteScreen(self.service, key), lambda _: self.action_refresh())


class SiteScreen(Screen[None]):
    BINDINGS = [
        Binding("y", "decide('yes')", "Ja"),
        Binding("n", "decide('no')", "Nej"),
        Binding("a", "not_applicable", "Ej tillämplig"),
        Binding("u", "undo", "Ångra"),
        Binding("o", "open_screenshot", "Skärmbild"),
        Binding("escape", "back", "Tillbaka"),
    ]

    def __init__(self, service: ReviewService, code: str) -> None:
        super().__init__()
        self.service = service
        self.code = code
        self.rows: list[ItemRow] = []
        self.stopwatch = Stopwatch()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="site-body"):
            yield DataTable(id="items", cursor_type="row", zebra_stripes=True)
            with Vertical(id="detail"):
                yield Static(id="detail-text")
        yield Label("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        municipality = self.service.municipality(self.code)
        self.title = f"{self.code} {municipality.name if municipality else ''}"
        holder = self.service.claim(self.code)
        if holder != self.service.reviewer:
            self._status(f"{holder} arbetar redan med denna kommun", warning=True)
        table = self.query_one(DataTable)
        table.add_columns("Punkt", "Förhandsbedömning", "Säkerhet", "Beslut", "Förra året")
        self.reload()
        table.focus()

    def reload(self, keep_row: int | None = None) -> None:
        table = self.query_one(DataTable)
        row_index = keep_row if keep_row is not None else table.cursor_row
        self.rows = self.service.items(self.code)
        table.clear()
        for row in self.rows:
            auto = Text(AUTO_SV.get(row.auto, row.auto), style=AUTO_STYLE.get(row.auto, ""))
            confidence = f"{row.flag.confidence:.2f}" if row.flag else "–"
            previous = DECISION_SV.get(
                row.previous_round.value if row.previous_round else None, "–"
            )
            table.add_row(
                row.item.title.sv,
                auto,
                confidence,
                DECISION_SV.get(row.decision.value if row.decision else None, "–"),
                previous,
                key=row.item.id,
            )
        if self.rows:
            table.move_cursor(row=min(max(row_index, 0), len(self.rows) - 1))
            self.show_detail()

    @property
    def current(self) -> ItemRow | None:
        table = self.query_one(DataTable)
        return (
            self.rows[table.cursor_row]
            if self.rows and 0 <= table.cursor_row < len(self.rows)
            else None
        )

    @on(DataTable.RowHighlighted)
    def _highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.stopwatch.restart()
        self.show_detail()

    def show_detail(self) -> None:
        row = self.current
        if row is None:
            return
        text = Text()
        text.append(f"{row.item.title.sv}\n", style="bold")
        text.append("Räknas: ", style="bold")
        text.append(f"{row.item.counts.sv}\n")
        text.append("Räknas inte: ", style="bold")
        text.append(f"{row.item.does_not_count.sv}\n\n")
        if row.flag and row.flag.reason:
            text.append(f"Matchning: {row.flag.reason}\n\n", style="italic")
        for finding in row.findings[:3]:
            capture = row.captures.get(finding.capture_id)
            if capture:
                text.append(f"{capture.final_url}\n", style="underline")
                text.append(f"fångad {capture.captured_at:%Y-%m-%d %H:%M} UTC\n", style="dim")
            if finding.quote:
                text.append(f"”{finding.quote[:400]}”\n\n")
        if not row.findings and row.flag and row.flag.negative_evidence:
            visited = row.flag.negative_evidence.get("pages_visited", 0)
            text.append(f"Inget hittat. {visited} sidor genomsöktes.\n", style="dim")
        if row.decision and row.decision.note:
            text.append(f"\nAnteckning: {row.decision.note}\n")
        self.query_one("#detail-text", Static).update(text)

    def _status(self, message: str, *, warning: bool = False) -> None:
        label = self.query_one("#status", Label)
        label.update(message)
        label.set_class(warning, "warning")

    def _write(self, value: str | None, note: str | None = None, undo: bool = False) -> None:
        row = self.current
        if row is None:
            return
        table = self.query_one(DataTable)
        index = table.cursor_row
        evidence = tuple(dict.fromkeys(f.capture_id for f in row.findings[:3]))
        try:
            if undo:
                self.service.undo(self.code, row.item.id, expected_revision=row.revision)
            else:
                self.service.decide(
                    self.code,
                    row.item.id,
                    value,
                    expected_revision=row.revision,
                    note=note,
                    seconds_spent=self.stopwatch.seconds,
                    evidence_capture_ids=evidence,
                )
        except StaleWriteError as error:
            self._status(str(error), warning=True)
            self.reload(index)
            return
        self._status(
            "Ångrat" if undo else f"Sparat: {row.item.title.sv} = {DECISION_SV.get(value, '–')}"
        )
        self.reload(index + (0 if undo else 1))
        self.stopwatch.restart()

    def action_decide(self, value: str) -> None:
        self._write(value)

    def action_undo(self) -> None:
        self._write(None, undo=True)

    def action_not_applicable(self) -> None:
        def done(reason: str | None) -> None:
            if reason:
                self._write("not_applicable", note=reason)

        self.app.push_screen(ReasonScreen(), done)

    def action_open_screenshot(self) -> None:
        row = self.current
        capture = (
            next(
                (
                    row.captures.get(f.capture_id)
                    for f in row.findings
                    if row.captures.get(f.capture_id)
                ),
                None,
            )
            if row
            else None
        )
        if capture is None or not capture.screenshot_path:
            self._status("Ingen skärmbild för denna punkt", warning=True)
            return
        path = self.service.workspace.evidence.absolute(capture.screenshot_path)
        opener = "open" if sys.platform == "darwin" else "xdg-open"
        try:
            subprocess.Popen(
                [opener, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            self._status(f"Öppnar {path}")
        except OSError:
            self._status(f"Skärmbild: {path}")

    def action_back(self) -> None:
        self.dismiss(None)


class ReasonScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Avbryt")]

    def compose(self) -> ComposeResult:
        with Vertical(id="reason-box"):
            yield Label("Varför är punkten inte tillämplig? (Enter sparar, Esc avbryter)")
            yield Input(id="reason")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


HELP_TEXT = """\
Tangenter
  Enter   öppna kommun          Esc   tillbaka
  ↑ ↓     föregående/nästa punkt
  y       Ja (punkten uppfylls)
  n       Nej (punkten uppfylls inte)
  a       Ej tillämplig (skäl krävs)
  u       ångra senaste beslut
  o       öppna skärmbild
  r       uppdatera listan
  q       avsluta
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "close", "Stäng"), Binding("question_mark", "close", "Stäng")]

    def compose(self) -> ComposeResult:
        yield Static(HELP_TEXT, id="help")

    def action_close(self) -> None:
        self.dismiss(None)

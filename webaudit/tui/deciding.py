"""The decision keys shared by the municipality view and the item view.

A screen that mixes this in holds a SiteView and a current index; every write goes through the
service (optimistic concurrency), and a refused stale write reloads the item and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.reactive import Reactive
from textual.screen import Screen

from webaudit.errors import StaleWriteError, WebauditError
from webaudit.review.rows import Candidate, ItemRow, SiteView
from webaudit.review.service import ReviewService, Stopwatch
from webaudit.store.tables import Capture
from webaudit.tui import labels
from webaudit.tui.dialogs import TextPrompt

if TYPE_CHECKING:
    from webaudit.tui.app import ReviewApp

DECISION_BINDINGS = [
    Binding(
        "space",
        "accept",
        "Godta förslag",
        key_display="␣",
        tooltip="godta förhandsbedömningen (uppfylld → Ja, saknas → Nej) och gå vidare",
    ),
    Binding("y", "decide('yes')", "Ja", tooltip="Ja: punkten uppfylls"),
    Binding("j", "decide('yes')", "Ja", show=False, tooltip="Ja (samma som y)"),
    Binding("n", "decide('no')", "Nej", tooltip="Nej: punkten uppfylls inte"),
    Binding("a", "not_applicable", "Ej tillämplig", tooltip="ej tillämplig (skäl krävs)"),
    Binding("m", "note", "Anteckning", tooltip="skriv en anteckning till beslutet"),
    Binding("u", "undo", "Ångra", tooltip="ångra punktens senaste beslut"),
    Binding("e", "next_evidence", "Nästa bevis", tooltip="välj nästa bevis (för o och w)"),
    Binding(
        "o",
        "open_screenshot",
        "Skärmbild",
        tooltip="öppna bevisets skärmbild (utsnitt om det finns, annars helsidan)",
    ),
    Binding(
        "O", "open_page_screenshot", "Helsida", show=False, tooltip="öppna bevisets helsidesbild"
    ),
    Binding("w", "open_live", "Webbsida", tooltip="öppna bevisets sida live i webbläsaren"),
    Binding(
        "f",
        "capture",
        "Fånga URL",
        tooltip="fånga en sida du hittat själv (skärmbild, hash, tid) och bifoga som bevis",
    ),
]


class Deciding(Screen[Any]):
    """Decision actions over `self.view` at `self.index`."""

    # The header follows these by watching them; the default would also repaint the whole
    # screen (a full redraw, ~10 ms) each time the item or the site changes.
    title: Reactive[str | None] = Reactive(None, compute=False, repaint=False)
    sub_title: Reactive[str | None] = Reactive(None, compute=False, repaint=False)

    view: SiteView
    index: int
    service: ReviewService
    stopwatch: Stopwatch
    selected_evidence: dict[str, int]

    @property
    def review_app(self) -> ReviewApp:
        from webaudit.tui.app import ReviewApp

        assert isinstance(self.app, ReviewApp)
        return self.app

    # -- hooks the screens implement -------------------------------------------------------------

    def row_changed(self, index: int, *, detail: bool = True) -> None:
        """Show the new state of row `index` (and its detail, unless `detail` is False)."""

    def go_to(self, index: int) -> None:
        """Move the cursor to row `index`."""

    def status(self, message: str, *, warning: bool = False) -> None:
        """Show a one-line message."""

    # -- state -------------------------------------------------------------------------------

    @property
    def row(self) -> ItemRow | None:
        rows = self.view.rows
        return rows[self.index] if 0 <= self.index < len(rows) else None

    @property
    def candidate(self) -> Candidate | None:
        row = self.row
        if row is None or not row.candidates:
            return None
        chosen = self.selected_evidence.get(row.item.id, 0)
        return row.candidates[min(chosen, len(row.candidates) - 1)]

    def _write(self, action: Callable[[ItemRow], object], saved: str, *, advance: bool) -> None:
        row = self.row
        if row is None:
            return
        index = self.index
        try:
            action(row)
        except StaleWriteError as error:
            fresh = self.service.item(self.view.code, row.item.id, self.view.role)
            self.view.rows[index] = fresh
            self.row_changed(index)
            self.status(f"Inte sparat: {error}. Så här ser punkten ut nu.", warning=True)
            return
        except WebauditError as error:
            self.status(str(error), warning=True)
            return
        moving = advance and index + 1 < len(self.view.rows)
        self.row_changed(index, detail=not moving)  # moving on redraws the detail anyway
        self.status(saved)
        self.stopwatch.restart()
        if moving:
            self.go_to(index + 1)

    # -- actions -----------------------------------------------------------------------------

    def action_accept(self) -> None:
        row = self.row
        if row is None:
            return
        if row.suggestion is None:
            self.status(
                "Förhandsbedömningen är osäker: välj själv med y (ja) eller n (nej)", warning=True
            )
            return
        seconds = self.stopwatch.seconds
        self._write(
            lambda r: self.service.accept_suggestion(self.view.code, r, seconds_spent=seconds),
            f"Sparat: {row.item.title.sv} = {labels.decision(row.suggestion)}",
            advance=True,
        )

    def action_decide(self, value: str) -> None:
        row = self.row
        if row is None:
            return
        seconds = self.stopwatch.seconds
        self._write(
            lambda r: self.service.decide_row(self.view.code, r, value, seconds_spent=seconds),
            f"Sparat: {row.item.title.sv} = {labels.decision(value)}",
            advance=True,
        )

    def action_not_applicable(self) -> None:
        row = self.row
        if row is None:
            return
        seconds = self.stopwatch.seconds

        def done(reason: str | None) -> None:
            if reason:
                self._write(
                    lambda r: self.service.decide_row(
                        self.view.code, r, "not_applicable", note=reason, seconds_spent=seconds
                    ),
                    f"Sparat: {row.item.title.sv} = Ej tillämplig",
                    advance=True,
                )

        self.app.push_screen(
            TextPrompt(f"Varför är ”{row.item.title.sv}” inte tillämplig?", required=True), done
        )

    def action_note(self) -> None:
        row = self.row
        if row is None:
            return

        def done(note: str | None) -> None:
            if note is not None:
                self._write(
                    lambda r: self.service.set_note(self.view.code, r, note),
                    "Anteckningen sparad" if note else "Anteckningen borttagen",
                    advance=False,
                )

        current = row.decision.note if row.decision and row.decision.note else ""
        self.app.push_screen(
            TextPrompt(f"Anteckning till ”{row.item.title.sv}”", value=current), done
        )

    def action_undo(self) -> None:
        self._write(lambda r: self.service.undo(self.view.code, r), "Ångrat", advance=False)

    def action_next_evidence(self) -> None:
        row = self.row
        if row is None or not row.candidates:
            self.status("Punkten har inga bevis att välja mellan", warning=True)
            return
        chosen = (self.selected_evidence.get(row.item.id, 0) + 1) % len(row.candidates)
        self.selected_evidence[row.item.id] = chosen
        self.row_changed(self.index)
        self.status(f"Bevis {chosen + 1} av {len(row.candidates)}")

    def _open(self, relative: str | None, what: str) -> None:
        if not relative:
            self.status(f"Ingen {what} för detta bevis", warning=True)
            return
        path: Path = self.service.workspace.evidence.absolute(relative)
        if not path.is_file():
            self.status(f"Filen saknas i bevismappen: {path}", warning=True)
            return
        self.status(self.review_app.opener.open_file(self.app, path))

    def action_open_screenshot(self) -> None:
        candidate = self.candidate
        if candidate is None:
            self.status("Punkten har inget bevis med skärmbild", warning=True)
            return
        self._open(candidate.crop or candidate.screenshot, "skärmbild")

    def action_open_page_screenshot(self) -> None:
        candidate = self.candidate
        self._open(candidate.screenshot if candidate else None, "helsidesbild")

    def action_open_live(self) -> None:
        candidate = self.candidate
        url = candidate.capture.final_url if candidate else None
        if not url:
            self.status("Punkten har ingen sida att öppna", warning=True)
            return
        self.status(self.review_app.opener.open_url(self.app, url))

    def action_capture(self) -> None:
        row = self.row
        if row is None:
            return
        code = self.view.code

        def done(url: str | None) -> None:
            if not url:
                return
            self.status(f"Fångar {url} … (skärmbild, text och hash; några sekunder)")
            self.run_worker(
                lambda: self._capture_in_thread(code, row, url),
                thread=True,
                exclusive=False,
                group="capture",
            )

        self.app.push_screen(
            TextPrompt(
                f"Adress till en sida som visar ”{row.item.title.sv}”",
                placeholder="https://",
                required=True,
            ),
            done,
        )

    def _capture_in_thread(self, code: str, row: ItemRow, url: str) -> None:
        try:
            capture = self.service.capture_page(code, url, row.item.id)
        except WebauditError as error:
            self.app.call_from_thread(self.status, f"Kunde inte fånga sidan: {error}", warning=True)
            return
        except Exception as error:
            self.app.call_from_thread(
                self.status,
                f"Kunde inte fånga sidan: {type(error).__name__}: {error}",
                warning=True,
            )
            return
        self.app.call_from_thread(self._attach_capture, row, capture)

    def _attach_capture(self, row: ItemRow, capture: Capture) -> None:
        if row not in self.view.rows:
            return
        index = self.view.rows.index(row)
        failed = capture.error or (capture.status or 0) >= 400 or capture.status is None
        self.index, previous = index, self.index
        try:
            self._write(
                lambda r: self.service.attach_capture(self.view.code, r, capture),
                f"Sidan fångad ({capture.captured_at:%H:%M:%S} UTC) och bifogad som bevis"
                + (f" – obs: {capture.error or capture.status}" if failed else ""),
                advance=False,
            )
        finally:
            self.index = previous
        self.selected_evidence[row.item.id] = 0
        self.row_changed(index)

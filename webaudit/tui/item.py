"""The item view: one item in full, with the element crop and the page screenshot."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Label, Static

from webaudit.tui import images
from webaudit.tui.deciding import DECISION_BINDINGS, Deciding
from webaudit.tui.detail import item_text
from webaudit.tui.footer import KeyFooter

if TYPE_CHECKING:
    from webaudit.tui.site import SiteScreen


class ItemScreen(Deciding):
    BINDINGS = [
        *DECISION_BINDINGS,
        Binding("right", "step(1)", "Nästa punkt", key_display="→", tooltip="nästa punkt"),
        Binding("left", "step(-1)", "Föreg. punkt", key_display="←", tooltip="föregående punkt"),
        Binding("escape", "back", "Kommunen", tooltip="tillbaka till kommunens punkter"),
    ]

    def __init__(self, site: SiteScreen) -> None:
        super().__init__()
        self.site = site
        self.service = site.service
        self._follow_site()

    def _follow_site(self) -> None:
        """Take the site view's current site and item (its view, stopwatch and evidence)."""
        site = self.site
        self.view = site.view
        self.index = site.index
        self.stopwatch = site.stopwatch
        self.selected_evidence = site.selected_evidence

    def open(self) -> None:
        """Show the site view's current item (the app keeps one item view, as one site view)."""
        self._follow_site()
        if self.is_mounted:
            self._show_item()
            self.query_one("#item-body", VerticalScroll).scroll_home(animate=False)
            self.status("")

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="item-main"):
            with VerticalScroll(id="item-body"):
                yield Static(id="item-text")
            with VerticalScroll(id="previews"):
                yield images.Preview("Utsnitt av det matchade elementet", id="crop")
                yield images.Preview("Helsidan (överst)", id="page")
        yield Label("", id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show_item()
        self.query_one("#item-body").focus()
        self.call_after_refresh(self.review_app.collector.keep)  # this view lives on

    def _show_item(self) -> None:
        row = self.row
        if row is None:
            return
        self.title = f"{self.view.code} {self.view.name}"
        self.sub_title = f"punkt {self.index + 1}/{len(self.view.rows)}: {row.item.title.sv}"
        self.query_one("#item-text", Static).update(
            item_text(
                row,
                selected=self.selected_evidence.get(row.item.id, 0),
                previous_round_id=self.view.previous_round_id,
                full=True,
            )
        )
        self._load_previews()

    def _load_previews(self) -> None:
        candidate = self.candidate
        evidence = self.service.workspace.evidence
        wanted: list[tuple[str, str | None, bool]] = [
            ("crop", candidate.crop if candidate else None, False),
            ("page", candidate.screenshot if candidate else None, True),
        ]
        for widget_id, relative, top_only in wanted:
            preview = self.query_one(f"#{widget_id}", images.Preview)
            if not relative:
                missing = "Inget utsnitt" if widget_id == "crop" else "Ingen skärmbild"
                preview.show(None, f"{missing} för detta bevis.")
                continue
            path = evidence.absolute(relative)
            hint = "o öppnar utsnittet" if widget_id == "crop" else "O öppnar helsidan"
            if not images.SUPPORTED:
                preview.show(None, f"Terminalen kan inte visa bilder här – {hint}.\n{path}")
                continue
            picture = images.cached_preview(path, top_only=top_only)
            if picture is not None:  # seen before: no decoding, no flicker
                preview.show(picture, f"{hint} · {path.name[:16]}…")
                continue
            preview.show(None, f"Läser in bilden … ({hint})")
            self.run_worker(
                lambda p=path, w=preview, h=hint, t=top_only: self._load(p, w, h, t),
                thread=True,
                group=f"preview-{widget_id}",
                exclusive=True,
            )

    def _load(self, path: Path, preview: images.Preview, hint: str, top_only: bool) -> None:
        try:
            picture: Any = images.load_preview(path, top_only=top_only)
        except OSError as error:
            self.app.call_from_thread(preview.show, None, f"Bilden kan inte läsas: {error}")
            return
        self.app.call_from_thread(self._loaded, preview, path, picture, hint)

    def _loaded(self, preview: images.Preview, path: Path, picture: Any, hint: str) -> None:
        candidate = self.candidate  # still the evidence the picture was read for?
        wanted = {candidate.crop, candidate.screenshot} if candidate else set()
        if any(r and self.service.workspace.evidence.absolute(r) == path for r in wanted):
            preview.show(picture, f"{hint} · {path.name[:16]}…")

    # -- Deciding hooks ------------------------------------------------------------------------

    def row_changed(self, index: int, *, detail: bool = True) -> None:
        if detail and index == self.index:
            self._show_item()

    def go_to(self, index: int) -> None:
        self.index = index
        self.stopwatch.restart()
        self._show_item()

    def status(self, message: str, *, warning: bool = False) -> None:
        label = self.query_one("#status", Label)
        label.update(message)
        label.set_class(warning, "warning")

    def action_step(self, step: int) -> None:
        target = self.index + step
        if 0 <= target < len(self.view.rows):
            self.go_to(target)

    def action_back(self) -> None:
        self.site.back_from_item(self.index)
        self.dismiss(self.index)

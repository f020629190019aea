"""The review app and its factory (the CLI and the tests both call `build_app`)."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from webaudit.review.service import ReviewService
from webaudit.tui.screens import QueueScreen
from webaudit.workspace import Workspace


class ReviewApp(App[None]):
    TITLE = "webaudit – granskning"
    CSS_PATH = "review.tcss"
    BINDINGS = [Binding("q", "quit", "Avsluta"), Binding("question_mark", "help", "Hjälp")]

    def __init__(self, service: ReviewService) -> None:
        super().__init__()
        self.service = service
        self.sub_title = f"omgång {service.round_id} · granskare {service.reviewer}"

    def on_mount(self) -> None:
        self.push_screen(QueueScreen(self.service))

    def action_help(self) -> None:
        from webaudit.tui.screens import HelpScreen

        self.push_screen(HelpScreen())


def build_app(workspace: Workspace, round_id: str, reviewer: str) -> ReviewApp:
    return ReviewApp(ReviewService(workspace, round_id, reviewer))

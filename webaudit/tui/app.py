"""The review app and its factory (the CLI, the tests and the benchmark all call `build_app`)."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from webaudit.review.service import ReviewService
from webaudit.tui import images  # noqa: F401 - probes the terminal for images before Textual starts
from webaudit.tui.dialogs import HelpScreen
from webaudit.tui.opener import Opener, SystemOpener
from webaudit.tui.queue import QueueScreen
from webaudit.workspace import Workspace

HELP_INTRO = (
    "Varje beslut sparas direkt i databasen med ditt namn, tid, hur länge du tittade, "
    "bevisen och checklistans och matcharnas versioner. Snabbaste vägen: när "
    "förhandsbedömningen stämmer, tryck mellanslag så sparas den och nästa punkt visas. "
    "Har någon annan hunnit ändra samma punkt sparas inget: du får ett meddelande och ser "
    "punkten som den är nu."
)


class ReviewApp(App[None]):
    TITLE = "webaudit – granskning"
    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("q", "quit", "Avsluta", tooltip="avsluta (allt är redan sparat)"),
        Binding("question_mark", "help", "Hjälp", key_display="?", tooltip="visa alla tangenter"),
    ]

    def __init__(self, service: ReviewService, *, opener: Opener | None = None) -> None:
        super().__init__()
        self.service = service
        self.opener: Opener = opener or SystemOpener()
        self.sub_title = f"omgång {service.round_id} · granskare {service.reviewer}"

    def on_mount(self) -> None:
        self.push_screen(QueueScreen(self.service))

    def action_help(self) -> None:
        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        title = f"Hjälp – {screen.title or self.TITLE}"
        self.push_screen(HelpScreen(title, HELP_INTRO, list(type(screen).BINDINGS)))


def build_app(
    workspace: Workspace, round_id: str, reviewer: str, *, opener: Opener | None = None
) -> ReviewApp:
    return ReviewApp(ReviewService(workspace, round_id, reviewer), opener=opener)

"""The review app and its factory (the CLI, the tests and the benchmark all call `build_app`)."""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.binding import Binding

from webaudit.review.rows import Role
from webaudit.review.service import ReviewService
from webaudit.tui import images  # noqa: F401 - probes the terminal for images before Textual starts
from webaudit.tui.dialogs import HelpScreen
from webaudit.tui.heap import IDLE_SECONDS, QuietCollector
from webaudit.tui.item import ItemScreen
from webaudit.tui.opener import Opener, SystemOpener
from webaudit.tui.prefetch import SitePrefetcher
from webaudit.tui.queue import QueueScreen
from webaudit.tui.site import SiteScreen
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
        self._site_screen: SiteScreen | None = None
        self._item_screen: ItemScreen | None = None
        self.collector = QuietCollector()
        self.prefetch = SitePrefetcher(service)

    def on_mount(self) -> None:
        self.push_screen(QueueScreen(self.service))
        self.collector.start()
        self.set_interval(IDLE_SECONDS / 2, self.collector.tick)

    def on_key(self, _event: events.Key) -> None:
        self.collector.key_pressed()  # the key goes on to the bindings as usual

    def on_unmount(self) -> None:
        self.collector.stop()
        self.prefetch.close()

    def open_site(self, code: str, role: Role = "primary", codes: list[str] | None = None) -> None:
        """Show a municipality (WebauditError if refused: one's own site for a second review).

        `codes`: the queue's order, for the next/previous site keys.
        """
        screen = self.site_screen
        screen.open(self.prefetch.take(code, role), codes)
        self.push_screen(screen)

    @property
    def item_screen(self) -> ItemScreen:
        """The one item view (of the site view's current item), kept like the site view."""
        if self._item_screen is None:
            self._item_screen = ItemScreen(self.site_screen)
            self.install_screen(self._item_screen, "item")
        return self._item_screen

    @property
    def site_screen(self) -> SiteScreen:
        """The one municipality view, built on first use and then filled with each site."""
        if self._site_screen is None:
            self._site_screen = SiteScreen(self.service)
            self.install_screen(self._site_screen, "site")
        return self._site_screen

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

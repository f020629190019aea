"""Small modal screens: a one-line text prompt and the help screen."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static


class TextPrompt(ModalScreen[str | None]):
    """Ask for one line of text: a reason, a note, a URL. Enter saves, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Avbryt")]

    def __init__(
        self, question: str, *, value: str = "", required: bool = False, placeholder: str = ""
    ) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.required = required
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title")
            yield Input(
                value=self.value, placeholder=self.placeholder, id="prompt", select_on_focus=False
            )
            yield Label(
                "Enter sparar · Esc avbryter" + (" · får inte vara tomt" if self.required else ""),
                id="prompt-hint",
                classes="hint",
            )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        answer = event.value.strip()
        if self.required and not answer:
            self.query_one("#prompt-hint", Label).update("Skriv något först (Esc avbryter)")
            return
        self.dismiss(answer)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _key_label(binding: Binding) -> str:
    return binding.key_display or binding.key.replace("space", "mellanslag")


class HelpScreen(ModalScreen[None]):
    """Every key of the screen below, with what it does, plus the global ones."""

    BINDINGS = [
        Binding("escape", "close", "Stäng"),
        Binding("question_mark", "close", "Stäng", key_display="?"),
        Binding("q", "close", "Stäng", show=False),
    ]

    def __init__(self, title: str, intro: str, bindings: list[BindingType]) -> None:
        super().__init__()
        self.title_text = title
        self.intro = intro
        self.bindings = [b for b in bindings if isinstance(b, Binding) and b.description]

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        seen: set[str] = set()
        for binding in self.bindings:
            if binding.action in seen and not binding.show:
                continue
            seen.add(binding.action)
            table.add_row(_key_label(binding), binding.description)
        table.add_row("?", "den här hjälpen")
        table.add_row("q", "avsluta (beslut sparas direkt, inget går förlorat)")
        with VerticalScroll(classes="dialog help"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(Text(self.intro))
            yield Static(table)
            yield Label("Esc eller ? stänger", classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)

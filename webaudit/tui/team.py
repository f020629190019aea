"""Team screens: agreement between the two reviews, and adjudication of disagreements."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from webaudit.errors import StaleWriteError, WebauditError
from webaudit.review.agreement import ItemAgreement
from webaudit.review.service import ReviewService, Stopwatch
from webaudit.review.team import Disagreement, adjudicate, agreement_report, disagreements
from webaudit.tui import labels
from webaudit.tui.dialogs import TextPrompt


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f} %"


def _kappa(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


class AgreementScreen(Screen[None]):
    """Per item: sites where both reviews decided, how often they agreed, Cohen's kappa."""

    BINDINGS = [
        Binding("r", "refresh", "Uppdatera", tooltip="räkna om"),
        Binding("escape", "back", "Kön", tooltip="tillbaka till kön"),
    ]

    def __init__(self, service: ReviewService) -> None:
        super().__init__()
        self.service = service

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="agreement-summary")
        yield DataTable(id="agreement", cursor_type="row", zebra_stripes=True)
        yield Static(
            "Kappa (Cohen) tar hänsyn till slumpmässig överensstämmelse: 1 = full, 0 = som slumpen. "
            "– betyder att det inte kan räknas ännu (inga par, eller bara ett svar förekommer).",
            classes="hint",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Samstämmighet"
        table = self.query_one(DataTable)
        table.add_columns("Punkt", "Par", "Överens", "Andel", "Kappa")
        self.action_refresh()
        table.focus()

    def action_refresh(self) -> None:
        report = agreement_report(self.service.workspace, self.service.round_id)
        table = self.query_one(DataTable)
        table.clear()
        titles = {item.id: item.title.sv for item in self.service.checklist.items}

        def add(row: ItemAgreement, title: str | Text) -> None:
            table.add_row(
                title, str(row.pairs), str(row.agreed), _share(row.rate), _kappa(row.kappa)
            )

        for row in report.items:
            add(row, titles.get(row.item_id, row.item_id))
        add(report.overall, Text("Alla punkter", style="bold"))
        self.query_one("#agreement-summary", Label).update(
            f"{report.sites} kommuner utvalda för blind andragranskning · "
            f"{report.overall.pairs} punkter bedömda av båda · "
            f"andel överens {_share(report.overall.rate)} · kappa {_kappa(report.overall.kappa)}"
        )

    def action_back(self) -> None:
        self.dismiss(None)


class AdjudicationScreen(Screen[None]):
    """Where the primary and second review disagree; a ruling settles each item."""

    BINDINGS = [
        Binding("y", "rule('yes')", "Ja", tooltip="avgör: Ja"),
        Binding("n", "rule('no')", "Nej", tooltip="avgör: Nej"),
        Binding(
            "a",
            "rule('not_applicable')",
            "Ej tillämplig",
            tooltip="avgör: ej tillämplig (skäl krävs)",
        ),
        Binding("o", "open_site", "Visa kommunen", tooltip="öppna kommunen och se bevisen"),
        Binding("r", "refresh", "Uppdatera", tooltip="läs om ärendena"),
        Binding("escape", "back", "Kön", tooltip="tillbaka till kön"),
    ]

    def __init__(self, service: ReviewService) -> None:
        super().__init__()
        self.service = service
        self.cases: list[Disagreement] = []
        self.stopwatch = Stopwatch()

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="cases", cursor_type="row", zebra_stripes=True)
        yield Static(id="case-detail")
        yield Label("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Skiljeärenden"
        table = self.query_one(DataTable)
        table.add_columns("Kommun", "Punkt", "Förstagranskning", "Andragranskning", "Skiljebeslut")
        self.action_refresh()
        table.focus()

    def action_refresh(self) -> None:
        self.cases = disagreements(self.service.workspace, self.service.round_id)
        table = self.query_one(DataTable)
        row_index = table.cursor_row
        table.clear()
        titles = {item.id: item.title.sv for item in self.service.checklist.items}
        for case in self.cases:
            ruling = (
                Text(labels.decision(case.adjudication.value), style="bold")
                if case.adjudication
                else Text("öppet", style="yellow")
            )
            table.add_row(
                f"{case.code} {case.name}",
                titles.get(case.item_id, case.item_id),
                f"{labels.decision(case.primary.value)} ({case.primary.reviewer})",
                f"{labels.decision(case.second.value)} ({case.second.reviewer})",
                ruling,
            )
        if self.cases:
            table.move_cursor(row=min(max(row_index, 0), len(self.cases) - 1))
        self._detail()
        open_cases = sum(1 for c in self.cases if not c.settled)
        self.sub_title = f"{open_cases} öppna av {len(self.cases)}"

    @property
    def case(self) -> Disagreement | None:
        table = self.query_one(DataTable)
        return self.cases[table.cursor_row] if 0 <= table.cursor_row < len(self.cases) else None

    @on(DataTable.RowHighlighted)
    def _highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.stopwatch.restart()
        self._detail()

    def _detail(self) -> None:
        case = self.case
        text = Text()
        if case is None:
            text.append(
                "Inga oenigheter mellan förstagranskning och andragranskning.", style="italic"
            )
        else:
            for title, decision in (
                ("Förstagranskning", case.primary),
                ("Andragranskning", case.second),
            ):
                text.append(f"{title}: ", style="bold")
                text.append(f"{labels.decision(decision.value)} av {decision.reviewer}")
                if decision.note:
                    text.append(f" – {decision.note}")
                text.append("\n")
            if case.adjudication:
                text.append("Skiljebeslut: ", style="bold")
                text.append(
                    f"{labels.decision(case.adjudication.value)} av {case.adjudication.reviewer}"
                )
                if case.adjudication.note:
                    text.append(f" – {case.adjudication.note}")
        self.query_one("#case-detail", Static).update(text)

    def status(self, message: str, *, warning: bool = False) -> None:
        label = self.query_one("#status", Label)
        label.update(message)
        label.set_class(warning, "warning")

    def action_rule(self, value: str) -> None:
        case = self.case
        if case is None:
            return
        seconds = self.stopwatch.seconds

        def save(note: str | None) -> None:
            if value == "not_applicable" and not note:
                return
            try:
                adjudicate(
                    self.service.workspace,
                    self.service.round_id,
                    case,
                    value,
                    reviewer=self.service.reviewer,
                    note=note or None,
                    seconds_spent=seconds,
                )
            except StaleWriteError as error:
                self.action_refresh()
                self.status(f"Inte sparat: {error}. Ärendet visas som det är nu.", warning=True)
                return
            except WebauditError as error:
                self.status(str(error), warning=True)
                return
            self.action_refresh()
            self.status(f"Avgjort: {case.code} {case.item_id} = {labels.decision(value)}")

        self.app.push_screen(
            TextPrompt(
                f"Motivering till skiljebeslutet ({labels.decision(value)})",
                required=value == "not_applicable",
            ),
            save,
        )

    def action_open_site(self) -> None:
        from webaudit.tui.app import ReviewApp

        case = self.case
        if case is not None:
            assert isinstance(self.app, ReviewApp)
            try:
                self.app.open_site(case.code)
            except WebauditError as error:
                self.status(str(error), warning=True)

    def action_back(self) -> None:
        self.dismiss(None)

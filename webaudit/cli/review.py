"""`webaudit review`: the reviewers' terminal UI (or the same app in a browser with --web)."""

from __future__ import annotations

import shlex
import sys

import click

from webaudit.cli.common import UserFacingError, echo, with_workspace
from webaudit.workspace import Workspace


@click.command("review")
@click.option("--reviewer", help="Ditt namn i beslutsloggen [WEBAUDIT_REVIEWER; standard: $USER].")
@click.option(
    "--round", "round_id", metavar="ÅR", help="Granskningsomgång. Standard: checklistans år."
)
@click.option("--web", is_flag=True, help="Visa samma app i webbläsaren (textual-serve).")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Adress för --web. Bara den egna datorn som standard.",
)
@click.option("--port", default=8000, show_default=True, type=int, help="Port för --web.")
@click.option(
    "--sample-second",
    "sample_fraction",
    type=float,
    metavar="ANDEL",
    help="Välj ut en andel kommuner (t.ex. 0.1) för blind andragranskning, skriv ut och avsluta.",
)
@click.option("--seed", type=int, default=2025, show_default=True, help="Slumpfrö för urvalet.")
@click.option(
    "--agreement",
    is_flag=True,
    help="Skriv ut samstämmigheten (andel och Cohens kappa per punkt) och avsluta.",
)
@with_workspace
def review_command(
    workspace: Workspace,
    reviewer: str | None,
    round_id: str | None,
    web: bool,
    host: str,
    port: int,
    sample_fraction: float | None,
    seed: int,
    agreement: bool,
) -> None:
    """Granska kommunerna i terminalen: bekräfta varje punkt med tangentbordet.

    Kön visar alla kommuner; Enter öppnar en, mellanslag godtar förhandsbedömningen och går
    vidare, y/n/a beslutar själv, ? visar alla tangenter. Flera granskare kan arbeta samtidigt
    mot samma databas (SQLite, eller PostgreSQL för ett team).

    \b
    Exempel:
      webaudit review --reviewer anna
      webaudit review --reviewer anna --round 2025 --db postgresql://db.example.se/webaudit
      webaudit review --reviewer anna --web            öppna http://127.0.0.1:8000
      webaudit review --sample-second 0.1 --seed 7     välj 10 % för andragranskning
      webaudit review --agreement                      samstämmighet och kappa per punkt
    """
    name = reviewer or workspace.settings.effective_reviewer
    if not name:
        raise UserFacingError("ange --reviewer NAMN (eller WEBAUDIT_REVIEWER)")
    round_id = workspace.ensure_round(round_id, name)
    if sample_fraction is not None:
        from webaudit.review.team import sample_second_review

        added = sample_second_review(workspace, round_id, sample_fraction, seed=seed, actor=name)
        echo(f"{len(added)} kommuner utvalda för blind andragranskning: {', '.join(added) or '–'}")
        return
    if agreement:
        _print_agreement(workspace, round_id)
        return
    if web:
        _serve(workspace, round_id, name, host, port)
        return
    from webaudit.tui.app import build_app

    build_app(workspace, round_id, name).run()


def _print_agreement(workspace: Workspace, round_id: str) -> None:
    from webaudit.review.team import agreement_report

    report = agreement_report(workspace, round_id)
    echo(f"Omgång {round_id}: {report.sites} kommuner utvalda för andragranskning")
    echo(f"{'Punkt':<26} {'Par':>4} {'Överens':>8} {'Andel':>6} {'Kappa':>6}")
    for row in [*report.items, report.overall]:
        rate = "–" if row.rate is None else f"{row.rate * 100:.0f} %"
        kappa = "–" if row.kappa is None else f"{row.kappa:.2f}"
        label = "alla punkter" if row.item_id == "*" else row.item_id
        echo(f"{label:<26} {row.pairs:>4} {row.agreed:>8} {rate:>6} {kappa:>6}")


def _serve(workspace: Workspace, round_id: str, reviewer: str, host: str, port: int) -> None:
    """Serve the same app in a browser: textual-serve runs one app process per browser tab."""
    from textual_serve.server import Server

    settings = workspace.settings
    command = [
        sys.executable,
        "-m",
        "webaudit",
        "--db",
        settings.db_url,
        "--evidence-dir",
        str(settings.evidence_dir.resolve()),
        "--checklist",
        str(workspace.loaded_checklist.path),
        "review",
        "--reviewer",
        reviewer,
        "--round",
        round_id,
    ]
    if host not in ("127.0.0.1", "localhost", "::1"):
        echo(
            f"Obs: {host} gör granskningen nåbar från andra datorer; den har ingen inloggning.",
            err=True,
        )
    echo(f"Granskningen visas på http://{host}:{port} (Ctrl+C avslutar)")
    Server(shlex.join(command), host=host, port=port, title="webaudit – granskning").serve()

"""`webaudit review`: the reviewers' terminal UI."""

from __future__ import annotations

import click

from webaudit.cli.common import UserFacingError, with_workspace
from webaudit.workspace import Workspace


@click.command("review")
@click.option("--reviewer", help="Ditt namn i beslutsloggen [WEBAUDIT_REVIEWER; standard: $USER].")
@click.option(
    "--round", "round_id", metavar="ÅR", help="Granskningsomgång. Standard: checklistans år."
)
@with_workspace
def review_command(workspace: Workspace, reviewer: str | None, round_id: str | None) -> None:
    """Granska kommunerna i terminalen: bekräfta varje punkt med tangentbordet.

    \b
    Exempel:
      webaudit review --reviewer anna
      webaudit review --reviewer anna --round 2025 --db postgresql://db.example.se/webaudit
    """
    from webaudit.tui.app import build_app

    name = reviewer or workspace.settings.effective_reviewer
    if not name:
        raise UserFacingError("ange --reviewer NAMN (eller WEBAUDIT_REVIEWER)")
    round_id = workspace.ensure_round(round_id, name)
    build_app(workspace, round_id, name).run()

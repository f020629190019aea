"""`webaudit verify`: check the evidence folder against the database."""

from __future__ import annotations

import click

from webaudit.cli.common import UserFacingError, echo, with_workspace
from webaudit.verify import verify_evidence
from webaudit.workspace import Workspace


@click.command("verify")
@click.option(
    "--round", "round_id", metavar="ÅR", help="Bara filer som omgångens fångster pekar på."
)
@with_workspace
def verify_command(workspace: Workspace, round_id: str | None) -> None:
    """Kontrollera varje sparad fil mot dess SHA-256 och databasen.

    Avslutas med felkod om någon fil saknas, är ändrad eller är okänd för databasen.

    \b
    Exempel:
      webaudit verify
      webaudit verify --round 2025
    """
    report = verify_evidence(workspace.store, workspace.evidence, round_id)
    for label, paths in (
        ("saknas", report.missing),
        ("ändrad", report.altered),
        ("okänd för databasen", report.orphaned),
        ("ej registrerad", report.unrecorded),
    ):
        for path in paths:
            echo(f"{label}: {path}")
    echo(f"{report.checked} filer kontrollerade.")
    if not report.ok:
        problems = (
            len(report.missing)
            + len(report.altered)
            + len(report.orphaned)
            + len(report.unrecorded)
        )
        raise UserFacingError(f"{problems} problem i bevismappen {workspace.settings.evidence_dir}")
    echo("Allt stämmer.")

"""`webaudit export`: scores and evidence for the index team."""

from __future__ import annotations

from pathlib import Path

import click

from webaudit.cli.common import echo, parse_codes, with_workspace
from webaudit.export.json_export import write_json
from webaudit.export.snapshot import read_round
from webaudit.workspace import Workspace

FORMATS = ("json",)


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="json",
    show_default=True,
    help="Exportformat.",
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Fil att skriva."
)
@click.option(
    "--round", "round_id", metavar="ÅR", help="Granskningsomgång. Standard: checklistans år."
)
@click.option("--only", metavar="KOD,...", help="Bara dessa kommunkoder.")
@with_workspace
def export_command(
    workspace: Workspace, fmt: str, out: Path, round_id: str | None, only: str | None
) -> None:
    """Exportera omgångens resultat: per kommun poäng, förhandsbedömning, beslut och bevis.

    \b
    Exempel:
      webaudit export --format json --out resultat-2025.json
      webaudit export --format json --out urval.json --only 0114,0180
    """
    snapshot = read_round(
        workspace.store, workspace.checklist, workspace.round_id(round_id), parse_codes(only)
    )
    document = write_json(snapshot, out)
    echo(f"Skrev {out} ({len(document['municipalities'])} kommuner, omgång {document['round']}).")

"""`webaudit init`: create or upgrade the database and register a round."""

from __future__ import annotations

from pathlib import Path

import click

from webaudit.cli.common import echo, with_workspace
from webaudit.municipalities import load_registry
from webaudit.store.rounds import register_municipalities
from webaudit.workspace import Workspace


@click.command("init")
@click.option(
    "--municipalities",
    "registry_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Kommunregister (CSV med minst code,name,website). Standard: alla 290.",
)
@click.option(
    "--round", "round_id", metavar="ÅR", help="Granskningsomgång. Standard: checklistans år."
)
@with_workspace
def init_command(workspace: Workspace, registry_file: Path | None, round_id: str | None) -> None:
    """Skapa eller uppgradera databasen och registrera en granskningsomgång.

    \b
    Exempel:
      webaudit init
      webaudit init --round 2025 --municipalities checklists/municipalities.csv
      webaudit init --db postgresql://granskare@db.example.se/webaudit
    """
    registry = load_registry(registry_file)
    for problem in registry.problems:
        echo(f"varning: {registry.path}: {problem}", err=True)
    round_id = workspace.ensure_round(round_id)
    with workspace.store.session(write=True) as session:
        added = register_municipalities(session, round_id, registry.municipalities)
    checklist = workspace.checklist
    echo(f"Databas: {workspace.store.display_url}")
    echo(
        f"Omgång {round_id}: checklista {checklist.id} {checklist.version} ({len(checklist.items)} punkter)"
    )
    echo(f"Kommuner: {len(registry.municipalities)} i registret, {added} nya i omgången")

"""`webaudit evidence`: the evidence list each municipality receives."""

from __future__ import annotations

from pathlib import Path

import click

from webaudit.cli.common import UserFacingError, echo, with_workspace
from webaudit.export.evidence_list import write_evidence_lists
from webaudit.export.snapshot import read_round
from webaudit.workspace import Workspace


@click.command("evidence")
@click.argument("codes", nargs=-1, metavar="[KOD]...")
@click.option("--all", "all_", is_flag=True, help="Alla kommuner i omgången.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Mapp att skriva till. Standard: <bevismapp>/underlag/<omgång>.",
)
@click.option(
    "--round", "round_id", metavar="ÅR", help="Granskningsomgång. Standard: checklistans år."
)
@with_workspace
def evidence_command(
    workspace: Workspace, codes: tuple[str, ...], all_: bool, out: Path | None, round_id: str | None
) -> None:
    """Skriv underlag (bevislista) per kommun som en fristående HTML-mapp.

    \b
    Exempel:
      webaudit evidence 0114
      webaudit evidence --all --out underlag-2025
    """
    if not codes and not all_:
        raise UserFacingError("ange kommunkoder eller --all")
    round_id = workspace.round_id(round_id)
    snapshot = read_round(workspace.store, workspace.checklist, round_id, list(codes) or None)
    if codes and len(snapshot.municipalities) < len(set(codes)):
        found = {s.municipality.code for s in snapshot.municipalities}
        raise UserFacingError(
            f"okända kommunkoder i omgång {round_id}: {', '.join(c for c in codes if c not in found)}"
        )
    out = out or workspace.settings.evidence_dir / "underlag" / round_id
    written = write_evidence_lists(snapshot, workspace.evidence, out)
    echo(f"Skrev {len(written)} underlag i {out}")

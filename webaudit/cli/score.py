"""`webaudit score`: delindex Information per municipality from the decisions."""

from __future__ import annotations

import click

from webaudit.cli.common import echo, parse_codes, with_workspace
from webaudit.export.snapshot import read_round
from webaudit.workspace import Workspace


@click.command("score")
@click.option(
    "--round", "round_id", metavar="ÅR", help="Granskningsomgång. Standard: checklistans år."
)
@click.option("--only", metavar="KOD,...", help="Bara dessa kommunkoder.")
@with_workspace
def score_command(workspace: Workspace, round_id: str | None, only: str | None) -> None:
    """Räkna delindex Information (0–100) per kommun från besluten och checklistans vikter.

    Ej beslutade punkter räknas som ej uppfyllda och poängen markeras preliminär tills alla
    punkter är beslutade.

    \b
    Exempel:
      webaudit score
      webaudit score --round 2025 --only 0114,0180
    """
    snapshot = read_round(
        workspace.store, workspace.checklist, workspace.round_id(round_id), parse_codes(only)
    )
    echo(f"{'Kod':<6} {'Kommun':<22} {'Grupp':>5} {'Information':>11} {'Rang':>5}  Status")
    for state in sorted(
        snapshot.municipalities, key=lambda s: -s.score.scores.get("information", 0.0)
    ):
        m = state.municipality
        status = (
            f"preliminär ({state.score.pending} punkter kvar)"
            if state.score.provisional
            else "slutlig"
        )
        rank = str(state.rank) if state.rank else "–"
        echo(
            f"{m.code:<6} {m.name[:22]:<22} {m.size_group or '–':>5} {state.score.scores.get('information', 0.0):>11.1f} {rank:>5}  {status}"
        )

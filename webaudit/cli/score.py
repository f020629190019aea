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
    punkter är beslutade; 'högst' visar poängen om alla återstående punkter blir ja. Rang,
    genomsnitt per storleksgrupp och riksgenomsnitt räknas över kommuner med minst ett beslut.

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
        snapshot.municipalities, key=lambda s: (-s.score.information, s.municipality.code)
    ):
        m = state.municipality
        if state.score.provisional:
            upper = state.score.upper.get("information", 0.0)
            left = state.score.pending
            noun = "punkt" if left == 1 else "punkter"
            status = f"preliminär ({left} {noun} kvar, högst {upper:.1f})"
        else:
            status = "slutlig"
        rank = str(state.rank) if state.rank else "–"
        echo(
            f"{m.code:<6} {m.name[:22]:<22} {m.size_group or '–':>5} "
            f"{state.score.information:>11.1f} {rank:>5}  {status}"
        )
    summary = snapshot.summary
    if summary is not None and summary.national_average is not None:
        groups = ", ".join(f"{g}: {v:.1f}" for g, v in summary.average_by_group.items())
        echo(
            f"Riksgenomsnitt {summary.national_average:.1f} ({summary.ranked} kommuner med beslut); "
            f"per storleksgrupp {groups}."
        )

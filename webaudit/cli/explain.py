"""`webaudit explain CODE ITEM`: which pages and phrases led to an item's pre-flag."""

from __future__ import annotations

import json

import click

from webaudit.cli.common import echo, with_workspace
from webaudit.match.explain import explain_item, explanation_json, format_explanation
from webaudit.workspace import Workspace


@click.command("explain")
@click.argument("code", metavar="KOD")
@click.argument("item_id", metavar="PUNKT")
@click.option(
    "--round", "round_id", metavar="ÅR", help="Granskningsomgång. Standard: checklistans år."
)
@click.option("--json", "as_json", is_flag=True, help="Skriv ut som JSON i stället för text.")
@with_workspace
def explain_command(
    workspace: Workspace, code: str, item_id: str, round_id: str | None, as_json: bool
) -> None:
    """Förklara en förhandsbedömning: vilka sidor och fraser som gav resultatet.

    Visar regeln, beläggen per sida (citat, plats, urklipp), träffar som inte räknas och
    varför, genomsökningens negativa belägg och granskarens beslut.

    \b
    Exempel:
      webaudit explain 0114 fee_calculator
      webaudit explain 9901 provider_comparison --round 2025
      webaudit explain 9901 flexibility_policy --json
    """
    explanation = explain_item(
        workspace.store, workspace.checklist, workspace.round_id(round_id), code, item_id
    )
    if as_json:
        echo(json.dumps(explanation_json(explanation), ensure_ascii=False, indent=2, default=str))
    else:
        echo(format_explanation(explanation))

"""`webaudit export`: scores and evidence for the index team (JSON, CSV, XLSX)."""

from __future__ import annotations

from pathlib import Path

import click

from webaudit.cli.common import echo, parse_codes, with_workspace
from webaudit.export.csv_export import write_csv
from webaudit.export.json_export import write_json
from webaudit.export.snapshot import read_round
from webaudit.export.xlsx_export import write_xlsx
from webaudit.workspace import Workspace

FORMATS = ("json", "csv", "xlsx")


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="json",
    show_default=True,
    help="Exportformat: json (kontraktet), csv (en rad per kommun + bevisfil) eller xlsx.",
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
    """Exportera omgångens resultat: per kommun poäng, rang, beslut per punkt och bevis.

    xlsx: ett blad med en rad per kommun (kod, namn, storleksgrupp, en kolumn per punkt,
    poäng, rang), ett blad per punkt med bevisadresser och fångsttider, och en sammanfattning.
    csv: samma rader som första bladet, plus <fil>-bevis.csv med bevisen för alla punkter.
    Poängen räknas alltid om från de aktuella besluten.

    \b
    Exempel:
      webaudit export --format json --out resultat-2025.json
      webaudit export --format xlsx --out resultat-2025.xlsx
      webaudit export --format csv --out resultat-2025.csv --only 0114,0180
    """
    snapshot = read_round(
        workspace.store, workspace.checklist, workspace.round_id(round_id), parse_codes(only)
    )
    count = len(snapshot.municipalities)
    if fmt == "json":
        write_json(snapshot, out)
        echo(f"Skrev {out} ({count} kommuner, omgång {snapshot.round_id}).")
    elif fmt == "csv":
        written = write_csv(snapshot, out)
        echo(
            f"Skrev {', '.join(map(str, written))} ({count} kommuner, omgång {snapshot.round_id})."
        )
    else:
        write_xlsx(snapshot, out)
        echo(f"Skrev {out} ({count} kommuner, omgång {snapshot.round_id}).")

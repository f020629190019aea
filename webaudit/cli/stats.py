"""`webaudit stats` and `webaudit history ...`: national statistics across rounds."""

from __future__ import annotations

from pathlib import Path

import click

from webaudit.cli.common import UserFacingError, echo, with_workspace
from webaudit.export.stats_report import item_rows, write_stats_report
from webaudit.history import import_history
from webaudit.statistics import collect_statistics
from webaudit.store.history import all_imports
from webaudit.workspace import Workspace


@click.command("stats")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Mapp för rapporten. Standard: <bevismapp>/statistik.",
)
@with_workspace
def stats_command(workspace: Workspace, out: Path | None) -> None:
    """Nationell statistik: antal kommuner per punkt och år, diagram och en HTML-rapport.

    Omfattar omgångar som granskats i databasen och tidigare år som importerats med
    `webaudit history import`. Diagrammen skrivs som PNG och SVG.

    \b
    Exempel:
      webaudit stats
      webaudit stats --out statistik-2025
    """
    stats = collect_statistics(workspace.store, workspace.checklist)
    if not stats:
        raise UserFacingError(
            "inga omgångar att räkna på: granska en omgång eller importera tidigare år"
        )
    out = out or workspace.settings.evidence_dir / "statistik"
    path = write_stats_report(stats, workspace.checklist, out)
    width = max(len(title) for _id, title, _c in item_rows(stats, workspace.checklist))
    echo(f"{'Punkt':<{width}} " + " ".join(f"{s.round_id:>6}" for s in stats))
    for _item_id, title, counts in item_rows(stats, workspace.checklist):
        echo(f"{title:<{width}} " + " ".join(f"{'–' if c is None else c:>6}" for c in counts))
    echo(f"Skrev {path}")


@click.group("history")
def history_group() -> None:
    """Tidigare omgångars resultat (för statistiken).

    \b
    Exempel:
      webaudit history import resultat-2023.csv --round 2023
      webaudit history import export-2024.json
      webaudit history list
    """


@history_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--round", "round_id", metavar="ÅR", help="Omgången (standard: ur filen eller filnamnet)."
)
@click.option("--by", "by", help="Vem som importerar (standard: $USER).")
@with_workspace
def import_command(workspace: Workspace, file: Path, round_id: str | None, by: str | None) -> None:
    """Importera en tidigare omgång: en CSV (en rad per kommun) eller en JSON-export.

    CSV-kolumner: kod, kommun, storleksgrupp, information och en kolumn per punkt (id eller
    rubrik) med ja/nej/ej tillämplig. Komma eller semikolon, UTF-8 eller Excels teckenkodning.
    En ny import av samma år ersätter den förra i statistiken; ingenting raderas.

    \b
    Exempel:
      webaudit history import resultat-2023.csv --round 2023
      webaudit history import hemtjanstindex-2024.json
    """
    actor = by or workspace.settings.effective_reviewer or "webaudit"
    record, parsed = import_history(
        workspace.store, file, workspace.checklist, round_id=round_id, actor=actor
    )
    echo(
        f"Importerade omgång {record.round_id} från {file.name}: {record.rows} kommuner, "
        f"{len(parsed.items)} punkter."
    )
    if parsed.ignored_columns:
        echo("  Ignorerade kolumner: " + ", ".join(parsed.ignored_columns))


@history_group.command("list")
@with_workspace
def list_command(workspace: Workspace) -> None:
    """Lista importerade omgångar.

    \b
    Exempel:
      webaudit history list
    """
    with workspace.store.session() as session:
        imports = all_imports(session)
    if not imports:
        echo("Inga importerade omgångar.")
        return
    for record in imports:
        echo(
            f"{record.round_id}  {record.rows:>4} kommuner  {record.source}  "
            f"{record.imported_at:%Y-%m-%d %H:%M} UTC  {record.imported_by}"
        )

"""`webaudit backup` / `webaudit restore`: one round's rows and evidence files in one archive."""

from __future__ import annotations

from pathlib import Path

import click

from webaudit.backup import restore_backup, write_backup
from webaudit.cli.common import echo, with_workspace
from webaudit.store.types import utcnow
from webaudit.workspace import Workspace


@click.command("backup")
@click.option(
    "--round", "round_id", metavar="ÅR", help="Granskningsomgång. Standard: checklistans år."
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Arkivfil (.tar, eller .tar.gz för komprimerat). "
    "Standard: webaudit-<omgång>-<tid>.tar i aktuell mapp.",
)
@with_workspace
def backup_command(workspace: Workspace, round_id: str | None, out: Path | None) -> None:
    """Säkerhetskopiera en omgång: databasens rader och alla bevisfiler, i ett arkiv.

    Arkivet är en vanlig tar-fil med en JSONL-fil per tabell, bevisfilerna och en
    SHA256SUMS-lista; det kan återställas till SQLite eller PostgreSQL med `webaudit restore`.

    \b
    Exempel:
      webaudit backup --round 2025 --out /säkerhet/webaudit-2025.tar
      webaudit --db postgresql://granskare@db.example.se/webaudit backup --round 2025
    """
    round_id = workspace.round_id(round_id)
    out = out or Path(f"webaudit-{round_id}-{utcnow().strftime('%Y%m%dT%H%M%SZ')}.tar")
    summary = write_backup(workspace.store, workspace.evidence, round_id, out)
    echo(
        f"Skrev {summary.path}: omgång {round_id}, {sum(summary.rows.values())} rader i "
        f"{len(summary.rows)} tabeller, {summary.files} filer."
    )
    if summary.excluded:
        echo(f"Tabeller utan koppling till en omgång (ingår inte): {', '.join(summary.excluded)}")


@click.command("restore")
@click.argument("archive", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@with_workspace
def restore_command(workspace: Workspace, archive: Path) -> None:
    """Återställ en omgång från en säkerhetskopia till databasen och bevismappen.

    Allt kontrolleras först (kontrollsummor, krockar med befintliga rader); finns något
    som skiljer sig ändras ingenting. Rader och filer som redan finns likadana hoppas
    över, så det går att återställa igen efter ett avbrott.

    \b
    Exempel:
      webaudit restore webaudit-2025.tar
      webaudit --db postgresql://granskare@db.example.se/webaudit restore webaudit-2025.tar
    """
    summary = restore_backup(workspace.store, workspace.evidence, archive)
    inserted = sum(summary.inserted.values())
    skipped = sum(summary.skipped.values())
    echo(
        f"Återställde omgång {summary.round_id}: {inserted} rader nya, {skipped} fanns redan; "
        f"{summary.files_written} filer skrivna, {summary.files_present} fanns redan."
    )
    for table, count in sorted(summary.kept.items()):
        echo(f"obs: {count} rader i {table} skilde sig och behölls som de var i databasen")

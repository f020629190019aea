"""`webaudit evidence`: the evidence list each municipality receives (HTML folder and PDF)."""

from __future__ import annotations

import time
from pathlib import Path

import click

from webaudit.cli.common import UserFacingError, echo, with_workspace
from webaudit.export.evidence_list import write_evidence_lists
from webaudit.export.evidence_pdf import write_evidence_pdfs
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
@click.option(
    "--pdf/--no-pdf",
    default=True,
    show_default=True,
    help="Skriv också underlaget som PDF (utskrivet med Chromium).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 16),
    default=3,
    show_default=True,
    help="PDF:er som skrivs ut samtidigt.",
)
@with_workspace
def evidence_command(
    workspace: Workspace,
    codes: tuple[str, ...],
    all_: bool,
    out: Path | None,
    round_id: str | None,
    pdf: bool,
    workers: int,
) -> None:
    """Skriv underlag (bevislista) per kommun: en fristående HTML-mapp och en PDF.

    Mappen <kod>/ innehåller index.html (öppnas med dubbelklick, fungerar utan nät), bilder/
    med utdrag och hela skärmbilder, arkiv/ med webbarkivet (WACZ) när det finns, och PDF:en.

    \b
    Exempel:
      webaudit evidence 0114
      webaudit evidence 0114 0180 --no-pdf
      webaudit evidence --all --out underlag-2025
    """
    if not codes and not all_:
        raise UserFacingError("ange kommunkoder eller --all")
    started = time.monotonic()
    round_id = workspace.round_id(round_id)
    snapshot = read_round(workspace.store, workspace.checklist, round_id, list(codes) or None)
    if codes and len(snapshot.municipalities) < len(set(codes)):
        found = {s.municipality.code for s in snapshot.municipalities}
        raise UserFacingError(
            f"okända kommunkoder i omgång {round_id}: {', '.join(c for c in codes if c not in found)}"
        )
    out = out or workspace.settings.evidence_dir / "underlag" / round_id
    contact = workspace.settings.contact
    written = write_evidence_lists(snapshot, workspace.evidence, out, contact=contact, with_pdf=pdf)
    echo(f"Skrev {len(written)} underlag (HTML) i {out} ({time.monotonic() - started:.1f} s)")
    if pdf:
        pdfs = write_evidence_pdfs(snapshot, out, workers=workers)
        echo(f"Skrev {len(pdfs)} PDF:er ({time.monotonic() - started:.1f} s totalt)")

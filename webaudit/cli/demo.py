"""`webaudit demo`: the whole chain on bundled sample sites."""

from __future__ import annotations

import click

from webaudit.cli.common import echo, is_interactive, with_workspace
from webaudit.cli.progress import STATUS_SV, RichCrawlProgress
from webaudit.workspace import Workspace

AUTO_SV = {"pass": "✓", "fail": "✗", "review": "?"}


@click.command("demo")
@click.option(
    "--no-tui",
    is_flag=True,
    help="Skriv en sammanfattning och exporterna i stället för att öppna granskningen.",
)
@click.option("--reviewer", help="Ditt namn i granskningen (standard: $USER).")
@with_workspace
def demo_command(workspace: Workspace, no_tui: bool, reviewer: str | None) -> None:
    """Kör hela kedjan på de medföljande demosajterna (SQLite, 127.0.0.1).

    Sajterna serveras lokalt, genomsöks med Chromium, förhandsbedöms och öppnas sedan i
    granskningsvyn. Utan terminal (eller med --no-tui) skrivs i stället en sammanfattning,
    JSON-exporten och underlagen till bevismappen.

    \b
    Exempel:
      webaudit demo
      webaudit demo --no-tui
      webaudit demo --no-tui --evidence-dir /tmp/demo
    """
    from webaudit.demo.run import (
        DEMO_REVIEWER,
        crawl_and_match,
        record_auto_decisions,
        served_demo,
        write_outputs,
    )

    with served_demo() as (manifest, served):
        for site in manifest.sites:
            echo(f"  {site.code} {site.name:<14} {served[site.slug].url}/")
        with RichCrawlProgress(len(manifest.sites)) as progress:
            result = crawl_and_match(
                workspace,
                manifest,
                served,
                progress,
                on_stage=lambda msg: progress.console.print(msg),
            )
        if not no_tui and is_interactive():
            from webaudit.tui.app import build_app

            name = reviewer or workspace.settings.effective_reviewer or "granskare"
            build_app(workspace, result.round_id, name).run()
            return
        auto = record_auto_decisions(workspace, result)
        write_outputs(workspace, result, workspace.settings.evidence_dir / "demo")
    assert result.snapshot is not None
    items = [item.id for item in workspace.checklist.items]
    echo("")
    echo("Förhandsbedömning per punkt (✓ uppfylld, ✗ saknas, ? granska):")
    echo(
        f"{'Kod':<6}{'Kommun':<14}{'Status':<8}{'Sidor':>6}  "
        + " ".join(f"{i + 1:>2}" for i in range(len(items)))
        + "  Poäng"
    )
    for state in result.snapshot.municipalities:
        marks = " ".join(f"{AUTO_SV.get(item.auto, '?'):>2}" for item in state.items)
        status = STATUS_SV.get(state.crawl_status, state.crawl_status)
        score = state.score.scores.get("information", 0.0)
        echo(
            f"{state.municipality.code:<6}{state.municipality.name[:13]:<14}{status:<8}{state.pages:>6}  {marks}  {score:5.1f}{'*' if state.score.provisional else ''}"
        )
    echo("Punkter: " + ", ".join(f"{n + 1}={item}" for n, item in enumerate(items)))
    echo(
        f"* preliminär poäng. {auto} säkra förhandsbedömningar sparades som beslut av '{DEMO_REVIEWER}'."
    )
    echo(f"JSON-export: {result.json_path}")
    echo(f"XLSX-export: {result.xlsx_path}")
    echo(f"Underlag per kommun: {result.evidence_dir}/<kod>/index.html (och .pdf)")
    echo(f"Databas: {workspace.store.display_url}")

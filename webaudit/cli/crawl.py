"""`webaudit crawl`: find and capture each municipality's home-care pages."""

from __future__ import annotations

import time
from pathlib import Path

import click

from webaudit.cli.common import UserFacingError, echo, parse_codes, with_workspace
from webaudit.cli.progress import STATUS_SV, RichCrawlProgress
from webaudit.crawl.job import crawl_municipalities
from webaudit.municipalities import load_registry
from webaudit.workspace import Workspace


@click.command("crawl")
@click.option(
    "--municipalities",
    "registry_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="CSV med minst code,name,website. Standard: alla 290 kommuner.",
)
@click.option(
    "--only",
    metavar="KOD,...",
    help="Bara dessa kommunkoder (en ny genomsökning, gamla fångster behålls).",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Tillåt lokala/privata adresser (för testsajter på 127.0.0.1).",
)
@click.option(
    "--round", "round_id", metavar="ÅR", help="Granskningsomgång. Standard: checklistans år."
)
@click.option(
    "--fresh",
    is_flag=True,
    help="Nya genomsökningar för alla, även avbrutna och redan klara (gamla fångster behålls).",
)
@click.option(
    "--delay", type=float, help="Sekunder mellan förfrågningar till samma värd (standard 1)."
)
@click.option("--max-pages", type=int, help="Högst så många sidor per kommun (standard 60).")
@click.option(
    "--workers", type=int, help="Sidor som renderas samtidigt (standard: efter maskinen)."
)
@with_workspace
def crawl_command(
    workspace: Workspace,
    registry_file: Path | None,
    only: str | None,
    allow_private: bool,
    round_id: str | None,
    fresh: bool,
    delay: float | None,
    max_pages: int | None,
    workers: int | None,
) -> None:
    """Sök igenom kommunernas webbplatser och spara hemtjänstsidorna som bevis.

    Varje sida renderas i Chromium och sparas med skärmbild, HTML, text, tid (UTC) och
    SHA-256; alla HTTP-svar arkiveras som WARC/WACZ per kommun. En avbruten körning
    fortsätter där den slutade när samma kommando körs igen; kommuner som redan är
    genomsökta i omgången hoppas över (--only gör om dem som en ny genomsökning, och de
    gamla fångsterna finns kvar).

    \b
    Exempel:
      webaudit crawl
      webaudit crawl --municipalities urval.csv --only 0114,0180
      webaudit crawl --municipalities testsajter.csv --allow-private --delay 0.2
    """
    registry = load_registry(registry_file)
    for problem in registry.problems:
        echo(f"varning: {registry.path}: {problem}", err=True)
    selected = registry.select(parse_codes(only))
    crawl = workspace.settings.crawl
    if allow_private:
        crawl.allow_private = True
    if delay is not None:
        crawl.per_host_delay = delay
    if max_pages is not None:
        crawl.max_pages_per_site = max_pages
    if workers is not None:
        crawl.workers = workers
    started = time.monotonic()
    with RichCrawlProgress(len(selected)) as progress:
        report = crawl_municipalities(
            workspace,
            selected,
            round_id=round_id,
            fresh=fresh,
            recrawl=bool(only),
            progress=progress,
            actor=workspace.settings.effective_reviewer or "webaudit",
        )
    seconds = time.monotonic() - started
    echo(
        f"{'Kod':<6} {'Kommun':<22} {'Status':<13} {'Sidor':>5} {'Fel':>4} {'Tid':>7}  Varför den slutade"
    )
    for outcome in report.outcomes:
        status = STATUS_SV.get(outcome.status, outcome.status)
        time_text = "   –  " if outcome.skipped else f"{outcome.seconds:>6.1f}s"
        echo(
            f"{outcome.code:<6} {outcome.name[:22]:<22} {status:<13} {outcome.pages:>5} "
            f"{outcome.failures:>4} {time_text:>7}  {outcome.stop_reason}"
        )
    crawled = [o for o in report.outcomes if not o.skipped]
    pages = sum(o.pages for o in crawled)
    partial = sum(1 for o in crawled if o.status == "partial")
    echo(
        f"Omgång {report.round_id}: {len(crawled)} kommuner genomsökta"
        + (f" ({len(report.skipped)} redan klara hoppades över)" if report.skipped else "")
        + f", {pages} sidor på {seconds:.0f} s ({pages / max(seconds, 1e-6):.1f} sidor/s), "
        f"{partial} delvis, {len(report.failed)} misslyckade."
    )
    if crawled and len(report.failed) == len(crawled):
        raise UserFacingError("ingen kommun kunde genomsökas")

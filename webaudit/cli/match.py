"""`webaudit match` and `webaudit match-pages`: pre-flag checklist items."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from webaudit.cli.common import UserFacingError, echo, parse_codes, with_workspace
from webaudit.match import MATCHER_VERSION
from webaudit.match.pool import default_workers
from webaudit.match.runner import SiteEvaluation, evaluate_round, match_html
from webaudit.store.rounds import round_municipalities
from webaudit.workspace import Workspace

RESULT_SV = {"pass": "uppfylld", "fail": "saknas", "review": "granska"}


@click.command("match")
@click.option(
    "--round", "round_id", metavar="ÅR", help="Granskningsomgång. Standard: checklistans år."
)
@click.option("--only", metavar="KOD,...", help="Bara dessa kommunkoder.")
@click.option(
    "--crops/--no-crops",
    default=True,
    show_default=True,
    help="Beskurna, markerade skärmbilder av bästa belägget (kräver Chromium).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Utvärdera även kommuner vars fångster, checklista och matchare är oförändrade.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 32),
    help="Processer som matchar sidor. Standard: processorkärnorna (högst 4) för fler än 5 kommuner.",
)
@with_workspace
def match_command(
    workspace: Workspace,
    round_id: str | None,
    only: str | None,
    crops: bool,
    force: bool,
    workers: int | None,
) -> None:
    """Förhandsbedöm varje checklistepunkt från sparade fångster.

    Varje körning sparas som en ny utvärdering med matcharversion; fångster och beslut ändras
    aldrig. En kommun vars underlag (fångster, checklista, matcharversion) är oförändrat sedan
    förra utvärderingen utvärderas inte om, utom med --force: kommandot kan köras om och om igen.

    \b
    Exempel:
      webaudit match
      webaudit match --only 0114 --round 2025
      webaudit match --no-crops          snabbare, utan urklipp av beläggen
    """
    from webaudit.errors import BrowserNotFoundError

    round_id = workspace.ensure_round(round_id)
    with workspace.store.session() as session:
        codes = [m.code for m, _ in round_municipalities(session, round_id)]
    wanted = parse_codes(only)
    if wanted:
        codes = [code for code in codes if code in wanted]

    def report(site: SiteEvaluation) -> None:
        counts = {key: 0 for key in RESULT_SV}
        for flag in site.flags.values():
            counts[flag.result] += 1
        summary = ", ".join(f"{n} {RESULT_SV[key]}" for key, n in counts.items())
        note = " (oförändrad, ingen ny utvärdering)" if site.reused else ""
        cropped = f", {site.crops} urklipp" if site.crops else ""
        echo(f"{site.municipality_code}: {summary}{cropped}{note}")

    def run(with_crops: bool) -> list[SiteEvaluation]:
        return evaluate_round(
            workspace.store,
            workspace.evidence,
            workspace.loaded_checklist,
            round_id,
            codes,
            crops=with_crops,
            force=force,
            workers=workers or default_workers(len(codes)),
            on_site=report,
        )

    try:
        results = run(crops)
    except BrowserNotFoundError as error:
        echo(f"varning: inga urklipp ({error}); matchar utan", err=True)
        results = run(False)
    made = sum(1 for r in results if not r.reused)
    echo(
        f"{len(results)} kommuner, {made} nya utvärderingar (matchare {MATCHER_VERSION}); "
        f"{len(codes) - len(results)} utan fångster."
    )


@click.command("match-pages")
@click.argument(
    "pages_file",
    metavar="FIL.jsonl",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
)
@click.option(
    "--checklist",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Checklistefil. Standard: nyaste i checklists/.",
)
def match_pages_command(pages_file: Path, checklist: Path | None) -> None:
    """Matcha lösa sidor utan databas eller webbläsare (en JSON-rad in, en ut).

    Varje rad: {"id": ..., "url": ..., "html": ...} eller "html_file" i stället för "html".
    Utdata per rad: {"id": ..., "items": {"<punkt>": {"result": ..., "confidence": ..., "quote": ...}}}

    \b
    Exempel:
      webaudit match-pages sidor.jsonl > resultat.jsonl
      cat sidor.jsonl | webaudit match-pages -
    """
    from webaudit.checklists import load_checklist

    loaded = load_checklist(checklist)
    handle = sys.stdin if str(pages_file) == "-" else _open(pages_file)
    base = Path.cwd() if str(pages_file) == "-" else pages_file.parent
    problems = 0
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        record: dict[str, Any] = {}
        try:
            record = _parse_line(line, number, pages_file)
            html = _html_of(record, number, base, pages_file)
        except UserFacingError as error:
            # One bad line must not stop the others; it gets an error line of its own.
            problems += 1
            echo(f"fel: {error.format_message()}", err=True)
            _write_line({"id": record.get("id"), "error": error.format_message()})
            continue
        matches = match_html(html, str(record.get("url") or ""), loaded.checklist)
        items = {
            item_id: {
                "result": match.result,
                "confidence": match.confidence,
                "quote": match.best.quote if match.best and match.result != "fail" else None,
            }
            for item_id, match in matches.items()
        }
        _write_line({"id": record.get("id"), "items": items})
    if problems:
        raise UserFacingError(f"{problems} rader kunde inte matchas")


def _write_line(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")


def _open(path: Path) -> Any:
    try:
        return path.open(encoding="utf-8")
    except OSError as error:
        raise UserFacingError(f"{path}: kan inte läsas ({error.strerror})") from error


def _parse_line(line: str, number: int, source: Path) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise UserFacingError(f"{source}: rad {number}: ogiltig JSON ({error.msg})") from error
    if not isinstance(record, dict):
        raise UserFacingError(f"{source}: rad {number}: varje rad ska vara ett JSON-objekt")
    return record


def _html_of(record: dict[str, Any], number: int, base: Path, source: Path) -> str:
    if isinstance(record.get("html"), str):
        return str(record["html"])
    if isinstance(record.get("html_file"), str):
        path: Path = base / str(record["html_file"])
        if not path.exists() and (Path.cwd() / record["html_file"]).exists():
            path = Path.cwd() / str(record["html_file"])  # relative to where the command runs
        try:
            return path.read_bytes().decode("utf-8", "replace")
        except OSError as error:
            raise UserFacingError(
                f"{source}: rad {number}: {path} kan inte läsas ({error.strerror})"
            ) from error
    raise UserFacingError(f'{source}: rad {number}: "html" eller "html_file" saknas')

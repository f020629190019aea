"""`webaudit dispute ...`: register, decide and report municipalities' disputes."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from webaudit.cli.common import UserFacingError, echo, with_workspace
from webaudit.disputes import (
    OUTCOMES,
    DisputeClaim,
    decide_dispute,
    match_hints,
    municipality_name,
    open_dispute,
    set_deadline,
)
from webaudit.export.dispute_report import write_dispute_report
from webaudit.export.evidence_list import AUTO_SV, EVENT_SV, OUTCOME_SV, VERDICT_SV, swedish_time
from webaudit.store.disputes import dispute_events, get_dispute, list_disputes
from webaudit.store.tables import Capture, Decision
from webaudit.workspace import Workspace

ROUND_OPTION = click.option(
    "--round", "round_id", metavar="ÅR", help="Granskningsomgång. Standard: checklistans år."
)


def _reviewer(workspace: Workspace, given: str | None) -> str:
    name = given or workspace.settings.effective_reviewer
    if not name:
        raise UserFacingError("ange ditt namn med --reviewer (eller WEBAUDIT_REVIEWER)")
    return name


@click.group("dispute")
def dispute_group() -> None:
    """Invändningar från kommuner: registrera, pröva och rapportera.

    En invändning gäller en punkt. Adressen kommunen anger sparas direkt (ny fångst) och
    kopplas till omgångens egen fångst av samma adress (arkiverad fångst). En annan granskare
    än den som beslutade prövar: review_wrong (granskningen var fel: beslutet ändras och
    poängen räknas om), fixed_since (åtgärdat efter granskningen: noteras till nästa omgång,
    årets beslut står fast) eller rejected (beslutet står fast).

    \b
    Exempel:
      webaudit dispute add 0114 fee_calculator --claim "Kalkylatorn finns" --url https://...
      webaudit dispute list
      webaudit dispute decide 3 --outcome review_wrong --reviewer bertil
      webaudit dispute report --out invandningar-2025
    """


@dispute_group.command("add")
@click.argument("code", metavar="KOD")
@click.argument("item_id", metavar="PUNKT")
@click.option("--claim", required=True, help="Kommunens invändning, med egna ord.")
@click.option("--url", help="Adressen där informationen finns enligt kommunen.")
@click.option(
    "--value",
    type=click.Choice(["yes", "no", "not_applicable"]),
    default="yes",
    show_default=True,
    help="Vad kommunen anser att bedömningen ska vara.",
)
@click.option("--by", "by", help="Vem som registrerar (standard: $USER).")
@click.option("--no-capture", is_flag=True, help="Spara inte sidan nu (t.ex. utan nät).")
@click.option("--allow-private", is_flag=True, help="Tillåt lokala adresser (testsajter).")
@click.option("--late", is_flag=True, help="Registrera trots att sista dagen har passerat.")
@ROUND_OPTION
@with_workspace
def add_command(
    workspace: Workspace,
    code: str,
    item_id: str,
    claim: str,
    url: str | None,
    value: str,
    by: str | None,
    no_capture: bool,
    allow_private: bool,
    late: bool,
    round_id: str | None,
) -> None:
    """Registrera en invändning och spara adressen den pekar på nu.

    \b
    Exempel:
      webaudit dispute add 0114 fee_calculator --claim "Vi har en avgiftskalkylator" \\
          --url https://www.upplandsvasby.se/avgifter
      webaudit dispute add 0180 flexibility_policy --claim "Se riktlinjerna" --no-capture
    """
    round_id = workspace.round_id(round_id)
    actor = _reviewer(workspace, by)
    if allow_private:
        workspace.settings.crawl.allow_private = True
    capture = None
    if url and not no_capture:
        from webaudit.crawl.single import capture_url

        def capture(target: str) -> Capture:
            return capture_url(
                workspace.store,
                workspace.evidence,
                workspace.settings,
                round_id=round_id,
                municipality_code=code,
                url=target,
                actor=actor,
                source="dispute",
                item_id=item_id,
            )

        echo(f"Sparar {url} …")
    dispute = open_dispute(
        workspace.store,
        workspace.checklist,
        DisputeClaim(round_id, code, item_id, claim, url, actor, value, late),
        capture=capture,
    )
    echo(
        f"Invändning {dispute.id} registrerad: {municipality_name(workspace.store, code)} ({code}), "
        f"{workspace.checklist.item(item_id).title.sv}."
    )
    if dispute.archived_capture_id:
        echo(f"  Arkiverad fångst från granskningen: {dispute.archived_capture_id}")
    else:
        echo("  Adressen finns inte bland granskningens fångster.")
    if dispute.capture_id:
        echo(f"  Ny fångst: {dispute.capture_id}")
    elif dispute.capture_error:
        echo(f"  Sidan kunde inte sparas nu: {dispute.capture_error}")


@dispute_group.command("list")
@click.option("--open", "only_open", is_flag=True, help="Bara de som inte är prövade.")
@ROUND_OPTION
@with_workspace
def list_command(workspace: Workspace, only_open: bool, round_id: str | None) -> None:
    """Lista omgångens invändningar.

    \b
    Exempel:
      webaudit dispute list
      webaudit dispute list --open --round 2025
    """
    round_id = workspace.round_id(round_id)
    with workspace.store.session() as session:
        disputes = list_disputes(session, round_id, status="open" if only_open else None)
    if not disputes:
        echo(f"Inga invändningar i omgång {round_id}.")
        return
    echo(f"{'Nr':>4}  {'Kod':<6}{'Punkt':<33}{'Registrerad':<12}Utfall")
    for d in disputes:
        outcome = OUTCOME_SV.get(d.outcome or "", "under prövning")
        title = (
            workspace.checklist.by_id[d.item_id].title.sv
            if d.item_id in workspace.checklist.by_id
            else d.item_id
        )
        echo(
            f"{d.id:>4}  {d.municipality_code:<6}{title[:32]:<33}"
            f"{d.opened_at.date().isoformat():<12}{outcome}"
        )


@dispute_group.command("show")
@click.argument("dispute_id", type=int, metavar="NR")
@with_workspace
def show_command(workspace: Workspace, dispute_id: int) -> None:
    """Visa en invändning: påståendet, båda fångsterna, matcharens syn och händelserna.

    \b
    Exempel:
      webaudit dispute show 3
    """
    with workspace.store.session() as session:
        d = get_dispute(session, dispute_id)
        original = session.get(Decision, d.original_decision_id) if d.original_decision_id else None
        events = dispute_events(session, d)
        captures = {
            key: session.get(Capture, cid) if cid else None
            for key, cid in (("archived", d.archived_capture_id), ("fresh", d.capture_id))
        }
    hints = match_hints(workspace.store, workspace.evidence, workspace.checklist, d)
    echo(
        f"Invändning {d.id}: {municipality_name(workspace.store, d.municipality_code)} "
        f"({d.municipality_code}), {workspace.checklist.item(d.item_id).title.sv}"
    )
    echo(f"  Påstående: {d.claim}")
    echo(f"  Adress: {d.url or '–'}")
    value = VERDICT_SV.get(original.value or "pending", "–") if original else "Ej beslutad"
    echo(f"  Beslut som gäller: {value}" + (f" (av {original.reviewer})" if original else ""))
    for key, label in (("archived", "Arkiverad fångst"), ("fresh", "Ny fångst")):
        capture = captures[key]
        hint = hints.get(key)
        if capture is None:
            echo(
                f"  {label}: saknas"
                + (f" ({d.capture_error})" if key == "fresh" and d.capture_error else "")
            )
            continue
        seen = (
            f", matcharen: {AUTO_SV.get(hint.result, hint.result)} ({hint.confidence:.2f})"
            if hint
            else ""
        )
        echo(f"  {label}: {capture.id}, {swedish_time(capture.captured_at)}{seen}")
    echo(f"  Utfall: {OUTCOME_SV.get(d.outcome or '', 'under prövning')}")
    for event in events:
        echo(f"    {event.at:%Y-%m-%d %H:%M} {event.actor}: {EVENT_SV.get(event.kind, event.kind)}")


@dispute_group.command("decide")
@click.argument("dispute_id", type=int, metavar="NR")
@click.option("--outcome", type=click.Choice(OUTCOMES), required=True, help="Prövningens utfall.")
@click.option("--reviewer", help="Du som prövar (inte den som fattade beslutet).")
@click.option("--note", help="Motivering.")
@click.option(
    "--value",
    type=click.Choice(["yes", "no", "not_applicable"]),
    help="Nytt beslut vid review_wrong (standard: det kommunen hävdar).",
)
@click.option(
    "--evidence",
    metavar="FÅNGST,...",
    help="Fångster beslutet grundas på (standard: den arkiverade fångsten).",
)
@with_workspace
def decide_command(
    workspace: Workspace,
    dispute_id: int,
    outcome: str,
    reviewer: str | None,
    note: str | None,
    value: str | None,
    evidence: str | None,
) -> None:
    """Pröva en invändning.

    \b
    Exempel:
      webaudit dispute decide 3 --outcome review_wrong --reviewer bertil --note "Fanns 2 sep"
      webaudit dispute decide 4 --outcome fixed_since --reviewer bertil
      webaudit dispute decide 5 --outcome rejected --reviewer bertil --note "Bara en tabell"
    """
    captures = None
    if evidence:
        try:
            captures = tuple(int(part) for part in evidence.split(",") if part.strip())
        except ValueError as error:
            raise UserFacingError(
                f"--evidence tar fångstnummer, t.ex. 12,15: {evidence}"
            ) from error
    result = decide_dispute(
        workspace.store,
        workspace.checklist,
        dispute_id,
        outcome=outcome,
        reviewer=_reviewer(workspace, reviewer),
        note=note,
        value=value,
        evidence_capture_ids=captures,
    )
    before = result.score_before.information
    after = result.score_after.information
    echo(f"Invändning {dispute_id}: {OUTCOME_SV[outcome]}.")
    if result.new_decision is not None:
        echo(f"  Nytt beslut: {VERDICT_SV.get(result.new_decision.value or 'pending')}")
    echo(f"  Delindex Information: {before:.1f} → {after:.1f}")


@dispute_group.command("report")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Mapp att skriva till. Standard: <bevismapp>/invandningar/<omgång>.",
)
@ROUND_OPTION
@with_workspace
def report_command(workspace: Workspace, out: Path | None, round_id: str | None) -> None:
    """Skriv rapporten över omgångens invändningar (HTML-mapp) för indexteamet.

    \b
    Exempel:
      webaudit dispute report
      webaudit dispute report --out invandningar-2025
    """
    round_id = workspace.round_id(round_id)
    out = out or workspace.settings.evidence_dir / "invandningar" / round_id
    path = write_dispute_report(
        workspace.store, workspace.evidence, workspace.checklist, round_id, out
    )
    echo(f"Skrev {path}")


@dispute_group.command("deadline")
@click.argument("day", metavar="ÅÅÅÅ-MM-DD")
@click.option("--by", "by", help="Vem som ändrar (standard: $USER).")
@ROUND_OPTION
@with_workspace
def deadline_command(workspace: Workspace, day: str, by: str | None, round_id: str | None) -> None:
    """Sätt sista dag för invändningar (gäller till dagens slut, svensk tid).

    \b
    Exempel:
      webaudit dispute deadline 2025-10-31
    """
    try:
        date = datetime.strptime(day, "%Y-%m-%d").date()
    except ValueError as error:
        raise UserFacingError(f"ange datumet som ÅÅÅÅ-MM-DD, inte {day!r}") from error
    until = datetime.combine(date, time(23, 59, 59), ZoneInfo("Europe/Stockholm")).astimezone(UTC)
    round_id = workspace.round_id(round_id)
    set_deadline(workspace.store, round_id, until, _reviewer(workspace, by))
    echo(f"Sista dag för invändningar i omgång {round_id}: {day} (till kl. 23.59 svensk tid).")

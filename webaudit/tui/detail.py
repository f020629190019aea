"""The text of one item: rule, pre-flag, decisions, evidence with matched words, negative evidence."""

from __future__ import annotations

from rich.text import Text

from webaudit.review.highlight import display_quote, term_spans
from webaudit.review.rows import Candidate, ItemRow
from webaudit.tui import labels

HIT_STYLE = "bold black on yellow"
NEGATIVE_STYLE = "bold white on red"


def quote_text(candidate: Candidate, limit: int) -> Text:
    """The quote with the matched words highlighted (negative phrases in red)."""
    finding = candidate.finding
    if finding is None or not finding.quote:
        return Text("(sidan fångades för hand – inget citat)", style="italic dim")
    shown = display_quote(finding.quote, limit)
    text = Text("”", style="dim")
    body = Text(shown)
    for span in term_spans(shown, finding.matched_terms):
        body.stylize(NEGATIVE_STYLE if span.negative else HIT_STYLE, span.start, span.end)
    text.append_text(body)
    text.append("”", style="dim")
    return text


def candidate_text(
    candidate: Candidate, number: int, total: int, selected: bool, limit: int
) -> Text:
    capture = candidate.capture
    text = Text()
    marker = "▶ " if selected else "  "
    source = " · fångad för hand" if candidate.manual else ""
    strength = (
        f" · {labels.AUTO.get(candidate.finding.result, '')} {candidate.finding.confidence:.2f}"
        if candidate.finding
        else ""
    )
    text.append(
        f"{marker}Bevis {number}/{total}{strength}{source}\n", style="bold" if selected else ""
    )
    text.append("  ")
    text.append_text(quote_text(candidate, limit))
    text.append("\n  ")
    text.append(capture.final_url, style="underline cyan")
    text.append("\n")
    files = []
    if candidate.crop:
        files.append("utsnitt")
    if candidate.screenshot:
        files.append("helsida")
    text.append(
        f"  fångad {capture.captured_at:%Y-%m-%d %H:%M} UTC"
        + (f" · status {capture.status}" if capture.status else "")
        + (f" · skärmbild: {', '.join(files)}" if files else " · ingen skärmbild")
        + "\n",
        style="dim",
    )
    return text


def negative_text(row: ItemRow, *, full: bool) -> Text:
    evidence = row.negative_evidence
    text = Text()
    if not evidence:
        return text
    visited = evidence.get("visited") or []
    status = labels.CRAWL.get(str(evidence.get("crawl_status", "")), "")
    text.append("Negativa belägg\n", style="bold")
    text.append(
        f"  {evidence.get('pages_visited', len(visited))} sidor besöktes"
        + (f" (genomsökning {status})" if status else "")
        + "\n"
    )
    searches = evidence.get("searches") or []
    for search in searches[: 20 if full else 3]:
        query = search.get("query") or search.get("q") or search.get("url") or ""
        hits = search.get("results", search.get("hits"))
        if not query:  # no search was possible; the crawl says why
            text.append(f"  {search.get('note') or 'ingen sökning'}\n")
            continue
        outcome = search.get("skipped") or (f"{hits} träffar" if hits is not None else "")
        text.append(f"  sökte {query!s}" + (f" → {outcome}" if outcome else "") + "\n")
    if not searches:
        text.append("  inga sökningar på sajten gjordes\n", style="dim")
    for url in visited[: 200 if full else 5]:
        text.append(f"  · {url}\n", style="dim")
    if not full and len(visited) > 5:
        text.append(f"  … och {len(visited) - 5} till (Enter: hela listan)\n", style="dim")
    return text


def item_text(
    row: ItemRow,
    *,
    selected: int,
    previous_round_id: str | None,
    full: bool,
) -> Text:
    item = row.item
    text = Text()
    text.append(f"{item.title.sv}\n", style="bold underline")
    text.append(
        f"{'bekräftad' if item.source == 'confirmed' else 'antagen'} punkt · vikt {item.weight:g}"
        f" · delindex {item.subindex}\n",
        style="dim",
    )
    text.append("Förhandsbedömning: ")
    text.append(labels.AUTO.get(row.auto, row.auto), style=labels.AUTO_STYLE.get(row.auto, ""))
    if row.confidence is not None:
        text.append(f" ({row.confidence:.2f})")
    if row.flag and row.flag.reason:
        text.append(f" – {row.flag.reason}", style="italic")
    text.append("\n")
    text.append("Beslut: " if row.role == "primary" else "Ditt beslut (blint): ")
    if row.decision and row.decision.value:
        text.append(
            labels.decision(row.value), style=labels.DECISION_STYLE.get(row.value or "", "")
        )
        text.append(
            f" ({row.decision.reviewer}, {row.decision.decided_at:%Y-%m-%d %H:%M},"
            f" {row.decision.seconds_spent:.0f} s)",
            style="dim",
        )
    else:
        text.append("–")
        if row.suggestion:
            text.append(
                f"   mellanslag = {labels.decision(row.suggestion)} (godta förslaget)", style="dim"
            )
    text.append("\n")
    if previous_round_id:
        text.append(f"Förra året ({previous_round_id}): ")
        text.append(labels.decision(row.previous_round.value if row.previous_round else None))
        if row.change and row.change != "same":
            text.append("   ")
            text.append(
                "sidorna har ändrats sedan dess"
                if row.change in ("changed", "gone")
                else "nya sidor sedan dess",
                style=labels.CHANGE_STYLE[row.change],
            )
        text.append("\n")
    if row.decision and row.decision.note:
        text.append("Anteckning: ", style="bold")
        text.append(f"{row.decision.note}\n")
    text.append("\nRäknas: ", style="bold")
    text.append(f"{item.counts.sv}\n")
    text.append("Räknas inte: ", style="bold")
    text.append(f"{item.does_not_count.sv}\n\n")
    if row.candidates:
        shown = row.candidates if full else row.candidates[:3]
        for number, candidate in enumerate(shown, start=1):
            text.append_text(
                candidate_text(
                    candidate,
                    number,
                    len(row.candidates),
                    number - 1 == selected,
                    600 if full else 240,
                )
            )
        if not full and len(row.candidates) > 3:
            text.append(f"  … {len(row.candidates) - 3} bevis till (Enter)\n", style="dim")
    else:
        text.append("Inga bevis hittades av matcharna.\n", style="italic")
    if row.auto != "pass" or full:
        text.append("\n")
        text.append_text(negative_text(row, full=full))
    if full and row.page_changes:
        text.append("\nJämfört med förra året\n", style="bold")
        for change in row.page_changes:
            text.append(
                f"  {labels.CHANGE[change.change]}: ", style=labels.CHANGE_STYLE[change.change]
            )
            text.append(f"{change.url}\n")
    return text

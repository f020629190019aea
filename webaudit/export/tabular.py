"""The round as tables: one row per municipality, and per item one row per piece of evidence.

Pure: built from a RoundSnapshot, written by csv_export.py and xlsx_export.py. Values are
plain Python (str, int, float, datetime, None); the writers make them safe for their format.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from webaudit.export.snapshot import MunicipalityState, RoundSnapshot

VERDICT_SV = {"yes": "ja", "no": "nej", "not_applicable": "ej tillämplig", "pending": "ej beslutad"}
AUTO_SV = {"pass": "uppfylld", "fail": "saknas", "review": "granska"}
CRAWL_SV = {
    "ok": "klar",
    "partial": "delvis",
    "failed": "misslyckad",
    "not_crawled": "ej genomsökt",
}
Kind = Literal["text", "int", "score", "fraction", "verdict", "url", "time", "page_text"]


@dataclass(frozen=True)
class Column:
    key: str  # machine header (CSV)
    header: str  # Swedish header (XLSX)
    width: float
    kind: Kind = "text"


@dataclass(frozen=True)
class Table:
    columns: list[Column]
    rows: list[list[object]]


def utc_naive(moment: datetime) -> datetime:
    """Spreadsheets have no time zones: UTC, said so in the header."""
    return moment.astimezone(UTC).replace(tzinfo=None, microsecond=0)


def status_text(state: MunicipalityState) -> str:
    return "preliminär" if state.score.provisional else "slutlig"


def municipality_table(snapshot: RoundSnapshot) -> Table:
    items = snapshot.checklist.items
    columns = [
        Column("kod", "Kod", 7),
        Column("kommun", "Kommun", 18),
        Column("storleksgrupp", "Storleksgrupp", 14, "int"),
        *(Column(item.id, item.title.sv, 19, "verdict") for item in items),
        Column("information", "Delindex Information", 12, "score"),
        Column("status", "Status", 11),
        Column("rang", "Rang", 7, "int"),
        Column("beslutade", "Beslutade punkter", 10, "int"),
        Column("genomsokning", "Genomsökning", 16),
        Column("sidor", "Sidor", 7, "int"),
    ]
    rows: list[list[object]] = []
    for state in snapshot.municipalities:
        m = state.municipality
        rows.append(
            [
                m.code,
                m.name,
                m.size_group,
                *(VERDICT_SV[item.verdict] for item in state.items),
                state.score.information,
                status_text(state),
                state.rank,
                state.score.decided,
                CRAWL_SV.get(state.crawl_status, state.crawl_status),
                state.pages,
            ]
        )
    return Table(columns, rows)


def item_table(snapshot: RoundSnapshot, item_id: str) -> Table:
    """Per municipality, one row per evidence capture (one row with blanks when none)."""
    columns = [
        Column("kod", "Kod", 7),
        Column("kommun", "Kommun", 16),
        Column("beslut", "Beslut", 12, "verdict"),
        Column("forhandsbedomning", "Förhandsbedömning", 13),
        Column("sakerhet", "Säkerhet", 9, "fraction"),
        Column("url", "URL", 48, "url"),
        Column("fangad_utc", "Fångad (UTC)", 19, "time"),
        Column("sha256", "SHA-256 (sidans svar)", 24, "page_text"),
        Column("citat", "Citat från sidan", 60, "page_text"),
        Column("skarmbild", "Skärmbild (i bevismappen)", 30, "page_text"),
        Column("sidtitel", "Sidtitel", 30, "page_text"),
    ]
    rows: list[list[object]] = []
    for state in snapshot.municipalities:
        item = state.item(item_id)
        head: list[object] = [
            state.municipality.code,
            state.municipality.name,
            VERDICT_SV[item.verdict],
            AUTO_SV.get(item.auto, item.auto),
            round(item.flag.confidence, 2) if item.flag else None,
        ]
        refs = item.evidence(snapshot.captures)
        if not refs:
            rows.append([*head, None, None, None, None, None, None])
        for ref in refs:
            capture = ref.capture
            rows.append(
                [
                    *head,
                    capture.final_url,
                    utc_naive(capture.captured_at),
                    capture.raw_sha256 or capture.html_sha256,
                    ref.quote,
                    capture.screenshot_path,
                    capture.title,
                ]
            )
    return Table(columns, rows)


def evidence_table(snapshot: RoundSnapshot) -> Table:
    """All items' evidence in one long table (the CSV companion of the per-item sheets)."""
    first = item_table(snapshot, snapshot.checklist.items[0].id)
    columns = [first.columns[0], first.columns[1], Column("punkt", "Punkt", 20), *first.columns[2:]]
    rows: list[list[object]] = []
    for item in snapshot.checklist.items:
        for row in item_table(snapshot, item.id).rows:
            rows.append([row[0], row[1], item.id, *row[2:]])
    return Table(columns, rows)


def summary_rows(snapshot: RoundSnapshot) -> list[tuple[str, object]]:
    """Key facts for the summary sheet, in reading order."""
    summary = snapshot.summary
    checklist = snapshot.checklist
    rows: list[tuple[str, object]] = [
        ("Omgång", snapshot.round_id),
        ("Checklista", f"{checklist.id} {checklist.version}"),
        ("Skapad (UTC)", utc_naive(snapshot.read_at)),
        ("Kommuner i exporten", len(snapshot.municipalities)),
    ]
    if summary is not None:
        rows += [
            ("Kommuner med minst ett beslut (rangordnade)", summary.ranked),
            ("Status", "preliminär" if summary.provisional else "slutlig"),
            ("Riksgenomsnitt, delindex Information", summary.national_average),
        ]
        rows += [
            (f"Genomsnitt storleksgrupp {group}", value)
            for group, value in summary.average_by_group.items()
        ]
        rows += [
            (f"Antal kommuner med ja: {item.title.sv}", summary.counts.get(item.id, 0))
            for item in checklist.items
        ]
    rows.append(
        (
            "Poängregel",
            "100 × (vikt för punkter med ja) / (vikt för alla punkter utom ej tillämpliga). "
            "Ej beslutade punkter räknas som ej uppfyllda och poängen är preliminär tills alla "
            "punkter är beslutade.",
        )
    )
    return rows

"""Each export format read back: JSON (the contract), CSV and XLSX, with hostile page content."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.export.factory import ENORMOUS, HOSTILE_QUOTES, HOSTILE_URL, BuiltRound
from webaudit.export.csv_export import write_csv
from webaudit.export.json_export import write_json
from webaudit.export.safety import (
    CELL_LIMIT,
    safe_filename,
    safe_href,
    spreadsheet_text,
)
from webaudit.export.snapshot import read_round
from webaudit.export.xlsx_export import sheet_title, write_xlsx
from webaudit.workspace import Workspace

FORMULA_STARTS = ("=", "+", "-", "@")


def test_json_export_keeps_the_contract(
    built: tuple[Workspace, BuiltRound], tmp_path: Path
) -> None:
    workspace, round_ = built
    snapshot = read_round(workspace.store, workspace.checklist, round_.round_id)
    out = tmp_path / "r.json"
    write_json(snapshot, out)
    document = json.loads(out.read_text("utf-8"))
    assert document["round"] == "2025"
    assert set(document["checklist"]) == {"id", "version"}
    first = document["municipalities"][0]
    assert {"code", "name", "size_group", "crawl", "scores", "items"} <= set(first)
    assert first["crawl"]["status"] in {"ok", "partial", "failed", "not_crawled"}
    assert isinstance(first["scores"]["information"], float)
    for item in first["items"]:
        assert item["auto"] in {"pass", "fail", "review"}
        assert item["decision"] in {"yes", "no", "not_applicable", None}
        assert item["verdict"] in {"yes", "no", "not_applicable", "pending"}
        for evidence in item["evidence"]:
            assert {"url", "captured_at", "sha256", "screenshot", "quote"} <= set(evidence)
            assert (workspace.evidence.root / evidence["screenshot"]).is_file()
    # The score in the export is recomputed from the decisions.
    expected = {s.municipality.code: s.score.information for s in snapshot.municipalities}
    assert {m["code"]: m["scores"]["information"] for m in document["municipalities"]} == expected


def test_csv_reads_back_with_swedish_and_no_formulas(
    built: tuple[Workspace, BuiltRound], tmp_path: Path
) -> None:
    workspace, round_ = built
    snapshot = read_round(workspace.store, workspace.checklist, round_.round_id)
    main, evidence = write_csv(snapshot, tmp_path / "r.csv")
    raw = main.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel shows å, ä, ö
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["kod"] for r in rows] == round_.codes
    assert rows[2]["kommun"] == "Österåker"
    item_ids = [item.id for item in workspace.checklist.items]
    assert set(item_ids) <= set(rows[0])
    assert {rows[0][i] for i in item_ids} <= {"ja", "nej", "ej tillämplig", "ej beslutad"}
    by_code = {s.municipality.code: s for s in snapshot.municipalities}
    for row in rows:
        assert float(row["information"]) == by_code[row["kod"]].score.information
    long_rows = list(csv.DictReader(io.StringIO(evidence.read_text("utf-8-sig"))))
    hostile = [r for r in long_rows if r["kod"] == round_.codes[0]]
    for row in long_rows:
        for value in row.values():
            assert not value.startswith(FORMULA_STARTS), value
    quotes = {r["citat"] for r in hostile}
    assert "'" + HOSTILE_QUOTES[0] in quotes  # the payload is kept, inert
    assert any(len(q) <= CELL_LIMIT and q.endswith("[…]") for q in quotes)  # enormous quote cut


def test_xlsx_reads_back_and_reads_right(
    built: tuple[Workspace, BuiltRound], tmp_path: Path
) -> None:
    workspace, round_ = built
    snapshot = read_round(workspace.store, workspace.checklist, round_.round_id)
    out = write_xlsx(snapshot, tmp_path / "r.xlsx")
    book = load_workbook(out)
    items = workspace.checklist.items
    assert book.sheetnames[0] == "Kommuner"
    assert len(book.sheetnames) == 1 + len(items) + 1  # municipalities, a sheet per item, summary
    main = book["Kommuner"]
    header = [cell.value for cell in main[1]]
    assert header[:3] == ["Kod", "Kommun", "Storleksgrupp"]
    assert header[3 : 3 + len(items)] == [item.title.sv for item in items]
    assert "Delindex Information" in header and "Rang" in header
    assert main.freeze_panes == "C2"
    assert main.column_dimensions["B"].width >= 15
    assert main.cell(row=4, column=2).value == "Österåker"
    score_column = header.index("Delindex Information") + 1
    assert (
        main.cell(row=2, column=score_column).value == snapshot.municipalities[0].score.information
    )
    # Every item sheet: evidence URLs and capture times, header frozen, no formula anywhere.
    for sheet in book.worksheets[1:-1]:
        assert sheet.freeze_panes == "C2"
        sheet_header = [cell.value for cell in sheet[1]]
        assert "URL" in sheet_header and "Fångad (UTC)" in sheet_header
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_STARTS)
                    assert len(cell.value) <= 32_767
    fee = book[sheet_title(items[0].title.sv, set())]
    values = [cell.value for row in fee.iter_rows(min_row=2) for cell in row]
    assert any(isinstance(v, str) and v.startswith("'=HYPERLINK") for v in values) or any(
        isinstance(v, str) and v.endswith("[…]") for v in values
    )
    # A javascript: URL from a page is text, never a clickable link.
    links = [
        cell.hyperlink.target
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.hyperlink is not None
    ]
    assert links and all(link.startswith(("http://", "https://")) for link in links)
    assert any(
        v == HOSTILE_URL
        for sheet in book.worksheets[1:-1]
        for row in sheet.iter_rows(values_only=True)
        for v in row
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("＝1+1", "'＝1+1"),
        ("Räkna ut = enkelt", "Räkna ut = enkelt"),
        ("a\x00b\x1fc", "abc"),
    ],
)
def test_spreadsheet_text_neutralises_formulas(text: str, expected: str) -> None:
    assert spreadsheet_text(text) == expected


def test_enormous_text_is_cut_with_a_marker() -> None:
    cut = spreadsheet_text(ENORMOUS)
    assert len(cut) <= CELL_LIMIT and cut.endswith("[…]")


def test_links_and_file_names_are_safe() -> None:
    assert safe_href("https://x.se/a") == "https://x.se/a"
    for bad in (
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        None,
        "",
    ):
        assert safe_href(bad) is None
    assert safe_filename("Upplands Väsby") == "Upplands-Vasby"
    assert safe_filename("../../etc/passwd") == "etc-passwd"
    assert safe_filename("Malmö/Lund\x00") == "Malmo-Lund"
    assert safe_filename("...") == "x"
    assert sheet_title("Avgift: [del] 1/2?*", set()) == "Avgift del 1 2"
    taken: set[str] = set()
    assert sheet_title("a" * 40, taken) == "a" * 30 + "…"
    assert sheet_title("a" * 40, taken) == "a" * 27 + " (2)"
    assert (
        sheet_title("Hemtjänst utan biståndsbedömning", set()) == "Hemtjänst utan biståndsbedömni…"
    )

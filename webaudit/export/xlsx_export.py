"""XLSX export for the index team: a sheet of municipalities, a sheet per item, a summary.

Made to read right when opened: Swedish headers and values, set column widths, a bold frozen
header row (and frozen code/name columns), filters, verdict colours, real numbers and dates.
Text from crawled pages is written as plain strings with Excel's quote-prefix flag and the
same apostrophe as the CSV export (see safety.py), never as a formula.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from webaudit.export.files import write_shared
from webaudit.export.safety import safe_href, spreadsheet_text
from webaudit.export.snapshot import RoundSnapshot
from webaudit.export.tabular import Table, item_table, municipality_table, summary_rows

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E5A")
VERDICT_FILLS = {
    "ja": PatternFill("solid", fgColor="D7F0D8"),
    "nej": PatternFill("solid", fgColor="F6D6D6"),
    "ej beslutad": PatternFill("solid", fgColor="EEEEEE"),
    "ej tillämplig": PatternFill("solid", fgColor="E6E6F4"),
}
SHEET_NAME_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
URL_CELL_LIMIT = 2000  # Excel refuses longer hyperlinks


def sheet_title(text: str, taken: set[str]) -> str:
    """An Excel sheet name: at most 31 characters, none of []:*?/\\, unique in the book."""
    clean = " ".join(text.translate(SHEET_NAME_FORBIDDEN).split()).strip("'")
    base = (clean if len(clean) <= 31 else clean[:30].rstrip() + "…") or "Blad"
    title, number = base, 2
    while title.lower() in taken:
        suffix = f" ({number})"
        title = base[: 31 - len(suffix)] + suffix
        number += 1
    taken.add(title.lower())
    return title


def _write_value(sheet: Worksheet, row: int, column: int, value: object, kind: str) -> None:
    cell = sheet.cell(row=row, column=column)
    if value is None:
        return
    if isinstance(value, datetime):
        cell.value = value
        cell.number_format = "yyyy-mm-dd hh:mm:ss"
        return
    if isinstance(value, int | float) and not isinstance(value, bool):
        cell.value = value
        if kind in ("score", "fraction"):
            cell.number_format = "0.0" if kind == "score" else "0.00"
        return
    text = spreadsheet_text(value)
    cell.value = text
    if kind == "verdict":
        cell.alignment = Alignment(horizontal="center")
    cell.data_type = "s"  # never a formula, whatever the text looks like
    if text.startswith("'"):
        cell.quotePrefix = True
    href = safe_href(text) if kind == "url" else None
    if href is not None and len(href) <= URL_CELL_LIMIT:
        cell.hyperlink = href
        cell.font = Font(color="1F5AA6", underline="single")
    if kind == "page_text":
        cell.alignment = Alignment(wrap_text=False, vertical="top")


def _print_setup(sheet: Worksheet) -> None:
    """Printed, a sheet is landscape A4, one page wide, with the header row on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"


def write_table(sheet: Worksheet, table: Table, *, freeze: str = "C2") -> None:
    for number, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row=1, column=number, value=column.header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    sheet.row_dimensions[1].height = 48
    _print_setup(sheet)
    for row_number, row in enumerate(table.rows, start=2):
        for number, (column, value) in enumerate(zip(table.columns, row, strict=True), start=1):
            _write_value(sheet, row_number, number, value, column.kind)
    last = get_column_letter(len(table.columns))
    sheet.freeze_panes = freeze
    if table.rows:
        sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
        for number, column in enumerate(table.columns, start=1):
            if column.kind != "verdict":
                continue
            letter = get_column_letter(number)
            area = f"{letter}2:{letter}{len(table.rows) + 1}"
            for text, fill in VERDICT_FILLS.items():
                sheet.conditional_formatting.add(
                    area,
                    CellIsRule(operator="equal", formula=[f'"{text}"'], fill=fill),  # type: ignore[no-untyped-call]
                )


def _summary_sheet(sheet: Worksheet, snapshot: RoundSnapshot) -> None:
    sheet.column_dimensions["A"].width = 52
    sheet.column_dimensions["B"].width = 70
    title = sheet.cell(
        row=1, column=1, value=f"Hemtjänstindex {snapshot.round_id} – webbgranskning"
    )
    title.font = Font(bold=True, size=14)
    for number, (label, value) in enumerate(summary_rows(snapshot), start=3):
        sheet.cell(row=number, column=1, value=label).font = Font(bold=True)
        _write_value(sheet, number, 2, value, "text")
        sheet.cell(row=number, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(row=number, column=2).number_format = (
            "yyyy-mm-dd hh:mm:ss" if isinstance(value, datetime) else "General"
        )


def build_workbook(snapshot: RoundSnapshot) -> Workbook:
    book = Workbook()
    taken: set[str] = set()
    main = book.active
    assert main is not None
    main.title = sheet_title("Kommuner", taken)
    write_table(main, municipality_table(snapshot))
    for item in snapshot.checklist.items:
        sheet = book.create_sheet(sheet_title(item.title.sv, taken))
        write_table(sheet, item_table(snapshot, item.id))
    _summary_sheet(book.create_sheet(sheet_title("Sammanfattning", taken)), snapshot)
    book.properties.title = f"Hemtjänstindex {snapshot.round_id} – webbgranskning"
    book.properties.creator = "webaudit"
    return book


def write_xlsx(snapshot: RoundSnapshot, out: Path) -> Path:
    buffer = io.BytesIO()
    build_workbook(snapshot).save(buffer)
    write_shared(out, buffer.getvalue())
    return out

"""CSV export: one row per municipality (and a companion file with every item's evidence).

UTF-8 with a byte-order mark so Excel shows å, ä, ö; comma-separated with a decimal point, so
other tools read it as is. Every text cell goes through `spreadsheet_text`: nothing from a
crawled page can become a formula.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from webaudit.export.files import write_shared
from webaudit.export.safety import spreadsheet_text
from webaudit.export.snapshot import RoundSnapshot
from webaudit.export.tabular import Table, evidence_table, municipality_table


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return spreadsheet_text(value)


def table_csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.key for column in table.columns])
    for row in table.rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def evidence_path(out: Path) -> Path:
    return out.with_name(f"{out.stem}-bevis{out.suffix or '.csv'}")


def write_csv(snapshot: RoundSnapshot, out: Path) -> list[Path]:
    """Writes `out` (municipalities) and `<out>-bevis.csv` (evidence); returns both paths."""
    write_shared(out, table_csv(municipality_table(snapshot)))
    companion = evidence_path(out)
    write_shared(companion, table_csv(evidence_table(snapshot)))
    return [out, companion]

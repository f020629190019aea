"""Import earlier rounds' results: a CSV per round (the index team's or webaudit's own) or a
webaudit JSON export.

CSV: one row per municipality. Columns are recognised by name, case-insensitively:
code (`kod`, `kommunkod`, `code`), name (`kommun`, `namn`, `name`), size group
(`storleksgrupp`, `size_group`, `grupp`), the Information score (`information`,
`delindex information`, `poäng`, `score`) and one column per item, named by its id or its
Swedish or English title. Item cells: ja/nej/ej tillämplig (or yes/no/not_applicable, 1/0, x);
empty means not decided. Comma or semicolon separated, UTF-8 (with or without BOM) or
Windows-1252 as Excel saves it; a decimal comma is fine. Other columns (county, rank, ...) are
ignored and reported. A malformed cell fails with the file, line and column named.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from webaudit.checklists import Checklist
from webaudit.errors import DataFileError
from webaudit.store import Store
from webaudit.store.history import add_import
from webaudit.store.history_tables import HistoryImport, HistoryResult

YES = {"ja", "yes", "j", "y", "1", "x", "true", "sant"}
NO = {"nej", "no", "n", "0", "false", "falskt"}
NOT_APPLICABLE = {
    "ej tillämplig",
    "ej tillampligt",
    "ej tillämpligt",
    "not_applicable",
    "e.t.",
    "n/a",
}
PENDING = {"", "ej beslutad", "pending", "null", "-", "–"}
CODE = {"kod", "kommunkod", "code", "kommun_kod"}
NAME = {"kommun", "namn", "name", "kommunnamn"}
GROUP = {"storleksgrupp", "size_group", "grupp", "storleks_grupp"}
SCORE = {"information", "delindex information", "delindex_information", "poäng", "poang", "score"}


class HistoryFileError(DataFileError):
    """An earlier round's file cannot be read: the file, line and column are named."""


@dataclass(frozen=True)
class HistoryRow:
    code: str
    name: str | None
    size_group: int | None
    information: float | None
    items: dict[str, str | None]


@dataclass
class ParsedHistory:
    round_id: str | None
    rows: list[HistoryRow]
    ignored_columns: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # item ids found in the file


def _key(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").strip().lower().split())


def item_headers(checklist: Checklist) -> dict[str, str]:
    """Header text (normalised) -> item id: ids, Swedish and English titles."""
    headers: dict[str, str] = {}
    for item in checklist.items:
        for text in (item.id, item.title.sv, item.title.en):
            headers[_key(text)] = item.id
    return headers


def parse_value(text: str) -> str | None:
    """'ja' -> 'yes', ... ; raises ValueError for anything else."""
    value = _key(text)
    if value in YES:
        return "yes"
    if value in NO:
        return "no"
    if value in NOT_APPLICABLE:
        return "not_applicable"
    if value in PENDING:
        return None
    raise ValueError(text)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def parse_round_csv(data: bytes, path: Path | str, checklist: Checklist) -> ParsedHistory:
    text = _decode(data)
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise HistoryFileError(path, "filen är tom") from None
    known = item_headers(checklist)
    roles: dict[int, tuple[str, str]] = {}
    ignored: list[str] = []
    for index, raw in enumerate(header):
        name = _key(raw)
        if name in CODE:
            roles[index] = ("code", "")
        elif name in NAME:
            roles[index] = ("name", "")
        elif name in GROUP:
            roles[index] = ("group", "")
        elif name in SCORE:
            roles[index] = ("score", "")
        elif name in known:
            roles[index] = ("item", known[name])
        elif raw.strip():
            ignored.append(raw.strip())
    if ("code", "") not in roles.values():
        raise HistoryFileError(path, "kolumnen för kommunkod saknas (kod, kommunkod eller code)")
    rows: list[HistoryRow] = []
    for line, record in enumerate(reader, start=2):
        if not any(cell.strip() for cell in record):
            continue
        values: dict[str, Any] = {"items": {}}
        for index, (role, item_id) in roles.items():
            cell = record[index].strip() if index < len(record) else ""
            column = header[index].strip()
            where = f"rad {line}, kolumn '{column}'"
            if role == "code":
                if not re.fullmatch(r"\d{3,4}", cell):
                    raise HistoryFileError(path, f"ogiltig kommunkod {cell!r}", where=where)
                values["code"] = cell.zfill(4)
            elif role == "name":
                values["name"] = cell or None
            elif role == "group":
                values["group"] = _number(cell, int, path, where)
            elif role == "score":
                values["score"] = _number(cell, float, path, where)
            else:
                try:
                    values["items"][item_id] = parse_value(cell)
                except ValueError:
                    raise HistoryFileError(
                        path,
                        f"okänt värde {cell!r} (använd ja, nej, ej tillämplig eller tomt)",
                        where=where,
                    ) from None
        rows.append(
            HistoryRow(
                values["code"],
                values.get("name"),
                values.get("group"),
                values.get("score"),
                values["items"],
            )
        )
    _check_unique(rows, path)
    items = list(dict.fromkeys(item_id for role, item_id in roles.values() if role == "item"))
    return ParsedHistory(None, rows, ignored, items)


def _number(cell: str, kind: type[int] | type[float], path: Path | str, where: str) -> Any:
    if not cell:
        return None
    try:
        return kind(cell.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except ValueError:
        raise HistoryFileError(path, f"inte ett tal: {cell!r}", where=where) from None


def _check_unique(rows: list[HistoryRow], path: Path | str) -> None:
    seen: set[str] = set()
    for row in rows:
        if row.code in seen:
            raise HistoryFileError(path, f"kommunkoden {row.code} förekommer två gånger")
        seen.add(row.code)


def parse_json_export(data: bytes, path: Path | str) -> ParsedHistory:
    """A webaudit JSON export (the contract in issue 2) as an earlier round's results."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
        municipalities = document["municipalities"]
        rows = [
            HistoryRow(
                str(m["code"]),
                m.get("name"),
                m.get("size_group"),
                (m.get("scores") or {}).get("information"),
                {
                    item["id"]: item.get("verdict")
                    if item.get("verdict") in ("yes", "no", "not_applicable")
                    else None
                    for item in m.get("items", [])
                },
            )
            for m in municipalities
        ]
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise HistoryFileError(path, f"ogiltig JSON: {error}") from error
    except (KeyError, TypeError, AttributeError) as error:
        raise HistoryFileError(path, f"inte en webaudit-export (saknar {error})") from error
    _check_unique(rows, path)
    items = list(dict.fromkeys(i for row in rows for i in row.items))
    return ParsedHistory(str(document.get("round") or "") or None, rows, [], items)


def parse_history_file(path: Path, checklist: Checklist) -> tuple[ParsedHistory, bytes, str]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise HistoryFileError(path, f"kan inte läsas ({error.strerror})") from error
    if path.suffix.lower() == ".json":
        return parse_json_export(data, path), data, "json"
    return parse_round_csv(data, path, checklist), data, "csv"


def round_from_name(path: Path) -> str | None:
    match = re.search(r"(19|20)\d{2}", path.stem)
    return match.group(0) if match else None


def import_history(
    store: Store, path: Path, checklist: Checklist, *, round_id: str | None, actor: str
) -> tuple[HistoryImport, ParsedHistory]:
    """Read `path` and store it as the newest import of its round."""
    parsed, data, fmt = parse_history_file(path, checklist)
    round_id = round_id or parsed.round_id or round_from_name(path)
    if not round_id or not re.fullmatch(r"\d{4}", round_id):
        raise HistoryFileError(path, "ange omgången (årtal) med --round; den syns inte i filen")
    if not parsed.rows:
        raise HistoryFileError(path, "filen har inga rader med kommuner")
    record = HistoryImport(
        round_id=round_id,
        source=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        imported_by=actor,
        note=("ignorerade kolumner: " + ", ".join(parsed.ignored_columns))
        if parsed.ignored_columns
        else None,
    )
    results = [
        HistoryResult(
            import_id=0,
            round_id=round_id,
            municipality_code=row.code,
            name=row.name,
            size_group=row.size_group,
            information=row.information,
            items=dict(row.items),
        )
        for row in parsed.rows
    ]
    with store.session(write=True) as session:
        add_import(session, record, results)
    return record, parsed

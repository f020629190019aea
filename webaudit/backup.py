"""Backup and restore of one round: its database rows and evidence files, in a portable archive.

The archive is a tar file (gzip-compressed when its name ends in .gz):

    webaudit-backup.json     format, round, source schema, per table the row count and SHA-256
    tables/<table>.jsonl     the round's rows, one JSON object per line, in primary-key order
    files/<relative path>    every evidence file the rows point at, under its evidence-folder path
    SHA256SUMS               `sha256sum -c` list of every other member (after `tar -x`)

Which rows belong to a round is worked out from the schema, so tables added later are covered:
the round itself; every table with a `round_id` column; tables whose foreign keys point at rows
already selected (crawl log, findings); and the reference rows those point at (municipalities,
file records, the checklist versions the round used).

Restore checks every member's hash first, then refuses (before writing anything) when the target
holds different rows under the same keys; identical rows are skipped, so restoring twice, or
after an interrupted restore, is safe. Ids are kept, so references inside JSON columns (evidence
capture ids, finding ids) stay right; PostgreSQL sequences are moved past the restored ids. Rows
are only ever inserted, which the append-only triggers allow.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import os
import tarfile
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import webaudit.store.tables  # noqa: F401  (registers every table on the metadata)
from webaudit import __version__
from webaudit.errors import NotFoundError, WebauditError
from webaudit.evidence import EvidenceStore, sha256_file
from webaudit.store import Store
from webaudit.store.engine import schema_revisions
from webaudit.store.types import utcnow

FORMAT = "webaudit-backup/1"
META_NAME = "webaudit-backup.json"
SUMS_NAME = "SHA256SUMS"
ROUND_TABLE = "audit_round"
# Shared across rounds: an existing row is kept as it is (a later round may have updated it).
REFERENCE_TABLES = ("municipality", "stored_file", "checklist_version")
# Reference rows matched on their natural key, since their numeric id is local to a database.
NATURAL_KEYS = {"checklist_version": ("checklist_id", "version", "sha256")}
FILE_FOLDERS = ("objects", "archives")
CHUNK = 500


class BackupError(WebauditError):
    """A backup cannot be written or restored; nothing was changed."""


# -- values ---------------------------------------------------------------------------------------


def _encode(column: sa.Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _base_type(column: sa.Column[Any]) -> Any:
    kind = column.type
    return kind.impl_instance if isinstance(kind, sa.types.TypeDecorator) else kind


def _decode(column: sa.Column[Any], value: Any) -> Any:
    if value is None:
        return None
    base = _base_type(column)
    if isinstance(base, sa.DateTime):
        return datetime.fromisoformat(value)
    if isinstance(base, sa.LargeBinary):
        return base64.b64decode(value)
    return value


def _row_json(row: dict[str, Any]) -> bytes:
    return json.dumps(row, ensure_ascii=False, sort_keys=False, separators=(",", ":")).encode()


# -- which rows belong to a round ----------------------------------------------------------------


def _tables() -> list[sa.Table]:
    return list(SQLModel.metadata.sorted_tables)


def _pk(table: sa.Table) -> list[sa.Column[Any]]:
    return list(table.primary_key.columns)


def _in_chunks(column: Any, values: Iterable[Any]) -> Iterator[Any]:
    ordered = sorted(set(values), key=repr)
    for start in range(0, len(ordered), CHUNK):
        yield column.in_(ordered[start : start + CHUNK])


@dataclass
class RoundRows:
    """A round's rows per table (encoded, in primary-key order) and the tables left out."""

    round_id: str
    tables: dict[str, list[dict[str, Any]]]
    excluded: list[str] = field(default_factory=list)

    def file_paths(self) -> dict[str, str | None]:
        """Evidence files the rows point at: relative path -> SHA-256 when recorded."""
        hashes = {row["sha256"]: row["path"] for row in self.tables.get("stored_file", [])}
        paths: dict[str, str | None] = {path: sha for sha, path in hashes.items()}
        for name, rows in self.tables.items():
            if name == "stored_file":
                continue
            for row in rows:
                for key, value in row.items():
                    if key.endswith("_path") and isinstance(value, str) and value:
                        sha = row.get(key.removesuffix("_path") + "_sha256")
                        paths.setdefault(value, sha if isinstance(sha, str) else None)
        return {path: sha for path, sha in paths.items() if _is_evidence_path(path)}


def _is_evidence_path(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return (
        bool(parts) and parts[0] in FILE_FOLDERS and ".." not in parts and not path.startswith("/")
    )


def _select(connection: Connection, table: sa.Table, condition: Any) -> list[dict[str, Any]]:
    query = sa.select(table).where(condition).order_by(*_pk(table))
    return [dict(row._mapping) for row in connection.execute(query)]


def read_round_rows(connection: Connection, round_id: str) -> RoundRows:
    """Every row that belongs to `round_id`, encoded as JSON-ready dicts."""
    selected: dict[str, list[dict[str, Any]]] = {}
    scoped: set[str] = set()
    for table in _tables():
        if table.name == ROUND_TABLE:
            rows = _select(connection, table, table.c.id == round_id)
            if not rows:
                raise NotFoundError(f"omgång {round_id} finns inte i databasen")
        elif "round_id" in table.c:
            rows = _select(connection, table, table.c.round_id == round_id)
        else:
            parents = [fk for fk in table.foreign_keys if fk.column.table.name in scoped]
            if not parents:
                continue
            rows = []
            seen: set[tuple[Any, ...]] = set()
            for fk in parents:
                keys = [row[fk.column.name] for row in selected[fk.column.table.name]]
                for condition in _in_chunks(fk.parent, keys):
                    for row in _select(connection, table, condition):
                        key = tuple(row[c.name] for c in _pk(table))
                        if key not in seen:
                            seen.add(key)
                            rows.append(row)
            rows.sort(key=lambda r: tuple(r[c.name] for c in _pk(table)))
        scoped.add(table.name)
        selected[table.name] = rows
    tables = {name: [_encode_row(name, row) for row in rows] for name, rows in selected.items()}
    _add_references(connection, round_id, tables)
    names = {t.name for t in _tables()}
    excluded = sorted(names - set(tables))
    return RoundRows(round_id, dict(sorted(tables.items(), key=lambda i: _order(i[0]))), excluded)


def _order(name: str) -> int:
    return [t.name for t in _tables()].index(name)


def _encode_row(table_name: str, row: dict[str, Any]) -> dict[str, Any]:
    table = SQLModel.metadata.tables[table_name]
    return {c.name: _encode(c, row.get(c.name)) for c in table.columns}


def _add_references(connection: Connection, round_id: str, tables: dict[str, Any]) -> None:
    meta = SQLModel.metadata.tables
    codes = {
        row["municipality_code"]
        for rows in tables.values()
        for row in rows
        if isinstance(row.get("municipality_code"), str)
    }
    hashes = {
        value
        for rows in tables.values()
        for row in rows
        for key, value in row.items()
        if key.endswith("_sha256") and isinstance(value, str)
    }
    audit_round = tables[ROUND_TABLE][0]
    municipality, stored_file, checklist = (
        meta["municipality"],
        meta["stored_file"],
        meta["checklist_version"],
    )
    references: dict[str, list[dict[str, Any]]] = {"municipality": [], "stored_file": []}
    for condition in _in_chunks(municipality.c.code, codes):
        references["municipality"] += _select(connection, municipality, condition)
    for condition in _in_chunks(stored_file.c.sha256, hashes):
        references["stored_file"] += _select(connection, stored_file, condition)
    references["checklist_version"] = _select(
        connection,
        checklist,
        sa.or_(
            checklist.c.round == round_id,
            sa.and_(
                checklist.c.checklist_id == audit_round["checklist_id"],
                checklist.c.version == audit_round["checklist_version"],
            ),
        ),
    )
    for name, rows in references.items():
        key = [c.name for c in _pk(meta[name])]
        rows.sort(key=lambda r: tuple(r[k] for k in key))
        tables[name] = [_encode_row(name, row) for row in rows]


# -- writing an archive ----------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    round_id: str
    rows: dict[str, int]
    files: int
    excluded: list[str]


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(utcnow().timestamp())
    info.mode = 0o644
    archive.addfile(info, io.BytesIO(data))


def _hash_stream(handle: IO[bytes]) -> str:
    digest = hashlib.sha256()
    for block in iter(lambda: handle.read(1 << 20), b""):
        digest.update(block)
    return digest.hexdigest()


def write_backup(store: Store, evidence: EvidenceStore, round_id: str, out: Path) -> BackupSummary:
    """Write the round to `out` atomically (a temporary file renamed into place)."""
    with store.engine.connect() as connection:
        if store.dialect == "postgresql":  # one consistent snapshot of every table
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():  # SQLite (WAL): one read transaction is one snapshot
            rows = read_round_rows(connection, round_id)
        revisions = sorted(schema_revisions(store.engine))
    files = rows.file_paths()
    problems = []
    for path, sha in sorted(files.items()):
        state = (
            evidence.check(path, sha)
            if sha
            else ("ok" if evidence.absolute(path).is_file() else "missing")
        )
        if state != "ok":
            problems.append(f"{path} ({'saknas' if state == 'missing' else 'ändrad'})")
    if problems:
        raise BackupError(
            f"{len(problems)} bevisfiler saknas eller är ändrade, t.ex. {problems[0]}; "
            "kör `webaudit verify` innan säkerhetskopieringen"
        )
    sums: dict[str, str] = {}
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".backup", dir=out.parent)
    os.close(descriptor)
    mode = "w:gz" if out.name.endswith((".gz", ".tgz")) else "w"
    try:
        with tarfile.open(temporary, mode, format=tarfile.PAX_FORMAT) as archive:  # type: ignore[call-overload]
            table_meta = {}
            for name, table_rows in rows.tables.items():
                data = b"".join(_row_json(row) + b"\n" for row in table_rows)
                member = f"tables/{name}.jsonl"
                sums[member] = hashlib.sha256(data).hexdigest()
                table_meta[name] = {"rows": len(table_rows), "sha256": sums[member]}
                _add_bytes(archive, member, data)
            for path in sorted(files):
                source = evidence.absolute(path)
                member = f"files/{path}"
                sums[member] = sha256_file(source)
                archive.add(source, arcname=member, recursive=False)
            meta = {
                "format": FORMAT,
                "round": round_id,
                "created_at": utcnow().isoformat(),
                "created_by": f"webaudit {__version__}",
                "source_dialect": store.dialect,
                "schema_revisions": revisions,
                "tables": table_meta,
                "files": len(files),
                "excluded_tables": rows.excluded,
            }
            meta_bytes = json.dumps(meta, ensure_ascii=False, indent=1).encode()
            sums[META_NAME] = hashlib.sha256(meta_bytes).hexdigest()
            _add_bytes(archive, META_NAME, meta_bytes)
            listing = "".join(f"{sha}  {name}\n" for name, sha in sorted(sums.items()))
            _add_bytes(archive, SUMS_NAME, listing.encode())
        with Path(temporary).open("rb") as handle:
            os.fsync(handle.fileno())
        Path(temporary).replace(out)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(temporary).unlink()
        raise
    return BackupSummary(
        out, round_id, {n: len(r) for n, r in rows.tables.items()}, len(files), rows.excluded
    )


# -- restoring -------------------------------------------------------------------------------------


@dataclass
class RestoreSummary:
    round_id: str
    inserted: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)  # reference rows that differ, kept as is
    files_written: int = 0
    files_present: int = 0


class _Archive:
    """A backup archive, checked member by member against its own SHA256SUMS."""

    def __init__(self, path: Path) -> None:
        try:
            self.tar = tarfile.open(path, "r:*")  # noqa: SIM115 - closed by close()
        except (OSError, tarfile.TarError) as error:
            raise BackupError(f"{path}: ingen läsbar säkerhetskopia ({error})") from error
        self.path = path
        self.members: dict[str, tarfile.TarInfo] = {}
        for member in self.tar.getmembers():
            name = member.name
            parts = PurePosixPath(name).parts
            if not member.isfile() or name.startswith("/") or ".." in parts:
                raise BackupError(f"{path}: otillåten post i arkivet: {name!r}")
            if name in self.members:
                raise BackupError(f"{path}: posten {name} finns två gånger")
            self.members[name] = member
        for required in (META_NAME, SUMS_NAME):
            if required not in self.members:
                raise BackupError(f"{path}: {required} saknas; inte en webaudit-säkerhetskopia")
        self.sums: dict[str, str] = {}
        for line in self.read(SUMS_NAME, check=False).decode().splitlines():
            digest, _, name = line.partition("  ")
            self.sums[name] = digest
        unlisted = set(self.members) - set(self.sums) - {SUMS_NAME}
        if unlisted:
            raise BackupError(f"{path}: poster utan kontrollsumma: {', '.join(sorted(unlisted))}")
        self.meta: dict[str, Any] = json.loads(self.read(META_NAME))
        if self.meta.get("format") != FORMAT:
            raise BackupError(f"{path}: okänt format {self.meta.get('format')!r}")

    def open(self, name: str) -> IO[bytes]:
        if name not in self.members:
            raise BackupError(f"{self.path}: {name} saknas i arkivet")
        handle = self.tar.extractfile(self.members[name])
        assert handle is not None
        return handle

    def read(self, name: str, *, check: bool = True) -> bytes:
        data = self.open(name).read()
        if check and hashlib.sha256(data).hexdigest() != self.sums.get(name):
            raise BackupError(f"{self.path}: {name} stämmer inte med SHA256SUMS (skadat arkiv)")
        return data

    def check_all(self) -> None:
        for name, expected in self.sums.items():
            if name not in self.members:
                raise BackupError(f"{self.path}: {name} listas i SHA256SUMS men saknas")
            with self.open(name) as handle:
                if _hash_stream(handle) != expected:
                    raise BackupError(f"{self.path}: {name} stämmer inte med SHA256SUMS")

    def close(self) -> None:
        self.tar.close()


def _compare_key(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


def _count(counter: dict[str, int], name: str) -> None:
    counter[name] = counter.get(name, 0) + 1


def _existing(
    connection: Connection, table: sa.Table, rows: list[dict[str, Any]]
) -> dict[tuple[Any, ...], dict[str, Any]]:
    pk = _pk(table)
    found: dict[tuple[Any, ...], dict[str, Any]] = {}
    keys = [tuple(_decode(c, row[c.name]) for c in pk) for row in rows]
    target: Any = pk[0] if len(pk) == 1 else sa.tuple_(*pk)
    values = [k[0] for k in keys] if len(pk) == 1 else keys
    for condition in _in_chunks(target, values):
        for row in _select(connection, table, condition):
            found[tuple(row[c.name] for c in pk)] = _encode_row(table.name, row)
    return found


def _natural_existing(connection: Connection, table: sa.Table, row: dict[str, Any]) -> bool:
    columns = NATURAL_KEYS[table.name]
    condition = sa.and_(*(table.c[name] == row[name] for name in columns))
    return bool(_select(connection, table, condition))


def _plan_rows(
    connection: Connection, archive: _Archive, summary: RestoreSummary
) -> list[tuple[sa.Table, list[dict[str, Any]]]]:
    """Rows to insert per table, after refusing conflicts. Reads only."""
    meta_tables: dict[str, Any] = archive.meta["tables"]
    unknown = set(meta_tables) - set(SQLModel.metadata.tables)
    if unknown:
        raise BackupError(
            f"säkerhetskopian har tabeller som denna webaudit inte känner till "
            f"({', '.join(sorted(unknown))}); uppdatera webaudit"
        )
    plan = []
    conflicts: list[str] = []
    for table in _tables():
        if table.name not in meta_tables:
            continue
        rows = [
            json.loads(line) for line in archive.read(f"tables/{table.name}.jsonl").splitlines()
        ]
        if len(rows) != meta_tables[table.name]["rows"]:
            raise BackupError(f"{archive.path}: {table.name} har fel antal rader")
        extra = {key for row in rows for key in row} - set(table.c.keys())
        if extra:
            raise BackupError(
                f"säkerhetskopian har kolumner som databasen saknar ({table.name}: "
                f"{', '.join(sorted(extra))}); uppdatera webaudit"
            )
        existing = _existing(connection, table, rows)
        pk = _pk(table)
        to_insert = []
        for row in rows:
            full = {c.name: row.get(c.name) for c in table.columns}
            key = tuple(_decode(c, row[c.name]) for c in pk)
            present = existing.get(key)
            if table.name in NATURAL_KEYS:
                # Matched on content; a clashing local id just means "take the next id".
                if _natural_existing(connection, table, full):
                    _count(summary.skipped, table.name)
                    continue
                if present is not None:
                    full = {k: v for k, v in full.items() if k not in {c.name for c in pk}}
                to_insert.append(full)
            elif present is None:
                to_insert.append(full)
            elif _compare_key(present) == _compare_key(full):
                _count(summary.skipped, table.name)
            elif table.name in REFERENCE_TABLES:
                _count(summary.kept, table.name)
            else:
                conflicts.append(f"{table.name} {key}")
        plan.append((table, to_insert))
    if conflicts:
        raise BackupError(
            f"databasen har redan andra uppgifter under samma nycklar ({len(conflicts)} rader, "
            f"t.ex. {conflicts[0]}); återställ till en tom databas eller den som kopian togs från"
        )
    return plan


def _plan_files(archive: _Archive, evidence: EvidenceStore) -> tuple[list[tuple[str, str]], int]:
    writes: list[tuple[str, str]] = []
    present = 0
    for name, sha in sorted(archive.sums.items()):
        if not name.startswith("files/"):
            continue
        relative = name.removeprefix("files/")
        if not _is_evidence_path(relative):
            raise BackupError(f"{archive.path}: otillåten filsökväg {relative!r}")
        target = evidence.absolute(relative)
        if target.exists():
            if sha256_file(target) != sha:
                raise BackupError(
                    f"{relative} finns redan i bevismappen med annat innehåll; inget återställdes"
                )
            present += 1
        else:
            writes.append((name, relative))
    return writes, present


def _write_checked(target: Path, handle: IO[bytes], sha256: str) -> None:
    """Stream one file into place via a temporary name, refusing it if its hash is off."""
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        digest = hashlib.sha256()
        with os.fdopen(descriptor, "wb") as out:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != sha256:
            raise BackupError(f"{target.name}: innehållet ändrades under återställningen")
        Path(temporary).replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(temporary).unlink()
        raise


def _bump_sequences(connection: Connection, tables: Iterable[sa.Table]) -> None:
    for table in tables:
        pk = _pk(table)
        if len(pk) != 1 or not isinstance(pk[0].type, sa.Integer):
            continue
        connection.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 1), "
                f"(SELECT MAX({pk[0].name}) FROM {table.name}) IS NOT NULL)"
            )
        )


def restore_backup(store: Store, evidence: EvidenceStore, path: Path) -> RestoreSummary:
    """Restore a round from `path`: check everything, write the files, insert the rows at once."""
    archive = _Archive(path)
    try:
        archive.check_all()
        summary = RestoreSummary(str(archive.meta["round"]))
        with store.session(write=True) as session:
            connection = session.connection()
            plan = _plan_rows(connection, archive, summary)
            writes, summary.files_present = _plan_files(archive, evidence)
            for member, relative in writes:
                with archive.open(member) as handle:
                    _write_checked(evidence.absolute(relative), handle, archive.sums[member])
            summary.files_written = len(writes)
            for table, rows in plan:
                decoded = [
                    {name: _decode(table.c[name], value) for name, value in row.items()}
                    for row in rows
                ]
                for start in range(0, len(decoded), CHUNK):
                    connection.execute(table.insert(), decoded[start : start + CHUNK])
                summary.inserted[table.name] = len(rows)
            if store.dialect == "postgresql":
                _bump_sequences(connection, (table for table, rows in plan if rows))
        return summary
    finally:
        archive.close()

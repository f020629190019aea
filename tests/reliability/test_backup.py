"""`webaudit backup` / `restore`: a round round-trips exactly between SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import SQLModel

from tests.conftest import make_workspace
from tests.reliability.conftest import run_cli
from tests.reliability.seed import Seeded
from webaudit.backup import BackupError, read_round_rows, restore_backup, write_backup
from webaudit.evidence import sha256_file
from webaudit.store.decisions import DecisionInput, record_decision
from webaudit.workspace import Workspace


def _rows(ws: Workspace, round_id: str) -> dict[str, list[dict[str, object]]]:
    with ws.store.engine.connect() as connection:
        return read_round_rows(connection, round_id).tables


def _files(ws: Workspace) -> dict[str, str]:
    root = ws.evidence.root
    return {
        p.relative_to(root).as_posix(): sha256_file(p)
        for folder in ("objects", "archives")
        for p in (root / folder).rglob("*")
        if p.is_file()
    }


def _assert_same(a: Workspace, b: Workspace, round_id: str) -> None:
    rows_a, rows_b = _rows(a, round_id), _rows(b, round_id)
    assert rows_a.keys() == rows_b.keys()
    for table in rows_a:
        assert rows_a[table] == rows_b[table], table
    assert _files(a) == _files(b)


@pytest.mark.postgres
def test_round_trip_sqlite_to_postgresql_and_back(
    seeded: tuple[Workspace, Seeded],
    tmp_path: Path,
    postgres_url: str,
    request: pytest.FixtureRequest,
) -> None:
    source, seed = seeded
    first = tmp_path / "a.tar"
    result = run_cli(source, "backup", "--round", seed.round_id, "--out", str(first))
    assert result.exit_code == 0, result.output
    pg = make_workspace(tmp_path / "pg", db=postgres_url)
    result = run_cli(pg, "restore", str(first))
    assert result.exit_code == 0, result.output
    _assert_same(source, pg, seed.round_id)
    # New rows after a restore get fresh ids (PostgreSQL sequences moved past restored ids).
    with pg.store.session(write=True) as session:
        decision = record_decision(
            session,
            DecisionInput(
                seed.round_id,
                "9003",
                "complaints",
                "yes",
                "cecilia",
                pg.checklist.id,
                pg.checklist.version,
            ),
            expected_revision=0,
        )
    assert decision.id == max(r["id"] for r in _rows(source, seed.round_id)["decision"]) + 1  # type: ignore[type-var]
    second = tmp_path / "b.tar.gz"
    assert run_cli(pg, "backup", "--round", seed.round_id, "--out", str(second)).exit_code == 0
    back = make_workspace(tmp_path / "back")
    assert run_cli(back, "restore", str(second)).exit_code == 0
    _assert_same(pg, back, seed.round_id)
    rows = _rows(back, seed.round_id)
    request.node.user_properties.append(
        (
            "load",
            f"{sum(map(len, rows.values()))} rows in {len(rows)} tables, "
            f"{len(_files(back))} files: SQLite → PostgreSQL → SQLite identical",
        )
    )
    assert (
        len(_rows(back, seed.round_id)["decision"])
        == len(_rows(source, seed.round_id)["decision"]) + 1
    )
    pg.close()
    back.close()


def test_restoring_twice_changes_nothing(seeded: tuple[Workspace, Seeded], tmp_path: Path) -> None:
    source, seed = seeded
    archive = write_backup(source.store, source.evidence, seed.round_id, tmp_path / "a.tar").path
    target = make_workspace(tmp_path / "t")
    first = restore_backup(target.store, target.evidence, archive)
    again = restore_backup(target.store, target.evidence, archive)
    assert sum(first.inserted.values()) > 0 and sum(again.inserted.values()) == 0
    assert again.files_written == 0 and again.files_present == first.files_written
    _assert_same(source, target, seed.round_id)


def test_every_table_is_part_of_a_round_backup(seeded: tuple[Workspace, Seeded]) -> None:
    """A table that a round backup leaves out is data a restore would lose: classify new ones."""
    ws, seed = seeded
    with ws.store.engine.connect() as connection:
        rows = read_round_rows(connection, seed.round_id)
    assert rows.excluded == []
    assert set(rows.tables) == set(SQLModel.metadata.tables)


def test_conflicting_rows_are_refused_and_nothing_is_written(
    seeded: tuple[Workspace, Seeded], tmp_path: Path
) -> None:
    source, seed = seeded
    archive = write_backup(source.store, source.evidence, seed.round_id, tmp_path / "a.tar").path
    target = make_workspace(tmp_path / "t")
    restore_backup(target.store, target.evidence, archive)
    with source.store.session(write=True) as session:  # the source moves on: a new head revision
        record_decision(
            session,
            DecisionInput(
                seed.round_id,
                "9001",
                "fee_calculator",
                "no",
                "david",
                source.checklist.id,
                source.checklist.version,
            ),
            expected_revision=None,
        )
    newer = write_backup(source.store, source.evidence, seed.round_id, tmp_path / "b.tar").path
    other = make_workspace(tmp_path / "o")
    with other.store.session(write=True) as session:  # an unrelated round took the same ids
        session.execute(
            text(
                "INSERT INTO audit_round (id, checklist_id, checklist_version, created_at) VALUES ('1999', 'x', '1', '2000-01-01 00:00:00')"
            )
        )
    restore_backup(other.store, other.evidence, archive)
    clash = make_workspace(tmp_path / "c")
    restore_backup(clash.store, clash.evidence, newer)
    before = _rows(clash, seed.round_id), _files(clash)
    with pytest.raises(BackupError, match="andra uppgifter under samma nycklar"):
        restore_backup(clash.store, clash.evidence, archive)  # older state over newer: refused
    assert (_rows(clash, seed.round_id), _files(clash)) == before


def _member(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def _rewrite(
    source: Path,
    target: Path,
    change: dict[str, bytes | None],
    extra: list[tarfile.TarInfo] | None = None,
) -> Path:
    with tarfile.open(source) as old, tarfile.open(target, "w") as new:
        for member in old.getmembers():
            if member.name in change:
                if change[member.name] is not None:
                    _member(new, member.name, change[member.name] or b"")
                continue
            new.addfile(member, old.extractfile(member))
        for info in extra or []:
            new.addfile(info)
    return target


def test_damaged_or_hostile_archives_are_refused(
    seeded: tuple[Workspace, Seeded], tmp_path: Path
) -> None:
    source, seed = seeded
    archive = write_backup(source.store, source.evidence, seed.round_id, tmp_path / "a.tar").path
    with tarfile.open(archive) as tar:
        screenshot = next(n for n in tar.getnames() if n.endswith(".png"))
    link = tarfile.TarInfo("files/objects/00/evil.png")
    link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
    traversal = tarfile.TarInfo("files/../../escaped.txt")
    cases = {
        "altered file": (
            _rewrite(archive, tmp_path / "1.tar", {screenshot: b"other bytes"}),
            "stämmer inte",
        ),
        "altered rows": (
            _rewrite(archive, tmp_path / "2.tar", {"tables/decision.jsonl": b"{}\n"}),
            "stämmer inte",
        ),
        "symlink": (_rewrite(archive, tmp_path / "3.tar", {}, [link]), "otillåten post"),
        "traversal": (_rewrite(archive, tmp_path / "4.tar", {}, [traversal]), "otillåten post"),
        "not a backup": (
            _rewrite(archive, tmp_path / "5.tar", {"webaudit-backup.json": None}),
            "saknas",
        ),
        "not a tar": ((tmp_path / "6.tar"), "ingen läsbar"),
    }
    (tmp_path / "6.tar").write_bytes(b"garbage" * 100)
    target = make_workspace(tmp_path / "t")
    for name, (path, fragment) in cases.items():
        with pytest.raises(BackupError, match=fragment):
            restore_backup(target.store, target.evidence, path)
        assert not (target.evidence.root / "objects").exists(), name
        with target.store.engine.connect() as connection:
            assert connection.execute(text("SELECT COUNT(*) FROM capture")).scalar() == 0, name
    assert not (tmp_path / "escaped.txt").exists()


def test_backup_refuses_incomplete_evidence(
    seeded: tuple[Workspace, Seeded], tmp_path: Path
) -> None:
    ws, seed = seeded
    ws.evidence.absolute(seed.screenshot_paths[0]).unlink()
    result = run_cli(ws, "backup", "--round", seed.round_id, "--out", str(tmp_path / "a.tar"))
    assert result.exit_code == 1
    assert "saknas eller är ändrade" in result.output and "webaudit verify" in result.output
    assert not (tmp_path / "a.tar").exists()


def test_archive_is_plain_tar_with_jsonl_and_checksums(
    seeded: tuple[Workspace, Seeded], tmp_path: Path
) -> None:
    ws, seed = seeded
    path = write_backup(ws.store, ws.evidence, seed.round_id, tmp_path / "a.tar").path
    with tarfile.open(path) as tar:
        names = set(tar.getnames())
        meta = json.loads(tar.extractfile("webaudit-backup.json").read())  # type: ignore[union-attr]
        sums = tar.extractfile("SHA256SUMS").read().decode()  # type: ignore[union-attr]
        decisions = tar.extractfile("tables/decision.jsonl").read().decode().splitlines()  # type: ignore[union-attr]
    assert meta["round"] == seed.round_id and meta["tables"]["decision"]["rows"] == len(decisions)
    assert all(json.loads(line)["round_id"] == seed.round_id for line in decisions)
    assert {f"files/{p}" for p in seed.screenshot_paths} <= names
    assert len(sums.splitlines()) == len(names) - 1

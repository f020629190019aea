"""`webaudit verify`: altered, deleted, orphaned and unrecorded files, and broken WACZ archives."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from sqlmodel import select

from tests.reliability.conftest import run_cli
from tests.reliability.seed import Seeded, make_wacz, png
from webaudit.store.tables import Capture, CrawlRun
from webaudit.verify import verify_evidence
from webaudit.wacz_check import check_wacz
from webaudit.workspace import Workspace


def test_an_intact_round_verifies(seeded: tuple[Workspace, Seeded]) -> None:
    ws, seed = seeded
    result = run_cli(ws, "verify")
    assert result.exit_code == 0, result.output
    assert "Allt stämmer." in result.output
    report = verify_evidence(ws.store, ws.evidence)
    assert report.ok and report.archives_checked == len(seed.wacz_paths)
    assert report.checked >= len(seed.capture_ids) * 4


def test_an_altered_screenshot_is_detected(seeded: tuple[Workspace, Seeded]) -> None:
    ws, seed = seeded
    target = ws.evidence.absolute(seed.screenshot_paths[1])
    target.write_bytes(png("retuscherad"))  # still a valid PNG, just not the one captured
    result = run_cli(ws, "verify", "--round", seed.round_id)
    assert result.exit_code == 1
    assert f"ändrad: {seed.screenshot_paths[1]}" in result.output
    assert "1 problem" in result.output


def test_a_deleted_capture_file_is_detected(seeded: tuple[Workspace, Seeded]) -> None:
    ws, seed = seeded
    with ws.store.session() as session:
        capture = session.exec(select(Capture).where(Capture.id == seed.capture_ids[2])).one()
    assert capture.html_path is not None
    ws.evidence.absolute(capture.html_path).unlink()
    result = run_cli(ws, "verify")
    assert result.exit_code == 1
    assert f"saknas: {capture.html_path}" in result.output


def test_orphans_are_reported_and_moved_aside_not_deleted(
    seeded: tuple[Workspace, Seeded],
) -> None:
    ws, _ = seeded
    stray = ws.evidence.root / "objects" / "ff" / ("f" * 64 + ".png")
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"not in the database")
    leftover = ws.evidence.root / "objects" / "ff" / ".tmp-abc123"
    leftover.write_bytes(b"half")
    result = run_cli(ws, "verify")
    assert result.exit_code == 1
    assert "okänd för databasen: objects/ff/" in result.output
    assert "rest av en avbruten skrivning" in result.output  # a note, not a problem
    assert "1 problem" in result.output
    moved = run_cli(ws, "verify", "--move-orphans")
    assert moved.exit_code == 0, moved.output
    assert not stray.exists()
    kept = list((ws.evidence.root / "orphans").rglob(stray.name))
    assert len(kept) == 1 and kept[0].read_bytes() == b"not in the database"
    assert run_cli(ws, "verify").exit_code == 0


def test_round_scope_does_not_call_other_files_orphans(seeded: tuple[Workspace, Seeded]) -> None:
    ws, seed = seeded
    ws.evidence.put(b"another round's file", "text/plain")  # unrecorded, but not this round's
    assert run_cli(ws, "verify", "--round", seed.round_id).exit_code == 0
    assert run_cli(ws, "verify").exit_code == 1


def test_a_structurally_broken_wacz_is_reported(seeded: tuple[Workspace, Seeded]) -> None:
    ws, _ = seeded
    broken = ws.evidence.put(b"PK\x03\x04 this is not really a zip", "application/wacz")
    with ws.store.session(write=True) as session:
        run = session.exec(select(CrawlRun)).first()
        assert run is not None
        run.wacz_path, run.wacz_sha256 = broken.path, broken.sha256
        session.add(run)
    result = run_cli(ws, "verify")
    assert result.exit_code == 1
    assert f"trasigt arkiv: {broken.path}" in result.output


def _rezip(data: bytes, change: dict[str, bytes | None]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename in change:
                replacement = change[info.filename]
                if replacement is not None:
                    target.writestr(info.filename, replacement)
            else:
                target.writestr(info, source.read(info.filename))
    return out.getvalue()


def test_wacz_validation(tmp_path: Path) -> None:
    good = make_wacz({"http://127.0.0.1/": b"<html>hej</html>"})
    path = tmp_path / "a.wacz"
    path.write_bytes(good)
    assert check_wacz(path) == []
    warc = next(n for n in zipfile.ZipFile(path).namelist() if n.startswith("archive/"))
    cases = {
        "missing warc": (_rezip(good, {warc: None}), "saknas"),
        "altered warc": (_rezip(good, {warc: b"WARC/1.0\r\n garbage"}), "hashen stämmer inte"),
        "no datapackage": (_rezip(good, {"datapackage.json": None}), "datapackage.json saknas"),
        "truncated": (good[: len(good) // 2], "zip"),
    }
    for name, (data, fragment) in cases.items():
        path.write_bytes(data)
        problems = check_wacz(path)
        assert problems, name
        assert any(fragment in p for p in problems), (name, problems)

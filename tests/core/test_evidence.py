"""The evidence folder: content-addressed, atomic, verifiable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from webaudit.errors import WebauditError
from webaudit.evidence import (
    EvidenceStore,
    sha256_bytes,
    sweep_interrupted_writes,
    temporary_prefix,
)


def test_same_bytes_stored_once(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path)
    first = store.put(b"<html>hemtjanst</html>", "text/html; charset=utf-8")
    second = store.put(b"<html>hemtjanst</html>", "text/html")
    assert first == second
    assert first.sha256 == sha256_bytes(b"<html>hemtjanst</html>")
    assert first.path == f"objects/{first.sha256[:2]}/{first.sha256}.html"
    assert [p.name for p in (tmp_path / "objects").rglob("*") if p.is_file()] == [
        f"{first.sha256}.html"
    ]
    assert store.read(first.path) == b"<html>hemtjanst</html>"


def test_check_detects_alteration_and_deletion(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path)
    stored = store.put(b"\x89PNG fake", "image/png")
    assert store.check(stored.path, stored.sha256) == "ok"
    store.absolute(stored.path).write_bytes(b"\x89PNG edited")
    assert store.check(stored.path, stored.sha256) == "altered"
    store.absolute(stored.path).unlink()
    assert store.check(stored.path, stored.sha256) == "missing"


def test_no_temporary_files_left_and_no_traversal(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path)
    store.put(b"x" * 100_000, "application/pdf")
    assert not list(tmp_path.rglob(".tmp-*"))
    with pytest.raises(WebauditError, match="utanför"):
        store.absolute("../../etc/passwd")


def test_leftovers_of_killed_writers_are_swept_and_live_ones_kept(tmp_path: Path) -> None:
    killed = subprocess.Popen([sys.executable, "-c", "pass"])
    killed.wait()  # its pid is now free: a writer that died before its rename
    folder = tmp_path / "objects" / "ab"
    folder.mkdir(parents=True)
    own_host = temporary_prefix().split("@", 1)[1]
    dead = folder / f".tmp-{killed.pid}@{own_host}x1y2z3"
    live = folder / f"{temporary_prefix()}a1b2c3"
    elsewhere = folder / f".tmp-{killed.pid}@another-machine.q9w8e7"
    unknown = folder / ".tmp-legacy"
    for path in (dead, live, elsewhere, unknown):
        path.write_bytes(b"half")
    assert sweep_interrupted_writes(tmp_path) == [dead]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        p.name for p in (live, elsewhere, unknown)
    )

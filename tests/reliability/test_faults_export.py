"""kill -9 during an export: the output is never half-written, and running again gives exactly
what an uninterrupted run gives."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_workspace
from tests.export.factory import build_round
from webaudit.evidence import sha256_file
from webaudit.workspace import Workspace

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SITES = int(os.environ.get("WEBAUDIT_RELIABILITY_EXPORT_SITES", "40"))
LISTS = 12  # evidence lists (HTML + PDF printed by Chromium) in the kill test
CODES: list[str] = []
CREATED = re.compile(rb"(Skapad \(UTC\)</t></is></c><c [^>]*><v>)[^<]*")
KILLS = int(os.environ.get("WEBAUDIT_RELIABILITY_KILLS", "8"))


@pytest.fixture(scope="module")
def round_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    base = tmp_path_factory.mktemp("export-faults")
    ws = make_workspace(base)
    built = build_round(ws, SITES, pages_per_site=3)
    CODES.extend(built.codes)
    yield ws
    ws.close()


def _command(ws: Workspace, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "webaudit",
        "--evidence-dir",
        str(ws.settings.evidence_dir),
        "--db",
        ws.settings.db_url,
        *args,
    ]


def _complete(fmt: str, path: Path) -> bool:
    """The file is whole: it parses to the end as its format."""
    data = path.read_bytes()
    if fmt == "json":
        return len(json.loads(data)["municipalities"]) == SITES
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        return len(rows) == SITES + 1
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return book.testzip() is None and "xl/workbook.xml" in book.namelist()


def _normalised(fmt: str, path: Path) -> object:
    if fmt == "json":
        document = json.loads(path.read_bytes())
        document.pop("generated_at", None)
        return document
    if fmt == "csv":
        return path.read_bytes()
    with zipfile.ZipFile(path) as book:  # sheets, not zip timestamps or document properties
        return {
            name: CREATED.sub(rb"\1", book.read(name))  # the "created at" cell differs per run
            for name in book.namelist()
            if name.startswith("xl/worksheets/")
        }


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_kill_9_during_export(
    round_ws: Workspace, tmp_path: Path, fmt: str, request: pytest.FixtureRequest
) -> None:
    ws = round_ws
    reference = tmp_path / f"referens.{fmt}"
    started = time.monotonic()
    subprocess.run(
        _command(ws, "export", "--format", fmt, "--out", str(reference)),
        check=True,
        capture_output=True,
        timeout=300,
    )
    duration = time.monotonic() - started
    out = tmp_path / "ut" / f"resultat.{fmt}"
    rng = random.Random(fmt)
    interrupted = finished = 0
    for _ in range(KILLS):
        process = subprocess.Popen(
            _command(ws, "export", "--format", fmt, "--out", str(out)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Early enough to land inside the export even when the machine is slower than when
        # the reference run was timed (the fraction shrinks after a run that finished first).
        time.sleep(rng.uniform(0.2, 0.8) * duration * 0.5**finished)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        interrupted += process.returncode == -signal.SIGKILL
        finished += process.returncode == 0
        if out.exists():  # whatever is under the final name is a whole export, never a part
            assert _complete(fmt, out)
        leftovers = [p.name for p in out.parent.glob("*") if p.name != out.name]
        assert all(name.startswith(".tmp-") or name.endswith("-bevis.csv") for name in leftovers)
    assert interrupted > 0, "no run was interrupted: the test proved nothing"
    subprocess.run(
        _command(ws, "export", "--format", fmt, "--out", str(out)),
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert _normalised(fmt, out) == _normalised(fmt, reference)
    request.node.user_properties.append(
        (
            "load",
            f"{SITES} municipalities; {interrupted} of {KILLS} runs killed mid-way "
            f"({duration:.1f} s per export)",
        )
    )


def test_kill_9_during_evidence_lists(
    round_ws: Workspace, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    ws = round_ws
    reference, out = tmp_path / "referens", tmp_path / "underlag"
    started = time.monotonic()
    codes = CODES[:LISTS]
    subprocess.run(
        _command(ws, "evidence", *codes, "--out", str(reference)),
        check=True,
        capture_output=True,
        timeout=600,
    )
    duration = time.monotonic() - started
    process = subprocess.Popen(
        _command(ws, "evidence", *codes, "--out", str(out)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 2 * duration + 30
    while not list(out.rglob("index.html")) and time.monotonic() < deadline:
        time.sleep(0.01)  # kill as soon as the first list is written: mid-run
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    pages = list(out.rglob("index.html"))
    assert 0 < len(pages) < LISTS, "the kill did not land mid-run"
    for page in pages:  # every list written so far is whole
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")
    subprocess.run(
        _command(ws, "evidence", *codes, "--out", str(out)),
        check=True,
        capture_output=True,
        timeout=600,
    )

    def tree(root: Path) -> dict[str, str]:
        """Images by content; HTML and PDF (which carry their creation time) as whole files."""
        found = {}
        for path in root.rglob("*"):
            if not path.is_file() or path.name.startswith(".tmp-"):
                continue
            if path.suffix == ".pdf":
                data = path.read_bytes()
                found[path.relative_to(root).as_posix()] = str(
                    data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
                )
            elif path.suffix == ".html":
                found[path.relative_to(root).as_posix()] = str(
                    path.read_text(encoding="utf-8").rstrip().endswith("</html>")
                )
            else:
                found[path.relative_to(root).as_posix()] = sha256_file(path)
        return found

    assert tree(out) == tree(reference)
    assert "False" not in tree(out).values()
    assert len(list(out.rglob("index.html"))) == LISTS
    request.node.user_properties.append(
        ("load", f"{LISTS} evidence lists (HTML+PDF); killed after {len(pages)}, re-run complete")
    )

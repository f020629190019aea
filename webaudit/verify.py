"""Verification: every stored file against its SHA-256 and the database.

Reports files that are missing, altered (hash differs) or orphaned (in the evidence folder but
unknown to the database), and captures that point at files the database does not know.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import select

from webaudit.evidence import EvidenceStore
from webaudit.store import Store
from webaudit.store.tables import Capture, StoredFile

CAPTURE_FILE_FIELDS = ("raw", "html", "text", "screenshot")


@dataclass
class VerifyReport:
    checked: int = 0
    missing: list[str] = field(default_factory=list)
    altered: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    unrecorded: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.altered or self.orphaned or self.unrecorded)


def _object_files(root: Path) -> Iterator[str]:
    objects = root / "objects"
    if objects.is_dir():
        for path in objects.rglob("*"):
            if path.is_file() and not path.name.startswith(".tmp-"):
                yield path.relative_to(root).as_posix()


def verify_evidence(
    store: Store, evidence: EvidenceStore, round_id: str | None = None
) -> VerifyReport:
    report = VerifyReport()
    with store.session() as session:
        files = {row.sha256: row for row in session.exec(select(StoredFile)).all()}
        query = select(Capture)
        if round_id:
            query = query.where(Capture.round_id == round_id)
        captures = session.exec(query).all()
    wanted: dict[str, StoredFile] = {}
    for capture in captures:
        for name in CAPTURE_FILE_FIELDS:
            sha = getattr(capture, f"{name}_sha256")
            if sha is None:
                continue
            if sha not in files:
                report.unrecorded.append(f"fångst {capture.id}: {name} {sha}")
            else:
                wanted[sha] = files[sha]
    if round_id is None:
        wanted = files
    for sha, row in sorted(wanted.items(), key=lambda pair: pair[1].path):
        state = evidence.check(row.path, sha)
        report.checked += 1
        if state == "missing":
            report.missing.append(row.path)
        elif state == "altered":
            report.altered.append(row.path)
    if round_id is None:
        known = {row.path for row in files.values()}
        report.orphaned = sorted(path for path in _object_files(evidence.root) if path not in known)
    return report

"""Verification: every stored file against its SHA-256 and the database.

Reports, in the evidence folder:
- missing files (the database points at them, the disk does not have them);
- altered files (their bytes no longer hash to what was recorded);
- orphaned files (under objects/ or archives/ but unknown to the database; whole-store check only);
- unrecorded or inconsistent references (a capture's hash with no file record, or a path that
  differs from the record's, or leaves the evidence folder);
- invalid WACZ archives (see wacz_check.py);
- signed manifest bundles under manifests/<round>/ whose signature or files no longer hold;
- a broken decision history (see decision_check.py).
Leftover temporary files of interrupted writes are listed as notes, not problems.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlmodel import col, select

from webaudit.decision_check import check_decisions
from webaudit.errors import WebauditError
from webaudit.evidence import EvidenceStore
from webaudit.manifest import check_bundle
from webaudit.store import Store
from webaudit.store.tables import Capture, CrawlRun, Evaluation, Finding, StoredFile
from webaudit.store.types import utcnow
from webaudit.wacz_check import check_wacz

CAPTURE_FILE_FIELDS = ("raw", "html", "text", "screenshot")
SCANNED_FOLDERS = ("objects", "archives")
MANIFESTS_FOLDER = "manifests"
ORPHANS_FOLDER = "orphans"


@dataclass
class VerifyReport:
    checked: int = 0
    archives_checked: int = 0
    bundles_checked: int = 0
    missing: list[str] = field(default_factory=list)
    altered: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    unrecorded: list[str] = field(default_factory=list)
    invalid_archives: list[str] = field(default_factory=list)
    bad_bundles: list[str] = field(default_factory=list)
    bad_decisions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def problems(self) -> int:
        return (
            len(self.missing)
            + len(self.altered)
            + len(self.orphaned)
            + len(self.unrecorded)
            + len(self.invalid_archives)
            + len(self.bad_bundles)
            + len(self.bad_decisions)
        )

    @property
    def ok(self) -> bool:
        return self.problems == 0


@dataclass(frozen=True)
class _Reference:
    path: str
    sha256: str | None  # None: existence only (e.g. a WARC whose hash was not recorded)
    owner: str  # who points at it, for messages


def _scan(root: Path) -> Iterator[Path]:
    for folder in SCANNED_FOLDERS:
        base = root / folder
        if base.is_dir():
            for path in base.rglob("*"):
                if path.is_file():
                    yield path


def _references(
    store: Store, round_id: str | None, report: VerifyReport
) -> tuple[dict[str, _Reference], set[str], set[str]]:
    """What the database says should be on disk: path -> expected hash, every known path, and
    the archive folders of runs still under way."""
    wanted: dict[str, _Reference] = {}
    with store.session() as session:
        records = {row.sha256: row for row in session.exec(select(StoredFile)).all()}
        captures_query = select(Capture)
        runs_query = select(CrawlRun)
        findings_query = select(Finding).where(col(Finding.crop_sha256).is_not(None))
        if round_id is not None:
            captures_query = captures_query.where(Capture.round_id == round_id)
            runs_query = runs_query.where(CrawlRun.round_id == round_id)
            evaluations = select(Evaluation.id).where(Evaluation.round_id == round_id)
            findings_query = findings_query.where(col(Finding.evaluation_id).in_(evaluations))
        captures = session.exec(captures_query).all()
        runs = session.exec(runs_query).all()
        findings = session.exec(findings_query).all()

    def want(path: str | None, sha: str | None, owner: str, *, recorded: bool = True) -> None:
        if not path:
            if sha:
                report.unrecorded.append(f"{owner}: hash {sha} utan sökväg")
            return
        # The same bytes stored under two media types sit at two paths (the extension differs)
        # with one file record: each path is checked against the hash on its own.
        if sha and recorded and sha not in records:
            report.unrecorded.append(f"{owner}: {path} saknar filpost för {sha}")
        wanted.setdefault(path, _Reference(path, sha, owner))

    for capture in captures:
        for name in CAPTURE_FILE_FIELDS:
            want(
                getattr(capture, f"{name}_path"),
                getattr(capture, f"{name}_sha256"),
                f"fångst {capture.id} ({name})",
            )
    for finding in findings:
        want(finding.crop_path, finding.crop_sha256, f"fynd {finding.id} (utsnitt)")
    for run in runs:
        if run.wacz_path:
            want(run.wacz_path, run.wacz_sha256, f"genomsökning {run.id} (WACZ)", recorded=False)
        elif run.warc_path:
            want(run.warc_path, None, f"genomsökning {run.id} (WARC)", recorded=False)
    if round_id is None:
        for record in records.values():
            wanted.setdefault(record.path, _Reference(record.path, record.sha256, "filpost"))
    known = set(wanted) | {r.path for r in records.values()}
    known |= {r.warc_path for r in runs if r.warc_path}
    # A run still marked running (under way, or killed and not yet resumed) owns its archive
    # folder: the WARC being written is recorded when the run finishes.
    busy = {f"archives/{r.round_id}/{r.municipality_code}/" for r in runs if r.status == "running"}
    return wanted, known, busy


def _check_files(
    evidence: EvidenceStore, wanted: dict[str, _Reference], report: VerifyReport
) -> None:
    for path, reference in sorted(wanted.items()):
        report.checked += 1
        try:
            absolute = evidence.absolute(path)
        except WebauditError:
            report.unrecorded.append(f"{reference.owner}: {path} ligger utanför bevismappen")
            continue
        if reference.sha256 is None:
            if not absolute.is_file():
                report.missing.append(path)
            continue
        state = evidence.check(path, reference.sha256)
        if state == "missing":
            report.missing.append(path)
        elif state == "altered":
            report.altered.append(path)
        elif path.endswith(".wacz"):
            report.archives_checked += 1
            report.invalid_archives.extend(f"{path}: {p}" for p in check_wacz(absolute))


def _check_bundles(
    evidence: EvidenceStore,
    round_id: str | None,
    public: Ed25519PublicKey | None,
    report: VerifyReport,
) -> None:
    base = evidence.root / MANIFESTS_FOLDER
    rounds = [base / round_id] if round_id else sorted(p for p in base.glob("*") if p.is_dir())
    for folder in rounds:
        for bundle in sorted(p for p in folder.glob("*") if p.is_dir() and p.name[0] != "."):
            check = check_bundle(bundle, public)
            report.bundles_checked += 1
            name = bundle.relative_to(evidence.root).as_posix()
            if not check.ok:
                details = [*check.problems]
                details += [f"saknas: {p}" for p in check.missing[:3]]
                details += [f"ändrad: {p}" for p in check.altered[:3]]
                report.bad_bundles.append(f"{name}: {'; '.join(details)}")
            elif not check.trusted_key:
                report.notes.append(
                    f"{name}: signaturen kontrollerades bara mot paketets egen nyckel "
                    "(ange --public-key för teamets nyckel)"
                )


def verify_evidence(
    store: Store,
    evidence: EvidenceStore,
    round_id: str | None = None,
    *,
    public_key: Ed25519PublicKey | None = None,
) -> VerifyReport:
    """Check the evidence folder against the database (one round, or everything)."""
    report = VerifyReport()
    wanted, known, busy = _references(store, round_id, report)
    _check_files(evidence, wanted, report)
    _check_bundles(evidence, round_id, public_key, report)
    with store.session() as session:
        report.bad_decisions = check_decisions(session, round_id)
    for path in _scan(evidence.root):
        relative = path.relative_to(evidence.root).as_posix()
        if path.name.startswith(".tmp-"):
            report.notes.append(f"rest av en avbruten skrivning: {relative}")
        elif relative in known or round_id is not None:
            continue
        elif any(relative.startswith(folder) for folder in busy):
            report.notes.append(f"hör till en genomsökning som inte är klar: {relative}")
        else:
            report.orphaned.append(relative)
    report.orphaned.sort()
    return report


def move_orphans(evidence: EvidenceStore, orphans: list[str]) -> Path | None:
    """Move orphaned files to orphans/<UTC time>/ under the evidence folder; nothing is deleted."""
    if not orphans:
        return None
    target = evidence.root / ORPHANS_FOLDER / utcnow().strftime("%Y%m%dT%H%M%SZ")
    for relative in orphans:
        source = evidence.absolute(relative)
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(source, destination)
    return target

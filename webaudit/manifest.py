"""Signed evidence manifests: what was captured, when, and the SHA-256 of every file.

A manifest bundle is a folder a municipality can check with standard tools only:

    manifest.json      the round's captures (URL, final URL, capture time in UTC, status) and,
                       per capture, its files with path and SHA-256; WACZ archives per crawl run
    SHA256SUMS         `sha256sum -c` list of manifest.json and every evidence file
    SHA256SUMS.sig     Ed25519 signature (64 raw bytes) over SHA256SUMS
    public-key.pem     the team's public key (its fingerprint is published by the team)
    VERIFIERA.txt      how to check it, in Swedish
    objects/...        copies of the evidence files (a self-contained bundle), or none when the
                       bundle sits inside the evidence folder and SHA256SUMS points back at it

Signing SHA256SUMS (which lists manifest.json) covers everything with one signature, and the two
checks are `openssl pkeyutl -verify -rawin` and `sha256sum -c`. See docs/reliability.md.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlmodel import Session, col, select

from webaudit import __version__
from webaudit.errors import NotFoundError, WebauditError
from webaudit.evidence import EvidenceStore, sha256_bytes, sha256_file
from webaudit.signing import fingerprint, load_public_key, public_pem, signature_valid
from webaudit.store.tables import AuditRound, Capture, CrawlRun, Finding, Municipality, StoredFile
from webaudit.store.types import utcnow

FORMAT = "webaudit-evidence-manifest/1"
MANIFEST_NAME = "manifest.json"
SUMS_NAME = "SHA256SUMS"
SIGNATURE_NAME = "SHA256SUMS.sig"
PUBLIC_KEY_NAME = "public-key.pem"
README_NAME = "VERIFIERA.txt"
CAPTURE_FILES = ("raw", "html", "text", "screenshot")


class BundleError(WebauditError):
    """A manifest bundle cannot be written (evidence missing or altered, folder exists)."""


@dataclass(frozen=True)
class ManifestFile:
    path: str  # relative to the evidence folder
    sha256: str
    size: int | None


@dataclass
class Manifest:
    document: dict[str, Any]
    files: list[ManifestFile]


def _file_entry(
    path: str | None, sha: str | None, known: dict[str, StoredFile], out: dict[str, ManifestFile]
) -> dict[str, str] | None:
    if not path or not sha:
        return None
    row = known.get(sha)
    out.setdefault(path, ManifestFile(path, sha, row.size if row else None))
    return {"path": path, "sha256": sha}


def build_manifest(session: Session, round_id: str, codes: Iterable[str] | None = None) -> Manifest:
    """Every capture of the round (all crawl runs, manual and dispute captures) and its files."""
    audit_round = session.get(AuditRound, round_id)
    if audit_round is None:
        raise NotFoundError(f"omgång {round_id} finns inte i databasen")
    wanted = set(codes) if codes else None
    query = select(Capture).where(Capture.round_id == round_id)
    runs_query = select(CrawlRun).where(CrawlRun.round_id == round_id)
    if wanted is not None:
        query = query.where(col(Capture.municipality_code).in_(wanted))
        runs_query = runs_query.where(col(CrawlRun.municipality_code).in_(wanted))
    captures = session.exec(query.order_by(col(Capture.id))).all()
    runs = session.exec(runs_query.order_by(col(CrawlRun.id))).all()
    capture_ids = [c.id for c in captures if c.id is not None]
    crops: dict[int, list[Finding]] = {}
    if capture_ids:
        for finding in session.exec(
            select(Finding).where(
                col(Finding.capture_id).in_(capture_ids), col(Finding.crop_sha256).is_not(None)
            )
        ).all():
            crops.setdefault(finding.capture_id, []).append(finding)
    known = {row.sha256: row for row in session.exec(select(StoredFile)).all()}
    codes_seen = sorted(
        {c.municipality_code for c in captures} | {r.municipality_code for r in runs}
    )
    names = {
        m.code: m.name
        for m in session.exec(select(Municipality).where(col(Municipality.code).in_(codes_seen)))
    }
    files: dict[str, ManifestFile] = {}
    municipalities = []
    for code in codes_seen:
        entry_runs = []
        for run in (r for r in runs if r.municipality_code == code):
            entry_runs.append(
                {
                    "id": run.id,
                    "start_url": run.start_url,
                    "started_at": run.started_at.isoformat(),
                    "finished_at": run.finished_at.isoformat() if run.finished_at else None,
                    "status": run.status,
                    "wacz": _file_entry(run.wacz_path, run.wacz_sha256, known, files),
                }
            )
        entry_captures = []
        for capture in (c for c in captures if c.municipality_code == code):
            capture_files = {
                name: entry
                for name in CAPTURE_FILES
                if (
                    entry := _file_entry(
                        getattr(capture, f"{name}_path"),
                        getattr(capture, f"{name}_sha256"),
                        known,
                        files,
                    )
                )
            }
            entry_captures.append(
                {
                    "id": capture.id,
                    "crawl_run_id": capture.crawl_run_id,
                    "url": capture.url,
                    "final_url": capture.final_url,
                    "status": capture.status,
                    "kind": capture.kind,
                    "source": capture.source,
                    "captured_at": capture.captured_at.isoformat(),
                    "files": capture_files,
                    "crops": [
                        {
                            "finding_id": f.id,
                            "item_id": f.item_id,
                            "path": f.crop_path,
                            "sha256": f.crop_sha256,
                        }
                        for f in crops.get(capture.id or -1, [])
                        if _file_entry(f.crop_path, f.crop_sha256, known, files)
                    ],
                }
            )
        municipalities.append(
            {
                "code": code,
                "name": names.get(code),
                "crawl_runs": entry_runs,
                "captures": entry_captures,
            }
        )
    ordered = sorted(files.values(), key=lambda f: f.path)
    document = {
        "format": FORMAT,
        "round": round_id,
        "checklist": {"id": audit_round.checklist_id, "version": audit_round.checklist_version},
        "generated_at": utcnow().isoformat(),
        "generated_by": f"webaudit {__version__}",
        "municipalities": municipalities,
        "files": [{"path": f.path, "sha256": f.sha256, "size": f.size} for f in ordered],
    }
    return Manifest(document, ordered)


# -- writing ------------------------------------------------------------------------------------


def _sums_line(sha256: str, path: str) -> str:
    if "\n" in path or "\\" in path:
        raise BundleError(f"filnamnet {path!r} kan inte stå i en SHA256SUMS-lista")
    return f"{sha256}  {path}\n"


def _readme(document: dict[str, Any], key_fingerprint: str, files_beside: bool) -> str:
    where = (
        "Filerna ligger i mappen objects/ bredvid denna fil."
        if files_beside
        else "Filerna ligger kvar i bevismappen; SHA256SUMS pekar dit med relativa sökvägar."
    )
    return f"""Bevispaket från webaudit (Hemtjänstindex), omgång {document["round"]}
Skapat {document["generated_at"]} av {document["generated_by"]}.
Nyckelns fingeravtryck (SHA-256): {key_fingerprint}

manifest.json anger för varje fångad sida adressen, tiden (UTC) och filernas SHA-256.
{where}

Så kontrollerar du paketet, i denna mapp (OpenSSL 3 och GNU coreutils):

1. Att den publika nyckeln är teamets – jämför med fingeravtrycket som teamet har publicerat:
   openssl pkey -pubin -in {PUBLIC_KEY_NAME} -outform DER | sha256sum

2. Att fillistan är signerad med den nyckeln (svaret ska vara "Signature Verified Successfully"):
   openssl pkeyutl -verify -pubin -inkey {PUBLIC_KEY_NAME} -rawin -in {SUMS_NAME} -sigfile {SIGNATURE_NAME}

3. Att varje fil är oförändrad (varje rad ska sluta med "OK"):
   sha256sum -c {SUMS_NAME}

Med Python i stället för OpenSSL (paketet cryptography):
   python3 -c "from cryptography.hazmat.primitives.serialization import load_pem_public_key as k; k(open('{PUBLIC_KEY_NAME}','rb').read()).verify(open('{SIGNATURE_NAME}','rb').read(), open('{SUMS_NAME}','rb').read()); print('signaturen stämmer')"
"""


def _copy_verified(source: Path, target: Path, sha256: str) -> None:
    """Copy one evidence file, refusing it if its bytes are not the recorded ones."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    if sha256_file(target) != sha256:
        raise BundleError(f"{source} har ändrats sedan den sparades; kör `webaudit verify`")


@dataclass(frozen=True)
class BundleInfo:
    folder: Path
    files: int
    fingerprint: str


def write_bundle(
    manifest: Manifest,
    evidence: EvidenceStore,
    out: Path,
    key: Ed25519PrivateKey,
    *,
    copy_files: bool = True,
) -> BundleInfo:
    """Write a signed bundle to `out` (a new folder), all at once: built beside it, then renamed.

    Refuses if any evidence file is missing or altered: a bundle only ever vouches for intact
    evidence.
    """
    out = out.resolve()
    if out.exists() and any(out.iterdir()):
        raise BundleError(f"{out} finns redan och är inte tom")
    problems = [
        f"{f.path} ({state})"
        for f in manifest.files
        if (state := evidence.check(f.path, f.sha256)) != "ok"
    ]
    if problems:
        shown = ", ".join(problems[:5]) + (" …" if len(problems) > 5 else "")
        raise BundleError(
            f"{len(problems)} bevisfiler saknas eller är ändrade: {shown}; kör `webaudit verify`"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=".tmp-bundle-", dir=out.parent))
    try:
        key_fingerprint = fingerprint(key.public_key())
        document = {**manifest.document, "key_fingerprint": key_fingerprint}
        manifest_bytes = (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode()
        (building / MANIFEST_NAME).write_bytes(manifest_bytes)
        lines = [_sums_line(sha256_bytes(manifest_bytes), MANIFEST_NAME)]
        prefix = "" if copy_files else os.path.relpath(evidence.root.resolve(), out) + "/"
        for item in manifest.files:
            if copy_files:
                _copy_verified(evidence.absolute(item.path), building / item.path, item.sha256)
            lines.append(_sums_line(item.sha256, prefix + item.path))
        sums = "".join(lines).encode()
        (building / SUMS_NAME).write_bytes(sums)
        (building / SIGNATURE_NAME).write_bytes(key.sign(sums))
        (building / PUBLIC_KEY_NAME).write_bytes(public_pem(key.public_key()))
        (building / README_NAME).write_text(
            _readme(document, key_fingerprint, copy_files), encoding="utf-8"
        )
        for path in building.rglob("*"):
            if path.is_file():
                with path.open("rb") as handle:
                    os.fsync(handle.fileno())
        if out.exists():
            out.rmdir()
        building.rename(out)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return BundleInfo(out, len(manifest.files), key_fingerprint)


# -- checking -----------------------------------------------------------------------------------


@dataclass
class BundleCheck:
    folder: Path
    signature_ok: bool = False
    key_fingerprint: str | None = None
    trusted_key: bool = False  # checked with a key given by the caller, not the bundle's own
    checked: int = 0
    missing: list[str] = field(default_factory=list)
    altered: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.signature_ok and not self.missing and not self.altered and not self.problems


def parse_sums(text: str) -> list[tuple[str, str]]:
    """(sha256, path) pairs of a `sha256sum` list (text or binary mode lines)."""
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        digest, sep, rest = line.partition(" ")
        if not sep or len(digest) != 64 or rest[:1] not in (" ", "*"):
            raise BundleError(f"{SUMS_NAME} rad {number}: inte på formen '<sha256>  <fil>'")
        entries.append((digest.lower(), rest[1:]))
    return entries


def check_bundle(folder: Path, public: Ed25519PublicKey | None = None) -> BundleCheck:
    """Check a bundle as a municipality would: the signature, then every listed file."""
    report = BundleCheck(folder)
    sums_path, signature_path = folder / SUMS_NAME, folder / SIGNATURE_NAME
    if not sums_path.is_file() or not signature_path.is_file():
        report.problems.append(f"{SUMS_NAME} eller {SIGNATURE_NAME} saknas")
        return report
    sums = sums_path.read_bytes()
    if public is None:
        try:
            public = load_public_key(folder / PUBLIC_KEY_NAME)
        except WebauditError as error:
            report.problems.append(str(error))
            return report
    else:
        report.trusted_key = True
    report.key_fingerprint = fingerprint(public)
    report.signature_ok = signature_valid(public, sums, signature_path.read_bytes())
    if not report.signature_ok:
        report.problems.append(f"signaturen över {SUMS_NAME} stämmer inte med nyckeln")
    try:
        entries = parse_sums(sums.decode("utf-8"))
    except (BundleError, UnicodeDecodeError) as error:
        report.problems.append(str(error))
        return report
    if MANIFEST_NAME not in {path for _, path in entries}:
        report.problems.append(f"{MANIFEST_NAME} saknas i {SUMS_NAME}")
    for digest, path in entries:
        target = folder / path
        report.checked += 1
        with contextlib.suppress(OSError):
            if target.is_file():
                if sha256_file(target) != digest:
                    report.altered.append(path)
                continue
        report.missing.append(path)
    return report

"""Signed evidence manifests, checked the way a municipality would: OpenSSL and sha256sum."""

from __future__ import annotations

import hashlib
import json
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.reliability.conftest import run_cli
from tests.reliability.seed import Seeded
from webaudit.errors import WebauditError
from webaudit.manifest import SIGNATURE_NAME, SUMS_NAME, check_bundle
from webaudit.signing import KeyInfo, create_key, load_private_key, load_public_key
from webaudit.verify import verify_evidence
from webaudit.workspace import Workspace

OPENSSL = shutil.which("openssl")
SHA256SUM = shutil.which("sha256sum")
needs_tools = pytest.mark.skipif(
    not (OPENSSL and SHA256SUM), reason="openssl and sha256sum are the municipality's tools"
)


def _openssl_verify(bundle: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(OPENSSL),
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            "public-key.pem",
            "-rawin",
            "-in",
            SUMS_NAME,
            "-sigfile",
            SIGNATURE_NAME,
        ],
        cwd=bundle,
        capture_output=True,
        text=True,
        check=False,
    )


def _sha256sum_check(bundle: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SHA256SUM), "--quiet", "-c", SUMS_NAME],
        cwd=bundle,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def bundle(seeded: tuple[Workspace, Seeded], team_key: KeyInfo, tmp_path: Path) -> Path:
    ws, seed = seeded
    out = tmp_path / "bevispaket-9001"
    result = run_cli(ws, "manifest", "--round", seed.round_id, "--only", "9001", "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


@needs_tools
def test_a_bundle_checks_out_with_openssl_and_sha256sum(bundle: Path, team_key: KeyInfo) -> None:
    signed = _openssl_verify(bundle)
    assert signed.returncode == 0 and "Signature Verified Successfully" in signed.stdout
    assert _sha256sum_check(bundle).returncode == 0
    fingerprint = subprocess.run(
        f"{OPENSSL} pkey -pubin -in public-key.pem -outform DER | {SHA256SUM}",
        shell=True,
        cwd=bundle,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[0]
    assert fingerprint == team_key.fingerprint
    assert team_key.fingerprint in (bundle / "VERIFIERA.txt").read_text(encoding="utf-8")
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    captures = manifest["municipalities"][0]["captures"]
    assert [m["code"] for m in manifest["municipalities"]] == ["9001"]
    assert captures and all(
        c["captured_at"] and c["files"]["screenshot"]["sha256"] for c in captures
    )


@needs_tools
def test_tampering_with_a_bundle_is_caught_by_the_standard_tools(
    bundle: Path, team_key: KeyInfo
) -> None:
    screenshot = json.loads((bundle / "manifest.json").read_text())["municipalities"][0][
        "captures"
    ][0]["files"]["screenshot"]["path"]
    (bundle / screenshot).write_bytes(b"\x89PNG something else")
    assert _sha256sum_check(bundle).returncode != 0
    report = check_bundle(bundle, load_public_key(team_key.public_path))
    assert report.altered == [screenshot] and not report.ok
    # Re-listing the altered file's hash breaks the signature instead.
    forged = hashlib.sha256((bundle / screenshot).read_bytes()).hexdigest()
    lines = [
        f"{forged}  {screenshot}" if line.endswith(screenshot) else line
        for line in (bundle / SUMS_NAME).read_text().splitlines()
    ]
    (bundle / SUMS_NAME).write_text("\n".join(lines) + "\n")
    assert _sha256sum_check(bundle).returncode == 0
    assert _openssl_verify(bundle).returncode != 0
    report = check_bundle(bundle, load_public_key(team_key.public_path))
    assert not report.signature_ok and not report.ok


def test_a_bundle_signed_by_another_key_is_refused(bundle: Path, tmp_path: Path) -> None:
    other = create_key(tmp_path / "other" / "key.pem")
    report = check_bundle(bundle, load_public_key(other.public_path))
    assert report.trusted_key and not report.signature_ok
    assert not report.ok


def test_verify_checks_the_manifests_kept_in_the_evidence_folder(
    seeded: tuple[Workspace, Seeded], team_key: KeyInfo
) -> None:
    ws, seed = seeded
    assert run_cli(ws, "manifest", "--round", seed.round_id).exit_code == 0
    stored = list((ws.evidence.root / "manifests" / seed.round_id).iterdir())
    assert len(stored) == 1 and not (stored[0] / "objects").exists()  # points back, no copies
    assert run_cli(ws, "verify", "--round", seed.round_id).exit_code == 0
    if SHA256SUM:
        assert _sha256sum_check(stored[0]).returncode == 0
    ws.evidence.absolute(seed.screenshot_paths[0]).write_bytes(b"altered")
    report = verify_evidence(
        ws.store, ws.evidence, seed.round_id, public_key=load_public_key(team_key.public_path)
    )
    assert report.altered == [seed.screenshot_paths[0]]
    assert len(report.bad_bundles) == 1 and "ändrad" in report.bad_bundles[0]


def test_no_bundle_is_made_from_altered_evidence(
    seeded: tuple[Workspace, Seeded], team_key: KeyInfo, tmp_path: Path
) -> None:
    ws, seed = seeded
    ws.evidence.absolute(seed.screenshot_paths[0]).write_bytes(b"altered")
    result = run_cli(ws, "manifest", "--out", str(tmp_path / "b"))
    assert result.exit_code == 1
    assert "saknas eller är ändrade" in result.output
    assert not (tmp_path / "b").exists()


def test_verify_bundle_command(
    bundle: Path, team_key: KeyInfo, seeded: tuple[Workspace, Seeded]
) -> None:
    ws, _ = seeded
    ok = run_cli(ws, "verify", "--bundle", str(bundle), "--public-key", str(team_key.public_path))
    assert ok.exit_code == 0, ok.output
    (bundle / "manifest.json").write_text("{}")
    bad = run_cli(ws, "verify", "--bundle", str(bundle))
    assert bad.exit_code == 1 and "ändrad: manifest.json" in bad.output


def test_keys_stay_outside_the_evidence_folder_and_are_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    evidence = tmp_path / "evidence"
    with pytest.raises(WebauditError, match="bevismappen"):
        create_key(evidence / "keys" / "k.pem", evidence_dir=evidence)
    info = create_key(tmp_path / "keys" / "k.pem", evidence_dir=evidence)
    assert stat.S_IMODE(info.private_path.stat().st_mode) == 0o600
    with pytest.raises(WebauditError, match="skrivs aldrig över"):
        create_key(info.private_path)
    monkeypatch.setenv("WEBAUDIT_SIGNING_PASSPHRASE", "hemligt")
    encrypted = create_key(tmp_path / "enc" / "k.pem")
    assert b"ENCRYPTED" in encrypted.private_path.read_bytes()
    assert load_private_key(encrypted.private_path)
    monkeypatch.setenv("WEBAUDIT_SIGNING_PASSPHRASE", "fel")
    with pytest.raises(WebauditError, match="lösenfras"):
        load_private_key(encrypted.private_path)
    monkeypatch.delenv("WEBAUDIT_SIGNING_PASSPHRASE")
    with pytest.raises(WebauditError, match="krypterad"):
        load_private_key(encrypted.private_path)
    with pytest.raises(WebauditError, match="keys init"):
        load_private_key(tmp_path / "none.pem")

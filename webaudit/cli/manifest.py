"""`webaudit manifest`: a signed evidence manifest (bundle) for a round or some municipalities."""

from __future__ import annotations

from pathlib import Path

import click

from webaudit.cli.common import echo, parse_codes, with_workspace
from webaudit.cli.keys import KEY_OPTION
from webaudit.manifest import build_manifest, write_bundle
from webaudit.signing import default_key_path, load_private_key
from webaudit.store.types import utcnow
from webaudit.verify import MANIFESTS_FOLDER
from webaudit.workspace import Workspace


@click.command("manifest")
@click.option(
    "--round", "round_id", metavar="ÅR", help="Granskningsomgång. Standard: checklistans år."
)
@click.option(
    "--only", metavar="KOD,...", help="Bara dessa kommunkoder (ett paket till en kommun)."
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Ny mapp för ett fristående paket med kopior av filerna. "
    "Standard: <bevismapp>/manifests/<omgång>/<tid>/ utan kopior.",
)
@KEY_OPTION
@with_workspace
def manifest_command(
    workspace: Workspace,
    round_id: str | None,
    only: str | None,
    out: Path | None,
    key_path: Path | None,
) -> None:
    """Skriv ett signerat manifest över omgångens bevis: filer, SHA-256 och fångsttider.

    Paketet kan kontrolleras med OpenSSL och sha256sum, utan webaudit (se VERIFIERA.txt
    i paketet). `webaudit verify` kontrollerar också manifesten i bevismappen.

    \b
    Exempel:
      webaudit manifest --round 2025
      webaudit manifest --round 2025 --only 0114 --out bevispaket-0114
    """
    key = load_private_key(key_path or default_key_path())
    round_id = workspace.round_id(round_id)
    with workspace.store.session() as session:
        manifest = build_manifest(session, round_id, parse_codes(only))
    stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
    target = out or workspace.evidence.root / MANIFESTS_FOLDER / round_id / stamp
    info = write_bundle(manifest, workspace.evidence, target, key, copy_files=out is not None)
    captures = sum(len(m["captures"]) for m in manifest.document["municipalities"])
    echo(f"Skrev {info.folder}: {captures} fångster, {info.files} filer, signerat.")
    echo(f"Nyckelns fingeravtryck (SHA-256): {info.fingerprint}")

"""`webaudit verify`: check the evidence folder against the database and signed manifests."""

from __future__ import annotations

from pathlib import Path

import click
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from webaudit.cli.common import (
    UserFacingError,
    echo,
    make_workspace,
    pop_workspace_flags,
    workspace_options,
)
from webaudit.manifest import check_bundle
from webaudit.signing import default_key_path, load_public_key, public_key_path
from webaudit.verify import move_orphans, verify_evidence


def _team_public_key(given: Path | None) -> Ed25519PublicKey | None:
    if given is not None:
        return load_public_key(given)
    default = public_key_path(default_key_path())
    return load_public_key(default) if default.is_file() else None


@click.command("verify")
@click.option(
    "--round", "round_id", metavar="ÅR", help="Bara filer som omgångens fångster pekar på."
)
@click.option(
    "--public-key",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Teamets publika nyckel för signerade manifest [standard: bredvid signeringsnyckeln].",
)
@click.option(
    "--bundle",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Kontrollera bara ett bevispaket (mapp från `webaudit manifest`), ingen databas behövs.",
)
@click.option(
    "--move-orphans",
    "move_orphans_flag",
    is_flag=True,
    help="Flytta filer som databasen inte känner till till <bevismapp>/orphans/ (inget raderas).",
)
@workspace_options
@click.pass_context
def verify_command(
    ctx: click.Context,
    /,
    round_id: str | None,
    public_key: Path | None,
    bundle: Path | None,
    move_orphans_flag: bool,
    **flags: object,
) -> None:
    """Kontrollera varje sparad fil mot dess SHA-256 och databasen.

    Rapporterar filer som saknas, är ändrade eller är okända för databasen, trasiga
    WACZ-arkiv och signerade manifest vars signatur eller filer inte längre stämmer.
    Avslutas med felkod om något problem hittas.

    \b
    Exempel:
      webaudit verify
      webaudit verify --round 2025
      webaudit verify --bundle bevispaket-0114 --public-key webaudit-team.pub.pem
      webaudit verify --move-orphans
    """
    key = _team_public_key(public_key)
    if bundle is not None:
        check = check_bundle(bundle, key)
        for problem in check.problems:
            echo(f"problem: {problem}")
        for path in check.missing:
            echo(f"saknas: {path}")
        for path in check.altered:
            echo(f"ändrad: {path}")
        echo(
            f"{check.checked} filer kontrollerade; nyckelns fingeravtryck {check.key_fingerprint}."
        )
        if not check.trusted_key:
            echo("obs: signaturen kontrollerades mot paketets egen nyckel; ange --public-key.")
        if not check.ok:
            raise UserFacingError(f"bevispaketet {bundle} håller inte")
        echo("Paketet stämmer.")
        return
    _verify_store(ctx, pop_workspace_flags(flags), round_id, key, move_orphans_flag)


def _verify_store(
    ctx: click.Context,
    flags: dict[str, object],
    round_id: str | None,
    key: Ed25519PublicKey | None,
    move: bool,
) -> None:
    workspace = make_workspace(ctx, flags)
    report = verify_evidence(workspace.store, workspace.evidence, round_id, public_key=key)
    for label, lines in (
        ("saknas", report.missing),
        ("ändrad", report.altered),
        ("okänd för databasen", report.orphaned),
        ("fel i databasen", report.unrecorded),
        ("trasigt arkiv", report.invalid_archives),
        ("bevispaket håller inte", report.bad_bundles),
        ("beslutshistorik", report.bad_decisions),
        ("obs", report.notes),
    ):
        for line in lines:
            echo(f"{label}: {line}")
    echo(
        f"{report.checked} filer, {report.archives_checked} WACZ-arkiv och "
        f"{report.bundles_checked} bevispaket kontrollerade."
    )
    if move and report.orphaned:
        moved_to = move_orphans(workspace.evidence, report.orphaned)
        echo(f"Flyttade {len(report.orphaned)} okända filer till {moved_to}.")
        report.orphaned.clear()
    if not report.ok:
        raise UserFacingError(
            f"{report.problems} problem i bevismappen {workspace.settings.evidence_dir}"
        )
    echo("Allt stämmer.")

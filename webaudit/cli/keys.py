"""`webaudit keys`: the team's Ed25519 signing key for evidence manifests."""

from __future__ import annotations

import os
from pathlib import Path

import click

from webaudit.cli.common import echo
from webaudit.signing import (
    KEY_ENV,
    PASSPHRASE_ENV,
    create_key,
    default_key_path,
    fingerprint,
    load_public_key,
    public_key_path,
)

KEY_OPTION = click.option(
    "--key",
    "key_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"Den privata nyckelns fil [{KEY_ENV}; standard: ~/.config/webaudit/signing-key.pem].",
)


@click.group("keys")
def keys_command() -> None:
    """Teamets signeringsnyckel (Ed25519) för bevismanifest.

    Den privata nyckeln hålls utanför bevismappen; den publika nyckeln och dess
    fingeravtryck publiceras så att kommuner kan kontrollera bevispaket.

    \b
    Exempel:
      webaudit keys init
      webaudit keys show
    """


@keys_command.command("init")
@KEY_OPTION
@click.option(
    "--evidence-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Bevismappen, som nyckeln inte får ligga i [WEBAUDIT_EVIDENCE; standard: ./evidence].",
)
@click.pass_context
def keys_init_command(
    ctx: click.Context, /, key_path: Path | None, evidence_dir: Path | None
) -> None:
    """Skapa ett nytt nyckelpar. En befintlig nyckel skrivs aldrig över.

    Sätt WEBAUDIT_SIGNING_PASSPHRASE för att kryptera den privata nyckeln.

    \b
    Exempel:
      webaudit keys init
      webaudit keys init --key /säker/plats/webaudit-team.pem
    """
    given = evidence_dir or (ctx.find_root().obj or {}).get("evidence_dir")
    evidence = Path(given or os.environ.get("WEBAUDIT_EVIDENCE") or "evidence")
    info = create_key(key_path or default_key_path(), evidence_dir=evidence)
    encrypted = "krypterad" if os.environ.get(PASSPHRASE_ENV) else "okrypterad, läsbar bara av dig"
    echo(f"Privat nyckel: {info.private_path} ({encrypted})")
    echo(f"Publik nyckel: {info.public_path}")
    echo(f"Fingeravtryck (SHA-256): {info.fingerprint}")
    echo("Publicera den publika nyckeln och fingeravtrycket; säkerhetskopiera den privata nyckeln.")


@keys_command.command("show")
@KEY_OPTION
def keys_show_command(key_path: Path | None) -> None:
    """Visa den publika nyckeln och dess fingeravtryck.

    \b
    Exempel:
      webaudit keys show
    """
    public_path = public_key_path(key_path or default_key_path())
    key = load_public_key(public_path)
    echo(f"Publik nyckel: {public_path}")
    echo(f"Fingeravtryck (SHA-256): {fingerprint(key)}")

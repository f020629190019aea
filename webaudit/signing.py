"""The team's Ed25519 signing key: created once, kept outside the evidence folder.

The private key signs evidence manifests; the public key (PEM, SubjectPublicKeyInfo) goes into
every bundle and is published by the team with its fingerprint, so a municipality can check a
bundle with OpenSSL alone. The fingerprint is the SHA-256 of the public key in DER form, which is
what `openssl pkey -pubin -in KEY.pem -outform DER | sha256sum` prints.

The private key is written with mode 0600, encrypted when WEBAUDIT_SIGNING_PASSPHRASE is set.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from webaudit.errors import WebauditError

PASSPHRASE_ENV = "WEBAUDIT_SIGNING_PASSPHRASE"
KEY_ENV = "WEBAUDIT_SIGNING_KEY"
PUBLIC_SUFFIX = ".pub.pem"


class SigningKeyError(WebauditError):
    """The signing key is missing, unreadable, of the wrong kind, or in an unsafe place."""


def default_key_path() -> Path:
    """$WEBAUDIT_SIGNING_KEY, else ~/.config/webaudit/signing-key.pem (XDG_CONFIG_HOME aware)."""
    if os.environ.get(KEY_ENV):
        return Path(os.environ[KEY_ENV]).expanduser()
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config / "webaudit" / "signing-key.pem"


def public_key_path(private_path: Path) -> Path:
    name = private_path.name.removesuffix(".pem")
    return private_path.with_name(name + PUBLIC_SUFFIX)


def _passphrase() -> bytes | None:
    value = os.environ.get(PASSPHRASE_ENV)
    return value.encode("utf-8") if value else None


def public_pem(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def fingerprint(public: Ed25519PublicKey) -> str:
    der = public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()


@dataclass(frozen=True)
class KeyInfo:
    private_path: Path
    public_path: Path
    fingerprint: str


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Create `path` (never overwrite) with `mode` from the first byte on."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def create_key(path: Path, *, evidence_dir: Path | None = None) -> KeyInfo:
    """Generate a key pair at `path` (private) and beside it (public). Refuses to overwrite."""
    path = path.expanduser().resolve()
    if evidence_dir is not None and path.is_relative_to(Path(evidence_dir).resolve()):
        raise SigningKeyError(
            f"signeringsnyckeln får inte ligga i bevismappen ({evidence_dir}): "
            "den som kan ändra bevisen ska inte också kunna signera dem"
        )
    public_path = public_key_path(path)
    for existing in (path, public_path):
        if existing.exists():
            raise SigningKeyError(f"{existing} finns redan; en befintlig nyckel skrivs aldrig över")
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = Ed25519PrivateKey.generate()
    passphrase = _passphrase()
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    _write_new(path, private, 0o600)
    _write_new(public_path, public_pem(key.public_key()), 0o644)
    return KeyInfo(path, public_path, fingerprint(key.public_key()))


def load_private_key(path: Path) -> Ed25519PrivateKey:
    path = path.expanduser()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SigningKeyError(
            f"signeringsnyckeln {path} finns inte; skapa den med `webaudit keys init`"
        ) from None
    except OSError as error:
        raise SigningKeyError(f"{path}: kan inte läsas ({error.strerror})") from error
    try:
        key = serialization.load_pem_private_key(data, password=_passphrase())
    except TypeError as error:  # encrypted key without passphrase, or the reverse
        raise SigningKeyError(
            f"{path}: nyckeln är krypterad; sätt {PASSPHRASE_ENV}"
            if b"ENCRYPTED" in data
            else f"{path}: nyckeln är inte krypterad; ta bort {PASSPHRASE_ENV}"
        ) from error
    except ValueError as error:
        raise SigningKeyError(f"{path}: ingen läsbar PEM-nyckel (fel lösenfras?)") from error
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"{path}: nyckeln är inte en Ed25519-nyckel")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    path = path.expanduser()
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SigningKeyError(
            f"den publika nyckeln {path} kan inte läsas: {error.strerror}"
        ) from error
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError as error:
        raise SigningKeyError(f"{path}: ingen läsbar publik PEM-nyckel") from error
    if not isinstance(key, Ed25519PublicKey):
        raise SigningKeyError(f"{path}: nyckeln är inte en Ed25519-nyckel")
    return key


def signature_valid(public: Ed25519PublicKey, data: bytes, signature: bytes) -> bool:
    try:
        public.verify(signature, data)
    except InvalidSignature:
        return False
    return True

"""The evidence folder: content-addressed files, written atomically, never overwritten.

Layout under the evidence folder:
    objects/<first two hex digits>/<sha256>.<ext>   every captured or derived file, once per content
    archives/<round>/<code>/                          WARC/WACZ web archives per crawl run
    webaudit.db                                       the default SQLite database
A file is first written to a temporary name in the same folder, flushed to disk, then renamed:
a killed process or a full disk never leaves a half-written object under its final name.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import socket
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from webaudit.errors import WebauditError

EXTENSIONS = {
    "text/html": "html",
    "text/plain": "txt",
    "image/png": "png",
    "image/jpeg": "jpg",
    "application/pdf": "pdf",
    "application/json": "json",
    "application/warc": "warc.gz",
    "application/wacz": "wacz",
    "application/octet-stream": "bin",
}

FileState = Literal["ok", "missing", "altered"]


class EvidenceWriteError(WebauditError):
    """A file could not be stored (disk full, permissions); nothing half-written remains."""


@dataclass(frozen=True)
class StoredObject:
    sha256: str
    path: str  # relative to the evidence folder, with forward slashes
    size: int
    media_type: str


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_type_extension(media_type: str) -> str:
    base = media_type.split(";", 1)[0].strip().lower()
    return EXTENSIONS.get(base, "bin")


_HOST = re.sub(r"[^A-Za-z0-9_-]", "_", socket.gethostname().split(".")[0]) or "host"
# ".tmp-<pid>@<host>.<random>": a later run can tell a dead writer's leftover from a live one's.
_TEMPORARY = re.compile(r"^\.tmp-(\d+)@([A-Za-z0-9_-]+)\.")


def temporary_prefix() -> str:
    return f".tmp-{os.getpid()}@{_HOST}."


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def sweep_interrupted_writes(folder: Path) -> list[Path]:
    """Remove temporary files left under `folder` by writers on this machine that were killed
    (kill -9, power loss) before their rename. A live writer's file, or one from another machine
    sharing the folder, is left alone. Returns what was removed."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.rglob(".tmp-*"):
        found = _TEMPORARY.match(path.name)
        if found is None or found.group(2) != _HOST or _alive(int(found.group(1))):
            continue
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return removed


def write_atomically(target: Path, data: bytes) -> None:
    """Write `data` to `target` via a temporary file and rename; fsync both file and folder."""
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=temporary_prefix(), dir=target.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temporary).replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(temporary).unlink()
        raise
    directory = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


class EvidenceStore:
    """Content-addressed files under one root folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def object_path(self, sha256: str, media_type: str) -> str:
        return f"objects/{sha256[:2]}/{sha256}.{media_type_extension(media_type)}"

    def absolute(self, relative: str) -> Path:
        """The file for a stored relative path; refuses paths that leave the evidence folder."""
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise WebauditError(f"sökvägen {relative!r} ligger utanför bevismappen")
        return path

    def put(self, data: bytes, media_type: str) -> StoredObject:
        """Store bytes once; returns where they are. Existing identical content is reused."""
        digest = sha256_bytes(data)
        relative = self.object_path(digest, media_type)
        target = self.absolute(relative)
        if not (target.exists() and target.stat().st_size == len(data)):
            try:
                write_atomically(target, data)
            except OSError as error:
                raise EvidenceWriteError(
                    f"kunde inte spara {relative} i {self.root}: {error.strerror or error}"
                ) from error
        return StoredObject(digest, relative, len(data), media_type.split(";", 1)[0].strip())

    def read(self, relative: str) -> bytes:
        return self.absolute(relative).read_bytes()

    def check(self, relative: str, sha256: str) -> FileState:
        path = self.absolute(relative)
        if not path.is_file():
            return "missing"
        return "ok" if sha256_file(path) == sha256 else "altered"

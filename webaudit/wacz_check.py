"""Structural validation of a WACZ web archive, streamed (nothing is extracted to disk).

Checks what a replay viewer relies on: a zip whose members' CRCs hold, a datapackage.json whose
resources exist with the hashes it states (and a datapackage-digest.json that matches it, when
present), at least one WARC that warcio reads to the end, and an index.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path, PurePosixPath
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

INDEXES = ("indexes/index.cdx.gz", "indexes/index.cdx", "indexes/index.idx")


def _hash_member(archive: zipfile.ZipFile, name: str, algorithm: str) -> str:
    digest = hashlib.new(algorithm)
    with archive.open(name) as handle:  # a CRC mismatch raises BadZipFile at the end
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _warc_records(handle: IO[bytes]) -> int:
    count = 0
    for record in ArchiveIterator(handle):
        record.content_stream().read()
        count += 1
    return count


def check_wacz(path: Path) -> list[str]:
    """Problems found in the WACZ at `path` (Swedish, one line each); empty when it is valid."""
    if not path.is_file():
        return ["filen saknas"]
    if not zipfile.is_zipfile(path):
        return ["inte en zip-fil"]
    problems: list[str] = []
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            unsafe = [
                n for n in names if PurePosixPath(n).is_absolute() or ".." in PurePosixPath(n).parts
            ]
            if unsafe:
                return [f"otillåtna sökvägar i arkivet: {', '.join(sorted(unsafe)[:3])}"]
            if "datapackage.json" not in names:
                return ["datapackage.json saknas"]
            package: dict[str, Any] = json.loads(archive.read("datapackage.json"))
            resources = package.get("resources")
            if not isinstance(resources, list) or not resources:
                return ["datapackage.json listar inga resurser"]
            for resource in resources:
                name, stated = str(resource.get("path", "")), str(resource.get("hash", ""))
                algorithm, _, expected = stated.partition(":")
                if name not in names:
                    problems.append(f"{name} listas i datapackage.json men saknas")
                elif algorithm not in ("sha256", "md5") or not expected:
                    problems.append(f"{name}: okänd hash {stated!r}")
                elif _hash_member(archive, name, algorithm) != expected:
                    problems.append(f"{name}: hashen stämmer inte med datapackage.json")
            if "datapackage-digest.json" in names:
                digest = json.loads(archive.read("datapackage-digest.json"))
                algorithm, _, expected = str(digest.get("hash", "")).partition(":")
                if algorithm not in ("sha256", "md5") or (
                    _hash_member(archive, "datapackage.json", algorithm) != expected
                ):
                    problems.append("datapackage-digest.json stämmer inte med datapackage.json")
            warcs = sorted(
                n for n in names if n.startswith("archive/") and n.endswith((".warc", ".warc.gz"))
            )
            if not warcs:
                problems.append("ingen WARC-fil under archive/")
            for name in warcs:
                with archive.open(name) as handle:
                    if _warc_records(handle) == 0:
                        problems.append(f"{name} innehåller inga WARC-poster")
            if not any(index in names for index in INDEXES):
                problems.append("index saknas (indexes/index.cdx.gz eller index.idx)")
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError) as error:
        problems.append(f"arkivet är trasigt: {error}")
    except Exception as error:  # warcio raises plain exceptions on malformed records
        problems.append(f"WARC-innehållet går inte att läsa: {type(error).__name__}: {error}")
    return problems

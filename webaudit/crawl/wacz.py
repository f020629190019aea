"""A crawl run's WARC packaged as WACZ 1.1.1, which ReplayWeb.page and other viewers open.

Layout (https://specs.webrecorder.net/wacz/1.1.1/):
    archive/<name>.warc.gz      the WARC, stored uncompressed in the zip (random access)
    indexes/index.cdx           CDXJ index of the WARC, sorted (cdxj-indexer)
    pages/pages.jsonl           the pages that were captured, with their titles and times
    datapackage.json            every file with its SHA-256 and size
    datapackage-digest.json     the SHA-256 of datapackage.json
Written to a temporary file and renamed, like every evidence file.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from cdxj_indexer import CDXJIndexer  # type: ignore[import-untyped]

from webaudit.evidence import temporary_prefix

WACZ_VERSION = "1.1.1"


@dataclass(frozen=True)
class WaczPage:
    url: str
    ts: datetime
    title: str | None = None
    text: str | None = None


def _iso(moment: datetime) -> str:
    moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def cdxj_index(warc: Path) -> bytes:
    """Sorted CDXJ lines for the records of a WARC (request bodies appended, as pywb does)."""
    output = io.StringIO()
    CDXJIndexer(output, [str(warc)], sort=True, post_append=True).process_all()
    return output.getvalue().encode("utf-8")


def pages_jsonl(pages: Sequence[WaczPage], *, with_text: bool) -> bytes:
    header: dict[str, object] = {"format": "json-pages-1.0", "id": "pages", "title": "Sidor"}
    if with_text:
        header["hasText"] = True
    lines = [json.dumps(header, ensure_ascii=False)]
    for number, page in enumerate(pages, 1):
        entry: dict[str, object] = {"id": f"p{number}", "url": page.url, "ts": _iso(page.ts)}
        if page.title:
            entry["title"] = page.title
        if with_text and page.text:
            entry["text"] = page.text[:100_000]
        lines.append(json.dumps(entry, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_wacz(
    target: Path,
    warcs: Sequence[Path],
    pages: Sequence[WaczPage],
    *,
    title: str,
    description: str,
    software: str,
    with_text: bool = True,
) -> str:
    """Write the WACZ atomically; returns its SHA-256."""
    members: list[tuple[str, bytes | Path]] = []
    index = b"".join(cdxj_index(warc) for warc in warcs)
    members.append(("indexes/index.cdx", index))
    members.append(("pages/pages.jsonl", pages_jsonl(pages, with_text=with_text)))
    members += [(f"archive/{warc.name}", warc) for warc in warcs]
    resources = []
    for name, content in members:
        digest, size = _digest(content)
        resources.append(
            {
                "name": PurePosixPath(name).name.lower(),
                "path": name,
                "hash": f"sha256:{digest}",
                "bytes": size,
            }
        )
    main = pages[0] if pages else None
    package: dict[str, object] = {
        "profile": "data-package",
        "wacz_version": WACZ_VERSION,
        "title": title,
        "description": description,
        "created": _iso(datetime.now(UTC)),
        "software": software,
        "resources": resources,
    }
    if main is not None:
        package["mainPageURL"] = main.url
        package["mainPageDate"] = _iso(main.ts)
    package_bytes = json.dumps(package, indent=2, ensure_ascii=False).encode("utf-8")
    digest_bytes = json.dumps(
        {"path": "datapackage.json", "hash": "sha256:" + hashlib.sha256(package_bytes).hexdigest()},
        indent=2,
    ).encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        prefix=temporary_prefix(), suffix=".wacz", dir=target.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as raw:
            with zipfile.ZipFile(raw, "w") as archive:
                _write_members(archive, members, package_bytes, digest_bytes)
            raw.flush()
            os.fsync(raw.fileno())
        Path(temporary).replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(temporary).unlink()
        raise
    return _digest(target)[0]


def _write_members(
    archive: zipfile.ZipFile,
    members: Sequence[tuple[str, bytes | Path]],
    package_bytes: bytes,
    digest_bytes: bytes,
) -> None:
    moment = datetime.now(UTC)
    now = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    for name, content in members:
        # WARCs are stored as they are (already gzipped, and replay seeks into them).
        info = zipfile.ZipInfo(name, now)
        info.compress_type = (
            zipfile.ZIP_STORED if name.startswith("archive/") else zipfile.ZIP_DEFLATED
        )
        large = isinstance(content, Path) and content.stat().st_size >= 1 << 31
        with archive.open(info, "w", force_zip64=large) as out:
            if isinstance(content, Path):
                with content.open("rb") as source:
                    for block in iter(lambda: source.read(1 << 20), b""):
                        out.write(block)
            else:
                out.write(content)
    for name, data in (
        ("datapackage.json", package_bytes),
        ("datapackage-digest.json", digest_bytes),
    ):
        info = zipfile.ZipInfo(name, now)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, data)


def _digest(content: bytes | Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    if isinstance(content, Path):
        size = 0
        with content.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
        return digest.hexdigest(), size
    digest.update(content)
    return digest.hexdigest(), len(content)

"""The WARC file of one crawl run: every HTTP exchange, byte for byte, one gzip member per record.

Records are appended as the crawl goes. A process killed mid-write leaves at most one broken
record at the end; reopening the file cuts it off at the end of the last complete record, so a
resumed run appends to a valid archive.
"""

from __future__ import annotations

import io
import os
import zlib
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter

from webaudit.crawl.fetch import Exchange

# Hop-by-hop framing that no longer describes the stored (de-chunked) body.
_DROPPED_HEADERS = frozenset({"transfer-encoding"})
GZIP_LEVEL = 6


def _gzip_member(data: bytes) -> bytes:
    compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


def valid_length(path: Path) -> int:
    """Bytes of `path` that hold complete WARC records (everything after is a broken tail)."""
    end = 0
    try:
        with path.open("rb") as handle:
            iterator = ArchiveIterator(handle)
            for record in iterator:
                record.content_stream().read()
                iterator.read_to_end(record)
                end = iterator.get_record_offset() + iterator.get_record_length()
    except Exception:  # warcio raises plain exceptions on a torn record: keep what was whole
        return end
    return end


class WarcFile:
    """Append-only .warc.gz of one crawl run."""

    def __init__(self, path: Path, *, software: str, description: str) -> None:
        self.path = path
        self.software = software
        self.description = description
        self.records = 0
        self._writer = WARCWriter(io.BytesIO(), gzip=False, warc_version="WARC/1.1")
        self._handle: io.BufferedWriter | None = None

    def open(self) -> None:
        """Open for appending; a torn record at the end (killed process) is cut off first."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not self.path.exists() or self.path.stat().st_size == 0
        if not fresh:
            keep = valid_length(self.path)
            if keep < self.path.stat().st_size:
                with self.path.open("r+b") as handle:
                    handle.truncate(keep)
            fresh = keep == 0
        self._handle = self.path.open("ab")
        if fresh:
            self._write(
                self._writer.create_warcinfo_record(
                    self.path.name,
                    {
                        "software": self.software,
                        "format": "WARC File Format 1.1",
                        "description": self.description,
                    },
                )
            )

    def write_exchange(self, exchange: Exchange) -> None:
        """A response record and its request record; an exchange without a response is skipped
        (the crawl log says why it failed)."""
        if exchange.status is None or self._handle is None:
            return  # no response; or a straggler after the run was closed
        date = datetime_to_iso_date(exchange.started.replace(tzinfo=None), use_micros=True)
        warc_headers = {"WARC-Date": date}
        if exchange.ip:
            warc_headers["WARC-IP-Address"] = exchange.ip
        if exchange.truncated:
            warc_headers["WARC-Truncated"] = "length"
        response_headers = [
            (name, value)
            for name, value in exchange.response_headers
            if name.lower() not in _DROPPED_HEADERS
        ]
        response = self._writer.create_warc_record(
            exchange.url,
            "response",
            payload=io.BytesIO(exchange.raw_body),
            length=len(exchange.raw_body),
            warc_headers_dict=warc_headers,
            http_headers=StatusAndHeaders(
                f"{exchange.status} {exchange.reason}".strip(),
                response_headers,
                protocol=exchange.http_version or "HTTP/1.1",
            ),
        )
        target = exchange.url.split("://", 1)[-1]
        target = "/" + target.split("/", 1)[1] if "/" in target else "/"
        request = self._writer.create_warc_record(
            exchange.url,
            "request",
            payload=io.BytesIO(b""),
            length=0,
            warc_headers_dict={"WARC-Date": date},
            http_headers=StatusAndHeaders(
                f"{exchange.method} {target} {exchange.http_version or 'HTTP/1.1'}",
                exchange.request_headers,
                is_http_request=True,
            ),
        )
        response_id = response.rec_headers.get_header("WARC-Record-ID")
        request.rec_headers.add_header("WARC-Concurrent-To", response_id)
        self._write(response)
        self._write(request)

    def _write(self, record: object) -> None:
        assert self._handle is not None, "open() first"
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=False, warc_version="WARC/1.1")
        writer.write_record(record)
        self._handle.write(_gzip_member(buffer.getvalue()))
        self.records += 1

    def flush(self) -> None:
        if self._handle is not None:
            self._handle.flush()

    def close(self) -> None:
        if self._handle is not None:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            self._handle = None

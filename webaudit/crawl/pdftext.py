"""Text of PDFs, extracted in a small worker process.

pypdf is pure Python: a long PDF would otherwise hold the interpreter lock and stall every
other site's crawl. The worker (`python -m webaudit.crawl.pdftext`) imports nothing but pypdf,
reads length-prefixed PDFs on stdin and answers length-prefixed UTF-8 text on stdout. A PDF
that takes too long is given up on (the worker is restarted); the capture then says no text
could be read, and the PDF itself is kept.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import struct
import sys

log = logging.getLogger(__name__)
_LENGTH = struct.Struct(">I")


def pdf_text(data: bytes, max_pages: int = 200) -> str:
    """The text of a PDF, page by page; an unreadable PDF gives an empty string."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed PDFs are common and harmless
    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n\n".join((page.extract_text() or "") for page in reader.pages[:max_pages])
    except Exception:  # pypdf raises many kinds of errors on broken files; none is ours
        log.debug("unreadable PDF", exc_info=True)
        return ""


class PdfTextExtractor:
    """One worker process, started on first use, restarted after a timeout or a crash."""

    def __init__(self, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self._process: asyncio.subprocess.Process | None = None
        self._lock: asyncio.Lock | None = None

    async def __call__(self, data: bytes) -> str:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            try:
                return await asyncio.wait_for(self._ask(data), self.timeout)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ConnectionError):
                log.warning("PDF text extraction gave up (%d bytes)", len(data))
                await self._stop()
                return ""

    async def _ask(self, data: bytes) -> str:
        process = self._process
        if process is None or process.returncode is not None:
            process = self._process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "webaudit.crawl.pdftext",
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
            )
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(_LENGTH.pack(len(data)) + data)
        await process.stdin.drain()
        (size,) = _LENGTH.unpack(await process.stdout.readexactly(_LENGTH.size))
        return (await process.stdout.readexactly(size)).decode("utf-8", "replace")

    async def _stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()

    async def close(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.returncode is None:
            assert process.stdin is not None
            process.stdin.close()
            try:
                await asyncio.wait_for(process.wait(), 5)
            except TimeoutError:
                process.kill()
                await process.wait()


def serve(stdin: io.BufferedReader, stdout: io.BufferedWriter) -> None:
    """The worker loop: one PDF in, its text out, until stdin closes."""
    while True:
        header = stdin.read(_LENGTH.size)
        if len(header) < _LENGTH.size:
            return
        (size,) = _LENGTH.unpack(header)
        text = pdf_text(stdin.read(size)).encode("utf-8")
        stdout.write(_LENGTH.pack(len(text)) + text)
        stdout.flush()


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)  # type: ignore[arg-type]

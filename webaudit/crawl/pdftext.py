"""Text of PDFs, extracted in a separate process: pypdf is pure Python, so a long PDF would
otherwise stall every other site's crawl; a PDF that takes too long is given up on."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

log = logging.getLogger(__name__)


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
    """One worker process, started on first use and restarted after a timeout."""

    def __init__(self, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self._pool: ProcessPoolExecutor | None = None

    async def __call__(self, data: bytes) -> str:
        loop = asyncio.get_running_loop()
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn")
            )
        try:
            return await asyncio.wait_for(
                loop.run_in_executor(self._pool, pdf_text, data), self.timeout
            )
        except TimeoutError:
            self._kill()
            return ""
        except BrokenProcessPool:
            self._kill()
            return await loop.run_in_executor(None, pdf_text, data)  # last resort: a thread

    def _kill(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for process in list(getattr(pool, "_processes", {}).values()):
            with contextlib.suppress(Exception):
                process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

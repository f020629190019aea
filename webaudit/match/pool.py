"""Matching pages in one process or several: the same pure matcher, spread over CPU cores.

Workers are started with 'spawn' (never forked from a process that may hold a browser or a
database connection); each parses the checklist text once and then only turns page contents
into results.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from webaudit.checklists import Checklist, LoadedChecklist, parse_checklist
from webaudit.match.document import parse_html, parse_text
from webaudit.match.engine import ItemMatch, match_document

CHUNK = 16  # pages per task: large enough to amortise the hand-over, small enough to balance


@dataclass(frozen=True)
class PageInput:
    key: int
    kind: str  # page | pdf
    url: str
    content: str  # rendered HTML, or a PDF's text
    title: str = ""


def match_input(page: PageInput, checklist: Checklist) -> dict[str, ItemMatch]:
    if page.kind == "pdf":
        document = parse_text(page.content, page.url, title=page.title)
    else:
        document = parse_html(page.content, page.url)
    return match_document(document, checklist)


_WORKER_CHECKLIST: Checklist | None = None


def _start_worker(text: str, path: str) -> None:
    global _WORKER_CHECKLIST
    import yaml

    _WORKER_CHECKLIST = parse_checklist(yaml.safe_load(text), Path(path))


def _match_chunk(pages: list[PageInput]) -> list[dict[str, ItemMatch]]:
    assert _WORKER_CHECKLIST is not None
    return [match_input(page, _WORKER_CHECKLIST) for page in pages]


def default_workers(sites: int) -> int:
    """Several processes pay off on a whole round, not on a handful of sites."""
    return max(1, min(os.cpu_count() or 1, 4)) if sites > 5 else 1


class PageMatcher:
    """Matches batches of pages, in this process or in a pool of `workers` processes."""

    def __init__(self, loaded: LoadedChecklist, workers: int = 1) -> None:
        self.checklist = loaded.checklist
        self.workers = max(1, workers)
        self._loaded = loaded
        self._pool: Executor | None = None

    def __enter__(self) -> PageMatcher:
        if self.workers > 1:
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self._loaded.text, str(self._loaded.path)),
            )
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def match(self, pages: list[PageInput]) -> list[dict[str, ItemMatch]]:
        if self._pool is None or len(pages) <= CHUNK:
            return [match_input(page, self.checklist) for page in pages]
        chunks = [pages[i : i + CHUNK] for i in range(0, len(pages), CHUNK)]
        return [result for chunk in self._pool.map(_match_chunk, chunks) for result in chunk]

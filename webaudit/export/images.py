"""Pictures for evidence lists: the top of a page when the matcher made no highlighted crop.

Thumbnails are derived files: cached by the screenshot's SHA-256 under
`<evidence>/cache/page-top/`, never stored as evidence. Only the top rows of a (possibly very
long) full-page PNG are decoded, so a cold run over 290 sites stays fast.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image

from webaudit.evidence import write_atomically

TOP_HEIGHT = 1100  # CSS pixels of the page shown: about one and a bit screens
THUMB_WIDTH = 960


def _open_top(source: Path, height: int) -> Image.Image:
    image = Image.open(source)
    width, full_height = image.size
    if full_height > height and image.format == "PNG":
        # Decode only the first rows: PNG rows are stored top to bottom, so shrinking the tile
        # makes the decoder stop early. Falls back to a full decode if Pillow's internals differ.
        with contextlib.suppress(AttributeError, TypeError, ValueError):
            image._size = (width, height)
            image.tile = [(t[0], (0, 0, width, height), *t[2:]) for t in image.tile]  # type: ignore[misc]
            image.load()
            return image
        image = Image.open(source)
    image.load()
    return image.crop((0, 0, width, min(full_height, height)))


def cached_top(cache_dir: Path, sha256: str) -> Path:
    return cache_dir / sha256[:2] / f"{sha256}-top.jpg"


def page_top(source: Path, sha256: str, cache_dir: Path) -> Path:
    """A JPEG of the top of the page in `source`, cached under `cache_dir` by `sha256`."""
    target = cached_top(cache_dir, sha256)
    if target.is_file():
        return target
    image = _open_top(source, TOP_HEIGHT).convert("RGB")
    if image.width > THUMB_WIDTH:
        ratio = THUMB_WIDTH / image.width
        image = image.resize(
            (THUMB_WIDTH, max(1, round(image.height * ratio))), Image.Resampling.LANCZOS
        )
    buffer = io.BytesIO()
    # JPEG: a quarter of the time of PNG to write, and Chromium embeds it in a PDF as is.
    image.save(buffer, format="JPEG", quality=85, optimize=False)
    write_atomically(target, buffer.getvalue())
    return target


def _page_top_job(job: tuple[Path, str, Path]) -> None:
    with contextlib.suppress(OSError, ValueError, Image.DecompressionBombError):
        page_top(*job)


def make_page_tops(sources: Iterable[tuple[Path, str]], cache_dir: Path, workers: int) -> int:
    """Fill the cache for every (screenshot, sha256) not cached yet, on `workers` processes
    (decoding PNGs is CPU work). Returns how many were made; failures are left for the caller,
    which falls back to no picture."""
    missing = {
        sha: (source, sha, cache_dir)
        for source, sha in sources
        if not cached_top(cache_dir, sha).is_file()
    }
    jobs = list(missing.values())
    if workers <= 1 or len(jobs) < 16:
        for job in jobs:
            _page_top_job(job)
        return len(jobs)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_page_top_job, jobs, chunksize=8))
    return len(jobs)


def place_file(source: Path, target: Path) -> None:
    """Copy `source` to `target` (atomically). An existing target is left as is: names carry
    the content hash. A copy, not a hard link: editing a picture in an evidence list must never
    alter the evidence file itself."""
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".tmp-{target.name}")
    shutil.copyfile(source, temporary)
    temporary.replace(target)

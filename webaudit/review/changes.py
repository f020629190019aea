"""Did an item's evidence pages change since last round? Compare content hashes by URL."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from webaudit.store.review import CaptureHash

Change = Literal["changed", "new", "gone", "same"]


@dataclass(frozen=True)
class PageChange:
    url: str
    change: Change


def hashes_by_url(pages: Iterable[CaptureHash]) -> dict[str, set[str]]:
    """URL (requested and final) -> the content hashes seen for it (later captures included)."""
    by_url: dict[str, set[str]] = {}
    for page in pages:
        if page.content_sha256 is None:
            continue
        for url in {page.url, page.final_url}:
            by_url.setdefault(_key(url), set()).add(page.content_sha256)
    return by_url


def evidence_changes(
    current_urls: Iterable[str],
    previous_urls: Iterable[str],
    current: dict[str, set[str]],
    previous: dict[str, set[str]],
) -> list[PageChange]:
    """How each evidence page of this round and of last round's decision compares.

    changed: captured both rounds, with no content hash in common; new: not captured last
    round; gone: last round's evidence page was not captured this round; same: identical.
    """
    changes: list[PageChange] = []
    seen: set[str] = set()
    for url in current_urls:
        key = _key(url)
        if key in seen:
            continue
        seen.add(key)
        before = previous.get(key)
        now = current.get(key, set())
        if not before:
            changes.append(PageChange(url, "new"))
        elif now and not (now & before):
            changes.append(PageChange(url, "changed"))
        else:
            changes.append(PageChange(url, "same"))
    for url in previous_urls:
        key = _key(url)
        if key in seen:
            continue
        seen.add(key)
        if key not in current:
            changes.append(PageChange(url, "gone"))
        elif not (current[key] & previous.get(key, set())):
            changes.append(PageChange(url, "changed"))
        else:
            changes.append(PageChange(url, "same"))
    return changes


def summary(changes: list[PageChange]) -> Change | None:
    """One mark per item: the most telling change, or None when nothing can be compared."""
    kinds = {change.change for change in changes}
    for kind in ("changed", "gone", "new", "same"):
        if kind in kinds:
            return kind
    return None


def _key(url: str) -> str:
    return url.split("#", 1)[0].rstrip("/")

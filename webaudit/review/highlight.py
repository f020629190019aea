"""Where a quote contains the words a matcher matched, for highlighting them in the UI."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from webaudit.match.phrases import compile_phrase
from webaudit.text import normalize_space


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    negative: bool  # a negative phrase (it cancelled the hit), shown differently


def display_quote(quote: str, limit: int = 600) -> str:
    """The quote as shown: one line of normalised text, cut at `limit` characters."""
    text = normalize_space(unicodedata.normalize("NFC", quote).replace("\u00ad", ""))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def term_spans(text: str, terms: Iterable[str]) -> list[Span]:
    """Non-overlapping spans of `text` matched by the terms (a leading '-' marks a negative).

    Terms are matched the way the matchers match them (inflections and compounds), on the
    displayed text, so the spans index straight into what the reviewer sees.
    """
    found: list[Span] = []
    for term in terms:
        negative = term.startswith("-")
        phrase = term[1:] if negative else term
        if not phrase.strip():
            continue
        for match in compile_phrase(phrase).pattern.finditer(text):
            if match.end() > match.start():
                found.append(Span(match.start(), match.end(), negative))
    found.sort(key=lambda span: (span.start, -span.end))
    merged: list[Span] = []
    for span in found:
        if merged and span.start < merged[-1].end:
            continue
        merged.append(span)
    return merged

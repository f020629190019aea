"""Swedish text helpers shared by discovery and the matchers."""

from __future__ import annotations

import re
import unicodedata

_ASCII_FOLD = str.maketrans(
    {"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "Å": "a", "Ä": "a", "Ö": "o"}
)
_SPACES = re.compile(r"\s+")


def normalize_space(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """Lower-case, NFC, collapse whitespace: the form phrases and page text are compared in."""
    return normalize_space(unicodedata.normalize("NFC", text).lower().replace("\u00ad", ""))


def ascii_fold(text: str) -> str:
    """Like fold, and å/ä/ö -> a/a/o: how Swedish words appear in URLs (hemtjanst, aldreomsorg)."""
    return fold(text).translate(_ASCII_FOLD)

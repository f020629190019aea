"""Swedish phrase matching: case, å/ä/ö, inflections (Snowball stemming) and compounds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from webaudit.text import fold

_stemmer = snowballstemmer.stemmer("swedish")
WORD = re.compile(r"[\wåäöé]+(?:[-.][\wåäöé]+)*", re.UNICODE)


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    return str(_stemmer.stemWord(word))


@dataclass(frozen=True)
class Phrase:
    text: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=4096)
def compile_phrase(phrase: str) -> Phrase:
    """A regex over folded text: each word may inflect; a long single word may end a compound.

    'beräkna din avgift' matches 'Beräkna dina avgifter'; 'kalkylator' matches
    'avgiftskalkylatorn'.
    """
    words = WORD.findall(fold(phrase))
    parts = []
    for word in words:
        root = stem(word) if len(word) > 3 and not any(ch.isdigit() for ch in word) else word
        parts.append(re.escape(root) + r"[\wåäö]*")
    prefix = r"[\wåäö]*" if len(words) == 1 and len(words[0]) >= 6 else ""
    body = r"[\s\-–/,:]+".join(parts)
    return Phrase(phrase, re.compile(rf"(?<![\wåäö]){prefix}{body}", re.IGNORECASE))


def find_phrases(text: str, phrases: list[str]) -> list[str]:
    """The phrases that occur in `text` (already folded or not)."""
    folded = fold(text)
    return [phrase for phrase in phrases if compile_phrase(phrase).pattern.search(folded)]

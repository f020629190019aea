"""Swedish phrase matching on tokens: case, å/ä/ö, inflections, compounds and typos.

Every phrase in a checklist is split into content words. A word matches a page token when:
- the token starts with the word's Snowball stem ('avgift' ~ 'avgiften', 'beräkna' ~
  'beräkningen'), or with its syncopated stem ('flexibel' ~ 'flexibla');
- the stem occurs inside a compound after a first element of three letters or more
  ('kalkylator' ~ 'avgiftskalkylatorn', but 'ramtid' !~ 'framtid');
- the token is a close misspelling of the whole word (rapidfuzz ratio >= 90, long words only);
- for short words, digits and phrases written with a leading '=': the token equals the word.
Text and phrases are compared ascii-folded (å/ä -> a, ö -> o), so URLs and text written without
Swedish letters match too. Consecutive content words may be up to `GAP` tokens apart, and two
consecutive words may share one compound token ('avgift kalkylator' ~ 'avgiftskalkylator').

A Lexicon is built once per checklist; the token -> words table it fills is a pure cache.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import snowballstemmer
from rapidfuzz import fuzz, process

from webaudit.text import ascii_fold, fold

ASCII_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "\u00ad": ""})

TOKEN = re.compile(r"[^\W_]+")
GAP = 3  # tokens allowed between two consecutive content words of a phrase
MIN_INFIX = 5  # shortest stem that may be found inside a compound
MIN_FIRST_ELEMENT = 3  # shortest first element of a compound before an infix match
MIN_FUZZY = 8  # shortest word matched with typos
FUZZY_CUTOFF = 90.0
SCAN_CACHE_LENGTH = 200  # texts up to this long are remembered once scanned
SCAN_CACHE_SIZE = 200_000
# Function words carry no evidence; they are left out of phrases (but gaps allow them).
STOPWORDS = frozenset(
    "du din dina ditt dig en ett det den de vi vår våra vårt er ert av för om till i på med att "  # noqa: SIM905
    "och som hur vad man sig sin sina sitt kan ska är har the a of".split()
)
_stemmer = snowballstemmer.stemmer("swedish")
_SYNCOPE = re.compile(r"([^aeiouyåäö])e([lnr])$")


def stem(word: str) -> str:
    return str(_stemmer.stemWord(word))


def tokens(text: str) -> list[str]:
    """Ascii-folded word tokens of a text."""
    return TOKEN.findall(ascii_fold(text))


@dataclass(frozen=True)
class Word:
    id: int
    text: str  # folded, as written in the phrase
    keys: tuple[str, ...]  # ascii-folded stems to look for
    exact: bool


@dataclass(frozen=True)
class Phrase:
    text: str
    words: tuple[int, ...]  # Word ids, in order
    adjacent: bool = False  # '=' phrases: exact words, next to each other
    needs: frozenset[int] = frozenset()  # every word id; a text lacking one cannot match
    id: int = -1  # position in the lexicon, a cheap cache key


@dataclass(frozen=True)
class Group:
    """Phrases of which one is enough (a term list); `words` for a quick 'cannot match'."""

    id: int
    phrases: tuple[Phrase, ...]
    words: frozenset[int]

    def __bool__(self) -> bool:
        return bool(self.phrases)


@dataclass(frozen=True)
class Scanned:
    """A text's token hits, and the set of word ids in it (for a quick 'cannot match')."""

    seq: list[tuple[int, ...]]
    words: frozenset[int]

    def has(self, phrase: Phrase) -> bool:
        return phrase.needs <= self.words and bool(find_in(phrase, self.seq))


@dataclass
class Lexicon:
    """The words of every phrase of a checklist, and which tokens each one matches."""

    words: list[Word] = field(default_factory=list)
    _word_ids: dict[tuple[str, bool], int] = field(default_factory=dict)
    _phrases: dict[str, Phrase] = field(default_factory=dict)
    _groups: dict[tuple[int, ...], Group] = field(default_factory=dict)
    _hits: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _fuzzy_choices: dict[str, int] = field(default_factory=dict)
    _scanned: dict[str, Scanned] = field(default_factory=dict)
    _exact: dict[str, list[int]] = field(default_factory=dict)
    _prefix: dict[str, list[int]] = field(default_factory=dict)
    _infix: dict[str, list[int]] = field(default_factory=dict)
    _prefix_lengths: list[int] = field(default_factory=list)
    _infix_lengths: list[int] = field(default_factory=list)
    _fuzzy_list: tuple[str, ...] = ()

    def phrase(self, text: str) -> Phrase:
        """Compile a phrase (cached). A leading '=' asks for exact words: no stems, no compounds."""
        found = self._phrases.get(text)
        if found is not None:
            return found
        exact = text.startswith("=")
        raw = [w for w in TOKEN.findall(fold(text.lstrip("="))) if w]
        content = [w for w in raw if w not in STOPWORDS]
        if len(content) < 2:
            content = raw  # 'att ansöka' must not shrink to 'ansöka'
        words = raw if exact else content
        ids = tuple(self._word(w, exact) for w in words)
        phrase = Phrase(text, ids, exact, frozenset(ids), len(self._phrases))
        self._phrases[text] = phrase
        self._hits.clear()  # a new word may match tokens seen before
        self._scanned.clear()
        return phrase

    def group(self, phrases: tuple[Phrase, ...]) -> Group:
        """A group of phrases (shared between signals that use the same term list)."""
        key = tuple(p.id for p in phrases)
        found = self._groups.get(key)
        if found is None:
            words = frozenset(w for p in phrases for w in p.words)
            found = Group(len(self._groups), phrases, words)
            self._groups[key] = found
        return found

    def _word(self, word: str, exact: bool) -> int:
        exact = exact or len(word) <= 3 or any(ch.isdigit() for ch in word)
        key = (word, exact)
        if key in self._word_ids:
            return self._word_ids[key]
        if exact:
            keys: tuple[str, ...] = (ascii_fold(word),)
        else:
            root = stem(word)
            variants = {root, _SYNCOPE.sub(r"\1\2", root)}
            keys = tuple(sorted(ascii_fold(v) for v in variants if len(v) >= 3))
        entry = Word(len(self.words), word, keys or (ascii_fold(word),), exact)
        self.words.append(entry)
        self._word_ids[key] = entry.id
        if exact:
            self._exact.setdefault(entry.keys[0], []).append(entry.id)
        else:
            for stem_key in entry.keys:
                self._prefix.setdefault(stem_key, []).append(entry.id)
                if len(stem_key) >= MIN_INFIX:
                    self._infix.setdefault(stem_key, []).append(entry.id)
            self._prefix_lengths = sorted({len(k) for k in self._prefix})
            self._infix_lengths = sorted({len(k) for k in self._infix})
        if not exact and len(word) >= MIN_FUZZY:
            self._fuzzy_choices[ascii_fold(word)] = entry.id
            self._fuzzy_list = tuple(self._fuzzy_choices)
        return entry.id

    def hits(self, token: str) -> tuple[int, ...]:
        """The word ids an (ascii-folded) token matches."""
        found = self._hits.get(token)
        if found is None:
            found = self._compute_hits(token)
            self._hits[token] = found
        return found

    def _compute_hits(self, token: str) -> tuple[int, ...]:
        """Dictionary look-ups of the token's prefixes and inner pieces, then typos."""
        matched: set[int] = set(self._exact.get(token, ()))
        size = len(token)
        for length in self._prefix_lengths:
            if length > size:
                break
            matched.update(self._prefix.get(token[:length], ()))
        for length in self._infix_lengths:
            for start in range(MIN_FIRST_ELEMENT, size - length + 1):
                matched.update(self._infix.get(token[start : start + length], ()))
        if not matched and size >= MIN_FUZZY and self._fuzzy_choices:
            best = process.extractOne(
                token, self._fuzzy_list, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            if best is not None:
                matched.add(self._fuzzy_choices[best[0]])
        return tuple(sorted(matched))

    def scan(self, text: str) -> list[tuple[int, ...]]:
        """Per token of `text`, the word ids it matches (most tokens: none)."""
        hits = self.hits
        folded = unicodedata.normalize("NFC", text).lower().translate(ASCII_FOLD)
        return [hits(token) for token in TOKEN.findall(folded)]

    def scanned(self, text: str) -> Scanned:
        """Scan a text, remembering short ones: menu and link texts repeat on every page."""
        found = self._scanned.get(text) if len(text) <= SCAN_CACHE_LENGTH else None
        if found is None:
            seq = self.scan(text)
            found = Scanned(seq, frozenset(word for hit in seq for word in hit))
            if len(text) <= SCAN_CACHE_LENGTH:
                if len(self._scanned) >= SCAN_CACHE_SIZE:
                    self._scanned.clear()
                self._scanned[text] = found
        return found


def find_in(phrase: Phrase, seq: list[tuple[int, ...]]) -> list[tuple[int, int]]:
    """Where `phrase` occurs in a scanned token sequence: (first token, last token) pairs."""
    if not phrase.words:
        return []
    first, rest = phrase.words[0], phrase.words[1:]
    gap = 0 if phrase.adjacent else GAP
    found = []
    for start, hit in enumerate(seq):
        if first not in hit:
            continue
        position, previous, ok = start, first, True
        for word in rest:
            # The next word may share the current token (a compound) or follow within the gap.
            if not phrase.adjacent and word != previous and word in seq[position]:
                previous = word
                continue
            for candidate in range(position + 1, min(len(seq), position + gap + 2)):
                if word in seq[candidate]:
                    position, previous = candidate, word
                    break
            else:
                ok = False
                break
        if ok:
            found.append((start, position))
    return found


def contains(lexicon: Lexicon, phrases: list[str], text: str) -> list[str]:
    """The phrases that occur in a short text (link text, labels); for one-off checks."""
    compiled = [lexicon.phrase(p) for p in phrases]  # before scanning: new words, new hits
    scanned = lexicon.scanned(text)
    return [p.text for p in compiled if scanned.has(p)]

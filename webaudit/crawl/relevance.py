"""How likely a link or a page leads to home-care information: scores in 0..1.

A reviewer looking for home care reads menu words ('Omsorg och stöd', 'Äldreomsorg',
'Hemtjänst', ...), then, inside the home-care section, the words of what the checklist asks
for (fees, applying, providers, complaints, ...). The scorer does the same: a vocabulary of
phrases with weights, matched word by word on ASCII-folded text so that inflections and
compounds ('hemtjänsten', 'äldreomsorgsavgift') and small misspellings (rapidfuzz) still
count, plus the checklist's own link phrases and URL patterns. Pure; memoised per crawl.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from rapidfuzz import fuzz

from webaudit.checklists import Checklist
from webaudit.text import ascii_fold

# Section names under which Swedish municipalities keep home care, with how strongly each
# points at it. Words are matched in any order ('Stöd, omsorg och hälsa' has both words of
# 'omsorg och stöd'); 'och', 'i', 'för' are ignored.
SECTION_VOCABULARY: tuple[tuple[str, float], ...] = (
    ("hemtjänst", 1.0),
    ("hjälp i hemmet", 0.95),
    ("stöd i hemmet", 0.9),
    ("hjälp hemma", 0.9),
    ("äldreomsorg", 0.9),
    ("omsorg om äldre", 0.9),
    ("omsorg och stöd", 0.8),
    ("vård och omsorg", 0.8),
    ("stöd och omsorg", 0.8),
    ("omsorg och hjälp", 0.8),
    ("bo kvar hemma", 0.8),
    ("äldre", 0.75),
    ("senior", 0.75),
    ("pensionär", 0.6),
    ("trygghetslarm", 0.75),
    ("bistånd", 0.7),
    ("biståndshandläggare", 0.75),
    ("omsorg", 0.6),
    ("hemsjukvård", 0.45),
    ("anhörig", 0.4),
)
# What the checklist asks for, in the words menus and link texts use. Followed from anywhere,
# but they only score high together with care words or inside the care section.
ITEM_VOCABULARY: tuple[tuple[str, float], ...] = (
    ("avgiftskalkyl", 0.95),
    ("räknesnurra", 0.95),
    ("räkna ut avgift", 0.9),
    ("beräkna avgift", 0.9),
    ("äldreguiden", 0.9),
    ("jämför utförare", 0.9),
    ("jämför hemtjänst", 0.9),
    ("fast omsorgskontakt", 0.9),
    ("rambeslut", 0.85),
    ("ramtid", 0.85),
    ("utan biståndsbedömning", 0.9),
    ("utan bistånd", 0.85),
    ("serviceinsats", 0.8),
    ("servicetjänst", 0.75),
    ("förenklat beslutsfattande", 0.85),
    ("valfrihet", 0.7),
    ("utförare", 0.7),
    ("välja utförare", 0.8),
    ("lov", 0.5),
    ("avgift", 0.6),
    ("maxtaxa", 0.7),
    ("ansök", 0.6),
    ("ansökan", 0.6),
    ("e-tjänst", 0.5),
    ("synpunkter", 0.65),
    ("klagomål", 0.65),
    ("riktlinjer", 0.7),
    ("biståndsbedömning", 0.75),
    ("lättläst", 0.65),
    ("andra språk", 0.6),
    ("other languages", 0.6),
    ("in english", 0.5),
    ("kvalitetsgaranti", 0.7),
    ("värdighetsgaranti", 0.7),
    ("garanti", 0.5),
    ("trygghetslarm", 0.75),
    ("kontakt", 0.35),
    ("handläggare", 0.6),
)
# Topics that share words with home care but are not it: 'Avgifter för förskola'.
NEGATIVE_WORDS: tuple[str, ...] = (
    "förskola",
    "skola",
    "gymnasie",
    "fritidshem",
    "barnomsorg",
    "bygglov",
    "detaljplan",
    "avfall",
    "parkering",
    "kalender",
    "evenemang",
    "nyhet",
    "lediga jobb",
    "protokoll",
    "diarium",
    "turism",
    "idrott",
    "bibliotek",
    "vatten",
    "politik",
    "press",
    "upphandling",
)
STOPWORDS = frozenset({"och", "i", "for", "om", "&", "av", "till", "pa", "med", "din", "ditt"})
# Known external targets that answer a checklist item by being linked; recorded, not fetched.
WELL_KNOWN_EXTERNAL: tuple[str, ...] = (
    "aldreguiden.se",
    "socialstyrelsen.se",
    "1177.se",
    "ivo.se",
    "minpension.se",
    "forsakringskassan.se",
    "skatteverket.se",
    "facebook.com",
    "instagram.com",
    "linkedin.com",
    "twitter.com",
    "x.com",
    "youtube.com",
)
ESERVICE_HOST = re.compile(
    r"^(e-?tjanst(er)?|minasidor|mina-sidor|tjanster|e-?services?|sjalvservice|ansok|"
    r"blanketter|formular|self)[.-]|\.e-?tjanst\.|\.e-?service\.",
    re.IGNORECASE,
)
ESERVICE_PATH = re.compile(
    r"/(oversikt/overview/\d+|e-?tjanst|etjanster|e-?service|forms?/|formular|blankett|"
    r"mina-?sidor|ansokan)",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FUZZY_MIN_LENGTH = 6
_FUZZY_CUTOFF = 90.0


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]
    weight: float
    section: bool  # a section word (menus) rather than an item word


def _phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in _TOKEN.findall(ascii_fold(phrase)) if w not in STOPWORDS)


class Scorer:
    """Scores link texts, URLs and pages against the vocabulary and a checklist."""

    def __init__(self, checklist: Checklist | None = None) -> None:
        phrases = [_Phrase(_phrase_words(p), w, True) for p, w in SECTION_VOCABULARY]
        phrases += [_Phrase(_phrase_words(p), w, False) for p, w in ITEM_VOCABULARY]
        self.link_patterns: list[re.Pattern[str]] = []
        self.url_hints: list[re.Pattern[str]] = []
        if checklist is not None:
            for item in checklist.items:
                spec = item.matcher
                for text in spec.expand([*spec.link_text, *spec.strong_phrases]):
                    words = _phrase_words(text)
                    if words and len(words) <= 4:
                        phrases.append(_Phrase(words, 0.9, False))
                title = _phrase_words(item.title.sv)
                if title:
                    phrases.append(_Phrase(title, 0.85, False))
                self.link_patterns += [re.compile(p, re.IGNORECASE) for p in spec.link_patterns]
                self.url_hints += [re.compile(p, re.IGNORECASE) for p in spec.url_hints]
        unique: dict[tuple[str, ...], _Phrase] = {}
        for phrase in phrases:
            if phrase.words and (
                phrase.words not in unique or unique[phrase.words].weight < phrase.weight
            ):
                unique[phrase.words] = phrase
        self.phrases = tuple(unique.values())
        self.words = tuple(sorted({w for p in self.phrases for w in p.words}))
        self.negative_words = tuple(_phrase_words(w) for w in NEGATIVE_WORDS)
        self.url_words = tuple(
            ("-".join(p.words), p.weight) for p in self.phrases if p.section or p.weight >= 0.7
        )
        self._token_cache: dict[str, frozenset[str]] = {}
        self.text_score = lru_cache(maxsize=100_000)(self._text_score)
        self.care_score = lru_cache(maxsize=100_000)(self._care_score)
        self.item_score = lru_cache(maxsize=100_000)(self._item_score)
        self.url_score = lru_cache(maxsize=100_000)(self._url_score)

    # -- words ---------------------------------------------------------------------------------

    def _token_matches(self, token: str) -> frozenset[str]:
        """Vocabulary words this token stands for: a prefix or compound part, or a near miss."""
        found = self._token_cache.get(token)
        if found is None:
            hits = set()
            for word in self.words:
                if (
                    token.startswith(word)
                    or (len(word) >= 7 and word in token)
                    or (
                        len(word) >= _FUZZY_MIN_LENGTH
                        and abs(len(token) - len(word)) <= 3
                        and fuzz.ratio(word, token[: len(word) + 1]) >= _FUZZY_CUTOFF
                    )
                ):
                    hits.add(word)
            found = frozenset(hits)
            if len(self._token_cache) < 200_000:
                self._token_cache[token] = found
        return found

    def _matched_words(self, text: str) -> set[str]:
        matched: set[str] = set()
        for token in _TOKEN.findall(text):
            matched |= self._token_matches(token)
            if "-" in token:
                for part in token.split("-"):
                    matched |= self._token_matches(part)
        return matched

    def _text_score(self, text: str, only: bool | None = None) -> float:
        """Score of a (link or heading) text, already ascii-folded. `only`: True counts care
        section words only, False item words only, None both."""
        if not text:
            return 0.0
        matched = self._matched_words(text[:300])
        if not matched:
            return 0.0
        best = 0.0
        strong_section = False
        for phrase in self.phrases:
            if (only is None or phrase.section == only) and all(w in matched for w in phrase.words):
                best = max(best, phrase.weight)
                strong_section |= phrase.section and phrase.weight >= 0.9
        if best and not strong_section and self._negative(text):
            best *= 0.35
        return round(best, 3)

    def _care_score(self, text: str) -> float:
        return self._text_score(text, only=True)

    def _item_score(self, text: str) -> float:
        return self._text_score(text, only=False)

    def _negative(self, text: str) -> bool:
        tokens = _TOKEN.findall(text)
        return any(
            all(any(t.startswith(w) for t in tokens) for w in words)
            for words in self.negative_words
        )

    def _url_score(self, url: str) -> float:
        parts = urlsplit(url)
        path = ascii_fold(unquote(parts.path + " " + parts.query)).replace("_", "-")
        best = 0.0
        for slug, weight in self.url_words:
            if slug in path or slug.replace("-", "") in path:
                best = max(best, weight * 0.85)
        for pattern in self.link_patterns:
            if pattern.search(url):
                best = max(best, 0.85)
        for pattern in self.url_hints:
            if pattern.search(path):
                best = max(best, 0.45)
        if best and self._negative(path.replace("/", " ")):
            best *= 0.35
        return round(best, 3)

    # -- links and pages ------------------------------------------------------------------------

    def link_score(self, text: str, url: str) -> float:
        """How strongly a link (its words and its URL) points at home-care information."""
        return max(self.text_score(ascii_fold(text)), self.url_score(url))

    def page_score(self, title: str, headings: Iterable[str], crumbs: str, url: str) -> float:
        """How much a fetched page is about home care (its title, headings, breadcrumbs and
        URL, in the words of care sections only): what its own links inherit. A general
        'Synpunkter och felanmälan' page is about complaints, not care."""
        title_score = self.care_score(ascii_fold(title))
        heading_score = max((self.care_score(ascii_fold(h)) for h in headings), default=0.0)
        crumb_score = self.care_score(ascii_fold(crumbs)) * 0.9
        url_score = self.care_score(ascii_fold(unquote(urlsplit(url).path)).replace("-", " "))
        return round(max(title_score, heading_score, crumb_score, url_score * 0.8), 3)

    def topic_score(self, *texts: str) -> float:
        """How strongly texts (a title, a heading, a link) name something the checklist asks
        for, in item words only: 'Synpunkter och klagomål', 'Räkna ut din avgift'."""
        return max((self.item_score(ascii_fold(t)) for t in texts if t), default=0.0)

    def negative(self, text: str) -> bool:
        """The text names a topic that is not home care (förskola, bygglov, diarium ...)."""
        return self._negative(ascii_fold(text))


def is_well_known_external(host: str) -> bool:
    host = host.lower()
    return any(host == known or host.endswith("." + known) for known in WELL_KNOWN_EXTERNAL)


def looks_like_eservice(url: str) -> bool:
    parts = urlsplit(url)
    return bool(
        ESERVICE_HOST.search(parts.hostname or "") or ESERVICE_PATH.search(ascii_fold(parts.path))
    )

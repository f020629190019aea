"""One page's token hits, built once and shared by every item: where each checklist phrase
occurs (block and sentence), and whether a phrase is near a hit in a given scope.

Pseudo blocks stand for the page title (with the first heading) and the words of the URL, so a
page's topic (/aldreomsorg/hemtjanst/) counts as context of every section.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from webaudit.checklists import Scope
from webaudit.match.document import Document
from webaudit.match.lexicon import Group, Lexicon, Phrase, Scanned, find_in
from webaudit.match.rules import CompiledSignal

TITLE = -1  # pseudo block: the page title and first heading
URL = -2  # pseudo block: the words of the page URL


@dataclass(frozen=True)
class Anchor:
    """Where a hit sits, for the `near` checks: a block and sentence, plus text of its own."""

    block: int
    sentence: int
    own_text: str = ""  # link text or widget text, checked in every scope


class PageIndex:
    """Token hits of one page, built once and shared by all items."""

    def __init__(self, document: Document, lexicon: Lexicon) -> None:
        self.document = document
        self.lexicon = lexicon
        self.seqs: dict[tuple[int, int], list[tuple[int, ...]]] = {}
        self.postings: dict[int, list[tuple[int, int]]] = {}
        self._found: dict[int, list[tuple[int, int]]] = {}
        self._found_set: dict[int, set[tuple[int, int]]] = {}
        self._blocks_with: dict[int, set[int]] = {}
        self._group_keys: dict[int, set[tuple[int, int]]] = {}
        self._group_blocks: dict[int, set[int]] = {}
        self._sections: dict[int, set[int]] = {}
        self._own: dict[str, Scanned] = {}
        self.chrome = {b.index for b in document.blocks if b.chrome}
        for block in document.blocks:
            for sentence in block.sentences:
                self._add((block.index, sentence.index), sentence.text)
        first_heading = next((b.text for b in document.blocks if b.level == 1), "")
        self._add((TITLE, 0), f"{document.title} . {first_heading}")
        self._add((URL, 0), _url_words(document.url))
        self.words = frozenset(self.postings)  # every word id on the page
        self.link_words: dict[int, set[int]] = {}
        for link in document.links:
            if link.text:
                for word in self.scanned(link.text).words:
                    self.link_words.setdefault(word, set()).add(link.index)
        self.url_starts: list[int] = []
        position = 0
        for link in document.links:
            self.url_starts.append(position)
            position += len(link.url) + 1
        self.urls = "\n".join(link.url for link in document.links)
        self.urls_lower = self.urls.lower()
        self.url_list = self.urls_lower.split("\n")

    def _add(self, key: tuple[int, int], text: str) -> None:
        scanned = self.lexicon.scanned(text)
        self.seqs[key] = scanned.seq
        for word in scanned.words:
            self.postings.setdefault(word, []).append(key)

    def find(self, phrase: Phrase) -> list[tuple[int, int]]:
        """The (block, sentence) pairs where a phrase occurs."""
        found = self._found.get(phrase.id)
        if found is None:
            found = []
            if phrase.needs <= self.words:
                candidates = self.postings[phrase.words[0]]
                if len(phrase.words) == 1:
                    found = list(candidates)
                else:
                    found = [key for key in candidates if find_in(phrase, self.seqs[key])]
            self._found[phrase.id] = found
        return found

    def found_at(self, phrase: Phrase) -> set[tuple[int, int]]:
        found = self._found_set.get(phrase.id)
        if found is None:
            found = set(self.find(phrase))
            self._found_set[phrase.id] = found
        return found

    def blocks_with(self, phrase: Phrase) -> set[int]:
        found = self._blocks_with.get(phrase.id)
        if found is None:
            found = {block for block, _ in self.find(phrase)}
            self._blocks_with[phrase.id] = found
        return found

    def section(self, block: int) -> set[int]:
        found = self._sections.get(block)
        if found is None:
            # A section's topic also shows in the page title and URL (/aldreomsorg/hemtjanst/);
            # the site's menus and footer are no part of a content section.
            members = set(self.document.section_blocks(block)) if block >= 0 else set()
            if block not in self.chrome:
                members -= self.chrome
            found = {TITLE, URL} | members
            self._sections[block] = found
        return found

    def scanned(self, text: str) -> Scanned:
        found = self._own.get(text)
        if found is None:
            found = self._own[text] = self.lexicon.scanned(text)
        return found

    def in_text(self, phrase: Phrase, text: str) -> bool:
        return bool(text) and self.scanned(text).has(phrase)

    def link_candidates(self, signal: CompiledSignal) -> list[int]:
        """Links that may satisfy a link signal: their text has one of its words, or their URL
        matches its patterns (one regex pass over all URLs)."""
        if signal.any:
            found: set[int] = set()
            for word in signal.any_words & self.link_words.keys():
                found.update(self.link_words[word])
            return sorted(found)
        if signal.url_lines is None:
            return []
        hints = signal.url_hints
        if hints is not None:
            if not any(h in self.urls_lower for h in hints):
                return []
            pattern = signal.url_any
            assert pattern is not None
            return [
                number
                for number, url in enumerate(self.url_list)
                if any(h in url for h in hints) and pattern.search(self.document.links[number].url)
            ]
        return sorted(
            {
                bisect_right(self.url_starts, m.start()) - 1
                for m in signal.url_lines.finditer(self.urls)
            }
        )

    def group_keys(self, group: Group) -> set[tuple[int, int]]:
        found = self._group_keys.get(group.id)
        if found is None:
            found = set()
            if group.words & self.words:
                for phrase in group.phrases:
                    found.update(self.find(phrase))
            self._group_keys[group.id] = found
        return found

    def group_blocks(self, group: Group) -> set[int]:
        found = self._group_blocks.get(group.id)
        if found is None:
            found = {block for block, _ in self.group_keys(group)}
            self._group_blocks[group.id] = found
        return found

    def near_group(self, group: Group, anchor: Anchor, scope: Scope) -> bool:
        """Whether one phrase of the group occurs within `scope` of the anchor."""
        if anchor.own_text:
            scanned = self.scanned(anchor.own_text)
            if scanned.words & group.words and any(scanned.has(p) for p in group.phrases):
                return True
        if scope == "sentence":
            return (anchor.block, anchor.sentence) in self.group_keys(group)
        blocks = self.group_blocks(group)
        if not blocks:
            return False
        if scope == "block":
            return anchor.block in blocks
        if scope == "section":
            return not blocks.isdisjoint(self.section(anchor.block))
        return not blocks <= self.chrome  # page: title, URL and all but the site chrome

    def near(self, phrase: Phrase, anchor: Anchor, scope: Scope) -> bool:
        """Whether `phrase` occurs within `scope` of the anchor."""
        if self.in_text(phrase, anchor.own_text):
            return True
        if scope == "sentence":
            return (anchor.block, anchor.sentence) in self.found_at(phrase)
        blocks = self.blocks_with(phrase)
        if scope == "block":
            return anchor.block in blocks
        if scope == "section":
            return bool(blocks & self.section(anchor.block))
        return not blocks <= self.chrome  # page: title, URL and all but the site chrome


def _url_words(url: str) -> str:
    without_scheme = url.split("://", 1)[-1]
    return without_scheme.replace("/", " . ").replace("-", " ").replace("_", " ")

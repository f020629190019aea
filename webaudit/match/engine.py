"""Per-page matching: for every checklist item, a result with a confidence and the evidence.

The rules are data (the checklist's `matcher:` blocks, compiled by `rules`); this module finds
each signal's hits on a parsed page, checks what must and must not be near each hit, and weighs
what is left. Pure: a parsed page and a checklist in, results out.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from webaudit.checklists import Checklist, Scope
from webaudit.match.document import Document, PageLink, Widget, css_path
from webaudit.match.lexicon import Group, Lexicon, Phrase, Scanned, find_in
from webaudit.match.rules import CompiledChecklist, CompiledItem, CompiledSignal, compile_checklist

Result = Literal["pass", "fail", "review"]
CHROME_FACTOR = 0.5  # menus and footers repeat on every page: their words are weak evidence
TITLE = -1  # pseudo block: the page title and first heading
URL = -2  # pseudo block: the words of the page URL
QUOTE_CHARS = 400
CORROBORATION = (0.15, 0.05)  # weight of the second and third independent pieces of evidence
EVIDENCE_KEPT = 5


@dataclass(frozen=True)
class Evidence:
    kind: str  # text | link | frame | form | page
    signal: str
    quote: str
    location: str  # CSS selector, 'pdf-stycke-N', or 'url'/'title'
    terms: tuple[str, ...]
    strength: float
    note: str
    cancelled_by: tuple[str, ...] = ()
    url: str | None = None
    block: int = -3  # the block the evidence sits in (independence of corroborating hits)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "kind": self.kind,
            "signal": self.signal,
            "quote": self.quote,
            "location": self.location,
            "terms": list(self.terms),
            "strength": self.strength,
            "note": self.note,
        }
        if self.cancelled_by:
            data["cancelled_by"] = list(self.cancelled_by)
        if self.url:
            data["url"] = self.url
        return data


@dataclass
class ItemMatch:
    item_id: str
    result: Result
    confidence: float  # in the result: high for a clear pass and for a clear fail
    score: float = 0.0  # strength of the evidence for the item, 0..1
    evidence: list[Evidence] = field(default_factory=list)  # counting evidence, strongest first
    near_misses: list[Evidence] = field(default_factory=list)  # cancelled or counter-evidence

    @property
    def best(self) -> Evidence | None:
        return self.evidence[0] if self.evidence else None


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


class ItemEvaluator:
    """Evaluates one compiled item on one page."""

    def __init__(self, index: PageIndex, item: CompiledItem) -> None:
        self.index = index
        self.document = index.document
        self.item = item

    def run(self) -> ItemMatch:
        hits: list[Evidence] = []
        for signal in self.item.signals:
            hits.extend(self._signal_hits(signal))
        return _weigh(self.item, hits)

    def _signal_hits(self, signal: CompiledSignal) -> list[Evidence]:
        if signal.kind == "text":
            return self._text_hits(signal)
        if signal.kind in ("link", "frame"):
            return self._link_hits(signal)
        if signal.kind == "form":
            return self._form_hits(signal)
        return self._page_hits(signal)

    def _judge(
        self,
        signal: CompiledSignal,
        anchor: Anchor,
        terms: list[str],
        kind: str,
        quote: str,
        location: str,
        chrome: bool,
        url: str | None = None,
    ) -> Evidence | None:
        if chrome and not signal.chrome:
            return None
        index = self.index
        for group in signal.all:
            if not index.near_group(group, anchor, signal.near):
                return None
        if signal.context and not index.near_group(signal.context, anchor, signal.context_near):
            return None
        cancelled = []
        if signal.unless and index.near_group(signal.unless, anchor, signal.unless_near):
            cancelled = [
                p.text for p in signal.unless.phrases if index.near(p, anchor, signal.unless_near)
            ]
        if url and signal.unless_url:
            cancelled += [f"url:{r.pattern}" for r in signal.unless_url if r.search(url)]
        strength = signal.strength * (CHROME_FACTOR if chrome else 1.0)
        return Evidence(
            kind,
            signal.id,
            quote[:QUOTE_CHARS],
            location,
            tuple(terms),
            round(strength, 3),
            signal.note,
            tuple(cancelled),
            url,
            anchor.block,
        )

    def _text_hits(self, signal: CompiledSignal) -> list[Evidence]:
        words = self.index.words
        if not signal.any_words & words:
            return []
        by_sentence: dict[tuple[int, int], list[str]] = {}
        for phrase in signal.any:
            if not phrase.needs <= words:
                continue
            for key in self.index.find(phrase):
                by_sentence.setdefault(key, []).append(phrase.text)
        found = []
        for (block, sentence), terms in sorted(by_sentence.items()):
            if block == URL:
                continue
            if block == TITLE:
                quote, location, chrome = self.document.title, "title", False
            else:
                target = self.document.blocks[block]
                quote = target.sentences[sentence].text
                # Menus, teaser cards and form controls name things; they do not inform.
                location, chrome = f"@{block}", target.chrome or target.in_link or target.ui
            evidence = self._judge(
                signal, Anchor(block, sentence), terms, "text", quote, location, chrome
            )
            if evidence is not None:
                found.append(evidence)
        return found

    def _link_hits(self, signal: CompiledSignal) -> list[Evidence]:
        found = []
        frames = signal.kind == "frame"
        links = self.document.links
        for number in self.index.link_candidates(signal):
            link = links[number]
            if link.is_frame != frames:
                continue
            terms = self._link_terms(signal, link)
            if terms is None:
                continue
            sentence = self._sentence_of(link)
            quote = link.text or link.url
            context = self._sentence_text(link.block, sentence)
            if context and len(context) > len(quote) + 3:
                quote = context
            evidence = self._judge(
                signal,
                Anchor(link.block, sentence, link.text),
                terms,
                signal.kind,
                f"{quote} → {link.url}",
                f"#link{link.index}",
                link.chrome,
                link.url,
            )
            if evidence is not None:
                found.append(evidence)
        return found

    def _link_terms(self, signal: CompiledSignal, link: PageLink) -> list[str] | None:
        terms: list[str] = []
        if signal.any:
            if not link.text:
                return None
            scanned = self.index.scanned(link.text)
            if not scanned.words & signal.any_words:
                return None
            matched = [p.text for p in signal.any if scanned.has(p)]
            if not matched:
                return None
            terms += matched
        if signal.url_any is not None:
            if not signal.url_any.search(link.url):
                return None
            terms.insert(0, "länkadress")
        return terms

    def _sentence_of(self, link: PageLink) -> int:
        if link.block < 0:
            return 0
        number = 0
        for sentence in self.document.blocks[link.block].sentences:
            if sentence.start <= link.offset:
                number = sentence.index
        return number

    def _sentence_text(self, block: int, sentence: int) -> str:
        if block < 0:
            return ""
        sentences = self.document.blocks[block].sentences
        return sentences[sentence].text if sentence < len(sentences) else ""

    def _form_hits(self, signal: CompiledSignal) -> list[Evidence]:
        found = []
        for widget in self.document.widgets:
            terms = self._widget_terms(signal, widget)
            if terms is None:
                continue
            evidence = self._judge(
                signal,
                Anchor(widget.block, 0, widget.text),
                terms,
                "form",
                self._titled(widget.block, widget.text),
                f"#widget{widget.index}",
                widget.chrome,
            )
            if evidence is not None:
                found.append(evidence)
        return found

    def _titled(self, block: int, text: str) -> str:
        """A form's fields say little alone: quote them under the heading they sit below."""
        if 0 <= block < len(self.document.blocks):
            headings = self.document.blocks[block].headings
            if headings:
                return f"{self.document.blocks[headings[-1]].text}: {text}"
        return text

    def _widget_terms(self, signal: CompiledSignal, widget: Widget) -> list[str] | None:
        if widget.numeric < signal.min_numeric:
            return None
        matched_fields = [
            label
            for label in widget.fields
            if any(self.index.in_text(p, label) for p in signal.any)
        ]
        if len(matched_fields) < max(signal.min_fields, 1 if signal.any else 0):
            return None
        buttons = [
            b for b in widget.buttons if any(self.index.in_text(p, b) for p in signal.buttons)
        ]
        if signal.buttons and not buttons:
            return None
        return [*matched_fields[:4], *buttons[:1]]

    def _page_hits(self, signal: CompiledSignal) -> list[Evidence]:
        terms: list[str] = []
        if signal.url_any is not None:
            if not signal.url_any.search(self.document.url):
                return []
            terms.append("sidans adress")
        if signal.any:
            matched = [p.text for p in signal.any if (TITLE, 0) in self.index.find(p)]
            if not matched:
                return []
            terms += matched
        evidence = self._judge(
            signal,
            Anchor(TITLE, 0),
            terms,
            "page",
            self.document.title or self.document.url,
            "title",
            False,
            self.document.url,
        )
        return [evidence] if evidence is not None else []


def _corroborated(counting: list[Evidence]) -> float:
    """The best hit, plus a little for each independent one: another signal in another block.

    The same element matched by several signals is one piece of evidence, not several.
    """
    if not counting:
        return 0.0
    chosen = [counting[0]]
    for hit in counting[1:]:
        if len(chosen) == len(CORROBORATION) + 1:
            break
        if all(hit.signal != c.signal and hit.block != c.block for c in chosen):
            chosen.append(hit)
    score = chosen[0].strength
    for weight, hit in zip(CORROBORATION, chosen[1:], strict=False):
        score += weight * hit.strength
    return score


def _weigh(item: CompiledItem, hits: list[Evidence]) -> ItemMatch:
    """From hits to one result: the best signal, a little for corroboration, minus counter-evidence."""
    counting = [h for h in hits if h.strength > 0 and not h.cancelled_by]
    counter = [h for h in hits if h.strength < 0 and not h.cancelled_by]
    cancelled = [h for h in hits if h.cancelled_by and h.strength > 0]
    counting.sort(key=lambda h: (-h.strength, h.location))
    score = _corroborated(counting)
    if counter:
        score += min(h.strength for h in counter)
    score = round(max(0.0, min(score, 0.99)), 3)
    if score >= item.pass_threshold:
        result: Result = "pass"
    elif score >= item.review_threshold:
        result = "review"
    else:
        result = "fail"
    confidence = score if result != "fail" else round(1.0 - score, 3)
    near = sorted(cancelled + counter, key=lambda h: -abs(h.strength))
    if result == "fail":
        near = sorted(cancelled + counter + counting, key=lambda h: -abs(h.strength))
        counting = []
    return ItemMatch(item.id, result, confidence, score, counting[:8], near[:5])


def _selector(document: Document, location: str) -> str:
    if location.startswith("@"):
        return document.location(int(location[1:]))
    if location.startswith("#link"):
        link = document.links[int(location[5:])]
        return css_path(link.node) if link.node is not None else document.location(link.block)
    if location.startswith("#widget"):
        widget = document.widgets[int(location[7:])]
        return css_path(widget.node) if widget.node is not None else "form"
    return location


def _locate(document: Document, evidence: Evidence, cache: dict[str, str]) -> Evidence:
    """Replace the internal location (@block, #link, #widget) by a CSS selector."""
    location = evidence.location
    if location[:1] not in ("@", "#"):
        return evidence
    selector = cache.get(location)
    if selector is None:
        selector = cache[location] = _selector(document, location)
    return Evidence(
        evidence.kind,
        evidence.signal,
        evidence.quote,
        selector,
        evidence.terms,
        evidence.strength,
        evidence.note,
        evidence.cancelled_by,
        evidence.url,
        evidence.block,
    )


def match_compiled(document: Document, compiled: CompiledChecklist) -> dict[str, ItemMatch]:
    index = PageIndex(document, compiled.lexicon)
    results = {}
    selectors: dict[str, str] = {}
    for item in compiled.items:
        match = ItemEvaluator(index, item).run()
        match.evidence = [_locate(document, e, selectors) for e in match.evidence[:EVIDENCE_KEPT]]
        match.near_misses = [_locate(document, e, selectors) for e in match.near_misses[:3]]
        results[item.id] = match
    return results


def match_document(document: Document, checklist: Checklist) -> dict[str, ItemMatch]:
    return match_compiled(document, compile_checklist(checklist))

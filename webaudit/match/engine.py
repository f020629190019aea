"""Per-page matching: for every checklist item, a result with a confidence and the evidence.

The rules are data (the checklist's `matcher:` blocks, compiled by `rules`); this module finds
each signal's hits on a parsed page, checks what must and must not be near each hit, and weighs
what is left. Pure: a parsed page and a checklist in, results out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from webaudit.checklists import Checklist
from webaudit.match.document import Document, PageLink, css_path
from webaudit.match.forms import Widget
from webaudit.match.index import TITLE, URL, Anchor, PageIndex
from webaudit.match.rules import CompiledChecklist, CompiledItem, CompiledSignal, compile_checklist

Result = Literal["pass", "fail", "review"]
CHROME_FACTOR = 0.5  # menus and footers repeat on every page: their words are weak evidence
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

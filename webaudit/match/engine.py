"""Per-page matching: for every checklist item, a result with a confidence and the evidence.

The rules are data (the checklist's `matcher:` blocks); this module only weighs what it finds:
strong phrases, links to the right kind of target, calculator-like forms, and negative phrases
in the same sentence that cancel a hit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from webaudit.checklists import Checklist, ChecklistItem, MatcherSpec
from webaudit.match.document import Document, Sentence
from webaudit.match.phrases import find_phrases
from webaudit.text import ascii_fold, fold

Result = Literal["pass", "fail", "review"]


@dataclass(frozen=True)
class Evidence:
    kind: str  # phrase | link | form | frame
    quote: str
    location: str
    terms: tuple[str, ...]
    strength: float


@dataclass
class ItemMatch:
    item_id: str
    result: Result
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def best(self) -> Evidence | None:
        return max(self.evidence, key=lambda e: e.strength) if self.evidence else None


def _result(confidence: float, spec: MatcherSpec) -> Result:
    if confidence >= spec.pass_threshold:
        return "pass"
    if confidence >= spec.review_threshold:
        return "review"
    return "fail"


def _sentence_evidence(sentence: Sentence, spec: MatcherSpec) -> Evidence | None:
    strong = find_phrases(sentence.text, spec.strong_phrases)
    weak = [] if strong else find_phrases(sentence.text, spec.phrases)
    if not strong and not weak:
        return None
    negatives = find_phrases(sentence.text, spec.negative_phrases)
    if negatives:
        return Evidence(
            "phrase",
            sentence.text,
            sentence.location,
            tuple(strong or weak) + tuple(f"-{n}" for n in negatives),
            0.1,
        )
    strength = 0.9 if strong else 0.45
    return Evidence("phrase", sentence.text, sentence.location, tuple(strong or weak), strength)


def _link_evidence(document: Document, spec: MatcherSpec) -> list[Evidence]:
    found: list[Evidence] = []
    for link in document.links + document.frames:
        url_hit = any(
            re.search(p, link.url, re.IGNORECASE) or re.search(p, ascii_fold(link.url))
            for p in spec.link_patterns
        )
        text_hit = find_phrases(link.text, spec.link_text) if link.text else []
        if not url_hit and not text_hit:
            continue
        if any(re.search(p, link.url, re.IGNORECASE) for p in spec.negative_link_patterns):
            continue
        if find_phrases(link.text, spec.negative_phrases):
            continue
        strength = 0.85 if (url_hit and text_hit) else 0.7 if text_hit else 0.55
        if link.in_chrome:
            strength -= 0.3  # the same menu link is on every page of the site
        label = link.text or link.url
        found.append(
            Evidence(
                "link",
                f"{label} → {link.url}",
                link.location,
                tuple(text_hit) or ("länk",),
                strength,
            )
        )
    return found


def _form_evidence(document: Document, spec: MatcherSpec) -> list[Evidence]:
    if "calculator_form" not in spec.structure:
        return []
    found = []
    for form in document.forms:
        if (
            form.number_inputs >= 2
            and form.has_submit
            and re.search(r"avgift|kr|inkomst|hyra", fold(form.text))
        ):
            found.append(Evidence("form", form.text[:300], form.location, ("formulär",), 0.75))
    return found


def match_item(document: Document, item: ChecklistItem) -> ItemMatch:
    spec = item.matcher
    evidence = [e for s in document.sentences if (e := _sentence_evidence(s, spec)) is not None]
    evidence += _link_evidence(document, spec)
    evidence += _form_evidence(document, spec)
    positives = [e for e in evidence if e.strength > 0.2]
    if not positives:
        return ItemMatch(item.id, "fail", 0.9 if not evidence else 0.6, evidence[:3])
    best = max(e.strength for e in positives)
    kinds = {e.kind for e in positives}
    confidence = min(0.99, best + 0.05 * (len(kinds) - 1) + 0.02 * min(len(positives) - 1, 3))
    if spec.context and not find_phrases(
        document.title + " " + document.full_text[:20000], spec.context
    ):
        confidence *= 0.6
    positives.sort(key=lambda e: -e.strength)
    return ItemMatch(item.id, _result(confidence, spec), round(confidence, 3), positives[:5])


def match_document(document: Document, checklist: Checklist) -> dict[str, ItemMatch]:
    return {item.id: match_item(document, item) for item in checklist.items}

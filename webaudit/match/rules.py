"""A checklist's matcher blocks, compiled once into signals the engine evaluates.

Every `matcher:` key becomes signals: the plain lists (strong_phrases, phrases, link_text,
link_patterns, structure hints) get fixed weights, and `signals` are taken as written, with
their `@term` references expanded. Compiling also registers every phrase with the Lexicon, so
matching never compiles anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from webaudit.checklists import Checklist, ChecklistItem, MatcherSpec, Scope, Signal
from webaudit.match.lexicon import Group, Lexicon, Phrase

STRONG = 0.85  # a strong phrase alone passes
WEAK = 0.4  # a plain phrase alone is worth a look (review)
LINK_TEXT = 0.75
LINK_URL = 0.6
STRUCTURE = 0.3  # structure hints only corroborate other evidence
# An item with its own signals uses its plain lists to corroborate only: the signals decide.
SUPPORTING = {"strong_phrases": 0.4, "phrases": 0.3, "link_text": 0.4, "link_patterns": 0.35}
CONTEXT = "@context"  # the plain `context` list, as a group of `all`

# Structure hints as signals (item-independent; the item's context still applies).
STRUCTURE_SIGNALS: dict[str, dict[str, object]] = {
    "calculator_form": {
        "kind": "form",
        "any": ["inkomst", "pension", "hyra", "boendekostnad", "timmar"],
        "min_fields": 1,
        "min_numeric": 1,
        "buttons": ["beräkna", "räkna", "kalkyl", "visa"],
        "note": "formulär med sifferfält och en beräkna-knapp",
    },
    "eservice_link": {
        "kind": "link",
        "url": [r"/oversikt/overview/\d+", r"(?<![a-z])e-?tjanst", r"mina-?sidor"],
        "note": "länk till en e-tjänstplattform",
    },
    "pdf_link": {"kind": "link", "url": [r"\.pdf(\b|$)"], "note": "länk till ett PDF-dokument"},
    "iframe": {"kind": "frame", "url": [r"^https?:"], "note": "inbäddad ram (ofta en e-tjänst)"},
    "contact_block": {
        "kind": "text",
        "any": ["telefon", "tel", "e-post", "telefontid", "ring"],
        "note": "kontaktuppgifter (telefon, e-post)",
    },
}


@dataclass(frozen=True)
class CompiledSignal:
    item_id: str
    id: str
    kind: str
    any: tuple[Phrase, ...]
    url: tuple[re.Pattern[str], ...]
    all: tuple[Group, ...]  # every group must be present (one phrase of each)
    near: Scope
    context: Group  # one phrase must be present within context_near (if any)
    context_near: Scope
    unless: Group  # one phrase within unless_near cancels the hit
    unless_near: Scope
    unless_url: tuple[re.Pattern[str], ...]
    buttons: tuple[Phrase, ...]
    min_fields: int
    min_numeric: int
    chrome: bool
    strength: float
    note: str
    any_words: frozenset[int] = frozenset()  # every word of `any`: a quick 'cannot match'
    url_any: re.Pattern[str] | None = None  # the `url` regexes as one alternation
    url_lines: re.Pattern[str] | None = None  # the same, for all of a page's URLs, one a line
    url_hints: tuple[str, ...] | None = None  # text one of the URLs must contain (None: any)


@dataclass(frozen=True)
class CompiledItem:
    id: str
    signals: tuple[CompiledSignal, ...]
    pass_threshold: float
    review_threshold: float


@dataclass
class CompiledChecklist:
    lexicon: Lexicon
    items: list[CompiledItem] = field(default_factory=list)


def required_literal(pattern: str) -> str | None:
    """The longest piece of plain text every match of `pattern` contains (lower case), if any.

    Used to skip a regex on a page whose URLs do not contain that text. Conservative: groups,
    classes, top-level alternatives and optional characters contribute nothing.
    """
    depth = 0
    for char in (
        pattern.replace("\\\\", "").replace("\\|", "").replace("\\(", "").replace("\\)", "")
    ):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            return None
    runs: list[str] = []
    current = ""
    index, size = 0, len(pattern)
    while index < size:
        char = pattern[index]
        atom: str | None
        if char == "\\" and index + 1 < size:
            following = pattern[index + 1]
            atom = following if following in ".-/\\?+*()[]{}|^$" else None
            index += 2
        elif char in "([":
            closing, level = (")" if char == "(" else "]"), 0
            while index < size:
                if pattern[index] == "\\":
                    index += 2
                    continue
                level += 1 if pattern[index] == char else -1 if pattern[index] == closing else 0
                index += 1
                if level == 0:
                    break
            atom = None
        else:
            atom = None if char in ".^$" else char
            index += 1
        quantifier = pattern[index] if index < size else ""
        if quantifier in ("?", "*", "{"):
            index = pattern.find("}", index) + 1 if quantifier == "{" else index + 1
            runs.append(current)
            current = ""
        elif quantifier == "+":
            index += 1
            runs.append(current + (atom or ""))
            current = ""
        elif atom is None:
            runs.append(current)
            current = ""
        else:
            current += atom
    runs.append(current)
    best = max(runs, key=len).lower()
    return best if len(best) >= 3 else None


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


def _hints(patterns: list[str]) -> tuple[str, ...] | None:
    hints = [required_literal(p) for p in patterns]
    return None if not hints or any(h is None for h in hints) else tuple(h for h in hints if h)


def _regexes(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def _signal(
    lexicon: Lexicon,
    item: ChecklistItem,
    signal: Signal,
    extra_unless: list[str] = (),  # type: ignore[assignment]
    unless_url: list[str] = (),  # type: ignore[assignment]
) -> CompiledSignal:
    spec = item.matcher

    def phrases(values: list[str]) -> tuple[Phrase, ...]:
        expanded: list[str] = []
        for value in values:
            expanded.extend(spec.context if value == CONTEXT else spec.expand([value]))
        return tuple(lexicon.phrase(p) for p in expanded)

    any_phrases = phrases(signal.any)
    return CompiledSignal(
        item_id=item.id,
        id=signal.id,
        kind=signal.kind,
        any=any_phrases,
        url=_regexes(signal.url),
        all=tuple(lexicon.group(phrases([entry])) for entry in signal.all),
        near=signal.near,
        context=lexicon.group(phrases(signal.context)),
        context_near=signal.context_near,
        unless=lexicon.group(phrases([*signal.unless, *extra_unless])),
        unless_near=signal.unless_near,
        unless_url=_regexes(list(unless_url)),
        buttons=phrases(signal.buttons),
        min_fields=signal.min_fields,
        min_numeric=signal.min_numeric,
        chrome=signal.chrome,
        strength=signal.strength,
        note=signal.note,
        any_words=frozenset(word for phrase in any_phrases for word in phrase.words),
        url_any=re.compile(_alternation(signal.url), re.IGNORECASE) if signal.url else None,
        url_lines=re.compile(_alternation(signal.url), re.IGNORECASE | re.MULTILINE)
        if signal.url
        else None,
        url_hints=_hints(signal.url),
    )


def plain_signals(spec: MatcherSpec) -> list[Signal]:
    """The fixed-weight signals behind the plain lists of a matcher block."""
    context = [CONTEXT] if spec.context else []
    out: list[Signal] = []
    if spec.strong_phrases:
        out.append(
            Signal(
                id="strong_phrases",
                any=spec.strong_phrases,
                context=context,
                context_near="page",
                strength=STRONG,
                note="stark fras",
            )
        )
    if spec.phrases:
        out.append(
            Signal(
                id="phrases",
                any=spec.phrases,
                context=context,
                context_near="page",
                strength=WEAK,
                note="fras",
            )
        )
    if spec.link_text:
        out.append(
            Signal(
                id="link_text",
                kind="link",
                any=spec.link_text,
                context=context,
                context_near="page",
                strength=LINK_TEXT,
                note="länktext",
            )
        )
    if spec.link_patterns:
        out.append(
            Signal(
                id="link_patterns",
                kind="link",
                url=spec.link_patterns,
                context=context,
                context_near="page",
                strength=LINK_URL,
                note="länkadress",
            )
        )
    if spec.signals:
        out = [
            s.model_copy(update={"strength": SUPPORTING[s.id]}) if s.id in SUPPORTING else s
            for s in out
        ]
    for hint in spec.structure:
        values = dict(STRUCTURE_SIGNALS[hint])
        out.append(
            Signal.model_validate(
                {
                    **values,
                    "id": f"structure_{hint}",
                    "context": context,
                    "context_near": "page",
                    "strength": STRUCTURE,
                }
            )
        )
    return out


def compile_item(lexicon: Lexicon, item: ChecklistItem) -> CompiledItem:
    spec = item.matcher
    # negative_phrases belong to the plain lists; signals carry their own `unless`.
    signals = [
        _signal(lexicon, item, s, spec.negative_phrases, spec.negative_link_patterns)
        for s in plain_signals(spec)
    ]
    signals += [_signal(lexicon, item, s, [], spec.negative_link_patterns) for s in spec.signals]
    return CompiledItem(item.id, tuple(signals), spec.pass_threshold, spec.review_threshold)


_COMPILED: dict[int, tuple[Checklist, CompiledChecklist]] = {}


def compile_checklist(checklist: Checklist) -> CompiledChecklist:
    """Compile once per checklist object (checklists are frozen; the entry keeps it alive)."""
    cached = _COMPILED.get(id(checklist))
    if cached is not None and cached[0] is checklist:
        return cached[1]
    lexicon = Lexicon()
    compiled = CompiledChecklist(lexicon)
    for item in checklist.items:
        compiled.items.append(compile_item(lexicon, item))
    if len(_COMPILED) >= 8:
        _COMPILED.clear()
    _COMPILED[id(checklist)] = (checklist, compiled)
    return compiled

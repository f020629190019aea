"""Checklist files: load and strictly validate.

A checklist is data: the items a reviewer checks, the rule they apply, the weight each item
carries in its sub-index, and the matcher specification the pre-flagging reads. Tuning a matcher
is mostly editing its `matcher:` block. Unknown keys, duplicate ids, missing fields and bad
weights fail with the file, the item and the key named.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from webaudit.config import PROJECT_ROOT
from webaudit.errors import ChecklistError
from webaudit.yamlfile import read_yaml

CHECKLIST_DIR = PROJECT_ROOT / "checklists"
ITEM_ID = r"^[a-z][a-z0-9_]*$"

# Structural hints the matchers understand; an unknown hint is a checklist error.
StructureHint = Literal[
    "calculator_form",  # a form with numeric inputs (income, rent, hours) and a computed result
    "eservice_link",  # a link to an e-service platform (other host, /oversikt/overview/<n>, ...)
    "pdf_link",  # a link to a PDF document
    "iframe",  # an embedded frame (e-services are often embedded)
    "contact_block",  # phone numbers / e-mail addresses near the phrases
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(_Strict):
    """The same text in Swedish (shown to reviewers and municipalities) and English."""

    sv: str = Field(min_length=1)
    en: str = Field(min_length=1)


Scope = Literal["sentence", "block", "section", "page"]
SignalKind = Literal["text", "link", "frame", "form", "page"]
TERM_NAME = r"^[a-z][a-z0-9_]*$"


def _check_regexes(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"ogiltigt reguljärt uttryck {pattern!r}: {error}") from error
    return patterns


def _check_phrases(phrases: list[str]) -> list[str]:
    if any(not phrase.strip() or phrase.strip() in ("=", "@") for phrase in phrases):
        raise ValueError("en fras är tom")
    return phrases


class Signal(_Strict):
    """One kind of evidence for an item, with where it must (and must not) sit.

    `any` holds phrases or `@term` references (a list under the spec's `terms`); what they are
    matched against depends on `kind`: a sentence of the page (text), a link's text (link), a
    frame's title (frame), a form's field labels (form), the page title and first heading (page).
    `url` holds regexes on the link or frame target (link, frame) or the page URL (page); when
    both `any` and `url` are given, both must match. Every entry of `all` must also occur within
    `near` of the hit, and one entry of `context` within `context_near` (the topic: hemtjänst);
    any entry of `unless` within `unless_near` cancels the hit (a near miss).
    A negative `strength` is counter-evidence that lowers the page's confidence.
    """

    id: str = Field(pattern=TERM_NAME)
    kind: SignalKind = "text"
    any: list[str] = Field(default_factory=list)
    url: list[str] = Field(default_factory=list)
    all: list[str] = Field(default_factory=list)
    near: Scope = "section"
    context: list[str] = Field(default_factory=list)
    context_near: Scope = "section"
    unless: list[str] = Field(default_factory=list)
    unless_near: Scope = "sentence"
    buttons: list[str] = Field(default_factory=list, description="form: a button label matches")
    min_fields: int = Field(0, ge=0, le=20, description="form: field labels matching `any`")
    min_numeric: int = Field(0, ge=0, le=20, description="form: inputs that take numbers")
    chrome: bool = Field(True, description="count hits in menus/header/footer (at half strength)")
    strength: float = Field(ge=-1, le=1)
    note: str = Field(min_length=1, description="why this counts, in Swedish (webaudit explain)")

    @field_validator("url")
    @classmethod
    def _regexes_compile(cls, patterns: list[str]) -> list[str]:
        return _check_regexes(patterns)

    @field_validator("any", "all", "context", "unless", "buttons")
    @classmethod
    def _phrases_not_blank(cls, phrases: list[str]) -> list[str]:
        return _check_phrases(phrases)

    @model_validator(mode="after")
    def _has_something_to_match(self) -> Signal:
        if not self.any and not self.url and not (self.kind == "form" and self.buttons):
            raise ValueError(f"signalen '{self.id}' saknar både 'any' och 'url'")
        if self.kind == "text" and not self.any:
            raise ValueError(f"signalen '{self.id}' (text) behöver 'any'")
        return self

    def references(self) -> list[str]:
        return [
            p[1:] for p in (*self.any, *self.all, *self.context, *self.unless) if p.startswith("@")
        ]


class MatcherSpec(_Strict):
    """What the matchers look for. Phrases are matched on normalised, stemmed Swedish text.

    The plain lists (phrases, strong_phrases, link_text, link_patterns ...) are evidence of a
    fixed weight; `signals` describe precise evidence (a calculator link near 'hemtjänst', not in
    a sentence about förskola) using named phrase lists from `terms`.
    """

    phrases: list[str] = Field(default_factory=list, description="evidence for the item")
    strong_phrases: list[str] = Field(
        default_factory=list, description="evidence strong enough for a pass on its own"
    )
    context: list[str] = Field(
        default_factory=list, description="one must occur on the page for a pass (e.g. hemtjänst)"
    )
    negative_phrases: list[str] = Field(
        default_factory=list, description="in the same sentence, a phrase does not count"
    )
    link_patterns: list[str] = Field(
        default_factory=list, description="regexes on a link's absolute URL that count as evidence"
    )
    negative_link_patterns: list[str] = Field(default_factory=list)
    link_text: list[str] = Field(default_factory=list, description="phrases in a link's text")
    structure: list[StructureHint] = Field(default_factory=list)
    url_hints: list[str] = Field(
        default_factory=list, description="regexes on a page URL that make it a likely location"
    )
    terms: dict[str, list[str]] = Field(
        default_factory=dict, description="named phrase lists that signals refer to as @name"
    )
    signals: list[Signal] = Field(default_factory=list)
    pass_threshold: float = Field(0.8, gt=0, le=1)
    review_threshold: float = Field(0.35, ge=0, lt=1)

    @field_validator("link_patterns", "negative_link_patterns", "url_hints")
    @classmethod
    def _regexes_compile(cls, patterns: list[str]) -> list[str]:
        return _check_regexes(patterns)

    @field_validator("phrases", "strong_phrases", "context", "negative_phrases", "link_text")
    @classmethod
    def _phrases_not_blank(cls, phrases: list[str]) -> list[str]:
        return _check_phrases(phrases)

    @field_validator("terms")
    @classmethod
    def _terms_valid(cls, terms: dict[str, list[str]]) -> dict[str, list[str]]:
        for name, phrases in terms.items():
            if not re.fullmatch(TERM_NAME, name):
                raise ValueError(f"ogiltigt termnamn {name!r}")
            if not phrases:
                raise ValueError(f"termen '{name}' är tom")
            _check_phrases(phrases)
            if any(p.startswith("@") for p in phrases):
                raise ValueError(f"termen '{name}' får inte hänvisa till andra termer")
        return terms

    @model_validator(mode="after")
    def _signals_consistent(self) -> MatcherSpec:
        seen: set[str] = set()
        for signal in self.signals:
            if signal.id in seen:
                raise ValueError(f"signalen '{signal.id}' förekommer två gånger")
            seen.add(signal.id)
            for name in signal.references():
                if name not in self.terms:
                    raise ValueError(f"signalen '{signal.id}' hänvisar till okänd term '@{name}'")
        if self.review_threshold >= self.pass_threshold:
            raise ValueError("review_threshold måste vara lägre än pass_threshold")
        return self

    def expand(self, phrases: list[str]) -> list[str]:
        """Phrases with `@term` references replaced by the term's phrases."""
        out: list[str] = []
        for phrase in phrases:
            out.extend(self.terms[phrase[1:]] if phrase.startswith("@") else [phrase])
        return out


class ChecklistItem(_Strict):
    id: str = Field(pattern=ITEM_ID)
    title: Localized
    counts: Localized = Field(description="what counts as the item being present")
    does_not_count: Localized = Field(description="near misses that do not count")
    subindex: str = "information"
    weight: float = Field(gt=0, le=100)
    source: Literal["confirmed", "assumed"]
    matcher: MatcherSpec = Field(default_factory=MatcherSpec)


class Checklist(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    version: str = Field(min_length=1)
    round: str = Field(pattern=r"^\d{4}$", description="the review year")
    title: Localized
    description: Localized | None = None
    items: list[ChecklistItem] = Field(min_length=1)

    @field_validator("round", "version", mode="before")
    @classmethod
    def _numbers_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) else value

    @cached_property
    def by_id(self) -> dict[str, ChecklistItem]:
        return {item.id: item for item in self.items}

    def item(self, item_id: str) -> ChecklistItem:
        try:
            return self.by_id[item_id]
        except KeyError:
            from webaudit.errors import NotFoundError

            raise NotFoundError(f"punkten '{item_id}' finns inte i checklistan {self.id}") from None

    def __iter__(self) -> Iterator[ChecklistItem]:  # type: ignore[override]
        return iter(self.items)


class LoadedChecklist(_Strict):
    """A validated checklist with the path and hash of the file it came from."""

    checklist: Checklist
    path: Path
    sha256: str
    text: str


def _describe_location(raw: Any, loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic location into 'item 'x' (nr 3): nyckel 'matcher.phrasez''."""
    if len(loc) >= 2 and loc[0] == "items" and isinstance(loc[1], int):
        index = loc[1]
        item_id = "?"
        if isinstance(raw, dict) and isinstance(raw.get("items"), list):
            items = raw["items"]
            if index < len(items) and isinstance(items[index], dict):
                item_id = str(items[index].get("id", "?"))
        key = ".".join(str(part) for part in loc[2:]) or "(punkten)"
        return f"punkt '{item_id}' (nr {index + 1}): nyckel '{key}'"
    return f"nyckel '{'.'.join(str(part) for part in loc)}'"


_MESSAGES = {
    "extra_forbidden": "okänd nyckel",
    "missing": "saknas",
}


def parse_checklist(raw: Any, path: Path) -> Checklist:
    if not isinstance(raw, dict):
        raise ChecklistError(
            path, "en checklista måste vara en YAML-mappning med id, version, round, items"
        )
    try:
        checklist = Checklist.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        message = _MESSAGES.get(first["type"], first["msg"])
        raise ChecklistError(path, message, where=_describe_location(raw, first["loc"])) from error
    seen: set[str] = set()
    for number, item in enumerate(checklist.items, start=1):
        if item.id in seen:
            raise ChecklistError(
                path,
                "id förekommer två gånger",
                where=f"punkt '{item.id}' (nr {number}): nyckel 'id'",
            )
        seen.add(item.id)
    return checklist


def load_checklist(path: Path | None = None) -> LoadedChecklist:
    """Load and validate a checklist file (default: the newest bundled one)."""
    path = path or default_checklist_path()
    raw_bytes = _read_bytes(path)
    raw = read_yaml(path, ChecklistError)
    checklist = parse_checklist(raw, path)
    return LoadedChecklist(
        checklist=checklist,
        path=path,
        sha256=hashlib.sha256(raw_bytes).hexdigest(),
        text=raw_bytes.decode("utf-8"),
    )


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as error:
        raise ChecklistError(path, "filen finns inte") from error
    except OSError as error:
        raise ChecklistError(path, f"kan inte läsas ({error.strerror})") from error


def default_checklist_path() -> Path:
    """The bundled checklist for the newest round."""
    candidates = sorted(CHECKLIST_DIR.glob("hemtjanstindex-*.yaml"))
    if not candidates:
        raise ChecklistError(CHECKLIST_DIR, "ingen checklista hittades (hemtjanstindex-ÅÅÅÅ.yaml)")
    return candidates[-1]

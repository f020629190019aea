"""A page as the matchers see it: sentences, links, forms and frames, each with a location."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from webaudit.text import normalize_space

BLOCK_TAGS = "p, li, td, th, h1, h2, h3, h4, h5, h6, dd, dt, summary, figcaption, blockquote, label, legend, caption, button, a"
# Navigation, footers and cookie banners repeat on every page; their words are not evidence.
CHROME_SELECTOR = "nav, header, footer, [role=navigation], [role=banner], [role=contentinfo], script, style, noscript, template, svg"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])")


@dataclass(frozen=True)
class Sentence:
    text: str
    location: str


@dataclass(frozen=True)
class PageLink:
    url: str
    text: str
    location: str
    in_chrome: bool


@dataclass(frozen=True)
class Form:
    location: str
    text: str
    number_inputs: int
    inputs: int
    has_submit: bool


@dataclass
class Document:
    url: str
    title: str
    sentences: list[Sentence] = field(default_factory=list)
    links: list[PageLink] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)
    frames: list[PageLink] = field(default_factory=list)
    full_text: str = ""
    is_pdf: bool = False


def css_path(node: LexborNode) -> str:
    """A CSS selector that finds this element again (ids where present, else nth-of-type)."""
    parts: list[str] = []
    current: LexborNode | None = node
    while current is not None and current.tag not in (None, "html", "-document"):
        tag = current.tag or "*"
        node_id = current.attributes.get("id") if current.attributes else None
        if node_id and re.fullmatch(r"[A-Za-z][\w-]*", node_id):
            parts.append(f"{tag}#{node_id}")
            break
        index = 1
        sibling = current.prev
        while sibling is not None:
            if sibling.tag == tag:
                index += 1
            sibling = sibling.prev
        parts.append(f"{tag}:nth-of-type({index})")
        current = current.parent
    return " > ".join(reversed(parts))


_INNER_BLOCKS = frozenset(tag.strip() for tag in BLOCK_TAGS.split(",")) - {"a", "button"}


def _contains_block(node: LexborNode) -> bool:
    """Whether a block element holds another block element (traverse() starts at the node)."""
    return any(child.tag in _INNER_BLOCKS for child in list(node.traverse(include_text=False))[1:])


def _in_chrome(node: LexborNode) -> bool:
    current = node.parent
    while current is not None and current.tag not in (None, "html"):
        if current.tag in ("nav", "header", "footer"):
            return True
        role = current.attributes.get("role") if current.attributes else None
        if role in ("navigation", "banner", "contentinfo"):
            return True
        current = current.parent
    return False


def parse_html(html: str, url: str) -> Document:
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    document = Document(url=url, title=normalize_space(title_node.text()) if title_node else "")
    for node in tree.css("a[href]"):
        href = (node.attributes.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:")):
            document.links.append(
                PageLink(
                    urljoin(url, href),
                    normalize_space(node.text(deep=True)),
                    css_path(node),
                    _in_chrome(node),
                )
            )
    for node in tree.css("iframe[src]"):
        document.frames.append(
            PageLink(
                urljoin(url, node.attributes.get("src") or ""),
                node.attributes.get("title") or "",
                css_path(node),
                False,
            )
        )
    for node in tree.css("form"):
        inputs = node.css("input, select, textarea")
        numbers = [
            field
            for field in inputs
            if (field.attributes.get("type") or "").lower() in ("number", "range")
            or (field.attributes.get("inputmode") or "") in ("numeric", "decimal")
            or field.tag == "select"
        ]
        submit = bool(node.css_first("button, input[type=submit], input[type=button]"))
        document.forms.append(
            Form(
                css_path(node),
                normalize_space(node.text(deep=True))[:2000],
                len(numbers),
                len(inputs),
                submit,
            )
        )
    for chrome in tree.css(CHROME_SELECTOR):
        chrome.decompose()
    seen: set[str] = set()
    for node in tree.css(BLOCK_TAGS):
        # Only the innermost blocks carry their own text; outer ones would repeat it.
        if node.tag not in ("a", "button") and _contains_block(node):
            continue
        text = normalize_space(node.text(deep=True))
        if len(text) < 3 or text in seen:
            continue
        seen.add(text)
        location = css_path(node)
        for sentence in SENTENCE_END.split(text):
            document.sentences.append(Sentence(sentence, location))
    body = tree.body
    document.full_text = normalize_space(body.text(separator=" ")) if body else ""
    if not document.sentences and document.full_text:
        for sentence in SENTENCE_END.split(document.full_text):
            document.sentences.append(Sentence(sentence, "body"))
    return document


def parse_text(text: str, url: str, *, is_pdf: bool = True) -> Document:
    """A plain-text document (a PDF's text): sentences only, located by page paragraph."""
    document = Document(url=url, title="", is_pdf=is_pdf, full_text=normalize_space(text))
    for number, paragraph in enumerate(re.split(r"\n\s*\n", text), start=1):
        paragraph = normalize_space(paragraph)
        for sentence in SENTENCE_END.split(paragraph):
            if len(sentence) >= 3:
                document.sentences.append(Sentence(sentence, f"pdf-stycke-{number}"))
    return document

"""A page as the matchers see it, parsed once for every item.

Blocks of text (paragraphs, list items, cells, headings ...) in document order, each knowing its
section (the headings above it) and whether it sits in the site chrome (menus, header, footer,
cookie banners) that repeats on every page; links and frames with the sentence around them;
input widgets (forms and loose groups of inputs) with their field labels and buttons.

Parsing is one pass of selectolax/lexbor: block and link boundaries are marked with private-use
characters inside the tree, the text is taken once in C, and the marked stream is split in
Python. Locations (CSS selectors) are computed only for the elements that become evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from webaudit.match.forms import Widget, find_widgets

BLOCK_TAGS = (
    "p, li, td, th, h1, h2, h3, h4, h5, h6, dd, dt, div, section, article, main, aside, form, "
    "fieldset, table, tr, ul, ol, dl, blockquote, figure, figcaption, summary, details, label, "
    "legend, caption, button, option, pre, address, header, footer, nav, body"
)
UI_TAGS = frozenset({"option", "button", "label", "legend"})
HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
DROP_TAGS = "script, style, noscript, template, svg, head"
CHROME_SELECTOR = (
    "nav, header, footer, [role=navigation], [role=banner], [role=contentinfo], "
    "[role=search], [aria-label*=kakor i], [class*=cookie], [id*=cookie], [class*=breadcrumb], "
    "[class*=skip-link], [class*=skiplink]"
)
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[\"'(«»–-]?[A-ZÅÄÖÉ0-9])")


def normalize_space(text: str) -> str:
    """Collapse runs of whitespace (str.split is faster than a regex on short strings)."""
    return " ".join(text.split())


ABBREVIATION_END = re.compile(
    r"(?:\b(?:kap|t\.ex|bl\.a|m\.m|ca|nr|s\.k|p\.g\.a|kl|jfr|resp|st|tel|fr\.o\.m|t\.o\.m|"
    r"o\.s\.v|d\.v\.s|dvs|inkl|exkl|max|min|tim|mån|kr)\.|\b[A-ZÅÄÖ]\.)$",
    re.IGNORECASE,
)
CHECK_BOXES = "☐☑☒□■"
PDF_ITEM = re.compile(r"^[☐☑☒•▪◦●○■□\-–*]\s|^\d+[.)]\s")
MARK = re.compile(r"\ue000([BELWST])(\d+)\ue001")
MAX_BLOCK_CHARS = 4000


@dataclass(frozen=True)
class Sentence:
    block: int
    index: int  # within the block
    start: int  # offset in the block text
    text: str


@dataclass
class Block:
    index: int
    tag: str
    text: str
    chrome: bool
    section: int  # index of the heading block that opens this block's section (-1: none)
    headings: tuple[int, ...]  # the heading chain above this block, outermost first
    level: int = 0  # heading level (1-6) when the block is a heading, else 0
    in_link: bool = False  # the text of a teaser card or link list: navigation, not content
    ui: bool = False  # a form control's text (option, button, label, check box): not information
    node: LexborNode | None = field(default=None, repr=False, compare=False)
    location_hint: str = ""  # used when there is no node (PDF paragraphs)
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class PageLink:
    index: int
    url: str
    text: str  # visible text, else the image's alt, aria-label or title
    block: int  # the block the link sits in (-1 when unknown)
    offset: int  # where the link starts in that block's text
    chrome: bool
    node: LexborNode | None = field(default=None, repr=False, compare=False)
    is_frame: bool = False


@dataclass
class Document:
    url: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    links: list[PageLink] = field(default_factory=list)
    widgets: list[Widget] = field(default_factory=list)
    is_pdf: bool = False
    tree: LexborHTMLParser | None = field(default=None, repr=False, compare=False)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for b in self.blocks for s in b.sentences]

    @property
    def full_text(self) -> str:
        return " ".join(b.text for b in self.blocks)

    def location(self, block: int) -> str:
        if block < 0 or block >= len(self.blocks):
            return "body"
        target = self.blocks[block]
        return css_path(target.node) if target.node is not None else target.location_hint

    def section_blocks(self, block: int) -> list[int]:
        """The blocks of the section a block belongs to, its heading chain included."""
        section = self.blocks[block].section
        chain = list(self.blocks[block].headings)
        members = [b.index for b in self.blocks if b.section == section and b.index not in chain]
        return chain + members


def css_path(node: LexborNode | None) -> str:
    """A CSS selector that finds this element again (ids where present, else nth-of-type)."""
    parts: list[str] = []
    current = node
    while current is not None and current.tag not in (None, "html", "-document"):
        tag = current.tag or "*"
        node_id = current.attributes.get("id") if current.is_element_node else None
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
    return " > ".join(reversed(parts)) or "body"


def _is_chrome_container(node: LexborNode) -> bool:
    """header/footer inside an article or main are the article's own, not the site's."""
    if node.tag not in ("header", "footer"):
        return True
    parent = node.parent
    while parent is not None and parent.tag not in (None, "html"):
        if parent.tag in ("main", "article") or (
            parent.attributes.get("role") == "main" if parent.is_element_node else False
        ):
            return False
        parent = parent.parent
    return True


def _is_control(node: LexborNode) -> bool:
    """Options, labels and a form's buttons are controls; a button elsewhere (an accordion's)
    is a heading of the content it opens."""
    if node.tag != "button":
        return node.tag in UI_TAGS
    attributes = node.attributes
    if "aria-expanded" in attributes or "aria-controls" in attributes:
        return False
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.tag == "form":
            return True
        parent = parent.parent
    return False


def _link_text(node: LexborNode) -> str:
    text = normalize_space(node.text(deep=True, separator=" "))
    if text:
        return text
    for attribute in ("aria-label", "title"):
        value = node.attributes.get(attribute)
        if value:
            return normalize_space(value)
    image = node.css_first("img[alt]")
    return normalize_space(image.attributes.get("alt") or "") if image else ""


def split_sentences(text: str) -> list[str]:
    """Sentences of a text; abbreviations ('4 kap. 2 a §', 't.ex.') do not end one."""
    pieces: list[str] = []
    for piece in SENTENCE_END.split(text):
        if pieces and ABBREVIATION_END.search(pieces[-1]):
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return pieces


def _split_sentences(block: Block) -> None:
    start = 0
    text = block.text
    for number, piece in enumerate(split_sentences(text)):
        offset = text.find(piece, start)
        block.sentences.append(Sentence(block.index, number, max(offset, 0), piece))
        start = max(offset, 0) + len(piece)


def _absolute(base: str, origin: str, href: str) -> str:
    """urljoin, with fast paths for the common absolute and root-relative links."""
    if href.startswith(("http://", "https://")):
        return href
    if href.startswith("/") and not href.startswith("//") and origin:
        return origin + href
    return urljoin(base, href)


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    ids = {node.mem_id for node in nodes}
    outer = []
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in ids:
            parent = parent.parent
        if parent is None:
            outer.append(node)
    return outer


def parse_html(html: str, url: str) -> Document:
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    document = Document(
        url=url, title=normalize_space(title_node.text()) if title_node else "", tree=tree
    )
    for node in tree.css(DROP_TAGS):
        if node.tag != "head":
            node.decompose()

    # Site chrome (menus, header, footer, cookie banner) repeats on every page: its links are
    # kept (flagged), its text is skipped. The tree stays whole so selectors remain valid.
    chrome = _outermost([c for c in tree.css(CHROME_SELECTOR) if _is_chrome_container(c)])
    chrome_blocks: set[int] = set()
    chrome_links: set[int] = set()
    for container in chrome:
        chrome_blocks.add(container.mem_id)
        chrome_blocks.update(inner.mem_id for inner in container.css(BLOCK_TAGS))
        chrome_links.update(inner.mem_id for inner in container.css("a[href], iframe[src]"))
        container.insert_before("\ue000S0\ue001")
        container.insert_after("\ue000T0\ue001")
    for node in tree.css("br, img[alt], hr"):
        # Line breaks and images separate words; images speak through their alt text.
        alt = node.attributes.get("alt") if node.tag == "img" else None
        node.insert_before(f" {alt} " if alt else " ")
    document.widgets = [
        w for w in find_widgets(tree) if w.node is None or not _inside(w.node, chrome)
    ]

    # Links and frames: a marker before each, so we learn the block and offset they sit at.
    split = urlsplit(url)
    origin = f"{split.scheme}://{split.netloc}" if split.scheme and split.netloc else ""
    linked_ids: set[int] = set()
    for node in tree.css("a[href], area[href], iframe[src]"):
        attribute = "src" if node.tag == "iframe" else "href"
        href = (node.attributes.get(attribute) or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        text = (
            _link_text(node)
            if node.tag != "iframe"
            else normalize_space(node.attributes.get("title") or "")
        )
        index = len(document.links)
        in_chrome = node.mem_id in chrome_links
        document.links.append(
            PageLink(
                index,
                _absolute(url, origin, href),
                text,
                -1,
                0,
                in_chrome,
                node,
                is_frame=node.tag == "iframe",
            )
        )
        if in_chrome:
            continue
        node.insert_before(f"\ue000L{index}\ue001")
        if node.tag == "a":
            linked_ids.update(inner.mem_id for inner in node.css(BLOCK_TAGS))
    for widget in document.widgets:
        if widget.node is not None:
            widget.node.insert_before(f"\ue000W{widget.index}\ue001")

    block_nodes = [node for node in tree.css(BLOCK_TAGS) if node.mem_id not in chrome_blocks]
    for number, node in enumerate(block_nodes):
        node.insert_before(f"\ue000B{number}\ue001")
        node.insert_after(f"\ue000E{number}\ue001")
    root = tree.body or tree.root
    stream = root.text(deep=True) if root is not None else ""
    _read_stream(document, stream, block_nodes, linked_ids)
    return document


def _inside(node: LexborNode, containers: list[LexborNode]) -> bool:
    ids = {c.mem_id for c in containers}
    parent: LexborNode | None = node
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


def _read_stream(
    document: Document,
    stream: str,
    block_nodes: list[LexborNode],
    linked_ids: set[int],
) -> None:
    """Split the marked text into blocks; attach links and widgets to their blocks.

    A block gets its slot (and its heading chain) when it opens, so blocks end up in reading
    order; its text is complete when it closes. Empty blocks are dropped at the end.
    """
    slots: list[Block] = []
    open_slots: list[tuple[int, int]] = []  # (block-node number, slot)
    buffers: dict[int, list[str]] = {}
    links: dict[int, list[tuple[int, int]]] = {}  # slot -> (link, offset in its text)
    widgets: dict[int, list[int]] = {}
    waiting_widgets: list[int] = []
    headings: dict[int, int] = {}  # level -> slot of the current heading at that level
    position = 0

    def close(slot: int) -> None:
        block = slots[slot]
        block.text = normalize_space("".join(buffers.pop(slot, [])))[:MAX_BLOCK_CHARS]
        level = HEADING_LEVEL.get(block.tag, 0)
        if level and block.text:
            for deeper in [lvl for lvl in headings if lvl >= level]:
                del headings[deeper]
            headings[level] = slot
            block.level = level
            block.section = slot
            block.headings = tuple(headings[lvl] for lvl in sorted(headings))

    skipping = 0  # inside site chrome: its text is not content
    for marker in MARK.finditer(stream):
        if open_slots and marker.start() > position and not skipping:
            buffers[open_slots[-1][1]].append(stream[position : marker.start()])
        position = marker.end()
        kind, number = marker.group(1), int(marker.group(2))
        if kind == "S":
            skipping += 1
        elif kind == "T":
            skipping = max(0, skipping - 1)
        elif kind == "B":
            node = block_nodes[number]
            chain = tuple(headings[lvl] for lvl in sorted(headings))
            slot = len(slots)
            slots.append(
                Block(
                    index=slot,
                    tag=node.tag or "",
                    text="",
                    chrome=False,  # site chrome is skipped (S/T markers), never a block
                    section=chain[-1] if chain else -1,
                    headings=chain,
                    in_link=node.mem_id in linked_ids,
                    ui=node.tag in UI_TAGS and _is_control(node),
                    node=node,
                )
            )
            open_slots.append((number, slot))
            buffers[slot] = []
            # A widget belongs to the block that opens right after its marker (itself, usually):
            # that block knows the headings above the widget.
            for widget_number in waiting_widgets:
                widgets.setdefault(slot, []).append(widget_number)
            waiting_widgets.clear()
        elif kind == "E":
            if any(open_number == number for open_number, _ in open_slots):
                while open_slots:  # close anything left open inside (malformed nesting)
                    open_number, slot = open_slots.pop()
                    close(slot)
                    if open_number == number:
                        break
        elif open_slots:
            slot = open_slots[-1][1]
            if kind == "L":
                offset = len(normalize_space("".join(buffers[slot])))
                links.setdefault(slot, []).append((number, offset + (1 if offset else 0)))
            else:
                waiting_widgets.append(number)
    for widget_number in waiting_widgets:  # no block after it: the last open one holds it
        if slots:
            widgets.setdefault(slots[-1].index, []).append(widget_number)
    if open_slots and position < len(stream) and not skipping:
        buffers[open_slots[-1][1]].append(stream[position:])
    while open_slots:
        close(open_slots.pop()[1])

    keep = [b for b in slots if b.text or b.index in links or b.index in widgets or b.level]
    renumber = {block.index: new for new, block in enumerate(keep)}
    for block in keep:
        old = block.index
        block.index = renumber[old]
        block.section = renumber.get(block.section, -1)
        block.headings = tuple(renumber[h] for h in block.headings if h in renumber)
        _split_sentences(block)
        for link_index, offset in links.get(old, []):
            link = document.links[link_index]
            link.block, link.offset, link.chrome = block.index, offset, block.chrome
        for widget_index in widgets.get(old, []):
            widget = document.widgets[widget_index]
            widget.block, widget.chrome = block.index, block.chrome
    document.blocks = keep


def parse_text(text: str, url: str, *, is_pdf: bool = True, title: str = "") -> Document:
    """A plain-text document (a PDF's text): blocks rebuilt from its lines, no links.

    PDF text comes as lines: a wrapped paragraph continues on the next line, while a short line
    without an ending stop is a heading or a form label, and a line starting with a bullet or a
    check box is an item of its own.
    """
    document = Document(url=url, title=title, is_pdf=is_pdf)
    paragraphs: list[tuple[str, bool]] = []  # (text, is_heading)
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append((normalize_space(" ".join(current)), False))
            current.clear()

    lines = [normalize_space(line) for line in text.splitlines()]
    for number, line in enumerate(lines):
        if not line:
            flush()
            continue
        following = next((n for n in lines[number + 1 :] if n), "")
        if PDF_ITEM.match(line):
            flush()
            numbered = line[:1].isdigit() and len(line) < 60 and not line.endswith(".")
            paragraphs.append((line, numbered))
            continue
        current.append(line)
        ends = line.endswith((".", "!", "?", ":", ";"))
        short = len(line) < 70 and not ends
        if ends or (short and (not following or following[:1].isupper())):
            heading = (
                short
                and len(current) == 1
                and len(line) < 60
                and not any(ch.isdigit() for ch in line)
            )
            if heading:
                current.clear()
                paragraphs.append((line, True))
            else:
                flush()
    flush()
    headings: tuple[int, ...] = ()
    for number, (paragraph, heading) in enumerate(paragraphs, start=1):
        if len(paragraph) < 2:
            continue
        index = len(document.blocks)
        if heading:
            headings = (index,)
        block = Block(
            index=index,
            tag="h3" if heading else "p",
            text=paragraph[:MAX_BLOCK_CHARS],
            chrome=False,
            section=headings[-1] if headings else -1,
            headings=headings,
            level=3 if heading else 0,
            ui=paragraph[:1] in CHECK_BOXES,
            location_hint=f"pdf-stycke-{number}",
        )
        _split_sentences(block)
        document.blocks.append(block)
    if not document.title and document.blocks:
        document.title = document.blocks[0].text[:120]
    return document

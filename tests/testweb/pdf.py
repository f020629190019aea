"""A minimal, valid PDF writer with real extractable text (pure Python).

Uses the standard Type1 font Helvetica (and Helvetica-Bold for headings) with WinAnsiEncoding,
so Swedish letters (å ä ö é) are single cp1252 bytes that any PDF text extractor maps back.
Characters outside cp1252 become '?'.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

PAGE_W, PAGE_H = 595, 842  # A4 in points
MARGIN = 56
BODY_SIZE, HEAD_SIZE = 11, 16
LEADING = 15
WRAP = 88  # characters per body line (Helvetica 11 pt on A4 with margins)
LINES_PER_PAGE = (PAGE_H - 2 * MARGIN) // LEADING - 2


def _esc(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _info_str(text: str) -> bytes:
    # PDFDocEncoding agrees with cp1252 for the Swedish letters we use
    return b"(" + _esc(text) + b")"


def make_pdf(
    title: str,
    paragraphs: Sequence[str | tuple[str, str]],
    *,
    author: str = "",
    page_break_before: int | None = None,
) -> bytes:
    """Build a PDF. ``paragraphs`` are strings, or ('h', text) / ('p', text) pairs for
    headings and body text. ``page_break_before``: index of a paragraph that starts a new page."""
    blocks: list[tuple[str, str]] = [("t", title)]
    for i, p in enumerate(paragraphs):
        if page_break_before is not None and i == page_break_before:
            blocks.append(("break", ""))
        blocks.append(p if isinstance(p, tuple) else ("p", p))

    # lay out into pages: each page is a list of (font, size, line) entries
    pages: list[list[tuple[str, int, str]]] = [[]]
    for kind, text in blocks:
        if kind == "break":
            pages.append([])
            continue
        if kind in ("t", "h"):
            lines = [
                (("F2"), HEAD_SIZE if kind == "t" else 13, ln) for ln in textwrap.wrap(text, 60)
            ] + [("F1", BODY_SIZE, "")]
        else:
            lines = [("F1", BODY_SIZE, ln) for ln in textwrap.wrap(text, WRAP)] + [
                ("F1", BODY_SIZE, "")
            ]
        for entry in lines:
            if len(pages[-1]) >= LINES_PER_PAGE:
                pages.append([])
            pages[-1].append(entry)

    objects: list[bytes] = []  # index i holds object number i+1

    def add(obj: bytes) -> int:
        objects.append(obj)
        return len(objects)

    catalog = add(b"")  # placeholder, filled later
    pages_obj = add(b"")
    font1 = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    font2 = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for lines in pages:
        ops = [b"BT", f"{LEADING} TL".encode(), f"{MARGIN} {PAGE_H - MARGIN} Td".encode()]
        cur = None
        for font, size, line in lines:
            if (font, size) != cur:
                ops.append(f"/{font} {size} Tf".encode())
                cur = (font, size)
            if line:
                ops.append(b"(" + _esc(line) + b") Tj")
            ops.append(b"T*")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page = add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>"
            % (pages_obj, PAGE_W, PAGE_H, font1, font2, content)
        )
        kids.append(page)
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    info = add(
        b"<< /Title "
        + _info_str(title)
        + b" /Author "
        + _info_str(author)
        + b" /Producer (testweb) >>"
    )

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    return bytes(out)

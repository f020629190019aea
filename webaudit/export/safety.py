"""Output safety: text that came from crawled pages must stay inert wherever it ends up.

- Spreadsheets: a cell whose text starts with = + - @ (or a tab/CR, or their full-width forms)
  is read as a formula by Excel and LibreOffice. CSV cells get a leading apostrophe; XLSX cells
  are written as plain strings with Excel's quote-prefix flag (see xlsx_export.py) and the same
  apostrophe, so a copy-paste into another sheet or a re-save as CSV stays inert too.
- Control characters that XML (and so XLSX) cannot hold are removed; enormous texts are cut.
- Links: only http(s) URLs become links; anything else (javascript:, data:, file:) is shown as
  text. HTML escaping itself is Jinja2's autoescape.
- File names: ASCII letters, digits, '-', '_', '.' only; no separators, no traversal.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CELL_LIMIT = 32_000  # Excel holds 32 767 characters per cell; keep room for the marker
CUT_MARKER = " […]"
_TRANSLITERATE = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "A", "Ä": "A", "Ö": "O"})


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, with a visible marker when cut."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - len(CUT_MARKER))].rstrip() + CUT_MARKER


def strip_control(text: str) -> str:
    return _CONTROL.sub("", text)


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES)


def spreadsheet_text(value: object, limit: int = CELL_LIMIT) -> str:
    """Text for a spreadsheet cell that no spreadsheet program will evaluate."""
    text = clip(strip_control(str(value)), limit)
    return "'" + text if is_formula_like(text) else text


def safe_href(url: str | None) -> str | None:
    """The URL if it may be a clickable link (http or https), else None."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def safe_filename(text: str, limit: int = 80) -> str:
    """A file-name-safe ASCII form of a code or name ('Mölndal' -> 'Molndal')."""
    ascii_text = (
        unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_text).strip(".-_")
    return cleaned[:limit].rstrip(".-_") or "x"

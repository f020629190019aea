"""Screenshots inside the terminal, where it can show them.

textual-image picks the best the terminal offers (Kitty graphics, Sixel, coloured half cells;
plain Unicode blocks when not on a terminal, e.g. in tests or behind `--web`). It probes the
terminal when imported, before Textual takes over the screen, so this module is imported by
the app module. Without it, a line says how to open the image instead.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static

_TerminalImage: Any = None
try:
    from textual_image.widget import Image as _TerminalImage
except Exception:  # any failure to import or to probe the terminal means: no inline images
    _TerminalImage = None
SUPPORTED = _TerminalImage is not None

# A full-page screenshot is cut to its top (what a visitor sees first) before it is shown.
PAGE_TOP_PIXELS = 1800


# Decoded previews by (file, top only): evidence files are named by their content hash and
# never change, so a picture decoded once stays right; stepping back and forth between items
# then shows them at once.
PREVIEWS_KEPT = 24
_previews: OrderedDict[tuple[Path, bool], Any] = OrderedDict()
_previews_lock = threading.Lock()


def cached_preview(path: Path, *, top_only: bool) -> Any | None:
    with _previews_lock:
        picture = _previews.get((path, top_only))
        if picture is not None:
            _previews.move_to_end((path, top_only))
        return picture


def load_preview(path: Path, *, top_only: bool) -> Any:
    """Decode and shrink an image for the terminal (call off the UI thread: it can take 50 ms)."""
    from PIL import Image

    with Image.open(path) as image:
        image.load()
        picture = image.convert("RGB")
    if top_only and picture.height > PAGE_TOP_PIXELS:
        picture = picture.crop((0, 0, picture.width, PAGE_TOP_PIXELS))
    picture.thumbnail((640, 900))
    with _previews_lock:
        _previews[(path, top_only)] = picture
        while len(_previews) > PREVIEWS_KEPT:
            _previews.popitem(last=False)
    return picture


class Preview(Vertical):
    """A titled image, or a fallback line when the terminal cannot show it."""

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="preview")
        self.title = title

    def compose(self) -> ComposeResult:
        yield Label(self.title, classes="preview-title")
        if _TerminalImage is not None:
            yield _TerminalImage(classes="preview-image")
        yield Static("", classes="preview-note")

    def show(self, picture: Any | None, note: str) -> None:
        if _TerminalImage is not None:
            image = self.query_one(_TerminalImage)
            if image.image is not picture:  # the same picture again: keep what is drawn
                image.image = picture
        self.query_one(".preview-note", Static).update(note)

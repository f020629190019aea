"""Opening a screenshot or a live page outside the TUI (system viewer, browser, or web client)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Protocol

from textual.app import App


class Opener(Protocol):
    def open_file(self, app: App[object], path: Path) -> str: ...
    def open_url(self, app: App[object], url: str) -> str: ...


class SystemOpener:
    """xdg-open / open for files; the browser for URLs; in `--web` mode the user's browser tab."""

    def open_file(self, app: App[object], path: Path) -> str:
        if app.is_web:
            app.deliver_binary(path, open_method="browser", mime_type=_mime(path))
            return f"Öppnar {path.name} i webbläsaren"
        opener = "open" if sys.platform == "darwin" else "xdg-open"
        if shutil.which(opener) is None:
            return f"Ingen bildvisare hittades ({opener}); filen: {path}"
        subprocess.Popen(
            [opener, str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        return f"Öppnar {path}"

    def open_url(self, app: App[object], url: str) -> str:
        app.open_url(url)
        return f"Öppnar {url}"


def _mime(path: Path) -> str:
    return {".png": "image/png", ".jpg": "image/jpeg", ".pdf": "application/pdf"}.get(
        path.suffix.lower(), "application/octet-stream"
    )

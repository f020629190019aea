"""Shared helpers for the demo-site generator (see build_sites.py).

The generated HTML files under ``webaudit/demo/sites/<slug>/`` are the artifact
that the demo server and the tests use; this code only exists so the six sites
can be regenerated consistently after an edit.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

SITES_DIR = Path(__file__).resolve().parent.parent

Crumb = tuple[str, str | None]


def host(slug: str) -> str:
    """Token for a link to another demo host; the demo server replaces it."""
    return f"__HOST_{slug}__"


def target_file(slug: str, path: str) -> Path:
    rel = path.lstrip("/")
    p = SITES_DIR / slug / rel
    if path.endswith("/"):
        p = p / "index.html"
    return p


def write(slug: str, path: str, text: str) -> Path:
    p = target_file(slug, path)
    p.parent.mkdir(parents=True, exist_ok=True)
    if not text.endswith("\n"):
        text += "\n"
    p.write_text(text, encoding="utf-8")
    return p


def breadcrumbs(crumbs: list[Crumb], *, cls: str = "breadcrumbs", sep: str = "") -> str:
    items = []
    for label, href in crumbs:
        if href is None:
            items.append(f'<li aria-current="page">{escape(label)}</li>')
        else:
            items.append(f'<li><a href="{href}">{escape(label)}</a>{sep}</li>')
    return (
        f'<nav class="{cls}" aria-label="Brödsmulor"><ol>'
        + "".join(items)
        + "</ol></nav>"
    )


def nav_list(items: list[tuple[str, str]], current: str | None, *, cls: str) -> str:
    lis = []
    for label, href in items:
        active = ' class="aktiv"' if current and current.startswith(href) and href != "/" else ""
        lis.append(f'<li{active}><a href="{href}">{escape(label)}</a></li>')
    return f'<ul class="{cls}">' + "".join(lis) + "</ul>"


def head(title: str, css: str, *, extra: str = "", description: str = "") -> str:
    desc = f'\n<meta name="description" content="{escape(description)}">' if description else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="sv">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>{desc}\n"
        f'<link rel="stylesheet" href="{css}">\n'
        f"{extra}</head>\n"
    )

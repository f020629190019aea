"""Check the demo sites: every internal link resolves to a file, cross-host
links use a known __HOST_<slug>__ token, and external links are absolute.

Usage:  python3 webaudit/demo/sites/_tools/check_links.py
Exit status 1 if anything is broken.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

SITES = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"^__HOST_([a-z0-9-]+)__(/.*)?$")


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action") and value:
                self.links.append(value)


def resolves(slug: str, path: str) -> bool:
    path = unquote(urlsplit(path).path)
    base = SITES / slug / path.lstrip("/")
    if path.endswith("/"):
        return (base / "index.html").is_file()
    return base.is_file() or (base / "index.html").is_file()


def site_dirs() -> list[Path]:
    return sorted(p for p in SITES.iterdir() if p.is_dir() and not p.name.startswith("_"))


def main() -> int:
    problems: list[str] = []
    slugs = {p.name for p in site_dirs()}
    linked_hosts: dict[str, set[str]] = {}
    count = 0
    for site in site_dirs():
        for f in sorted(site.rglob("*")):
            if f.suffix not in (".html", ".xml", ".txt"):
                continue
            rel = f"{site.name}:/{f.relative_to(site).as_posix()}"
            text = f.read_text(encoding="utf-8")
            if f.suffix == ".html":
                parser = Links()
                parser.feed(text)
                links = parser.links
            else:
                links = re.findall(r"(__HOST_[a-z0-9-]+__[^\s<]*)", text)
            for link in links:
                count += 1
                if link.startswith(("#", "mailto:", "tel:")):
                    continue
                m = TOKEN.match(link)
                if m:
                    target, path = m.group(1), m.group(2) or "/"
                    linked_hosts.setdefault(site.name, set()).add(target)
                    if target not in slugs:
                        problems.append(f"{rel}: unknown host token {link}")
                    elif not resolves(target, path):
                        problems.append(f"{rel}: broken cross-host link {link}")
                elif link.startswith("/"):
                    if link.startswith("//"):
                        problems.append(f"{rel}: protocol-relative link {link}")
                    elif not resolves(site.name, link):
                        problems.append(f"{rel}: broken link {link}")
                elif link.startswith(("http://", "https://")):
                    if "127.0.0.1" in link or "localhost" in link:
                        problems.append(f"{rel}: hard-coded local address {link}")
                else:
                    problems.append(f"{rel}: relative link {link} (use root-relative)")
    for p in problems:
        print(p)
    print(f"checked {count} links in {len(slugs)} site folders; {len(problems)} problem(s)")
    for s, hosts in sorted(linked_hosts.items()):
        print(f"  {s} -> {', '.join(sorted(hosts))}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

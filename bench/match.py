"""Matching throughput: realistic municipal pages through the whole matcher, per page and per site.

Pages are built from the labelled corpus and the demo sites: each gets the weight of a real
municipal page (a mega menu with a couple of hundred links, header tools, a cookie banner,
inline scripts and styles, an SVG sprite, JSON-LD, a long footer), so a page is 60-150 kB of HTML
like the rendered captures the crawler stores. Every page is parsed once and matched against all
checklist items; pages are grouped into sites and aggregated as the match stage does.

    /tmp/v/bin/python bench/match.py                 # 15 000 pages, one process
    /tmp/v/bin/python bench/match.py --pages 3000 --workers 2
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from webaudit.checklists import load_checklist  # noqa: E402
from webaudit.match.aggregate import PageResult, aggregate_item  # noqa: E402
from webaudit.match.document import parse_html  # noqa: E402
from webaudit.match.engine import match_document  # noqa: E402
from webaudit.match.pool import PageInput, PageMatcher  # noqa: E402

SITES = 290
_MENU = (
    "Barn och utbildning|Förskola|Grundskola|Gymnasium|Vuxenutbildning|Omsorg och stöd|"
    "Äldreomsorg|Hemtjänst|Särskilt boende|Funktionsnedsättning|Individ och familj|"
    "Ekonomiskt bistånd|Bygga, bo och miljö|Bygglov|Avfall och återvinning|Vatten och avlopp|"
    "Kultur och fritid|Bibliotek|Idrott|Näringsliv och arbete|Lediga jobb|Kommun och politik|"
    "Sammanträden|Budget|Trafik och infrastruktur|Parkering|Felanmälan|Kontakta oss"
)
MENU_WORDS = _MENU.split("|")


def _main_contents() -> list[str]:
    """The main content of the corpus pages and demo pages (their chrome is replaced)."""
    from selectolax.lexbor import LexborHTMLParser

    sources = sorted((ROOT / "tests/corpus/pages").glob("*/*.html"))
    sources += sorted((ROOT / "webaudit/demo/sites").glob("*/**/index.html"))
    contents = []
    for path in sources:
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        main = tree.css_first("main") or tree.body
        if main is not None:
            contents.append(main.html or "")
    return contents


def _chrome(rng: random.Random, host: str) -> tuple[str, str]:
    links = []
    for section in range(9):
        items = "".join(
            f'<li><a href="https://{host}/{section}/{rng.choice(MENU_WORDS).lower().replace(" ", "-")}-{n}/">'
            f"{rng.choice(MENU_WORDS)}</a></li>"
            for n in range(rng.randint(12, 28))
        )
        links.append(
            f'<li><a href="https://{host}/{section}/">{rng.choice(MENU_WORDS)}</a><ul>{items}</ul></li>'
        )
    script = (
        "var sv="
        + "{"
        + ",".join(f'"k{n}":"{"x" * rng.randint(20, 80)}"' for n in range(rng.randint(150, 500)))
        + "};"
    )
    style = "".join(
        f".c{n}{{margin:{n % 7}px;color:#{n % 999:03d}}}" for n in range(rng.randint(300, 900))
    )
    sprite = (
        "<svg style='display:none'>"
        + "".join(
            f"<symbol id='i{n}'><path d='M{n} {n}L{n + 5} {n + 9}Z'/></symbol>" for n in range(60)
        )
        + "</svg>"
    )
    head = (
        f"<meta charset='utf-8'><title>{rng.choice(MENU_WORDS)} - {host}</title>"
        f"<link rel='stylesheet' href='/sitevision/system-resource/{rng.randint(1, 9999)}/css/portlets.css'>"
        f"<style>{style}</style><script>{script}</script>"
        '<script type=\'application/ld+json\'>{"@type":"GovernmentOrganization"}</script>'
    )
    top = (
        sprite
        + "<div class='cookie-banner' role='dialog'><p>Vi använder kakor för att webbplatsen ska fungera.</p>"
        "<button>Godkänn alla</button><button>Endast nödvändiga</button></div>"
        + f"<header><a href='/'><img alt='{host}, till startsidan' src='/logo.svg'></a>"
        "<ul><li><a href='/lattlast/'>Lättläst</a></li><li><a href='/languages/'>Languages</a></li>"
        "<li><a href='#' class='readspeaker'>Lyssna</a></li></ul>"
        f"<nav aria-label='Huvudmeny'><ul>{''.join(links)}</ul></nav></header>"
        "<nav class='breadcrumbs'><a href='/'>Start</a> › <a href='/omsorg/'>Omsorg och stöd</a></nav>"
    )
    footer = (
        "<footer>"
        + "".join(
            f"<div><h2>{rng.choice(MENU_WORDS)}</h2><ul>"
            + "".join(
                f"<li><a href='/f/{n}-{m}/'>{rng.choice(MENU_WORDS)}</a></li>" for m in range(8)
            )
            + "</ul></div>"
            for n in range(5)
        )
        + f"<p>{host} · Telefon 0123-45 67 00 · kommun@{host}</p><script>{script[:4000]}</script></footer>"
    )
    return head, top + "{main}" + footer


def build_pages(count: int, seed: int = 2025) -> list[tuple[str, str, str]]:
    """(site, url, html) for `count` pages spread over SITES sites."""
    rng = random.Random(seed)
    contents = _main_contents()
    chromes = {}
    pages = []
    for number in range(count):
        site = f"kommun{number % SITES:03d}.se"
        if site not in chromes:
            chromes[site] = _chrome(rng, f"www.{site}")
        head, body = chromes[site]
        main = "".join(rng.sample(contents, rng.choice((1, 1, 2, 3))))
        url = f"https://www.{site}/omsorg/sida-{number}/"
        html = f"<!DOCTYPE html><html lang='sv'><head>{head}</head><body>{body.replace('{main}', f'<main>{main}</main>')}</body></html>"
        pages.append((site, url, html))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=15_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--sample", type=int, default=300, help="pages timed one by one")
    options = parser.parse_args()

    print(f"Bygger {options.pages} sidor …", flush=True)
    pages = build_pages(options.pages)
    sizes = [len(html.encode()) for _, _, html in pages]
    print(
        f"  HTML per sida: median {statistics.median(sizes) / 1000:.0f} kB, "
        f"medel {statistics.mean(sizes) / 1000:.0f} kB, max {max(sizes) / 1000:.0f} kB"
    )
    loaded = load_checklist()
    checklist = loaded.checklist
    match_document(parse_html(pages[0][2], pages[0][1]), checklist)  # compile once

    parse_times, match_times = [], []
    for _, url, html in pages[: options.sample]:
        start = time.perf_counter()
        document = parse_html(html, url)
        middle = time.perf_counter()
        match_document(document, checklist)
        parse_times.append(middle - start)
        match_times.append(time.perf_counter() - middle)
    print(
        f"  tolkning {statistics.mean(parse_times) * 1000:.2f} ms/sida, "
        f"matchning (16 punkter) {statistics.mean(match_times) * 1000:.2f} ms/sida "
        f"(snitt av {len(parse_times)})"
    )

    start = time.perf_counter()
    cpu_start = _cpu_seconds()
    inputs = [PageInput(number, "page", url, html) for number, (_, url, html) in enumerate(pages)]
    with PageMatcher(loaded, options.workers) as matcher:
        matched = matcher.match(inputs)
    per_site: dict[str, dict[str, list[PageResult]]] = {}
    for number, ((site, url, _), matches) in enumerate(zip(pages, matched, strict=True)):
        for item_id, match in matches.items():
            per_site.setdefault(site, {}).setdefault(item_id, []).append(
                PageResult(number, url, match)
            )
    flags = [
        aggregate_item(item, found, "ok")
        for items in per_site.values()
        for item, found in items.items()
    ]
    elapsed = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu_start
    count = len(pages)
    print(
        f"{count} sidor, {len(per_site)} webbplatser, {len(flags)} flaggor: "
        f"{elapsed:.1f} s väggtid, {cpu:.1f} s CPU ({options.workers} "
        f"process{'er' if options.workers > 1 else ''})"
    )
    print(
        f"  väggtid: {count / elapsed:.0f} sidor/s; CPU: {cpu / count * 1000:.2f} ms/sida, "
        f"{count / cpu * options.workers:.0f} sidor/s på {options.workers} lediga kärnor"
    )
    print(
        f"  alla {SITES} kommuners fångster (~{count} sidor): {elapsed:.1f} s väggtid här och nu "
        f"(maskinens last {os.getloadavg()[0]:.1f}), {cpu / options.workers:.1f} s på "
        f"{options.workers} lediga kärnor (mål < 60 s)"
    )


def _cpu_seconds() -> float:
    """CPU time of this process and of the worker processes that have finished."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()

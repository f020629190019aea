"""Build the labelled tuning corpus for the four confirmed items.

Hand-written main content lives in ``content/<item_id>_<pos|neg>.txt``.  This script
wraps each page's content in one of several municipal-website "chromes" (CMS styles:
Sitevision, Optimizely/Episerver, Drupal, WordPress, an old table layout, a joint-board
site and a bare print/e-service page) and writes ``../<item_id>/<pos|neg>_NN.html``.

The chrome is deliberately realistic and contains trap words in menus ("Avgifter och
taxor", "Jämför skolor", "Äldreguide (broschyr)", "Räkna ut förskoleavgift",
"Trygghetslarm", "Flexibla arbetstider"), but it never makes any of the four confirmed
items present.  The shared filler sections in ``fillers.py`` are likewise neutral for
all four items; every positive signal is in the hand-written page content.

Content file format::

    === pos_01
    kommun: Lerum                 (name as in shared/data/municipalities.csv)
    path: /omsorg-och-stod/...    (URL path; host comes from the registry)
    title: Avgifter för hemtjänst
    chrome: sitevision            (sitevision|epi|drupal|wp|old|joint|plain)
    label: fee_calculator=yes; why: ...
    filler: ansokan1, klagomal1   (optional, appended after the content)
    ---
    body in a small markup (see ``render_body``)

Run:  python tests/corpus/pages/_tools/build.py   (standard library only)
"""

from __future__ import annotations

import csv
import hashlib
import html
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = HERE.parent
sys.path.insert(0, str(HERE))

from fillers import FILLERS  # noqa: E402

ITEMS = ("fee_calculator", "provider_comparison", "flexibility_policy", "no_needs_assessment")

REGISTRY_CANDIDATES = [
    PAGES.parents[3] / "shared" / "data" / "municipalities.csv",  # /work/shared/data
    Path("/work/shared/data/municipalities.csv"),
]

# Fallback so the build does not depend on the shared registry being present.
FALLBACK_HOSTS: dict[str, str] = {}


def load_hosts() -> dict[str, str]:
    for cand in REGISTRY_CANDIDATES:
        if cand.exists():
            hosts = {}
            with cand.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    site = row["website"].strip().rstrip("/")
                    hosts[row["name"]] = site.split("://", 1)[1]
            return hosts
    return FALLBACK_HOSTS


# ---------------------------------------------------------------------------------------
# content parsing


@dataclass
class Page:
    name: str
    meta: dict[str, str]
    body: list[str] = field(default_factory=list)


def parse_pages(text: str) -> list[Page]:
    pages: list[Page] = []
    cur: Page | None = None
    in_body = False
    for line in text.splitlines():
        if line.startswith("=== "):
            cur = Page(name=line[4:].strip(), meta={})
            pages.append(cur)
            in_body = False
            continue
        if cur is None:
            continue
        if not in_body:
            if line.strip() == "---":
                in_body = True
            elif line.strip():
                key, _, value = line.partition(":")
                cur.meta[key.strip()] = value.strip()
        else:
            cur.body.append(line)
    return pages


def seed(*parts: str) -> int:
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest()[:12], 16)


# ---------------------------------------------------------------------------------------
# body markup
#
#   # h1   ## h2   ### h3        ! lead paragraph
#   - bullet   1. numbered       | a | b |  table (first row header)
#   ?? summary  ...  ??          accordion (<details>), may contain other blocks
#   > fact box line              a line starting with '<' starts a raw HTML block
#   inline: [text](url)  **bold**   anything else: paragraph (lines joined)

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def inline(text: str) -> str:
    out = []
    pos = 0
    for m in _LINK.finditer(text):
        out.append(_esc_inline(text[pos : m.start()]))
        label, url = m.group(1), m.group(2)
        out.append(f'<a href="{html.escape(url)}">{_esc_inline(label)}</a>')
        pos = m.end()
    out.append(_esc_inline(text[pos:]))
    return "".join(out)


def _esc_inline(s: str) -> str:
    s = html.escape(s, quote=False)
    return _BOLD.sub(r"<strong>\1</strong>", s)


def line_kind(line: str) -> str:
    if line.startswith("- "):
        return "ul"
    if re.match(r"^\d+\. ", line):
        return "ol"
    if line.startswith("|"):
        return "table"
    if line.startswith("> "):
        return "box"
    if line.startswith("#") or line.startswith("??"):
        return "head"
    if line.startswith("! "):
        return "lead"
    return "p"


def split_blocks(lines: list[str]) -> list[list[str]]:
    """Blank lines separate blocks; a change of line kind also starts a new block
    (a heading starts its own block; raw HTML blocks run to the next blank line)."""
    blocks: list[list[str]] = []
    cur: list[str] = []
    for line in lines:
        if not line.strip():
            if cur:
                blocks.append(cur)
                cur = []
            continue
        line = line.rstrip()
        if cur and not cur[0].startswith("<"):
            prev = line_kind(cur[-1])
            kind = line_kind(line)
            if kind == "head" or prev == "head" or (kind != prev and not (prev == "lead" and kind == "p")):
                blocks.append(cur)
                cur = []
        cur.append(line)
    if cur:
        blocks.append(cur)
    return blocks


def render_body(lines: list[str]) -> str:
    blocks = split_blocks(lines)
    out: list[str] = []
    in_details = False
    for block in blocks:
        # accordions: a block may start with '?? title' and/or be a lone '??'
        first = block[0]
        if first.strip() == "??":
            if in_details:
                out.append("</div></details>")
                in_details = False
            block = block[1:]
            if not block:
                continue
            first = block[0]
        if first.startswith("?? "):
            if in_details:
                out.append("</div></details>")
            out.append(f'<details class="accordion"><summary>{inline(first[3:])}</summary><div class="accordion__content">')
            in_details = True
            block = block[1:]
            if not block:
                continue
        out.append(render_block(block))
    if in_details:
        out.append("</div></details>")
    return "\n".join(out)


def render_block(block: list[str]) -> str:
    first = block[0]
    if first.startswith("<"):
        return "\n".join(block)
    if first.startswith("### "):
        rest = render_block(block[1:]) if len(block) > 1 else ""
        return f"<h3>{inline(first[4:])}</h3>" + ("\n" + rest if rest else "")
    if first.startswith("## "):
        rest = render_block(block[1:]) if len(block) > 1 else ""
        return f"<h2>{inline(first[3:])}</h2>" + ("\n" + rest if rest else "")
    if first.startswith("# "):
        rest = render_block(block[1:]) if len(block) > 1 else ""
        return f"<h1>{inline(first[2:])}</h1>" + ("\n" + rest if rest else "")
    if first.startswith("! "):
        return f'<p class="lead ingress">{inline(" ".join(l.lstrip("! ") for l in block))}</p>'
    if first.startswith("- "):
        items = "".join(f"<li>{inline(l[2:])}</li>" for l in block)
        return f"<ul>{items}</ul>"
    if re.match(r"^\d+\. ", first):
        items = "".join("<li>" + inline(re.sub(r"^\d+\. ", "", l)) + "</li>" for l in block)
        return f"<ol>{items}</ol>"
    if first.startswith("|"):
        rows = [[c.strip() for c in l.strip().strip("|").split("|")] for l in block]
        head = "".join(f'<th scope="col">{inline(c)}</th>' for c in rows[0])
        body = "".join("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in r) + "</tr>" for r in rows[1:])
        return f'<table class="table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    if first.startswith("> "):
        inner = "".join(f"<p>{inline(l[2:])}</p>" for l in block)
        return f'<div class="factbox" role="note">{inner}</div>'
    return f"<p>{inline(' '.join(block))}</p>"


# ---------------------------------------------------------------------------------------
# chrome

SLUG_TITLES = {
    "omsorg-och-stod": "Omsorg och stöd", "stod-och-omsorg": "Stöd och omsorg",
    "vard-och-omsorg": "Vård och omsorg", "vard-omsorg": "Vård och omsorg",
    "aldreomsorg": "Äldreomsorg", "hemtjanst": "Hemtjänst", "aldre": "Äldre",
    "senior": "Senior", "kommun": "Kommun", "sv": "Start", "omsorg": "Omsorg",
    "stod-i-hemmet": "Stöd i hemmet", "hjalp-i-hemmet": "Hjälp i hemmet",
    "avgifter": "Avgifter", "avgifter-och-taxor": "Avgifter och taxor",
    "barn-och-utbildning": "Barn och utbildning", "forskola": "Förskola",
    "bygga-bo-och-miljo": "Bygga, bo och miljö", "e-tjanster": "E-tjänster",
    "aldre-och-funktionsnedsattning": "Äldre och funktionsnedsättning",
    "trygghetslarm": "Trygghetslarm", "anhorigstod": "Anhörigstöd",
    "sarskilt-boende": "Särskilt boende", "valfrihet": "Valfrihet",
    "nyheter": "Nyheter", "kommun-och-politik": "Kommun och politik",
    "lattlast": "Lättläst", "socialtjanst": "Socialtjänst", "arbete": "Arbete",
    "jobba-hos-oss": "Jobba hos oss", "stod-for-aldre": "Stöd för äldre",
    "for-dig-som-ar-senior": "För dig som är senior", "seniorer": "Seniorer",
}

TOPNAV = {
    "sitevision": ["Barn och utbildning", "Omsorg och stöd", "Bygga, bo och miljö", "Kultur och fritid", "Näringsliv och arbete", "Kommun och politik"],
    "epi": ["Uppleva och göra", "Utbildning och barnomsorg", "Stöd och omsorg", "Bygga och bo", "Trafik och infrastruktur", "Kommun och politik"],
    "drupal": ["Senior", "Barn och familj", "Skola", "Arbete", "Bo och bygga", "Fritid", "Kommunen"],
    "wp": ["Start", "Omsorg", "Skola", "Miljö", "Trafik", "Jobb", "Kontakt"],
    "old": ["Startsida", "Barnomsorg och skola", "Vård och omsorg", "Bygga och bo", "Fritid och kultur", "Kommunfakta"],
    "joint": ["Äldreomsorg", "Funktionsstöd", "Individ- och familjeomsorg", "Om förvaltningen", "Kontakt"],
}


MEGA = {
    "Omsorg och stöd": ["Äldreomsorg", "Funktionsnedsättning", "Individ och familj", "Ekonomiskt bistånd", "Missbruk och beroende", "Våld i nära relationer", "Avgifter och taxor inom omsorgen"],
    "Stöd och omsorg": ["Äldre", "Funktionsstöd", "Barn, unga och familj", "Ekonomi och skulder", "Stöd vid missbruk", "Boende och hemlöshet"],
    "Barn och utbildning": ["Förskola", "Grundskola", "Gymnasieskola", "Vuxenutbildning", "Skolskjuts", "Förskoleavgift och maxtaxa"],
    "Utbildning och barnomsorg": ["Förskola", "Grundskola", "Jämför skolor", "Gymnasium", "Komvux och SFI"],
    "Senior": ["Aktiviteter och träffpunkter", "Hjälp i hemmet", "Boende för äldre", "Anhöriga", "Äldreguide (broschyr)"],
    "Vård och omsorg": ["Äldreomsorg", "Handikappomsorg", "Socialtjänst", "Taxor och avgifter"],
    "Omsorg": ["Äldreomsorg", "Funktionsnedsättning", "Socialtjänst", "Ekonomiskt stöd"],
    "Äldreomsorg": ["Hemtjänst", "Trygghetslarm", "Särskilt boende", "Korttidsvistelse", "Anhörigstöd", "Avgifter"],
}


def nav_html(chrome: str) -> str:
    parts = []
    for n in TOPNAV[chrome]:
        href = "/" + re.sub(r"[^a-z0-9]+", "-", ascii_fold(n.lower())).strip("-") + "/"
        sub = ""
        if n in MEGA:
            sub = '<ul class="submenu">' + "".join(
                f'<li><a href="{href}{re.sub(r"[^a-z0-9]+", "-", ascii_fold(x.lower())).strip("-")}/">{html.escape(x)}</a></li>'
                for x in MEGA[n]
            ) + "</ul>"
        parts.append(f'<li><a href="{href}">{html.escape(n)}</a>{sub}</li>')
    return "".join(parts)


def feedback(kommun: str) -> str:
    s = seed("fb", kommun)
    if s % 3 == 0:
        return ('<form class="page-feedback" action="/feedback" method="post"><fieldset><legend>Hittade du den information du sökte?</legend>'
                '<label><input type="radio" name="svar" value="ja"> Ja</label> <label><input type="radio" name="svar" value="nej"> Nej</label>'
                '<label for="fb-text">Vad kan vi göra bättre? Svar lämnas inte på synpunkter som skrivs här.</label><textarea id="fb-text" name="text"></textarea>'
                '<button type="submit">Skicka</button></fieldset></form>')
    if s % 3 == 1:
        return ('<div class="contact-card"><h2>Kontakt</h2><p>Kontaktcenter hjälper dig med frågor om kommunens verksamheter. '
                'Du kan ringa, mejla eller besöka oss i kommunhuset. Behöver du prata med en handläggare kopplar vi dig vidare.</p></div>')
    return ('<div class="page-feedback"><p>Var informationen på sidan till hjälp?</p><button>Ja</button> <button>Nej</button>'
            '<p class="small">Dina svar hjälper oss att förbättra webbplatsen. Vill du ha svar på en fråga, kontakta kontaktcenter.</p></div>')


def slug_title(slug: str) -> str:
    slug = re.sub(r"\.(html?|aspx|php)$", "", slug)
    slug = re.sub(r"\.?4\.[0-9a-f.]+$", "", slug)
    if slug in SLUG_TITLES:
        return SLUG_TITLES[slug]
    return slug.replace("-", " ").capitalize()


def breadcrumb(path: str, title: str, base: str) -> list[tuple[str, str]]:
    parts = [p for p in path.split("/") if p]
    crumbs = [("Start", "/")]
    acc = ""
    for p in parts[:-1]:
        acc += "/" + p
        if p in ("sv",) or re.fullmatch(r"4\.[0-9a-f.]+(\.html)?", p):
            continue
        crumbs.append((slug_title(p), acc + "/"))
    crumbs.append((title, path))
    return crumbs


def phone(kommun: str) -> str:
    s = seed("tel", kommun)
    area = ["08", "031", "0302", "0470", "0155", "0660", "054", "0520", "0910", "016", "046", "0411"][s % 12]
    return f"{area}-{s % 90 + 10} {s // 7 % 90 + 10} 00"


def sidebar_links(chrome: str, kommun: str, slug: str) -> str:
    """Left/right navigation: siblings under elderly care, with trap words."""
    variants = [
        ["Hemtjänst", "Avgifter inom äldreomsorgen", "Trygghetslarm", "Matdistribution", "Särskilt boende", "Dagverksamhet", "Anhörigstöd", "Synpunkter och klagomål"],
        ["Ansök om stöd", "Hemtjänst", "Avgifter och förbehållsbelopp", "Välja utförare", "Hemsjukvård", "Korttidsboende", "Äldreguide 2025 (broschyr)"],
        ["Hjälp i hemmet", "Boende för äldre", "Aktiviteter och mötesplatser", "Anhöriga", "Kostnader", "Frågor och svar"],
        ["Hemtjänst", "Hemtjänstens kvalitet", "Trygghetslarm", "Avgifter", "Demens", "Riktlinjer och styrdokument"],
    ]
    s = seed("side", kommun, chrome, slug)
    items = variants[s % len(variants)]
    lis = "".join(
        f'<li><a href="/{chrome_root(chrome)}/{re.sub(r"[^a-z0-9]+", "-", ascii_fold(i.lower())).strip("-")}/">{html.escape(i)}</a></li>'
        for i in items
    )
    return f'<nav class="subnav" aria-label="Undermeny"><h2 class="subnav__title">Äldreomsorg</h2><ul>{lis}</ul></nav>'


def ascii_fold(s: str) -> str:
    return s.translate(str.maketrans("åäöéü", "aaoeu"))


def chrome_root(chrome: str) -> str:
    return {
        "sitevision": "omsorg-och-stod/aldreomsorg",
        "epi": "stod-och-omsorg/aldre",
        "drupal": "kommun/senior",
        "wp": "sv/omsorg/aldreomsorg",
        "old": "vard-omsorg/aldreomsorg",
        "joint": "aldreomsorg",
        "plain": "aldreomsorg",
    }[chrome]


def updated(kommun: str, slug: str) -> str:
    s = seed("upd", kommun, slug)
    year = 2024 + s % 2
    month = s // 3 % 12 + 1
    if year == 2025 and month > 8:
        month -= 5
    day = s // 41 % 27 + 1
    return f"{year}-{month:02d}-{day:02d}"


def head(title: str, kommun: str, canonical: str, extra: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)} - {html.escape(kommun)} kommun</title>\n"
        f'<link rel="canonical" href="{html.escape(canonical)}">\n'
        f'<meta property="og:title" content="{html.escape(title)}">\n'
        f'<meta property="og:site_name" content="{html.escape(kommun)} kommun">\n'
        f"{extra}</head>\n"
    )


def footer_block(chrome: str, kommun: str, host: str) -> str:
    slug = host.split(".")[-2]
    tel = phone(kommun)
    s = seed("foot", kommun)
    street = ["Storgatan", "Kyrkogatan", "Drottninggatan", "Torggatan", "Järnvägsgatan", "Rådhusgatan"][s % 6]
    nr = s % 40 + 1
    pnr = f"{s % 900 + 100} {s // 11 % 90 + 10}"
    extra = {
        "sitevision": '<li><a href="/kommun-och-politik/kommunfakta/jamfor-kommunen/">Jämför oss med andra kommuner</a></li>',
        "epi": '<li><a href="/utbildning-och-barnomsorg/jamfor-skolor/">Jämför skolor</a></li>',
        "drupal": '<li><a href="/arbete/lediga-jobb/">Lediga jobb – flexibla arbetstider i vården</a></li>',
        "wp": '<li><a href="/sv/barnomsorg/rakna-ut-forskoleavgift/">Räkna ut förskoleavgift</a></li>',
        "old": '<li><a href="/taxor/avgifter-2025.pdf">Taxor och avgifter 2025 (pdf)</a></li>',
        "joint": '<li><a href="/om-forvaltningen/oppna-jamforelser/">Öppna jämförelser</a></li>',
        "plain": "",
    }[chrome]
    return f"""<footer class="site-footer">
<div class="footer__contact">
<h2>Kontakta oss</h2>
<p>{html.escape(kommun)} kommun<br>{street} {nr}<br>{pnr} {html.escape(kommun)}</p>
<p>Telefon: <a href="tel:{tel.replace(' ', '').replace('-', '')}">{tel}</a><br>E-post: <a href="mailto:kommun@{slug}.se">kommun@{slug}.se</a></p>
<p>Kontaktcenter har öppet vardagar 8.00–16.30, lunchstängt 12.00–13.00.</p>
</div>
<div class="footer__links"><h2>Om webbplatsen</h2><ul>
<li><a href="/om-webbplatsen/tillganglighetsredogorelse/">Tillgänglighetsredogörelse</a></li>
<li><a href="/om-webbplatsen/kakor/">Kakor (cookies)</a></li>
<li><a href="/kommun-och-politik/personuppgifter/">Så hanterar vi dina personuppgifter</a></li>
<li><a href="/kommun-och-politik/visselblasarfunktion/">Visselblåsarfunktion</a></li>
{extra}
</ul></div>
<p class="footer__social">Följ oss på <a href="https://www.facebook.com/{slug}kommun">Facebook</a>, <a href="https://www.instagram.com/{slug}kommun">Instagram</a> och <a href="https://www.linkedin.com/company/{slug}-kommun">LinkedIn</a>.</p>
</footer>"""


def quicklinks(chrome: str) -> str:
    if chrome == "sitevision":
        return ('<aside class="sv-portlet quicklinks"><h2>Genvägar</h2><ul>'
                '<li><a href="/e-tjanster/">E-tjänster och blanketter</a></li>'
                '<li><a href="/kommun-och-politik/avgifter-och-taxor/">Avgifter och taxor</a></li>'
                '<li><a href="/barn-och-utbildning/forskola/avgifter/avgiftskalkylator/">Avgiftskalkylator för förskola</a></li>'
                '<li><a href="/arbete/lediga-jobb/">Lediga jobb</a></li>'
                '<li><a href="/felanmalan/">Felanmälan</a></li></ul></aside>')
    if chrome == "drupal":
        return ('<aside class="block block-related"><h2>Mer för seniorer</h2><ul>'
                '<li><a href="/kommun/senior/aldreguide-2025.pdf">Kommunens äldreguide 2025 (pdf)</a></li>'
                '<li><a href="/kommun/senior/traffpunkter/">Träffpunkter för seniorer</a></li>'
                '<li><a href="/kommun/senior/trygghetslarm/">Trygghetslarm</a></li></ul></aside>')
    if chrome == "epi":
        return ('<aside class="related-content"><h2>Relaterat</h2><ul>'
                '<li><a href="/stod-och-omsorg/aldre/avgifter/">Avgifter för äldreomsorg</a></li>'
                '<li><a href="/stod-och-omsorg/aldre/synpunkter/">Lämna synpunkter</a></li></ul></aside>')
    return ""


def wrap(page: Page, host: str) -> str:
    m = page.meta
    kommun, path, title, chrome = m["kommun"], m["path"], m["title"], m.get("chrome", "sitevision")
    canonical = f"https://{host}{path}"
    body_html = render_body(page.body)
    fill = ""
    for fid in [f.strip() for f in m.get("filler", "").split(",") if f.strip()]:
        fill += "\n<section class=\"content-section\">\n" + render_body(FILLERS[fid].splitlines()) + "\n</section>"
    main_inner = body_html + fill + "\n" + feedback(kommun + path)
    upd = updated(kommun, path)
    crumbs = breadcrumb(path, title, host)
    crumb_html = " <span aria-hidden=\"true\">›</span> ".join(
        f'<a href="{html.escape(u)}">{html.escape(t)}</a>' for t, u in crumbs[:-1]
    ) + f' <span aria-hidden="true">›</span> <span aria-current="page">{html.escape(crumbs[-1][0])}</span>'
    logo = f"{kommun} kommun"
    if chrome == "plain":
        return (head(title, kommun, canonical)
                + f'<body class="print-view">\n<header><p class="logo">{html.escape(logo)}</p></header>\n'
                + f"<main id=\"content\">\n{main_inner}\n</main>\n"
                + f"<footer><p>{html.escape(kommun)} kommun · Telefon {phone(kommun)} · Senast ändrad {upd}</p></footer>\n</body>\n</html>\n")
    nav = nav_html(chrome)
    if chrome == "sitevision":
        return (head(title, kommun, canonical, '<link rel="stylesheet" href="/sitevision/system-resource/a1b2/css/portlets.css">\n')
                + '<body>\n<a class="sv-skip-link" href="#Innehall">Hoppa till innehållet</a>\n'
                + f'<div class="sv-layout sv-template-layout"><header class="header"><a href="/" class="header__logo"><img src="/images/18.4f1e2c/logo.svg" alt="{html.escape(logo)}, till startsidan"></a>\n'
                + '<form class="header__search" action="/sok.html" role="search"><label for="q">Sök på webbplatsen</label><input id="q" name="query" type="search"><button>Sök</button></form>\n'
                + '<ul class="header__tools"><li><a href="/lattlast/">Lättläst</a></li><li><a href="/other-languages/">Other languages</a></li><li><a href="#" class="readspeaker">Lyssna</a></li></ul>\n'
                + f'<nav class="mainnav" aria-label="Huvudmeny"><ul>{nav}</ul></nav></header>\n'
                + f'<nav class="breadcrumbs" aria-label="Du är här">{crumb_html}</nav>\n'
                + f'<div class="sv-grid-main"><div class="sv-column-3">{sidebar_links(chrome, kommun, path)}</div>\n'
                + f'<main id="Innehall" class="sv-column-6 sv-text-portlet">\n{main_inner}\n<p class="sv-font-liten">Senast uppdaterad: {upd}</p>\n</main>\n'
                + f'<div class="sv-column-3">{quicklinks(chrome)}</div></div>\n'
                + footer_block(chrome, kommun, host) + "\n</div>\n</body>\n</html>\n")
    if chrome == "epi":
        return (head(title, kommun, canonical, '<meta name="generator" content="Optimizely CMS">\n')
                + '<body class="page-article">\n<a href="#main" class="skip">Till innehåll</a>\n'
                + f'<header class="site-header"><a class="logo" href="/">{html.escape(logo)}</a>\n'
                + '<div class="tools"><a href="/lattlast/">Lättläst</a> <a href="/teckensprak/">Teckenspråk</a> <a href="/languages/">Languages</a></div>\n'
                + f'<nav class="primary-nav"><ul>{nav}</ul></nav></header>\n'
                + f'<div class="container"><ol class="breadcrumb">' + "".join(f'<li><a href="{html.escape(u)}">{html.escape(t)}</a></li>' for t, u in crumbs[:-1]) + f'<li class="active">{html.escape(crumbs[-1][0])}</li></ol>\n'
                + f'<div class="row"><div class="col-md-3">{sidebar_links(chrome, kommun, path)}</div>\n'
                + f'<main id="main" class="col-md-6 article">\n{main_inner}\n<div class="page-meta">Sidan publicerades {upd}. <a href="#" class="print">Skriv ut</a> · <a href="#feedback">Hjälpte informationen dig?</a></div>\n</main>\n'
                + f'<div class="col-md-3">{quicklinks(chrome)}</div></div></div>\n'
                + footer_block(chrome, kommun, host) + "\n</body>\n</html>\n")
    if chrome == "drupal":
        return (head(title, kommun, canonical, '<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">\n')
                + '<body class="path-node page-node-type-page">\n<div class="dialog-off-canvas-main-canvas">\n'
                + f'<header role="banner"><div class="region-branding"><a href="/" rel="home">{html.escape(logo)}</a></div>\n'
                + f'<nav role="navigation" class="menu--main"><ul class="menu">{nav}</ul></nav></header>\n'
                + f'<div class="region-breadcrumb"><nav class="breadcrumb" aria-labelledby="system-breadcrumb"><h2 id="system-breadcrumb" class="visually-hidden">Brödsmulor</h2>{crumb_html}</nav></div>\n'
                + f'<main role="main"><div class="layout-content"><article class="node node--type-page">\n{main_inner}\n<footer class="node__meta">Uppdaterad {upd}</footer></article></div>\n'
                + f'<aside class="layout-sidebar-second">{sidebar_links(chrome, kommun, path)}{quicklinks(chrome)}</aside></main>\n'
                + footer_block(chrome, kommun, host) + "\n</div>\n</body>\n</html>\n")
    if chrome == "wp":
        return (head(title, kommun, canonical, '<meta name="generator" content="WordPress 6.5">\n<link rel="stylesheet" href="/wp-content/themes/kommun/style.css">\n')
                + '<body class="page-template-default page">\n'
                + '<div id="cookie-notice" role="dialog"><p>Vi använder kakor för att webbplatsen ska fungera och för statistik.</p><button>Godkänn alla</button> <button>Endast nödvändiga</button></div>\n'
                + f'<header id="masthead"><p class="site-title"><a href="/sv/">{html.escape(logo)}</a></p>\n'
                + f'<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{nav}</ul></nav></header>\n'
                + f'<div id="content" class="site-content"><div class="breadcrumbs">{crumb_html}</div>\n'
                + f'<main id="main" class="site-main"><article class="page type-page"><div class="entry-content">\n{main_inner}\n</div>\n'
                + f'<div class="entry-share">Dela sidan: <a href="https://www.facebook.com/sharer/sharer.php">Facebook</a> <a href="mailto:?subject={html.escape(title)}">E-post</a></div><p class="updated">Senast ändrad {upd}</p></article></main>\n<aside id="secondary" class="widget-area">{sidebar_links(chrome, kommun, path)}</aside></div>\n'
                + footer_block(chrome, kommun, host) + "\n</body>\n</html>\n")
    if chrome == "old":
        return (head(title, kommun, canonical, '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n')
                + '<body>\n<table class="layout" width="100%" cellpadding="0" cellspacing="0">\n'
                + f'<tr><td colspan="3" class="top"><a href="/"><img src="/bilder/logga.gif" alt="{html.escape(logo)}"></a> | <a href="/utskrift/">Utskriftsvänlig version</a> | <a href="/lasa-upp/">Lyssna på sidan</a></td></tr>\n'
                + f'<tr><td colspan="3" class="menu"><ul class="topmenu">{nav}</ul></td></tr>\n'
                + f'<tr><td class="left" width="200">{sidebar_links(chrome, kommun, path)}</td>\n'
                + f'<td class="content" valign="top"><div class="path">Du är här: {crumb_html}</div>\n<div id="innehall">\n{main_inner}\n</div>\n<p class="datum">Sidansvarig: Vård- och omsorgsförvaltningen. Uppdaterad {upd}.</p></td>\n'
                + '<td class="right" width="180"></td></tr>\n'
                + f'<tr><td colspan="3">{footer_block(chrome, kommun, host)}</td></tr>\n</table>\n</body>\n</html>\n')
    if chrome == "joint":
        board = m.get("board", f"Vård- och omsorgsförvaltningen i {kommun}")
        return (head(title, kommun, canonical)
                + f'<body>\n<header class="board-header"><p class="board-name">{html.escape(board)}</p><p class="board-sub">{html.escape(m.get("boardsub", "Gemensam nämnd för äldreomsorg"))}</p>\n'
                + f'<nav><ul>{nav}</ul></nav></header>\n<nav class="breadcrumb">{crumb_html}</nav>\n'
                + f'<main>\n{main_inner}\n<p class="meta">Uppdaterad {upd}</p></main>\n'
                + footer_block(chrome, kommun, host) + "\n</body>\n</html>\n")
    raise ValueError(f"unknown chrome {chrome!r} on {kommun} {path}")


LABEL_RE = re.compile(r"^(?P<pairs>(?:[a-z_]+=(?:yes|no); )+)why: (?P<why>.+)$")


def label_line(page: Page, item: str, kind: str) -> str:
    label = page.meta["label"]
    m = LABEL_RE.match(label)
    if not m:
        raise ValueError(f"{item}/{page.name}: bad label {label!r}")
    pairs = dict(p.split("=") for p in m.group("pairs").strip().rstrip(";").split("; "))
    want = "yes" if kind == "pos" else "no"
    if pairs.get(item) != want:
        raise ValueError(f"{item}/{page.name}: label says {pairs.get(item)!r}, file kind is {kind}")
    for k in pairs:
        if k not in ITEMS:
            raise ValueError(f"{item}/{page.name}: unknown item {k!r} in label")
    if "--" in label:
        raise ValueError(f"{item}/{page.name}: '--' not allowed in an HTML comment")
    return f"<!-- label: {label} -->\n"


def main() -> int:
    hosts = load_hosts()
    written = 0
    for item in ITEMS:
        outdir = PAGES / item
        outdir.mkdir(exist_ok=True)
        seen: set[str] = set()
        for kind in ("pos", "neg"):
            src = HERE / "content" / f"{item}_{kind}.txt"
            if not src.exists():
                continue
            for page in parse_pages(src.read_text(encoding="utf-8")):
                if not page.name.startswith(kind + "_"):
                    raise ValueError(f"{src.name}: page {page.name} in wrong file")
                if page.name in seen:
                    raise ValueError(f"{src.name}: duplicate {page.name}")
                seen.add(page.name)
                kommun = page.meta["kommun"]
                host = page.meta.get("host") or hosts.get(kommun)
                if not host:
                    raise ValueError(f"{item}/{page.name}: unknown kommun {kommun!r}")
                doc = label_line(page, item, kind) + wrap(page, host)
                (outdir / f"{page.name}.html").write_text(doc, encoding="utf-8")
                written += 1
    print(f"wrote {written} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

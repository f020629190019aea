"""Wrap hand-written page content in varied municipal-website chrome.

The content files (``content_*.txt`` beside this module) hold the main text of each
page in a tiny markup; this module turns one page into a complete HTML document with
header, navigation, breadcrumb and footer in one of several CMS styles.

Markup of a page body (one construct per block, blocks separated by blank lines):

    ! lead paragraph (ingress)
    ## heading / ### subheading
    - bullet item             1. numbered item
    | a | b |  (table, first row is the header)
    ?? accordion title        (content follows until the next '?? ' or a lone '??')
    > fact box line           (consecutive lines form one box)
    => [Button text](url)     (call-to-action link)
    <raw html line>           (passed through unchanged)
    inline: [text](url), **bold**

Only the standard library is used.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlparse

# ---------------------------------------------------------------------------------------
# content parsing


@dataclass
class Page:
    kind: str  # pos / neg / page
    meta: dict[str, str]
    body: list[str] = field(default_factory=list)


def parse_pages(text: str) -> list[Page]:
    pages: list[Page] = []
    cur: Page | None = None
    in_body = False
    for line in text.splitlines():
        if line.startswith("=== "):
            cur = Page(kind=line[4:].strip(), meta={})
            pages.append(cur)
            in_body = False
            continue
        if cur is None:
            continue
        if not in_body:
            if line.strip() == "---":
                in_body = True
                continue
            if not line.strip():
                continue
            key, _, value = line.partition(":")
            cur.meta[key.strip()] = value.strip()
        else:
            cur.body.append(line)
    return pages


def slugify(name: str) -> str:
    s = name.lower().replace("å", "a").replace("ä", "a").replace("ö", "o").replace("é", "e")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", s)


def _seed(*parts: str) -> int:
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest()[:12], 16)


# ---------------------------------------------------------------------------------------
# inline + block rendering

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_NUM = re.compile(r"^\d+\. ")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def inline(text: str) -> str:
    out: list[str] = []
    pos = 0
    for m in _LINK.finditer(text):
        out.append(_bold(html.escape(text[pos : m.start()], quote=False)))
        label, href = m.group(1), m.group(2)
        ext = ""
        if href.startswith("http") and not href.endswith(".pdf"):
            ext = ' rel="external"'
        out.append(f'<a href="{html.escape(href)}"{ext}>{_bold(html.escape(label, quote=False))}</a>')
        pos = m.end()
    out.append(_bold(html.escape(text[pos:], quote=False)))
    return "".join(out)


def _bold(s: str) -> str:
    return _BOLD.sub(r"<strong>\1</strong>", s)


def _split_blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    cur: list[str] = []
    for line in lines:
        if not line.strip():
            if cur:
                blocks.append(cur)
                cur = []
            continue
        cur.append(line.rstrip())
    if cur:
        blocks.append(cur)
    return blocks


def render_body(lines: list[str], style: str, uid: str) -> str:
    out: list[str] = []
    acc_items: list[tuple[str, list[str]]] = []
    acc_title: str | None = None
    acc_lines: list[str] = []

    def flush_acc_item() -> None:
        nonlocal acc_title, acc_lines
        if acc_title is not None:
            acc_items.append((acc_title, acc_lines))
        acc_title, acc_lines = None, []

    def flush_acc() -> None:
        flush_acc_item()
        if acc_items:
            out.append(render_accordion(acc_items, style, uid + str(len(out))))
            acc_items.clear()

    for line in lines:
        s = line.strip()
        if s.startswith("?? "):
            flush_acc_item()
            acc_title = s[3:].strip()
            continue
        if s == "??":
            flush_acc()
            continue
        if acc_title is not None:
            acc_lines.append(line)
            continue
        out.append(line)
    flush_acc()
    # `out` now mixes raw lines and rendered accordions; render remaining blocks
    rendered: list[str] = []
    buf: list[str] = []
    for item in out:
        if item.startswith("<!--ACC-->"):
            rendered.append(render_blocks(buf, style))
            buf = []
            rendered.append(item[len("<!--ACC-->") :])
        else:
            buf.append(item)
    rendered.append(render_blocks(buf, style))
    return "\n".join(r for r in rendered if r)


def render_blocks(lines: list[str], style: str) -> str:
    parts: list[str] = []
    for block in _split_blocks(lines):
        first = block[0].lstrip()
        if first.startswith("## "):
            parts.append(f"<h2>{inline(first[3:])}</h2>")
            rest = block[1:]
            if rest:
                parts.append(render_blocks(rest, style))
        elif first.startswith("### "):
            parts.append(f"<h3>{inline(first[4:])}</h3>")
            rest = block[1:]
            if rest:
                parts.append(render_blocks(rest, style))
        elif first.startswith("! "):
            cls = {"sitevision": "sv-font-ingress", "episerver": "lead", "municipio": "lead"}.get(style, "ingress")
            parts.append(f'<p class="{cls}">{inline(" ".join(b.strip() for b in block)[2:])}</p>')
        elif first.startswith("- "):
            items = "".join(f"<li>{inline(b.strip()[2:])}</li>" for b in block if b.strip().startswith("- "))
            parts.append(f"<ul>{items}</ul>")
        elif re.match(r"\d+\. ", first):
            items = "".join("<li>" + inline(_NUM.sub("", b.strip())) + "</li>" for b in block)
            parts.append(f"<ol>{items}</ol>")
        elif first.startswith("|"):
            rows = [[c.strip() for c in b.strip().strip("|").split("|")] for b in block]
            head = "".join(f'<th scope="col">{inline(c)}</th>' for c in rows[0])
            body = "".join(
                "<tr>" + "".join(f"<td>{inline(c)}</td>" for c in r) + "</tr>" for r in rows[1:]
            )
            parts.append(f'<table class="table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')
        elif first.startswith("> "):
            inner = "".join(f"<p>{inline(b.strip()[2:])}</p>" for b in block)
            cls = {"sitevision": "sv-decoration-info", "episerver": "factbox", "municipio": "c-notice c-notice--info"}.get(
                style, "infobox"
            )
            parts.append(f'<div class="{cls}">{inner}</div>')
        elif first.startswith("=> "):
            for b in block:
                m = _LINK.search(b)
                if m:
                    cls = {"sitevision": "sv-button env-button", "municipio": "c-button c-button__filled"}.get(
                        style, "btn btn-primary"
                    )
                    parts.append(f'<p><a class="{cls}" href="{html.escape(m.group(2))}">{inline(m.group(1))}</a></p>')
        elif first.startswith("<"):
            parts.append("\n".join(block))
        else:
            parts.append(f"<p>{inline(' '.join(b.strip() for b in block))}</p>")
    return "\n".join(parts)


def render_accordion(items: list[tuple[str, list[str]]], style: str, uid: str) -> str:
    html_items: list[str] = []
    for i, (title, lines) in enumerate(items):
        inner = render_blocks(lines, style)
        if style == "municipio" or style == "legacy":
            html_items.append(f'<details class="c-accordion__section"><summary>{inline(title)}</summary>{inner}</details>')
        elif style == "sitevision":
            html_items.append(
                f'<div class="sv-expandable"><h2 class="env-ui-text-subheading"><button class="env-button--link" '
                f'aria-expanded="false" aria-controls="acc{uid}{i}">{inline(title)}</button></h2>'
                f'<div id="acc{uid}{i}" class="sv-expandable-content" hidden>{inner}</div></div>'
            )
        else:
            html_items.append(
                f'<div class="accordion-item"><h3 class="accordion-header"><button class="accordion-button collapsed" '
                f'type="button" data-bs-toggle="collapse" data-bs-target="#c{uid}{i}">{inline(title)}</button></h3>'
                f'<div id="c{uid}{i}" class="accordion-collapse collapse"><div class="accordion-body">{inner}</div></div></div>'
            )
    return "<!--ACC-->" + '<div class="accordion">' + "\n".join(html_items) + "</div>"


# ---------------------------------------------------------------------------------------
# chrome

STYLES = ["sitevision", "episerver", "municipio", "drupal", "legacy", "umbraco"]

NAVS = [
    ["Omsorg och stöd", "Barn och utbildning", "Bygga, bo och miljö", "Kultur och fritid", "Kommun och politik", "Näringsliv och arbete"],
    ["Vård och omsorg", "Förskola och skola", "Trafik och gator", "Uppleva och göra", "Jobb och företag", "Kommunen"],
    ["Stöd och omsorg", "Utbildning", "Bo och leva", "Fritid", "Organisation och styrning"],
    ["Hjälp och stöd", "Skola och barnomsorg", "Miljö och hälsa", "Arbete", "Turism", "Om kommunen"],
]

FEEDBACK = [
    '<form class="page-feedback" action="/feedback" method="post"><fieldset><legend>Hittade du den information du sökte?</legend>'
    '<button name="answer" value="yes">Ja</button> <button name="answer" value="no">Nej</button></fieldset></form>',
    '<div class="sv-feedback"><p>Var informationen på sidan till hjälp?</p><button>Ja</button><button>Nej</button>'
    '<p class="small">Svaret används för att förbättra webbplatsen. Du får inget svar på din kommentar.</p></div>',
    '<aside class="c-feedback"><h2>Tyck till om sidan</h2><p>Hjälp oss att förbättra webbplatsen. Vi kan inte svara '
    'på frågor här – kontakta oss i stället via kontaktcenter.</p></aside>',
    "",
]

PHONE_AREAS = ["0570", "0611", "0910", "0522", "0470", "0155", "0250", "0657", "0370", "0142", "0451", "0920"]


def phone(seed: int, prefix: str | None = None) -> str:
    area = prefix or PHONE_AREAS[seed % len(PHONE_AREAS)]
    n = 100000 + seed % 899999
    s = str(n)
    return f"{area}-{s[:2]} {s[2:4]} {s[4:6]}"


def date_for(seed: int) -> str:
    y = 2024 + seed % 2
    m = 1 + (seed // 7) % 12
    d = 1 + (seed // 91) % 28
    return f"{y}-{m:02d}-{d:02d}"


SEGMENTS = {
    "omsorg-och-stod": "Omsorg och stöd", "vard-och-omsorg": "Vård och omsorg", "stod-och-omsorg": "Stöd och omsorg",
    "omsorg-stod": "Omsorg och stöd", "omsorg-och-hjalp": "Omsorg och hjälp", "aldreomsorg": "Äldreomsorg",
    "aldre": "Äldre", "hemtjanst": "Hemtjänst", "senior": "Senior", "hjalp-i-hemmet": "Hjälp i hemmet",
    "stod-i-hemmet": "Stöd i hemmet", "hjalp-och-stod": "Hjälp och stöd", "aldre-och-funktionsnedsattning":
    "Äldre och funktionsnedsättning", "avgifter": "Avgifter", "kommun-och-politik": "Kommun och politik",
    "bo-bygga-och-miljo": "Bo, bygga och miljö", "barn-och-utbildning": "Barn och utbildning",
    "forskola": "Förskola", "stod-for-aldre": "Stöd för äldre", "for-aldre": "För äldre",
    "trygghetslarm": "Trygghetslarm", "kontakt": "Kontakt", "synpunkter": "Synpunkter",
    "aldre-och-anhoriga": "Äldre och anhöriga", "stod-och-hjalp": "Stöd och hjälp", "socialt-stod": "Socialt stöd",
    "trafik-och-gator": "Trafik och gator", "nyheter": "Nyheter", "kommunen": "Kommunen",
    "jobb-och-foretag": "Jobb och företag", "arbete": "Arbete", "lattlast": "Lättläst",
    "other-languages": "Other languages", "languages": "Languages",
}


def crumbs_from_url(url: str) -> list[str]:
    path = urlparse(url).path.strip("/")
    segs = [s for s in path.split("/") if s and not re.fullmatch(r"(sv|en|[0-9].*|index\..*|node|page|sida|content)", s)]
    out = []
    for s in segs[:-1]:
        s = re.sub(r"\.html?$", "", s)
        out.append(SEGMENTS.get(s, s.replace("-", " ").capitalize()))
    return out


def kommun_name(site_name: str) -> str:
    if site_name.endswith((" kommun", " stad")) or "förbund" in site_name or "nämnd" in site_name:
        return site_name
    if site_name[-1].lower() in "aeiouyåäös":
        return f"{site_name} kommun"
    return f"{site_name}s kommun"


def render_page(page: Page, label_line: str | None, site_name: str, url: str, style: str | None = None) -> str:
    seed = _seed(url, page.meta.get("title", ""))
    host = urlparse(url).netloc
    style = style or page.meta.get("style") or STYLES[_seed(site_name) % len(STYLES)]
    uid = format(seed % 99999, "x")
    title = page.meta.get("title", "Hemtjänst")
    body = render_body(page.body, style, uid)
    crumbs = [c.strip() for c in page.meta["crumbs"].split(">")] if "crumbs" in page.meta else crumbs_from_url(url)
    kommun = kommun_name(site_name)
    if "kommunname" in page.meta:
        kommun = page.meta["kommunname"]
    updated = page.meta.get("date") or date_for(seed)
    eservice = page.meta.get("chrome") == "eservice"
    if eservice:
        return _eservice_doc(page, label_line, kommun, url, title, body, updated)
    nav = NAVS[_seed(site_name, "nav") % len(NAVS)]
    active = _seed(site_name) % 1
    del active
    fb = FEEDBACK[seed % len(FEEDBACK)]
    tel = phone(_seed(site_name), page.meta.get("area"))
    translate = (
        '<div id="google_translate_element"><button class="translate-toggle" aria-haspopup="true">Translate / Språk</button></div>'
        if seed % 3 == 0
        else '<a class="header-tool" href="#" data-readspeaker>Lyssna</a>'
        if seed % 3 == 1
        else '<button class="header-tool" id="lang-btn">Språk</button>'
    )
    head = (
        f"<!DOCTYPE html>\n"
        + (f"{label_line}\n" if label_line else "")
        + f'<html lang="sv">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)} - {html.escape(kommun)}</title>\n"
        f'<link rel="canonical" href="{html.escape(url)}">\n'
        f'<meta name="description" content="{html.escape(page.meta.get("desc", title))}">\n'
    )
    crumb_html = _crumbs(crumbs, title, host, style)
    footer = _footer(kommun, tel, host, style, seed, page.meta.get("town", site_name.replace(" stad", "").replace(" kommun", "")))
    if style == "sitevision":
        doc = (
            head
            + '<link rel="stylesheet" href="/sitevision/system-resource/c2f1b5/css/portlets.css">\n</head>\n'
            f'<body class="sv-responsive">\n<div class="sv-layout" id="svid10_head">\n<header class="header">'
            f'<a class="skip" href="#content">Till innehållet</a><a href="https://{host}/" class="logo">'
            f'<img src="/images/18.3f2a/logo.svg" alt="{html.escape(kommun)}, till startsidan"></a>'
            f'<div class="header-tools">{translate}<form role="search" action="/sok.html"><input name="query" '
            f'placeholder="Vad letar du efter?"><button>Sök</button></form></div></header>\n'
            + _nav(nav, host, "sv-menu")
            + f"</div>\n{crumb_html}\n<main id=\"content\" class=\"sv-layout sv-template-layout\">\n"
            f'<div class="sv-text-portlet"><h1 class="heading">{html.escape(title)}</h1>\n{body}\n</div>\n'
            f'<div class="sv-text-portlet page-updated"><p>Senast uppdaterad: {updated}</p></div>\n{fb}\n</main>\n'
            + footer
            + "</body>\n</html>\n"
        )
    elif style == "episerver":
        doc = (
            head
            + '<link rel="stylesheet" href="/dist/main.8a7c3.css">\n</head>\n<body>\n'
            f'<header class="site-header"><div class="container"><a class="brand" href="/">{html.escape(kommun)}</a>'
            f'{translate}<a class="header-link" href="/kontakt/">Kontakt</a><button class="menu-toggle">Meny</button></div></header>\n'
            + _nav(nav, host, "main-nav")
            + f'{crumb_html}\n<main id="main-content" class="container"><article class="article-page">\n'
            f'<h1>{html.escape(title)}</h1>\n{body}\n'
            f'<footer class="article-footer"><p class="updated">Sidan uppdaterades {updated}</p>'
            f'<a href="javascript:window.print()">Skriv ut</a> <a href="#share">Dela</a></footer>\n</article>\n{fb}</main>\n'
            + footer
            + "</body>\n</html>\n"
        )
    elif style == "municipio":
        doc = (
            head
            + '<link rel="stylesheet" href="/wp-content/themes/municipio/assets/dist/css/app.css">\n</head>\n'
            f'<body class="page-template-default page wp-embed-responsive">\n'
            f'<header class="c-header"><nav class="c-navbar"><a class="c-navbar__logo" href="/">{html.escape(kommun)}</a>'
            + _nav(nav, host, "c-nav")
            + f'<div class="c-navbar__tools">{translate}<a href="/?s=">Sök</a></div></nav></header>\n'
            f'{crumb_html}\n<div class="o-container"><div class="o-grid"><aside class="o-grid-3 c-sidebar">'
            + _sidenav(crumbs, title)
            + f'</aside><main id="article" class="o-grid-9"><article class="c-article">'
            f'<h1 class="c-typography c-typography__variant--h1">{html.escape(title)}</h1>\n{body}\n'
            f'</article><p class="c-meta">Publicerad {date_for(seed + 11)} · Senast ändrad {updated}</p>{fb}</main></div></div>\n'
            + footer
            + "</body>\n</html>\n"
        )
    elif style == "drupal":
        doc = (
            head
            + '<link rel="stylesheet" media="all" href="/sites/default/files/css/css_Y1n8.css">\n</head>\n'
            f'<body class="path-node page-node-type-page">\n<a href="#main-content" class="visually-hidden focusable">Hoppa till huvudinnehåll</a>\n'
            f'<div class="dialog-off-canvas-main-canvas"><header role="banner" class="region-header">'
            f'<div class="site-branding"><a href="/" rel="home">{html.escape(kommun)}</a></div>{translate}</header>\n'
            + _nav(nav, host, "menu--main")
            + f'{crumb_html}\n<main role="main"><a id="main-content" tabindex="-1"></a>'
            f'<div class="region-content"><article role="article" class="node node--type-page node--view-mode-full">'
            f'<h1 class="page-title"><span>{html.escape(title)}</span></h1>\n<div class="field--name-body">{body}</div>\n'
            f'</article></div>{fb}</main>\n'
            + footer
            + "</div>\n</body>\n</html>\n"
        )
    elif style == "legacy":
        doc = (
            head
            + '<link rel="stylesheet" href="/css/stil.css" type="text/css">\n</head>\n<body>\n'
            f'<table width="100%" class="layout"><tr><td colspan="2" class="top"><a href="/">'
            f'<img src="/bilder/logga.gif" alt="{html.escape(kommun)}"></a> <span class="top-links">'
            f'<a href="/sok/">Sök</a> | <a href="/kontakt/">Kontakta oss</a> | {translate}</span></td></tr>\n'
            f'<tr><td class="left" valign="top" width="200">'
            + _sidenav(crumbs, title)
            + _nav(nav, host, "leftmenu")
            + f'</td><td class="content" valign="top"><div class="path">{crumb_html}</div>\n'
            f'<h1>{html.escape(title)}</h1>\n{body}\n<p class="date">Uppdaterad {updated}</p></td></tr></table>\n'
            + footer
            + "</body>\n</html>\n"
        )
    else:  # umbraco
        doc = (
            head
            + '<link rel="stylesheet" href="/css/site.min.css?v=4">\n</head>\n<body class="content-page">\n'
            f'<div class="cookie-banner" role="dialog"><p>Vi använder kakor (cookies) för att webbplatsen ska fungera och för '
            f'besöksstatistik.</p><button>Godkänn alla</button><button>Endast nödvändiga</button></div>\n'
            f'<header class="top"><a class="logo" href="/"><span>{html.escape(kommun)}</span></a>{translate}'
            f'<a href="/e-tjanster/">E-tjänster</a></header>\n'
            + _nav(nav, host, "primary-nav")
            + f'<main id="main"><div class="page-header">{crumb_html}<h1>{html.escape(title)}</h1></div>\n'
            f'<div class="grid"><div class="block-text">{body}</div></div>\n<div class="page-meta">Senast granskad {updated}</div>{fb}</main>\n'
            + footer
            + "</body>\n</html>\n"
        )
    return doc


def _nav(items: list[str], host: str, cls: str) -> str:
    lis = "".join(f'<li><a href="/{_hyph(i)}/">{html.escape(i)}</a></li>' for i in items)
    return f'<nav class="{cls}" aria-label="Huvudmeny"><ul>{lis}</ul></nav>\n'


def _hyph(label: str) -> str:
    return "-".join(slugify(w) for w in label.replace(",", "").split())


def _sidenav(crumbs: list[str], title: str) -> str:
    if not crumbs:
        return ""
    parent = crumbs[-1]
    return (
        f'<nav class="subnav" aria-label="Undermeny"><p class="subnav-title">{html.escape(parent)}</p>'
        f'<ul><li class="active"><a aria-current="page" href="#">{html.escape(title)}</a></li></ul></nav>'
    )


def _crumbs(crumbs: list[str], title: str, host: str, style: str) -> str:
    items = ['<li><a href="/">Start</a></li>'] + [
        f'<li><a href="/{_hyph(c)}/">{html.escape(c)}</a></li>' for c in crumbs
    ] + [f'<li aria-current="page">{html.escape(title)}</li>']
    return f'<nav class="breadcrumb" aria-label="Brödsmulor"><ol>{"".join(items)}</ol></nav>'


def _footer(kommun: str, tel: str, host: str, style: str, seed: int, town: str = "") -> str:
    base = (town or kommun.split()[0]).upper()
    street = ["Storgatan", "Kyrkogatan", "Torget", "Järnvägsgatan", "Rådhusgatan", "Drottninggatan"][seed % 6]
    num = 3 + seed % 40
    post = 100 + seed % 899
    hours = ["måndag–fredag 8.00–16.30", "vardagar 8–17", "mån–tors 8.00–16.30, fre 8.00–15.00"][seed % 3]
    return (
        f'<footer class="site-footer"><div class="footer-col"><h2>Kontakta oss</h2>'
        f"<p>{html.escape(kommun)}<br>{street} {num}<br>{post:03d} {seed % 90 + 10} {html.escape(base)}</p>"
        f'<p>Telefon (växel): {tel}<br>E-post: <a href="mailto:kommun@{host.replace("www.", "")}">kommun@{host.replace("www.", "")}</a></p>'
        f"<p>Kontaktcenter har öppet {hours}.</p></div>"
        f'<div class="footer-col"><h2>Genvägar</h2><ul><li><a href="/lediga-jobb/">Lediga jobb</a></li>'
        f'<li><a href="/press/">Press och media</a></li><li><a href="/om-webbplatsen/">Om webbplatsen</a></li>'
        f'<li><a href="/tillganglighetsredogorelse/">Tillgänglighetsredogörelse</a></li>'
        f'<li><a href="/kakor/">Kakor (cookies)</a></li><li><a href="/dataskydd/">Så behandlar vi personuppgifter</a></li></ul></div>'
        f'<div class="footer-col"><h2>Följ oss</h2><ul><li><a href="https://www.facebook.com/">Facebook</a></li>'
        f'<li><a href="https://www.instagram.com/">Instagram</a></li><li><a href="https://www.linkedin.com/">LinkedIn</a></li></ul></div>'
        f"</footer>\n"
    )


def _eservice_doc(page: Page, label_line: str | None, kommun: str, url: str, title: str, body: str, updated: str) -> str:
    host = urlparse(url).netloc
    platform = page.meta.get("platform", "Open ePlatform")
    return (
        "<!DOCTYPE html>\n"
        + (f"{label_line}\n" if label_line else "")
        + f'<html lang="sv">\n<head>\n<meta charset="utf-8">\n<title>{html.escape(title)} - E-tjänster - {html.escape(kommun)}</title>\n'
        f'<link rel="canonical" href="{html.escape(url)}">\n<link rel="stylesheet" href="/static/global/css/openhierarchy.css">\n</head>\n'
        f'<body class="eservice">\n<header class="of-header"><a class="logo" href="/"><img src="/static/logo.png" alt="{html.escape(kommun)}"> E-tjänster</a>'
        f'<nav class="of-nav"><a href="/oversikt">Alla e-tjänster</a> <a href="/mina-sidor">Mina sidor</a> '
        f'<a href="/login">Logga in</a></nav></header>\n<main class="of-main"><section class="service">'
        f'<h1>{html.escape(title)}</h1>\n{body}\n</section></main>\n'
        f'<footer class="of-footer"><p>{html.escape(kommun)} · Drivs på {html.escape(platform)} · '
        f'<a href="/tillganglighet">Tillgänglighetsredogörelse</a> · <a href="https://{host}/kakor">Kakor</a></p></footer>\n'
        "</body>\n</html>\n"
    )

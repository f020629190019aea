"""HTML chrome shared by generated pages and dynamic pages (search, calendar, results)."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from .model import OVERLAY_TOKEN, SID_TOKEN

MAXTAXA = 2575
FORBEHALL = 6918
TIMTAXA = 350

_FOLD = str.maketrans(
    {"å": "a", "ä": "a", "ö": "o", "Å": "A", "Ä": "A", "Ö": "O", "é": "e", "É": "E", "ü": "u"}
)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def slugify(title: str) -> str:
    s = title.translate(_FOLD).lower()
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "sida"


def encode(text: str, charset: str) -> bytes:
    if charset.lower().replace("_", "-") in ("utf-8", "utf8"):
        return text.encode("utf-8")
    text = (
        text.replace("\u2013", "-")
        .replace("\u2014", "-")
        .replace("\u2026", "...")
        .replace("\u203a", "&rsaquo;")
    )
    return text.encode(charset, errors="xmlcharrefreplace")


CSS = (
    "body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#1b1b1b;line-height:1.5}"
    "header.site-header{display:flex;flex-wrap:wrap;gap:1em;align-items:center;padding:.8em 1.5em;background:#00515f;color:#fff}"
    "header.site-header a{color:#fff}.logo{font-size:1.4em;font-weight:bold;text-decoration:none}"
    "nav.main-menu ul{list-style:none;display:flex;flex-wrap:wrap;gap:1.2em;margin:0;padding:.6em 1.5em;background:#e6f0f1}"
    ".breadcrumbs{padding:.4em 1.5em;font-size:.9em}.layout{display:flex;gap:2em;padding:0 1.5em}"
    "nav.sub-menu{min-width:14em}main{max-width:46em;flex:1}footer{margin-top:3em;padding:1.5em;background:#233;color:#eee}"
    "footer a{color:#cde}table{border-collapse:collapse}td,th{border:1px solid #aaa;padding:.2em .5em}"
    ".lead{font-size:1.15em}.contact-box{border:1px solid #ccc;padding:1em;margin-top:2em}"
)

CALC_JS = (
    "function waCalc(f){var inc=parseFloat(f.inkomst.value)||0,rent=parseFloat(f.boende.value)||0,"
    "h=parseFloat(f.timmar.value)||0;"
    f"var utr=Math.max(0,Math.round(inc*0.7-rent-{FORBEHALL}));"
    f"var fee=Math.min(Math.round(h*{TIMTAXA}),{MAXTAXA},utr);var o=f.querySelector('output');"
    "o.textContent='Din preliminära avgift för hemtjänst: '+fee+' kr per månad.';return false;}"
)

CHILDCARE_JS = (
    "function waKid(f){var inc=parseFloat(f.inkomst.value)||0;var n=parseInt(f.barn.value)||1;"
    "var fee=Math.min(Math.round(inc*(n>1?0.02:0.03)),1688);var o=f.querySelector('output');"
    "o.textContent='Din avgift för förskola: '+fee+' kr per månad.';return false;}"
)


def compute_fee(inkomst: float, boende: float, timmar: float) -> int:
    """Server-side twin of CALC_JS."""
    utr = max(0, round(inkomst * 0.7 - boende - FORBEHALL))
    return int(min(round(timmar * TIMTAXA), MAXTAXA, utr))


def calculator_form(action: str, heading: str = "Avgiftskalkyl för hemtjänst") -> str:
    """A real HTML form whose inline handler computes the fee (works when injected too)."""
    return (
        f'<form class="avgiftskalkyl" method="get" action="{esc(action)}" onsubmit="return waCalc(this)">'
        f"<fieldset><legend>{esc(heading)}</legend>"
        '<p><label for="inkomst">Din inkomst per månad före skatt (kr)</label> '
        '<input id="inkomst" name="inkomst" type="number" min="0" required></p>'
        '<p><label for="boende">Din boendekostnad per månad (kr)</label> '
        '<input id="boende" name="boende" type="number" min="0"></p>'
        '<p><label for="timmar">Antal timmar hemtjänst per månad</label> '
        '<input id="timmar" name="timmar" type="number" min="0"></p>'
        '<p><button type="submit">Beräkna avgift</button></p>'
        '<output name="resultat" aria-live="polite"></output></fieldset></form>'
    )


def childcare_form(action: str) -> str:
    return (
        f'<form class="kalkyl-forskola" method="get" action="{esc(action)}" onsubmit="return waKid(this)">'
        "<fieldset><legend>Räkna ut din avgift för förskola och fritidshem</legend>"
        '<p><label for="fs-inkomst">Hushållets inkomst per månad (kr)</label> '
        '<input id="fs-inkomst" name="inkomst" type="number" min="0"></p>'
        '<p><label for="fs-barn">Antal barn i förskola</label> <input id="fs-barn" name="barn" type="number" min="1" value="1"></p>'
        '<p><button type="submit">Beräkna</button></p><output aria-live="polite"></output></fieldset></form>'
    )


def consent_overlay(charset: str | None) -> bytes:
    """The cookie-consent overlay (served while the consent cookie is missing)."""
    text = (
        '<div id="cookie-consent" role="dialog" aria-modal="true" aria-labelledby="cc-title" '
        'style="position:fixed;top:0;left:0;width:100%;height:100%;z-index:2147483647;'
        'background:rgba(0,0,0,.78);display:flex;align-items:center;justify-content:center">'
        '<div style="background:#fff;color:#000;max-width:32em;padding:1.5em;border-radius:6px">'
        '<h2 id="cc-title">Vi använder kakor</h2>'
        "<p>Vi använder kakor (cookies) för att webbplatsen ska fungera och för att förbättra den. "
        "Du kan godkänna alla kakor eller bara de nödvändiga.</p>"
        '<button type="button" id="cc-accept-all" onclick="ccSet(\'all\')">Godkänn alla</button> '
        '<button type="button" id="cc-necessary" onclick="ccSet(\'necessary\')">Endast nödvändiga</button>'
        "</div></div><script>function ccSet(v){document.cookie='cookieconsent='+v+'; path=/; max-age=31536000; SameSite=Lax';"
        "var e=document.getElementById('cookie-consent');if(e){e.remove();}document.documentElement.style.overflow='';}"
        "if(document.cookie.indexOf('cookieconsent=')>=0){var e=document.getElementById('cookie-consent');if(e){e.remove();}}"
        "else{document.documentElement.style.overflow='hidden';}</script>"
    )
    return encode(text, charset or "utf-8")


@dataclass
class SiteTemplate:
    """Everything needed to wrap content in one site's chrome."""

    kommun: str
    charset: str  # utf-8 or iso-8859-1
    meta_only: bool  # charset only in <meta>, not in the header
    cms: str
    home_href: str
    menu: list[tuple[str, str]]  # (title, href) of the main menu
    search_href: str | None
    az_href: str | None
    overlay: bool
    footer_links: list[tuple[str, str]] = field(default_factory=list)
    trap_links: list[tuple[str, str]] = field(default_factory=list)
    vaxel: str = ""
    address: str = ""

    @property
    def content_type(self) -> str:
        if self.meta_only:
            return "text/html"
        return "text/html; charset=" + ("utf-8" if self.charset == "utf-8" else "ISO-8859-1")

    def render(
        self,
        title: str,
        content: str,
        *,
        breadcrumbs: list[tuple[str, str]] | None = None,
        submenu: str = "",
        head_extra: str = "",
        body_end: str = "",
        active: str | None = None,
        h1: str | None = None,
    ) -> bytes:
        if self.charset == "utf-8":
            meta = '<meta charset="utf-8">'
        else:
            meta = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        tools = []
        if self.az_href:
            tools.append(f'<a href="{esc(self.az_href)}">A–Ö</a>')
        tools.append(
            '<select aria-label="Translate" class="translate-widget"><option>Translate</option>'
            "<option>English</option><option>Deutsch</option><option>Suomi</option></select>"
        )
        if self.search_href:
            tools.append(
                f'<form role="search" action="{esc(self.search_href)}" method="get">'
                '<label for="q">Sök på webbplatsen</label> <input id="q" name="q" type="search"> '
                '<button type="submit">Sök</button></form>'
            )
        act = ' class="active"'
        menu = "".join(
            f'<li{act if t == active else ""}><a href="{esc(h)}">{esc(t)}</a></li>'
            for t, h in self.menu
        )
        crumbs = ""
        if breadcrumbs:
            crumbs = (
                '<nav class="breadcrumbs" aria-label="Brödsmulor">'
                + " › ".join(f'<a href="{esc(h)}">{esc(t)}</a>' for t, h in breadcrumbs)
                + f" › <span>{esc(title)}</span></nav>"
            )
        foot_links = " | ".join(
            f'<a href="{esc(h)}">{esc(t)}</a>' for t, h in self.footer_links + self.trap_links
        )
        overlay = OVERLAY_TOKEN.decode() if self.overlay else ""
        page = (
            "<!DOCTYPE html>\n"
            f'<html lang="sv">\n<head>\n{meta}\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)} - {esc(self.kommun)} kommun</title>\n<style>{CSS}</style>\n{head_extra}</head>\n"
            f'<body class="cms-{self.cms}">\n{overlay}'
            '<a class="skip" href="#main">Till innehållet</a>\n'
            f'<header class="site-header"><a class="logo" href="{esc(self.home_href)}">{esc(self.kommun)} kommun</a>'
            f'<div class="tools">{" ".join(tools)}</div></header>\n'
            f'<nav class="main-menu" aria-label="Huvudmeny"><ul>{menu}</ul></nav>\n{crumbs}\n'
            f'<div class="layout">{submenu}<main id="main">\n<h1>{esc(h1 or title)}</h1>\n{content}\n</main></div>\n'
            f"<footer><p><strong>{esc(self.kommun)} kommun</strong><br>{esc(self.address)}<br>"
            f"Växel: {esc(self.vaxel)}</p><p>{foot_links}</p></footer>\n{body_end}</body>\n</html>\n"
        )
        return encode(page, self.charset)


def sid_href(target: str, style: str) -> str:
    """A session-id trap link (fresh id on every response)."""
    tok = SID_TOKEN.decode()
    if style == "jsession":
        path, _, query = target.partition("?")
        return f"{path};jsessionid={tok}" + (f"?{query}" if query else "")
    return target + ("&" if "?" in target else "?") + f"sid={tok}"

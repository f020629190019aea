"""Pages computed per request: site search, endless calendar, fee-calculator results, alias
redirects. Pure functions of (web, host, target)."""

from __future__ import annotations

import zlib
from urllib.parse import parse_qs, quote_plus

from .model import Host, HostBase, Page, Site, Web, abs_url
from .template import compute_fee, esc

PER_PAGE = 10
MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
EVENTS = [
    "Konsert i kyrkan",
    "Seniordans på träffpunkten",
    "Sagostund på biblioteket",
    "Loppmarknad på torget",
    "Föreläsning om hälsa",
    "Vernissage i konsthallen",
    "Öppet hus på kulturskolan",
    "Stickcafé",
    "Guidad naturvandring",
]


def render(web: Web, host: HostBase, kind: str, target: str) -> Page | None:
    path, _, query = target.partition("?")
    params = {k: v[0] for k, v in parse_qs(query, keep_blank_values=True).items()}
    if kind == "search" and isinstance(host, Site):
        return _search(host, params)
    if kind == "calendar" and isinstance(host, Site):
        return _calendar(host, params)
    if kind == "feecalc":
        return _feecalc(host, path, params)
    if kind == "alias" and isinstance(host, Host):
        site = web.site(host.owner) if host.owner else None
        if site is None:
            return None
        loc = abs_url(site.host, target if path != "/" else "/")
        body = f'<html><body><p>Flyttad till <a href="{esc(loc)}">{esc(loc)}</a></p></body></html>'.encode()
        return Page(
            body, "text/html; charset=utf-8", status=301, headers={"Location": loc}, kind="redirect"
        )
    return None


def _html_page(site: Site, title: str, content: str) -> Page:
    tpl = site.template
    return Page(
        tpl.render(title, content),
        tpl.content_type,
        charset=tpl.charset,
        title=title,
        kind="dynamic",
    )


def _search(site: Site, params: dict[str, str]) -> Page:
    q = params.get("q", "").strip()
    try:
        page_no = max(1, int(params.get("page", "1")))
    except ValueError:
        page_no = 1
    form = (
        f'<form action="/sok" method="get"><label for="sq">Sök</label> <input id="sq" name="q" value="{esc(q)}">'
        '<button type="submit">Sök</button></form>'
    )
    if not q:
        return _html_page(site, "Sök", form)
    terms = q.casefold().split()
    hits = []
    for href, title, text in site.search_index:
        tl = title.casefold()
        if all(t in tl or t in text for t in terms):
            score = sum(3 if t in tl else 0 for t in terms) + sum(text.count(t) for t in terms)
            hits.append((-score, title, href, text))
    hits.sort()
    total = len(hits)
    chunk = hits[(page_no - 1) * PER_PAGE : page_no * PER_PAGE]
    items = []
    for _, title, href, text in chunk:
        pos = max(0, text.find(terms[0]) - 60)
        items.append(
            f'<li><a href="{esc(href)}">{esc(title)}</a><p>…{esc(text[pos : pos + 180])}…</p></li>'
        )
    nav = ""
    if page_no * PER_PAGE < total:
        nav = f'<p><a href="/sok?q={quote_plus(q)}&amp;page={page_no + 1}">Nästa sida</a></p>'
    content = (
        form
        + f'<p>{total} träffar för ”{esc(q)}”</p><ol class="search-results">{"".join(items)}</ol>{nav}'
    )
    return _html_page(site, f"Sökresultat för {q}", content)


def _calendar(site: Site, params: dict[str, str]) -> Page | None:
    month = params.get("month", "")
    try:
        y, m = (int(x) for x in month.split("-"))
        if not (1 <= m <= 12 and 1900 <= y <= 9999) or len(month) != 7:
            raise ValueError
    except ValueError:
        return None
    prev_m = f"{y - 1}-12" if m == 1 else f"{y}-{m - 1:02d}"
    next_m = f"{y + 1}-01" if m == 12 else f"{y}-{m + 1:02d}"
    h = zlib.crc32(f"{site.code}:{month}".encode())
    events = []
    for k in range(3 + h % 4):
        day = (h >> (k * 3)) % 28 + 1
        events.append(f"<li>{day} {MONTHS[m - 1]}: {esc(EVENTS[(h + k) % len(EVENTS)])}</li>")
    content = (
        f'<p><a href="/kalender?month={prev_m}">« Föregående månad</a> | <a href="/kalender?month={next_m}">Nästa månad »</a></p>'
        f'<ul class="events">{"".join(events)}</ul>'
    )
    return _html_page(site, f"Evenemang {MONTHS[m - 1]} {y}", content)


def _feecalc(host: HostBase, path: str, params: dict[str, str]) -> Page | None:
    base = host.pages.get(path)
    if "inkomst" not in params or base is None:
        return base
    try:
        fee = compute_fee(
            float(params.get("inkomst") or 0),
            float(params.get("boende") or 0),
            float(params.get("timmar") or 0),
        )
    except ValueError:
        return Page(b"<p>Felaktiga uppgifter.</p>", status=400, kind="error")
    body = (
        f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Resultat - avgiftskalkyl</title></head><body>'
        f"<h1>Din preliminära avgift</h1><p>Din preliminära avgift för hemtjänst: {fee} kr per månad.</p>"
        f'<p><a href="{esc(path)}">Gör en ny beräkning</a></p></body></html>'
    )
    return Page(body.encode("utf-8"), kind="dynamic", title="Resultat")

"""Fixtures for the matchers: the checklist, small pages, and sites seeded into a workspace."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from webaudit.checklists import Checklist, load_checklist
from webaudit.match.document import parse_html
from webaudit.match.engine import ItemMatch, match_document
from webaudit.municipalities import Municipality as Row
from webaudit.store.captures import add_capture, finish_crawl_run, log_crawl, start_crawl_run
from webaudit.store.rounds import register_municipalities
from webaudit.store.tables import Capture
from webaudit.workspace import Workspace

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="session")
def checklist() -> Checklist:
    return load_checklist().checklist


def page(body: str, title: str = "Hemtjänst - Provkommun", head: str = "") -> str:
    """A page with the usual site chrome around `body` (the main content)."""
    return f"""<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><header><a href="/">Provkommun</a><nav><ul><li><a href="/omsorg/">Omsorg och stöd</a></li>
<li><a href="/forskola/avgiftskalkylator/">Avgiftskalkylator för förskola</a></li>
<li><a href="/lattlast/">Lättläst</a></li></ul></nav></header>
<main>{body}</main>
<footer><p>Provkommun, telefon 0123-45 67 00</p><a href="/om/kakor/">Kakor</a></footer></body></html>"""


@pytest.fixture(scope="session")
def match(checklist: Checklist) -> Callable[..., dict[str, ItemMatch]]:
    def run(
        body: str, url: str = "https://www.prov.se/omsorg/aldreomsorg/hemtjanst/", **kw: str
    ) -> dict[str, ItemMatch]:
        return match_document(parse_html(page(body, **kw), url), checklist)

    return run


def seed_site(
    ws: Workspace,
    pages: dict[str, str],
    *,
    code: str = "0114",
    status: str = "ok",
    pdfs: dict[str, str] | None = None,
) -> str:
    """A finished crawl run of `code` with one capture per page (HTML stored in the evidence)."""
    round_id = ws.ensure_round()
    with ws.store.session(write=True) as session:
        register_municipalities(
            session,
            round_id,
            [
                Row(
                    code=code,
                    name="Upplands Väsby",
                    website="https://www.prov.se",
                    population=50495,
                    size_group=3,
                )
            ],
        )
        run = start_crawl_run(
            session, round_id, code, "https://www.prov.se/", settings={}, user_agent="test"
        )
        assert run.id is not None
        for url, html in pages.items():
            stored = ws.evidence.put(html.encode(), "text/html")
            capture = Capture(
                crawl_run_id=run.id,
                round_id=round_id,
                municipality_code=code,
                url=url,
                final_url=url,
                status=200,
                kind="page",
                html_sha256=stored.sha256,
                html_path=stored.path,
                title="t",
            )
            add_capture(session, capture, [stored])
            log_crawl(session, run.id, "visit", url)
        for url, text in (pdfs or {}).items():
            stored = ws.evidence.put(text.encode(), "text/plain")
            capture = Capture(
                crawl_run_id=run.id,
                round_id=round_id,
                municipality_code=code,
                url=url,
                final_url=url,
                status=200,
                kind="pdf",
                text_sha256=stored.sha256,
                text_path=stored.path,
            )
            add_capture(session, capture, [stored])
        log_crawl(
            session,
            run.id,
            "search",
            "https://www.prov.se/sok?q=hemtjänst",
            query="hemtjänst",
            hits=3,
        )
        finish_crawl_run(session, run, status=status, stop_reason="klar")
    return round_id

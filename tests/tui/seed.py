"""A review round with real rows and real files, written fast and deterministically (no browser).

Used by the TUI tests (a few sites) and by bench/tui.py (290 sites x 16 items x 50 captures).
Every site gets a finished crawl run, captures with screenshots, one evaluation with findings
(some with an element crop) and flags, and last round's captures and decisions, some pages
changed since then. Times are fixed so SVG snapshots are stable.
"""

from __future__ import annotations

import hashlib
import io
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from webaudit.evidence import StoredObject
from webaudit.match import MATCHER_VERSION
from webaudit.store.files import record_file
from webaudit.store.rounds import ensure_round
from webaudit.store.tables import (
    Capture,
    CrawlLogEntry,
    CrawlRun,
    Decision,
    DecisionHead,
    Evaluation,
    Finding,
    ItemFlag,
    Municipality,
    RoundMunicipality,
)
from webaudit.workspace import Workspace

NAMES = [
    "Ankeby", "Björkvik", "Dalsjö", "Ekås", "Forsa", "Granlunda", "Hallstad", "Ivarsby",
    "Järnboda", "Kvarnå", "Lindö", "Mossby", "Norrvik", "Ormsjö", "Pilhamn", "Rönnby",
    "Sjöhult", "Tallås", "Ulvsby", "Vallmo", "Åby", "Älvdal", "Önnestad",
]  # fmt: skip
BASE_TIME = datetime(2025, 8, 20, 8, 0, tzinfo=UTC)
PREVIOUS_TIME = datetime(2024, 8, 22, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Seeded:
    round_id: str
    previous_round_id: str
    codes: list[str]
    names: dict[str, str]


def picture(seed: str, width: int = 320, height: int = 200) -> bytes:
    """A PNG that looks like a page: a header bar, text lines, a highlighted box."""
    from PIL import Image, ImageDraw

    shade = hashlib.sha256(seed.encode()).digest()
    image = Image.new("RGB", (width, height), (250, 250, 248))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, height // 8), fill=(shade[0] // 2, 60, 120))
    for line in range(6):
        top = height // 5 + line * height // 10
        draw.rectangle((16, top, width - 16 - (shade[line] % 80), top + 4), fill=(80, 80, 80))
    draw.rectangle((12, height // 2, width // 2, height // 2 + 30), outline=(230, 30, 30), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def seed_review(
    workspace: Workspace,
    *,
    sites: int = 3,
    captures_per_site: int = 6,
    round_id: str = "2025",
    seed: int = 7,
) -> Seeded:
    """Write a whole round (and last round's decisions) into the workspace's store."""

    checklist = workspace.checklist
    previous_id = str(int(round_id) - 1)
    evidence = workspace.evidence
    shots = [evidence.put(picture(f"page-{i}"), "image/png") for i in range(4)]
    crops = [evidence.put(picture(f"crop-{i}", 240, 60), "image/png") for i in range(2)]
    codes = [f"{9100 + n}" for n in range(sites)]
    names = {
        code: NAMES[n % len(NAMES)] + ("" if n < len(NAMES) else f" {n // len(NAMES) + 1}")
        for n, code in enumerate(codes)
    }
    with workspace.store.session(write=True) as session:
        ensure_round(session, workspace.loaded_checklist, round_id, "test")
        ensure_round(session, workspace.loaded_checklist, previous_id, "test")
        for stored in [*shots, *crops]:
            record_file(session, stored)
        for n, code in enumerate(codes):
            session.add(
                Municipality(
                    code=code,
                    name=names[code],
                    size_group=n % 5 + 1,
                    population=10_000 * (n % 5 + 1),
                    website=f"https://www.{code}.example.se/",
                )
            )
            for rid in (round_id, previous_id):
                session.add(
                    RoundMunicipality(
                        round_id=rid,
                        municipality_code=code,
                        website=f"https://www.{code}.example.se/",
                    )
                )
        session.flush()
        for n, code in enumerate(codes):
            site_rng = random.Random(seed * 1000 + n)
            urls = [
                f"https://www.{code}.example.se/omsorg/hemtjanst/sida-{k}/"
                for k in range(captures_per_site)
            ]
            current = _captures(session, round_id, code, urls, shots, BASE_TIME, changed_from=2)
            previous = _captures(session, previous_id, code, urls[:-1], shots, PREVIOUS_TIME)
            _evaluation(session, round_id, code, current, crops, site_rng, checklist)
            _previous_decisions(session, previous_id, code, previous, site_rng, checklist)
    return Seeded(round_id, previous_id, codes, names)


def _captures(
    session: object,
    round_id: str,
    code: str,
    urls: list[str],
    shots: list[StoredObject],
    at: datetime,
    changed_from: int | None = None,
) -> list[Capture]:
    from sqlmodel import Session

    assert isinstance(session, Session)
    run = CrawlRun(
        round_id=round_id,
        municipality_code=code,
        start_url=urls[0],
        started_at=at,
        finished_at=at + timedelta(minutes=3),
        status="ok",
        pages=len(urls),
        stop_reason="inga fler relevanta länkar",
    )
    session.add(run)
    session.flush()
    assert run.id is not None
    captures = []
    for k, url in enumerate(urls):
        # Pages from `changed_from` on have new content this round; the rest are identical.
        version = round_id if changed_from is not None and k >= changed_from else "same"
        text_hash = hashlib.sha256(f"{code}|{url}|{version}".encode()).hexdigest()
        shot = shots[k % len(shots)]
        captures.append(
            Capture(
                crawl_run_id=run.id,
                round_id=round_id,
                municipality_code=code,
                url=url,
                final_url=url,
                status=200,
                content_type="text/html",
                title=f"Sida {k}",
                captured_at=at + timedelta(seconds=10 * k),
                depth=min(k, 3),
                text_sha256=text_hash,
                screenshot_sha256=shot.sha256,
                screenshot_path=shot.path,
            )
        )
        session.add(CrawlLogEntry(crawl_run_id=run.id, kind="visit", url=url, at=at))
    session.add(
        CrawlLogEntry(
            crawl_run_id=run.id,
            kind="search",
            url=f"https://www.{code}.example.se/sok?q=hemtj%C3%A4nst",
            detail={"query": "hemtjänst", "results": 4},
            at=at,
        )
    )
    session.add_all(captures)
    session.flush()
    return captures


def _evaluation(
    session: object,
    round_id: str,
    code: str,
    captures: list[Capture],
    crops: list[StoredObject],
    rng: random.Random,
    checklist: object,
) -> None:
    from sqlmodel import Session

    from webaudit.checklists import Checklist

    assert isinstance(session, Session) and isinstance(checklist, Checklist)
    evaluation = Evaluation(
        round_id=round_id,
        municipality_code=code,
        crawl_run_id=captures[0].crawl_run_id,
        matcher_version=MATCHER_VERSION,
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        created_at=BASE_TIME + timedelta(hours=1),
    )
    session.add(evaluation)
    session.flush()
    assert evaluation.id is not None
    visited = [c.url for c in captures]
    for index, item in enumerate(checklist.items):
        draw = rng.random()
        result = "pass" if draw < 0.6 else "fail" if draw < 0.85 else "review"
        result = ("pass", "fail", "review")[index] if index < 3 else result  # one of each, always
        findings: list[Finding] = []
        if result != "fail":
            phrase = (item.matcher.strong_phrases or item.matcher.phrases or [item.title.sv])[0]
            for k in range(2):
                capture = captures[(index + k) % len(captures)]
                crop = crops[k % len(crops)] if k == 0 else None
                findings.append(
                    Finding(
                        evaluation_id=evaluation.id,
                        capture_id=capture.id or 0,
                        item_id=item.id,
                        result=result,
                        confidence=0.93 if result == "pass" else 0.5,
                        quote=f"På den här sidan kan du läsa om {phrase} och hur det går till "
                        f"i kommunen, med kontaktuppgifter och mer information.",
                        location="main > p:nth-of-type(2)",
                        matched_terms=[phrase],
                        crop_sha256=crop.sha256 if crop else None,
                        crop_path=crop.path if crop else None,
                        matcher_version=MATCHER_VERSION,
                        checklist_id=checklist.id,
                        checklist_version=checklist.version,
                    )
                )
        session.add_all(findings)
        session.flush()
        session.add(
            ItemFlag(
                evaluation_id=evaluation.id,
                round_id=round_id,
                municipality_code=code,
                item_id=item.id,
                result=result,
                confidence=0.93 if result == "pass" else 0.8 if result == "fail" else 0.5,
                finding_ids=[f.id for f in findings if f.id is not None],
                reason={
                    "pass": "2 sidor uppfyller punkten",
                    "fail": f"inget hittades på {len(captures)} genomsökta sidor",
                    "review": "2 sidor är osäkra",
                }[result],
                negative_evidence=(
                    {}
                    if result == "pass"
                    else {
                        "pages_visited": len(visited),
                        "visited": visited,
                        "searches": [{"query": "hemtjänst", "results": 4}],
                        "crawl_status": "ok",
                    }
                ),
            )
        )


def _previous_decisions(
    session: object,
    round_id: str,
    code: str,
    captures: list[Capture],
    rng: random.Random,
    checklist: object,
) -> None:
    from sqlmodel import Session

    from webaudit.checklists import Checklist

    assert isinstance(session, Session) and isinstance(checklist, Checklist)
    for index, item in enumerate(checklist.items):
        value = "yes" if rng.random() < 0.6 else "no"
        decision = Decision(
            round_id=round_id,
            municipality_code=code,
            item_id=item.id,
            value=value,
            reviewer="förra året",
            decided_at=PREVIOUS_TIME + timedelta(days=1),
            seconds_spent=30.0,
            evidence_capture_ids=[captures[index % len(captures)].id or 0]
            if value == "yes"
            else [],
            checklist_id=checklist.id,
            checklist_version=checklist.version,
            revision=1,
        )
        session.add(decision)
        session.flush()
        assert decision.id is not None
        session.add(
            DecisionHead(
                round_id=round_id,
                municipality_code=code,
                item_id=item.id,
                role="primary",
                decision_id=decision.id,
                revision=1,
            )
        )

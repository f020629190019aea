"""A round with real rows and real files, written through the store's own functions (no browser).

Used by the verification, manifest and backup tests: several municipalities, crawl runs with a
WACZ, captures with four files each, an evaluation with findings and flags, decisions with
history, a claim, a dispute and events.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from webaudit.municipalities import Municipality as RegistryRow
from webaudit.store.captures import add_capture, finish_crawl_run, start_crawl_run
from webaudit.store.decisions import DecisionInput, record_decision
from webaudit.store.files import record_file
from webaudit.store.findings import save_evaluation
from webaudit.store.rounds import register_municipalities
from webaudit.store.tables import Capture, Claim, Dispute, Evaluation, Finding, ItemFlag
from webaudit.store.types import utcnow
from webaudit.workspace import Workspace

SITES = [
    RegistryRow(
        code="9001",
        name="Provköping",
        website="https://provkoping.example",
        population=12000,
        size_group=1,
    ),
    RegistryRow(
        code="9002", name="Testå", website="https://testa.example", population=45000, size_group=3
    ),
    RegistryRow(
        code="9003", name="Ödeby", website="https://odeby.example", population=250000, size_group=5
    ),
]


def png(seed: str) -> bytes:
    """A small valid PNG whose pixels depend on `seed` (a stand-in for a screenshot)."""
    width = height = 8
    pixel = hashlib.sha256(seed.encode()).digest()[:3]
    raw = b"".join(b"\x00" + pixel * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def make_wacz(pages: dict[str, bytes]) -> bytes:
    """A real WACZ (py-wacz) around a WARC holding `pages` (url -> HTML)."""
    from wacz.main import main as wacz_main

    with tempfile.TemporaryDirectory() as folder:
        warc, wacz = Path(folder) / "crawl.warc.gz", Path(folder) / "crawl.wacz"
        with warc.open("wb") as handle:
            writer = WARCWriter(handle, gzip=True)
            for url, body in pages.items():
                headers = StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
                )
                writer.write_record(
                    writer.create_warc_record(
                        url, "response", payload=io.BytesIO(body), http_headers=headers
                    )
                )
        if wacz_main(["create", "-o", str(wacz), str(warc)]) != 0:
            raise RuntimeError("py-wacz could not build the test archive")
        return wacz.read_bytes()


@dataclass
class Seeded:
    round_id: str
    codes: list[str]
    capture_ids: list[int] = field(default_factory=list)
    screenshot_paths: list[str] = field(default_factory=list)
    wacz_paths: list[str] = field(default_factory=list)


def seed_round(ws: Workspace, *, pages: int = 3, decisions: int = 2) -> Seeded:
    round_id = ws.ensure_round()
    checklist = ws.checklist
    items = [item.id for item in checklist.items][:4]
    with ws.store.session(write=True) as session:
        register_municipalities(session, round_id, SITES)
    seeded = Seeded(round_id, [s.code for s in SITES])
    for site in SITES:
        with ws.store.session(write=True) as session:
            run = start_crawl_run(
                session,
                round_id,
                site.code,
                site.website,
                settings={"max_pages": 5},
                user_agent="webaudit-test",
            )
            assert run.id is not None
            html_pages: dict[str, bytes] = {}
            captures: list[Capture] = []
            for number in range(pages):
                url = f"{site.website}/sida-{number}"
                html = f"<html><title>{site.name} {number}</title><p>Hemtjänst å ä ö</p></html>"
                html_pages[url] = html.encode()
                stored = [
                    ws.evidence.put(html.encode(), "text/html"),
                    ws.evidence.put(html.encode() + b"<!-- rendered -->", "text/html"),
                    ws.evidence.put(f"Hemtjänst {site.name} {number}".encode(), "text/plain"),
                    ws.evidence.put(png(f"{site.code}-{number}"), "image/png"),
                ]
                raw, rendered, text, shot = stored
                capture = Capture(
                    crawl_run_id=run.id,
                    round_id=round_id,
                    municipality_code=site.code,
                    url=url,
                    final_url=url,
                    status=200,
                    content_type="text/html",
                    title=f"{site.name} {number}",
                    captured_at=utcnow(),
                    depth=number,
                    headers={"content-type": "text/html"},
                    raw_sha256=raw.sha256,
                    raw_path=raw.path,
                    html_sha256=rendered.sha256,
                    html_path=rendered.path,
                    text_sha256=text.sha256,
                    text_path=text.path,
                    screenshot_sha256=shot.sha256,
                    screenshot_path=shot.path,
                )
                add_capture(session, capture, stored)
                assert capture.id is not None
                captures.append(capture)
                seeded.capture_ids.append(capture.id)
                seeded.screenshot_paths.append(shot.path)
            wacz = ws.evidence.put(make_wacz(html_pages), "application/wacz")
            record_file(session, wacz)
            run.wacz_path, run.wacz_sha256 = wacz.path, wacz.sha256
            seeded.wacz_paths.append(wacz.path)
            finish_crawl_run(session, run, status="ok", stop_reason="klart")
            crop = ws.evidence.put(png(f"crop-{site.code}"), "image/png")
            record_file(session, crop)
            evaluation = Evaluation(
                round_id=round_id,
                municipality_code=site.code,
                crawl_run_id=run.id,
                matcher_version="test-1",
                checklist_id=checklist.id,
                checklist_version=checklist.version,
            )
            findings = [
                Finding(
                    evaluation_id=0,
                    capture_id=captures[0].id or 0,
                    item_id=item,
                    result="pass" if index % 2 == 0 else "review",
                    confidence=0.5 + index / 10,
                    quote=f"citat om {item} – ”{site.name}”",
                    location="main > p",
                    matched_terms=["hemtjänst", item],
                    matcher_version="test-1",
                    checklist_id=checklist.id,
                    checklist_version=checklist.version,
                    crop_sha256=crop.sha256 if index == 0 else None,
                    crop_path=crop.path if index == 0 else None,
                )
                for index, item in enumerate(items)
            ]
            flags = [
                ItemFlag(
                    evaluation_id=0,
                    round_id=round_id,
                    municipality_code=site.code,
                    item_id=item,
                    result=findings[index].result,
                    confidence=findings[index].confidence,
                    finding_ids=[index],
                    reason="test",
                    negative_evidence={"visited": [c.url for c in captures]},
                )
                for index, item in enumerate(items)
            ]
            save_evaluation(session, evaluation, findings, flags)
            session.add(Claim(round_id=round_id, municipality_code=site.code, reviewer="anna"))
    for site in SITES:
        for item in items[:decisions]:
            for revision, value in enumerate(("yes", "no", "yes")):
                with ws.store.session(write=True) as session:
                    record_decision(
                        session,
                        DecisionInput(
                            round_id=round_id,
                            municipality_code=site.code,
                            item_id=item,
                            value=value,
                            reviewer=("anna", "bertil")[revision % 2],
                            checklist_id=checklist.id,
                            checklist_version=checklist.version,
                            note=f"anteckning {revision} – åäö",
                            seconds_spent=12.5 + revision,
                            evidence_capture_ids=tuple(seeded.capture_ids[:2]),
                            matcher_version="test-1",
                        ),
                        expected_revision=revision,
                    )
    with ws.store.session(write=True) as session:
        session.add(
            Dispute(
                round_id=round_id,
                municipality_code=SITES[0].code,
                item_id=items[0],
                claim="Vi har en avgiftskalkyl",
                url="https://provkoping.example/kalkyl",
                opened_by="kommunen",
            )
        )
    return seeded


def seed_members(ws: Workspace) -> str:
    """Just the round and its municipalities: enough to record decisions."""
    round_id = ws.ensure_round()
    with ws.store.session(write=True) as session:
        register_municipalities(session, round_id, SITES)
    return round_id

"""Evidence lists for municipalities: a self-contained HTML folder per municipality.

Everything that came from a crawled page is escaped (Jinja2 autoescape); screenshots are copied
beside index.html so the folder works offline when opened by double-click.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from webaudit.evidence import EvidenceStore, write_atomically
from webaudit.export.snapshot import MunicipalityState, RoundSnapshot
from webaudit.store.tables import Capture
from webaudit.store.types import utcnow

VERDICT_SV = {"yes": "Ja", "no": "Nej", "not_applicable": "Ej tillämplig", "pending": "Ej beslutad"}
AUTO_SV = {"pass": "uppfylld", "fail": "saknas", "review": "behöver granskas"}


def safe_name(text: str) -> str:
    """A file-name-safe form of a code or name: no separators, no traversal, no control chars."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip(".-")
    return cleaned[:80] or "x"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("webaudit.export", "templates"), autoescape=select_autoescape(["html"])
    )
    env.filters["verdict_sv"] = lambda value: VERDICT_SV.get(value, value)
    env.filters["auto_sv"] = lambda value: AUTO_SV.get(value, value)
    return env


@dataclass(frozen=True)
class EvidenceEntry:
    url: str
    captured_at: str
    sha256: str | None
    quote: str | None
    screenshot: str | None  # file name beside index.html


def write_evidence_list(
    state: MunicipalityState, snapshot: RoundSnapshot, evidence: EvidenceStore, out_dir: Path
) -> Path:
    folder = out_dir / safe_name(state.municipality.code)
    images = folder / "bilder"
    images.mkdir(parents=True, exist_ok=True)
    items = []
    for item_state in state.items:
        item = snapshot.checklist.item(item_state.item_id)
        entries = []
        quotes = {f.capture_id: f.quote for f in item_state.findings}
        capture_ids = list(
            dict.fromkeys(
                [
                    *(item_state.decision.evidence_capture_ids if item_state.decision else []),
                    *quotes,
                ]
            )
        )
        for capture_id in capture_ids:
            capture = snapshot.captures.get(capture_id)
            if capture is None:
                continue
            entries.append(_entry(capture, quotes.get(capture_id), evidence, images))
        items.append({"item": item, "state": item_state, "evidence": entries})
    html = (
        _environment()
        .get_template("evidence_list.html")
        .render(
            state=state,
            items=items,
            round_id=snapshot.round_id,
            checklist=snapshot.checklist,
            generated_at=utcnow().strftime("%Y-%m-%d %H:%M UTC"),
        )
    )
    target = folder / "index.html"
    write_atomically(target, html.encode("utf-8"))
    return target


def _entry(
    capture: Capture, quote: str | None, evidence: EvidenceStore, images: Path
) -> EvidenceEntry:
    screenshot = None
    if capture.screenshot_path and capture.screenshot_sha256:
        source = evidence.absolute(capture.screenshot_path)
        if source.is_file():
            screenshot = f"{capture.screenshot_sha256[:16]}.png"
            target = images / screenshot
            if not target.exists():
                shutil.copyfile(source, target)
    return EvidenceEntry(
        url=capture.final_url,
        captured_at=capture.captured_at.strftime("%Y-%m-%d %H:%M:%S UTC"),
        sha256=capture.raw_sha256 or capture.html_sha256,
        quote=quote,
        screenshot=f"bilder/{screenshot}" if screenshot else None,
    )


def write_evidence_lists(
    snapshot: RoundSnapshot, evidence: EvidenceStore, out_dir: Path
) -> list[Path]:
    return [
        write_evidence_list(state, snapshot, evidence, out_dir) for state in snapshot.municipalities
    ]

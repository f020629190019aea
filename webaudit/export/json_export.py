"""The JSON export: the contract the index team's tools read (see README, 'JSON export')."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from webaudit.evidence import write_atomically
from webaudit.export.snapshot import ItemState, MunicipalityState, RoundSnapshot
from webaudit.store.tables import Capture
from webaudit.store.types import utcnow


def _evidence(item: ItemState, captures: dict[int, Capture]) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    seen: set[int] = set()
    decided = item.decision.evidence_capture_ids if item.decision else []
    quotes = {finding.capture_id: finding.quote for finding in item.findings}
    for capture_id in [*decided, *(f.capture_id for f in item.findings)]:
        capture = captures.get(capture_id)
        if capture is None or capture_id in seen:
            continue
        seen.add(capture_id)
        entries.append(
            {
                "url": capture.final_url,
                "captured_at": capture.captured_at.isoformat(),
                "sha256": capture.raw_sha256 or capture.html_sha256,
                "screenshot": capture.screenshot_path,
                "quote": quotes.get(capture_id),
            }
        )
    return entries


def municipality_entry(state: MunicipalityState, captures: dict[int, Capture]) -> dict[str, Any]:
    municipality = state.municipality
    return {
        "code": municipality.code,
        "name": municipality.name,
        "size_group": municipality.size_group,
        "crawl": {"status": state.crawl_status, "pages": state.pages},
        "scores": state.score.scores,
        "score_status": "provisional" if state.score.provisional else "final",
        "rank": state.rank,
        "items": [
            {
                "id": item.item_id,
                "auto": item.auto
                if state.crawl_status not in ("failed", "not_crawled")
                else "review",
                "confidence": round(item.flag.confidence, 3) if item.flag else 0.0,
                "decision": item.decision.value if item.decision else None,
                "verdict": item.verdict,
                "evidence": _evidence(item, captures),
            }
            for item in state.items
        ],
    }


def build_json(snapshot: RoundSnapshot) -> dict[str, Any]:
    return {
        "round": snapshot.round_id,
        "checklist": {"id": snapshot.checklist.id, "version": snapshot.checklist.version},
        "generated_at": utcnow().isoformat(),
        "municipalities": [
            municipality_entry(state, snapshot.captures) for state in snapshot.municipalities
        ],
    }


def write_json(snapshot: RoundSnapshot, out: Path) -> dict[str, Any]:
    document = build_json(snapshot)
    write_atomically(out, json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"))
    return document

"""The JSON export: the contract the index team's tools read (see README, 'JSON export')."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from webaudit.export.files import write_shared
from webaudit.export.snapshot import ItemState, MunicipalityState, RoundSnapshot
from webaudit.store.tables import Capture
from webaudit.store.types import utcnow


def _evidence(item: ItemState, captures: dict[int, Capture]) -> list[dict[str, Any]]:
    """The contract's evidence entries, exactly these keys (external checks compare the set)."""
    return [
        {
            "url": ref.capture.final_url,
            "captured_at": ref.capture.captured_at.isoformat(),
            "sha256": ref.capture.raw_sha256 or ref.capture.html_sha256,
            "screenshot": ref.capture.screenshot_path,
            "quote": ref.quote,
        }
        for ref in item.evidence(captures)
    ]


def municipality_entry(state: MunicipalityState, captures: dict[int, Capture]) -> dict[str, Any]:
    municipality = state.municipality
    return {
        "code": municipality.code,
        "name": municipality.name,
        "size_group": municipality.size_group,
        "crawl": {"status": state.crawl_status, "pages": state.pages, "wacz": state.wacz_path},
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
    write_shared(out, json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"))
    return document

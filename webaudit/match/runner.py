"""Evaluate stored captures (the `match` stage) or loose pages (`match-pages`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from webaudit.checklists import Checklist, LoadedChecklist
from webaudit.evidence import EvidenceStore
from webaudit.match import MATCHER_VERSION
from webaudit.match.aggregate import PageResult, SiteFlag, aggregate_item
from webaudit.match.document import Document, parse_html, parse_text
from webaudit.match.engine import ItemMatch, match_document
from webaudit.store import Store
from webaudit.store.captures import crawl_log, latest_run, site_captures
from webaudit.store.events import log_event
from webaudit.store.findings import save_evaluation
from webaudit.store.tables import Capture, Evaluation, Finding, ItemFlag


def document_for_capture(capture: Capture, evidence: EvidenceStore) -> Document | None:
    if capture.kind == "pdf":
        if not capture.text_path:
            return None
        return parse_text(
            evidence.read(capture.text_path).decode("utf-8", "replace"), capture.final_url
        )
    if not capture.html_path:
        return None
    return parse_html(
        evidence.read(capture.html_path).decode("utf-8", "replace"), capture.final_url
    )


def match_html(html: str, url: str, checklist: Checklist) -> dict[str, ItemMatch]:
    return match_document(parse_html(html, url), checklist)


@dataclass(frozen=True)
class SiteEvaluation:
    municipality_code: str
    evaluation_id: int
    flags: dict[str, SiteFlag]


def evaluate_site(
    store: Store,
    evidence: EvidenceStore,
    loaded: LoadedChecklist,
    round_id: str,
    municipality_code: str,
    actor: str = "webaudit",
) -> SiteEvaluation | None:
    """Match every current capture of a site and store a new evaluation. None: nothing captured."""
    checklist = loaded.checklist
    with store.session() as session:
        run = latest_run(session, round_id, municipality_code, finished_only=False)
        captures = site_captures(session, round_id, municipality_code)
        visited = (
            [entry.url for entry in crawl_log(session, run.id, ["visit"])] if run and run.id else []
        )
        searches = (
            [entry.detail | {"url": entry.url} for entry in crawl_log(session, run.id, ["search"])]
            if run and run.id
            else []
        )
    if run is None:
        return None
    crawl_status = run.status if run.status != "running" else "partial"
    per_item: dict[str, list[PageResult]] = {item.id: [] for item in checklist.items}
    findings: list[Finding] = []
    finding_index: dict[tuple[int, str], int] = {}
    for capture in captures:
        if capture.status is None or capture.status >= 400 or capture.id is None:
            continue
        document = document_for_capture(capture, evidence)
        if document is None:
            continue
        for item_id, match in match_document(document, checklist).items():
            per_item[item_id].append(PageResult(capture.id, capture.final_url, match))
            if match.result == "fail":
                continue
            best = match.best
            finding_index[(capture.id, item_id)] = len(findings)
            findings.append(
                Finding(
                    evaluation_id=0,
                    capture_id=capture.id,
                    item_id=item_id,
                    result=match.result,
                    confidence=match.confidence,
                    quote=best.quote[:2000] if best else None,
                    location=best.location if best else None,
                    matched_terms=list(best.terms) if best else [],
                    matcher_version=MATCHER_VERSION,
                    checklist_id=checklist.id,
                    checklist_version=checklist.version,
                )
            )
    flags = {
        item_id: aggregate_item(item_id, pages, crawl_status) for item_id, pages in per_item.items()
    }
    negative = {
        "pages_visited": len(visited),
        "visited": visited[:200],
        "searches": searches,
        "crawl_status": crawl_status,
    }
    flag_rows = [
        ItemFlag(
            evaluation_id=0,
            round_id=round_id,
            municipality_code=municipality_code,
            item_id=flag.item_id,
            result=flag.result,
            confidence=flag.confidence,
            reason=flag.reason,
            finding_ids=[finding_index[(p.capture_id, flag.item_id)] for p in flag.pages],
            negative_evidence=negative if flag.result != "pass" else {},
        )
        for flag in flags.values()
    ]
    with store.session(write=True) as session:
        evaluation = save_evaluation(
            session,
            Evaluation(
                round_id=round_id,
                municipality_code=municipality_code,
                crawl_run_id=run.id,
                matcher_version=MATCHER_VERSION,
                checklist_id=checklist.id,
                checklist_version=checklist.version,
            ),
            findings,
            flag_rows,
        )
        log_event(
            session,
            actor,
            "evaluation_created",
            round_id=round_id,
            municipality_code=municipality_code,
            evaluation_id=evaluation.id,
            matcher_version=MATCHER_VERSION,
            results={f.item_id: f.result for f in flags.values()},
        )
    assert evaluation.id is not None
    return SiteEvaluation(municipality_code, evaluation.id, flags)


def evaluate_round(
    store: Store,
    evidence: EvidenceStore,
    loaded: LoadedChecklist,
    round_id: str,
    codes: Iterable[str],
    actor: str = "webaudit",
) -> list[SiteEvaluation]:
    results = []
    for code in codes:
        result = evaluate_site(store, evidence, loaded, round_id, code, actor)
        if result is not None:
            results.append(result)
    return results

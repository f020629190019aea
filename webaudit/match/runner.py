"""Evaluate stored captures (the `match` stage) or loose pages (`match-pages`).

Matching itself is pure (webaudit.match.engine); this module reads captures from the evidence
folder, writes an evaluation with its findings and site-level flags, and has the evidence
cropped. A site whose inputs (matcher version, checklist file, captures, crawl state) are the
same as for its latest evaluation is not evaluated again unless forced: re-running `match` is
idempotent, and a new evaluation appears only when something that matters changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from webaudit.checklists import Checklist, LoadedChecklist
from webaudit.evidence import EvidenceStore
from webaudit.match import MATCHER_VERSION
from webaudit.match.aggregate import PageResult, SiteFlag, aggregate_item
from webaudit.match.crops import CropRenderer, CropRequest
from webaudit.match.document import Document, parse_html, parse_text
from webaudit.match.engine import Evidence, ItemMatch, match_document
from webaudit.match.pool import PageInput, PageMatcher
from webaudit.store import Store
from webaudit.store.captures import crawl_log, get_captures, latest_run, site_captures
from webaudit.store.events import log_event
from webaudit.store.files import record_file
from webaudit.store.findings import (
    evaluation_flags,
    get_findings,
    latest_evaluation,
    save_evaluation,
)
from webaudit.store.tables import Capture, Evaluation, Finding, ItemFlag

CROPS_PER_FLAG = 3  # supporting pages whose best evidence gets a cropped screenshot
NEGATIVE_VISITED = 200


def document_for_capture(capture: Capture, evidence: EvidenceStore) -> Document | None:
    if capture.kind == "pdf":
        if not capture.text_path:
            return None
        text = evidence.read(capture.text_path).decode("utf-8", "replace")
        return parse_text(text, capture.final_url, title=capture.title or "")
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
    reused: bool = False  # the inputs were unchanged: the latest evaluation stands
    crops: int = 0


def inputs_fingerprint(
    loaded: LoadedChecklist,
    run_id: int | None,
    crawl_status: str,
    captures: list[Capture],
    crops: bool,
) -> str:
    """What an evaluation depends on; equal fingerprints give equal evaluations."""
    payload = {
        "matcher": MATCHER_VERSION,
        "checklist": loaded.sha256,
        "run": run_id,
        "status": crawl_status,
        "crops": crops,
        "captures": [[c.id, c.status, c.kind, c.html_sha256, c.text_sha256] for c in captures],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _matchable(capture: Capture) -> bool:
    return capture.id is not None and capture.status is not None and capture.status < 400


def _details(match: ItemMatch) -> dict[str, Any]:
    return {
        "score": match.score,
        "evidence": [e.to_json() for e in match.evidence],
        "near_misses": [e.to_json() for e in match.near_misses],
    }


def _finding(capture: Capture, match: ItemMatch, checklist: Checklist) -> Finding:
    assert capture.id is not None
    best = match.best if match.result != "fail" else next(iter(match.near_misses), None)
    return Finding(
        evaluation_id=0,
        capture_id=capture.id,
        item_id=match.item_id,
        result=match.result,
        confidence=match.confidence,
        quote=best.quote[:2000] if best else None,
        location=best.location if best else None,
        matched_terms=list(best.terms) if best else [],
        matcher_version=MATCHER_VERSION,
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        details=_details(match),
    )


def _negative_evidence(
    flag: SiteFlag, crawl_status: str, visited: list[str], searches: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "crawl_status": crawl_status,
        "pages_searched": flag.pages_searched,
        "pages_visited": len(visited),
        "visited": visited[:NEGATIVE_VISITED],
        "searches": searches,
        "near_misses": [
            {
                "url": url,
                "quote": evidence.quote,
                "location": evidence.location,
                "note": evidence.note,
                "cancelled_by": list(evidence.cancelled_by),
                "strength": evidence.strength,
            }
            for url, evidence in flag.near_misses
        ],
    }


@dataclass
class _SiteWork:
    """One site's matched pages, before anything is written."""

    code: str
    run_id: int | None
    crawl_status: str
    fingerprint: str
    captures: dict[int, Capture]
    findings: list[Finding] = field(default_factory=list)
    index: dict[tuple[int, str], int] = field(default_factory=dict)
    flags: dict[str, SiteFlag] = field(default_factory=dict)
    visited: list[str] = field(default_factory=list)
    searches: list[dict[str, Any]] = field(default_factory=list)


def _latest_with_inputs(store: Store, round_id: str, code: str, fingerprint: str) -> int | None:
    with store.session() as session:
        latest = latest_evaluation(session, round_id, code)
    if latest is not None and latest.inputs_sha256 == fingerprint and latest.id is not None:
        return latest.id
    return None


def _flags_of(store: Store, evaluation_id: int) -> dict[str, SiteFlag]:
    """The site flags of a stored evaluation, with their supporting pages."""
    with store.session() as session:
        rows = evaluation_flags(session, evaluation_id)
        findings = get_findings(session, [fid for row in rows.values() for fid in row.finding_ids])
        captures = get_captures(session, {f.capture_id for f in findings.values()})
    flags = {}
    for item_id, row in rows.items():
        pages = []
        for fid in row.finding_ids:
            finding = findings.get(fid)
            if finding is None:
                continue
            capture = captures.get(finding.capture_id)
            match = ItemMatch(
                item_id,
                finding.result,  # type: ignore[arg-type]
                finding.confidence,
                finding.confidence,
            )
            pages.append(
                PageResult(finding.capture_id, capture.final_url if capture else "", match)
            )
        flags[item_id] = SiteFlag(
            item_id,
            row.result,  # type: ignore[arg-type]
            row.confidence,
            tuple(pages),
            row.reason or "",
        )
    return flags


def _load_site(
    store: Store, loaded: LoadedChecklist, round_id: str, code: str, crops: bool
) -> _SiteWork | None:
    """A site's current captures and crawl state, and the fingerprint of those inputs."""
    with store.session() as session:
        run = latest_run(session, round_id, code, finished_only=False)
        if run is None:
            return None
        captures = site_captures(session, round_id, code)
        visited: list[str] = []
        searches: list[dict[str, Any]] = []
        if run.id is not None:
            visited = [e.url for e in crawl_log(session, run.id, ["visit"]) if e.url]
            searches = [e.detail | {"url": e.url} for e in crawl_log(session, run.id, ["search"])]
    crawl_status = run.status if run.status != "running" else "partial"
    return _SiteWork(
        code,
        run.id,
        crawl_status,
        inputs_fingerprint(loaded, run.id, crawl_status, captures, crops),
        {c.id: c for c in captures if c.id is not None},
        visited=visited,
        searches=searches,
    )


def _page_input(capture: Capture, evidence: EvidenceStore) -> PageInput | None:
    """What the matcher needs of a capture: its rendered HTML, or a PDF's text."""
    if not _matchable(capture) or capture.id is None:
        return None
    path = capture.text_path if capture.kind == "pdf" else capture.html_path
    if not path:
        return None
    content = evidence.read(path).decode("utf-8", "replace")
    return PageInput(capture.id, capture.kind, capture.final_url, content, capture.title or "")


def _match_site(
    work: _SiteWork, evidence: EvidenceStore, checklist: Checklist, matcher: PageMatcher
) -> None:
    """Match every capture (pure matching; reading the stored files is the only I/O)."""
    per_item: dict[str, list[PageResult]] = {item.id: [] for item in checklist.items}
    inputs = [page for c in work.captures.values() if (page := _page_input(c, evidence))]
    for page, matches in zip(inputs, matcher.match(inputs), strict=True):
        capture = work.captures[page.key]
        for item_id, match in matches.items():
            per_item[item_id].append(PageResult(page.key, capture.final_url, match))
            if match.result == "fail" and not match.near_misses:
                continue  # nothing to show: the page is simply silent on the item
            work.index[(page.key, item_id)] = len(work.findings)
            work.findings.append(_finding(capture, match, checklist))
    for item in checklist.items:
        work.flags[item.id] = aggregate_item(
            item.id,
            per_item[item.id],
            work.crawl_status,
            review_threshold=item.matcher.review_threshold,
        )


def _crop_requests(work: _SiteWork, evidence: EvidenceStore) -> list[CropRequest]:
    """The best evidence of the pages behind each pass/review flag."""
    requests: list[CropRequest] = []
    html_cache: dict[int, str] = {}
    for flag in work.flags.values():
        if flag.result == "fail":
            continue
        for page in flag.pages[:CROPS_PER_FLAG]:
            capture = work.captures.get(page.capture_id)
            best: Evidence | None = page.match.best
            if capture is None or best is None or capture.kind != "page" or not capture.html_path:
                continue
            if page.capture_id not in html_cache:
                html_cache[page.capture_id] = evidence.read(capture.html_path).decode(
                    "utf-8", "replace"
                )
            requests.append(
                CropRequest(
                    key=(page.capture_id, flag.item_id),
                    page_key=page.capture_id,
                    html=html_cache[page.capture_id],
                    base_url=capture.final_url,
                    selector=best.location,
                    quote=best.quote.split(" → ")[0][:120],
                )
            )
    return requests


def _save(
    store: Store,
    loaded: LoadedChecklist,
    round_id: str,
    work: _SiteWork,
    crops: dict[Any, Any],
    actor: str,
) -> int:
    checklist = loaded.checklist
    stored_crops = []
    for (capture_id, item_id), stored in crops.items():
        position = work.index.get((capture_id, item_id))
        if stored is None or position is None:
            continue
        work.findings[position].crop_sha256 = stored.sha256
        work.findings[position].crop_path = stored.path
        stored_crops.append(stored)
    flag_rows = [
        ItemFlag(
            evaluation_id=0,
            round_id=round_id,
            municipality_code=work.code,
            item_id=flag.item_id,
            result=flag.result,
            confidence=flag.confidence,
            reason=flag.reason,
            finding_ids=[
                work.index[(p.capture_id, flag.item_id)]
                for p in flag.pages
                if (p.capture_id, flag.item_id) in work.index
            ],
            negative_evidence=_negative_evidence(
                flag, work.crawl_status, work.visited, work.searches
            )
            if flag.result != "pass"
            else {},
        )
        for flag in work.flags.values()
    ]
    with store.session(write=True) as session:
        for stored in stored_crops:
            record_file(session, stored)
        evaluation = save_evaluation(
            session,
            Evaluation(
                round_id=round_id,
                municipality_code=work.code,
                crawl_run_id=work.run_id,
                matcher_version=MATCHER_VERSION,
                checklist_id=checklist.id,
                checklist_version=checklist.version,
                inputs_sha256=work.fingerprint,
                checklist_sha256=loaded.sha256,
            ),
            work.findings,
            flag_rows,
        )
        log_event(
            session,
            actor,
            "evaluation_created",
            round_id=round_id,
            municipality_code=work.code,
            evaluation_id=evaluation.id,
            matcher_version=MATCHER_VERSION,
            results={f.item_id: f.result for f in work.flags.values()},
            crops=len(stored_crops),
        )
    assert evaluation.id is not None
    return evaluation.id


def evaluate_site(
    store: Store,
    evidence: EvidenceStore,
    loaded: LoadedChecklist,
    round_id: str,
    municipality_code: str,
    actor: str = "webaudit",
    *,
    renderer: CropRenderer | None = None,
    force: bool = False,
    matcher: PageMatcher | None = None,
) -> SiteEvaluation | None:
    """Match every current capture of a site and store a new evaluation. None: never crawled."""
    work = _load_site(store, loaded, round_id, municipality_code, renderer is not None)
    if work is None:
        return None
    if not force:
        existing = _latest_with_inputs(store, round_id, municipality_code, work.fingerprint)
        if existing is not None:
            return SiteEvaluation(municipality_code, existing, _flags_of(store, existing), True)
    _match_site(work, evidence, loaded.checklist, matcher or PageMatcher(loaded))
    crops = renderer.render(_crop_requests(work, evidence)) if renderer is not None else {}
    evaluation_id = _save(store, loaded, round_id, work, crops, actor)
    made = sum(1 for stored in crops.values() if stored is not None)
    return SiteEvaluation(municipality_code, evaluation_id, work.flags, False, made)


def evaluate_round(
    store: Store,
    evidence: EvidenceStore,
    loaded: LoadedChecklist,
    round_id: str,
    codes: Iterable[str],
    actor: str = "webaudit",
    *,
    crops: bool = False,
    force: bool = False,
    workers: int = 1,
    on_site: Callable[[SiteEvaluation], None] = lambda _: None,
) -> list[SiteEvaluation]:
    """Evaluate sites one by one; with `crops`, one Chromium crops the evidence of all of them;
    with `workers` > 1, each site's pages are matched on several processes."""
    codes = list(codes)
    results: list[SiteEvaluation] = []

    def run(renderer: CropRenderer | None, matcher: PageMatcher) -> None:
        for code in codes:
            result = evaluate_site(
                store,
                evidence,
                loaded,
                round_id,
                code,
                actor,
                renderer=renderer,
                force=force,
                matcher=matcher,
            )
            if result is not None:
                results.append(result)
                on_site(result)

    with PageMatcher(loaded, workers) as matcher:
        if crops:
            with CropRenderer(evidence) as renderer:
                run(renderer, matcher)
        else:
            run(None, matcher)
    return results

"""The dispute report for the index team: every dispute, its evidence and how it was decided.

A self-contained HTML folder (index.html + bilder/): the claim, the archived capture (taken
during the review) beside the fresh one (taken when the dispute came in), the matcher's view of
both, the decision before and after, the score before and after, and the event trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from webaudit.checklists import Checklist
from webaudit.disputes import MatchHint, match_hints
from webaudit.errors import WebauditError
from webaudit.evidence import EvidenceStore
from webaudit.export.evidence_list import Pictures, environment
from webaudit.export.files import write_shared
from webaudit.export.safety import safe_href
from webaudit.scoring import MunicipalityScore, score_municipality
from webaudit.store import Store
from webaudit.store.decisions import current_decisions, decisions_by_ids
from webaudit.store.disputes import dispute_events, list_disputes
from webaudit.store.tables import Capture, Decision, Dispute, Event, Municipality
from webaudit.store.types import utcnow


@dataclass
class CaptureView:
    capture: Capture
    href: str | None
    picture: str | None
    full_page: str | None
    hint: MatchHint | None


@dataclass
class DisputeView:
    dispute: Dispute
    municipality: Municipality | None
    item_title: str
    url_href: str | None
    archived: CaptureView | None
    fresh: CaptureView | None
    original: Decision | None
    new: Decision | None
    score_before: float | None
    score_after: float | None
    events: list[Event]


def _score(
    decisions: dict[tuple[str, str], Decision], code: str, checklist: Checklist
) -> MunicipalityScore:
    return score_municipality(
        code,
        {i.id: (d.value if (d := decisions.get((code, i.id))) else None) for i in checklist},
        checklist,
    )


def build_views(
    store: Store,
    evidence: EvidenceStore,
    checklist: Checklist,
    round_id: str,
    folder: Path,
) -> list[DisputeView]:
    pictures = Pictures(evidence, folder)
    with store.session() as session:
        disputes = list_disputes(session, round_id)
        decisions = current_decisions(session, round_id)
        linked = decisions_by_ids(
            session,
            [
                i
                for d in disputes
                for i in (d.original_decision_id, d.new_decision_id)
                if i is not None
            ],
        )
        municipalities = {
            d.municipality_code: session.get(Municipality, d.municipality_code) for d in disputes
        }
        captures = {
            cid: session.get(Capture, cid)
            for d in disputes
            for cid in (d.archived_capture_id, d.capture_id)
            if cid is not None
        }
        trails = {d.id: dispute_events(session, d) for d in disputes}
    views = []
    for dispute in disputes:
        hints = match_hints(store, evidence, checklist, dispute)

        def view(
            capture_id: int | None, key: str, hints: dict[str, MatchHint | None] = hints
        ) -> CaptureView | None:
            capture = captures.get(capture_id) if capture_id else None
            if capture is None:
                return None
            picture, _crop = pictures.picture(capture)
            return CaptureView(
                capture,
                safe_href(capture.final_url),
                picture,
                pictures.full_page(capture),
                hints.get(key),
            )

        original = linked.get(dispute.original_decision_id or -1)
        new = linked.get(dispute.new_decision_id or -1)
        after = _score(decisions, dispute.municipality_code, checklist).information
        before = after
        if new is not None:
            # The score as it would be had the original decision stood.
            replaced = dict(decisions)
            key = (dispute.municipality_code, dispute.item_id)
            if original is not None:
                replaced[key] = original
            else:
                replaced.pop(key, None)
            before = _score(replaced, dispute.municipality_code, checklist).information
        try:
            title = checklist.item(dispute.item_id).title.sv
        except WebauditError:
            title = dispute.item_id
        views.append(
            DisputeView(
                dispute,
                municipalities.get(dispute.municipality_code),
                title,
                safe_href(dispute.url),
                view(dispute.archived_capture_id, "archived"),
                view(dispute.capture_id, "fresh"),
                original,
                new,
                before,
                after,
                trails.get(dispute.id, []),
            )
        )
    return views


def write_dispute_report(
    store: Store, evidence: EvidenceStore, checklist: Checklist, round_id: str, out_dir: Path
) -> Path:
    (out_dir / "bilder").mkdir(parents=True, exist_ok=True)
    views = build_views(store, evidence, checklist, round_id, out_dir)
    counts = {
        "open": sum(1 for v in views if v.dispute.status == "open"),
        "review_wrong": sum(1 for v in views if v.dispute.outcome == "review_wrong"),
        "fixed_since": sum(1 for v in views if v.dispute.outcome == "fixed_since"),
        "rejected": sum(1 for v in views if v.dispute.outcome == "rejected"),
    }
    html = (
        environment()
        .get_template("dispute_report.html")
        .render(
            views=views,
            round_id=round_id,
            counts=counts,
            generated_at=utcnow(),
            checklist=checklist,
        )
    )
    return write_shared(out_dir / "index.html", html.encode("utf-8"))

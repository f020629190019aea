"""Disputes: a municipality challenges one item's result; a different reviewer decides.

Flow (every step lands in the event log, in the same transaction as the change):

1. `open_dispute`: the claim (item, text, URL, the value claimed) is registered against the
   current decision; the round's own capture of the URL, if the crawl had it, is linked as the
   *archived* capture; then the URL is captured *now* (source 'dispute').
2. `decide_dispute`, by a reviewer other than the one who made the decision:
   - `review_wrong`: judged against the archived capture, the review was wrong; a new decision
     is appended (optimistic concurrency: refused if the decision moved since the dispute was
     opened) and the score is recomputed;
   - `fixed_since`: the page changed after the review; noted for the next round, this round's
     decision stands;
   - `rejected`: the decision stands.

No UI here: the CLI (webaudit/cli/dispute.py) and any other front end call these functions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from sqlmodel import Session

from webaudit.checklists import Checklist
from webaudit.errors import NotFoundError, StaleWriteError, WebauditError
from webaudit.evidence import EvidenceStore
from webaudit.match.engine import match_document
from webaudit.match.runner import document_for_capture
from webaudit.scoring import MunicipalityScore, score_municipality
from webaudit.store import Store
from webaudit.store.decisions import (
    VALUES,
    DecisionInput,
    current_decisions,
    record_decision,
)
from webaudit.store.disputes import (
    add_dispute,
    find_archived_capture,
    get_dispute,
    list_disputes,
)
from webaudit.store.events import log_event
from webaudit.store.rounds import get_round
from webaudit.store.tables import Capture, Decision, Dispute, Municipality, RoundMunicipality
from webaudit.store.types import utcnow

OUTCOMES = ("review_wrong", "fixed_since", "rejected")
CLAIM_LIMIT = 20_000

# Captures a URL now and returns the stored capture; injected so tests and other front ends
# can supply their own (webaudit.crawl.single.capture_url is the real one).
CaptureFunction = Callable[[str], Capture]


class DisputeError(WebauditError):
    """A dispute cannot be registered or decided as asked."""


@dataclass(frozen=True)
class DisputeClaim:
    round_id: str
    municipality_code: str
    item_id: str
    claim: str
    url: str | None
    opened_by: str
    claimed_value: str = "yes"
    late: bool = False  # allow registering after the round's dispute deadline


@dataclass(frozen=True)
class MatchHint:
    """What the matcher says about the item on one capture: a hint for the deciding reviewer."""

    capture_id: int
    result: str
    confidence: float
    quote: str | None


@dataclass(frozen=True)
class DisputeOutcome:
    dispute: Dispute
    new_decision: Decision | None
    score_before: MunicipalityScore
    score_after: MunicipalityScore


def _check_url(url: str | None) -> str | None:
    if url is None or not url.strip():
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise DisputeError(f"adressen måste börja med http:// eller https://: {url}")
    return url


def _municipality_score(
    session: Session, round_id: str, code: str, checklist: Checklist
) -> MunicipalityScore:
    decisions = current_decisions(session, round_id, code)
    return score_municipality(
        code,
        {
            item.id: (d.value if (d := decisions.get((code, item.id))) else None)
            for item in checklist
        },
        checklist,
    )


def open_dispute(
    store: Store,
    checklist: Checklist,
    claim: DisputeClaim,
    *,
    capture: CaptureFunction | None = None,
) -> Dispute:
    """Register the claim, link the archived capture, then capture the URL now (if any)."""
    checklist.item(claim.item_id)  # NotFoundError names the item
    text = claim.claim.strip()
    if not text:
        raise DisputeError("invändningen saknar text (--claim)")
    if len(text) > CLAIM_LIMIT:
        raise DisputeError(f"invändningen är för lång ({len(text)} tecken, högst {CLAIM_LIMIT})")
    if claim.claimed_value not in VALUES:
        raise DisputeError(
            f"okänt värde {claim.claimed_value!r}: ange yes, no eller not_applicable"
        )
    url = _check_url(claim.url)
    with store.session(write=True) as session:
        audit_round = get_round(session, claim.round_id)
        if session.get(RoundMunicipality, (claim.round_id, claim.municipality_code)) is None:
            raise NotFoundError(
                f"kommunen {claim.municipality_code} ingår inte i omgång {claim.round_id}"
            )
        deadline = audit_round.dispute_until
        if deadline is not None and utcnow() > deadline and not claim.late:
            raise DisputeError(
                f"sista dag för invändningar var {deadline.date().isoformat()}; "
                "registrera ändå med --late"
            )
        current = current_decisions(session, claim.round_id, claim.municipality_code).get(
            (claim.municipality_code, claim.item_id)
        )
        archived = (
            find_archived_capture(session, claim.round_id, claim.municipality_code, url)
            if url
            else None
        )
        dispute = add_dispute(
            session,
            Dispute(
                round_id=claim.round_id,
                municipality_code=claim.municipality_code,
                item_id=claim.item_id,
                claim=text,
                url=url,
                opened_by=claim.opened_by,
                claimed_value=claim.claimed_value,
                original_decision_id=current.id if current else None,
                archived_capture_id=archived.id if archived else None,
            ),
        )
        log_event(
            session,
            claim.opened_by,
            "dispute_opened",
            round_id=claim.round_id,
            municipality_code=claim.municipality_code,
            item_id=claim.item_id,
            dispute_id=dispute.id,
            url=url,
            claimed_value=claim.claimed_value,
            original_decision_id=dispute.original_decision_id,
            original_value=current.value if current else None,
            archived_capture_id=dispute.archived_capture_id,
            late=bool(deadline is not None and utcnow() > deadline),
        )
    if url and capture is not None:
        _capture_now(store, dispute, url, claim.opened_by, capture)
    return dispute


def _capture_now(
    store: Store, dispute: Dispute, url: str, actor: str, capture: CaptureFunction
) -> None:
    fresh: Capture | None = None
    error: str | None = None
    try:
        fresh = capture(url)
        if fresh.error and (fresh.status is None or fresh.status >= 400):
            error = fresh.error
    except WebauditError as problem:
        error = str(problem)
    except Exception as problem:  # a browser failure must not lose the registered claim
        error = f"{type(problem).__name__}: {problem}"[:500]
    with store.session(write=True) as session:
        row = get_dispute(session, dispute.id or 0, for_update=True)
        row.capture_id = fresh.id if fresh else None
        row.capture_error = error
        session.add(row)
        log_event(
            session,
            actor,
            "dispute_captured",
            round_id=row.round_id,
            municipality_code=row.municipality_code,
            item_id=row.item_id,
            dispute_id=row.id,
            capture_id=row.capture_id,
            status=fresh.status if fresh else None,
            error=error,
        )
    dispute.capture_id = fresh.id if fresh else None
    dispute.capture_error = error


def match_hints(
    store: Store, evidence: EvidenceStore, checklist: Checklist, dispute: Dispute
) -> dict[str, MatchHint | None]:
    """The matcher's view of the item on the archived and on the fresh capture."""
    item = checklist.item(dispute.item_id)
    single = Checklist.model_validate({**checklist.model_dump(), "items": [item.model_dump()]})
    hints: dict[str, MatchHint | None] = {"archived": None, "fresh": None}
    with store.session() as session:
        captures = {
            "archived": session.get(Capture, dispute.archived_capture_id)
            if dispute.archived_capture_id
            else None,
            "fresh": session.get(Capture, dispute.capture_id) if dispute.capture_id else None,
        }
    for key, capture in captures.items():
        if capture is None or capture.id is None:
            continue
        try:
            document = document_for_capture(capture, evidence)
        except (OSError, WebauditError):
            document = None
        if document is None:
            continue
        match = match_document(document, single)[item.id]
        best = match.best
        hints[key] = MatchHint(
            capture.id, match.result, round(match.confidence, 2), best.quote if best else None
        )
    return hints


def decide_dispute(
    store: Store,
    checklist: Checklist,
    dispute_id: int,
    *,
    outcome: str,
    reviewer: str,
    note: str | None = None,
    value: str | None = None,
    evidence_capture_ids: tuple[int, ...] | None = None,
    seconds_spent: float = 0.0,
) -> DisputeOutcome:
    """Decide an open dispute; see the module docstring for the three outcomes."""
    if outcome not in OUTCOMES:
        raise DisputeError(f"okänt utfall {outcome!r}: ange {', '.join(OUTCOMES)}")
    reviewer = reviewer.strip()
    if not reviewer:
        raise DisputeError("ange vem som prövar invändningen (--reviewer)")
    with store.session(write=True) as session:
        dispute = get_dispute(session, dispute_id, for_update=True)
        if dispute.status != "open":
            raise DisputeError(
                f"invändning {dispute_id} är redan avgjord ({dispute.outcome}, {dispute.decided_by})"
            )
        original = (
            session.get(Decision, dispute.original_decision_id)
            if dispute.original_decision_id
            else None
        )
        if original is not None and original.reviewer == reviewer:
            raise DisputeError(
                f"{reviewer} fattade beslutet som invändningen gäller; en annan granskare måste pröva den"
            )
        current = current_decisions(session, dispute.round_id, dispute.municipality_code).get(
            (dispute.municipality_code, dispute.item_id)
        )
        if (current.id if current else None) != dispute.original_decision_id:
            raise StaleWriteError(
                f"beslutet om punkten har ändrats sedan invändning {dispute_id} registrerades "
                f"(nu: {current.value if current else 'inget'}, av {current.reviewer if current else '–'}); "
                "läs om läget och pröva igen"
            )
        score_before = _municipality_score(
            session, dispute.round_id, dispute.municipality_code, checklist
        )
        new_decision = None
        if outcome == "review_wrong":
            new_value = value or dispute.claimed_value or "yes"
            if new_value not in VALUES:
                raise DisputeError(f"okänt värde {new_value!r}: ange yes, no eller not_applicable")
            if current is not None and current.value == new_value:
                raise DisputeError(
                    f"beslutet är redan {new_value}; välj fixed_since eller rejected, eller ange --value"
                )
            chosen = (
                evidence_capture_ids
                if evidence_capture_ids is not None
                else ((dispute.archived_capture_id,) if dispute.archived_capture_id else ())
            )
            if not chosen and not (note and note.strip()):
                raise DisputeError(
                    "det finns ingen arkiverad fångst av adressen; ange vilken fångst beslutet "
                    "grundas på (--evidence) eller motivera i en anteckning (--note)"
                )
            new_decision = record_decision(
                session,
                DecisionInput(
                    round_id=dispute.round_id,
                    municipality_code=dispute.municipality_code,
                    item_id=dispute.item_id,
                    value=new_value,
                    reviewer=reviewer,
                    checklist_id=checklist.id,
                    checklist_version=checklist.version,
                    note=f"Invändning {dispute_id}: granskningen var fel. {note or ''}".strip(),
                    seconds_spent=seconds_spent,
                    evidence_capture_ids=tuple(chosen),
                    matcher_version=current.matcher_version if current else None,
                ),
                expected_revision=current.revision if current else 0,
            )
        dispute.status = "decided"
        dispute.outcome = outcome
        dispute.decided_by = reviewer
        dispute.decided_at = utcnow()
        dispute.decision_note = note
        dispute.new_decision_id = new_decision.id if new_decision else None
        session.add(dispute)
        session.flush()
        score_after = _municipality_score(
            session, dispute.round_id, dispute.municipality_code, checklist
        )
        where = {
            "round_id": dispute.round_id,
            "municipality_code": dispute.municipality_code,
            "item_id": dispute.item_id,
        }
        log_event(
            session,
            reviewer,
            "dispute_decided",
            **where,
            dispute_id=dispute.id,
            outcome=outcome,
            new_decision_id=dispute.new_decision_id,
            new_value=new_decision.value if new_decision else None,
            note=note,
        )
        if outcome == "fixed_since":
            log_event(
                session,
                reviewer,
                "carry_over_noted",
                **where,
                dispute_id=dispute.id,
                next_round=_next_round(dispute.round_id),
                capture_id=dispute.capture_id,
            )
        log_event(
            session,
            reviewer,
            "score_recomputed",
            **where,
            dispute_id=dispute.id,
            before=score_before.scores,
            after=score_after.scores,
            provisional=score_after.provisional,
        )
    return DisputeOutcome(dispute, new_decision, score_before, score_after)


def _next_round(round_id: str) -> str | None:
    return str(int(round_id) + 1) if round_id.isdigit() else None


def set_deadline(store: Store, round_id: str, until: datetime, actor: str) -> datetime:
    """The last moment (UTC) a municipality may register a dispute for the round."""
    with store.session(write=True) as session:
        audit_round = get_round(session, round_id)
        previous = audit_round.dispute_until
        audit_round.dispute_until = until
        session.add(audit_round)
        log_event(
            session,
            actor,
            "dispute_deadline_set",
            round_id=round_id,
            until=until.isoformat(),
            previous=previous.isoformat() if previous else None,
        )
    return until


def carried_over(store: Store, round_id: str) -> list[Dispute]:
    """Disputes of the previous round decided 'fixed since': what to look at again this round."""
    previous = str(int(round_id) - 1) if round_id.isdigit() else None
    if previous is None:
        return []
    with store.session() as session:
        return [d for d in list_disputes(session, previous) if d.outcome == "fixed_since"]


def municipality_name(store: Store, code: str) -> str:
    with store.session() as session:
        municipality = session.get(Municipality, code)
    return municipality.name if municipality else code

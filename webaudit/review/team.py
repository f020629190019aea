"""Team review: a sample of sites for a blind second review, agreement, and adjudication.

The second review is recorded as decisions with role "second" (never shown to the primary
reviewer's screen and vice versa). Where the two disagree, an adjudicator settles the item: the
ruling is kept as a decision with role "adjudication" and, when it differs from the primary
decision, also becomes the primary decision (which scores and exports read), in one transaction.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace

from webaudit.errors import StaleWriteError, WebauditError
from webaudit.match import MATCHER_VERSION
from webaudit.review.agreement import ItemAgreement, item_agreement
from webaudit.store.decisions import (
    DecisionInput,
    current_decisions,
    current_revision,
    record_decision,
)
from webaudit.store.events import log_event
from webaudit.store.review import sampled_for_second_review, site_heads
from webaudit.store.rounds import round_municipalities
from webaudit.store.tables import Decision, SecondReview
from webaudit.workspace import Workspace


@dataclass(frozen=True)
class Disagreement:
    code: str
    name: str
    item_id: str
    primary: Decision
    second: Decision
    primary_revision: int
    adjudication: Decision | None
    adjudication_revision: int

    @property
    def settled(self) -> bool:
        return self.adjudication is not None and self.adjudication.value is not None


@dataclass(frozen=True)
class AgreementReport:
    items: list[ItemAgreement]
    overall: ItemAgreement
    sites: int  # sites sampled for a second review


def sample_second_review(
    workspace: Workspace, round_id: str, fraction: float, *, seed: int, actor: str
) -> list[str]:
    """Sample `fraction` of the round's sites for a blind second review (reproducibly by seed).

    Sampling is stratified by size group so small and large municipalities are both checked.
    Already sampled sites stay sampled; returns the codes added now.
    """
    if not 0 < fraction <= 1:
        raise WebauditError("andelen för andragranskning ska vara mellan 0 och 1 (t.ex. 0.1)")
    with workspace.store.session(write=True) as session:
        members = [m for m, _ in round_municipalities(session, round_id)]
        already = sampled_for_second_review(session, round_id)
        groups: dict[int, list[str]] = {}
        for municipality in members:
            groups.setdefault(municipality.size_group or 0, []).append(municipality.code)
        rng = random.Random(seed)
        added: list[str] = []
        for group in sorted(groups):
            codes = sorted(groups[group])
            wanted = max(1, math.ceil(fraction * len(codes))) if codes else 0
            have = [c for c in codes if c in already]
            pool = [c for c in codes if c not in already]
            for code in rng.sample(pool, max(0, min(len(pool), wanted - len(have)))):
                session.add(SecondReview(round_id=round_id, municipality_code=code, seed=seed))
                added.append(code)
        log_event(
            session,
            actor,
            "second_review_sampled",
            round_id=round_id,
            fraction=fraction,
            seed=seed,
            codes=sorted(added),
        )
    return sorted(added)


def agreement_report(workspace: Workspace, round_id: str) -> AgreementReport:
    """Per item: on how many sampled sites both reviews decided, the rate agreed, and kappa."""
    with workspace.store.session() as session:
        primary = current_decisions(session, round_id, role="primary")
        second = current_decisions(session, round_id, role="second")
        sites = len(sampled_for_second_review(session, round_id))
    by_item: dict[str, list[tuple[str, str]]] = {item.id: [] for item in workspace.checklist.items}
    for key, other in second.items():
        first = primary.get(key)
        if first is not None and first.value and other.value and key[1] in by_item:
            by_item[key[1]].append((first.value, other.value))
    items = [item_agreement(item_id, pairs) for item_id, pairs in by_item.items()]
    pooled = [pair for pairs in by_item.values() for pair in pairs]
    return AgreementReport(items, item_agreement("*", pooled), sites)


def disagreements(workspace: Workspace, round_id: str) -> list[Disagreement]:
    """Items where the primary and the second review decided differently (settled or not)."""
    found: list[Disagreement] = []
    with workspace.store.session() as session:
        second = current_decisions(session, round_id, role="second")
        codes = sorted({code for code, _ in second})
        names = {m.code: m.name for m, _ in round_municipalities(session, round_id)}
        for code in codes:
            heads = site_heads(session, round_id, code, ["primary", "second", "adjudication"])
            for item in workspace.checklist.items:
                first = heads.get((item.id, "primary"))
                other = heads.get((item.id, "second"))
                if first is None or other is None:
                    continue
                ruling = heads.get((item.id, "adjudication"))
                disagree = first[1].value and other[1].value and first[1].value != other[1].value
                if disagree or ruling is not None:
                    found.append(
                        Disagreement(
                            code,
                            names.get(code, code),
                            item.id,
                            first[1],
                            other[1],
                            first[0],
                            ruling[1] if ruling else None,
                            ruling[0] if ruling else 0,
                        )
                    )
    return found


def adjudicate(
    workspace: Workspace,
    round_id: str,
    case: Disagreement,
    value: str,
    *,
    reviewer: str,
    note: str | None = None,
    seconds_spent: float = 0.0,
) -> Decision:
    """Settle a disagreement; the ruling becomes the primary decision if it differs from it.

    Both writes are checked against the revisions the adjudicator saw (StaleWriteError if a
    reviewer changed the item meanwhile) and land together or not at all.
    """
    if value == "not_applicable" and not (note and note.strip()):
        raise WebauditError("ej tillämplig kräver ett skäl")
    checklist = workspace.checklist
    evidence = tuple(
        dict.fromkeys([*case.primary.evidence_capture_ids, *case.second.evidence_capture_ids])
    )
    ruling_note = (
        note or f"skiljebeslut: {case.primary.reviewer} och {case.second.reviewer} var oense"
    )
    ruling_input = DecisionInput(
        round_id=round_id,
        municipality_code=case.code,
        item_id=case.item_id,
        value=value,
        reviewer=reviewer,
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        role="adjudication",
        note=ruling_note,
        seconds_spent=round(seconds_spent, 2),
        evidence_capture_ids=evidence,
        matcher_version=MATCHER_VERSION,
    )
    with workspace.store.session(write=True) as session:
        ruling = record_decision(
            session, ruling_input, expected_revision=case.adjudication_revision
        )
        if case.primary.value != value:
            record_decision(
                session,
                replace(
                    ruling_input, role="primary", note=f"skiljebeslut av {reviewer}: {ruling_note}"
                ),
                expected_revision=case.primary_revision,
            )
        elif (
            current_revision(session, round_id, case.code, case.item_id, "primary")
            != case.primary_revision
        ):
            # The primary decision stands, but only if it has not moved since it was shown.
            raise StaleWriteError(
                "förstagranskningen ändrades efter att du öppnade ärendet; inget sparades"
            )
    return ruling

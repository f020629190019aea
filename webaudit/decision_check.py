"""Integrity of the decision history: what `webaudit verify` checks besides files.

Decisions are appended with optimistic concurrency, so for every (round, municipality, item,
role) the history must be a gap-free chain of revisions 1..n, each pointing at the one before,
with the head at revision n on the newest decision, and one `decision_recorded` event per
decision. A lost update, a duplicated write or a half-applied transaction breaks one of these.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from sqlmodel import Session, col, select

from webaudit.store.tables import Decision, DecisionHead, Event

Key = tuple[str, str, str, str]


def check_decisions(session: Session, round_id: str | None = None) -> list[str]:
    """Problems in the decision history (Swedish, one line each); empty when consistent."""
    decisions = select(Decision)
    heads = select(DecisionHead)
    events = select(Event).where(Event.kind == "decision_recorded")
    if round_id is not None:
        decisions = decisions.where(Decision.round_id == round_id)
        heads = heads.where(DecisionHead.round_id == round_id)
        events = events.where(Event.round_id == round_id)
    chains: dict[Key, list[Decision]] = defaultdict(list)
    for decision in session.exec(decisions.order_by(col(Decision.id))).all():
        key = (decision.round_id, decision.municipality_code, decision.item_id, decision.role)
        chains[key].append(decision)
    head_of = {
        (h.round_id, h.municipality_code, h.item_id, h.role): h for h in session.exec(heads).all()
    }
    logged: dict[int, int] = defaultdict(int)
    for event in session.exec(events).all():
        decision_id = event.payload.get("decision_id")
        if isinstance(decision_id, int):
            logged[decision_id] += 1
    problems: list[str] = []
    for key in sorted(set(chains) | set(head_of)):
        name = "/".join(key)
        chain = chains.get(key, [])
        head = head_of.get(key)
        revisions = [d.revision for d in chain]
        if revisions != list(range(1, len(chain) + 1)):
            problems.append(f"{name}: revisionerna är {revisions[:8]}, inte 1..{len(chain)}")
        for before, after in itertools.pairwise(chain):
            if after.previous_id != before.id:
                problems.append(f"{name}: beslut {after.id} pekar inte på {before.id}")
        if chain and chain[0].previous_id is not None:
            problems.append(f"{name}: första beslutet pekar bakåt ({chain[0].previous_id})")
        if head is None:
            problems.append(f"{name}: {len(chain)} beslut men inget huvud")
        elif not chain or head.decision_id != chain[-1].id or head.revision != len(chain):
            problems.append(
                f"{name}: huvudet pekar på {head.decision_id} rev {head.revision}, senaste är "
                f"{chain[-1].id if chain else '-'} rev {len(chain)}"
            )
        for decision in chain:
            if decision.id is not None and logged.get(decision.id, 0) != 1:
                problems.append(
                    f"{name}: beslut {decision.id} har {logged.get(decision.id, 0)} händelser"
                )
    return problems

"""Queries the review needs, shaped for speed: the queue reads aggregates, never whole rows.

The queue of 290 sites must open in well under a second and a site in under 100 ms, so these
read only the columns they show (item flags carry big negative-evidence JSON that the queue
never needs) and fetch each kind of row in one query.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import case, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from webaudit.store.tables import (
    Capture,
    Claim,
    CrawlRun,
    Decision,
    DecisionHead,
    Evaluation,
    Event,
    ItemFlag,
    RoundMunicipality,
    SecondReview,
)


@dataclass(frozen=True)
class FlagSummary:
    """Pre-flag counts of one site's newest evaluation."""

    counts: dict[str, int]  # pass / fail / review
    uncertainty: float  # review flags count 1, confident ones count (1 - confidence)


@dataclass(frozen=True)
class CaptureHash:
    """The identity of a page's content, to tell whether it changed between rounds."""

    capture_id: int
    url: str
    final_url: str
    content_sha256: str | None


def latest_evaluations(session: Session, round_id: str) -> dict[str, int]:
    rows = session.exec(
        select(Evaluation.municipality_code, func.max(Evaluation.id))
        .where(Evaluation.round_id == round_id)
        .group_by(col(Evaluation.municipality_code))
    ).all()
    return {code: evaluation_id for code, evaluation_id in rows if evaluation_id is not None}


def flag_summaries(session: Session, round_id: str) -> dict[str, FlagSummary]:
    """Per site: how many items the newest evaluation flags pass/fail/review."""
    latest = (
        select(func.max(Evaluation.id))
        .where(Evaluation.round_id == round_id)
        .group_by(col(Evaluation.municipality_code))
    )
    rows = session.exec(
        select(
            ItemFlag.municipality_code,
            ItemFlag.result,
            func.count(),
            func.sum(1.0 - col(ItemFlag.confidence)),
        )
        .where(col(ItemFlag.evaluation_id).in_(latest))
        .group_by(col(ItemFlag.municipality_code), col(ItemFlag.result))
    ).all()
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"pass": 0, "fail": 0, "review": 0})
    uncertainty: dict[str, float] = defaultdict(float)
    for code, result, count, doubt in rows:
        counts[code][result] = counts[code].get(result, 0) + int(count)
        uncertainty[code] += float(count) if result == "review" else float(doubt or 0.0)
    return {code: FlagSummary(dict(counts[code]), uncertainty[code]) for code in counts}


def decided_counts(
    session: Session, round_id: str, role: str = "primary", codes: Iterable[str] | None = None
) -> dict[str, int]:
    """Per site (all, or those in `codes`): items whose current decision has a value."""
    query = (
        select(DecisionHead.municipality_code, func.count())
        .join(Decision, col(Decision.id) == col(DecisionHead.decision_id))
        .where(
            DecisionHead.round_id == round_id,
            DecisionHead.role == role,
            col(Decision.value).is_not(None),
        )
        .group_by(col(DecisionHead.municipality_code))
    )
    if codes is not None:
        query = query.where(col(DecisionHead.municipality_code).in_(list(codes)))
    return {code: int(count) for code, count in session.exec(query).all()}


def crawl_statuses(
    session: Session, round_id: str, codes: Iterable[str] | None = None
) -> dict[str, tuple[str, int]]:
    """Per site: status and pages of the newest crawl run (manual capture runs do not count)."""
    newest = (
        select(func.max(CrawlRun.id))
        .where(CrawlRun.round_id == round_id, CrawlRun.status != "manual")
        .group_by(col(CrawlRun.municipality_code))
    )
    if codes is not None:
        newest = newest.where(col(CrawlRun.municipality_code).in_(list(codes)))
    rows = session.exec(
        select(CrawlRun.municipality_code, CrawlRun.status, CrawlRun.pages).where(
            col(CrawlRun.id).in_(newest)
        )
    ).all()
    return {code: (status, pages) for code, status, pages in rows}


def claims(session: Session, round_id: str) -> dict[tuple[str, str], str]:
    """(municipality, role) -> reviewer holding it."""
    rows = session.exec(
        select(Claim.municipality_code, Claim.role, Claim.reviewer).where(
            Claim.round_id == round_id
        )
    ).all()
    return {(code, role): reviewer for code, role, reviewer in rows}


def sampled_for_second_review(session: Session, round_id: str) -> set[str]:
    return set(
        session.exec(
            select(SecondReview.municipality_code).where(SecondReview.round_id == round_id)
        ).all()
    )


def site_flags(session: Session, round_id: str, code: str) -> dict[str, ItemFlag]:
    """The newest evaluation's flag per item of one site."""
    evaluation_id = session.exec(
        select(func.max(Evaluation.id)).where(
            Evaluation.round_id == round_id, Evaluation.municipality_code == code
        )
    ).one()
    if evaluation_id is None:
        return {}
    rows = session.exec(select(ItemFlag).where(ItemFlag.evaluation_id == evaluation_id)).all()
    return {flag.item_id: flag for flag in rows}


def site_heads(
    session: Session, round_id: str, code: str, roles: Iterable[str]
) -> dict[tuple[str, str], tuple[int, Decision]]:
    """(item, role) -> (revision, current decision) for one site, in one query."""
    rows = session.exec(
        select(DecisionHead.item_id, DecisionHead.role, DecisionHead.revision, Decision)
        .join(Decision, col(Decision.id) == col(DecisionHead.decision_id))
        .where(
            DecisionHead.round_id == round_id,
            DecisionHead.municipality_code == code,
            col(DecisionHead.role).in_(list(roles)),
        )
    ).all()
    return {(item_id, role): (revision, decision) for item_id, role, revision, decision in rows}


@dataclass(frozen=True)
class SiteState:
    """What decides whether a site read a moment ago is still what the database holds."""

    revisions: dict[tuple[str, str], int]  # (item, role) -> revision of the head
    evaluation_id: int | None  # the newest evaluation (its flags are shown)
    holder: str | None  # who holds the claim for the role


def site_state(session: Session, round_id: str, code: str, role: str) -> SiteState:
    """Two small queries, a fraction of what reading the site takes."""
    revisions = session.exec(
        select(DecisionHead.item_id, DecisionHead.role, DecisionHead.revision).where(
            DecisionHead.round_id == round_id,
            DecisionHead.municipality_code == code,
            DecisionHead.role == role,
        )
    ).all()
    evaluation_id = session.exec(
        select(func.max(Evaluation.id)).where(
            Evaluation.round_id == round_id, Evaluation.municipality_code == code
        )
    ).one()
    claim = session.get(Claim, (round_id, code, role))
    return SiteState(
        revisions={(item, head_role): revision for item, head_role, revision in revisions},
        evaluation_id=evaluation_id,
        holder=claim.reviewer if claim is not None else None,
    )


def page_hashes(session: Session, round_id: str, code: str) -> list[CaptureHash]:
    """Every capture of a site in a round with its content hash (visible text, else raw)."""
    rows = session.execute(
        sa_select(
            col(Capture.id),
            col(Capture.url),
            col(Capture.final_url),
            col(Capture.text_sha256),
            col(Capture.raw_sha256),
        )
        .where(col(Capture.round_id) == round_id, col(Capture.municipality_code) == code)
        .order_by(col(Capture.id))
    ).all()
    return [
        CaptureHash(capture_id or 0, url, final_url, text or raw)
        for capture_id, url, final_url, text, raw in rows
    ]


@dataclass(frozen=True)
class QueueStamp:
    """What the queue showed was read at: enough to tell which sites changed since.

    Revisions only grow (every decision, undo included, is a new revision), so a site's
    (heads, sum of revisions) per role changes with every decision on it. Ids from the event
    log would not do: on PostgreSQL a lower id can commit after a higher one was read.
    Crawls, evaluations and second-review sampling change rarely and touch many columns,
    so any change there (`world`) means: read the whole queue again.
    """

    heads: dict[tuple[str, str], tuple[int, int]]  # (site, role) -> (heads, sum of revisions)
    claims: dict[tuple[str, str], str]  # (site, role) -> reviewer
    world: tuple[object, ...]

    def changed_sites(self, since: QueueStamp) -> set[str]:
        keys = self.heads.keys() | since.heads.keys()
        changed = {
            code
            for code, role in keys
            if self.heads.get((code, role)) != since.heads.get((code, role))
        }
        keys = self.claims.keys() | since.claims.keys()
        changed |= {
            code
            for code, role in keys
            if self.claims.get((code, role)) != since.claims.get((code, role))
        }
        return changed


def queue_stamp(session: Session, round_id: str) -> QueueStamp:
    """Three small aggregate queries (a few ms for 290 sites)."""
    heads = session.exec(
        select(
            DecisionHead.municipality_code,
            DecisionHead.role,
            func.count(),
            func.sum(DecisionHead.revision),
        )
        .where(DecisionHead.round_id == round_id)
        .group_by(col(DecisionHead.municipality_code), col(DecisionHead.role))
    ).all()
    runs = session.exec(
        select(
            func.count(),
            func.max(CrawlRun.id),
            func.sum(CrawlRun.pages),
            func.sum(case((col(CrawlRun.status) == "running", 1), else_=0)),
        ).where(CrawlRun.round_id == round_id)
    ).one()
    evaluations = session.exec(
        select(func.count(), func.max(Evaluation.id)).where(Evaluation.round_id == round_id)
    ).one()
    members = session.exec(select(func.count()).where(RoundMunicipality.round_id == round_id)).one()
    sampled = session.exec(select(func.count()).where(SecondReview.round_id == round_id)).one()
    return QueueStamp(
        heads={(code, role): (int(n), int(total or 0)) for code, role, n, total in heads},
        claims=claims(session, round_id),
        world=(tuple(runs), tuple(evaluations), members, sampled),
    )


def undo_links(session: Session, round_id: str, code: str, item_id: str) -> set[int]:
    """Ids of the decisions of one item that were undos (from the "decision_undone" events)."""
    rows = session.exec(
        select(Event.payload).where(
            Event.kind == "decision_undone",
            Event.round_id == round_id,
            Event.municipality_code == code,
            Event.item_id == item_id,
        )
    ).all()
    return {int(payload["decision_id"]) for payload in rows if payload.get("decision_id")}

"""Evaluations (matcher runs), their findings per capture and their site-level flags."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func
from sqlmodel import Session, col, select

from webaudit.store.tables import Evaluation, Finding, ItemFlag


def save_evaluation(
    session: Session,
    evaluation: Evaluation,
    findings: Iterable[Finding],
    flags: Iterable[ItemFlag],
) -> Evaluation:
    """Store a whole evaluation at once; flags may refer to findings by their list position.

    Each flag's `finding_ids` holds positions in `findings` on the way in and database ids once
    stored.
    """
    session.add(evaluation)
    session.flush()
    stored = []
    for finding in findings:
        finding.evaluation_id = evaluation.id  # type: ignore[assignment]
        session.add(finding)
        stored.append(finding)
    session.flush()
    for flag in flags:
        flag.evaluation_id = evaluation.id  # type: ignore[assignment]
        flag.finding_ids = [stored[index].id for index in flag.finding_ids if stored[index].id]  # type: ignore[misc]
        session.add(flag)
    session.flush()
    return evaluation


def latest_evaluation_ids(session: Session, round_id: str) -> dict[str, int]:
    rows = session.exec(
        select(Evaluation.municipality_code, func.max(Evaluation.id))
        .where(Evaluation.round_id == round_id)
        .group_by(col(Evaluation.municipality_code))
    ).all()
    return {code: evaluation_id for code, evaluation_id in rows if evaluation_id is not None}


def current_flags(
    session: Session, round_id: str, municipality_code: str | None = None
) -> dict[tuple[str, str], ItemFlag]:
    """The newest evaluation's flag per (municipality, item)."""
    latest = latest_evaluation_ids(session, round_id)
    if municipality_code is not None:
        latest = (
            {municipality_code: latest[municipality_code]} if municipality_code in latest else {}
        )
    if not latest:
        return {}
    flags = session.exec(
        select(ItemFlag).where(col(ItemFlag.evaluation_id).in_(list(latest.values())))
    ).all()
    return {(flag.municipality_code, flag.item_id): flag for flag in flags}


def get_findings(session: Session, finding_ids: Iterable[int]) -> dict[int, Finding]:
    ids = list(finding_ids)
    if not ids:
        return {}
    rows = session.exec(select(Finding).where(col(Finding.id).in_(ids))).all()
    return {row.id: row for row in rows if row.id is not None}


def latest_evaluation(session: Session, round_id: str, municipality_code: str) -> Evaluation | None:
    return session.exec(
        select(Evaluation)
        .where(Evaluation.round_id == round_id, Evaluation.municipality_code == municipality_code)
        .order_by(col(Evaluation.id).desc())
    ).first()


def evaluation_flags(session: Session, evaluation_id: int) -> dict[str, ItemFlag]:
    rows = session.exec(select(ItemFlag).where(ItemFlag.evaluation_id == evaluation_id)).all()
    return {row.item_id: row for row in rows}

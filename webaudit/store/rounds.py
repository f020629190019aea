"""Rounds, the checklist versions they use, and the municipalities they cover."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlmodel import Session, col, select

from webaudit.checklists import LoadedChecklist
from webaudit.errors import NotFoundError
from webaudit.municipalities import Municipality as RegistryRow
from webaudit.store.events import log_event
from webaudit.store.tables import AuditRound, ChecklistVersion, Municipality, RoundMunicipality


def store_checklist(session: Session, loaded: LoadedChecklist) -> ChecklistVersion:
    checklist = loaded.checklist
    existing = session.exec(
        select(ChecklistVersion).where(
            ChecklistVersion.checklist_id == checklist.id,
            ChecklistVersion.version == checklist.version,
            ChecklistVersion.sha256 == loaded.sha256,
        )
    ).first()
    if existing:
        return existing
    row = ChecklistVersion(
        checklist_id=checklist.id,
        version=checklist.version,
        round=checklist.round,
        sha256=loaded.sha256,
        content=loaded.text,
    )
    session.add(row)
    return row


def ensure_round(
    session: Session, loaded: LoadedChecklist, round_id: str | None = None, actor: str = "webaudit"
) -> AuditRound:
    """The round (default: the checklist's year), created on first use with this checklist."""
    round_id = round_id or loaded.checklist.round
    store_checklist(session, loaded)
    audit_round = session.get(AuditRound, round_id)
    if audit_round is None:
        audit_round = AuditRound(
            id=round_id,
            checklist_id=loaded.checklist.id,
            checklist_version=loaded.checklist.version,
        )
        session.add(audit_round)
        log_event(
            session,
            actor,
            "round_created",
            round_id=round_id,
            checklist_id=loaded.checklist.id,
            checklist_version=loaded.checklist.version,
        )
    elif audit_round.checklist_version != loaded.checklist.version:
        log_event(
            session,
            actor,
            "round_checklist_changed",
            round_id=round_id,
            old_version=audit_round.checklist_version,
            new_version=loaded.checklist.version,
        )
        audit_round.checklist_version = loaded.checklist.version
        session.add(audit_round)
    session.flush()
    return audit_round


def get_round(session: Session, round_id: str) -> AuditRound:
    audit_round = session.get(AuditRound, round_id)
    if audit_round is None:
        raise NotFoundError(f"omgången {round_id} finns inte i databasen (kör `webaudit init`)")
    return audit_round


def latest_round_id(session: Session) -> str | None:
    return session.exec(select(AuditRound.id).order_by(col(AuditRound.id).desc())).first()


def register_municipalities(
    session: Session, round_id: str, rows: Iterable[RegistryRow], actor: str = "webaudit"
) -> int:
    """Upsert registry facts and add the municipalities to the round. Returns how many are new."""
    added = 0
    for row in rows:
        facts: dict[str, Any] = {
            "name": row.name,
            "official_name": row.official_name,
            "county": row.county,
            "population": row.population,
            "population_year": row.population_year,
            "size_group": row.effective_size_group,
            "website": row.website,
        }
        municipality = session.get(Municipality, row.code)
        if municipality is None:
            session.add(Municipality(code=row.code, **facts))
        else:
            for key, value in facts.items():
                if value is not None:
                    setattr(municipality, key, value)
            session.add(municipality)
        session.flush()
        membership = session.get(RoundMunicipality, (round_id, row.code))
        if membership is None:
            session.add(
                RoundMunicipality(
                    round_id=round_id, municipality_code=row.code, website=row.website
                )
            )
            added += 1
        elif membership.website != row.website:
            log_event(
                session,
                actor,
                "website_changed",
                round_id=round_id,
                municipality_code=row.code,
                old=membership.website,
                new=row.website,
            )
            membership.website = row.website
            session.add(membership)
    if added:
        log_event(session, actor, "municipalities_registered", round_id=round_id, count=added)
    session.flush()
    return added


def round_municipalities(
    session: Session, round_id: str
) -> list[tuple[Municipality, RoundMunicipality]]:
    rows = session.exec(
        select(Municipality, RoundMunicipality)
        .join(RoundMunicipality, col(RoundMunicipality.municipality_code) == col(Municipality.code))
        .where(RoundMunicipality.round_id == round_id)
        .order_by(col(Municipality.code))
    ).all()
    return [(m, rm) for m, rm in rows]

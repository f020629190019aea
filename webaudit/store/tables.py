"""The database tables.

Evidence is kept apart from what is derived from it and from human decisions:
- captures (and the files they point to) are written once and never updated;
- findings and item flags belong to an evaluation; re-running the matchers makes a new one;
- decisions are appended; `DecisionHead` points at the current one per (round, municipality,
  item, role) and carries the revision used for optimistic concurrency;
- events are an append-only log (triggers refuse UPDATE and DELETE).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from webaudit.store.types import UTCDateTime, utcnow


def _time(nullable: bool = False, index: bool = False) -> Any:
    return Field(
        default_factory=utcnow if not nullable else None,
        sa_column=Column(UTCDateTime(), nullable=nullable, index=index),
    )


def _json(default: Any = None) -> Any:
    factory = (
        (lambda: dict(default)) if isinstance(default, dict) else (lambda: list(default or []))
    )
    return Field(default_factory=factory, sa_column=Column(JSON, nullable=False))


class Municipality(SQLModel, table=True):
    code: str = Field(primary_key=True, max_length=16)
    name: str
    official_name: str | None = None
    county: str | None = None
    population: int | None = None
    population_year: int | None = None
    size_group: int | None = None
    website: str


class ChecklistVersion(SQLModel, table=True):
    """A copy of every checklist file a round used, so findings and decisions can be re-read."""

    __tablename__ = "checklist_version"
    __table_args__ = (UniqueConstraint("checklist_id", "version", "sha256"),)

    id: int | None = Field(default=None, primary_key=True)
    checklist_id: str
    version: str
    round: str
    sha256: str
    content: str = Field(sa_column=Column(Text, nullable=False))
    loaded_at: datetime = _time()


class AuditRound(SQLModel, table=True):
    __tablename__ = "audit_round"

    id: str = Field(primary_key=True, description="the review year, e.g. '2025'")
    checklist_id: str
    checklist_version: str
    created_at: datetime = _time()
    dispute_until: datetime | None = _time(nullable=True)


class RoundMunicipality(SQLModel, table=True):
    """Which municipalities a round covers, with the website used for it."""

    __tablename__ = "round_municipality"

    round_id: str = Field(primary_key=True, foreign_key="audit_round.id")
    municipality_code: str = Field(primary_key=True, foreign_key="municipality.code")
    website: str
    added_at: datetime = _time()


class CrawlRun(SQLModel, table=True):
    __tablename__ = "crawl_run"
    __table_args__ = (Index("ix_crawl_run_round_muni", "round_id", "municipality_code"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: str = Field(foreign_key="audit_round.id")
    municipality_code: str = Field(foreign_key="municipality.code")
    start_url: str
    started_at: datetime = _time()
    finished_at: datetime | None = _time(nullable=True)
    status: str = Field(default="running", description="running | ok | partial | failed")
    pages: int = 0
    stop_reason: str | None = None
    error: str | None = None
    settings: dict[str, Any] = _json({})
    user_agent: str | None = None
    warc_path: str | None = None
    wacz_path: str | None = None
    wacz_sha256: str | None = None


class CrawlLogEntry(SQLModel, table=True):
    """Negative evidence: what was visited, skipped, searched, and why the crawl stopped."""

    __tablename__ = "crawl_log"

    id: int | None = Field(default=None, primary_key=True)
    crawl_run_id: int = Field(foreign_key="crawl_run.id", index=True)
    at: datetime = _time()
    kind: str = Field(description="visit | skip | search | robots | sitemap | link | error | stop")
    url: str | None = None
    detail: dict[str, Any] = _json({})


class StoredFile(SQLModel, table=True):
    """Every file in the evidence folder, by content hash (the same bytes are stored once)."""

    __tablename__ = "stored_file"

    sha256: str = Field(primary_key=True, max_length=64)
    path: str = Field(description="relative to the evidence folder")
    size: int
    media_type: str
    created_at: datetime = _time()


class Capture(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("crawl_run_id", "url", name="uq_capture_run_url"),
        Index("ix_capture_round_muni", "round_id", "municipality_code"),
    )

    id: int | None = Field(default=None, primary_key=True)
    crawl_run_id: int = Field(foreign_key="crawl_run.id", index=True)
    round_id: str = Field(foreign_key="audit_round.id")
    municipality_code: str = Field(foreign_key="municipality.code")
    url: str
    final_url: str
    status: int | None = None
    content_type: str | None = None
    title: str | None = None
    captured_at: datetime = _time()
    kind: str = Field(default="page", description="page | pdf")
    source: str = Field(default="crawl", description="crawl | manual | dispute")
    captured_by: str | None = None
    depth: int = 0
    discovered_via: str | None = None
    parent_url: str | None = None
    headers: dict[str, Any] = _json({})
    raw_sha256: str | None = None
    raw_path: str | None = None
    html_sha256: str | None = None
    html_path: str | None = None
    text_sha256: str | None = None
    text_path: str | None = None
    screenshot_sha256: str | None = None
    screenshot_path: str | None = None
    error: str | None = None


class Evaluation(SQLModel, table=True):
    """One run of the matchers over a site's captures. Never updated; re-running adds one."""

    id: int | None = Field(default=None, primary_key=True)
    round_id: str = Field(foreign_key="audit_round.id")
    municipality_code: str = Field(foreign_key="municipality.code", index=True)
    crawl_run_id: int | None = Field(default=None, foreign_key="crawl_run.id")
    matcher_version: str
    checklist_id: str
    checklist_version: str
    created_at: datetime = _time()
    # What went in (matcher version, checklist file, captures): the same inputs, the same result.
    inputs_sha256: str | None = Field(default=None, index=True)
    checklist_sha256: str | None = None


class Finding(SQLModel, table=True):
    """A matcher's result for one capture and one item."""

    id: int | None = Field(default=None, primary_key=True)
    evaluation_id: int = Field(foreign_key="evaluation.id", index=True)
    capture_id: int = Field(foreign_key="capture.id", index=True)
    item_id: str
    result: str = Field(description="pass | fail | review")
    confidence: float
    quote: str | None = Field(default=None, sa_column=Column(Text))
    location: str | None = Field(default=None, description="CSS selector of the element")
    matched_terms: list[str] = _json([])
    crop_sha256: str | None = None
    crop_path: str | None = None
    matcher_version: str
    checklist_id: str
    checklist_version: str
    # All the evidence behind the result (and the near misses ruled out), for `webaudit explain`.
    details: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class ItemFlag(SQLModel, table=True):
    """The site-level pre-flag for one item in one evaluation."""

    __tablename__ = "item_flag"
    __table_args__ = (Index("ix_item_flag_round_muni", "round_id", "municipality_code"),)

    id: int | None = Field(default=None, primary_key=True)
    evaluation_id: int = Field(foreign_key="evaluation.id", index=True)
    round_id: str = Field(foreign_key="audit_round.id")
    municipality_code: str = Field(foreign_key="municipality.code")
    item_id: str
    result: str = Field(description="pass | fail | review")
    confidence: float
    finding_ids: list[int] = _json([])
    reason: str | None = None
    negative_evidence: dict[str, Any] = _json({})


class Decision(SQLModel, table=True):
    """A reviewer's decision. Appended, never updated: history is the table itself."""

    __table_args__ = (Index("ix_decision_key", "round_id", "municipality_code", "item_id", "role"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: str = Field(foreign_key="audit_round.id")
    municipality_code: str = Field(foreign_key="municipality.code")
    item_id: str
    role: str = Field(default="primary", description="primary | second | adjudication | import")
    value: str | None = Field(description="yes | no | not_applicable; None when undone")
    note: str | None = Field(default=None, sa_column=Column(Text))
    reviewer: str
    decided_at: datetime = _time()
    seconds_spent: float = 0.0
    evidence_capture_ids: list[int] = _json([])
    checklist_id: str
    checklist_version: str
    matcher_version: str | None = None
    previous_id: int | None = Field(default=None, description="the decision this one replaced")
    revision: int = Field(description="revision of the head after this decision")


class DecisionHead(SQLModel, table=True):
    """The current decision per (round, municipality, item, role) and its revision."""

    __tablename__ = "decision_head"

    round_id: str = Field(primary_key=True, foreign_key="audit_round.id")
    municipality_code: str = Field(primary_key=True, foreign_key="municipality.code")
    item_id: str = Field(primary_key=True)
    role: str = Field(primary_key=True, default="primary")
    decision_id: int = Field(foreign_key="decision.id")
    revision: int


class Claim(SQLModel, table=True):
    """A reviewer working on a site, so others can see it."""

    round_id: str = Field(primary_key=True, foreign_key="audit_round.id")
    municipality_code: str = Field(primary_key=True, foreign_key="municipality.code")
    role: str = Field(primary_key=True, default="primary")
    reviewer: str
    claimed_at: datetime = _time()


class SecondReview(SQLModel, table=True):
    """Sites sampled for a blind second review."""

    __tablename__ = "second_review"

    round_id: str = Field(primary_key=True, foreign_key="audit_round.id")
    municipality_code: str = Field(primary_key=True, foreign_key="municipality.code")
    sampled_at: datetime = _time()
    seed: int | None = None


class Dispute(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    round_id: str = Field(foreign_key="audit_round.id")
    municipality_code: str = Field(foreign_key="municipality.code", index=True)
    item_id: str
    claim: str = Field(sa_column=Column(Text, nullable=False))
    url: str | None = None
    opened_at: datetime = _time()
    opened_by: str
    capture_id: int | None = Field(default=None, foreign_key="capture.id")
    status: str = Field(default="open", description="open | decided")
    outcome: str | None = Field(default=None, description="review_wrong | fixed_since | rejected")
    decided_by: str | None = None
    decided_at: datetime | None = _time(nullable=True)
    decision_note: str | None = Field(default=None, sa_column=Column(Text))
    original_decision_id: int | None = Field(default=None, foreign_key="decision.id")
    new_decision_id: int | None = Field(default=None, foreign_key="decision.id")
    # 0005_export: what the municipality claims, the round's own capture of the disputed URL
    # (if the crawl had it) and why a fresh capture failed, if it did.
    claimed_value: str | None = Field(default=None, description="yes | no | not_applicable")
    archived_capture_id: int | None = None
    capture_error: str | None = Field(default=None, sa_column=Column(Text))


class Event(SQLModel, table=True):
    """The append-only log of everything that happened."""

    __table_args__ = (Index("ix_event_round_muni", "round_id", "municipality_code"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _time(index=True)
    actor: str
    kind: str = Field(index=True)
    round_id: str | None = None
    municipality_code: str | None = None
    item_id: str | None = None
    payload: dict[str, Any] = _json({})


# Tables kept in their own modules (imported here so the metadata is complete).
from webaudit.store import history_tables as _history_tables  # noqa: E402, F401

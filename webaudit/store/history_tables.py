"""Earlier rounds' results, imported from the index team's files (a CSV per round or a JSON export).

Imports are never changed: importing a round again adds a new import, and the newest import of
a round is the one statistics read. Municipality codes are kept as given (no foreign key), so a
historical file can be imported before or without the registry.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Text
from sqlmodel import Field, SQLModel

from webaudit.store.types import UTCDateTime, utcnow


class HistoryImport(SQLModel, table=True):
    __tablename__ = "history_import"

    id: int | None = Field(default=None, primary_key=True)
    round_id: str = Field(index=True, description="the review year, e.g. '2023'")
    source: str = Field(description="file name the rows came from")
    sha256: str
    format: str = Field(description="csv | json")
    imported_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    imported_by: str
    rows: int = 0
    note: str | None = Field(default=None, sa_column=Column(Text))


class HistoryResult(SQLModel, table=True):
    """One municipality in one imported round: its Information score and item verdicts."""

    __tablename__ = "history_result"

    id: int | None = Field(default=None, primary_key=True)
    import_id: int = Field(foreign_key="history_import.id", index=True)
    round_id: str
    municipality_code: str
    name: str | None = None
    size_group: int | None = None
    information: float | None = None
    items: dict[str, Any] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False)
    )  # item id -> yes | no | not_applicable | None

"""Alembic environment: runs against the connection webaudit hands over."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString

import webaudit.store.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from webaudit.store.types import UTCDateTime

config = context.config


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Migrations use plain SQLAlchemy types, so they never break when webaudit's code moves."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    if type_ == "type" and isinstance(obj, AutoString):
        return f"sa.String({obj.length or ''})"
    return False


connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("webaudit runs its migrations through Store(); use `webaudit init`.")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()

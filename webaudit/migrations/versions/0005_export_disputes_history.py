"""disputes: claimed value, archived capture, capture error; imported history of earlier rounds

Revision ID: 0005_export
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_export"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (nullable): no table is rebuilt, no row is touched.
    op.add_column("dispute", sa.Column("claimed_value", sa.String(), nullable=True))
    op.add_column("dispute", sa.Column("archived_capture_id", sa.Integer(), nullable=True))
    op.add_column("dispute", sa.Column("capture_error", sa.Text(), nullable=True))
    op.create_table(
        "history_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_history_import_round_id", "history_import", ["round_id"])
    op.create_table(
        "history_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.String(), nullable=False),
        sa.Column("municipality_code", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("size_group", sa.Integer(), nullable=True),
        sa.Column("information", sa.Float(), nullable=True),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["import_id"], ["history_import.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_history_result_import_id", "history_result", ["import_id"])


def downgrade() -> None:
    raise NotImplementedError("webaudit never downgrades: a past round's data must not be lost")

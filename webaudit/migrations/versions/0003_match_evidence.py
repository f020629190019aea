"""matcher evaluations: inputs fingerprint and checklist hash; all evidence per finding

Revision ID: 0003_match
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_match"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (nullable): no table is rebuilt, no row is touched.
    op.add_column("evaluation", sa.Column("inputs_sha256", sa.String(), nullable=True))
    op.add_column("evaluation", sa.Column("checklist_sha256", sa.String(), nullable=True))
    op.create_index("ix_evaluation_inputs_sha256", "evaluation", ["inputs_sha256"])
    op.add_column("finding", sa.Column("details", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("finding", "details")
    op.drop_index("ix_evaluation_inputs_sha256", table_name="evaluation")
    op.drop_column("evaluation", "checklist_sha256")
    op.drop_column("evaluation", "inputs_sha256")

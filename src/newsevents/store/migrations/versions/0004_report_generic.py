"""Reports keep the generic realis: a habit told in general ("troops often patrol the
border"), stored as a report but, like a negated or hypothetical one, never an event of its
own. A plain added column, false for the rows already stored, so SQLite and PostgreSQL
migrate alike. It is added in place, not in batch mode: rebuilding ``reports`` on SQLite would
drop the triggers that keep its search index in step.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "reports", sa.Column("generic", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("reports", "generic")

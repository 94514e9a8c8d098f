"""Full-text search over report sentences, and a store version that readers cache against.

SQLite: an FTS5 index kept in step with ``reports`` by triggers (skipped when the SQLite build
has no FTS5; searches then fall back to a scan). PostgreSQL: a GIN index on the sentence's
tsvector, which the server maintains itself.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from newsevents.store import search

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute("INSERT INTO store_state (id, version) VALUES (1, 0)")
    search.create_index(op.get_bind())


def downgrade() -> None:
    search.drop_index(op.get_bind())
    op.drop_table("store_state")

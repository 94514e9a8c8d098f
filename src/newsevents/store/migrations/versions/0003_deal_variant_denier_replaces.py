"""Deals keep the variant as written, who denied them, and the deal they replace.

``deals.variant`` and ``deals.denier`` show the latest report's; each report keeps its own,
with ``replaces_key``: the ``deal_key`` of the cancelled deal it takes the place of. Plain
added columns, so SQLite and PostgreSQL migrate alike and stored rows stay as they are.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("variant", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("denier", sa.String(length=8), nullable=True))
    with op.batch_alter_table("deal_reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("variant", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("denier", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("replaces_key", sa.String(length=255), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("deal_reports", schema=None) as batch_op:
        batch_op.drop_column("replaces_key")
        batch_op.drop_column("denier")
        batch_op.drop_column("variant")
    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.drop_column("denier")
        batch_op.drop_column("variant")

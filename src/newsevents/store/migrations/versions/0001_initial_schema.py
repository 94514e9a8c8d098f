"""Initial schema: documents, events with their actors and country facet, reports, deals.

Revision ID: 0001
Revises: none
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_key", sa.String(length=255), nullable=False),
        sa.Column("supplier", sa.String(length=8), nullable=True),
        sa.Column("recipient", sa.String(length=8), nullable=True),
        sa.Column("system_name", sa.String(length=255), nullable=True),
        sa.Column("system_mention", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("origin", sa.String(length=8), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("currency", sa.String(length=8), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("n_reports", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("deal_key"),
    )
    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.create_index("ix_deals_recipient", ["recipient"], unique=False)
        batch_op.create_index("ix_deals_supplier", ["supplier"], unique=False)

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc_id", sa.String(length=255), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=255), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("n_sentences", sa.Integer(), server_default="0", nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.Column("duplicate_of", sa.Integer(), nullable=True),
        sa.Column("origin", sa.String(length=255), nullable=False),
        sa.Column("dropped_lines", sa.JSON(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["duplicate_of"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("doc_id"),
        sa.UniqueConstraint("text_hash"),
        sa.UniqueConstraint("url"),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_date"), ["date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_documents_duplicate_of"), ["duplicate_of"], unique=False
        )

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=64), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("place_key", sa.String(length=255), nullable=True),
        sa.Column("location_name", sa.String(length=255), nullable=True),
        sa.Column("location_country", sa.String(length=8), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("n_reports", sa.Integer(), server_default="0", nullable=False),
        sa.Column("n_sources", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_date_id", ["date", "id"], unique=False)
        batch_op.create_index(
            "ix_events_location_country_date", ["location_country", "date"], unique=False
        )
        batch_op.create_index("ix_events_place_date", ["place_key", "date"], unique=False)
        batch_op.create_index("ix_events_sources_date", ["n_sources", "date"], unique=False)
        batch_op.create_index("ix_events_type_date", ["event_type", "date", "id"], unique=False)

    op.create_table(
        "deal_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("transfer_id", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("currency", sa.String(length=8), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("attribution", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["deal_id"],
            ["deals.id"],
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "transfer_id", name="uq_deal_report"),
    )
    with op.batch_alter_table("deal_reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deal_reports_deal_id"), ["deal_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_deal_reports_document_id"), ["document_id"], unique=False
        )

    op.create_table(
        "event_actors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.Column("key", sa.String(length=16), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("igo", sa.String(length=32), nullable=True),
        sa.Column("sector", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id", "role", "key", "sector", "name", name="uq_event_actor"),
    )
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.create_index("ix_event_actors_key", ["key"], unique=False)

    op.create_table(
        "event_keys",
        sa.Column("key", sa.String(length=16), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("actor", sa.Boolean(), nullable=False),
        sa.Column("event_type", sa.String(length=16), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("n_sources", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
        ),
        sa.PrimaryKeyConstraint("key", "event_id"),
    )
    with op.batch_alter_table("event_keys", schema=None) as batch_op:
        batch_op.create_index("ix_event_keys_event", ["event_id"], unique=False)
        batch_op.create_index(
            "ix_event_keys_key_date",
            ["key", "date", "event_id", "actor", "n_sources"],
            unique=False,
        )
        batch_op.create_index(
            "ix_event_keys_key_type_date",
            ["key", "event_type", "date", "event_id", "actor", "n_sources"],
            unique=False,
        )

    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("mention_id", sa.String(length=64), nullable=False),
        sa.Column("sentence_index", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=64), nullable=True),
        sa.Column("context", sa.JSON(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_text", sa.Text(), nullable=True),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("source_actors", sa.JSON(), nullable=False),
        sa.Column("target_actors", sa.JSON(), nullable=False),
        sa.Column("location", sa.JSON(), nullable=True),
        sa.Column("attribution", sa.JSON(), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("hypothetical", sa.Boolean(), nullable=False),
        sa.Column("factual", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "mention_id", name="uq_report_mention"),
    )
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reports_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reports_event_id"), ["event_id"], unique=False)
        batch_op.create_index(
            "ix_reports_unlinked", ["event_type", "date", "event_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_index("ix_reports_unlinked")
        batch_op.drop_index(batch_op.f("ix_reports_event_id"))
        batch_op.drop_index(batch_op.f("ix_reports_document_id"))

    op.drop_table("reports")
    with op.batch_alter_table("event_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_event_keys_key_type_date")
        batch_op.drop_index("ix_event_keys_key_date")
        batch_op.drop_index("ix_event_keys_event")

    op.drop_table("event_keys")
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.drop_index("ix_event_actors_key")

    op.drop_table("event_actors")
    with op.batch_alter_table("deal_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deal_reports_document_id"))
        batch_op.drop_index(batch_op.f("ix_deal_reports_deal_id"))

    op.drop_table("deal_reports")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_type_date")
        batch_op.drop_index("ix_events_sources_date")
        batch_op.drop_index("ix_events_place_date")
        batch_op.drop_index("ix_events_location_country_date")
        batch_op.drop_index("ix_events_date_id")

    op.drop_table("events")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_duplicate_of"))
        batch_op.drop_index(batch_op.f("ix_documents_date"))

    op.drop_table("documents")
    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.drop_index("ix_deals_supplier")
        batch_op.drop_index("ix_deals_recipient")

    op.drop_table("deals")

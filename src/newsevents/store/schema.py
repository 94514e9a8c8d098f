"""Tables of the event store (SQLAlchemy Core), shared by SQLite and PostgreSQL.

The migrations under ``migrations/versions`` create exactly these tables; a test compares the two
so the schema cannot drift from what a migrated database holds.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("doc_id", sa.String(255), nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("date", sa.Date, index=True),
    sa.Column("url", sa.Text, unique=True),
    sa.Column("source", sa.String(255)),
    sa.Column("language", sa.String(16)),
    sa.Column("n_sentences", sa.Integer, nullable=False, server_default="0"),
    sa.Column("text", sa.Text, nullable=False),
    # sha256 of the normalised text: the same article re-ingested under another name is skipped.
    sa.Column("text_hash", sa.String(64), nullable=False, unique=True),
    # MinHash signature (uint32 array) for near-duplicate (syndicated copy) detection.
    sa.Column("minhash", sa.LargeBinary),
    # Earliest stored document this one is a near-duplicate of (NULL: original).
    sa.Column("duplicate_of", sa.Integer, sa.ForeignKey("documents.id"), index=True),
    # What counts as one source: the outlet of the original, or the original document itself.
    sa.Column("origin", sa.String(255), nullable=False),
    sa.Column("dropped_lines", sa.JSON),
    sa.Column("ingested_at", sa.DateTime, nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("event_type", sa.String(16), nullable=False),
    sa.Column("mode", sa.String(64)),
    sa.Column("date", sa.Date),
    sa.Column("place_key", sa.String(255)),
    sa.Column("location_name", sa.String(255)),
    sa.Column("location_country", sa.String(8)),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("geonameid", sa.Integer),
    sa.Column("trigger", sa.Text, nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("n_reports", sa.Integer, nullable=False, server_default="0"),
    sa.Column("n_sources", sa.Integer, nullable=False, server_default="0"),
    sa.Index("ix_events_date_id", "date", "id"),
    sa.Index("ix_events_type_date", "event_type", "date", "id"),
    sa.Index("ix_events_place_date", "place_key", "date"),
    sa.Index("ix_events_location_country_date", "location_country", "date"),
    sa.Index("ix_events_sources_date", "n_sources", "date"),
)

# One row per distinct actor of an event (union over its factual reports); ``key`` is the ISO3
# country or the IGO short name ('' when neither is known).
event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False),
    sa.Column("role", sa.String(8), nullable=False),
    sa.Column("key", sa.String(16), nullable=False),
    sa.Column("country", sa.String(8)),
    sa.Column("igo", sa.String(32)),
    sa.Column("sector", sa.String(16), nullable=False),
    sa.Column("name", sa.String(255), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.UniqueConstraint("event_id", "role", "key", "sector", "name", name="uq_event_actor"),
    sa.Index("ix_event_actors_key", "key"),
)

# Country filter facet: one row per (country or IGO, event), whether it is an actor or the
# location, with the event's type, date and source count copied in, so a country-filtered page
# is read in date order from one index instead of sorting every event of a big country.
event_keys = sa.Table(
    "event_keys",
    metadata,
    sa.Column("key", sa.String(16), primary_key=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
    sa.Column("actor", sa.Boolean, nullable=False),
    sa.Column("event_type", sa.String(16), nullable=False),
    sa.Column("date", sa.Date),
    sa.Column("n_sources", sa.Integer, nullable=False),
    # Covering: counts and pages filtered by role and source count never read the table.
    sa.Index("ix_event_keys_key_date", "key", "date", "event_id", "actor", "n_sources"),
    sa.Index("ix_event_keys_key_type_date", "key", "event_type", "date", "event_id", "actor",
             "n_sources"),
    sa.Index("ix_event_keys_event", "event_id"),
)

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # NULL for a negated/hypothetical/generic report that matched no factual event.
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), index=True),
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False,
              index=True),
    sa.Column("mention_id", sa.String(64), nullable=False),
    sa.Column("sentence_index", sa.Integer, nullable=False),
    sa.Column("event_type", sa.String(16), nullable=False),
    sa.Column("mode", sa.String(64)),
    sa.Column("context", sa.JSON),
    sa.Column("date", sa.Date),
    sa.Column("date_text", sa.Text),
    sa.Column("trigger", sa.Text, nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("start_char", sa.Integer, nullable=False),
    sa.Column("end_char", sa.Integer, nullable=False),
    sa.Column("source_actors", sa.JSON, nullable=False),
    sa.Column("target_actors", sa.JSON, nullable=False),
    sa.Column("location", sa.JSON),
    sa.Column("attribution", sa.JSON),
    sa.Column("negated", sa.Boolean, nullable=False),
    sa.Column("hypothetical", sa.Boolean, nullable=False),
    sa.Column("generic", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("factual", sa.Boolean, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.UniqueConstraint("document_id", "mention_id", name="uq_report_mention"),
    sa.Index("ix_reports_unlinked", "event_type", "date", "event_id"),
)

# One row (id 1) whose version every stored batch increments, in the batch's transaction:
# readers cache aggregates against it, so a write from any process invalidates every cache.
# The text search index over report sentences lives outside these tables (see ``search``).
store_state = sa.Table(
    "store_state",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("version", sa.Integer, nullable=False, server_default="0"),
)

deals = sa.Table(
    "deals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # supplier|recipient|system: reports of one deal from many articles share it.
    sa.Column("deal_key", sa.String(255), nullable=False, unique=True),
    sa.Column("supplier", sa.String(8)),
    sa.Column("recipient", sa.String(8)),
    sa.Column("system_name", sa.String(255)),
    sa.Column("system_mention", sa.Text, nullable=False),
    sa.Column("category", sa.String(64)),
    sa.Column("origin", sa.String(8)),
    sa.Column("quantity", sa.Integer),
    sa.Column("value", sa.Float),
    sa.Column("currency", sa.String(8)),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("n_reports", sa.Integer, nullable=False, server_default="0"),
    # The latest variant reported ("Leopard 2A6"); the deal groups by its base system.
    sa.Column("variant", sa.String(255)),
    # Who denied the deal, when its latest status is "denied".
    sa.Column("denier", sa.String(8)),
    sa.Index("ix_deals_supplier", "supplier"),
    sa.Index("ix_deals_recipient", "recipient"),
)

deal_reports = sa.Table(
    "deal_reports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("deal_id", sa.Integer, sa.ForeignKey("deals.id"), nullable=False, index=True),
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False,
              index=True),
    sa.Column("transfer_id", sa.String(64), nullable=False),
    sa.Column("date", sa.Date),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("quantity", sa.Integer),
    sa.Column("value", sa.Float),
    sa.Column("currency", sa.String(8)),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("attribution", sa.JSON),
    sa.Column("variant", sa.String(255)),
    sa.Column("denier", sa.String(8)),
    # The deal_key of the deal this report says the deal replaces (that one is cancelled).
    sa.Column("replaces_key", sa.String(255)),
    sa.UniqueConstraint("document_id", "transfer_id", name="uq_deal_report"),
)

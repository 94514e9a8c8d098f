"""Writing one batch of coded articles: documents, reports merged into events, deal reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlalchemy as sa
from datasketch import MinHash
from sqlalchemy.dialects import postgresql, sqlite

from newsevents.ingest import unicode_problem
from newsevents.models import Actor, ArmsTransfer, Event, Result
from newsevents.store import merge, schema
from newsevents.store.dedup import NearDuplicates, is_stored, text_hash

# Errors that say the database itself is unusable (connection lost, disk full, read-only,
# locked, no permission): they end the batch, where any other error belongs to the record
# being written.
_DATABASE_DOWN = (sa.exc.OperationalError, sa.exc.InterfaceError, sa.exc.InternalError,
                  sa.exc.ProgrammingError)

docs, events, actors, keys, reports = (
    schema.documents, schema.events, schema.event_actors, schema.event_keys, schema.reports,
)
deals, deal_reports = schema.deals, schema.deal_reports


@dataclass
class IngestStats:
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    reports: int = 0
    deal_reports: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def add(self, other: IngestStats) -> None:
        self.stored += other.stored
        self.duplicates += other.duplicates
        self.near_duplicates += other.near_duplicates
        self.reports += other.reports
        self.deal_reports += other.deal_reports
        self.errors.extend(other.errors)


def error_line(exc: BaseException) -> str:
    """The first line of the database's own message, without SQLAlchemy's statement,
    parameters and links: what a user can act on, on one line."""
    cause = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    return lines[0] if lines else type(cause).__name__


def _insert_ignoring_conflicts(conn: sa.Connection, table: sa.Table, row: dict) -> None:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(table).values(**row).on_conflict_do_nothing())


def _actor_row(event_id: int, role: str, actor: Actor) -> dict:
    return {
        "event_id": event_id, "role": role, "key": merge.actor_key(actor),
        "country": actor.country, "igo": actor.igo, "sector": actor.sector or "",
        "name": actor.name or "", "text": actor.text,
    }


def _dump(actors_: list[Actor]) -> list[dict]:
    return [actor.model_dump() for actor in actors_]


def deal_key(transfer: ArmsTransfer) -> str:
    system = (transfer.system.name or transfer.system.mention).strip().lower()
    return f"{transfer.supplier.country or '?'}|{transfer.recipient.country or '?'}|{system}"[:255]


class BatchWriter:
    """Writes inside the caller's transaction and remembers which events and deals it touched,
    so their counts are recomputed once per batch rather than once per report."""

    def __init__(self, conn: sa.Connection, near_duplicates: NearDuplicates) -> None:
        self.conn = conn
        self.near_duplicates = near_duplicates
        self.stats = IngestStats()
        self.touched_events: set[int] = set()
        self.touched_deals: set[int] = set()

    # documents -----------------------------------------------------------------------------

    def add_result(self, result: Result) -> None:
        """Store one coded article in its own savepoint: a record the database refuses costs
        that record only, and the rest of the batch is still stored."""
        document = result.document
        if document.error:
            self.stats.errors.append((document.doc_id, document.error))
            return
        if not result.text.strip():
            self.stats.errors.append((document.doc_id, "empty text"))
            return
        problem = unicode_problem(result.text)
        if problem:
            self.stats.errors.append((document.doc_id, f"not stored: the text has {problem}"))
            return
        digest = text_hash(result.text)
        if is_stored(self.conn, digest, document.url):
            self.stats.duplicates += 1
            return
        touched = set(self.touched_events), set(self.touched_deals)
        minhash = self.near_duplicates.signature(result.text)
        try:
            with self.conn.begin_nested():
                row_id = self._store(result, digest, minhash)
        except _DATABASE_DOWN:
            raise
        except Exception as exc:
            self.touched_events, self.touched_deals = touched
            self.stats.errors.append((document.doc_id, f"not stored: {error_line(exc)}"))
            return
        self.near_duplicates.add(row_id, minhash, document.date)
        self.stats.stored += 1
        self.stats.reports += len(result.events)
        self.stats.deal_reports += len(result.arms_transfers)

    def _store(self, result: Result, digest: str, minhash: MinHash) -> int:
        document = result.document
        row_id = self._insert_document(result, digest, minhash)
        for event in result.events:
            self.add_report(row_id, event, document.date)
        keys = {t.deal_id: deal_key(t) for t in result.arms_transfers}
        for transfer in result.arms_transfers:
            self.add_deal_report(row_id, transfer, document.date, keys.get(transfer.replaces or ""))
        return row_id

    def _free_doc_id(self, doc_id: str, digest: str) -> str:
        """Two different articles may share a file name; the later one gets a suffixed id."""
        taken = self.conn.execute(
            sa.select(docs.c.id).where(docs.c.doc_id == doc_id[:255])).first()
        return doc_id[:255] if taken is None else f"{doc_id[:230]}#{digest[:12]}"

    def _origin(self, original: int | None, row_id: int, source: str | None) -> str:
        if original is not None:
            return self.conn.execute(
                sa.select(docs.c.origin).where(docs.c.id == original)).scalar_one()
        return f"source:{source.strip().lower()}"[:255] if source else f"doc:{row_id}"

    def _insert_document(self, result: Result, digest: str, minhash: MinHash) -> int:
        document = result.document
        original = self.near_duplicates.find(minhash, document.date)
        if original is not None:
            original = self.conn.execute(
                sa.select(sa.func.coalesce(docs.c.duplicate_of, docs.c.id))
                .where(docs.c.id == original)).scalar_one()
            self.stats.near_duplicates += 1
        row_id = self.conn.execute(docs.insert().values(
            doc_id=self._free_doc_id(document.doc_id, digest), title=document.title,
            date=document.date, url=document.url, source=document.source,
            language=document.language, n_sentences=document.n_sentences, text=result.text,
            text_hash=digest, minhash=NearDuplicates.to_bytes(minhash), duplicate_of=original,
            origin="", dropped_lines=document.dropped_lines,
            ingested_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        )).inserted_primary_key[0]
        origin = self._origin(original, row_id, document.source)
        self.conn.execute(docs.update().where(docs.c.id == row_id).values(origin=origin))
        return row_id

    # events --------------------------------------------------------------------------------

    def add_report(self, document_id: int, event: Event, doc_date: dt.date | None) -> None:
        mention = merge.mention_of(event, doc_date)
        factual = event.factual
        event_id = merge.best_match(mention, self._candidates(mention))
        if event_id is None and factual:
            event_id = self._create_event(event, mention)
        self.conn.execute(reports.insert().values(
            event_id=event_id, document_id=document_id, mention_id=event.event_id[:64],
            sentence_index=event.sentence_index, event_type=event.event_type, mode=event.mode,
            context=event.context, date=mention.date, date_text=event.date_text,
            trigger=event.trigger, sentence=event.evidence.sentence,
            start_char=event.evidence.start, end_char=event.evidence.end,
            source_actors=_dump(event.source), target_actors=_dump(event.target),
            location=event.location.model_dump() if event.location else None,
            attribution=event.attribution.model_dump() if event.attribution else None,
            negated=event.negated, hypothetical=event.hypothetical, generic=event.generic,
            factual=factual,
            confidence=event.confidence,
        ))
        if event_id is None:
            return
        self.touched_events.add(event_id)
        if factual:
            self._add_actors(event_id, event)

    def _candidates(self, mention: merge.Mention) -> list[merge.Candidate]:
        if not merge.mergeable(mention):
            return []
        assert mention.date is not None
        window = dt.timedelta(days=merge.date_window(mention.event_type))
        rows = self.conn.execute(
            sa.select(events.c.id, events.c.date, events.c.location_country, events.c.lat,
                      events.c.lon)
            .where(events.c.event_type == mention.event_type,
                   events.c.date.between(mention.date - window, mention.date + window))
        ).all()
        if not rows:
            return []
        sides: dict[int, dict[str, set[str]]] = {row.id: {"source": set(), "target": set()}
                                                 for row in rows}
        for event_id, role, key in self.conn.execute(
            sa.select(actors.c.event_id, actors.c.role, actors.c.key)
            .where(actors.c.event_id.in_(list(sides)), actors.c.key != "")
        ):
            sides[event_id][role].add(key)
        return [
            merge.Candidate(row.id, merge.Mention(
                event_type=mention.event_type, date=row.date,
                sources=frozenset(sides[row.id]["source"]),
                targets=frozenset(sides[row.id]["target"]),
                place=merge.Place(row.location_country, row.lat, row.lon)
                if row.location_country or row.lat is not None else None,
            ))
            for row in rows
        ]

    def _create_event(self, event: Event, mention: merge.Mention) -> int:
        location = event.location
        event_id = self.conn.execute(events.insert().values(
            event_type=event.event_type, mode=event.mode, date=mention.date,
            place_key=location.name.strip().lower()[:255] if location else None,
            location_name=location.name[:255] if location else None,
            location_country=location.country if location else None,
            lat=location.lat if location else None, lon=location.lon if location else None,
            geonameid=location.geonameid if location else None,
            trigger=event.trigger, sentence=event.evidence.sentence,
        )).inserted_primary_key[0]
        self._adopt_unlinked(event_id, mention)
        return event_id

    def _adopt_unlinked(self, event_id: int, mention: merge.Mention) -> None:
        """Negated, hypothetical or generic reports stored before their factual event existed
        join it now, so the outcome does not depend on the order articles arrive in. An event
        without a date or known actors merges with nothing, so it has nothing to adopt."""
        if not merge.mergeable(mention) or mention.date is None:
            return
        window = dt.timedelta(days=merge.date_window(mention.event_type))
        rows = self.conn.execute(
            sa.select(reports.c.id, reports.c.date, reports.c.source_actors,
                      reports.c.target_actors, reports.c.location)
            .where(reports.c.event_id.is_(None), reports.c.event_type == mention.event_type,
                   reports.c.date.between(mention.date - window, mention.date + window))
        ).all()
        for row in rows:
            location = row.location or {}
            other = merge.Mention(
                event_type=mention.event_type, date=row.date,
                sources=merge.actor_keys([Actor(**a) for a in row.source_actors]),
                targets=merge.actor_keys([Actor(**a) for a in row.target_actors]),
                place=merge.Place(location.get("country"), location.get("lat"),
                                  location.get("lon")) if location else None,
            )
            if merge.can_merge(other, mention):
                self.conn.execute(
                    reports.update().where(reports.c.id == row.id).values(event_id=event_id))

    def _add_actors(self, event_id: int, event: Event) -> None:
        for role, group in (("source", event.source), ("target", event.target)):
            for actor in group:
                _insert_ignoring_conflicts(self.conn, actors, _actor_row(event_id, role, actor))

    # deals ---------------------------------------------------------------------------------

    def add_deal_report(self, document_id: int, transfer: ArmsTransfer,
                        doc_date: dt.date | None, replaces_key: str | None = None) -> None:
        """``replaces_key`` is the deal_key of the deal from the same article that this one
        replaces: the article's own deal ids mean nothing across articles."""
        deal_id = self._deal_id(transfer)
        sentence = transfer.evidence[0].sentence if transfer.evidence else ""
        _insert_ignoring_conflicts(self.conn, deal_reports, {
            "deal_id": deal_id, "document_id": document_id,
            "transfer_id": transfer.deal_id[:64], "date": doc_date, "status": transfer.status,
            "quantity": transfer.quantity, "value": transfer.value,
            "currency": transfer.currency, "sentence": sentence,
            "attribution": transfer.attribution.model_dump() if transfer.attribution else None,
            "variant": transfer.variant[:255] if transfer.variant else None,
            "denier": transfer.denier.country if transfer.denier else None,
            "replaces_key": replaces_key,
        })
        self.touched_deals.add(deal_id)

    def _deal_id(self, transfer: ArmsTransfer) -> int:
        key = deal_key(transfer)
        found = self.conn.execute(sa.select(deals.c.id).where(deals.c.deal_key == key)).first()
        if found is not None:
            return found.id
        system = transfer.system
        return self.conn.execute(deals.insert().values(
            deal_key=key, supplier=transfer.supplier.country,
            recipient=transfer.recipient.country, system_name=system.name,
            system_mention=system.mention, category=system.category, origin=system.origin,
            status=transfer.status,
        )).inserted_primary_key[0]

    # counts --------------------------------------------------------------------------------

    def refresh_counts(self) -> None:
        if self.touched_events:
            self._refresh_events(sorted(self.touched_events))
        for deal_id in sorted(self.touched_deals):
            self._refresh_deal(deal_id)

    def _refresh_events(self, ids: list[int]) -> None:
        factual = (reports.c.event_id == events.c.id) & reports.c.factual
        n_reports = sa.select(sa.func.count()).where(factual).scalar_subquery()
        n_sources = (
            sa.select(sa.func.count(sa.distinct(docs.c.origin)))
            .select_from(reports.join(docs, docs.c.id == reports.c.document_id))
            .where(factual).scalar_subquery()
        )
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            self.conn.execute(events.update().where(events.c.id.in_(chunk))
                              .values(n_reports=n_reports, n_sources=n_sources))
            self._refresh_keys(chunk)

    def _refresh_keys(self, ids: list[int]) -> None:
        """Rebuild the country facet of these events from their actors and location."""
        self.conn.execute(keys.delete().where(keys.c.event_id.in_(ids)))
        rows = self.conn.execute(
            sa.select(events.c.id, events.c.event_type, events.c.date, events.c.n_sources,
                      events.c.location_country).where(events.c.id.in_(ids))).all()
        actor_keys: dict[int, set[str]] = {row.id: set() for row in rows}
        for event_id, key in self.conn.execute(
            sa.select(actors.c.event_id, actors.c.key)
            .where(actors.c.event_id.in_(ids), actors.c.key != "")
        ):
            actor_keys[event_id].add(key)
        facet = [
            {"key": key, "event_id": row.id, "actor": key in actor_keys[row.id],
             "event_type": row.event_type, "date": row.date, "n_sources": row.n_sources}
            for row in rows
            for key in sorted(actor_keys[row.id] | {row.location_country} - {None})
        ]
        if facet:
            self.conn.execute(keys.insert(), facet)

    def _refresh_deal(self, deal_id: int) -> None:
        """The deal shows its latest reported status (with its denier), quantity, value and
        variant."""
        rows = self.conn.execute(
            sa.select(deal_reports).where(deal_reports.c.deal_id == deal_id)).all()
        rows.sort(key=lambda r: (r.date or dt.date.min, r.id))
        latest = rows[-1]
        quantity = next((r.quantity for r in reversed(rows) if r.quantity is not None), None)
        value = next((r for r in reversed(rows) if r.value is not None), None)
        variant = next((r.variant for r in reversed(rows) if r.variant), None)
        self.conn.execute(deals.update().where(deals.c.id == deal_id).values(
            status=latest.status, quantity=quantity, n_reports=len(rows),
            value=value.value if value else None, currency=value.currency if value else None,
            variant=variant, denier=latest.denier if latest.status == "denied" else None,
        ))

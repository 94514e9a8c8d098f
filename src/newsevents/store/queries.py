"""Reading the store in SQL: the readers of SQLite and PostgreSQL (see ``reading.ReadStore``).

Every value reaches the database as a bound parameter. Results are the typed read models of
``read_models``, so the CLI, the exports and the API share one reading code path. The two
databases share every query but the one that cuts dates into weeks and months.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterator

import sqlalchemy as sa

from newsevents.cameo import cameo_code
from newsevents.models import COOPERATIVE_TYPES, Actor, Location, WeaponSystem
from newsevents.store import schema, search
from newsevents.store.cache import store_version
from newsevents.store.read_models import (
    ActorCount,
    CountryCount,
    Deal,
    DealFilter,
    DealPage,
    DealReport,
    EventDetail,
    EventFilter,
    EventPage,
    EventRow,
    EventSummary,
    ExportedEvent,
    NetworkEdge,
    PlaceCount,
    Report,
    TimelinePoint,
)

docs, events, actors, keys, reports = (
    schema.documents, schema.events, schema.event_actors, schema.event_keys, schema.reports,
)
deals, deal_reports = schema.deals, schema.deal_reports


def _keyed(key: str, flt: EventFilter, actor_only: bool) -> list[sa.ColumnElement[bool]]:
    """Facet conditions: the country or IGO, narrowed on the same index by type and dates."""
    where = [keys.c.key == key.upper()]
    if actor_only:
        where.append(keys.c.actor)
    if flt.event_type:
        where.append(keys.c.event_type == flt.event_type.upper())
    if flt.start:
        where.append(keys.c.date >= flt.start)
    if flt.end:
        where.append(keys.c.date <= flt.end)
    if flt.min_sources > 1:
        where.append(keys.c.n_sources >= flt.min_sources)
    return where


def _keyed_ids(key: str, flt: EventFilter, actor_only: bool) -> sa.Select:
    return sa.select(keys.c.event_id).where(*_keyed(key, flt, actor_only))


def _other_conditions(flt: EventFilter) -> list[sa.ColumnElement[bool]]:
    """Conditions the country facet does not carry."""
    where: list[sa.ColumnElement[bool]] = []
    if flt.mode:
        where.append(events.c.mode == flt.mode)
    if flt.place:
        where.append(events.c.place_key == flt.place.strip().lower())
    if flt.q:
        where.append(_text_condition(flt))
    return where


def _text_condition(flt: EventFilter) -> sa.ColumnElement[bool]:
    """With other narrowing filters, each candidate event's reports are checked (cheap);
    alone, the matching reports are listed from the text index and their events kept."""
    assert flt.q is not None
    matches = search.SentenceMatches(reports.c.id, reports.c.sentence, search.words(flt.q))
    narrowed = any((flt.start, flt.end, flt.country, flt.actor_country, flt.event_type,
                    flt.place))
    if narrowed:
        return sa.exists().where(reports.c.event_id == events.c.id, matches)
    return events.c.id.in_(sa.select(reports.c.event_id).where(matches))


def conditions(flt: EventFilter) -> list[sa.ColumnElement[bool]]:
    where = _other_conditions(flt)
    if flt.event_type:
        where.append(events.c.event_type == flt.event_type.upper())
    if flt.start:
        where.append(events.c.date >= flt.start)
    if flt.end:
        where.append(events.c.date <= flt.end)
    if flt.min_sources > 1:
        where.append(events.c.n_sources >= flt.min_sources)
    if flt.actor_country:
        where.append(events.c.id.in_(_keyed_ids(flt.actor_country, flt, actor_only=True)))
    if flt.country:
        where.append(events.c.id.in_(_keyed_ids(flt.country, flt, actor_only=False)))
    return where


_NO_DOCUMENT = dict.fromkeys(("doc_id", "url", "publisher", "published", "language"))


def _location(row: sa.Row) -> Location | None:
    if row.location_name is None:
        return None
    return Location(name=row.location_name, country=row.location_country, lat=row.lat,
                    lon=row.lon, geonameid=row.geonameid)


def _page_queries(flt: EventFilter) -> tuple[sa.Select, sa.Select]:
    """(count, rows) queries. With a country filter both are driven by the country facet, read
    in date order from its index; otherwise by the events table's own indexes."""
    key, actor_only = (flt.country, False) if flt.country else (flt.actor_country, True)
    if key is None:
        where = conditions(flt)
        count = sa.select(sa.func.count()).select_from(events).where(*where)
        order = [events.c.date.desc().nulls_last(), events.c.id.desc()]
        return count, sa.select(events).where(*where).order_by(*order)
    where = [*_keyed(key, flt, actor_only), *_other_conditions(flt)]
    if flt.country and flt.actor_country:
        where.append(keys.c.event_id.in_(_keyed_ids(flt.actor_country, flt, actor_only=True)))
    joined = keys.join(events, events.c.id == keys.c.event_id)
    counted = joined if _other_conditions(flt) else keys
    count = sa.select(sa.func.count()).select_from(counted).where(*where)
    order = [keys.c.date.desc().nulls_last(), keys.c.event_id.desc()]
    return count, sa.select(events).select_from(joined).where(*where).order_by(*order)


def _distinct_actors(role: str, where: list[sa.ColumnElement[bool]]) -> sa.Subquery:
    """Each country or IGO once per event and role, however many actors of it the event has,
    so pairs are formed once and counted without DISTINCT over the pair join. Filters are
    applied here, before pairing, so a filtered network pairs only the events it shows."""
    query = (sa.select(actors.c.event_id, actors.c.key)
             .where(actors.c.role == role, actors.c.key != "").distinct())
    if where:  # driven by the filtered events, each probing its actors by the event index
        query = query.join(events, events.c.id == actors.c.event_id).where(*where)
    return query.subquery(role)


def _deal_conditions(flt: DealFilter) -> list[sa.ColumnElement[bool]]:
    where: list[sa.ColumnElement[bool]] = []
    if flt.country:
        code = flt.country.upper()
        where.append((deals.c.supplier == code) | (deals.c.recipient == code))
    if flt.supplier:
        where.append(deals.c.supplier == flt.supplier.upper())
    if flt.recipient:
        where.append(deals.c.recipient == flt.recipient.upper())
    if flt.status:
        where.append(deals.c.status == flt.status)
    return where


class SqlReadStore(ABC):
    """The queries both databases answer alike, over one connection (one read transaction);
    a backend adds how its database cuts dates into periods."""

    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn

    def version(self) -> int:
        return store_version(self.conn)

    @abstractmethod
    def _period(self, interval: str) -> sa.ColumnElement[dt.date]:
        """First day of the event's day, ISO week (Monday) or month, computed by the database."""

    # events ----------------------------------------------------------------------------

    def _actor_lists(self, ids: list[int]) -> dict[int, dict[str, list[Actor]]]:
        lists: dict[int, dict[str, list[Actor]]] = {i: {"source": [], "target": []} for i in ids}
        if not ids:
            return lists
        rows = self.conn.execute(sa.select(actors).where(actors.c.event_id.in_(ids))
                                 .order_by(actors.c.id)).all()
        for row in rows:
            lists[row.event_id][row.role].append(Actor(
                text=row.text, name=row.name or None, country=row.country,
                sector=row.sector or None, igo=row.igo,
            ))
        return lists

    def _summaries(self, rows: list[sa.Row]) -> list[EventSummary]:
        lists = self._actor_lists([row.id for row in rows])
        return [
            EventSummary(
                id=row.id, event_type=row.event_type, mode=row.mode, date=row.date,
                source=lists[row.id]["source"], target=lists[row.id]["target"],
                location=_location(row), n_reports=row.n_reports, n_sources=row.n_sources,
                trigger=row.trigger, sentence=row.sentence,
            )
            for row in rows
        ]

    def event_page(self, flt: EventFilter, limit: int, offset: int) -> EventPage:
        """Matching events, newest first."""
        count, rows_query = _page_queries(flt)
        total = self.conn.execute(count).scalar_one()
        rows = self.conn.execute(rows_query.limit(limit).offset(offset)).all()
        return EventPage(total=total, limit=limit, offset=offset, items=self._summaries(rows))

    def event_detail(self, event_id: int) -> EventDetail | None:
        row = self.conn.execute(sa.select(events).where(events.c.id == event_id)).first()
        if row is None:
            return None
        report_rows = self.conn.execute(
            sa.select(reports, docs.c.doc_id.label("doc_key"), docs.c.title, docs.c.url,
                      docs.c.source.label("outlet"), docs.c.date.label("doc_date"))
            .join(docs, docs.c.id == reports.c.document_id)
            .where(reports.c.event_id == event_id).order_by(reports.c.id)
        ).all()
        reports_ = [
            Report(
                doc_id=r.doc_key, title=r.title, url=r.url, source=r.outlet, date=r.doc_date,
                sentence=r.sentence, start=r.start_char, end=r.end_char, trigger=r.trigger,
                source_actors=r.source_actors, target_actors=r.target_actors,
                attribution=r.attribution, negated=r.negated, hypothetical=r.hypothetical,
                generic=r.generic,
            )
            for r in report_rows
        ]
        summary = self._summaries([row])[0]
        return EventDetail(**dict(summary), reports=reports_)

    def with_documents(self, summaries: list[EventSummary]) -> list[EventRow]:
        """The events with the document their evidence sentence comes from."""
        ids = [summary.id for summary in summaries]
        found: dict[int, dict[str, object]] = {}
        for start in range(0, len(ids), 500):
            rows = self.conn.execute(
                sa.select(reports.c.event_id, docs.c.doc_id, docs.c.url,
                          docs.c.source.label("publisher"), docs.c.date.label("published"),
                          docs.c.language)
                .join(docs, docs.c.id == reports.c.document_id)
                .join(events, events.c.id == reports.c.event_id)
                .where(reports.c.event_id.in_(ids[start:start + 500]),
                       reports.c.sentence == events.c.sentence)
                .order_by(reports.c.id)
            ).all()
            for row in rows:
                found.setdefault(row.event_id, {
                    "doc_id": row.doc_id, "url": row.url, "publisher": row.publisher,
                    "published": row.published, "language": row.language})
        return [EventRow(**dict(summary), **found.get(summary.id, _NO_DOCUMENT))
                for summary in summaries]

    def iter_events(self, flt: EventFilter, chunk: int = 5000) -> Iterator[ExportedEvent]:
        """All matching events in id order, read by keyset pages so memory stays flat."""
        last = 0
        while True:
            rows = self.conn.execute(
                sa.select(events).where(events.c.id > last, *conditions(flt))
                .order_by(events.c.id).limit(chunk)).all()
            if not rows:
                return
            for event in self.with_documents(self._summaries(rows)):
                yield ExportedEvent(**dict(event),
                                    cameo=cameo_code(event.event_type, event.mode))
            last = rows[-1].id

    def event_origins(self, ids: list[int]) -> dict[int, set[str]]:
        """The independent sources of each event: the distinct origins (outlet of the original,
        or the original document) of the documents that report it."""
        origins: dict[int, set[str]] = defaultdict(set)
        for start in range(0, len(ids), 500):
            rows = self.conn.execute(
                sa.select(reports.c.event_id, docs.c.origin).distinct()
                .join(docs, docs.c.id == reports.c.document_id)
                .where(reports.c.event_id.in_(ids[start:start + 500]))
            ).all()
            for row in rows:
                origins[row.event_id].add(row.origin)
        return origins

    # aggregates ------------------------------------------------------------------------

    def timeline(self, flt: EventFilter, interval: str) -> list[TimelinePoint]:
        """Event counts per period (its first day) and type."""
        period = self._period(interval).label("period")
        query = (
            sa.select(period, events.c.event_type, sa.func.count().label("count"))
            .where(events.c.date.is_not(None), *conditions(flt))
            .group_by(period, events.c.event_type)
            .order_by(period, events.c.event_type)
        )
        return [TimelinePoint(**row._mapping) for row in self.conn.execute(query)]

    def network(self, flt: EventFilter, min_count: int) -> list[NetworkEdge]:
        """Source -> target pairs with event counts, split into cooperation and conflict.

        With a country, only the pairs it is a side of: an event that names it beside other
        actors ("US and British jets struck ...") or happened there also pairs the others,
        and those edges are not the country's ties."""
        where = conditions(flt)
        src, tgt = _distinct_actors("source", where), _distinct_actors("target", where)
        cooperative = sa.case((events.c.event_type.in_(sorted(COOPERATIVE_TYPES)), 1), else_=0)
        count = sa.func.count()
        pair = (tgt.c.event_id == src.c.event_id) & (tgt.c.key != src.c.key)
        if flt.country:
            code = flt.country.upper()
            pair &= (src.c.key == code) | (tgt.c.key == code)
        query = (
            sa.select(src.c.key.label("source"), tgt.c.key.label("target"),
                      count.label("count"), sa.func.sum(cooperative).label("cooperation"),
                      (count - sa.func.sum(cooperative)).label("conflict"))
            .select_from(src.join(tgt, pair).join(events, events.c.id == src.c.event_id))
            .group_by(src.c.key, tgt.c.key)
            .having(count >= min_count)
            .order_by(sa.desc("count"), src.c.key, tgt.c.key)
        )
        return [NetworkEdge(**row._mapping) for row in self.conn.execute(query)]

    def places(self, flt: EventFilter) -> list[PlaceCount]:
        query = (
            sa.select(events.c.location_name.label("name"),
                      events.c.location_country.label("country"),
                      sa.func.avg(events.c.lat).label("lat"),
                      sa.func.avg(events.c.lon).label("lon"), sa.func.count().label("count"))
            .where(events.c.location_name.is_not(None), *conditions(flt))
            .group_by(events.c.location_name, events.c.location_country)
            .order_by(sa.desc("count"), events.c.location_name)
        )
        return [PlaceCount(**row._mapping) for row in self.conn.execute(query)]

    def countries(self) -> list[CountryCount]:
        distinct = (sa.select(actors.c.event_id, actors.c.role, actors.c.key)
                    .where(actors.c.key != "").distinct().subquery("a"))
        role_count = lambda role: sa.func.sum(  # noqa: E731
            sa.case((distinct.c.role == role, 1), else_=0))
        query = (
            sa.select(distinct.c.key.label("country"), role_count("source").label("as_source"),
                      role_count("target").label("as_target"),
                      sa.func.count(sa.distinct(distinct.c.event_id)).label("events"))
            .group_by(distinct.c.key)
            .order_by(sa.desc("events"), distinct.c.key)
        )
        return [CountryCount(**row._mapping) for row in self.conn.execute(query)]

    def actor_list(self, country: str | None, limit: int = 500) -> list[ActorCount]:
        """Named actors, and country-sector groups for unnamed ones, by number of events."""
        query = (
            sa.select(sa.func.min(actors.c.text).label("text"), actors.c.name, actors.c.country,
                      actors.c.sector, actors.c.igo,
                      sa.func.count(sa.distinct(actors.c.event_id)).label("events"))
            .where((actors.c.key != "") | (actors.c.name != ""))
            .group_by(actors.c.name, actors.c.country, actors.c.sector, actors.c.igo)
            .order_by(sa.desc("events"), actors.c.name)
            .limit(limit)
        )
        if country:
            query = query.where(actors.c.key == country.upper())
        return [
            ActorCount(**{**row._mapping, "name": row.name or None, "sector": row.sector or None})
            for row in self.conn.execute(query)
        ]

    # deals -----------------------------------------------------------------------------

    def _deal_histories(self, ids: list[int]) -> dict[int, list[DealReport]]:
        histories: dict[int, list[DealReport]] = defaultdict(list)
        if not ids:
            return histories
        rows = self.conn.execute(
            sa.select(deal_reports, docs.c.doc_id.label("doc_key"), docs.c.url)
            .join(docs, docs.c.id == deal_reports.c.document_id)
            .where(deal_reports.c.deal_id.in_(ids))
        ).all()
        rows.sort(key=lambda r: (r.date or dt.date.min, r.id))
        replaced = self._deal_ids({r.replaces_key for r in rows if r.replaces_key})
        for r in rows:
            histories[r.deal_id].append(DealReport(
                date=r.date, status=r.status, doc_id=r.doc_key, sentence=r.sentence, url=r.url,
                variant=r.variant, denier=r.denier,
                replaces=replaced.get(r.replaces_key) if r.replaces_key else None))
        return histories

    def _deal_ids(self, keys: set[str]) -> dict[str, int]:
        """The stored deals' ids by their deal_key (a report names the deal it replaces so)."""
        if not keys:
            return {}
        rows = self.conn.execute(sa.select(deals.c.deal_key, deals.c.id)
                                 .where(deals.c.deal_key.in_(sorted(keys)))).all()
        return {r.deal_key: r.id for r in rows}

    def deal_page(self, flt: DealFilter, limit: int, offset: int) -> DealPage:
        """Arms deals merged across articles, with their status history."""
        where = _deal_conditions(flt)
        total = self.conn.execute(
            sa.select(sa.func.count()).select_from(deals).where(*where)).scalar_one()
        rows = self.conn.execute(sa.select(deals).where(*where).order_by(deals.c.id)
                                 .limit(limit).offset(offset)).all()
        histories = self._deal_histories([row.id for row in rows])
        items = [
            Deal(
                id=row.id, supplier=row.supplier, recipient=row.recipient,
                system=WeaponSystem(name=row.system_name, mention=row.system_mention,
                                    category=row.category, origin=row.origin),
                variant=row.variant,
                quantity=row.quantity, value=row.value, currency=row.currency,
                status=row.status, denier=row.denier,
                replaces=sorted({h.replaces for h in histories[row.id] if h.replaces}),
                history=histories[row.id], n_reports=row.n_reports,
            )
            for row in rows
        ]
        return DealPage(total=total, limit=limit, offset=offset, items=items)


class SQLiteReadStore(SqlReadStore):
    def _period(self, interval: str) -> sa.ColumnElement[dt.date]:
        day = events.c.date
        if interval == "day":
            return day
        if interval == "week":  # forward to Sunday (or stay), then back to that week's Monday
            return sa.type_coerce(sa.func.date(day, "weekday 0", "-6 days"), sa.Date)
        return sa.type_coerce(sa.func.substr(day, 1, 7) + "-01", sa.Date)


class PostgresReadStore(SqlReadStore):
    def _period(self, interval: str) -> sa.ColumnElement[dt.date]:
        day = events.c.date
        if interval == "day":
            return day
        return sa.cast(sa.func.date_trunc(interval, day), sa.Date)

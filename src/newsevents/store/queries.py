"""Reading the store: filtered event pages, event details, aggregates, deals, export rows.

Every value reaches the database as a bound parameter. Results are plain dicts shaped like the
REST API's JSON, so the CLI, the exports and the API share one reading code path.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa

from newsevents.store import schema

docs, events, actors, keys, reports = (
    schema.documents, schema.events, schema.event_actors, schema.event_keys, schema.reports,
)
deals, deal_reports = schema.deals, schema.deal_reports

COOPERATION = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})


@dataclass(frozen=True)
class EventFilter:
    """``country`` matches an actor or the event's location; ``actor_country`` only actors."""

    country: str | None = None
    actor_country: str | None = None
    event_type: str | None = None
    mode: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    place: str | None = None
    min_sources: int = 1
    q: str | None = None


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
    alone, one pass over all report sentences beats probing every event."""
    assert flt.q is not None
    matches = reports.c.sentence.icontains(flt.q, autoescape=True)
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


def _location(row: sa.Row) -> dict | None:
    if row.location_name is None:
        return None
    return {"name": row.location_name, "country": row.location_country, "lat": row.lat,
            "lon": row.lon, "geonameid": row.geonameid}


def _actor_lists(conn: sa.Connection, ids: list[int]) -> dict[int, dict[str, list[dict]]]:
    lists: dict[int, dict[str, list[dict]]] = {i: {"source": [], "target": []} for i in ids}
    if not ids:
        return lists
    rows = conn.execute(sa.select(actors).where(actors.c.event_id.in_(ids))
                        .order_by(actors.c.id)).all()
    for row in rows:
        lists[row.event_id][row.role].append({
            "text": row.text, "name": row.name or None, "country": row.country,
            "sector": row.sector or None, "igo": row.igo,
        })
    return lists


def _summaries(conn: sa.Connection, rows: list[sa.Row]) -> list[dict]:
    lists = _actor_lists(conn, [row.id for row in rows])
    return [
        {
            "id": row.id, "event_type": row.event_type, "mode": row.mode, "date": row.date,
            "source": lists[row.id]["source"], "target": lists[row.id]["target"],
            "location": _location(row), "n_reports": row.n_reports,
            "n_sources": row.n_sources, "trigger": row.trigger, "sentence": row.sentence,
        }
        for row in rows
    ]


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


def event_page(conn: sa.Connection, flt: EventFilter, limit: int, offset: int) -> dict:
    count, rows_query = _page_queries(flt)
    total = conn.execute(count).scalar_one()
    rows = conn.execute(rows_query.limit(limit).offset(offset)).all()
    return {"total": total, "limit": limit, "offset": offset, "items": _summaries(conn, rows)}


def event_detail(conn: sa.Connection, event_id: int) -> dict | None:
    row = conn.execute(sa.select(events).where(events.c.id == event_id)).first()
    if row is None:
        return None
    detail = _summaries(conn, [row])[0]
    report_rows = conn.execute(
        sa.select(reports, docs.c.doc_id.label("doc_key"), docs.c.title, docs.c.url,
                  docs.c.source.label("outlet"), docs.c.date.label("doc_date"))
        .join(docs, docs.c.id == reports.c.document_id)
        .where(reports.c.event_id == event_id).order_by(reports.c.id)
    ).all()
    detail["reports"] = [
        {
            "doc_id": r.doc_key, "title": r.title, "url": r.url, "source": r.outlet,
            "date": r.doc_date, "sentence": r.sentence, "start": r.start_char,
            "end": r.end_char, "trigger": r.trigger, "source_actors": r.source_actors,
            "target_actors": r.target_actors, "attribution": r.attribution,
            "negated": r.negated, "hypothetical": r.hypothetical,
        }
        for r in report_rows
    ]
    return detail


def period_start(day: dt.date, interval: str) -> dt.date:
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day


def timeline(conn: sa.Connection, flt: EventFilter, interval: str) -> list[dict]:
    """Counted per day in SQL and folded into weeks or months here, the same on every dialect."""
    rows = conn.execute(
        sa.select(events.c.date, events.c.event_type, sa.func.count().label("n"))
        .where(events.c.date.is_not(None), *conditions(flt))
        .group_by(events.c.date, events.c.event_type)
    ).all()
    counts: Counter[tuple[dt.date, str]] = Counter()
    for day, event_type, n in rows:
        counts[(period_start(day, interval), event_type)] += n
    return [{"period": period, "event_type": event_type, "count": n}
            for (period, event_type), n in sorted(counts.items())]


def network(conn: sa.Connection, flt: EventFilter, min_count: int) -> list[dict]:
    src, tgt = actors.alias("src"), actors.alias("tgt")
    cooperative = events.c.event_type.in_(sorted(COOPERATION))
    query = (
        sa.select(
            src.c.key.label("source"), tgt.c.key.label("target"),
            sa.func.count(sa.distinct(events.c.id)).label("count"),
            sa.func.count(sa.distinct(sa.case((cooperative, events.c.id)))).label("cooperation"),
            sa.func.count(sa.distinct(sa.case((~cooperative, events.c.id)))).label("conflict"),
        )
        .select_from(
            events.join(src, (src.c.event_id == events.c.id) & (src.c.role == "source"))
            .join(tgt, (tgt.c.event_id == events.c.id) & (tgt.c.role == "target"))
        )
        .where(src.c.key != "", tgt.c.key != "", src.c.key != tgt.c.key, *conditions(flt))
        .group_by(src.c.key, tgt.c.key)
        .having(sa.func.count(sa.distinct(events.c.id)) >= min_count)
        .order_by(sa.desc("count"), src.c.key, tgt.c.key)
    )
    return [dict(row._mapping) for row in conn.execute(query)]


def places(conn: sa.Connection, flt: EventFilter) -> list[dict]:
    query = (
        sa.select(events.c.location_name.label("name"), events.c.location_country.label("country"),
                  sa.func.avg(events.c.lat).label("lat"), sa.func.avg(events.c.lon).label("lon"),
                  sa.func.count().label("count"))
        .where(events.c.location_name.is_not(None), *conditions(flt))
        .group_by(events.c.location_name, events.c.location_country)
        .order_by(sa.desc("count"), events.c.location_name)
    )
    return [dict(row._mapping) for row in conn.execute(query)]


def countries(conn: sa.Connection) -> list[dict]:
    role_count = lambda role: sa.func.count(  # noqa: E731
        sa.distinct(sa.case((actors.c.role == role, actors.c.event_id))))
    query = (
        sa.select(actors.c.key.label("country"), role_count("source").label("as_source"),
                  role_count("target").label("as_target"),
                  sa.func.count(sa.distinct(actors.c.event_id)).label("events"))
        .where(actors.c.key != "")
        .group_by(actors.c.key)
        .order_by(sa.desc("events"), actors.c.key)
    )
    return [dict(row._mapping) for row in conn.execute(query)]


def actor_list(conn: sa.Connection, country: str | None, limit: int = 500) -> list[dict]:
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
        {**row._mapping, "name": row.name or None, "sector": row.sector or None}
        for row in conn.execute(query)
    ]


@dataclass(frozen=True)
class DealFilter:
    country: str | None = None
    supplier: str | None = None
    recipient: str | None = None
    status: str | None = None


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


def _deal_histories(conn: sa.Connection, ids: list[int]) -> dict[int, list[dict]]:
    histories: dict[int, list[dict]] = defaultdict(list)
    if not ids:
        return histories
    rows = conn.execute(
        sa.select(deal_reports, docs.c.doc_id.label("doc_key"), docs.c.url)
        .join(docs, docs.c.id == deal_reports.c.document_id)
        .where(deal_reports.c.deal_id.in_(ids))
    ).all()
    rows.sort(key=lambda r: (r.date or dt.date.min, r.id))
    for r in rows:
        histories[r.deal_id].append({"date": r.date, "status": r.status, "doc_id": r.doc_key,
                                     "sentence": r.sentence, "url": r.url})
    return histories


def deal_page(conn: sa.Connection, flt: DealFilter, limit: int, offset: int) -> dict:
    where = _deal_conditions(flt)
    total = conn.execute(sa.select(sa.func.count()).select_from(deals).where(*where)).scalar_one()
    rows = conn.execute(sa.select(deals).where(*where).order_by(deals.c.id)
                        .limit(limit).offset(offset)).all()
    histories = _deal_histories(conn, [row.id for row in rows])
    items = [
        {
            "id": row.id, "supplier": row.supplier, "recipient": row.recipient,
            "system": {"name": row.system_name, "mention": row.system_mention,
                       "category": row.category, "origin": row.origin},
            "quantity": row.quantity, "value": row.value, "currency": row.currency,
            "status": row.status, "history": histories[row.id], "n_reports": row.n_reports,
        }
        for row in rows
    ]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _keys(actor_dicts: list[dict]) -> str:
    return ";".join(sorted({a["country"] or a["igo"] for a in actor_dicts
                            if a["country"] or a["igo"]}))


def flat_event(summary: dict) -> dict:
    """One export row per event: actor lists become ';'-joined country/IGO codes."""
    location = summary["location"] or {}
    return {
        "id": summary["id"], "event_type": summary["event_type"], "mode": summary["mode"],
        "date": summary["date"], "source": _keys(summary["source"]),
        "target": _keys(summary["target"]),
        "source_text": "; ".join(a["text"] for a in summary["source"]),
        "target_text": "; ".join(a["text"] for a in summary["target"]),
        "place": location.get("name"), "place_country": location.get("country"),
        "lat": location.get("lat"), "lon": location.get("lon"),
        "n_reports": summary["n_reports"], "n_sources": summary["n_sources"],
        "trigger": summary["trigger"], "sentence": summary["sentence"],
    }


def iter_events(conn: sa.Connection, flt: EventFilter, chunk: int = 5000) -> Iterator[dict]:
    """All matching events in id order, read by keyset pages so memory stays flat."""
    last = 0
    while True:
        rows = conn.execute(sa.select(events).where(events.c.id > last, *conditions(flt))
                            .order_by(events.c.id).limit(chunk)).all()
        if not rows:
            return
        yield from _summaries(conn, rows)
        last = rows[-1].id

"""Event counts per dyad and period, the table most analyses of event data start from.

One row per (period, source country, target country, event type): the number of events, their
quad class, and the number of independent sources that reported them. Each event is counted
in exactly one row, so the counts add up to the events they come from: an event with actors of
several countries on one side has them all, ';'-joined and sorted, as that side's key (as in
``export``), and a side with no known country or organisation has an empty key. Negated,
hypothetical and generic events (a habit told in general) are not claims that something
happened; they are left out, and counted.

Two inputs give the same table: the store's merged events (independent sources: the distinct
origins of their reports' documents, syndicated copies counting once), or the JSON Lines of
``newsevents code`` (every event record; independent sources: the distinct publishers of the
documents, else the documents themselves, since single articles carry no syndication marks).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from newsevents.models import QUAD_CLASS
from newsevents.store.read_models import EventFilter
from newsevents.store.reading import ReadStore

PERIODS = ("day", "week", "month")
COLUMNS = ["period", "source_country", "target_country", "event_type", "quad_class", "events",
           "sources"]

Cell = tuple[dt.date | None, str, str, str]


class AggregateError(Exception):
    """Input that cannot be aggregated; the message names the line and the problem."""


def period_start(date: dt.date | None, period: str) -> dt.date | None:
    """The first day of the date's day, ISO week (Monday) or month, as ``timeline`` counts."""
    if date is None or period == "day":
        return date
    if period == "week":
        return date - dt.timedelta(days=date.weekday())
    return date.replace(day=1)


def side_key(actors: Iterable[Mapping[str, Any]]) -> str:
    return ";".join(sorted({a.get("country") or a.get("igo") for a in actors} - {None, ""}))


@dataclass
class Aggregate:
    """Counts being gathered: events and the identities of their sources, per cell."""

    period: str
    events: dict[Cell, int] = field(default_factory=lambda: defaultdict(int))
    sources: dict[Cell, set[str]] = field(default_factory=lambda: defaultdict(set))
    left_out: int = 0

    def add(self, event: Mapping[str, Any], sources: Iterable[str]) -> None:
        """Count one event (a record or a stored event's summary) and who reported it."""
        if event.get("negated") or event.get("hypothetical") or event.get("generic"):
            self.left_out += 1
            return
        cell = (period_start(_date(event.get("date")), self.period),
                side_key(event.get("source") or []), side_key(event.get("target") or []),
                event["event_type"])
        self.events[cell] += 1
        self.sources[cell].update(sources)

    def rows(self, source_of: Callable[[str], str] = str) -> Iterator[dict[str, Any]]:
        """Rows in period order (undated last), then by dyad and type; ``source_of`` maps a
        gathered identity to the independent source it counts as."""
        for cell in sorted(self.events, key=lambda c: (c[0] is None, c[0] or dt.date.min, *c[1:])):
            period, source, target, event_type = cell
            yield {
                "period": period, "source_country": source, "target_country": target,
                "event_type": event_type, "quad_class": QUAD_CLASS[event_type],
                "events": self.events[cell],
                "sources": len({source_of(key) for key in self.sources[cell]}),
            }

    @property
    def total(self) -> int:
        return sum(self.events.values())


def from_records(path: Path, period: str) -> tuple[Aggregate, dict[str, str]]:
    """The events of a JSON Lines file of ``newsevents code`` records, and each document's
    independent source (its publisher, else itself), for ``Aggregate.rows``."""
    aggregate, publishers = Aggregate(period), {}
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    _add_record(aggregate, publishers, _record(line, number), number)
    except OSError as exc:
        raise AggregateError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise AggregateError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start} of "
                             "a block); give the JSON Lines of newsevents code") from None
    except AggregateError as exc:
        raise AggregateError(f"{path}, {exc}") from None
    return aggregate, publishers


def from_store(reader: ReadStore, flt: EventFilter, period: str,
               chunk: int = 5000) -> Aggregate:
    """The store's merged events, each with the origins of its reports' documents."""
    aggregate = Aggregate(period)
    events = reader.iter_events(flt)
    while batch := list(islice(events, chunk)):
        origins = reader.event_origins([event.id for event in batch])
        for event in batch:
            aggregate.add(event.model_dump(), origins.get(event.id, ()))
    return aggregate


def _record(line: str, number: int) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise AggregateError(f"line {number}: invalid JSON ({exc.msg})") from None
    if not isinstance(record, dict) or "record" not in record:
        raise AggregateError(f"line {number}: not a record of newsevents code (no 'record' "
                             "field)")
    return record


def _add_record(aggregate: Aggregate, publishers: dict[str, str], record: dict[str, Any],
                number: int) -> None:
    kind = record["record"]
    if kind == "document":
        doc_id = str(record.get("doc_id"))
        publishers[doc_id] = record.get("source") or doc_id
    elif kind == "event":
        if record.get("event_type") not in QUAD_CLASS:
            raise AggregateError(f"line {number}: event without a PLOVER event_type")
        try:
            aggregate.add(record, [str(record.get("doc_id"))])
        except ValueError as exc:
            raise AggregateError(f"line {number}: {exc}") from None


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"invalid date {value!r} (expected YYYY-MM-DD)") from None

"""The read side of a store as one protocol, with a backend per database behind it.

The command line and the API ask a ``ReadStore`` for typed records and never see SQL or a
dialect; ``reader`` picks the backend that fits the connection's database.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from newsevents.store.queries import PostgresReadStore, SQLiteReadStore
from newsevents.store.read_models import (
    ActorCount,
    CountryCount,
    DealFilter,
    DealPage,
    EventDetail,
    EventFilter,
    EventPage,
    EventRow,
    EventSummary,
    ExportedEvent,
    NetworkEdge,
    PlaceCount,
    TimelinePoint,
)


class ReadStore(Protocol):
    """Everything the CLI's read commands and the API read from a store, within one read
    transaction."""

    def version(self) -> int:
        """Incremented by every write transaction: what cached answers are checked against."""
        ...

    def event_page(self, flt: EventFilter, limit: int, offset: int) -> EventPage:
        """Matching events, newest first."""
        ...

    def event_detail(self, event_id: int) -> EventDetail | None: ...

    def with_documents(self, summaries: list[EventSummary]) -> list[EventRow]:
        """The events with the document their evidence sentence comes from."""
        ...

    def iter_events(self, flt: EventFilter) -> Iterator[ExportedEvent]:
        """All matching events in id order, however many, in flat memory."""
        ...

    def event_origins(self, ids: list[int]) -> dict[int, set[str]]:
        """Each event's independent sources: the distinct origins of its reports' documents."""
        ...

    def timeline(self, flt: EventFilter, interval: str) -> list[TimelinePoint]: ...

    def network(self, flt: EventFilter, min_count: int) -> list[NetworkEdge]: ...

    def places(self, flt: EventFilter) -> list[PlaceCount]: ...

    def countries(self) -> list[CountryCount]: ...

    def actor_list(self, country: str | None) -> list[ActorCount]: ...

    def deal_page(self, flt: DealFilter, limit: int, offset: int) -> DealPage: ...


_BACKENDS: dict[str, type[SQLiteReadStore | PostgresReadStore]] = {
    "sqlite": SQLiteReadStore,
    "postgresql": PostgresReadStore,
}


def reader(conn: sa.Connection) -> ReadStore:
    """The backend for the connection's database."""
    return _BACKENDS[conn.dialect.name](conn)


@contextmanager
def reading(engine: Engine) -> Iterator[ReadStore]:
    """A reader over a connection of its own, closed afterwards."""
    with engine.connect() as conn:
        yield reader(conn)

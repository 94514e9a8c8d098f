"""Aggregate results kept in memory until the store changes.

Aggregates (timeline, network, places, countries) scan much of the store, yet the dashboard
asks for the same few again and again. Each entry remembers the store version it was computed
at (``store_state.version``, incremented in every write transaction); a lookup reads the
current version first, so a write from this process, another server, or a command-line ingest
makes every older entry stale.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import sqlalchemy as sa

from newsevents.store import schema


def store_version(conn: sa.Connection) -> int:
    state = schema.store_state
    return conn.execute(sa.select(state.c.version).where(state.c.id == 1)).scalar_one_or_none() or 0


class AggregateCache:
    """Least-recently-used results, each valid for one store version."""

    def __init__(self, max_entries: int = 256) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, conn: sa.Connection, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value for ``key``, or ``compute()`` when the store changed since.

        The version is read before computing, so a write landing in between leaves the entry
        labelled older than its data: it is recomputed once more, never served stale.
        """
        version = store_version(conn)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] == version:
                self._entries.move_to_end(key)
                return entry[1]
        value = compute()
        with self._lock:
            self._entries[key] = (version, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

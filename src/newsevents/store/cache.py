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
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

from newsevents.store import schema


def store_version(conn: sa.Connection) -> int:
    state = schema.store_state
    return conn.execute(sa.select(state.c.version).where(state.c.id == 1)).scalar_one_or_none() or 0


_MISSING = object()


class AggregateCache:
    """Least-recently-used results, each valid for one store version."""

    def __init__(self, max_entries: int = 256) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, tuple[threading.Lock, int]] = {}

    def get(self, version: int, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value for ``key`` at store ``version``, or ``compute()`` when the store
        changed since.

        The caller reads the version before computing, so a write landing in between leaves the
        entry labelled older than its data: it is recomputed once more, never served stale. Callers
        asking for the same key at once compute it once: the others wait for that answer
        instead of running the same full scan in parallel (a visitor arriving while the
        server warms up, or a page and its reload).
        """
        value = self._lookup(key, version)
        if value is not _MISSING:
            return value
        with self._turn(key):
            value = self._lookup(key, version)
            if value is _MISSING:
                value = compute()
                self._keep(key, version, value)
        return value

    def _lookup(self, key: Hashable, version: int) -> Any:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] != version:
                return _MISSING
            self._entries.move_to_end(key)
            return entry[1]

    def _keep(self, key: Hashable, version: int, value: Any) -> None:
        with self._lock:
            self._entries[key] = (version, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    @contextmanager
    def _turn(self, key: Hashable) -> Iterator[None]:
        """Holds the key's own lock; the lock lives only while someone computes or waits."""
        with self._lock:
            lock, users = self._computing.get(key, (threading.Lock(), 0))
            self._computing[key] = (lock, users + 1)
        try:
            with lock:
                yield
        finally:
            with self._lock:
                lock, users = self._computing[key]
                if users == 1:
                    del self._computing[key]
                else:
                    self._computing[key] = (lock, users - 1)

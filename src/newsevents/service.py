"""Coding and storing: what the ``ingest`` command and ``POST /api/documents`` both do.

Above the store (which only keeps records) and below the command line and the API (which only
present them): articles already stored are skipped before they cost any coding, the rest are
coded and written one batch per transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import closing
from itertools import islice
from pathlib import Path

from newsevents.models import Article, InputError, Result
from newsevents.pipeline import Coder
from newsevents.store.db import Store, StoreError, connect, engine_url
from newsevents.store.writer import IngestStats


def open_store(url: str, *, existing: bool = False) -> Store:
    """The store at ``url``; raises ``StoreError`` with a message meant for the user.

    Commands that only read (``existing``) refuse a SQLite file that does not exist: opening
    it would create an empty database, and "0 of 0 events" hides a mistyped path.
    """
    if existing:
        _check_exists(url)
    return connect(url)


def _check_exists(url: str) -> None:
    parsed = engine_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return  # a server database that is missing fails to connect by itself
    if not Path(parsed.database).is_file():
        raise StoreError(
            f"no database at {parsed.database}: run `newsevents ingest` first, or give the "
            "right --db (or NEWSEVENTS_DB)"
        )


def _batches(results: Iterable[Result], size: int) -> Iterator[list[Result]]:
    iterator = iter(results)
    while batch := list(islice(iterator, size)):
        yield batch


def _unseen(items: Iterable[Article | InputError], store: Store,
            stats: IngestStats) -> Iterator[Article | InputError]:
    """Drop articles already stored before coding them: a resumed run skips them cheaply."""
    for item in items:
        if isinstance(item, Article) and store.is_known(item):
            stats.duplicates += 1
            continue
        yield item


def store_stream(store: Store, items: Iterable[Article | InputError], *, batch_size: int = 20,
                 processes: int = 1) -> Iterator[IngestStats]:
    """Code and store articles one batch per transaction; yields the stats of each batch."""
    skipped = IngestStats()
    coder = Coder(n_process=processes)
    # Closed here, not when the interrupted frames are collected at exit (see cli.coding).
    with closing(coder.code_articles(_unseen(items, store, skipped))) as results:
        for batch in _batches(results, batch_size):
            stats = store.add_results(batch)
            stats.duplicates += skipped.duplicates
            skipped.duplicates = 0
            yield stats
    if skipped.duplicates:
        yield skipped

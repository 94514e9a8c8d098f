"""Opening a store: URL handling, engine settings, migrations, and the batch write entry point."""

from __future__ import annotations

import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine, make_url

from newsevents.models import Article, Result
from newsevents.store import schema, search
from newsevents.store.dedup import NearDuplicates, is_stored, text_hash
from newsevents.store.writer import BatchWriter, IngestStats, error_line

DEFAULT_URL = "sqlite:///newsevents.db"
MIGRATIONS = Path(__file__).parent / "migrations"
# The PostgreSQL advisory lock that serialises writers (see ``write_transaction``).
_WRITE_LOCK = zlib.crc32(b"newsevents.store.write")
_WRITER = "newsevents_writer"


class StoreError(Exception):
    """A database that cannot be opened or used; the message is meant for the user."""


def engine_url(url: str) -> sa.URL:
    """Plain ``postgresql://`` URLs are routed to psycopg 3, the driver the project ships."""
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError as exc:
        raise StoreError(
            f"not a database URL: {url!r} (try sqlite:///FILE or postgresql://HOST/DB)"
        ) from exc
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"unsupported database {parsed.get_backend_name()!r}: use SQLite or PostgreSQL"
        )
    return parsed


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    # The driver's own transaction handling is switched off (see ``_sqlite_begin``).
    dbapi_connection.isolation_level = None  # type: ignore[attr-defined]
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    _write_ahead_log(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _write_ahead_log(cursor: sqlite3.Cursor) -> None:
    """Switch the file to WAL mode (a lasting property of the file). The switch needs a lock
    SQLite does not wait for, so two processes opening a new store at once could see
    "database is locked": the later one retries for up to five seconds."""
    for attempt in range(50):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 49:
                raise
            time.sleep(0.1)


def _sqlite_begin(conn: sa.Connection) -> None:
    """Every transaction starts with an explicit BEGIN, a writer's with BEGIN IMMEDIATE.

    Python's sqlite3 module would run reads outside any transaction and begin one only at the
    first write, so two writers could both find a document missing and both insert it, and
    savepoints would not work. BEGIN IMMEDIATE takes the write lock before the writer reads,
    so concurrent writers wait for each other (up to the connection's timeout) instead.
    """
    writer = conn.get_execution_options().get(_WRITER, False)
    # On the driver's connection, as the driver itself would: not a statement of the store's.
    conn.connection.dbapi_connection.execute(  # type: ignore[union-attr]
        "BEGIN IMMEDIATE" if writer else "BEGIN")


def make_engine(url: str) -> Engine:
    parsed = engine_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = sa.create_engine(parsed, connect_args={"timeout": 60})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    return sa.create_engine(parsed, pool_pre_ping=True)


@contextmanager
def write_transaction(engine: Engine) -> Iterator[sa.Connection]:
    """One transaction that holds the store's write lock from its first statement on.

    Writers are serialised: on SQLite by BEGIN IMMEDIATE, on PostgreSQL by an advisory lock,
    so two ingests cannot both create the schema, the same document or the same event.
    """
    with engine.connect() as conn:
        conn.execution_options(**{_WRITER: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"),
                             {"key": _WRITE_LOCK})
            yield conn


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest revision; a no-op on an up-to-date database."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with write_transaction(engine) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        # A database migrated by a Python whose SQLite lacked FTS5 gets its index here.
        search.create_index(conn)


def connect(url: str = DEFAULT_URL) -> Store:
    """Open (creating or upgrading if needed) the store at ``url``."""
    engine = make_engine(url)
    try:
        migrate(engine)
    except sa.exc.DBAPIError as exc:
        engine.dispose()
        raise StoreError(f"cannot open database {_where(engine)}: {error_line(exc)}") from exc
    return Store(engine)


def _where(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


class Store:
    """A migrated database. Writes go in batches, one transaction each, so an interrupted
    ingest keeps every batch already committed and a re-run skips those documents."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._near_duplicates = NearDuplicates(self._load_signatures)
        # The store version after this process's last batch; see ``add_results``.
        self._version: int | None = None

    def close(self) -> None:
        self.engine.dispose()

    def check_writable(self) -> None:
        """Raise StoreError now if nothing can be written: a read-only database or a full disk
        must show before the coding, not after it."""
        state = schema.store_state
        try:
            with write_transaction(self.engine) as conn:
                conn.execute(state.update().values(version=state.c.version))
        except sa.exc.DBAPIError as exc:
            raise StoreError(
                f"cannot write to database {_where(self.engine)}: {error_line(exc)}") from exc

    def is_known(self, article: Article) -> bool:
        """Whether the article is already stored, checked before paying for its coding."""
        with self.engine.connect() as conn:
            return is_stored(conn, text_hash(article.text), article.url)

    def add_results(self, results: Iterable[Result]) -> IngestStats:
        """Store one batch of coded articles atomically."""
        try:
            with write_transaction(self.engine) as conn:
                state = schema.store_state
                version = conn.execute(sa.select(state.c.version)).scalar_one()
                if version != self._version:
                    # Another writer stored documents since this one last did: signatures
                    # cached for their days are stale, so the index is read afresh.
                    self._near_duplicates = NearDuplicates(self._load_signatures)
                writer = BatchWriter(conn, self._near_duplicates)
                for result in results:
                    writer.add_result(result)
                writer.refresh_counts()
                conn.execute(state.update().values(version=version + 1))
            self._version = version + 1
        except BaseException as exc:
            # The index may hold documents of the rolled-back batch: rebuild it from the database.
            self._near_duplicates = NearDuplicates(self._load_signatures)
            if isinstance(exc, sa.exc.DBAPIError):
                raise StoreError(
                    f"cannot write to database {_where(self.engine)}: {error_line(exc)}"
                ) from exc
            raise
        return writer.stats

    def _load_signatures(self, days: list) -> list[tuple]:
        docs = schema.documents
        dated = [day for day in days if day is not None]
        condition = docs.c.date.in_(dated) if dated else sa.false()
        if None in days:
            condition = condition | docs.c.date.is_(None)
        query = sa.select(docs.c.id, docs.c.date, docs.c.minhash).where(condition)
        with self.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(query)]

"""Word search over report sentences: SQLite FTS5, PostgreSQL full-text search, or a scan.

A search is a list of words; a sentence matches when each word starts one of its words
("drone" finds "drones", "grain" does not find "migrain"). Both databases split text into
lower-cased runs of letters and digits and neither stems, so the same words match on both.
Without FTS5 in the SQLite build the condition becomes a substring scan per word: slower and
slightly looser (it also matches inside words), never an error.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler

FTS_TABLE = "reports_fts"
PG_INDEX = "ix_reports_sentence_tsv"
# The same expression in the index and in the queries, or PostgreSQL will not use the index.
# Punctuation becomes a space first: PostgreSQL's parser would otherwise keep "-400" of "S-400"
# as a signed number and "U.S" as a host name, where FTS5 sees the words "s", "400", "u", "s".
PG_VECTOR = "to_tsvector('simple', regexp_replace({sentence}, '[^[:alnum:]]+', ' ', 'g'))"
_WORD = re.compile(r"[^\W_]+")

_SQLITE_TRIGGERS = {
    "reports_fts_insert": f"""
        CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
            INSERT INTO {FTS_TABLE}(rowid, sentence) VALUES (new.id, new.sentence);
        END""",
    "reports_fts_delete": f"""
        CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, sentence)
            VALUES ('delete', old.id, old.sentence);
        END""",
    "reports_fts_update": f"""
        CREATE TRIGGER reports_fts_update AFTER UPDATE OF sentence ON reports BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, sentence)
            VALUES ('delete', old.id, old.sentence);
            INSERT INTO {FTS_TABLE}(rowid, sentence) VALUES (new.id, new.sentence);
        END""",
}


@functools.cache
def fts5_available() -> bool:
    """Whether this process's SQLite library can build and read FTS5 tables."""
    with sqlite3.connect(":memory:") as probe:
        try:
            probe.execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
        except sqlite3.OperationalError:
            return False
    return True


def words(query: str) -> list[str]:
    """The words of a search, lower-cased and de-duplicated, in order."""
    return list(dict.fromkeys(_WORD.findall(query.lower())))


def _has_sqlite_index(conn: sa.Connection) -> bool:
    return sa.inspect(conn).has_table(FTS_TABLE)


def create_index(conn: sa.Connection) -> None:
    """Create the search index for the connection's database and fill it from stored reports."""
    if conn.dialect.name == "postgresql":
        # Looked up first: even a CREATE INDEX IF NOT EXISTS fails on a read-only database.
        if conn.execute(sa.text("SELECT to_regclass(:name)"), {"name": PG_INDEX}).scalar() is None:
            conn.exec_driver_sql(
                f"CREATE INDEX {PG_INDEX} ON reports "
                f"USING gin ({PG_VECTOR.format(sentence='sentence')})")
        return
    if not fts5_available() or _has_sqlite_index(conn):
        return
    conn.execute(sa.text(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(sentence, content='reports', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 0')"))
    for ddl in _SQLITE_TRIGGERS.values():
        conn.execute(sa.text(ddl))
    conn.execute(sa.text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"))


def drop_index(conn: sa.Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text(f"DROP INDEX IF EXISTS {PG_INDEX}"))
        return
    for name in _SQLITE_TRIGGERS:
        conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {name}"))
    conn.execute(sa.text(f"DROP TABLE IF EXISTS {FTS_TABLE}"))


class SentenceMatches(sa.sql.expression.ColumnElement[bool]):
    """True for a report whose sentence holds every word; rendered per database at compile
    time, so the filter-building code stays the same for SQLite and PostgreSQL."""

    type = sa.Boolean()
    # The words are inlined as bound values at compile time: statements holding this element
    # are compiled per use rather than cached.
    inherit_cache = False

    def __init__(self, report_id: sa.ColumnElement[Any], sentence: sa.ColumnElement[Any],
                 query_words: list[str]) -> None:
        self.report_id = report_id
        self.sentence = sentence
        self.words = query_words


def _scan(element: SentenceMatches) -> sa.ColumnElement[bool]:
    return sa.and_(*(element.sentence.icontains(word, autoescape=True)
                     for word in element.words))


@compiles(SentenceMatches)
def _compile_default(element: SentenceMatches, compiler: SQLCompiler, **kw: Any) -> str:
    if not element.words:
        return compiler.process(sa.false(), **kw)
    return compiler.process(_scan(element), **kw)


@compiles(SentenceMatches, "sqlite")
def _compile_sqlite(element: SentenceMatches, compiler: SQLCompiler, **kw: Any) -> str:
    if not element.words or not fts5_available():
        return _compile_default(element, compiler, **kw)
    query = " ".join(f'"{word}"*' for word in element.words)
    matching = (sa.select(sa.literal_column("rowid")).select_from(sa.table(FTS_TABLE))
                .where(sa.literal_column(FTS_TABLE).op("MATCH")(sa.literal(query))))
    return compiler.process(element.report_id.in_(matching), **kw)


@compiles(SentenceMatches, "postgresql")
def _compile_postgresql(element: SentenceMatches, compiler: SQLCompiler, **kw: Any) -> str:
    if not element.words:
        return _compile_default(element, compiler, **kw)
    query = " & ".join(f"{word}:*" for word in element.words)
    vector = PG_VECTOR.format(sentence=compiler.process(element.sentence, **kw))
    tsquery = compiler.process(sa.func.to_tsquery(sa.literal_column("'simple'"),
                                                  sa.literal(query)), **kw)
    return f"{vector} @@ {tsquery}"

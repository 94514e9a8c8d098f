"""Parquet input: one article per row, its columns those of a JSON Lines record.

News archives and earlier pipelines (Spark, pandas, our own ``--format parquet``) keep
articles as Parquet; reading it row by row, like JSON Lines, means the same checks, ids and
per-record errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsevents.ingest.articles import Dating, Unreadable, article_from_record
from newsevents.models import Article, InputError

PARQUET_SUFFIXES = (".parquet",)
# The columns that hold an article: those of a JSON Lines record; others are not read.
RECORD_FIELDS = ("id", "text", "html", "title", "url", "date", "source")
# Rows read at a time: a row group can hold millions of articles.
BATCH_ROWS = 256


def is_parquet(path: Path) -> bool:
    return path.name.lower().endswith(PARQUET_SUFFIXES)


def count_rows(path: Path) -> int:
    """Rows of a Parquet file, from its footer; 1 when it cannot be read (one error)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return max(1, pq.ParquetFile(path).metadata.num_rows)
    except (OSError, pa.ArrowException):
        return 1


def read_parquet(path: Path, name: str, dating: Dating) -> Iterator[Article | InputError]:
    """One article per row (``id``, ``text`` or ``html``, ``title``, ``url``, ``date``,
    ``source``). A row without an id is ``NAME:ROW``. A file that breaks off keeps the rows
    read before it, and the break is the next row's error."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    number = 0
    try:
        parquet = pq.ParquetFile(path)
        columns = [c for c in RECORD_FIELDS if c in parquet.schema_arrow.names]
        if "text" not in columns and "html" not in columns:
            yield InputError(doc_id=name, message=f"{path} has no 'text' (or 'html') column")
            return
        for batch in parquet.iter_batches(batch_size=BATCH_ROWS, columns=columns):
            for row in batch.to_pylist():
                number += 1
                yield _row_article(row, number, name, dating)
    except (OSError, pa.ArrowException) as exc:
        where = f"row {number + 1}: " if number else ""
        yield InputError(doc_id=f"{name}:{number + 1}" if number else name,
                         message=f"{where}cannot read {path} as Parquet: {exc}")


def _row_article(row: dict[str, Any], number: int, name: str, dating: Dating
                 ) -> Article | InputError:
    """A row read like a JSON Lines record; a date or timestamp column is a date."""
    record = {key: value for key, value in row.items() if value is not None}
    if isinstance(record.get("date"), dt.date):  # a datetime is a date too
        record["date"] = record["date"].isoformat()
    try:
        return article_from_record(record, f"{name}:{number}", dating)
    except Unreadable as problem:
        return InputError(doc_id=f"{name}:{number}", message=f"row {number}: {problem}")

"""Coded records as Parquet, one folder per publication date (``published=2026-01-19/``).

The rows are those of ``code --format csv``: every record (document, event, deal) in one
table, its kind in ``record``, each row filling the columns of its kind, so that the Parquet
holds what the CSV holds, with types. A date-partitioned folder is what a daily crawl appends
to and what Spark, DuckDB, pandas and Ray read by date without opening the other days. The
local path and the Ray path (``distributed``) write the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from newsevents import formats
from newsevents.models import Result

if TYPE_CHECKING:
    import pyarrow as pa

PARTITION = "published"
"""The partition column: the article's publication date (YYYY-MM-DD), null when unknown."""

# Rows per Parquet batch written by the local path; each date's batch is a file part.
_BATCH_ROWS = 10_000
_INTEGERS = frozenset({"sentence_index", "quantity", "n_sentences"})
_FLOATS = frozenset({"confidence", "value"})
_BOOLEANS = frozenset({"negated", "hypothetical", "generic"})


def schema() -> pa.Schema:
    """The CSV's columns with their types, then the partition column."""
    import pyarrow as pa

    def kind(column: str) -> pa.DataType:
        if column in _INTEGERS:
            return pa.int64()
        if column in _FLOATS:
            return pa.float64()
        return pa.bool_() if column in _BOOLEANS else pa.string()

    columns = [pa.field(c, kind(c)) for c in formats.RECORD_COLUMNS]
    return pa.schema([*columns, pa.field(PARTITION, pa.string())])


def rows(result: Result) -> Iterator[dict[str, object]]:
    """The records of one result as table rows; an empty CSV cell is a null here."""
    published = result.document.date.isoformat() if result.document.date else None
    records: list[dict[str, object]] = [
        {"record": "document", **formats.document_row(result.document)},
        *({"record": "event", **formats.event_row(e)} for e in result.events),
        *({"record": "arms_transfer", **formats.deal_row(d)} for d in result.arms_transfers),
    ]
    for record in records:
        row: dict[str, object] = dict.fromkeys(formats.RECORD_COLUMNS)
        row.update((key, None if value == "" else value) for key, value in record.items())
        row[PARTITION] = published
        yield row


def table(results: Iterable[Result]) -> pa.Table:
    import pyarrow as pa

    return pa.Table.from_pylist([row for r in results for row in rows(r)], schema=schema())


def check_folder(folder: Path) -> str | None:
    """Why ``folder`` cannot take a new dataset, or None: files already in it would be read
    as part of this run's output."""
    if folder.exists() and not folder.is_dir():
        return f"{folder} is a file; --format parquet writes a folder"
    if folder.is_dir() and any(folder.iterdir()):
        return f"{folder} is not empty; give a new or empty folder for the Parquet dataset"
    return None


def write(results: Iterable[Result], folder: Path) -> None:
    """Write the records into ``folder`` as they come, ``_BATCH_ROWS`` at a time."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    target = schema()
    all_rows = (row for result in results for row in rows(result))
    batches = (
        pa.RecordBatch.from_pylist(chunk, schema=target)
        for chunk in iter(lambda: list(islice(all_rows, _BATCH_ROWS)), [])
    )
    ds.write_dataset(
        batches, folder, schema=target, format="parquet", partitioning=[PARTITION],
        partitioning_flavor="hive", existing_data_behavior="overwrite_or_ignore",
    )


@dataclass
class Summary:
    """What a written dataset holds, for the closing line of a run whose records never
    passed through this process."""

    documents: int = 0
    events: int = 0
    deals: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)


def summarise(folder: Path) -> Summary:
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    if not folder.is_dir():
        return Summary()
    data = ds.dataset(folder, format="parquet", partitioning="hive").to_table(
        columns=["record", "doc_id", "error"])
    kinds = data.column("record")
    failed = data.filter(pc.and_(pc.equal(kinds, "document"), pc.is_valid(data.column("error"))))
    return Summary(
        documents=pc.sum(pc.equal(kinds, "document")).as_py() or 0,
        events=pc.sum(pc.equal(kinds, "event")).as_py() or 0,
        deals=pc.sum(pc.equal(kinds, "arms_transfer")).as_py() or 0,
        errors=list(zip(failed.column("doc_id").to_pylist(),
                        failed.column("error").to_pylist(), strict=True)),
    )

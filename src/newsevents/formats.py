"""Writers, for coded results and for what the store gives back alike: JSON Lines (the schema),
CSV (one row per record), Parquet, and a table for people."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import TextIO

from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from newsevents.cameo import cameo_code
from newsevents.models import Actor, ArmsTransfer, Document, Event, Result

FORMATS = ("table", "jsonl", "csv")

EVENT_COLUMNS = [
    "event_id",
    "doc_id",
    "sentence_index",
    "event_type",
    "mode",
    "cameo",
    "source",
    "source_country",
    "source_sector",
    "target",
    "target_country",
    "target_sector",
    "date",
    "location",
    "location_country",
    "trigger",
    "negated",
    "hypothetical",
    "generic",
    "speaker",
    "confidence",
    "sentence",
]
DEAL_COLUMNS = [
    "deal_id",
    "doc_id",
    "supplier",
    "recipient",
    "system",
    "variant",
    "system_mention",
    "category",
    "quantity",
    "value",
    "currency",
    "status",
    "denier",
    "replaces",
    "speaker",
    "sentences",
]


DOCUMENT_COLUMNS = [
    "title",
    "publisher",
    "url",
    "language",
    "n_sentences",
    "dropped_lines",
    "error",
]
# ``code --format csv``: every record of the JSON Lines, one row each, its kind in ``record``;
# a row fills the columns of its kind. Event and deal columns keep the names they have alone.
RECORD_COLUMNS = [
    "record",
    "doc_id",
    "event_id",
    "deal_id",
    *(c for c in EVENT_COLUMNS if c not in ("event_id", "doc_id")),
    *(c for c in DEAL_COLUMNS if c not in EVENT_COLUMNS and c != "deal_id"),
    *DOCUMENT_COLUMNS,
]


def to_json(record: BaseModel) -> str:
    """One JSON line; an event also carries its CAMEO code (``cameo``, null when ambiguous),
    derived from its type, mode and contexts for comparison with CAMEO-coded data."""
    data = record.model_dump(mode="json")
    if isinstance(record, Event):
        data["cameo"] = event_cameo(record)
    return json.dumps(data, ensure_ascii=False)


def event_cameo(event: Event) -> str | None:
    return cameo_code(event.event_type, event.mode, event.context)


def write_records(records: Iterable[BaseModel], out: TextIO) -> int:
    """JSON Lines, one record a line, non-ASCII text as it is; returns the number written."""
    n = 0
    for record in records:
        out.write(to_json(record) + "\n")
        n += 1
    return n


def write_rows(rows: Iterable[Mapping[str, object]], out: TextIO,
               columns: Sequence[str] | None = None, *, delimiter: str = ",",
               lineterminator: str = "\r\n") -> int:
    """CSV with a header line: the given ``columns``, else the keys of the first row (so no row,
    no header); returns the number of rows written."""

    def start(fieldnames: Sequence[str]) -> csv.DictWriter:
        writer = csv.DictWriter(out, fieldnames=list(fieldnames), delimiter=delimiter,
                                lineterminator=lineterminator)
        writer.writeheader()
        return writer

    writer = None if columns is None else start(columns)
    n = 0
    for row in rows:
        if writer is None:
            writer = start(list(row))
        writer.writerow(row)
        n += 1
    return n


def write_parquet(rows: Iterable[Mapping[str, object]], path: Path, chunk: int = 50_000) -> int:
    """Written in row groups so a million rows never sit in memory as one table; column types
    come from the values (dates stay dates)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer: pq.ParquetWriter | None = None
    rows = iter(rows)
    n = 0
    try:
        for batch in iter(lambda: list(islice(rows, chunk)), []):
            table = pa.Table.from_pylist(batch, schema=writer.schema if writer else None)
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema)
            writer.write_table(table)
            n += len(batch)
    finally:
        if writer is not None:
            writer.close()
    return n


def _records(results: Iterable[Result], deals_only: bool) -> Iterator[BaseModel]:
    for result in results:
        yield from result.arms_transfers if deals_only else result.records()


def write_jsonl(results: Iterable[Result], out: TextIO, *, deals_only: bool = False) -> None:
    """Every record of the results, in the order of ``Result.records``, or the deals alone."""
    write_records(_records(results, deals_only), out)


def _actors(actors: list[Actor]) -> tuple[str, str, str]:
    return (
        "; ".join(a.name or a.text for a in actors),
        "; ".join(a.country or a.igo or "" for a in actors),
        "; ".join(a.sector or "" for a in actors),
    )


def event_row(event: Event) -> dict[str, object]:
    src, src_c, src_s = _actors(event.source)
    tgt, tgt_c, tgt_s = _actors(event.target)
    return {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "sentence_index": event.sentence_index,
        "event_type": event.event_type,
        "mode": event.mode or "",
        "cameo": event_cameo(event) or "",
        "source": src,
        "source_country": src_c,
        "source_sector": src_s,
        "target": tgt,
        "target_country": tgt_c,
        "target_sector": tgt_s,
        "date": event.date.isoformat() if event.date else "",
        "location": event.location.name if event.location else "",
        "location_country": (event.location.country or "") if event.location else "",
        "trigger": event.trigger,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "generic": event.generic,
        "speaker": event.attribution.speaker.text if event.attribution else "",
        "confidence": event.confidence,
        "sentence": event.evidence.sentence,
    }


def deal_row(deal: ArmsTransfer) -> dict[str, object]:
    return {
        "deal_id": deal.deal_id,
        "doc_id": deal.doc_id,
        "supplier": deal.supplier.country or "",
        "recipient": deal.recipient.country or "",
        "system": deal.system.name or "",
        "variant": deal.variant or "",
        "system_mention": deal.system.mention,
        "category": deal.system.category or "",
        "quantity": deal.quantity if deal.quantity is not None else "",
        "value": deal.value if deal.value is not None else "",
        "currency": deal.currency or "",
        "status": deal.status,
        "denier": deal.denier.country or "" if deal.denier else "",
        "replaces": deal.replaces or "",
        "speaker": deal.attribution.speaker.text if deal.attribution else "",
        "sentences": " | ".join(e.sentence for e in deal.evidence),
    }


def document_row(document: Document) -> dict[str, object]:
    """The document's columns; ``publisher`` is the JSON ``source``, a name events use for
    their source actor."""
    return {
        "doc_id": document.doc_id,
        "date": document.date.isoformat() if document.date else "",
        "title": document.title or "",
        "publisher": document.source or "",
        "url": document.url or "",
        "language": document.language or "",
        "n_sentences": document.n_sentences,
        "dropped_lines": " | ".join(document.dropped_lines),
        "error": document.error or "",
    }


def write_csv(results: Iterable[Result], out: TextIO, *, deals_only: bool = False) -> None:
    """One row per record, in the order of the JSON Lines: each document (with its error, if
    any), then its events, then its deals, so that nothing the JSON Lines hold is lost; with
    ``deals_only``, the deals alone in their own columns."""
    if deals_only:
        write_rows((deal_row(d) for r in results for d in r.arms_transfers), out, DEAL_COLUMNS)
    else:
        write_rows((row for r in results for row in _record_rows(r)), out, RECORD_COLUMNS)


def _record_rows(result: Result) -> Iterator[dict[str, object]]:
    yield {"record": "document", **document_row(result.document)}
    yield from ({"record": "event", **event_row(e)} for e in result.events)
    yield from ({"record": "arms_transfer", **deal_row(d)} for d in result.arms_transfers)


def clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with "…" when cut."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if not text[limit - 1].isspace() and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:") + "…"


def _flags(event: Event) -> str:
    flags = []
    if event.negated:
        flags.append("negated")
    if event.hypothetical:
        flags.append("hypothetical")
    if event.generic:
        flags.append("generic")
    if event.attribution:
        flags.append(f"per {event.attribution.speaker.text or '?'}")
    return ", ".join(flags)


def print_table(results: list[Result], console: Console, *, deals_only: bool = False) -> None:
    """A readable summary for people: one row per event (or deal), errors listed after."""
    if deals_only:
        table = Table(title="Arms transfers", show_lines=False)
        for col in ("doc", "supplier", "recipient", "system", "qty", "value", "status", "per"):
            table.add_column(col)
        for result in results:
            for d in result.arms_transfers:
                row = deal_row(d)
                table.add_row(
                    d.doc_id,
                    str(row["supplier"]),
                    str(row["recipient"]),
                    d.system.name or f"({d.system.category or 'unnamed'}) {d.system.mention}",
                    str(row["quantity"]),
                    f"{row['value']} {row['currency']}".strip(),
                    d.status,
                    str(row["speaker"]),
                )
    else:
        table = Table(title="Events", show_lines=False)
        for col in (
            "doc",
            "#",
            "type",
            "mode",
            "source",
            "target",
            "date",
            "where",
            "trigger",
            "notes",
        ):
            table.add_column(col, overflow="fold", no_wrap=col in ("type", "#", "date"))
        for result in results:
            for e in result.events:
                row = event_row(e)
                table.add_row(
                    e.doc_id,
                    str(e.sentence_index),
                    e.event_type,
                    e.mode or "",
                    _who(e.source),
                    _who(e.target),
                    str(row["date"]),
                    str(row["location"]),
                    e.trigger,
                    _flags(e),
                )
    console.print(table)
    for result in results:
        if result.document.error:
            console.print(f"[red]{result.document.doc_id}: {result.document.error}[/red]")


def _who(actors: list[Actor]) -> str:
    return "; ".join(
        f"{a.name or a.text} ({'/'.join(filter(None, [a.country or a.igo, a.sector])) or '?'})"
        for a in actors
    )

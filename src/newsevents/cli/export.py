"""Commands that write the store's contents for other tools: ``export`` (events or deals as
JSON Lines, CSV, Parquet or POLECAT's columns) and ``aggregate`` (counts per period, dyad and
type, from the store or a records file)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import nullcontext
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from newsevents import formats
from newsevents.cli.options import err, fail
from newsevents.cli.params import (
    ActorOption,
    CountryOption,
    DbOption,
    EndOption,
    SourcesOption,
    StartOption,
    TypeOption,
)
from newsevents.cli.store import event_filter, open_or_exit
from newsevents.exports import polecat
from newsevents.store import aggregate
from newsevents.store.db import DEFAULT_URL, Store
from newsevents.store.read_models import DealFilter, EventFilter
from newsevents.store.reading import reading


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    polecat = "polecat"


class ExportWhat(StrEnum):
    events = "events"
    deals = "deals"


def _export_rows(store: Store, what: ExportWhat, flt: EventFilter,
                 fmt: ExportFormat) -> Iterator[Any]:
    """Events or deals: typed records for JSON Lines, POLECAT's rows, else flat rows (one value
    a column)."""
    nested = fmt is ExportFormat.jsonl
    with reading(store.engine) as reader:
        if fmt is ExportFormat.polecat:
            yield from polecat.stored_rows(e.model_dump() for e in reader.iter_events(flt))
            return
        if what is ExportWhat.events:
            for event in reader.iter_events(flt):
                yield event if nested else event.flat()
            return
        for deal in reader.deal_page(DealFilter(country=flt.country), 10**9, 0).items:
            yield deal if nested else deal.flat()


def export_command(
    db: DbOption = DEFAULT_URL,
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", "-f", help="Output format (polecat: POLECAT's columns, tab-separated).")] = (
        ExportFormat.jsonl),
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (default: stdout; required for parquet).")] = None,
    what: Annotated[ExportWhat, typer.Option("--what", help="Events or arms deals.")] = (
        ExportWhat.events),
    country: CountryOption = None,
    actor_country: ActorOption = None,
    event_type: TypeOption = None,
    start: StartOption = None,
    end: EndOption = None,
    min_sources: SourcesOption = 1,
) -> None:
    """Export stored events or deals as Parquet, CSV (one flat row each), JSON Lines, or
    POLECAT's tab-separated columns (events only)."""
    if fmt is ExportFormat.parquet and output is None:
        raise typer.BadParameter("parquet needs a file: add -o FILE.parquet", param_hint="-o")
    if fmt is ExportFormat.polecat and what is ExportWhat.deals:
        raise typer.BadParameter("POLECAT's columns hold events, not deals",
                                 param_hint="--format")
    flt = event_filter(country=country, actor_country=actor_country, event_type=event_type,
                        start=start, end=end, min_sources=min_sources)
    store = open_or_exit(db, existing=True)
    rows = _export_rows(store, what, flt, fmt)
    try:
        n = _write_export(rows, fmt, output)
    except BrokenPipeError:
        raise  # a reader that stops reading is not an error: see cli
    except OSError as exc:
        fail(f"cannot write {output or 'standard output'}: {exc.strerror}")
        raise typer.Exit(2) from None
    finally:
        store.close()
    err.print(f"exported {n} {what.value}")


def _write_export(rows: Iterator[Any], fmt: ExportFormat, output: Path | None) -> int:
    if fmt is ExportFormat.parquet:
        assert output is not None
        return formats.write_parquet(rows, output)
    with (output.open("w", encoding="utf-8", newline="") if output
          else nullcontext(sys.stdout)) as handle:
        if fmt is ExportFormat.jsonl:
            return formats.write_records(rows, handle)
        if fmt is ExportFormat.polecat:
            return polecat.write_tsv(rows, handle)
        return formats.write_rows(rows, handle)


# --------------------------------------------------------------------------- aggregate


class AggregateFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"


def aggregate_command(
    records: Annotated[Path | None, typer.Argument(
        help="JSON Lines of `newsevents code`; without it, the store's events (--db).",
        show_default=False)] = None,
    db: DbOption = DEFAULT_URL,
    period: Annotated[Period, typer.Option("--period", "-p", help="Length of a period.")] = (
        Period.month),
    fmt: Annotated[AggregateFormat, typer.Option("--format", "-f")] = AggregateFormat.csv,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (default: stdout; required for parquet).")] = None,
    event_type: TypeOption = None,
    start: StartOption = None,
    end: EndOption = None,
) -> None:
    """Count events per (period, source country, target country, type), with their quad class
    and number of independent sources."""
    if fmt is AggregateFormat.parquet and output is None:
        raise typer.BadParameter("parquet needs a file: add -o FILE.parquet", param_hint="-o")
    flt = event_filter(event_type=event_type, start=start, end=end)
    if records is not None:
        if event_type or start or end:
            raise typer.BadParameter("filters apply to the store; a file is counted whole",
                                     param_hint="--type/--start/--end")
        try:
            counts, publishers = aggregate.from_records(records, period.value)
        except aggregate.AggregateError as exc:
            fail(str(exc))
            raise typer.Exit(2) from None
        rows = counts.rows(lambda doc_id: publishers.get(doc_id, doc_id))
    else:
        store = open_or_exit(db, existing=True)
        try:
            with reading(store.engine) as reader:
                counts = aggregate.from_store(reader, flt, period.value)
        finally:
            store.close()
        rows = counts.rows()
    _write_table(list(rows), fmt, output)
    left_out = (f"; left out {counts.left_out} negated, hypothetical or generic"
                if counts.left_out else "")
    err.print(f"aggregated {counts.total} event(s) into {len(counts.events)} row(s){left_out}")


def _write_table(rows: list[dict[str, Any]], fmt: AggregateFormat, output: Path | None) -> None:
    """CSV (the header alone when there is no row) or Parquet, to a file or stdout."""
    try:
        if fmt is AggregateFormat.parquet:
            assert output is not None
            formats.write_parquet(rows, output)
            return
        with (output.open("w", encoding="utf-8", newline="") if output
              else nullcontext(sys.stdout)) as handle:
            formats.write_rows(rows, handle, aggregate.COLUMNS)
    except BrokenPipeError:
        raise  # a reader that stops reading is not an error: see cli
    except OSError as exc:
        fail(f"cannot write {output or 'standard output'}: {exc.strerror}")
        raise typer.Exit(2) from None

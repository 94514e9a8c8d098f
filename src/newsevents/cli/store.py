"""Commands over a store: ``ingest`` codes and stores; ``query`` and ``deals --db`` only read
(as ``export`` and ``aggregate`` do, in ``cli.export``)."""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections import Counter
from contextlib import closing
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from newsevents import formats, ingest
from newsevents.cli.options import (
    DateColumnOption,
    Format,
    RayOption,
    TextColumnOption,
    TitleColumnOption,
    UrlColumnOption,
    err,
    fail,
    out_console,
    parse_date,
    progress,
    ray_cluster,
    skipped_records,
    warn,
)
from newsevents.cli.params import (
    ActorOption,
    CountryOption,
    DateOption,
    DbOption,
    EndOption,
    ModeOption,
    PathsArg,
    PlaceOption,
    ProcOption,
    SourcesOption,
    StartOption,
    TextOption,
    TypeOption,
)
from newsevents.models import Actor
from newsevents.pipeline import default_processes
from newsevents.service import open_store, store_stream
from newsevents.store.db import DEFAULT_URL, Store, StoreError
from newsevents.store.read_models import Deal, DealFilter, EventFilter, EventRow
from newsevents.store.reading import reading
from newsevents.store.writer import IngestStats


def open_or_exit(url: str | None, *, existing: bool = False) -> Store:
    """The store, or a one-line message and exit status 2 instead of a traceback."""
    try:
        return open_store(url or DEFAULT_URL, existing=existing)
    except StoreError as exc:
        fail(str(exc))
        raise typer.Exit(2) from None


# --------------------------------------------------------------------------- ingest

# Ends the progress line that a terminal shows, before a final message.
_LINE_END = "\n" if err.is_terminal else ""


def _check_writable(store: Store) -> None:
    """A read-only database or a full disk ends the run before any coding, like a bad URL."""
    try:
        store.check_writable()
    except StoreError as exc:
        store.close()
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None


def _report_ingest(total: IngestStats, seconds: float, skipped: Counter[str]) -> None:
    for doc_id, message in total.errors:
        warn(doc_id, message)
    rate = total.stored / seconds if seconds > 0 else 0.0
    err.print(
        f"stored {total.stored} document(s) ({total.near_duplicates} near-duplicate), "
        f"{total.reports} event report(s), {total.deal_reports} deal report(s); "
        f"skipped {total.duplicates} already stored; {len(total.errors)} error(s)"
        f"{skipped_records(skipped)}; {rate:.1f} documents/s"
    )


def _store_all(store: Store, paths: list[str], default_date: dt.date | None, batch_size: int,
               processes: int | None, columns: ingest.CsvColumns, total: IngestStats,
               skipped: Counter[str], *, db: str, ray: str | None, writers: int) -> None:
    with ray_cluster(ray) as cpus, progress(ingest.count_inputs(paths), "documents") as advance:
        if cpus is None:
            items = ingest.read_paths(paths, default_date=default_date, stdin=sys.stdin,
                                      on_skip=warn, columns=columns, skipped=skipped)
            batches = store_stream(store, items, batch_size=batch_size,
                                   processes=processes or default_processes())
        else:
            from newsevents import distributed

            batches = distributed.ingest_stream(
                paths, db, workers=processes or cpus, writers=writers, batch_size=batch_size,
                default_date=default_date, columns=columns, on_skip=warn, stdin=sys.stdin)
        with closing(batches):  # on Ctrl-C the workers stop now, not at the exit's cleanup
            for stats in batches:
                total.add(stats)
                advance(stats.stored + stats.duplicates + len(stats.errors))


def ingest_command(
    paths: PathsArg,
    db: DbOption = DEFAULT_URL,
    date: DateOption = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, help="Documents per transaction.")] = 20,
    processes: ProcOption = None,
    text_column: TextColumnOption = "text",
    date_column: DateColumnOption = None,
    url_column: UrlColumnOption = None,
    title_column: TitleColumnOption = None,
    ray: RayOption = None,
    writers: Annotated[int, typer.Option(
        "--writers", min=1, help="With --ray: actors that write to the store.")] = 1,
) -> None:
    """Code articles and store their documents, events and deals (re-runs skip stored ones)."""
    default_date = parse_date(date, "--date")
    total, started, skipped = IngestStats(), time.perf_counter(), Counter[str]()
    columns = ingest.CsvColumns(text_column, date_column, url_column, title_column)
    store: Store | None = None
    try:
        store = open_or_exit(db)
        _check_writable(store)
        _store_all(store, paths, default_date, batch_size, processes, columns, total, skipped,
                   db=db or DEFAULT_URL, ray=ray, writers=writers)
    except KeyboardInterrupt:
        # Batches are transactions: the committed ones stay, the current one is rolled back.
        err.print(f"{_LINE_END}[yellow]interrupted: {total.stored} document(s) committed; "
                  "run the same command again to resume.[/yellow]")
        raise typer.Exit(130) from None
    except StoreError as exc:
        err.print(f"{_LINE_END}[red]{exc}[/red] ({total.stored} document(s) committed before)")
        raise typer.Exit(1) from None
    finally:
        if store is not None:
            store.close()
    _report_ingest(total, time.perf_counter() - started, skipped)
    if total.errors:
        raise typer.Exit(1)
    if not (total.stored or total.duplicates):
        fail("nothing was read: no article in the given paths")
        raise typer.Exit(1)


# --------------------------------------------------------------------------- query

_F = TypeVar("_F", EventFilter, DealFilter)
# The option that sets each filter field, for usage errors.
_OPTION_OF = {"country": "--country", "actor_country": "--actor-country", "type": "--type",
              "event_type": "--type", "mode": "--mode", "start": "--start", "end": "--end",
              "place": "--place", "min_sources": "--min-sources", "q": "--text"}


def _filter(model: type[_F], **values: Any) -> _F:
    """The filter, or a usage error (exit 2) that names the option and what it needs."""
    try:
        return model(**values)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        raise typer.BadParameter(first["msg"], param_hint=_OPTION_OF.get(field, field)) from None


def event_filter(*, event_type: str | None, start: str | None, end: str | None,
                  **values: Any) -> EventFilter:
    """Dates as YYYY-MM-DD and a type in any case, as people type them."""
    return _filter(EventFilter, event_type=event_type.upper() if event_type else None,
                   start=parse_date(start, "--start"), end=parse_date(end, "--end"), **values)


def _keys(actors: list[Actor]) -> str:
    return ", ".join(a.country or a.igo or a.text for a in actors)


def _print_events(items: list[EventRow], total: int, console: Console) -> None:
    table = Table(title=f"{len(items)} of {total} event(s)", show_lines=False)
    for column in ("id", "date", "type", "mode", "source", "target", "place", "reports",
                   "sources", "evidence"):
        table.add_column(column, overflow="fold")
    for item in items:
        table.add_row(
            str(item.id), str(item.date or ""), item.event_type, item.mode or "",
            _keys(item.source), _keys(item.target),
            item.location.name if item.location else "", str(item.n_reports),
            str(item.n_sources), formats.clip(item.sentence, 160),
        )
    console.print(table)


def query_command(
    words: Annotated[list[str] | None, typer.Argument(
        help="Words in a report (each must begin a word of it), as with -q.",
        show_default=False)] = None,
    db: DbOption = DEFAULT_URL,
    country: CountryOption = None,
    actor_country: ActorOption = None,
    event_type: TypeOption = None,
    mode: ModeOption = None,
    start: StartOption = None,
    end: EndOption = None,
    place: PlaceOption = None,
    min_sources: SourcesOption = 1,
    text: TextOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=100_000)] = 50,
    offset: Annotated[int, typer.Option("--offset", min=0)] = 0,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Search stored events, newest first."""
    # Words may follow -q as arguments (query -q drone Kharkiv): the shell splits what people
    # type, and every word must match anyway, so no word is refused as an extra argument.
    q = " ".join([*([text] if text else []), *(words or [])]) or None
    flt = event_filter(country=country, actor_country=actor_country, event_type=event_type,
                        mode=mode, start=start, end=end, place=place, min_sources=min_sources,
                        q=q)
    store = open_or_exit(db, existing=True)
    try:
        with reading(store.engine) as reader:
            page = reader.event_page(flt, limit, offset)
            items = reader.with_documents(page.items)
    finally:
        store.close()
    if fmt is Format.table:
        _print_events(items, page.total, out_console())
    elif fmt is Format.jsonl:
        formats.write_records(items, sys.stdout)
    else:
        formats.write_rows((item.flat() for item in items), sys.stdout)


# --------------------------------------------------------------------------- deals --db


def list_deals(db: str | None, country: str | None, fmt: Format, out: Path | None) -> None:
    """Stored deals, merged across articles, with their latest status (``deals`` without
    paths). ``-o FILE`` keeps them too: flat rows in a .csv file, else JSON Lines."""
    flt = _filter(DealFilter, country=country)
    store = open_or_exit(db, existing=True)
    try:
        with reading(store.engine) as reader:
            deals = reader.deal_page(flt, 10**9, 0).items
    finally:
        store.close()
    if out is not None:
        with out.open("w", encoding="utf-8", newline="") as handle:
            if out.suffix.lower() == ".csv":
                formats.write_rows((d.flat() for d in deals), handle)
            else:
                formats.write_records(deals, handle)
    if fmt is Format.jsonl:
        formats.write_records(deals, sys.stdout)
    elif fmt is Format.csv:
        formats.write_rows((d.flat() for d in deals), sys.stdout)
    else:
        _print_deals(deals, out_console())


def _print_deals(deals: list[Deal], console: Console) -> None:
    table = Table(title=f"{len(deals)} deal(s)")
    for column in ("id", "supplier", "recipient", "system", "quantity", "value", "status",
                   "reports", "last reported"):
        table.add_column(column, overflow="fold")
    for deal in deals:
        value = f"{deal.value:,.0f} {deal.currency or ''}" if deal.value is not None else ""
        last = deal.history[-1].date if deal.history else None
        system = deal.system.name or deal.system.mention
        table.add_row(str(deal.id), deal.supplier or "?", deal.recipient or "?",
                      f"{system} ({deal.variant})" if deal.variant else system,
                      str(deal.quantity or ""),
                      value.strip(), deal.status, str(deal.n_reports), str(last or ""))
    console.print(table)

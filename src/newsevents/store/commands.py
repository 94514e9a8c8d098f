"""Command functions for the store (``ingest``, ``query``, ``export``, ``serve``), written as
plain typer-compatible functions so the main CLI registers them by name."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from newsevents.formats import clip
from newsevents.models import Article, InputError, Result
from newsevents.options import (
    Format,
    RayOption,
    err,
    fail,
    out_console,
    parse_date,
    progress,
    ray_cluster,
    warn,
)
from newsevents.store import queries
from newsevents.store.db import DEFAULT_URL, Store, StoreError, connect, engine_url
from newsevents.store.writer import IngestStats

DbOption = Annotated[
    str,
    typer.Option("--db", envvar="NEWSEVENTS_DB",
                 help="sqlite:///FILE or postgresql://USER@HOST/DB."),
]


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


class ExportWhat(StrEnum):
    events = "events"
    deals = "deals"


def open_store(url: str | None, *, existing: bool = False) -> Store:
    """A store, or a one-line message and exit status 2 instead of a traceback.

    Commands that only read (``existing``) refuse a SQLite file that does not exist: opening
    it would create an empty database, and "0 of 0 events" hides a mistyped path.
    """
    url = url or DEFAULT_URL
    try:
        if existing:
            _check_exists(url)
        return connect(url)
    except StoreError as exc:
        fail(str(exc))
        raise typer.Exit(2) from None


def _check_exists(url: str) -> None:
    parsed = engine_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return  # a server database that is missing fails to connect by itself
    if not Path(parsed.database).is_file():
        raise StoreError(
            f"no database at {parsed.database}: run `newsevents ingest` first, or give the "
            "right --db (or NEWSEVENTS_DB)"
        )


# --------------------------------------------------------------------------- ingest

# Ends the progress line that a terminal shows, before a final message.
_LINE_END = "\n" if err.is_terminal else ""


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
    from newsevents.pipeline import Coder

    skipped = IngestStats()
    coder = Coder(n_process=processes)
    for batch in _batches(coder.code_articles(_unseen(items, store, skipped)), batch_size):
        stats = store.add_results(batch)
        stats.duplicates += skipped.duplicates
        skipped.duplicates = 0
        yield stats
    if skipped.duplicates:
        yield skipped


def _ingested(store: Store, db: str, paths: list[str], default_date: dt.date | None,
              batch_size: int, processes: int | None, *, cpus: int | None,
              writers: int) -> Iterator[IngestStats]:
    """The stats of each stored batch: coded here, or on the Ray cluster of ``cpus`` CPUs."""
    from newsevents import ingest

    if cpus is None:
        from newsevents.pipeline import default_processes

        items = ingest.read_paths(paths, default_date=default_date, stdin=sys.stdin,
                                  on_skip=warn)
        return store_stream(store, items, batch_size=batch_size,
                            processes=processes or default_processes())
    from newsevents import distributed

    return distributed.ingest_stream(
        paths, db, workers=processes or cpus, writers=writers, batch_size=batch_size,
        default_date=default_date, on_skip=warn, stdin=sys.stdin)


def _check_writable(store: Store) -> None:
    """A read-only database or a full disk ends the run before any coding, like a bad URL."""
    try:
        store.check_writable()
    except StoreError as exc:
        store.close()
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None


def _report_ingest(total: IngestStats, seconds: float) -> None:
    for doc_id, message in total.errors:
        warn(doc_id, message)
    rate = total.stored / seconds if seconds > 0 else 0.0
    err.print(
        f"stored {total.stored} document(s) ({total.near_duplicates} near-duplicate), "
        f"{total.reports} event report(s), {total.deal_reports} deal report(s); "
        f"skipped {total.duplicates} already stored; {len(total.errors)} error(s); "
        f"{rate:.1f} documents/s"
    )


def ingest_command(
    paths: Annotated[list[str], typer.Argument(
        help="Files or folders (.txt, .html, .jsonl), or - for stdin.")],
    db: DbOption = DEFAULT_URL,
    date: Annotated[str | None, typer.Option(
        "--date", help="Publication date (YYYY-MM-DD) where the input has none.")] = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, help="Documents per transaction.")] = 20,
    processes: Annotated[int | None, typer.Option(
        "--processes", "-j", help="Worker processes (default: up to 2).")] = None,
    ray: RayOption = None,
    writers: Annotated[int, typer.Option(
        "--writers", min=1, help="With --ray: actors that write to the store.")] = 1,
) -> None:
    """Code articles and store their documents, events and deals (re-runs skip stored ones)."""
    default_date = parse_date(date, "--date")
    total, started = IngestStats(), time.perf_counter()
    store: Store | None = None
    try:
        from newsevents import ingest

        store = open_store(db)
        _check_writable(store)
        with ray_cluster(ray) as cpus, progress(
                ingest.count_inputs(paths), "documents") as advance:
            for stats in _ingested(store, db, paths, default_date, batch_size, processes,
                                   cpus=cpus, writers=writers):
                total.add(stats)
                advance(stats.stored + stats.duplicates + len(stats.errors))
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
    _report_ingest(total, time.perf_counter() - started)
    if total.errors:
        raise typer.Exit(1)
    if not (total.stored or total.duplicates):
        fail("nothing was read: no article in the given paths")
        raise typer.Exit(1)


# --------------------------------------------------------------------------- query


def _filter(**values: Any) -> queries.EventFilter:
    try:
        return queries.EventFilter(**values)
    except (TypeError, ValueError) as exc:
        raise typer.BadParameter(str(exc)) from None


def _keys(actor_dicts: list[dict]) -> str:
    return ", ".join(a["country"] or a["igo"] or a["text"] for a in actor_dicts)


def _print_events(items: list[dict], total: int, console: Console) -> None:
    table = Table(title=f"{len(items)} of {total} event(s)", show_lines=False)
    for column in ("id", "date", "type", "mode", "source", "target", "place", "reports",
                   "sources", "evidence"):
        table.add_column(column, overflow="fold")
    for item in items:
        table.add_row(
            str(item["id"]), str(item["date"] or ""), item["event_type"], item["mode"] or "",
            _keys(item["source"]), _keys(item["target"]),
            (item["location"] or {}).get("name") or "", str(item["n_reports"]),
            str(item["n_sources"]), clip(item["sentence"], 160),
        )
    console.print(table)


def _json_default(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def write_jsonl(rows: Iterable[dict], handle: IO[str]) -> int:
    n = 0
    for row in rows:
        handle.write(json.dumps(row, default=_json_default, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict], handle: IO[str]) -> int:
    writer: csv.DictWriter | None = None
    n = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(handle, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        n += 1
    return n


TypeOption = Annotated[str | None, typer.Option("--type", "-t", help="PLOVER event type.")]
CountryOption = Annotated[str | None, typer.Option(
    "--country", help="ISO3 or IGO, as an actor or as the event's location.")]
ActorOption = Annotated[str | None, typer.Option(
    "--actor-country", help="ISO3 or IGO, as source or target actor only.")]
StartOption = Annotated[str | None, typer.Option("--start", help="First date, YYYY-MM-DD.")]
EndOption = Annotated[str | None, typer.Option("--end", help="Last date, YYYY-MM-DD.")]
ModeOption = Annotated[str | None, typer.Option("--mode", help="PLOVER mode.")]
PlaceOption = Annotated[str | None, typer.Option("--place", help="Place name, e.g. Kyiv.")]
SourcesOption = Annotated[int, typer.Option(
    "--min-sources", min=1, help="Only events reported by at least N independent sources.")]
TextOption = Annotated[str | None, typer.Option(
    "--text", "-q", help="Words in a report; more words may follow as arguments.")]


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
    flt = _filter(country=country, actor_country=actor_country, event_type=event_type,
                  mode=mode, start=parse_date(start, "--start"), end=parse_date(end, "--end"),
                  place=place, min_sources=min_sources, q=q)
    store = open_store(db, existing=True)
    try:
        with store.engine.connect() as conn:
            page = queries.event_page(conn, flt, limit, offset)
            queries.add_evidence_documents(conn, page["items"])
    finally:
        store.close()
    if fmt is Format.table:
        _print_events(page["items"], page["total"], out_console())
    elif fmt is Format.jsonl:
        write_jsonl(page["items"], sys.stdout)
    else:
        write_csv(map(queries.flat_event, page["items"]), sys.stdout)


# --------------------------------------------------------------------------- export


def _flat_deal(deal: dict) -> dict:
    system = deal["system"]
    return {
        "id": deal["id"], "supplier": deal["supplier"], "recipient": deal["recipient"],
        "system": system["name"] or system["mention"], "category": system["category"],
        "quantity": deal["quantity"], "value": deal["value"], "currency": deal["currency"],
        "status": deal["status"], "n_reports": deal["n_reports"],
        "first_reported": deal["history"][0]["date"] if deal["history"] else None,
        "last_reported": deal["history"][-1]["date"] if deal["history"] else None,
    }


def _export_rows(store: Store, what: ExportWhat, flt: queries.EventFilter,
                 nested: bool) -> Iterator[dict]:
    with store.engine.connect() as conn:
        if what is ExportWhat.events:
            for event in queries.iter_events(conn, flt):
                yield event if nested else queries.flat_event(event)
            return
        page = queries.deal_page(conn, queries.DealFilter(country=flt.country), 10**9, 0)
        for deal in page["items"]:
            yield deal if nested else _flat_deal(deal)


def write_parquet(rows: Iterable[dict], path: Path, chunk: int = 50_000) -> int:
    """Written in row groups so a million events never sit in memory as one table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer: pq.ParquetWriter | None = None
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


def export_command(
    db: DbOption = DEFAULT_URL,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
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
    """Export stored events or deals as Parquet, CSV (one flat row each) or JSON Lines."""
    if fmt is ExportFormat.parquet and output is None:
        raise typer.BadParameter("parquet needs a file: add -o FILE.parquet", param_hint="-o")
    flt = _filter(country=country, actor_country=actor_country, event_type=event_type,
                  start=parse_date(start, "--start"), end=parse_date(end, "--end"),
                  min_sources=min_sources)
    store = open_store(db, existing=True)
    rows = iter(_export_rows(store, what, flt, nested=fmt is ExportFormat.jsonl))
    try:
        if fmt is ExportFormat.parquet:
            assert output is not None
            n = write_parquet(rows, output)
        else:
            writer = write_jsonl if fmt is ExportFormat.jsonl else write_csv
            with (output.open("w", encoding="utf-8", newline="") if output
                  else nullcontext(sys.stdout)) as handle:
                n = writer(rows, handle)
    except BrokenPipeError:
        raise  # a reader that stops reading is not an error: see cli
    except OSError as exc:
        fail(f"cannot write {output or 'standard output'}: {exc.strerror}")
        raise typer.Exit(2) from None
    finally:
        store.close()
    err.print(f"exported {n} {what.value}")


def list_deals(db: str | None, country: str | None, fmt: str, out: Path | None) -> None:
    """Stored deals, merged across articles, with their latest status (the ``deals`` command)."""
    store = open_store(db, existing=True)
    try:
        with store.engine.connect() as conn:
            page = queries.deal_page(conn, queries.DealFilter(country=country), 10**9, 0)
    finally:
        store.close()
    rows = page["items"] if fmt == "jsonl" else [_flat_deal(d) for d in page["items"]]
    if out is not None:
        with out.open("w", encoding="utf-8", newline="") as handle:
            (write_csv if out.suffix.lower() == ".csv" else write_jsonl)(rows, handle)
    if fmt == "jsonl":
        write_jsonl(rows, sys.stdout)
    elif fmt == "csv":
        write_csv(rows, sys.stdout)
    else:
        _print_deals(rows, out_console())


def _print_deals(rows: list[dict], console: Console) -> None:
    table = Table(title=f"{len(rows)} deal(s)")
    for column in ("id", "supplier", "recipient", "system", "quantity", "value", "status",
                   "reports", "last reported"):
        table.add_column(column, overflow="fold")
    for row in rows:
        value = f"{row['value']:,.0f} {row['currency'] or ''}" if row["value"] is not None else ""
        table.add_row(str(row["id"]), row["supplier"] or "?", row["recipient"] or "?",
                      row["system"], str(row["quantity"] or ""), value.strip(), row["status"],
                      str(row["n_reports"]), str(row["last_reported"] or ""))
    console.print(table)


# --------------------------------------------------------------------------- serve


def serve_command(
    db: DbOption = DEFAULT_URL,
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option(
        "--token", envvar="NEWSEVENTS_TOKEN",
        help="Bearer token that allows POST /api/documents (without one, writes are off).")] = None,
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host", envvar="NEWSEVENTS_ALLOWED_HOSTS",
        help="Another name the server is reached by (repeatable); bound to loopback, it answers "
        "only to 127.0.0.1, localhost, [::1] and these.")] = None,
    anonymous_chars: Annotated[int, typer.Option(
        "--anonymous-chars", envvar="NEWSEVENTS_ANONYMOUS_CHARS", min=1,
        help="Longest text POST /api/code codes without the token.")] = 20_000,
    code_seconds: Annotated[float, typer.Option(
        "--code-seconds", envvar="NEWSEVENTS_CODE_SECONDS", min=0.001,
        help="Time budget of POST /api/code without the token (then 503).")] = 30.0,
    code_slots: Annotated[int, typer.Option(
        "--code-slots", envvar="NEWSEVENTS_CODE_SLOTS", min=1,
        help="Texts POST /api/code takes in at once without the token (more get 429).")] = 1,
) -> None:
    """Serve the REST API and the dashboard."""
    import uvicorn

    from newsevents.api import CodingLimits, allowed_hosts, create_app

    limits = CodingLimits(anonymous_chars=anonymous_chars, seconds=code_seconds, slots=code_slots)
    try:
        app = create_app(db, token, limits=limits, hosts=allowed_hosts(host, allowed_host or ()))
    except StoreError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    if not token:
        err.print("no --token or NEWSEVENTS_TOKEN: POST /api/documents is disabled")
    uvicorn.run(app, host=host, port=port, log_level="info")


"""The ``newsevents`` command line."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsevents import formats, ingest
from newsevents.models import Article, InputError, Result
from newsevents.options import Format, err, parse_date
from newsevents.pipeline import Coder, default_processes
from newsevents.store import commands as store_commands

app = typer.Typer(
    help="Sourced PLOVER event data and arms-transfer records from news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


class Unit(StrEnum):
    article = "article"
    sentence = "sentence"


DateOption = Annotated[
    str | None,
    typer.Option("--date", help="Publication date (YYYY-MM-DD) where the input has none."),
]
PathsArg = Annotated[
    list[str], typer.Argument(help="Files or folders (.txt, .html, .jsonl), or - for stdin.")
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Also write records to FILE (.jsonl, or .csv)."),
]
ProcOption = Annotated[
    int | None, typer.Option("--processes", "-j", help="Worker processes (default: up to 2).")
]


def progress_bar() -> Progress:
    return Progress(
        TextColumn("[bold]coding"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
        disable=not err.is_terminal,
    )


def coded(
    items: Iterable[Article | InputError], *, unit: Unit, processes: int | None
) -> Iterator[Result]:
    """Code the inputs with a progress bar on stderr showing articles per second."""
    coder = Coder(n_process=processes or default_processes(), unit=unit.value)
    started = time.perf_counter()
    with progress_bar() as progress:
        task = progress.add_task("coding", total=None, rate="0.0")
        for n, result in enumerate(coder.code_articles(items), start=1):
            rate = n / max(time.perf_counter() - started, 1e-9)
            progress.update(task, advance=1, rate=f"{rate:.1f}")
            yield result


def emit(results: Iterator[Result], fmt: Format, out: Path | None, *, deals_only: bool) -> int:
    """Write records as they come and return the number of inputs that failed.

    ``--format`` is what stdout shows; ``-o FILE`` also keeps the records in FILE (CSV when it
    ends in .csv, else JSON Lines), so one run gives people a table and tools a file.
    """
    failed = 0
    shown: list[Result] = []

    def counted() -> Iterator[Result]:
        nonlocal failed
        for result in results:
            if result.document.error:
                failed += 1
                err.print(f"[yellow]{result.document.doc_id}[/yellow]: {result.document.error}")
            if fmt is Format.table:
                shown.append(result)
            yield result

    writers = {Format.jsonl: formats.write_jsonl, Format.csv: formats.write_csv}
    if out is not None:
        writer = formats.write_csv if out.suffix.lower() == ".csv" else formats.write_jsonl
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer(counted(), handle, deals_only=deals_only)
        if fmt is not Format.table:
            err.print(f"records written to {out}")
    elif fmt is Format.table:
        for _ in counted():
            pass
    else:
        writers[fmt](counted(), sys.stdout, deals_only=deals_only)
    if fmt is Format.table:
        formats.print_table(shown, Console(), deals_only=deals_only)
    return failed


def _involving(result: Result, country: str) -> Result:
    """Keep the deals that have ``country`` as supplier or recipient."""
    deals = [
        d for d in result.arms_transfers if country in (d.supplier.country, d.recipient.country)
    ]
    return result.model_copy(update={"arms_transfers": deals})


def _run(
    paths: list[str],
    date: str | None,
    fmt: Format,
    out: Path | None,
    unit: Unit,
    processes: int | None,
    *,
    deals_only: bool,
    country: str | None = None,
) -> None:
    items = ingest.read_paths(paths, default_date=parse_date(date), stdin=sys.stdin)
    results = coded(items, unit=unit, processes=processes)
    if country:
        results = (_involving(r, country.upper()) for r in results)
    failed = emit(results, fmt, out, deals_only=deals_only)
    if failed:
        err.print(f"[red]{failed} input(s) could not be coded; see the messages above.[/red]")
        raise typer.Exit(1)


@app.command()
def code(
    paths: PathsArg,
    date: DateOption = None,
    fmt: FormatOption = Format.table,
    out: OutOption = None,
    unit: Annotated[
        Unit, typer.Option("--unit", help="Code each record as one sentence.")
    ] = Unit.article,
    processes: ProcOption = None,
) -> None:
    """Code articles into PLOVER events and arms-transfer records."""
    _run(paths, date, fmt, out, unit, processes, deals_only=False)


@app.command()
def deals(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or folders to code.")] = None,
    date: DateOption = None,
    fmt: FormatOption = Format.table,
    out: OutOption = None,
    processes: ProcOption = None,
    db: Annotated[str | None, typer.Option("--db", help="Read merged deals from a store.")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="ISO3 supplier or recipient.")
    ] = None,
) -> None:
    """List arms transfers found in articles, or, without paths, the deals in a store
    (merged across articles)."""
    if paths:
        _run(paths, date, fmt, out, Unit.article, processes, deals_only=True, country=country)
        return
    store_commands.list_deals(db=db, country=country, fmt=fmt.value, out=out)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(
        help="A sentence-level gold file (the format of plover/gold-dev.jsonl), or the "
        "annotated corpus (a folder or .jsonl of corpus/annotated records).")],
    split: Annotated[str | None, typer.Option(
        "--split", help="Corpus split to score: train, dev or test (default: all).")] = None,
    rules_only: Annotated[bool, typer.Option(
        "--rules-only", help="Code with the rules alone, without the learned model.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    processes: ProcOption = None,
) -> None:
    """Score event coding against a gold set or the annotated corpus."""
    from newsevents import corpus, corpus_scoring, evaluation

    n_process = processes or default_processes()
    if corpus.is_corpus(gold):
        try:
            docs = [d for d in corpus.read_corpus([gold]) if split in (None, d.split)]
        except corpus.CorpusError as exc:
            err.print(f"[red]{exc}[/red]")
            raise typer.Exit(2) from None
        coder = Coder(n_process=n_process, learned=not rules_only)
        reports = corpus_scoring.evaluate_corpus(docs, coder)
        if as_json:
            typer.echo("[" + ",".join(r.model_dump_json(indent=2) for r in reports) + "]")
        else:
            corpus_scoring.print_reports(reports, Console())
        return
    try:
        report = evaluation.evaluate(gold, n_process=n_process, learned=not rules_only)
    except evaluation.GoldError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
    else:
        evaluation.print_report(report, Console())


@app.command()
def train(
    corpus_dir: Annotated[Path, typer.Argument(help="The annotated corpus folder.")] = Path(
        "corpus/annotated"),
    out: Annotated[Path | None, typer.Option(
        "--out", help="Folder for the model and learned triggers (default: the package's "
        "data/events, where the coder reads them).")] = None,
) -> None:
    """Learn the event model from the corpus's train split (choices made on its dev split)."""
    from newsevents import corpus, training
    from newsevents.tables import data_path

    try:
        import sklearn  # noqa: F401
    except ImportError:
        err.print("[red]training needs scikit-learn: pip install 'newsevents[train]'[/red]")
        raise typer.Exit(2) from None
    try:
        docs = list(corpus.read_corpus([corpus_dir]))
        card = training.train(docs, out or data_path("events", ""))
    except (corpus.CorpusError, ValueError) as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    typer.echo(json.dumps(card, indent=2))


@app.command()
def info() -> None:
    """Show the language model in use: package, version, licence, published accuracy."""
    from newsevents import nlp

    for key, value in nlp.model_info().items():
        typer.echo(f"{key}: {value}")


# The store's commands live beside the store.
app.command("ingest")(store_commands.ingest_command)
app.command("query")(store_commands.query_command)
app.command("export")(store_commands.export_command)
app.command("serve")(store_commands.serve_command)

"""The ``newsevents`` command line."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

import newsevents
from newsevents import formats, ingest, partitioned
from newsevents.models import Result
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
from newsevents.pipeline import Coder, default_processes
from newsevents.store import commands as store_commands


class Commands(TyperGroup):
    """The ``newsevents`` group, with the two things every command shares."""

    def invoke(self, ctx: typer.Context) -> Any:
        """Run the command; a reader that closes the pipe early (``| head``) ends it quietly.

        The one place a closed stdout is handled: like standard Unix tools, exit status 0 and
        no message. stdout is pointed at /dev/null (as the Python documentation recommends),
        so that the flush at exit cannot fail again; click would otherwise exit with 1.
        """
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a failure in the last flush is the same closed pipe
            return result
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None

    def get_params(self, ctx: typer.Context) -> list[Any]:
        return _without_flag_types(super().get_params(ctx))

    def get_command(self, ctx: typer.Context, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _without_flag_types(command.get_params(ctx))
        return command


def _without_flag_types(params: list[Any]) -> list[Any]:
    """Flags (``--json``, ``--help``) take no value, so help shows no ``<bool>`` after them.

    typer's help names a type for every option, flags included; an empty metavar is what it
    shows instead. (typer bundles its own click, so parameters are told apart by attribute.)
    """
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    return params


app = typer.Typer(
    cls=Commands,
    help="Sourced PLOVER event data and arms-transfer records from news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"newsevents {newsevents.__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True,
        help="Show the version and exit.")] = False,
) -> None:
    """Sourced PLOVER event data and arms-transfer records from news articles."""


class Unit(StrEnum):
    article = "article"
    sentence = "sentence"


DateOption = Annotated[
    str | None,
    typer.Option("--date", help="Publication date (YYYY-MM-DD) where the input has none."),
]
PathsArg = Annotated[list[str], typer.Argument(
    help="Files or folders (.txt, .html, .jsonl, .parquet), or - for stdin.")]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Also write records to FILE (.jsonl, or .csv)."),
]


class CodeFormat(StrEnum):
    """``code``'s formats: those of every command, and a Parquet dataset (a folder)."""

    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"

ModelOption = Annotated[bool, typer.Option(
    "--model", help="Weigh every rule candidate with the trained event model (hybrid coding).")]
ProcOption = Annotated[
    int | None, typer.Option("--processes", "-j", help="Worker processes (default: up to 2).")
]


def coded(
    paths: list[str], default_date: dt.date | None, *, unit: Unit, processes: int | None,
    model: bool = False, cpus: int | None = None,
) -> Iterator[Result]:
    """Code the inputs with progress on stderr; on the Ray cluster of ``cpus`` CPUs when
    given (``--ray``), else in local worker processes."""
    if cpus is None:
        items = ingest.read_paths(paths, default_date=default_date, stdin=sys.stdin,
                                  on_skip=warn)
        coder = Coder(n_process=processes or default_processes(), unit=unit.value,
                      learned=model)
        results = coder.code_articles(items)
    else:
        from newsevents import distributed

        results = distributed.code(
            paths, workers=processes or cpus, default_date=default_date, unit=unit.value,
            learned=model, on_skip=warn, stdin=sys.stdin)
    with progress(ingest.count_inputs(paths), "articles") as advance:
        for result in results:
            advance(1)
            yield result


class Tally:
    """What a run coded: each failed input is told as it comes, and a summary line ends the
    run on stderr, terminal or not."""

    def __init__(self) -> None:
        self.articles = self.failed = self.events = self.deals = 0
        self.started = time.perf_counter()

    def count(self, results: Iterable[Result]) -> Iterator[Result]:
        for result in results:
            self.articles += 1
            if result.document.error:
                self.failed += 1
                warn(result.document.doc_id, result.document.error)
            self.events += len(result.events)
            self.deals += len(result.arms_transfers)
            yield result

    def add(self, summary: partitioned.Summary) -> None:
        """Count records written elsewhere (by the cluster), telling the failed inputs."""
        self.articles += summary.documents
        self.failed += len(summary.errors)
        self.events += summary.events
        self.deals += summary.deals
        for doc_id, message in summary.errors:
            warn(doc_id, message)

    def summary(self) -> str:
        seconds = time.perf_counter() - self.started
        return (
            f"coded {self.articles - self.failed} of {self.articles} article(s): "
            f"{self.events} event(s), {self.deals} deal(s); {self.failed} failed; "
            f"{seconds:.1f} s, {self.articles / max(seconds, 1e-9):.1f} articles/s"
        )


def emit(results: Iterator[Result], fmt: Format, out: Path | None, *, deals_only: bool) -> None:
    """Write records as they come.

    ``--format`` is what stdout shows; ``-o FILE`` also keeps the records in FILE (CSV when it
    ends in .csv, else JSON Lines), so one run gives people a table and tools a file.
    """
    shown: list[Result] = []

    def counted() -> Iterator[Result]:
        for result in results:
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
    if fmt is Format.table and shown:
        formats.print_table(shown, out_console(), deals_only=deals_only)


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
    model: bool = False,
    ray: str | None = None,
) -> None:
    default_date, tally = parse_date(date), Tally()
    with ray_cluster(ray) as cpus:
        results = tally.count(coded(paths, default_date, unit=unit, processes=processes,
                                    model=model, cpus=cpus))
        if country:
            results = (_involving(r, country.upper()) for r in results)
        emit(results, fmt, out, deals_only=deals_only)
    _finish(tally)


def _write_parquet(
    paths: list[str], date: str | None, out: Path | None, unit: Unit, processes: int | None,
    *, model: bool, ray: str | None,
) -> None:
    """``code --format parquet -o DIR``: from the cluster straight into DIR with ``--ray``,
    else from this process."""
    if out is None:
        raise typer.BadParameter("parquet needs a folder: add -o DIR", param_hint="-o")
    problem = partitioned.check_folder(out)
    if problem:
        raise typer.BadParameter(problem, param_hint="-o")
    default_date, tally = parse_date(date), Tally()
    with ray_cluster(ray) as cpus:
        if cpus is None:
            partitioned.write(tally.count(coded(paths, default_date, unit=unit,
                                                processes=processes, model=model)), out)
        else:
            from newsevents import distributed

            distributed.write_parquet(
                paths, str(out.resolve()), workers=processes or cpus,
                default_date=default_date, unit=unit.value, learned=model, on_skip=warn,
                stdin=sys.stdin)
            tally.add(partitioned.summarise(out))
    err.print(f"records written to {out}")
    _finish(tally)


def _finish(tally: Tally) -> None:
    """The closing line, and the exit status the run's inputs call for."""
    if not tally.articles:
        fail("nothing was read: no article in the given paths")
        raise typer.Exit(1)
    err.print(tally.summary())
    if tally.failed:
        fail(f"{tally.failed} input(s) could not be coded; see the messages above.")
        raise typer.Exit(1)


@app.command()
def code(
    paths: PathsArg,
    date: DateOption = None,
    fmt: Annotated[CodeFormat, typer.Option(
        "--format", "-f", help="Output format; parquet writes a folder (-o DIR) with one "
        "sub-folder per publication date.")] = CodeFormat.table,
    out: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Also write records to FILE (.jsonl, or .csv); with "
        "--format parquet, the folder to write.")] = None,
    unit: Annotated[
        Unit, typer.Option("--unit", help="Code each record as one sentence.")
    ] = Unit.article,
    processes: ProcOption = None,
    model: ModelOption = False,
    ray: RayOption = None,
) -> None:
    """Code articles into PLOVER events and arms-transfer records."""
    if fmt is CodeFormat.parquet:
        _write_parquet(paths, date, out, unit, processes, model=model, ray=ray)
        return
    _run(paths, date, Format(fmt.value), out, unit, processes, deals_only=False, model=model,
         ray=ray)


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
    """List arms transfers found in articles, or the deals in a store.

    Without paths, the deals come from the store (--db), merged across articles.
    """
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
    model: ModelOption = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    processes: ProcOption = None,
) -> None:
    """Score event coding against a gold set or the annotated corpus."""
    from newsevents.evaluation import corpus, gold, scoring

    n_process = processes or default_processes()
    if corpus.is_corpus(gold):
        try:
            docs = [d for d in corpus.read_corpus([gold]) if split in (None, d.split)]
        except corpus.CorpusError as exc:
            fail(str(exc))
            raise typer.Exit(2) from None
        coder = Coder(n_process=n_process, learned=model)
        reports = scoring.evaluate_corpus(docs, coder)
        if as_json:
            typer.echo("[" + ",".join(r.model_dump_json(indent=2) for r in reports) + "]")
        else:
            scoring.print_reports(reports, out_console())
        return
    try:
        report = gold.evaluate(gold, n_process=n_process, learned=model)
    except gold.GoldError as exc:
        fail(str(exc))
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
    else:
        gold.print_report(report, out_console())


class InfoFormat(StrEnum):
    table = "table"
    json = "json"


_ACCURACY_NAMES = {
    "tag_acc": "tagging accuracy",
    "dep_uas": "dependency UAS",
    "dep_las": "dependency LAS",
    "ents_f": "named entities F",
}


@app.command()
def train(
    corpus_dir: Annotated[Path, typer.Argument(help="The annotated corpus folder.")] = Path(
        "corpus/annotated"),
    out: Annotated[Path | None, typer.Option(
        "--out", help="Folder for the model and learned triggers (default: the package's "
        "data/en/events, where the coder reads them).")] = None,
) -> None:
    """Learn the event model from the corpus's train split (choices made on its dev split)."""
    from newsevents.evaluation import corpus, training
    from newsevents.tables import data_path

    try:
        import sklearn  # noqa: F401
    except ImportError:
        fail("training needs scikit-learn: pip install 'newsevents[train]'")
        raise typer.Exit(2) from None
    try:
        docs = list(corpus.read_corpus([corpus_dir]))
        card = training.train(docs, out or data_path("events", ""))
    except (corpus.CorpusError, ValueError) as exc:
        fail(str(exc))
        raise typer.Exit(2) from None
    typer.echo(json.dumps(card, indent=2))


@app.command()
def info(
    fmt: Annotated[InfoFormat, typer.Option("--format", "-f", help="Output format.")] = (
        InfoFormat.table),
) -> None:
    """Show the language model in use: package, version, licence, published accuracy."""
    from newsevents import nlp

    model = nlp.model_info()
    if fmt is InfoFormat.json:
        typer.echo(json.dumps(model, indent=2))
        return
    accuracy: dict[str, float | None] = model.pop("accuracy")  # type: ignore[assignment]
    sources: list[str] = model.pop("sources")  # type: ignore[assignment]
    lines = [(key.replace("_", " "), str(value)) for key, value in model.items()]
    lines.append(("trained on", "; ".join(sources)))
    lines += [
        (_ACCURACY_NAMES.get(key, key), f"{value:.3f}" if value is not None else "unknown")
        for key, value in accuracy.items()
    ]
    width = max(len(name) for name, _ in lines)
    for name, value in lines:
        typer.echo(f"{name:<{width}}  {value}")


# The store's commands live beside the store.
app.command("ingest")(store_commands.ingest_command)
app.command("query")(store_commands.query_command)
app.command("export")(store_commands.export_command)
app.command("serve")(store_commands.serve_command)

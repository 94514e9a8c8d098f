"""Commands that code articles without a store: ``code``, ``deals``, ``evaluate``, ``train``."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import closing
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsevents import formats, ingest, partitioned
from newsevents.cli import store as store_commands
from newsevents.cli.options import (
    CodeFormat,
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
    DateOption,
    FormatOption,
    ModelOption,
    OutOption,
    PathsArg,
    ProcOption,
)
from newsevents.exports import polecat
from newsevents.models import Result
from newsevents.pipeline import Coder, default_processes


class Unit(StrEnum):
    article = "article"
    sentence = "sentence"


def coded(
    paths: list[str], default_date: dt.date | None, tally: Tally, *, unit: Unit,
    processes: int | None, model: bool = False, columns: ingest.CsvColumns | None = None,
    cpus: int | None = None,
) -> Iterator[Result]:
    """Code the inputs with progress on stderr; on the Ray cluster of ``cpus`` CPUs when
    given (``--ray``), else in local worker processes."""
    if cpus is None:
        items = ingest.read_paths(paths, default_date=default_date, stdin=sys.stdin,
                                  on_skip=warn, columns=columns, skipped=tally.skipped)
        coder = Coder(n_process=processes or default_processes(), unit=unit.value,
                      learned=model)
        results = coder.code_articles(items)
    else:
        from newsevents import distributed

        results = distributed.code(
            paths, workers=processes or cpus, default_date=default_date, unit=unit.value,
            learned=model, columns=columns, on_skip=warn, stdin=sys.stdin)
    with progress(ingest.count_inputs(paths), "articles") as advance:
        for result in results:
            advance(1)
            yield result


class Tally:
    """What a run coded: each failed input is told as it comes, and a summary line ends the
    run on stderr, terminal or not."""

    def __init__(self) -> None:
        self.articles = self.failed = self.not_english = self.events = self.deals = 0
        self.skipped: Counter[str] = Counter()  # WARC records that are no article, by reason
        self.started = time.perf_counter()

    def count(self, results: Iterable[Result]) -> Iterator[Result]:
        for result in results:
            self.articles += 1
            if result.document.error:
                self.failed += 1
                self.not_english += result.document.language not in (None, "en")
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
        foreign = f" ({self.not_english} not English)" if self.not_english else ""
        return (
            f"coded {self.articles - self.failed} of {self.articles} article(s): "
            f"{self.events} event(s), {self.deals} deal(s); {self.failed} failed{foreign}"
            f"{skipped_records(self.skipped)}; "
            f"{seconds:.1f} s, {self.articles / max(seconds, 1e-9):.1f} articles/s"
        )


def emit(results: Iterator[Result], fmt: Format | CodeFormat, out: Path | None, *,
         deals_only: bool) -> None:
    """Write records as they come.

    ``--format`` is what stdout shows; ``-o FILE`` also keeps the records in FILE (CSV when it
    ends in .csv, else JSON Lines), so one run gives people a table and tools a file. POLECAT's
    columns are written where the records would go: to FILE, else to stdout.
    """
    shown: list[Result] = []

    def counted() -> Iterator[Result]:
        for result in results:
            if fmt == "table":
                shown.append(result)
            yield result

    writers = {"jsonl": formats.write_jsonl, "csv": formats.write_csv,
               "polecat": polecat.write_results}
    if out is not None:
        writer = formats.write_csv if out.suffix.lower() == ".csv" else formats.write_jsonl
        writer = polecat.write_results if fmt == "polecat" else writer
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer(counted(), handle, deals_only=deals_only)
        if fmt != "table":
            err.print(f"records written to {out}")
    elif fmt == "table":
        for _ in counted():
            pass
    else:
        writers[fmt](counted(), sys.stdout, deals_only=deals_only)
    if fmt == "table" and shown:
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
    fmt: Format | CodeFormat,
    out: Path | None,
    unit: Unit,
    processes: int | None,
    *,
    deals_only: bool,
    country: str | None = None,
    model: bool = False,
    columns: ingest.CsvColumns | None = None,
    ray: str | None = None,
) -> None:
    default_date, tally = parse_date(date), Tally()
    # Closed on the way out, so that on Ctrl-C the workers stop now and not in the exit's
    # cleanup, where stopping them races the interpreter's own shutdown of the pool.
    with ray_cluster(ray) as cpus, closing(coded(
            paths, default_date, tally, unit=unit, processes=processes, model=model,
            columns=columns, cpus=cpus)) as stream:
        results = tally.count(stream)
        if country:
            results = (_involving(r, country.upper()) for r in results)
        emit(results, fmt, out, deals_only=deals_only)
    _finish(tally)


def _write_parquet(
    paths: list[str], date: str | None, out: Path | None, unit: Unit, processes: int | None,
    *, model: bool, columns: ingest.CsvColumns, ray: str | None,
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
            with closing(coded(paths, default_date, tally, unit=unit, processes=processes,
                               model=model, columns=columns)) as stream:
                partitioned.write(tally.count(stream), out)
        else:
            from newsevents import distributed

            distributed.write_parquet(
                paths, str(out.resolve()), workers=processes or cpus,
                default_date=default_date, unit=unit.value, learned=model, columns=columns,
                on_skip=warn, stdin=sys.stdin)
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


def code(
    paths: PathsArg,
    date: DateOption = None,
    fmt: Annotated[CodeFormat, typer.Option(
        "--format", "-f", help="Output format (polecat: POLECAT's columns, tab-separated; "
        "parquet: a folder, -o DIR, with one sub-folder per publication date).")] = (
        CodeFormat.table),
    out: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Also write records to FILE (.jsonl, or .csv); with "
        "--format parquet, the folder to write.")] = None,
    unit: Annotated[
        Unit, typer.Option("--unit", help="Code each record as one sentence.")
    ] = Unit.article,
    processes: ProcOption = None,
    model: ModelOption = True,
    text_column: TextColumnOption = "text",
    date_column: DateColumnOption = None,
    url_column: UrlColumnOption = None,
    title_column: TitleColumnOption = None,
    ray: RayOption = None,
) -> None:
    """Code articles into PLOVER events and arms-transfer records."""
    columns = ingest.CsvColumns(text_column, date_column, url_column, title_column)
    if fmt is CodeFormat.parquet:
        _write_parquet(paths, date, out, unit, processes, model=model, columns=columns, ray=ray)
        return
    _run(paths, date, fmt, out, unit, processes, deals_only=False, model=model, columns=columns,
         ray=ray)


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
    store_commands.list_deals(db=db, country=country, fmt=fmt, out=out)


def evaluate(
    gold: Annotated[Path, typer.Argument(
        help="A sentence-level gold file (the format of plover/gold-dev.jsonl), or the "
        "annotated corpus (a folder or .jsonl of corpus/annotated records).")],
    split: Annotated[str | None, typer.Option(
        "--split", help="Corpus split to score: train, dev or test (default: all).")] = None,
    model: ModelOption = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    processes: ProcOption = None,
) -> None:
    """Score event coding against a gold set or the annotated corpus."""
    from newsevents.evaluation import corpus, scoring
    from newsevents.evaluation import gold as gold_sets

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
        report = gold_sets.evaluate(gold, n_process=n_process, learned=model)
    except gold_sets.GoldError as exc:
        fail(str(exc))
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
    else:
        gold_sets.print_report(report, out_console())


def train(
    corpus_dir: Annotated[Path, typer.Argument(help="The annotated corpus folder.")] = Path(
        "corpus/annotated"),
    out: Annotated[Path | None, typer.Option(
        "--out", help="Folder for the model and learned triggers (default: the package's "
        "data/en/events, where the coder reads them).")] = None,
    gold: Annotated[Path | None, typer.Option(
        "--gold", help="A sentence gold set (such as the PLOVER gold records) whose macro-F1 "
        "the chosen thresholds must keep at 0.70 or above.")] = None,
) -> None:
    """Learn the event model from the corpus's train split (choices made on its dev split and
    on the train split out of fold)."""
    from newsevents.evaluation import corpus, training
    from newsevents.evaluation.gold import GoldError
    from newsevents.tables import data_path

    try:
        import sklearn  # noqa: F401
    except ImportError:
        fail("training needs scikit-learn: pip install 'newsevents[train]'")
        raise typer.Exit(2) from None
    try:
        docs = list(corpus.read_corpus([corpus_dir]))
        card = training.train(docs, out or data_path("events", ""), gold)
    except (corpus.CorpusError, GoldError, ValueError) as exc:
        fail(str(exc))
        raise typer.Exit(2) from None
    typer.echo(json.dumps(card, indent=2))

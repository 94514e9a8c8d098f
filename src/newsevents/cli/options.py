"""What the commands share: the output formats people pick, dates given as options, the console
for messages (stderr, so that stdout stays clean records), the console for tables, and the
progress display."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

PIPED_WIDTH = 200
"""Width of a table written to a pipe or a file. rich would use 80 columns, and the event table
folds into four-character columns: eight events took 85 lines."""


class _Console(Console):
    """A console that leaves a closed pipe to the one handler in ``cli``.

    rich's own handler exits with status 1; a reader that stops reading (``| head``) is not an
    error.
    """

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


# Messages are never hard-wrapped: in a log file or a pipe, a wrapped message breaks grep and
# cuts paths and error texts in two.
err = _Console(stderr=True, soft_wrap=True)


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class CodeFormat(StrEnum):
    """What ``code`` prints: ours, or POLECAT's columns (one row per event); or a Parquet
    dataset (a folder, ``-o DIR``)."""

    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    polecat = "polecat"
    parquet = "parquet"


PATHS_HELP = ("Files or folders (.txt, .html, .jsonl, .parquet, .csv, .warc, .warc.gz), or - "
              "for stdin.")
TextColumnOption = Annotated[str, typer.Option(
    "--text-column", help="The column of CSV inputs that holds the article text.")]
DateColumnOption = Annotated[str | None, typer.Option(
    "--date-column", help="The column of CSV inputs with the publication date [default: date, "
    "when present].")]
UrlColumnOption = Annotated[str | None, typer.Option(
    "--url-column", help="The column of CSV inputs with the URL [default: url, when present].")]
TitleColumnOption = Annotated[str | None, typer.Option(
    "--title-column", help="The column of CSV inputs with the title [default: title, when "
    "present].")]


def skipped_records(skipped: Counter[str]) -> str:
    """``; 12 WARC record(s) skipped (8 request record, 3 metadata record, 1 not HTML ...)``
    for a run's summary line, or nothing when no record was skipped."""
    total = sum(skipped.values())
    if not total:
        return ""
    common = skipped.most_common(3)
    reasons = ", ".join(f"{count} {reason}" for reason, count in common)
    more = f", {total - sum(count for _, count in common)} other" if len(skipped) > 3 else ""
    return f"; {total} WARC record(s) skipped ({reasons}{more})"


RayOption = Annotated[str | None, typer.Option(
    "--ray", metavar="auto|ADDRESS",
    help="Code on a Ray cluster: auto joins the cluster started on this machine (or starts one "
    "for the run), ADDRESS is a running cluster's (HOST:PORT). Needs newsevents[ray]; -j is "
    "then the number of coding actors (default: one per CPU of the cluster).")]


@contextmanager
def ray_cluster(address: str | None) -> Iterator[int | None]:
    """Connected to the Ray cluster for the command, yielding its CPU count (None without
    ``--ray``); a missing ``ray`` extra or an unreachable cluster is one line and exit 2."""
    if address is None:
        yield None
        return
    from newsevents import distributed

    with ExitStack() as stack:
        try:
            cpus = stack.enter_context(distributed.cluster(address))
        except distributed.ClusterError as exc:
            fail(str(exc))
            raise typer.Exit(2) from None
        yield cpus


def parse_date(value: str | None, option: str = "--date") -> dt.date | None:
    """A YYYY-MM-DD option value, or a usage error (exit 2) that names the option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=option) from None


def warn(name: str, message: str) -> None:
    """One line about one input (``name: message``); brackets in either are shown as they are,
    not read as rich markup."""
    err.print(f"[yellow]{escape(name)}[/yellow]: {escape(message)}")


def fail(message: str) -> None:
    """A one-line error about the whole command."""
    err.print(f"[red]{escape(message)}[/red]")


def out_console() -> Console:
    """The console for tables on stdout: the terminal's width, else ``PIPED_WIDTH`` (or
    ``$COLUMNS`` when set)."""
    console = _Console()
    if not console.is_terminal and not os.environ.get("COLUMNS"):
        console.width = PIPED_WIDTH
    return console


@contextmanager
def progress(total: int | None, unit: str) -> Iterator[Callable[[int], None]]:
    """Progress on stderr, shown only on a terminal; yields ``advance(n)``.

    Until the first ``advance`` it says "loading the language model" with a spinner, because
    loading takes 15-20 s and a silent command looks hung; then done/total (``total`` is None
    when it cannot be known cheaply, e.g. for stdin) and the rate in ``unit`` per second.
    """
    started = time.perf_counter()
    display = Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.fields[status]}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} " + unit + "/s"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
        disable=not err.is_terminal,
    )
    done = 0
    with display:
        task = display.add_task("", total=total, status="loading the language model", rate="0.0")

        def advance(n: int) -> None:
            nonlocal done
            done += n
            rate = done / max(time.perf_counter() - started, 1e-9)
            display.update(task, advance=n, status="coding", rate=f"{rate:.1f}")

        yield advance

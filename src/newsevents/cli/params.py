"""Arguments and options that several commands take, spelled and explained once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsevents.cli.options import PATHS_HELP, Format

PathsArg = Annotated[list[str], typer.Argument(help=PATHS_HELP)]
DateOption = Annotated[
    str | None,
    typer.Option("--date", help="Publication date (YYYY-MM-DD) where the input has none."),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Also write records to FILE (.jsonl, or .csv)."),
]
ModelOption = Annotated[bool, typer.Option(
    "--model/--rules", help="Weigh every rule candidate with the trained event model (the "
    "default), or code with the hand rules alone.")]
ProcOption = Annotated[
    int | None, typer.Option("--processes", "-j", help="Worker processes (default: up to 2).")
]
DbOption = Annotated[
    str,
    typer.Option("--db", envvar="NEWSEVENTS_DB",
                 help="sqlite:///FILE or postgresql://USER@HOST/DB."),
]

# The event filters of ``query`` and ``export`` (see ``read_models.EventFilter``).
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

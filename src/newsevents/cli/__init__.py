"""The ``newsevents`` command line: the command group here, the commands in one module per
group (``coding``, ``info``, ``store``, ``export``, ``serve``)."""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

import newsevents
from newsevents.cli import coding, export, info, serve, store


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


# In the order ``newsevents --help`` lists them.
app.command("code")(coding.code)
app.command("deals")(coding.deals)
app.command("evaluate")(coding.evaluate)
app.command("train")(coding.train)
app.command("info")(info.info)
app.command("ingest")(store.ingest_command)
app.command("query")(store.query_command)
app.command("export")(export.export_command)
app.command("aggregate")(export.aggregate_command)
app.command("serve")(serve.serve_command)

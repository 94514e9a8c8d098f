"""``serve``: the REST API and the dashboard over a store."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn

from newsevents.api import CodingLimits, allowed_hosts, create_app
from newsevents.cli.options import err
from newsevents.cli.params import DbOption
from newsevents.store.db import DEFAULT_URL, StoreError


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
    limits = CodingLimits(anonymous_chars=anonymous_chars, seconds=code_seconds, slots=code_slots)
    try:
        app = create_app(db, token, limits=limits, hosts=allowed_hosts(host, allowed_host or ()))
    except StoreError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    if not token:
        err.print("no --token or NEWSEVENTS_TOKEN: POST /api/documents is disabled")
    uvicorn.run(app, host=host, port=port, log_level="info")

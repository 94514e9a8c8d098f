"""What the commands share: the output formats people pick, dates given as options, and the
console for messages (stderr, so that stdout stays clean records)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import typer
from rich.console import Console

err = Console(stderr=True)


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def parse_date(value: str | None, option: str = "--date") -> dt.date | None:
    """A YYYY-MM-DD option value, or a usage error (exit 2) that names the option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=option) from None

"""``info``: the language model in use and its published accuracy."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from newsevents import nlp


class InfoFormat(StrEnum):
    table = "table"
    json = "json"


_ACCURACY_NAMES = {
    "tag_acc": "tagging accuracy",
    "dep_uas": "dependency UAS",
    "dep_las": "dependency LAS",
    "ents_f": "named entities F",
}


def info(
    fmt: Annotated[InfoFormat, typer.Option("--format", "-f", help="Output format.")] = (
        InfoFormat.table),
) -> None:
    """Show the language model in use: package, version, licence, published accuracy."""
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

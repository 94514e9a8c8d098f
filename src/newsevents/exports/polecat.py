"""Events in the columns of POLECAT's public weekly files, for scripts written for POLECAT.

POLECAT (the PLOVER-coded successor of ICEWS) publishes tab-separated files with a fixed set of
columns. We fill those we have an equivalent for and leave the others empty, never guessed:
the mapping, column by column, is in ``docs/formats.md``. One row per event, from coded
results (``code --format polecat``) or from the store (``export --format polecat``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

import newsevents
from newsevents.formats import write_rows
from newsevents.models import QUAD_CLASS, Result

COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors",
    "Actor Title", "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "GeoNames ID", "Raw Placename", "Feature Type",
    "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations",
    "Language", "Version",
]
SEPARATOR = "; "
"""Between the values of several actors (or contexts) in one cell, as POLECAT writes them."""


def event_row(event: Mapping[str, Any], *, publisher: str | None, published: Any,
              language: str | None) -> dict[str, str]:
    """The POLECAT row of one event, given as a JSON-like mapping (a coded event's
    ``model_dump`` or a stored event's summary) and the facts of its article."""
    location = event.get("location") or {}
    row = dict.fromkeys(COLUMNS, "")
    row.update({
        "Event ID": _text(event.get("event_id", event.get("id"))),
        "Event Date": _text(event.get("date")),
        "Event Type": event["event_type"],
        "Event Mode": _text(event.get("mode")),
        "Quad Code": QUAD_CLASS[event["event_type"]].upper(),
        "Contexts": SEPARATOR.join(event.get("context") or ()),
        **_actors("Actor", event.get("source") or []),
        **_actors("Recipient", event.get("target") or []),
        "Placename": _text(location.get("name")),
        "Country": _text(location.get("country")),
        "Latitude": _text(location.get("lat")),
        "Longitude": _text(location.get("lon")),
        "GeoNames ID": _text(location.get("geonameid")),
        "Source": _text(publisher),
        "Publication Date": _text(published),
        "Language": _text(language),
        "Version": f"newsevents {newsevents.__version__}",
    })
    return row


def result_rows(results: Iterable[Result]) -> Iterator[dict[str, str]]:
    """Rows of coded results; documents without events (and their errors) give none."""
    for result in results:
        document = result.document
        for event in result.events:
            yield event_row(event.model_dump(mode="json"), publisher=document.source,
                            published=document.date, language=document.language)


def stored_rows(summaries: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, str]]:
    """Rows of stored events (``ReadStore.iter_events``, dumped), each with the article its evidence
    sentence comes from."""
    for summary in summaries:
        yield event_row(summary, publisher=summary.get("publisher"),
                        published=summary.get("published"), language=summary.get("language"))


def write_tsv(rows: Iterable[Mapping[str, str]], out: TextIO) -> int:
    """POLECAT's file layout: tab-separated, a header line; returns the number of rows."""
    return write_rows(rows, out, COLUMNS, delimiter="\t", lineterminator="\n")


def write_results(results: Iterable[Result], out: TextIO, *, deals_only: bool = False) -> None:
    """The writer ``code --format polecat`` uses (deals have no POLECAT form)."""
    write_tsv(result_rows(results), out)


def _actors(role: str, actors: list[Mapping[str, Any]]) -> dict[str, str]:
    """One side's columns; several actors are joined in the same order in every column."""
    sectors = _joined(a.get("sector") for a in actors)
    return {
        f"{role} Name": _joined(a.get("name") or a.get("igo") for a in actors),
        f"{role} Country": _joined(a.get("country") for a in actors),
        f"Primary {role} Sector": _text(actors[0].get("sector")) if actors else "",
        f"{role} Sectors": sectors,
        f"{role} Name Raw": _joined(a.get("text") for a in actors),
    }


def _joined(values: Iterable[Any]) -> str:
    """Values in actor order; an actor without one keeps its empty place, and a column where no
    actor has one stays empty."""
    texts = [_text(value) for value in values]
    return SEPARATOR.join(texts) if any(texts) else ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)

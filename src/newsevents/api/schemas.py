"""The API's request and response bodies. The records it reads from the store are the typed
read models the command line shares (``store.read_models``), named here too, so that this
module lists every schema the OpenAPI description holds."""

import datetime as dt
from typing import Any

from pydantic import Field, ValidationInfo, field_validator

from newsevents.models import ArmsTransfer, Document, Event
from newsevents.store.read_models import (
    ActorCount,
    CountryCount,
    Deal,
    DealFilter,
    DealPage,
    DealReport,
    EventDetail,
    EventFilter,
    EventPage,
    EventScope,
    EventSummary,
    NetworkEdge,
    Out,
    PlaceCount,
    Report,
    TimelinePoint,
)

__all__ = [
    "ActorCount", "CodeRequest", "Coded", "CountryCount", "Deal", "DealFilter", "DealPage",
    "DealReport", "DocumentError", "DocumentsRequest", "DocumentsStored", "EventDetail",
    "EventFilter", "EventPage", "EventScope", "EventSummary", "NetworkEdge", "PlaceCount",
    "Report", "TimelinePoint", "TypeInfo", "text_problem",
]


def text_problem(value: object, where: str = "") -> str | None:
    """Why a JSON value holds something that is not text, or None.

    JSON can spell a lone UTF-16 surrogate ("\\ud800"), which no UTF-8 encoder or database
    accepts, and a NUL character, which PostgreSQL cannot store; a file with either is refused
    as not text by the readers, and the API refuses it the same way.
    """
    if isinstance(value, str):
        for index, char in enumerate(value):
            if char == "\x00" or "\ud800" <= char <= "\udfff":
                kind = "a NUL character" if char == "\x00" else "a lone surrogate"
                return (f"{where or 'the value'} holds {kind} (U+{ord(char):04X}) at character "
                        f"{index}, which is not text")
    elif isinstance(value, dict):
        for key, item in value.items():
            problem = text_problem(key, where or "a key") or text_problem(
                item, f"{where}.{key}" if where else str(key))
            if problem:
                return problem
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if problem := text_problem(item, f"{where}[{index}]"):
                return problem
    return None


class CodeRequest(Out):
    text: str = Field(min_length=1)
    title: str | None = None
    date: dt.date | None = None

    @field_validator("text", "title")
    @classmethod
    def is_text(cls, value: str | None, info: ValidationInfo) -> str | None:
        if problem := text_problem(value, info.field_name or ""):
            raise ValueError(problem)
        return value


class Coded(Out):
    document: Document
    events: list[Event]
    arms_transfers: list[ArmsTransfer]


class DocumentsRequest(Out):
    articles: list[dict[str, Any]] = Field(
        min_length=1,
        description='JSONL article objects: {"id", "text" or "html", "title"?, "url"?, '
        '"date"?, "source"?}.')


class DocumentError(Out):
    doc_id: str
    message: str


class DocumentsStored(Out):
    stored: int
    duplicates: int
    errors: list[DocumentError]


class TypeInfo(Out):
    event_type: str
    quad_class: str = Field(description="Verbal or material, cooperation or conflict.")
    cooperative: bool = Field(description="In PLOVER's cooperative half; else conflict.")
    colour: str = Field(description="The colour the dashboard draws the type in (#rrggbb).")

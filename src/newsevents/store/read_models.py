"""What reading the store returns, typed: the filters a reader takes and the records it gives.

The command line's read commands and the REST API share these models, so a field means the
same thing in ``newsevents query --format jsonl`` and in ``GET /api/events``, and the API's
OpenAPI description is written from them. The filters are the API's query-parameter models as
well: their constraints are checked once, for every caller.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from newsevents.cameo import cameo_code
from newsevents.models import Actor, Attribution, EventType, Location, WeaponSystem

# --------------------------------------------------------------------------- filters

COUNTRY_PATTERN = r"^[A-Za-z][A-Za-z0-9_-]{1,15}$"
COUNTRY_HELP = "ISO3 country code or IGO short name."
CountryCode = Annotated[str | None, Field(pattern=COUNTRY_PATTERN, description=COUNTRY_HELP)]
Day = Annotated[dt.date | None, Field(description="YYYY-MM-DD, inclusive.")]
TypeName = Annotated[EventType | None, Field(alias="type", description="PLOVER event type.")]


class _Filter(BaseModel):
    """Frozen, so that a filter is a key of the aggregate cache; filled by field name in code
    and by the parameter names (``type``) in a URL."""

    model_config = ConfigDict(frozen=True, validate_by_name=True, validate_by_alias=True)


class EventScope(_Filter):
    """What the aggregates (timeline, network, places) are narrowed by."""

    country: CountryCode = None
    event_type: TypeName = None
    start: Day = None
    end: Day = None

    def as_filter(self) -> EventFilter:
        return EventFilter(**self.model_dump())


class EventFilter(_Filter):
    """The event search. ``country`` matches an actor or the event's location;
    ``actor_country`` only actors."""

    country: CountryCode = None
    actor_country: CountryCode = None
    event_type: TypeName = None
    mode: Annotated[str | None, Field(max_length=64)] = None
    start: Day = None
    end: Day = None
    place: Annotated[str | None, Field(max_length=200)] = None
    min_sources: Annotated[int, Field(ge=1, le=100_000)] = 1
    q: Annotated[str | None, Field(max_length=200, description="Words in a report.")] = None


class DealFilter(_Filter):
    """``country`` matches the supplier or the recipient."""

    country: CountryCode = None
    supplier: CountryCode = None
    recipient: CountryCode = None
    status: Annotated[str | None, Field(max_length=16)] = None


# --------------------------------------------------------------------------- records


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EventSummary(Out):
    id: int
    event_type: str
    mode: str | None
    date: dt.date | None
    source: list[Actor]
    target: list[Actor]
    location: Location | None
    n_reports: int = Field(description="Factual reports merged into this event.")
    n_sources: int = Field(
        description="Independent sources: distinct outlets, or distinct documents when the "
        "outlet is unknown, after collapsing near-duplicate (syndicated) articles.")
    trigger: str
    sentence: str = Field(description="Evidence sentence of the event's first report.")


def _keys(actors: list[Actor]) -> str:
    return ";".join(sorted({a.country or a.igo for a in actors if a.country or a.igo}))


def _sectors(actors: list[Actor]) -> str:
    return "; ".join(a.sector or "" for a in actors)


class EventRow(EventSummary):
    """An event with the document its evidence sentence comes from (the earliest report with
    that sentence), so that an exported row leads back to an article."""

    doc_id: str | None
    url: str | None
    publisher: str | None = Field(description="Outlet that published the document.")
    published: dt.date | None = Field(description="Publication date of the document.")
    language: str | None

    def flat(self) -> dict[str, object]:
        """One export row: actor lists become ';'-joined country/IGO codes, and their texts
        and sectors '; '-joined actor by actor."""
        location = self.location
        return {
            "id": self.id, "event_type": self.event_type, "mode": self.mode,
            "cameo": cameo_code(self.event_type, self.mode), "date": self.date,
            "source": _keys(self.source), "source_sector": _sectors(self.source),
            "target": _keys(self.target), "target_sector": _sectors(self.target),
            "source_text": "; ".join(a.text for a in self.source),
            "target_text": "; ".join(a.text for a in self.target),
            "place": location.name if location else None,
            "place_country": location.country if location else None,
            "lat": location.lat if location else None, "lon": location.lon if location else None,
            "n_reports": self.n_reports, "n_sources": self.n_sources,
            "trigger": self.trigger, "sentence": self.sentence,
            "doc_id": self.doc_id, "url": self.url,
        }


class ExportedEvent(EventRow):
    """An event as ``export`` writes it: with its CAMEO code, for comparison with CAMEO-coded
    data."""

    cameo: str | None = Field(
        description="The CAMEO code of the event's type and mode, null when they fit several.")


class EventPage(Out):
    total: int
    limit: int
    offset: int
    items: list[EventSummary]


class Report(Out):
    doc_id: str
    title: str | None
    url: str | None
    source: str | None = Field(description="Outlet that published the article.")
    date: dt.date | None = Field(description="Publication date of the article.")
    sentence: str
    start: int
    end: int
    trigger: str
    source_actors: list[Actor]
    target_actors: list[Actor]
    attribution: Attribution | None
    negated: bool
    hypothetical: bool
    generic: bool = Field(description="A habit told in general, not one act.")


class EventDetail(EventSummary):
    reports: list[Report] = Field(
        description="Factual reports, plus negated, hypothetical or generic ones that match "
        "the event (shown, never counted).")


class TimelinePoint(Out):
    period: dt.date
    event_type: str
    count: int


class NetworkEdge(Out):
    source: str
    target: str
    count: int
    cooperation: int
    conflict: int


class PlaceCount(Out):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    count: int


class CountryCount(Out):
    country: str
    as_source: int
    as_target: int
    events: int


class ActorCount(Out):
    text: str
    name: str | None
    country: str | None
    sector: str | None
    igo: str | None
    events: int


class DealReport(Out):
    date: dt.date | None
    status: str
    doc_id: str
    sentence: str
    url: str | None
    variant: str | None = None
    denier: str | None = None
    replaces: int | None = Field(None, description="Id of the deal this report says it replaces.")


class Deal(Out):
    id: int
    supplier: str | None
    recipient: str | None
    system: WeaponSystem
    variant: str | None = Field(None, description="The model as reported, e.g. Leopard 2A6.")
    quantity: int | None
    value: float | None
    currency: str | None
    status: str = Field(description="Status in the latest report.")
    denier: str | None = Field(None, description="Who denied the deal, when status is denied.")
    replaces: list[int] = Field(default_factory=list,
                                description="Ids of the cancelled deals this one replaces.")
    history: list[DealReport]
    n_reports: int

    def flat(self) -> dict[str, object]:
        """One export row: the system's name (or the words that named it) and the dates of the
        first and the latest report."""
        return {
            "id": self.id, "supplier": self.supplier, "recipient": self.recipient,
            "system": self.system.name or self.system.mention, "variant": self.variant,
            "category": self.system.category,
            "quantity": self.quantity, "value": self.value, "currency": self.currency,
            "status": self.status, "denier": self.denier,
            "replaces": ";".join(str(i) for i in self.replaces), "n_reports": self.n_reports,
            "first_reported": self.history[0].date if self.history else None,
            "last_reported": self.history[-1].date if self.history else None,
        }


class DealPage(Out):
    total: int
    limit: int
    offset: int
    items: list[Deal]

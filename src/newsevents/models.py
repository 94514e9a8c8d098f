"""Typed records: the contract between pipeline stages, the store, the API and the exports.

Field names follow ``design/schema.md`` (schema_version 1). Fields may be added; renaming one
needs a schema_version bump, because evaluation scripts and other tools read these names.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

Realis = Literal["asserted", "negated", "hypothetical", "generic"]

EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]


class PloverType(NamedTuple):
    """A PLOVER event type: its quad class (as POLECAT assigns them: GDELT's QuadClass 1-4),
    and the colour charts draw it in (blues and greens for cooperation; for conflict, yellow
    to dark red, verbal before material)."""

    name: str
    quad_class: str
    colour: str

    @property
    def cooperative(self) -> bool:
        """In PLOVER's cooperative half (verbal or material cooperation); else conflict."""
        return self.quad_class.endswith("cooperation")


PLOVER_TYPES: tuple[PloverType, ...] = (
    PloverType("AGREE", "verbal cooperation", colour="#174f86"),
    PloverType("CONSULT", "verbal cooperation", colour="#2b6cb0"),
    PloverType("SUPPORT", "verbal cooperation", colour="#4a8fd4"),
    PloverType("CONCEDE", "verbal cooperation", colour="#86b7e8"),
    PloverType("COOPERATE", "material cooperation", colour="#1f8a7a"),
    PloverType("AID", "material cooperation", colour="#45b3a1"),
    PloverType("RETREAT", "material cooperation", colour="#9bd6cb"),
    PloverType("REQUEST", "verbal conflict", colour="#f3d27a"),
    PloverType("ACCUSE", "verbal conflict", colour="#f0b44f"),
    PloverType("REJECT", "verbal conflict", colour="#eb953a"),
    PloverType("THREATEN", "verbal conflict", colour="#e0762c"),
    PloverType("PROTEST", "material conflict", colour="#d4592b"),
    PloverType("SANCTION", "material conflict", colour="#bd3f2d"),
    PloverType("MOBILIZE", "material conflict", colour="#9e2d31"),
    PloverType("COERCE", "material conflict", colour="#7e2135"),
    PloverType("ASSAULT", "material conflict", colour="#531327"),
)
"""The types in ``EventType``'s order."""
EVENT_TYPES: tuple[str, ...] = tuple(t.name for t in PLOVER_TYPES)
COOPERATIVE_TYPES = frozenset(t.name for t in PLOVER_TYPES if t.cooperative)
QUAD_CLASS: dict[str, str] = {t.name: t.quad_class for t in PLOVER_TYPES}

# The stages of a deal in the order a deal goes through them, then its troubles; "denied"
# (a party says there is no such deal) overrides every claim of a live deal, and only a
# cancellation overrides it (see docs/arms.md).
DealStatus = Literal[
    "proposed",
    "negotiating",
    "approved",
    "ordered",
    "delivering",
    "delivered",
    "at_risk",
    "suspended",
    "denied",
    "cancelled",
]
DEAL_STATUSES: tuple[str, ...] = DealStatus.__args__  # type: ignore[attr-defined]


class Record(BaseModel):
    """Base for every model: unknown fields are refused so a typo cannot pass silently."""

    model_config = ConfigDict(extra="forbid")


class Article(Record):
    """One input article as read by ``ingest``, before any language processing."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    date: dt.date | None = None
    source: str | None = None
    dropped_lines: list[str] = Field(default_factory=list)


class InputError(Record):
    """An input that could not become an Article (bad line, unreadable file): kept, not lost."""

    doc_id: str
    message: str


class Actor(Record):
    """A resolved participant: ISO3 country + sector, or an IGO. Unknown stays None."""

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    igo: str | None = None


class Speaker(Record):
    text: str
    country: str | None = None
    sector: str | None = None


class Attribution(Record):
    """Who asserts the event when the article only reports someone's words."""

    speaker: Speaker
    cue: str


class Location(Record):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


class Evidence(Record):
    """A sentence and its character offsets in the document text (``text[start:end]``)."""

    sentence: str
    start: int
    end: int


class Event(Record):
    record: Literal["event"] = "event"
    schema_version: int = SCHEMA_VERSION
    event_id: str
    doc_id: str
    sentence_index: int
    event_type: EventType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    source: list[Actor] = Field(default_factory=list)
    target: list[Actor] = Field(default_factory=list)
    date: dt.date | None = None
    date_text: str | None = None
    location: Location | None = None
    trigger: str
    evidence: Evidence
    attribution: Attribution | None = None
    negated: bool = False
    hypothetical: bool = False
    # A habit or a general statement ("troops often patrol the border"), not one act.
    generic: bool = False
    confidence: float = 0.5

    @property
    def realis(self) -> Realis:
        """The annotation guidelines' realis: a denial outranks a possibility, and both a
        habit; only an asserted event claims that something happened."""
        if self.negated:
            return "negated"
        if self.hypothetical:
            return "hypothetical"
        return "generic" if self.generic else "asserted"

    @property
    def factual(self) -> bool:
        return self.realis == "asserted"


class Party(Record):
    country: str | None = None


class WeaponSystem(Record):
    """A catalogue system (``name`` set) or an unnamed system of a known category."""

    name: str | None = None
    mention: str
    category: str | None = None
    origin: str | None = None
    manufacturer: str | None = None


class ArmsTransfer(Record):
    record: Literal["arms_transfer"] = "arms_transfer"
    schema_version: int = SCHEMA_VERSION
    deal_id: str
    doc_id: str
    supplier: Party
    recipient: Party
    system: WeaponSystem
    # The model as written when it is more specific than the catalogue system ("Leopard 2A6"
    # of "Leopard 2"); ``system`` stays the base, so deals group by it.
    variant: str | None = None
    quantity: int | None = None
    quantity_text: str | None = None
    value: float | None = None
    value_text: str | None = None
    currency: str | None = None
    status: DealStatus
    # Who said the deal does not exist, on a "denied" deal.
    denier: Party | None = None
    # The ``deal_id`` of the deal this one replaces; that deal is "cancelled".
    replaces: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    attribution: Attribution | None = None
    event_ids: list[str] = Field(default_factory=list)


class Document(Record):
    record: Literal["document"] = "document"
    schema_version: int = SCHEMA_VERSION
    doc_id: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    n_sentences: int = 0
    dropped_lines: list[str] = Field(default_factory=list)
    error: str | None = None


class Result(Record):
    """Everything coded from one article: its document record, events and deals."""

    document: Document
    text: str = Field(default="", exclude=True)
    events: list[Event] = Field(default_factory=list)
    arms_transfers: list[ArmsTransfer] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.document.error is None

    def records(self) -> list[Document | Event | ArmsTransfer]:
        """Records in output order: the document first, then its events, then its deals."""
        return [self.document, *self.events, *self.arms_transfers]

"""The report-to-event merging rule, as pure functions (the store fetches the candidates).

A factual report joins a stored event of the same PLOVER type when their dates are within the
type's window, their actors are compatible and their places do not contradict each other; among
several such events the closest one wins. docs/merging.md explains and measures the rule.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsevents.models import Actor, Event, Location


@dataclass(frozen=True)
class Rules:
    date_window_days: dict[str, int]
    symmetric_types: frozenset[str]
    max_place_km: float


@dataclass(frozen=True)
class Place:
    country: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Mention:
    """What the rule looks at, for a new report as for a stored event."""

    event_type: str
    date: dt.date | None
    sources: frozenset[str]
    targets: frozenset[str]
    place: Place | None


@dataclass(frozen=True)
class Candidate:
    id: int
    mention: Mention


@cache
def settings() -> dict:
    """Merge and near-duplicate parameters live in a data file so they can be tuned and cited."""
    path = resources.files("newsevents") / "data" / "store" / "merge.json"
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def rules() -> Rules:
    raw = settings()
    return Rules(
        date_window_days=dict(raw["date_window_days"]),
        symmetric_types=frozenset(raw["symmetric_types"]),
        max_place_km=float(raw["max_place_km"]),
    )


def actor_key(actor: Actor) -> str:
    """Actors are compared by country or IGO: names vary between outlets, states do not."""
    return actor.country or actor.igo or ""


def actor_keys(actors: Sequence[Actor]) -> frozenset[str]:
    return frozenset(key for key in map(actor_key, actors) if key)


def place_of(location: Location | None) -> Place | None:
    if location is None:
        return None
    return Place(location.country, location.lat, location.lon)


def mention_of(event: Event, fallback_date: dt.date | None) -> Mention:
    """A report's date is its own event date, else its article's date."""
    return Mention(
        event_type=event.event_type,
        date=event.date or fallback_date,
        sources=actor_keys(event.source),
        targets=actor_keys(event.target),
        place=place_of(event.location),
    )


def date_window(event_type: str) -> int:
    return rules().date_window_days.get(event_type, 1)


def mergeable(mention: Mention) -> bool:
    """Without a date or any known actor, nothing tells two reports apart: keep them separate."""
    return mention.date is not None and bool(mention.sources or mention.targets)


def _side(a: frozenset[str], b: frozenset[str]) -> bool | None:
    """None when one side is unknown, else whether the two sides share an actor."""
    if not a or not b:
        return None
    return bool(a & b)


def actors_compatible(a: Mention, b: Mention) -> bool:
    if a.event_type in rules().symmetric_types:
        # "A met B" and "B met A" are one meeting: compare the participants, not the roles.
        pa, pb = a.sources | a.targets, b.sources | b.targets
        need = min(2, len(pa), len(pb))
        return need > 0 and len(pa & pb) >= need
    sources, targets = _side(a.sources, b.sources), _side(a.targets, b.targets)
    if sources is False or targets is False:
        return False
    return bool(sources or targets)


def distance_km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """An unknown place never blocks a merge; two known places must be near or in one country."""
    if a is None or b is None:
        return True
    km = distance_km(a, b)
    if km is not None:
        return km <= rules().max_place_km
    return a.country is None or b.country is None or a.country == b.country


def dates_compatible(a: Mention, b: Mention) -> bool:
    if a.date is None or b.date is None:
        return False
    return abs((a.date - b.date).days) <= date_window(a.event_type)


def can_merge(a: Mention, b: Mention) -> bool:
    return (
        a.event_type == b.event_type
        and mergeable(a)
        and mergeable(b)
        and dates_compatible(a, b)
        and actors_compatible(a, b)
        and places_compatible(a.place, b.place)
    )


def closeness(a: Mention, b: Mention) -> float:
    """Shared actors weigh most, then the date gap: picks among several compatible events."""
    shared = len((a.sources & b.sources) | (a.targets & b.targets))
    gap = abs((a.date - b.date).days) if a.date and b.date else 0
    return 2.0 * shared - gap


def best_match(mention: Mention, candidates: Iterable[Candidate]) -> int | None:
    """The id of the closest compatible event, the oldest on ties; None to start a new event."""
    best: tuple[float, int] | None = None
    for candidate in candidates:
        if not can_merge(mention, candidate.mention):
            continue
        key = (closeness(mention, candidate.mention), -candidate.id)
        if best is None or key > best:
            best = key
    return None if best is None else -best[1]

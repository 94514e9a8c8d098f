"""Counts over the stored events, for the dashboard's overview: timeline, network, places,
countries and actors. Each is cached until the store changes (see ``Api.cached``)."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from newsevents.api.state import ApiState, Reader
from newsevents.store.read_models import (
    COUNTRY_HELP,
    COUNTRY_PATTERN,
    ActorCount,
    CountryCount,
    EventScope,
    NetworkEdge,
    PlaceCount,
    TimelinePoint,
)

router = APIRouter(tags=["aggregates"])
Scope = Annotated[EventScope, Query()]


@router.get("/api/timeline", response_model=list[TimelinePoint])
def get_timeline(
    api: ApiState, reader: Reader, scope: Scope,
    interval: Literal["day", "week", "month"] = "day",
) -> list[TimelinePoint]:
    """Event counts per period (its first day) and type."""
    return api.timeline(reader, scope.as_filter(), interval)


@router.get("/api/network", response_model=list[NetworkEdge])
def get_network(
    api: ApiState, reader: Reader, scope: Scope,
    min_count: Annotated[int, Query(ge=1, le=1_000_000_000)] = 1,
) -> list[NetworkEdge]:
    """Source -> target pairs with event counts, split into cooperation and conflict."""
    return api.network(reader, scope.as_filter(), min_count)


@router.get("/api/places", response_model=list[PlaceCount])
def get_places(api: ApiState, reader: Reader, scope: Scope) -> list[PlaceCount]:
    return api.places(reader, scope.as_filter())


@router.get("/api/countries", response_model=list[CountryCount])
def get_countries(api: ApiState, reader: Reader) -> list[CountryCount]:
    return api.countries(reader)


@router.get("/api/actors", response_model=list[ActorCount])
def get_actors(
    api: ApiState, reader: Reader,
    country: Annotated[str | None, Query(pattern=COUNTRY_PATTERN,
                                         description=COUNTRY_HELP)] = None,
) -> list[ActorCount]:
    key = ("actors", country.upper() if country else None)
    return api.cached(reader, key, lambda: reader.actor_list(country))

"""``/api/events``: the event search and one event with its reports."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from newsevents.api.state import Reader
from newsevents.store.read_models import EventDetail, EventFilter, EventPage

MAX_ID = 2**31 - 1  # INTEGER keys: larger numbers cannot name a stored row

router = APIRouter(tags=["events"])


@router.get("/api/events", response_model=EventPage)
def list_events(
    reader: Reader, flt: Annotated[EventFilter, Query()],
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> EventPage:
    """Events newest first. `country` matches an actor or the location, `actor_country`
    only an actor."""
    return reader.event_page(flt, limit, offset)


@router.get("/api/events/{event_id}", response_model=EventDetail,
            responses={404: {"description": "No such event"}})
def get_event(reader: Reader, event_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> EventDetail:
    detail = reader.event_detail(event_id)
    if detail is None:
        raise HTTPException(404, f"no event {event_id}")
    return detail

"""``/api/types``: the PLOVER event types, their half of the ontology and their colours, so
that the dashboard keeps no copy of them."""

from fastapi import APIRouter

from newsevents.api.schemas import TypeInfo
from newsevents.models import PLOVER_TYPES

router = APIRouter(tags=["events"])

_TYPES = [TypeInfo(event_type=t.name, quad_class=t.quad_class, cooperative=t.cooperative,
                   colour=t.colour) for t in PLOVER_TYPES]


@router.get("/api/types", response_model=list[TypeInfo])
def list_types() -> list[TypeInfo]:
    """The event types in PLOVER's order: the cooperative half, then conflict."""
    return _TYPES

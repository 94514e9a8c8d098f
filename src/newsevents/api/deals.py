"""``/api/deals``: arms deals merged across articles."""

from typing import Annotated

from fastapi import APIRouter, Query

from newsevents.api.state import Reader
from newsevents.store.read_models import DealFilter, DealPage

router = APIRouter(tags=["deals"])


@router.get("/api/deals", response_model=DealPage)
def get_deals(
    reader: Reader, flt: Annotated[DealFilter, Query()],
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> DealPage:
    """Arms deals merged across articles, with their status history."""
    return reader.deal_page(flt, limit, offset)

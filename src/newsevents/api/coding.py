"""``POST /api/code``: code one text without storing it."""

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool

from newsevents.api.schemas import Coded, CodeRequest
from newsevents.api.state import ApiState, Credentials

router = APIRouter(tags=["coding"])


@router.post("/api/code", response_model=Coded,
             responses={403: {"description": "Wrong token"},
                        413: {"description": "Body or text too large"},
                        422: {"description": "Text that cannot be coded"},
                        429: {"description": "All anonymous coding slots are busy"},
                        503: {"description": "Coding took longer than the time budget"}})
async def code_text(api: ApiState, body: CodeRequest, credentials: Credentials) -> dict:
    """Code one text without storing it. Without the token the text is limited in length
    and coding in time, and a busy server answers 429 with Retry-After."""
    if api.holds_token(credentials):
        result = await run_in_threadpool(api.code, body, with_token=True)
    else:
        result = await api.code_anonymously(body)
    if result.document.error:
        raise HTTPException(422, result.document.error)
    return result.model_dump()

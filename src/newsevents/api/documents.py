"""``POST /api/documents``: code and store articles (with the server's token)."""

import io
import json
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter

from newsevents import ingest
from newsevents.api.schemas import DocumentError, DocumentsRequest, DocumentsStored, text_problem
from newsevents.api.state import ApiState, Credentials
from newsevents.models import Article, InputError
from newsevents.service import store_stream
from newsevents.store.writer import IngestStats

router = APIRouter(tags=["coding"])


def _articles(objects: list[dict[str, Any]]) -> Iterator[Article | InputError]:
    """The objects go through the same reader as JSONL files, so validation is identical; an
    object holding something that is not text is refused on its own, as a JSONL line that is
    not UTF-8 would be."""
    readable: list[dict[str, Any]] = []
    for number, obj in enumerate(objects, 1):
        problem = text_problem(obj)
        if problem is None:
            readable.append(obj)
            continue
        named = obj.get("id")
        doc_id = str(named) if isinstance(named, str | int) and not text_problem(named) else (
            f"{ingest.STDIN_ID}:{number}")
        yield InputError(doc_id=doc_id, message=f"article {number}: {problem}")
    if readable:
        lines = "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in readable)
        yield from ingest.read_paths(["-"], stdin=io.StringIO(lines))


@router.post("/api/documents", response_model=DocumentsStored,
             responses={401: {"description": "No bearer token"},
                        403: {"description": "Wrong token, or writes disabled"},
                        413: {"description": "Body too large"}})
def add_documents(api: ApiState, body: DocumentsRequest,
                  credentials: Credentials) -> DocumentsStored:
    """Code and store articles; already stored ones count as duplicates."""
    api.authorise(credentials)
    total = IngestStats()
    with api.gate.turn(with_token=True):
        for stats in store_stream(api.store, _articles(body.articles)):
            total.add(stats)
    if total.stored:
        api.warm_up_in_background()
    return DocumentsStored(
        stored=total.stored, duplicates=total.duplicates,
        errors=[DocumentError(doc_id=d, message=m) for d, m in total.errors])

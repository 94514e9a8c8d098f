"""The app factory: the routers, the guards and the dashboard over one store."""

import json
from collections.abc import AsyncIterator, Collection
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware

from newsevents import web
from newsevents.api import aggregates, coding, deals, documents, events, types
from newsevents.api.guards import MAX_BODY_BYTES, BodyLimit, HostCheck, JsonErrors, NoSniff
from newsevents.api.state import Api, CodingLimits
from newsevents.store.db import connect


async def _invalid_request(_request: Request, exc: Exception) -> Response:
    """FastAPI's 422, with the JSON kept to ASCII: the refused input it quotes may hold a lone
    surrogate, which cannot be written as UTF-8 and would turn the answer into a 500."""
    assert isinstance(exc, RequestValidationError)
    detail = jsonable_encoder({"detail": exc.errors()})
    return Response(json.dumps(detail), status_code=422, media_type="application/json")


def create_app(db_url: str, token: str | None = None, *,
               limits: CodingLimits | None = None,
               hosts: Collection[str] | None = None) -> FastAPI:
    """The API over the store at ``db_url``; ``token`` enables ``POST /api/documents`` and
    lifts the anonymous ``limits`` of ``POST /api/code``; with ``hosts`` (see
    ``allowed_hosts``) requests naming another Host are refused."""
    store = connect(db_url)
    api = Api(store, token or None, limits or CodingLimits())

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        api.warm_up_in_background()
        yield
        api.stop()
        store.close()

    app = FastAPI(
        title="newsevents",
        summary="Sourced PLOVER political events and arms-transfer records from news articles.",
        version="1",
        lifespan=lifespan,
        # The interactive docs pages load their scripts from a CDN, which an offline server
        # cannot reach and the dashboard's CSP forbids; /openapi.json stays.
        docs_url=None,
        redoc_url=None,
    )
    app.state.api = api
    app.add_exception_handler(RequestValidationError, _invalid_request)
    for module in (events, aggregates, deals, types, coding, documents):
        app.include_router(module.router)
    web.mount(app)
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)
    # Aggregates and the dashboard's scripts shrink four- to ten-fold; level 6 costs a fraction
    # of the default 9's time for nearly the same size.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    app.add_middleware(JsonErrors)
    if hosts is not None:
        app.add_middleware(HostCheck, hosts=hosts)
    app.add_middleware(NoSniff)  # outermost: refusals carry it too
    return app

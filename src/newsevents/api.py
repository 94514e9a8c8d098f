"""The REST API over the event store (FastAPI), plus the dashboard when it is installed.

Reads are open; ``POST /api/documents`` writes and needs the server's bearer token, and with no
token configured writes are off altogether, so a server started for browsing cannot be filled
by anyone who can reach it. Request bodies are capped before any parsing happens.
"""

import datetime as dt
import hmac
import io
import json
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import Depends, FastAPI, HTTPException, Path, Query
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsevents.models import (
    Actor,
    ArmsTransfer,
    Attribution,
    Document,
    Event,
    EventType,
    Location,
    WeaponSystem,
)
from newsevents.store import queries
from newsevents.store.cache import AggregateCache
from newsevents.store.db import Store, connect
from newsevents.store.writer import IngestStats

MAX_BODY_BYTES = 2 * 1024 * 1024
MAX_ID = 2**31 - 1  # INTEGER keys: larger numbers cannot name a stored row

# --------------------------------------------------------------------------- response models


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


class EventDetail(EventSummary):
    reports: list[Report] = Field(
        description="Factual reports, plus negated or hypothetical ones that match the event "
        "(shown, never counted).")


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


class Deal(Out):
    id: int
    supplier: str | None
    recipient: str | None
    system: WeaponSystem
    quantity: int | None
    value: float | None
    currency: str | None
    status: str = Field(description="Status in the latest report.")
    history: list[DealReport]
    n_reports: int


class DealPage(Out):
    total: int
    limit: int
    offset: int
    items: list[Deal]


class CodeRequest(Out):
    text: str = Field(min_length=1)
    title: str | None = None
    date: dt.date | None = None


class Coded(Out):
    document: Document
    events: list[Event]
    arms_transfers: list[ArmsTransfer]


class DocumentsRequest(Out):
    articles: list[dict[str, Any]] = Field(
        min_length=1,
        description='JSONL article objects: {"id", "text" or "html", "title"?, "url"?, '
        '"date"?, "source"?}.')


class DocumentError(Out):
    doc_id: str
    message: str


class DocumentsStored(Out):
    stored: int
    duplicates: int
    errors: list[DocumentError]


# --------------------------------------------------------------------------- body limit


class BodyLimit:
    """Reads the whole body first (it is small by construction) and answers 413 beyond the cap,
    whether or not the client declared a Content-Length."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large(send)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body.extend(message.get("body", b""))
            more = message.get("more_body", False)
            if len(body) > self.max_bytes:
                await self._too_large(send)
                return
        await self.app(scope, _replay(bytes(body), receive), send)

    async def _too_large(self, send: Send) -> None:
        payload = json.dumps(
            {"detail": f"request body larger than {self.max_bytes} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(payload)).encode())]})
        await send({"type": "http.response.body", "body": payload})


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


# --------------------------------------------------------------------------- app

Country = Annotated[str | None, Query(
    pattern=r"^[A-Za-z][A-Za-z0-9_-]{1,15}$",
    description="ISO3 country code or IGO short name.")]
Day = Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive.")]
TypeParam = Annotated[EventType | None, Query(alias="type", description="PLOVER event type.")]

_bearer = HTTPBearer(auto_error=False, description="The token given to `newsevents serve`.")


class Api:
    """State shared by the endpoints: the store, the write token, one coder at a time, and
    aggregates cached until the store changes."""

    def __init__(self, store: Store, token: str | None) -> None:
        self.store = store
        self.token = token
        self.coding = threading.Lock()
        self.aggregates = AggregateCache()
        self.stopping = threading.Event()
        self.warming: list[threading.Thread] = []

    def connection(self) -> Iterator[sa.Connection]:
        with self.store.engine.connect() as conn:
            yield conn

    def timeline(self, conn: sa.Connection, flt: queries.EventFilter,
                 interval: str) -> list[dict]:
        return self.aggregates.get(conn, ("timeline", flt, interval),
                                   lambda: queries.timeline(conn, flt, interval))

    def network(self, conn: sa.Connection, flt: queries.EventFilter,
                min_count: int) -> list[dict]:
        return self.aggregates.get(conn, ("network", flt, min_count),
                                   lambda: queries.network(conn, flt, min_count))

    def places(self, conn: sa.Connection, flt: queries.EventFilter) -> list[dict]:
        return self.aggregates.get(conn, ("places", flt), lambda: queries.places(conn, flt))

    def countries(self, conn: sa.Connection) -> list[dict]:
        return self.aggregates.get(conn, ("countries",), lambda: queries.countries(conn))

    def warm_up(self) -> None:
        """Compute what the dashboard asks for first (the unfiltered overview, month by month,
        and the country list), so the first visitor after a start or a write through the API
        is answered from the cache instead of waiting for full scans of the store.

        Stops between aggregates once the server is shutting down. A store that cannot be
        read is left for the requests to report.
        """
        unfiltered = _event_filter(None, None, None, None, None, None, None, 1, None)
        steps: list[Callable[[sa.Connection], object]] = [
            lambda conn: self.timeline(conn, unfiltered, "month"),
            lambda conn: self.places(conn, unfiltered),
            lambda conn: self.network(conn, unfiltered, 1),
            self.countries,
        ]
        try:
            with self.store.engine.connect() as conn:
                for step in steps:
                    if self.stopping.is_set():
                        return
                    step(conn)
                    conn.rollback()  # end the read transaction: a later step sees later writes
        except sa.exc.SQLAlchemyError:
            return

    def warm_up_in_background(self) -> None:
        thread = threading.Thread(target=self.warm_up, name="newsevents-warm-up", daemon=True)
        self.warming = [t for t in self.warming if t.is_alive()] + [thread]
        thread.start()

    def stop(self) -> None:
        """Wait for warm-ups to finish their current aggregate before the store is closed."""
        self.stopping.set()
        for thread in self.warming:
            thread.join()

    def authorise(self, credentials: HTTPAuthorizationCredentials | None) -> None:
        if not self.token:
            raise HTTPException(403, "writes are disabled: the server was started without a token")
        if credentials is None:
            raise HTTPException(401, "missing bearer token",
                                headers={"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(credentials.credentials.encode(), self.token.encode()):
            raise HTTPException(403, "invalid token")


def _event_filter(country: str | None, actor_country: str | None, event_type: str | None,
                  mode: str | None, start: dt.date | None, end: dt.date | None,
                  place: str | None, min_sources: int, q: str | None) -> queries.EventFilter:
    return queries.EventFilter(country=country, actor_country=actor_country,
                               event_type=event_type, mode=mode, start=start, end=end,
                               place=place, min_sources=min_sources, q=q)


def _add_read_routes(app: FastAPI, api: Api) -> None:
    Conn = Annotated[sa.Connection, Depends(api.connection)]

    @app.get("/api/events", response_model=EventPage, tags=["events"])
    def list_events(
        conn: Conn, country: Country = None, actor_country: Country = None,
        event_type: TypeParam = None, mode: Annotated[str | None, Query(max_length=64)] = None,
        start: Day = None, end: Day = None,
        place: Annotated[str | None, Query(max_length=200)] = None,
        min_sources: Annotated[int, Query(ge=1, le=100_000)] = 1,
        q: Annotated[str | None, Query(max_length=200, description="Words in a report.")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict:
        """Events newest first. `country` matches an actor or the location, `actor_country`
        only an actor."""
        flt = _event_filter(country, actor_country, event_type, mode, start, end, place,
                            min_sources, q)
        return queries.event_page(conn, flt, limit, offset)

    @app.get("/api/events/{event_id}", response_model=EventDetail, tags=["events"],
             responses={404: {"description": "No such event"}})
    def get_event(conn: Conn, event_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> dict:
        detail = queries.event_detail(conn, event_id)
        if detail is None:
            raise HTTPException(404, f"no event {event_id}")
        return detail

    @app.get("/api/timeline", response_model=list[TimelinePoint],
             tags=["aggregates"])
    def get_timeline(
        conn: Conn, country: Country = None, event_type: TypeParam = None, start: Day = None,
        end: Day = None, interval: Literal["day", "week", "month"] = "day",
    ) -> list[dict]:
        """Event counts per period (its first day) and type."""
        flt = _event_filter(country, None, event_type, None, start, end, None, 1, None)
        return api.timeline(conn, flt, interval)

    @app.get("/api/network", response_model=list[NetworkEdge],
             tags=["aggregates"])
    def get_network(
        conn: Conn, country: Country = None, event_type: TypeParam = None, start: Day = None,
        end: Day = None, min_count: Annotated[int, Query(ge=1, le=1_000_000_000)] = 1,
    ) -> list[dict]:
        """Source -> target pairs with event counts, split into cooperation and conflict."""
        flt = _event_filter(country, None, event_type, None, start, end, None, 1, None)
        return api.network(conn, flt, min_count)

    @app.get("/api/places", response_model=list[PlaceCount],
             tags=["aggregates"])
    def get_places(conn: Conn, country: Country = None, event_type: TypeParam = None,
                   start: Day = None, end: Day = None) -> list[dict]:
        flt = _event_filter(country, None, event_type, None, start, end, None, 1, None)
        return api.places(conn, flt)

    @app.get("/api/countries", response_model=list[CountryCount], tags=["aggregates"])
    def get_countries(conn: Conn) -> list[dict]:
        return api.countries(conn)

    @app.get("/api/actors", response_model=list[ActorCount], tags=["aggregates"])
    def get_actors(conn: Conn, country: Country = None) -> list[dict]:
        key = ("actors", country.upper() if country else None)
        return api.aggregates.get(conn, key, lambda: queries.actor_list(conn, country))

    @app.get("/api/deals", response_model=DealPage, tags=["deals"])
    def get_deals(
        conn: Conn, country: Country = None, supplier: Country = None,
        recipient: Country = None, status: Annotated[str | None, Query(max_length=16)] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict:
        """Arms deals merged across articles, with their status history."""
        flt = queries.DealFilter(country=country, supplier=supplier, recipient=recipient,
                                 status=status)
        return queries.deal_page(conn, flt, limit, offset)


def _articles(objects: list[dict[str, Any]]) -> Iterator[Any]:
    """The objects go through the same reader as JSONL files, so validation is identical."""
    from newsevents import ingest

    lines = "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in objects)
    return ingest.read_paths(["-"], stdin=io.StringIO(lines))


def _add_write_routes(app: FastAPI, api: Api) -> None:
    Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]

    @app.post("/api/code", response_model=Coded, tags=["coding"],
              responses={413: {"description": "Body too large"},
                         422: {"description": "Text that cannot be coded"}})
    def code_text(body: CodeRequest) -> dict:
        """Code one text without storing it."""
        from newsevents import code

        with api.coding:
            result = code(body.text, date=body.date, title=body.title, doc_id="text")
        if result.document.error:
            raise HTTPException(422, result.document.error)
        return result.model_dump()

    @app.post("/api/documents", response_model=DocumentsStored, tags=["coding"],
              responses={401: {"description": "No bearer token"},
                         403: {"description": "Wrong token, or writes disabled"},
                         413: {"description": "Body too large"}})
    def add_documents(body: DocumentsRequest, credentials: Credentials) -> dict:
        """Code and store articles; already stored ones count as duplicates."""
        from newsevents.store.commands import store_stream

        api.authorise(credentials)
        total = IngestStats()
        with api.coding:
            for stats in store_stream(api.store, _articles(body.articles)):
                total.add(stats)
        if total.stored:
            api.warm_up_in_background()
        return {"stored": total.stored, "duplicates": total.duplicates,
                "errors": [{"doc_id": d, "message": m} for d, m in total.errors]}


def _mount_dashboard(app: FastAPI) -> None:
    try:
        from newsevents import web
    except ImportError:
        return
    web.mount(app)


def create_app(db_url: str, token: str | None = None) -> FastAPI:
    """The API over the store at ``db_url``; ``token`` enables ``POST /api/documents``."""
    store = connect(db_url)
    api = Api(store, token or None)

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
    _add_read_routes(app, api)
    _add_write_routes(app, api)
    _mount_dashboard(app)
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)
    # Aggregates and the dashboard's scripts shrink four- to ten-fold; level 6 costs a fraction
    # of the default 9's time for nearly the same size.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    return app

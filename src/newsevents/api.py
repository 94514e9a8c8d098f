"""The REST API over the event store (FastAPI), plus the dashboard when it is installed.

Reads are open; ``POST /api/documents`` writes and needs the server's bearer token, and with no
token configured writes are off altogether, so a server started for browsing cannot be filled
by anyone who can reach it. Request bodies are capped before any parsing happens.

``POST /api/code`` is open too, so anyone who can reach the server can make it work: without the
token a text is short, gets a time budget and one of a few coding slots, and a busy server says
so at once (429) instead of queueing callers until reads and writes starve.
"""

import asyncio
import datetime as dt
import hmac
import io
import ipaddress
import json
import logging
import math
import threading
from collections.abc import AsyncIterator, Callable, Collection, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsevents.models import (
    Actor,
    ArmsTransfer,
    Attribution,
    Document,
    Event,
    EventType,
    InputError,
    Location,
    Result,
    WeaponSystem,
)
from newsevents.store import queries
from newsevents.store.cache import AggregateCache
from newsevents.store.db import Store, connect
from newsevents.store.writer import IngestStats

MAX_BODY_BYTES = 2 * 1024 * 1024
MAX_ID = 2**31 - 1  # INTEGER keys: larger numbers cannot name a stored row
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")

log = logging.getLogger("newsevents.api")


@dataclass(frozen=True)
class CodingLimits:
    """What ``POST /api/code`` grants a caller without the token.

    Coding time grows with the text (990,000 characters took 13 minutes and 3 GB), so the
    length cap is what bounds the work; the time budget bounds how long a caller waits, and the
    slots bound how many such texts are in progress at once.
    """

    anonymous_chars: int = 20_000
    seconds: float = 30.0
    slots: int = 1

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
    variant: str | None = None
    denier: str | None = None
    replaces: int | None = Field(None, description="Id of the deal this report says it replaces.")


class Deal(Out):
    id: int
    supplier: str | None
    recipient: str | None
    system: WeaponSystem
    variant: str | None = Field(None, description="The model as reported, e.g. Leopard 2A6.")
    quantity: int | None
    value: float | None
    currency: str | None
    status: str = Field(description="Status in the latest report.")
    denier: str | None = Field(None, description="Who denied the deal, when status is denied.")
    replaces: list[int] = Field(default_factory=list,
                                description="Ids of the cancelled deals this one replaces.")
    history: list[DealReport]
    n_reports: int


class DealPage(Out):
    total: int
    limit: int
    offset: int
    items: list[Deal]


def text_problem(value: object, where: str = "") -> str | None:
    """Why a JSON value holds something that is not text, or None.

    JSON can spell a lone UTF-16 surrogate ("\\ud800"), which no UTF-8 encoder or database
    accepts, and a NUL character, which PostgreSQL cannot store; a file with either is refused
    as not text by the readers, and the API refuses it the same way.
    """
    if isinstance(value, str):
        for index, char in enumerate(value):
            if char == "\x00" or "\ud800" <= char <= "\udfff":
                kind = "a NUL character" if char == "\x00" else "a lone surrogate"
                return (f"{where or 'the value'} holds {kind} (U+{ord(char):04X}) at character "
                        f"{index}, which is not text")
    elif isinstance(value, dict):
        for key, item in value.items():
            problem = text_problem(key, where or "a key") or text_problem(
                item, f"{where}.{key}" if where else str(key))
            if problem:
                return problem
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if problem := text_problem(item, f"{where}[{index}]"):
                return problem
    return None


class CodeRequest(Out):
    text: str = Field(min_length=1)
    title: str | None = None
    date: dt.date | None = None

    @field_validator("text", "title")
    @classmethod
    def is_text(cls, value: str | None, info: ValidationInfo) -> str | None:
        if problem := text_problem(value, info.field_name or ""):
            raise ValueError(problem)
        return value


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
        """413, and the connection is closed: the rest of an endless body is never read."""
        payload = json.dumps(
            {"detail": f"request body larger than {self.max_bytes:,} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(payload)).encode()),
                                (b"connection", b"close")]})
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


# --------------------------------------------------------------------------- other guards


async def _send_json(send: Send, status: int, detail: str) -> None:
    payload = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(payload)).encode())]})
    await send({"type": "http.response.body", "body": payload})


def host_name(host: str) -> str:
    """The name in a Host header, without its port: ``[::1]:8000`` -> ``[::1]``; a bare IPv6
    address, as given on the command line, gets the brackets a Host header carries."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    if host.count(":") > 1:
        return f"[{host}]"
    return host.partition(":")[0]


def allowed_hosts(bind: str, extra: Collection[str] = ()) -> list[str] | None:
    """The Host names a server bound to ``bind`` answers, or None for any.

    A page on any web site can make the browser send requests to a loopback server under a
    domain name the attacker's DNS points at 127.0.0.1 (DNS rebinding). Such requests carry
    that name in their Host header, so a loopback server answers only to loopback names and to
    the names given with ``--allowed-host``; a server bound elsewhere is reached by names
    only its operator knows, and is checked only when names are given.
    """
    named = [host_name(name) for name in extra]
    try:
        loopback = bind == "localhost" or ipaddress.ip_address(bind.strip("[]")).is_loopback
    except ValueError:
        loopback = False
    if loopback:
        return [*LOOPBACK_HOSTS, *named]
    return named or None


class HostCheck:
    """Refuses (400) a request whose Host header names none of the allowed hosts."""

    def __init__(self, app: ASGIApp, hosts: Collection[str]) -> None:
        self.app = app
        self.hosts = frozenset(host_name(host) for host in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            if host_name(host) not in self.hosts:
                await _send_json(send, 400, f"unknown Host {host!r}: start the server with "
                                 "--allowed-host NAME to serve it under that name")
                return
        await self.app(scope, receive, send)


class NoSniff:
    """``X-Content-Type-Options: nosniff`` on every response, so that no browser reads a JSON
    answer that quotes an article as HTML or script."""

    HEADER = (b"x-content-type-options", b"nosniff")

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(name.lower() == self.HEADER[0] for name, _ in headers):
                    message = {**message, "headers": [*headers, self.HEADER]}
            await send(message)

        await self.app(scope, receive, send_with_header)


class JsonErrors:
    """An unexpected error becomes a JSON 500 that says nothing of the code; the traceback goes
    to the log, where the operator looks, instead of to the caller."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:
            log.exception("unexpected error answering %s %s", scope["method"], scope["path"])
            if started:  # part of the answer is out: all that is left is to cut it short
                raise
            await _send_json(send, 500, "internal server error; the server log has the details")


# --------------------------------------------------------------------------- app

Country = Annotated[str | None, Query(
    pattern=r"^[A-Za-z][A-Za-z0-9_-]{1,15}$",
    description="ISO3 country code or IGO short name.")]
Day = Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive.")]
TypeParam = Annotated[EventType | None, Query(alias="type", description="PLOVER event type.")]

_bearer = HTTPBearer(auto_error=False, description="The token given to `newsevents serve`.")


class CoderGate:
    """One coder at a time, since all share one language pipeline, and callers with the token
    first: a stream of texts from anonymous callers never holds back an authorised write for
    longer than the one anonymous text in progress."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._busy = False
        self._waiting_with_token = 0

    @contextmanager
    def turn(self, *, with_token: bool) -> Iterator[None]:
        with self._changed:
            self._waiting_with_token += with_token
            try:
                self._changed.wait_for(
                    lambda: not self._busy and (with_token or not self._waiting_with_token))
            finally:
                self._waiting_with_token -= with_token
            self._busy = True
        try:
            yield
        finally:
            with self._changed:
                self._busy = False
                self._changed.notify_all()


class Api:
    """State shared by the endpoints: the store, the write token, the coder's gate and the
    slots of anonymous coding, and aggregates cached until the store changes."""

    def __init__(self, store: Store, token: str | None, limits: CodingLimits) -> None:
        self.store = store
        self.token = token
        self.limits = limits
        self.gate = CoderGate()
        self.slots = threading.BoundedSemaphore(limits.slots)
        self.anonymous_coders = ThreadPoolExecutor(limits.slots, "newsevents-code")
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

    def holds_token(self, credentials: HTTPAuthorizationCredentials | None) -> bool:
        """Whether the caller gave the server's token; a wrong token is refused, not taken for
        an anonymous call, so that its holder learns why the larger limits do not apply."""
        if credentials is None or not self.token:
            return False
        self.authorise(credentials)
        return True

    def code(self, body: CodeRequest, *, with_token: bool) -> Result:
        from newsevents import code

        with self.gate.turn(with_token=with_token):
            return code(body.text, date=body.date, title=body.title, doc_id="text")

    async def code_anonymously(self, body: CodeRequest) -> Result:
        """Code in one of the anonymous slots within the time budget, or refuse at once.

        A text that overruns the budget keeps its slot until the coder is done with it (a
        thread cannot be stopped midway), which the length cap keeps short; meanwhile other
        anonymous callers are told to come back (429) and nothing queues.
        """
        limits = self.limits
        if len(body.text) > limits.anonymous_chars:
            raise HTTPException(413, f"the text has {len(body.text):,} characters, more than "
                                f"the {limits.anonymous_chars:,} allowed without a token; "
                                "split it, or ask the server's operator for the token")
        retry = {"Retry-After": str(math.ceil(limits.seconds))}
        if not self.slots.acquire(blocking=False):
            raise HTTPException(429, "the server is busy coding other texts; retry shortly",
                                headers=retry)
        future = self.anonymous_coders.submit(self.code, body, with_token=False)
        future.add_done_callback(lambda _done: self.slots.release())
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), limits.seconds)
        except TimeoutError:
            raise HTTPException(503, f"coding did not finish within the {limits.seconds:g} s "
                                "allowed without a token; retry later or send a shorter text",
                                headers=retry) from None


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
    """The objects go through the same reader as JSONL files, so validation is identical; an
    object holding something that is not text is refused on its own, as a JSONL line that is
    not UTF-8 would be."""
    from newsevents import ingest

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


def _add_write_routes(app: FastAPI, api: Api) -> None:
    Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]

    @app.post("/api/code", response_model=Coded, tags=["coding"],
              responses={403: {"description": "Wrong token"},
                         413: {"description": "Body or text too large"},
                         422: {"description": "Text that cannot be coded"},
                         429: {"description": "All anonymous coding slots are busy"},
                         503: {"description": "Coding took longer than the time budget"}})
    async def code_text(body: CodeRequest, credentials: Credentials) -> dict:
        """Code one text without storing it. Without the token the text is limited in length
        and coding in time, and a busy server answers 429 with Retry-After."""
        if api.holds_token(credentials):
            result = await run_in_threadpool(api.code, body, with_token=True)
        else:
            result = await api.code_anonymously(body)
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
        with api.gate.turn(with_token=True):
            for stats in store_stream(api.store, _articles(body.articles)):
                total.add(stats)
        if total.stored:
            api.warm_up_in_background()
        return {"stored": total.stored, "duplicates": total.duplicates,
                "errors": [{"doc_id": d, "message": m} for d, m in total.errors]}


async def _invalid_request(_request: Request, exc: Exception) -> Response:
    """FastAPI's 422, with the JSON kept to ASCII: the refused input it quotes may hold a lone
    surrogate, which cannot be written as UTF-8 and would turn the answer into a 500."""
    assert isinstance(exc, RequestValidationError)
    detail = jsonable_encoder({"detail": exc.errors()})
    return Response(json.dumps(detail), status_code=422, media_type="application/json")


def _mount_dashboard(app: FastAPI) -> None:
    try:
        from newsevents import web
    except ImportError:
        return
    web.mount(app)


def create_app(db_url: str, token: str | None = None, *,
               limits: CodingLimits = CodingLimits(),
               hosts: Collection[str] | None = None) -> FastAPI:
    """The API over the store at ``db_url``; ``token`` enables ``POST /api/documents`` and
    lifts the anonymous ``limits`` of ``POST /api/code``; with ``hosts`` (see
    ``allowed_hosts``) requests naming another Host are refused."""
    store = connect(db_url)
    api = Api(store, token or None, limits)

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
    _add_read_routes(app, api)
    _add_write_routes(app, api)
    _mount_dashboard(app)
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)
    # Aggregates and the dashboard's scripts shrink four- to ten-fold; level 6 costs a fraction
    # of the default 9's time for nearly the same size.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    app.add_middleware(JsonErrors)
    if hosts is not None:
        app.add_middleware(HostCheck, hosts=hosts)
    app.add_middleware(NoSniff)  # outermost: refusals carry it too
    return app

"""What the endpoints share: the store and its reader, the write token, the coder's gate, the
slots of anonymous coding, and aggregates cached until the store changes."""

import asyncio
import hmac
import math
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, TypeVar

import sqlalchemy as sa
from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from newsevents.api.schemas import CodeRequest
from newsevents.models import Result
from newsevents.pipeline import code
from newsevents.store.cache import AggregateCache
from newsevents.store.db import Store
from newsevents.store.read_models import (
    CountryCount,
    EventFilter,
    NetworkEdge,
    PlaceCount,
    TimelinePoint,
)
from newsevents.store.reading import ReadStore, reading

T = TypeVar("T")


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
    """State shared by the endpoints, one per app (``app.state.api``)."""

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

    # reading ---------------------------------------------------------------------------

    def cached(self, reader: ReadStore, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        value: T = self.aggregates.get(reader.version(), key, compute)
        return value

    def timeline(self, reader: ReadStore, flt: EventFilter,
                 interval: str) -> list[TimelinePoint]:
        return self.cached(reader, ("timeline", flt, interval),
                           lambda: reader.timeline(flt, interval))

    def network(self, reader: ReadStore, flt: EventFilter, min_count: int) -> list[NetworkEdge]:
        return self.cached(reader, ("network", flt, min_count),
                           lambda: reader.network(flt, min_count))

    def places(self, reader: ReadStore, flt: EventFilter) -> list[PlaceCount]:
        return self.cached(reader, ("places", flt), lambda: reader.places(flt))

    def countries(self, reader: ReadStore) -> list[CountryCount]:
        return self.cached(reader, ("countries",), reader.countries)

    def warm_up(self) -> None:
        """Compute what the dashboard asks for first (the unfiltered overview, month by month,
        and the country list), so the first visitor after a start or a write through the API
        is answered from the cache instead of waiting for full scans of the store.

        Stops between aggregates once the server is shutting down; each aggregate is read in a
        transaction of its own, so a later one sees later writes. A store that cannot be read
        is left for the requests to report.
        """
        unfiltered = EventFilter()
        steps: list[Callable[[ReadStore], object]] = [
            lambda reader: self.timeline(reader, unfiltered, "month"),
            lambda reader: self.places(reader, unfiltered),
            lambda reader: self.network(reader, unfiltered, 1),
            self.countries,
        ]
        try:
            for step in steps:
                if self.stopping.is_set():
                    return
                with reading(self.store.engine) as reader:
                    step(reader)
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

    # the token -------------------------------------------------------------------------

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

    # coding ----------------------------------------------------------------------------

    def code(self, body: CodeRequest, *, with_token: bool) -> Result:
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


# --------------------------------------------------------------------------- dependencies


def _api(request: Request) -> Api:
    api: Api = request.app.state.api
    return api


ApiState = Annotated[Api, Depends(_api)]


def _reader(api: ApiState) -> Iterator[ReadStore]:
    with reading(api.store.engine) as reader:
        yield reader


Reader = Annotated[ReadStore, Depends(_reader)]
Credentials = Annotated[
    HTTPAuthorizationCredentials | None,
    Depends(HTTPBearer(auto_error=False, description="The token given to `newsevents serve`.")),
]

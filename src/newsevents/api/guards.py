"""Guards in front of every route: the body cap, the Host check (DNS rebinding), ``nosniff``,
and JSON errors instead of tracebacks. Plain ASGI middleware, so they hold for the dashboard's
files and for refusals too."""

import ipaddress
import json
import logging
from collections.abc import Collection

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 2 * 1024 * 1024
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")

log = logging.getLogger("newsevents.api")


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

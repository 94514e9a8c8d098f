"""The REST API over the event store (FastAPI), with the dashboard.

Reads are open; ``POST /api/documents`` writes and needs the server's bearer token, and with no
token configured writes are off altogether, so a server started for browsing cannot be filled
by anyone who can reach it. Request bodies are capped before any parsing happens.

``POST /api/code`` is open too, so anyone who can reach the server can make it work: without the
token a text is short, gets a time budget and one of a few coding slots, and a busy server says
so at once (429) instead of queueing callers until reads and writes starve.

``app`` builds the app; one router module per resource (``events``, ``aggregates``, ``deals``,
``types``, ``coding``, ``documents``); ``guards`` holds the middleware, ``state`` what the
endpoints share, ``schemas`` the request and response bodies.
"""

from newsevents.api.app import create_app
from newsevents.api.guards import LOOPBACK_HOSTS, MAX_BODY_BYTES, allowed_hosts
from newsevents.api.state import CoderGate, CodingLimits

__all__ = [
    "LOOPBACK_HOSTS", "MAX_BODY_BYTES", "CoderGate", "CodingLimits", "allowed_hosts",
    "create_app",
]

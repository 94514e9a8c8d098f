"""The analysts' dashboard: one static page and its assets, served by the API's own app.

There is no build step and nothing is fetched from the internet: the page, its script, its
stylesheet and the vendored libraries (d3, topojson-client, world-atlas) ship inside the package.
Article text shown by the page is untrusted, so the page is sent with a strict
Content-Security-Policy that forbids inline and third-party scripts.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

STATIC_DIR = Path(__file__).parent / "static"

# Scripts, styles, data and images only from this server; no inline script, no plugins, no
# framing, no <base> rewriting. The SVG charts set styles through the CSSOM, which CSP allows.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class _AssetHeaders:
    """``nosniff`` so an asset can never be reinterpreted as a script, and ``no-cache`` so a
    browser revalidates (a cheap 304) instead of pairing a new page with an old script."""

    HEADERS = ((b"x-content-type-options", b"nosniff"), (b"cache-control", b"no-cache"))

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def mount(app: FastAPI) -> None:
    """Serve the dashboard at ``/`` and its assets at ``/static`` on ``app``."""

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(
            STATIC_DIR / "index.html",
            media_type="text/html; charset=utf-8",
            headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"},
        )

    app.mount(
        "/static",
        _AssetHeaders(StaticFiles(directory=STATIC_DIR)),
        name="static",
    )

"""The analysts' dashboard: one static page and its assets, served by the API's own app.

There is no build step and nothing is fetched from the internet: the page, its script, its
stylesheet and the vendored libraries (d3, topojson-client, world-atlas) ship inside the package.
Article text shown by the page is untrusted, so the page is sent with a strict
Content-Security-Policy that forbids inline and third-party scripts. The page links its assets
under content-versioned URLs, so a browser keeps them for good and a reload costs only the page
itself and the API calls.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import parse_qs

from fastapi import FastAPI
from fastapi.responses import Response
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


def _fingerprints(root: Path) -> dict[str, str]:
    """A short content hash per asset, keyed by its URL path under ``/static``."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        for path in sorted(root.rglob("*")) if path.is_file()
    }


def _versioned_page(page: str, fingerprints: dict[str, str]) -> bytes:
    """The page with every ``static/...`` link pointing at ``static/...?v=<content hash>``.

    An upgrade changes the hash of every file it changes, so a browser may keep an asset for a
    year without ever pairing a new page with an old script or stylesheet.
    """

    def versioned(match: re.Match[str]) -> str:
        asset = match.group(2)
        version = fingerprints.get(asset)
        return match.group(0) if version is None else f'{match.group(1)}static/{asset}?v={version}"'

    return re.sub(r'((?:src|href)=")static/([^"?#]+)"', versioned, page).encode()


class _AssetHeaders:
    """``nosniff`` so an asset can never be reinterpreted as a script. A request for the
    current version of an asset (the URLs the page links to) may be cached for good; any other
    request is revalidated (a cheap 304), so an old URL never yields a stale answer."""

    NOSNIFF = (b"x-content-type-options", b"nosniff")
    FOREVER = (b"cache-control", b"public, max-age=31536000, immutable")
    REVALIDATE = (b"cache-control", b"no-cache")

    def __init__(self, app: ASGIApp, fingerprints: dict[str, str]) -> None:
        self.app = app
        self.fingerprints = fingerprints

    def _is_current(self, scope: Scope) -> bool:
        asset = scope["path"].removeprefix(scope.get("root_path", "")).lstrip("/")
        version = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("v", [None])[0]
        return version is not None and self.fingerprints.get(asset) == version

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        caching = self.FOREVER if self._is_current(scope) else self.REVALIDATE

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", []), self.NOSNIFF, caching]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def mount(app: FastAPI) -> None:
    """Serve the dashboard at ``/`` and its assets at ``/static`` on ``app``."""
    fingerprints = _fingerprints(STATIC_DIR)
    page = _versioned_page((STATIC_DIR / "index.html").read_text(encoding="utf-8"), fingerprints)

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def dashboard() -> Response:
        return Response(page, media_type="text/html; charset=utf-8",
                        headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"})

    app.mount(
        "/static",
        _AssetHeaders(StaticFiles(directory=STATIC_DIR), fingerprints),
        name="static",
    )

"""``create_app``: one FastAPI app serving the API under /api, the pages, and their static files.

Middleware, outermost first: a body-size limit (413 before a byte too many is read),
then security headers on every answer (a Content-Security-Policy that lets scripts come
only from this server, no framing, no sniffing, no referrer to other sites).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sepakat import __version__
from sepakat.api import errors
from sepakat.api.cache import SummaryCache
from sepakat.api.errors import error_body
from sepakat.api.routes import router as api_router
from sepakat.api.settings import ServeSettings
from sepakat.store.engine import open_registry

log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


class _TooLargeError(Exception):
    pass


class BodyLimit:
    """Answer 413 in the one error shape when a request body is over ``limit`` bytes."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._refuse(send)
            return
        seen = 0
        over = False
        replaced = False

        async def counted() -> Message:
            nonlocal seen, over
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    # Whatever the app makes of the cut body, its answer becomes the 413.
                    over = True
                    raise _TooLargeError
            return message

        async def replacing(message: Message) -> None:
            nonlocal replaced
            if over and message["type"] == "http.response.start":
                replaced = True
                await self._refuse(send)
            elif not replaced:
                await send(message)

        try:
            await self.app(scope, counted, replacing)
        except _TooLargeError:
            if not replaced:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        import orjson

        body = orjson.dumps(error_body(413, f"the request body is over the limit of {self.limit:,} bytes"))
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    *SECURITY_HEADERS,
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *(h for h in SECURITY_HEADERS if h[0] not in present),
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(settings: ServeSettings | None = None, engine: Engine | None = None) -> FastAPI:
    """The app over the registry of ``settings.db`` (or ``engine``, which the caller then owns)."""
    from sepakat.web.pages import render_error
    from sepakat.web.pages import router as page_router

    settings = settings or ServeSettings()
    app = FastAPI(
        title="sepakat",
        version=__version__,
        description="Cooperation agreements read from the news: the registry's REST API.",
        docs_url=None,  # Swagger's page loads its scripts from a CDN; the schema is at openapi_url
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.engine = engine or open_registry(settings.db)
    app.state.owns_engine = engine is None
    app.state.summaries = SummaryCache(settings.summary_seconds)
    errors.install(app, html=render_error)
    app.include_router(api_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(packages=[("sepakat.web", "static")]), name="static")
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app


def close_app(app: Any) -> None:
    """Release the registry an app opened itself."""
    if getattr(app.state, "owns_engine", False):
        app.state.engine.dispose()

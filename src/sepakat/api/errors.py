"""The one error shape of the API and the pages' JSON answers, for every status.

    {"error": {"status": 404, "code": "not_found", "message": "no agreement 'agr-x'",
               "details": null}}

Every handler below returns it: HTTP errors (404, 405, 401, 403, 413), validation (422,
with the offending fields in ``details``), sepakat's own errors (a UsageError is 400, a
StoreError 503), a query stopped for taking too long (503), and anything unexpected (500,
logged with its traceback on the server, never sent). Page routes answer HTML to a
browser (``web.pages`` renders the same fields) and this JSON to everyone else.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from sepakat.errors import StoreError, UsageError

log = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    500: "internal",
    503: "unavailable",
}


class ApiError(Exception):
    """An error the API answers on purpose: its status, code and message reach the client."""

    def __init__(self, status: int, message: str, *, code: str | None = None, details: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.details = details


def error_body(status: int, message: str, code: str | None = None, details: Any = None) -> dict[str, Any]:
    return {
        "error": {
            "status": status,
            "code": code or CODES.get(status, "error"),
            "message": message,
            "details": details,
        }
    }


HtmlRenderer = Callable[[Request, int, str, str], Response]


def _wants_html(request: Request) -> bool:
    if request.url.path.startswith("/api"):
        return False
    accept = request.headers.get("accept", "")
    return "text/html" in accept


def install(app: FastAPI, html: HtmlRenderer | None = None) -> None:
    """Register the handlers that give every error the one shape."""

    def answer(  # noqa: PLR0917 - the error's fields, in the order of its shape
        request: Request,
        status: int,
        message: str,
        code: str | None = None,
        details: Any = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        if html is not None and _wants_html(request):
            return html(request, status, code or CODES.get(status, "error"), message)
        return JSONResponse(error_body(status, message, code, details), status_code=status, headers=headers)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        headers = dict(exc.headers) if exc.headers else None
        return answer(request, exc.status_code, message, headers=headers)

    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return answer(request, exc.status, exc.message, exc.code, exc.details, headers)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        details = [
            {
                "loc": [str(part) for part in e.get("loc", ())],
                "message": str(e.get("msg", "")),
                "type": str(e.get("type", "")),
            }
            for e in exc.errors()
        ]
        return answer(request, 422, "the request does not match what this endpoint takes", None, details)

    async def usage_error(request: Request, exc: Exception) -> Response:
        return answer(request, 400, str(exc))

    async def store_error(request: Request, exc: Exception) -> Response:
        log.error("registry error on %s: %s", request.url.path, exc)
        return answer(request, 503, "the registry could not be used; try again later")

    async def operational_error(request: Request, exc: Exception) -> Response:
        if "interrupted" in str(exc) or "statement timeout" in str(exc) or "canceling statement" in str(exc):
            return answer(
                request, 503, "the query took too long and was stopped; narrow the filters", "query_timeout"
            )
        log.exception("database error on %s", request.url.path, exc_info=exc)
        return answer(request, 503, "the registry could not be used; try again later")

    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return answer(request, 500, "something went wrong on the server; it has been logged")

    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        StarletteHTTPException: http_error,
        ApiError: api_error,
        RequestValidationError: validation_error,
        UsageError: usage_error,
        StoreError: store_error,
        OperationalError: operational_error,
        Exception: unexpected,
    }
    for kind, handler in handlers.items():
        app.add_exception_handler(kind, handler)

"""Who is asking, and may they: tokens and roles for the API, signed sessions for the pages.

The API takes ``Authorization: Bearer spk_...`` (a feed reader may put the token in the
feed's URL instead, as ``?token=``). The pages take a session cookie made when someone
signs in with a token: it names the token's public id, signed with the server's secret,
so revoking the token ends the session too. Pages never accept a bearer header and the
API never accepts the cookie, so only the pages need CSRF protection: every form carries
a token derived from a random per-browser cookie and the secret (signed double submit).

Reading is open unless the server's settings say otherwise; everything that writes
needs a role: ``viewer`` for one's own watchlist and tokens, ``editor`` for ingest and
curation, ``admin`` for other people's tokens.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Connection, Engine

from sepakat.api.cache import SummaryCache
from sepakat.api.errors import ApiError
from sepakat.api.settings import ServeSettings
from sepakat.store.accounts import Principal, authenticate, role_at_least, token_principal

SESSION_COOKIE = "sepakat_session"
CSRF_COOKIE = "sepakat_csrf"
SESSION_DAYS = 14


def settings_of(request: Request) -> ServeSettings:
    settings: ServeSettings = request.app.state.settings
    return settings


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def summaries_of(request: Request) -> SummaryCache:
    cache: SummaryCache = request.app.state.summaries
    return cache


def _stop_slow_queries(connection: Connection, seconds: float) -> None:
    """Stop any statement of this connection that runs past ``seconds`` (503 to the client)."""
    if connection.dialect.name == "sqlite":
        deadline = time.monotonic() + seconds
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.set_progress_handler(lambda: int(time.monotonic() > deadline), 20_000)
    else:
        connection.exec_driver_sql(f"SET statement_timeout = {int(seconds * 1000)}")


def _release(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        raw = connection.connection.dbapi_connection
        if raw is not None:
            raw.set_progress_handler(None, 0)


def get_connection(request: Request) -> Iterator[Connection]:
    """A read connection for one request, with the server's query time limit."""
    settings = settings_of(request)
    with engine_of(request).connect() as connection:
        _stop_slow_queries(connection, settings.query_seconds)
        try:
            yield connection
        finally:
            _release(connection)


Conn = Annotated[Connection, Depends(get_connection)]


# --- the API: bearer tokens -------------------------------------------------------------


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    if header:
        raise ApiError(401, "the Authorization header must be 'Bearer <token>'")
    return None


def _principal_from_secret(request: Request, secret: str) -> Principal:
    with engine_of(request).connect() as connection:
        principal = authenticate(connection, secret)
    if principal is None:
        raise ApiError(401, "unknown or revoked token")
    return principal


def api_principal(request: Request) -> Principal | None:
    """The caller of an API request, from its bearer token; None when it sent none."""
    secret = _bearer(request)
    return None if secret is None else _principal_from_secret(request, secret)


def feed_principal(request: Request) -> Principal | None:
    """Like ``api_principal``, also taking ``?token=`` (feed readers cannot send headers)."""
    secret = _bearer(request) or request.query_params.get("token")
    return None if not secret else _principal_from_secret(request, secret)


def check_role(principal: Principal | None, role: str) -> Principal:
    if principal is None:
        raise ApiError(401, f"this needs a token with the {role} role (Authorization: Bearer ...)")
    if not role_at_least(principal.role, role):
        raise ApiError(403, f"this needs the {role} role; the token has {principal.role}")
    return principal


def api_reader(
    request: Request, principal: Annotated[Principal | None, Depends(api_principal)]
) -> Principal | None:
    """Anyone may read, unless the server makes reading need a token."""
    if settings_of(request).read_needs_token:
        return check_role(principal, "viewer")
    return principal


def api_role(role: str) -> Callable[[Principal | None], Principal]:
    def dependency(principal: Annotated[Principal | None, Depends(api_principal)]) -> Principal:
        return check_role(principal, role)

    return dependency


Reader = Annotated[Principal | None, Depends(api_reader)]
Viewer = Annotated[Principal, Depends(api_role("viewer"))]
Editor = Annotated[Principal, Depends(api_role("editor"))]
Admin = Annotated[Principal, Depends(api_role("admin"))]


# --- the pages: signed sessions and CSRF -------------------------------------------------


def _sign(secret: bytes, message: str) -> str:
    return hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()[:32]


def make_session(settings: ServeSettings, token_id: str) -> str:
    issued = str(int(time.time()))
    return f"{token_id}.{issued}.{_sign(settings.secret, f'session:{token_id}:{issued}')}"


def session_token_id(settings: ServeSettings, value: str | None) -> str | None:
    """The token id a session cookie names, when its signature holds and it has not expired."""
    if not value or value.count(".") != 2:
        return None
    token_id, issued, signature = value.split(".")
    expected = _sign(settings.secret, f"session:{token_id}:{issued}")
    if not hmac.compare_digest(signature, expected) or not issued.isdigit():
        return None
    if time.time() - int(issued) > SESSION_DAYS * 86400:
        return None
    return token_id


def page_principal(request: Request) -> Principal | None:
    """The signed-in user of a page request, or None."""
    token_id = session_token_id(settings_of(request), request.cookies.get(SESSION_COOKIE))
    if token_id is None:
        return None
    with engine_of(request).connect() as connection:
        return token_principal(connection, token_id)


def new_csrf_nonce() -> str:
    return secrets.token_urlsafe(18)


def csrf_token(settings: ServeSettings, nonce: str) -> str:
    return _sign(settings.secret, f"csrf:{nonce}")


def check_csrf(settings: ServeSettings, nonce: str | None, submitted: str | None) -> None:
    """Refuse a form whose CSRF field does not match this browser's cookie (403)."""
    if not nonce or not submitted or not hmac.compare_digest(csrf_token(settings, nonce), submitted):
        raise ApiError(
            403, "the form has expired or did not come from this site; reload the page and retry", code="csrf"
        )

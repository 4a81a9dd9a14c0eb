"""Who uses the pages and the API: users, their tokens and roles, watchlists, last visits.

A token is shown once, when it is made; the registry keeps only its SHA-256 digest (a
token is 32 random bytes, so a plain digest is as strong as a slow hash would be). Every
function that reads a user's own things takes that user's key: one user's watchlist and
tokens are never returned to another.

Roles are ordered: ``viewer`` reads and keeps a watchlist; ``editor`` also ingests and
corrects; ``admin`` also makes and revokes tokens for anyone.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, delete, insert, select, update

from sepakat.errors import UsageError
from sepakat.models import SECTORS
from sepakat.store.overview import Watch
from sepakat.store.tables import api_tokens, users, visit_marks, watch_items

ROLES = ("viewer", "editor", "admin")
WATCH_KINDS = ("partner", "sector", "agreement")
TOKEN_PREFIX = "spk_"
# A visit is a new one after this long away: reloading a page does not lose its changes.
VISIT_GAP = timedelta(minutes=30)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def role_at_least(role: str, needed: str) -> bool:
    return ROLES.index(role) >= ROLES.index(needed)


@dataclass(frozen=True, slots=True)
class Principal:
    """The user behind a request's token."""

    user_pk: int
    user: str
    role: str
    token_id: str


@dataclass(frozen=True, slots=True)
class TokenInfo:
    id: str
    user: str
    role: str
    created_at: str
    last_used_at: str | None
    revoked_at: str | None


def _user_pk(connection: Connection, name: str, *, create: bool) -> int | None:
    pk = connection.execute(select(users.c.pk).where(users.c.name == name)).scalar_one_or_none()
    if pk is None and create:
        pk = connection.execute(
            insert(users).values(name=name, created_at=_now()).returning(users.c.pk)
        ).scalar_one()
    return None if pk is None else int(pk)


def create_token(engine: Engine, user: str, role: str) -> tuple[TokenInfo, str]:
    """Make a token for ``user`` (created if new) with ``role``; returns it and its secret."""
    user = user.strip()
    if not user or len(user) > 200:
        raise UsageError("a token needs a user name of 1 to 200 characters")
    if role not in ROLES:
        raise UsageError(f"unknown role {role!r}: one of {', '.join(ROLES)}")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token_id = "tok-" + secrets.token_hex(6)
    stamp = _now()
    with engine.begin() as connection:
        user_pk = _user_pk(connection, user, create=True)
        connection.execute(
            insert(api_tokens).values(
                id=token_id, user_pk=user_pk, role=role, digest=digest(secret), created_at=stamp
            )
        )
    return TokenInfo(token_id, user, role, stamp, None, None), secret


def authenticate(connection: Connection, secret: str) -> Principal | None:
    """The principal of a live token, or None (unknown or revoked)."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    row = connection.execute(
        select(api_tokens.c.id, api_tokens.c.role, users.c.pk, users.c.name)
        .join(users, users.c.pk == api_tokens.c.user_pk)
        .where(api_tokens.c.digest == digest(secret), api_tokens.c.revoked_at.is_(None))
    ).one_or_none()
    return None if row is None else Principal(int(row.pk), row.name, row.role, row.id)


def token_principal(connection: Connection, token_id: str) -> Principal | None:
    """The principal of a live token by its public id (a signed page session names it)."""
    row = connection.execute(
        select(api_tokens.c.id, api_tokens.c.role, users.c.pk, users.c.name)
        .join(users, users.c.pk == api_tokens.c.user_pk)
        .where(api_tokens.c.id == token_id, api_tokens.c.revoked_at.is_(None))
    ).one_or_none()
    return None if row is None else Principal(int(row.pk), row.name, row.role, row.id)


def touch_token(engine: Engine, token_id: str) -> None:
    """Record a token's use, at most once an hour (reads should not all write)."""
    stamp = _now()
    hour_ago = (datetime.now(UTC) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    with engine.begin() as connection:
        connection.execute(
            update(api_tokens)
            .where(api_tokens.c.id == token_id)
            .where((api_tokens.c.last_used_at.is_(None)) | (api_tokens.c.last_used_at < hour_ago))
            .values(last_used_at=stamp)
        )


def list_tokens(connection: Connection, user: str | None = None) -> list[TokenInfo]:
    """Tokens of ``user`` (every user's when None: the CLI, run by whoever owns the registry)."""
    query = select(api_tokens, users.c.name.label("user_name")).join(
        users, users.c.pk == api_tokens.c.user_pk
    )
    if user is not None:
        query = query.where(users.c.name == user)
    return [
        TokenInfo(r.id, r.user_name, r.role, r.created_at, r.last_used_at, r.revoked_at)
        for r in connection.execute(query.order_by(api_tokens.c.pk))
    ]


def revoke_token(engine: Engine, token_id: str, *, owner: str | None = None) -> TokenInfo:
    """Revoke a token; with ``owner``, only one of that user's (another's is 'not found')."""
    with engine.begin() as connection:
        query = (
            select(api_tokens, users.c.name.label("user_name"))
            .join(users, users.c.pk == api_tokens.c.user_pk)
            .where(api_tokens.c.id == token_id)
        )
        if owner is not None:
            query = query.where(users.c.name == owner)
        row = connection.execute(query).one_or_none()
        if row is None:
            raise UsageError(f"no token {token_id!r}")
        stamp = row.revoked_at or _now()
        connection.execute(update(api_tokens).where(api_tokens.c.pk == row.pk).values(revoked_at=stamp))
    return TokenInfo(row.id, row.user_name, row.role, row.created_at, row.last_used_at, stamp)


@dataclass(frozen=True, slots=True)
class WatchItem:
    kind: str
    value: str
    created_at: str


def check_watch(kind: str, value: str) -> str:
    """The normal form of a watched value, or a UsageError saying what is wrong."""
    if kind not in WATCH_KINDS:
        raise UsageError(f"unknown watch kind {kind!r}: one of {', '.join(WATCH_KINDS)}")
    value = value.strip()
    if kind == "partner":
        value = value.upper()
        if not (2 <= len(value) <= 8 and value.isalnum()):
            raise UsageError(f"a partner is an ISO alpha-3 or bloc code (RUS, EU), not {value!r}")
    elif kind == "sector" and value not in SECTORS:
        raise UsageError(f"unknown sector {value!r}: one of {', '.join(SECTORS)}")
    elif kind == "agreement" and not (value.startswith("agr-") and len(value) <= 40):
        raise UsageError(f"an agreement id looks like agr-..., not {value!r}")
    return value


def watchlist(connection: Connection, user_pk: int) -> list[WatchItem]:
    query = (
        select(watch_items.c.kind, watch_items.c.value, watch_items.c.created_at)
        .where(watch_items.c.user_pk == user_pk)
        .order_by(watch_items.c.kind, watch_items.c.value)
    )
    return [WatchItem(k, v, c) for k, v, c in connection.execute(query)]


def watch_of(connection: Connection, user_pk: int) -> Watch:
    items = watchlist(connection, user_pk)
    by_kind = {kind: frozenset(i.value for i in items if i.kind == kind) for kind in WATCH_KINDS}
    return Watch(by_kind["partner"], by_kind["sector"], by_kind["agreement"])


def add_watch(engine: Engine, user_pk: int, kind: str, value: str) -> WatchItem:
    """Follow something (following it twice changes nothing)."""
    value = check_watch(kind, value)
    with engine.begin() as connection:
        existing = connection.execute(
            select(watch_items.c.created_at).where(
                watch_items.c.user_pk == user_pk, watch_items.c.kind == kind, watch_items.c.value == value
            )
        ).scalar_one_or_none()
        if existing is not None:
            return WatchItem(kind, value, existing)
        stamp = _now()
        connection.execute(
            insert(watch_items).values(user_pk=user_pk, kind=kind, value=value, created_at=stamp)
        )
    return WatchItem(kind, value, stamp)


def remove_watch(engine: Engine, user_pk: int, kind: str, value: str) -> bool:
    """Stop following something; False when it was not followed."""
    value = check_watch(kind, value)
    with engine.begin() as connection:
        result = connection.execute(
            delete(watch_items).where(
                watch_items.c.user_pk == user_pk, watch_items.c.kind == kind, watch_items.c.value == value
            )
        )
    return bool(result.rowcount)


def visit(engine: Engine, user_pk: int, page: str, now: datetime | None = None) -> str | None:
    """Record a visit to ``page``; returns when the previous visit was (None: the first).

    Visits closer together than ``VISIT_GAP`` are one visit, so reloading a page keeps
    showing what changed since the visit before.
    """
    moment = now or datetime.now(UTC)
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    with engine.begin() as connection:
        row = connection.execute(
            select(visit_marks.c.seen_before, visit_marks.c.visited_at).where(
                visit_marks.c.user_pk == user_pk, visit_marks.c.page == page
            )
        ).one_or_none()
        if row is None:
            connection.execute(
                insert(visit_marks).values(user_pk=user_pk, page=page, seen_before=None, visited_at=stamp)
            )
            return None
        last = datetime.strptime(row.visited_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        since: str | None = row.seen_before if moment - last < VISIT_GAP else row.visited_at
        connection.execute(
            update(visit_marks)
            .where(visit_marks.c.user_pk == user_pk, visit_marks.c.page == page)
            .values(seen_before=since, visited_at=stamp)
        )
    return since

"""What ``watch`` remembers in the registry: followed sources and the items already fetched.

    followed_sources   one row per URL: how often, when next, the feed's validators (ETag,
                       Last-Modified) so an unchanged feed costs one 304, the last outcome
    followed_items     every item URL fetched (stored or refused for good): after a restart
                       nothing of it is fetched again

Times are UTC strings like the rest of the registry ("2026-01-12T06:49:54Z"), which sort
as they compare. A source that fails waits longer each time (twice its interval after
one failure, up to eight times), so a site that is down is not hammered.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, delete, select, update

from sepakat.errors import UsageError
from sepakat.store.ingest import insert_ignore
from sepakat.store.merging import chunks
from sepakat.store.prepare import normalise_url
from sepakat.store.tables import followed_items, followed_sources

__all__ = [
    "DEFAULT_INTERVAL",
    "FollowedSource",
    "ItemOutcome",
    "add_source",
    "due_sources",
    "format_interval",
    "known_items",
    "list_sources",
    "next_due",
    "parse_interval",
    "record_failure",
    "record_items",
    "record_success",
    "remove_source",
    "stamp",
    "url_key",
]

DEFAULT_INTERVAL = 30 * 60
MAX_BACKOFF_FACTOR = 8
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "": 60}
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


@dataclass(frozen=True, slots=True)
class FollowedSource:
    pk: int
    url: str
    interval_seconds: int
    added_at: str
    title: str | None
    etag: str | None
    last_modified: str | None
    last_fetch_at: str | None
    last_success_at: str | None
    last_status: str | None
    last_error: str | None
    error_count: int
    next_fetch_at: str
    items_seen: int


@dataclass(frozen=True, slots=True)
class ItemOutcome:
    """What became of one item URL of a feed: stored as an article, or refused for good."""

    url: str
    outcome: str  # stored, refused
    article_id: str | None = None
    reason: str | None = None


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(_TIME_FORMAT)


def url_key(url: str) -> str:
    """The identity of a URL: scheme, "www." and a trailing slash aside."""
    return hashlib.sha256(normalise_url(url).encode()).hexdigest()


def parse_interval(text: str) -> int:
    """Seconds in "30m", "2h", "1d", "90s" (a bare number is minutes); a usage error otherwise."""
    found = _INTERVAL.match(text)
    if found is None:
        raise UsageError(f"not an interval: {text!r} (give e.g. 30m, 2h or 1d)")
    seconds = round(float(found.group(1)) * _UNIT_SECONDS[found.group(2).lower()])
    if seconds < 1:
        raise UsageError(f"the interval must be at least a second, not {text!r}")
    return seconds


def format_interval(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def _source(row: object) -> FollowedSource:
    return FollowedSource(**{name: getattr(row, name) for name in FollowedSource.__slots__})


def add_source(
    engine: Engine, url: str, interval_seconds: int = DEFAULT_INTERVAL, *, now: datetime
) -> FollowedSource:
    """Follow ``url`` every ``interval_seconds``; a URL already followed gets the new interval."""
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        raise UsageError(f"not a web address: {url!r} (a feed or page URL starting with http:// or https://)")
    key = url_key(url)
    with engine.begin() as connection:
        insert_ignore(
            connection,
            followed_sources,
            [{"url": url, "url_key": key, "interval_seconds": interval_seconds, "added_at": stamp(now),
              "next_fetch_at": stamp(now)}],
        )  # fmt: skip
        connection.execute(
            update(followed_sources)
            .where(followed_sources.c.url_key == key)
            .values(interval_seconds=interval_seconds)
        )
        row = connection.execute(select(followed_sources).where(followed_sources.c.url_key == key)).one()
    return _source(row)


def remove_source(engine: Engine, url: str) -> bool:
    """Stop following ``url`` (and forget its items); False when it was not followed."""
    with engine.begin() as connection:
        result = connection.execute(
            delete(followed_sources).where(followed_sources.c.url_key == url_key(url))
        )
    return bool(result.rowcount)


def list_sources(engine: Engine) -> list[FollowedSource]:
    with engine.connect() as connection:
        rows = connection.execute(select(followed_sources).order_by(followed_sources.c.url))
        return [_source(row) for row in rows]


def due_sources(connection: Connection, now: datetime) -> list[FollowedSource]:
    """Sources whose next fetch is due at ``now``, the longest waiting first."""
    rows = connection.execute(
        select(followed_sources)
        .where(followed_sources.c.next_fetch_at <= stamp(now))
        .order_by(followed_sources.c.next_fetch_at, followed_sources.c.pk)
    )
    return [_source(row) for row in rows]


def known_items(connection: Connection, keys: Collection[str]) -> set[str]:
    """Which of the item ``keys`` (``url_key``) were fetched before."""
    found: set[str] = set()
    for chunk in chunks(keys):
        found.update(
            connection.execute(
                select(followed_items.c.url_key).where(followed_items.c.url_key.in_(chunk))
            ).scalars()
        )
    return found


def record_items(connection: Connection, source_pk: int, items: Sequence[ItemOutcome], now: datetime) -> None:
    """Remember fetched items (in the transaction that stored their articles)."""
    if not items:
        return
    insert_ignore(
        connection,
        followed_items,
        [
            {"source_pk": source_pk, "url_key": url_key(item.url), "url": item.url, "fetched_at": stamp(now),
             "outcome": item.outcome, "article_id": item.article_id, "reason": item.reason}
            for item in items
        ],
    )  # fmt: skip
    connection.execute(
        update(followed_sources)
        .where(followed_sources.c.pk == source_pk)
        .values(items_seen=followed_sources.c.items_seen + len(items))
    )


def record_success(
    engine: Engine,
    source: FollowedSource,
    *,
    now: datetime,
    status: str,
    etag: str | None,
    last_modified: str | None,
    title: str | None = None,
) -> None:
    """A fetch that worked (``status`` "new" or "unchanged"): keep its validators; due in one interval."""
    values = {
        "etag": etag, "last_modified": last_modified, "last_fetch_at": stamp(now),
        "last_success_at": stamp(now), "last_status": status, "last_error": None, "error_count": 0,
        "next_fetch_at": stamp(now + timedelta(seconds=source.interval_seconds)),
    }  # fmt: skip
    if title:
        values["title"] = title
    with engine.begin() as connection:
        connection.execute(
            update(followed_sources).where(followed_sources.c.pk == source.pk).values(**values)
        )


def record_failure(engine: Engine, source: FollowedSource, *, now: datetime, reason: str) -> None:
    """A fetch that failed: say why, and wait longer before the next try (validators kept)."""
    failures = source.error_count + 1
    wait = source.interval_seconds * min(2 ** (failures - 1), MAX_BACKOFF_FACTOR)
    with engine.begin() as connection:
        connection.execute(
            update(followed_sources)
            .where(followed_sources.c.pk == source.pk)
            .values(
                last_fetch_at=stamp(now),
                last_status="failed",
                last_error=reason[:2000],
                error_count=failures,
                next_fetch_at=stamp(now + timedelta(seconds=wait)),
            )
        )


def next_due(engine: Engine) -> datetime | None:
    """When the next source is due, or None when nothing is followed."""
    with engine.connect() as connection:
        value = connection.execute(
            select(followed_sources.c.next_fetch_at).order_by(followed_sources.c.next_fetch_at).limit(1)
        ).scalar_one_or_none()
    return datetime.strptime(value, _TIME_FORMAT).replace(tzinfo=UTC) if value else None

"""Following sources: fetch what is due, ingest what is new, remember it, sleep, repeat.

One round (``watch_round``), for each due source, longest waiting first:

1. fetch it conditionally (its stored ETag / Last-Modified): a 304 costs nothing more;
2. a feed: its entries whose URL was never fetched are fetched and read as articles
   (a page that is not a feed is one article, stored again when it changes);
3. extract them (the pure per-document function) and store them in batches, each batch
   in one transaction with the record of its items, so a restart neither loses nor
   fetches again what was stored;
4. keep the feed's new validators; a source that is down, slow or sends garbage is
   logged, its error kept for ``sources list``, tried again later, and the round goes on.

An item that fails for a reason that may pass (a timeout, a 5xx) is not remembered and is
tried again next round; one refused for good (a 404, robots.txt, no text) is remembered.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Engine

from sepakat.errors import FetchFailed, InputRefused
from sepakat.follow.state import (
    FollowedSource,
    ItemOutcome,
    due_sources,
    known_items,
    next_due,
    record_failure,
    record_items,
    record_success,
    url_key,
)
from sepakat.models import Extraction, RawDocument, Refusal
from sepakat.sources.checks import DEFAULT_LIMITS, ReadLimits
from sepakat.sources.feeds import Feed, FeedEntry, looks_like_feed, parse_feed
from sepakat.sources.fetch import Fetcher
from sepakat.sources.urls import entry_document, page_document
from sepakat.store.ingest import IngestSummary, store_batch_in
from sepakat.store.prepare import article_id

__all__ = ["RoundReport", "watch", "watch_round"]

log = logging.getLogger(__name__)

Outcome = Extraction | Refusal
Extract = Callable[[Iterable[RawDocument | Refusal]], Iterable[Outcome]]
DEFAULT_BATCH = 50


@dataclass
class RoundReport:
    """What one round did, for the log line and the tests."""

    checked: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source URL, reason)
    items_fetched: int = 0
    items_refused: int = 0
    items_retry_later: int = 0
    summary: IngestSummary = field(default_factory=IngestSummary)

    def line(self) -> str:
        return (
            f"sources: {self.checked} checked, {self.unchanged} unchanged, {len(self.failed)} failed; "
            f"items: {self.items_fetched} fetched, {self.items_refused} refused, "
            f"{self.items_retry_later} to retry; {self.summary.line()}"
        )


def _extract_in_process(items: Iterable[RawDocument | Refusal]) -> Iterator[Outcome]:
    from sepakat.pipeline import extract_stream

    return extract_stream(items, 1)


def watch_round(
    engine: Engine,
    fetcher: Fetcher,
    *,
    now: datetime | None = None,
    extract: Extract | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
    batch_size: int = DEFAULT_BATCH,
) -> RoundReport:
    """Fetch every source due at ``now`` and ingest its new items."""
    work = _Round(
        engine, fetcher, now or datetime.now(UTC), extract or _extract_in_process, limits, batch_size
    )
    with engine.connect() as connection:
        due = due_sources(connection, work.now)
    for source in due:
        work.report.checked += 1
        try:
            work.follow(source)
        except InputRefused as refused:
            log.warning("source %s failed: %s", source.url, refused.reason)
            work.report.failed.append((source.url, refused.reason))
            record_failure(engine, source, now=work.now, reason=refused.reason)
    return work.report


@dataclass
class _Round:
    engine: Engine
    fetcher: Fetcher
    now: datetime
    extract: Extract
    limits: ReadLimits
    batch_size: int
    report: RoundReport = field(default_factory=RoundReport)

    def follow(self, source: FollowedSource) -> None:
        fetched = self.fetcher.fetch(source.url, etag=source.etag, last_modified=source.last_modified)
        if fetched.not_modified:
            self.report.unchanged += 1
            record_success(self.engine, source, now=self.now, status="unchanged", etag=source.etag,
                           last_modified=source.last_modified)  # fmt: skip
            return
        title = None
        deferred = self.report.items_retry_later
        if looks_like_feed(fetched.body, fetched.content_type):
            feed = parse_feed(fetched.body, fetched.final_url, fetched.content_type)
            title = feed.title
            handled = self.store(source, self.extract(self.new_entries(feed)))
        else:
            # A page that is not a feed is one article, stored again when it changes.
            page = page_document(fetched, self.limits, origin=source.url)
            if isinstance(page, Refusal):
                raise InputRefused(source.url, f"neither a feed nor an article: {page.reason}")
            handled = self.store(None, self.extract([page]))
        if not handled:
            self.report.unchanged += 1
        # Items left for later need the feed read again next round, not answered by a 304.
        keep = self.report.items_retry_later == deferred
        record_success(
            self.engine,
            source,
            now=self.now,
            status="new" if handled else "unchanged",
            etag=fetched.etag if keep else None,
            last_modified=fetched.last_modified if keep else None,
            title=title,
        )

    def new_entries(self, feed: Feed) -> Iterator[RawDocument | Refusal]:
        """The documents of entries never fetched before, fetched one by one as extraction asks."""
        addresses = [(entry, _entry_address(feed, entry)) for entry in feed.entries]
        with self.engine.connect() as connection:
            seen = known_items(connection, {url_key(address) for _, address in addresses})
        for entry, address in addresses:
            key = url_key(address)
            if key in seen:
                continue
            seen.add(key)  # an entry listed twice is fetched once
            if entry.link is None:
                yield entry_document(entry, feed, self.fetcher, self.limits)  # its content, from the feed
                continue
            try:
                fetched = self.fetcher.fetch(entry.link)
            except FetchFailed as failed:
                if failed.transient:
                    log.info("item %s: %s; trying again next round", entry.link, failed.reason)
                    self.report.items_retry_later += 1
                else:
                    yield Refusal(entry.link, failed.reason)
                continue
            self.report.items_fetched += 1
            yield page_document(
                fetched, self.limits, origin=entry.link, title=entry.title, published=entry.published
            )

    def store(self, source: FollowedSource | None, outcomes: Iterable[Outcome]) -> int:
        """Store in batches, each with its items recorded (not for ``source`` None); returns the count."""
        batch: list[Outcome] = []
        handled = 0
        for outcome in outcomes:
            batch.append(outcome)
            if len(batch) >= self.batch_size:
                handled += self.store_batch(source, batch)
                batch = []
        if batch:
            handled += self.store_batch(source, batch)
        return handled

    def store_batch(self, source: FollowedSource | None, batch: list[Outcome]) -> int:
        items: list[ItemOutcome] = []
        for outcome in batch:
            if isinstance(outcome, Refusal):
                self.report.items_refused += 1
                self.report.summary.refused += 1
                self.report.summary.refusals.append(outcome)
                log.warning("refused %s: %s", outcome.origin, outcome.reason)
                items.append(ItemOutcome(outcome.origin, "refused", reason=outcome.reason))
            else:
                items.append(
                    ItemOutcome(outcome.article.origin, "stored", article_id=article_id(outcome.article))
                )
        with self.engine.begin() as connection:
            store_batch_in(connection, [o for o in batch if isinstance(o, Extraction)], self.report.summary)
            if source is not None:
                record_items(connection, source.pk, items, self.now)
        return len(items)


def _entry_address(feed: Feed, entry: FeedEntry) -> str:
    """The URL an entry is remembered by (and the origin of its document)."""
    return entry.link or f"{feed.url}#{entry.id or entry.title or 'entry'}"


def watch(
    engine: Engine,
    fetcher: Fetcher,
    *,
    stop: threading.Event | None = None,
    rounds: int | None = None,
    min_sleep: float = 5.0,
    max_sleep: float = 300.0,
    on_round: Callable[[RoundReport], None] | None = None,
    **round_options: object,
) -> None:
    """Run rounds until ``stop`` is set (or ``rounds`` are done), sleeping until the next source is due."""
    stop = stop or threading.Event()
    done = 0
    while not stop.is_set():
        report = watch_round(engine, fetcher, **round_options)  # type: ignore[arg-type]
        log.debug("watch round: %s", report.line())
        if on_round is not None:
            on_round(report)
        done += 1
        if rounds is not None and done >= rounds:
            return
        due = next_due(engine)
        wait = max_sleep if due is None else (due - datetime.now(UTC)).total_seconds()
        stop.wait(min(max(wait, min_sleep), max_sleep))

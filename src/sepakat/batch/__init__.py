"""Batches past one machine: shards of the inputs, extracted where they are, stored in order.

    run_batch(paths, db=..., executor=...)
    1. plan      shards.plan_shards: files, WARC files, byte or line ranges of JSON Lines
    2. skip      shards an earlier run stored (the registry's ``batch_shards``)
    3. run       executors: extraction of each shard on a worker (the pure per-document
                 function), stores one after another in shard order, in batches, under
                 the registry's write lock
    4. sum up    counts per shard, added as they arrive

The registry ends the same with any engine, any number of workers and any order in which
extractions finish: stores follow shard order, and each is idempotent.

shards      planning (client) and reading (workers)
jobs        the two tasks of a shard: extract_shard, store_shard
executors   LocalExecutor (process pool) and DaskExecutor (dask.distributed)
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sepakat.batch.executors import DaskExecutor, Executor, LocalExecutor, make_executor
from sepakat.batch.jobs import ShardDone, ShardJob, shards_done
from sepakat.batch.shards import DEFAULT_SHARD_SIZE, Shard, plan_shards
from sepakat.models import Refusal
from sepakat.sources.checks import DEFAULT_MAX_DOCUMENT_BYTES

__all__ = [
    "BatchSummary",
    "DaskExecutor",
    "Executor",
    "LocalExecutor",
    "Shard",
    "ShardDone",
    "make_executor",
    "plan_shards",
    "registry_url",
    "run_batch",
]

log = logging.getLogger(__name__)


@dataclass
class BatchSummary:
    shards: int = 0
    skipped: int = 0
    documents: int = 0
    articles_new: int = 0
    articles_unchanged: int = 0
    articles_updated: int = 0
    refused: int = 0
    other_languages: int = 0
    agreements_new: int = 0
    agreements_updated: int = 0
    extract_seconds: float = 0.0
    store_seconds: float = 0.0
    seconds: float = 0.0
    refusals: list[Refusal] = field(default_factory=list)

    def add(self, done: ShardDone) -> None:
        self.documents += done.documents
        self.articles_new += done.articles_new
        self.articles_unchanged += done.articles_unchanged
        self.articles_updated += done.articles_updated
        self.refused += done.refused
        self.other_languages += done.other_languages
        self.agreements_new += done.agreements_new
        self.agreements_updated += done.agreements_updated
        self.extract_seconds += done.extract_seconds
        self.store_seconds += done.store_seconds
        self.refusals.extend(done.refusals)

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        return (
            f"shards: {self.shards} run, {self.skipped} stored before; documents: {self.documents} "
            f"({rate:.0f}/s); articles: {self.articles_new} new, {self.articles_unchanged} unchanged, "
            f"{self.articles_updated} updated, {self.refused} refused"
            + (f", {self.other_languages} in other languages" if self.other_languages else "")
            + "; "
            f"agreements: {self.agreements_new} new, {self.agreements_updated} updated"
        )


def registry_url(db: str | None) -> str:
    """The registry's URL, with a SQLite path made absolute (workers may run in other folders)."""
    from sepakat.store.engine import resolve_url

    url = resolve_url(db)
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/"):
        return prefix + str(Path(url[len(prefix) :]).resolve())
    return url


def run_batch(
    paths: Sequence[str],
    *,
    executor: Executor,
    db: str | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
    batch_size: int = 250,
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
    resume: bool = True,
    languages: Sequence[str] = (),
    progress: Callable[[ShardDone], None] | None = None,
) -> BatchSummary:
    """Extract and store every document of ``paths`` with ``executor``; shards stored before are skipped.

    ``languages`` ("id", "en"): store only articles in these, as for an archive of every language.
    """
    from sepakat.store.engine import open_registry

    started = time.perf_counter()
    url = registry_url(db)
    engine = open_registry(url)  # made and migrated here, before any worker opens it
    try:
        shards = plan_shards(paths, shard_size)
        done = shards_done(engine, {s.key for s in shards}) if resume else set()
    finally:
        engine.dispose()
    todo = [s for s in shards if s.key not in done]
    summary = BatchSummary(shards=len(todo), skipped=len(shards) - len(todo))
    log.info("%d shards to run, %d stored before", len(todo), summary.skipped)
    job = ShardJob(url, batch_size, max_document_bytes, frozenset(code.strip().lower() for code in languages))
    for result in executor.run(todo, job):
        summary.add(result)
        if progress is not None:
            progress(result)
    summary.seconds = time.perf_counter() - started
    return summary

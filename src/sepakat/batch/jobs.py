"""The two tasks of a shard, as plain functions any engine can run where the data is.

    extract_shard(shard, job)           read the shard itself, run the pure per-document
                                        function on each document and prepare each extraction
                                        for the store (``store.prepare``: ids, hashes, entity
                                        references, report keys): a list of outcomes
    store_shard(job, shard, outcomes)   store those outcomes in the registry, batch by batch
                                        (each batch one transaction under the registry's write
                                        lock), then mark the shard stored

Engines run extractions in parallel and stores one after another in shard order, so the
registry ends the same whatever order extractions finish in, and the same as with the
other engine. Storing is idempotent: a store redone after a worker died finds the batches
it had committed unchanged and changes nothing there. Stores are the serial part of a
batch, so whatever can be computed per article is done by ``extract_shard``, in parallel.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from functools import cache

from sqlalchemy import Engine, select

from sepakat.batch.shards import Shard, read_shard
from sepakat.models import Extraction, Refusal
from sepakat.sources.checks import ReadLimits
from sepakat.store.ingest import IngestSummary, ingest, insert_ignore
from sepakat.store.merging import chunks, now
from sepakat.store.prepare import PreparedArticle, prepare
from sepakat.store.tables import batch_shards

__all__ = ["MAX_REFUSALS_KEPT", "ShardDone", "ShardJob", "extract_shard", "shards_done", "store_shard"]

log = logging.getLogger(__name__)

Outcome = PreparedArticle | Refusal
MAX_REFUSALS_KEPT = 20  # per shard, in the summary sent back to the client


@dataclass(frozen=True, slots=True)
class ShardJob:
    """What every task of one batch needs: where to store, and how."""

    db_url: str
    batch_size: int = 250
    max_document_bytes: int = ReadLimits().max_document_bytes
    languages: frozenset[str] = frozenset()  # store only articles in these (empty: all)


@dataclass(frozen=True, slots=True)
class ShardDone:
    """A stored shard, as reported to the client (small: counts and a few refusals)."""

    key: str
    path: str
    part: str
    documents: int
    articles_new: int
    articles_unchanged: int
    articles_updated: int
    refused: int
    agreements_new: int
    agreements_updated: int
    extract_seconds: float
    store_seconds: float
    refusals: tuple[Refusal, ...] = field(default=())
    other_languages: int = 0  # extracted, not stored: not in ``ShardJob.languages``


def extract_shard(shard: Shard, job: ShardJob) -> tuple[list[Outcome], float]:
    """The outcomes of every document of ``shard``, prepared for the store, and the seconds it
    took (runs on a worker)."""
    from sepakat.pipeline import extract_stream

    started = time.perf_counter()
    limits = ReadLimits(max_document_bytes=job.max_document_bytes)
    outcomes = [
        prepare(outcome) if isinstance(outcome, Extraction) else outcome
        for outcome in extract_stream(read_shard(shard, limits), 1)
    ]
    return outcomes, time.perf_counter() - started


def _in_languages(outcome: Outcome, languages: frozenset[str]) -> bool:
    return not languages or isinstance(outcome, Refusal) or outcome.extraction.article.language in languages


@cache
def _engine(url: str) -> Engine:
    """One engine per registry per worker process (connections are reused across shards)."""
    from sepakat.store.engine import open_registry

    return open_registry(url)


def store_shard(
    job: ShardJob, shard: Shard, extracted: tuple[list[Outcome], float], *_after: object
) -> ShardDone:
    """Store one shard's outcomes and mark it stored (runs where the outcomes are).

    ``_after`` is the previous shard's result: engines pass it so that stores run in order.
    """
    extractions, extract_seconds = extracted
    outcomes = [o for o in extractions if _in_languages(o, job.languages)]
    started = time.perf_counter()
    engine = _engine(job.db_url)
    summary: IngestSummary = ingest(engine, outcomes, batch_size=job.batch_size)
    with engine.begin() as connection:
        insert_ignore(
            connection,
            batch_shards,
            [{"key": shard.key, "path": shard.paths[0], "part": shard.part, "documents": len(extractions),
              "refused": summary.refused, "done_at": now()}],
        )  # fmt: skip
    return ShardDone(
        key=shard.key,
        path=shard.paths[0],
        part=shard.part,
        documents=len(extractions),
        articles_new=summary.articles_new,
        articles_unchanged=summary.articles_unchanged,
        articles_updated=summary.articles_updated,
        refused=summary.refused,
        agreements_new=summary.agreements_new,
        agreements_updated=summary.agreements_updated,
        extract_seconds=extract_seconds,
        store_seconds=time.perf_counter() - started,
        refusals=tuple(summary.refusals[:MAX_REFUSALS_KEPT]),
        other_languages=len(extractions) - len(outcomes),
    )


def shards_done(engine: Engine, keys: set[str]) -> set[str]:
    """Which of ``keys`` an earlier run stored."""
    found: set[str] = set()
    with engine.connect() as connection:
        for chunk in chunks(keys):
            found.update(
                connection.execute(select(batch_shards.c.key).where(batch_shards.c.key.in_(chunk))).scalars()
            )
    return found

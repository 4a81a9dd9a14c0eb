"""Executors: one small interface, a process pool here or a Dask cluster anywhere.

    Executor.run(shards, job) -> ShardDone, ...   in shard order
    ├── LocalExecutor(workers)      extractions on a process pool (in this process when
    │                               workers == 1), stores in this process, in order
    └── DaskExecutor(scheduler, workers)
                                    dask.distributed: a LocalCluster when no scheduler is
                                    given, else any running cluster. Each shard is two tasks:
                                    extract (reads the shard on the worker) and store (on the
                                    worker holding the outcomes, after the previous shard's
                                    store). Only shard descriptions go out and small
                                    summaries come back: nothing large passes the client

Both keep a window of shards in flight (twice the worker count), so memory stays bounded
however many shards there are. A worker that dies costs the retry of the shards it held:
Dask recomputes lost results (and a store redone changes nothing already committed); the
local pool is rebuilt and the pending shards submitted again, each at most ``RETRIES`` times.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import uuid
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from sepakat.batch.jobs import ShardDone, ShardJob, extract_shard, store_shard
from sepakat.batch.shards import Shard
from sepakat.errors import UsageError

__all__ = ["DaskExecutor", "Executor", "LocalExecutor", "make_executor"]

log = logging.getLogger(__name__)

RETRIES = 3
# Stores run before further extractions wherever both are ready: the chain of stores paces the run.
STORE_PRIORITY = 1_000_000


class Executor(Protocol):
    """Runs a batch's shards: extractions in parallel, stores one after another in shard order."""

    name: str

    def run(self, shards: Sequence[Shard], job: ShardJob) -> Iterator[ShardDone]: ...

    def close(self) -> None: ...


def _warm_up() -> None:
    """Load word lists and models once per worker, before its first shard."""
    from sepakat.extract import warm_up

    warm_up()


def _default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class LocalExecutor:
    """A process pool on this machine (the default engine)."""

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or _default_workers()
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=_warm_up)

    def run(self, shards: Sequence[Shard], job: ShardJob) -> Iterator[ShardDone]:
        if self.workers <= 1:
            for shard in shards:
                yield store_shard(job, shard, extract_shard(shard, job))
            return
        window = 2 * self.workers
        tries = dict.fromkeys(range(len(shards)), 0)
        waiting = deque(range(len(shards)))
        pending: deque[tuple[int, Future[Any]]] = deque()
        self._pool = self._pool or self._new_pool()
        while True:
            try:
                while len(pending) < window and waiting:
                    pending.append((waiting[0], self._pool.submit(extract_shard, shards[waiting[0]], job)))
                    waiting.popleft()  # only once the pool took it
                if not pending:
                    return
                extracted = pending[0][1].result()
            except BrokenProcessPool:
                pending = self._resubmit(pending, shards, job, tries)
                continue
            index, _future = pending.popleft()
            yield store_shard(job, shards[index], extracted)

    def _resubmit(
        self,
        pending: deque[tuple[int, Future[Any]]],
        shards: Sequence[Shard],
        job: ShardJob,
        tries: dict[int, int],
    ) -> deque[tuple[int, Future[Any]]]:
        """A worker died: a new pool, and the shards in flight submitted again."""
        for index, _ in pending:
            tries[index] += 1
            if tries[index] > RETRIES:
                raise RuntimeError(
                    f"shard {shards[index].paths[0]} ({shards[index].part}) killed a worker {RETRIES} times"
                )
        log.warning("a worker process died; retrying %d shards on a new pool", len(pending))
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()
        return deque((index, self._pool.submit(extract_shard, shards[index], job)) for index, _ in pending)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskExecutor:
    """dask.distributed: a LocalCluster of ``workers`` processes, or the cluster at ``scheduler``."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        try:
            # An optional extra, untyped: used through Any.
            distributed: Any = importlib.import_module("distributed")
        except ImportError:
            raise UsageError("the dask engine needs dask.distributed: pip install 'sepakat[dask]'") from None
        self._cluster: Any = None
        if scheduler and workers:
            raise UsageError("--workers starts a local cluster; a cluster at --scheduler has its own workers")
        if scheduler:
            try:
                self.client: Any = distributed.Client(scheduler, timeout="20s")
            except OSError as error:
                raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        else:
            self._cluster = distributed.LocalCluster(
                n_workers=workers or _default_workers(),
                threads_per_worker=1,  # the extractor is pure Python: one process per core
                processes=True,
                # The scheduler's HTTP server starts whatever the dashboard setting; on a
                # free port, so a second run or another program on 8787 is no clash.
                dashboard_address=":0",
            )
            self.client = distributed.Client(self._cluster)

    @property
    def slots(self) -> int:
        return max(1, int(sum(self.client.nthreads().values())))

    def run(self, shards: Sequence[Shard], job: ShardJob) -> Iterator[ShardDone]:
        self.client.run(_warm_up)
        run = uuid.uuid4().hex[:10]
        window = 2 * self.slots
        pending: deque[Any] = deque()
        previous: Any = None
        for index, shard in enumerate(shards):
            extracted = self.client.submit(
                extract_shard, shard, job, key=f"sepakat-extract-{run}-{index}", priority=-index,
                retries=RETRIES, pure=False,
            )  # fmt: skip
            previous = self.client.submit(
                store_shard, job, shard, extracted, previous, key=f"sepakat-store-{run}-{index}",
                priority=STORE_PRIORITY - index, retries=RETRIES, pure=False,
            )  # fmt: skip
            pending.append(previous)
            while len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_executor(engine: str, *, workers: int | None = None, scheduler: str | None = None) -> Executor:
    """The executor named ``engine`` ("local" or "dask")."""
    if engine == "local":
        if scheduler:
            raise UsageError("--scheduler is for --engine dask")
        return LocalExecutor(workers)
    if engine == "dask":
        return DaskExecutor(scheduler, workers)
    raise UsageError(f"unknown engine {engine!r}: local or dask")

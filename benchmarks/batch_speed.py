"""Batch speed: Dask with 1 and 2 workers against the local pool with 1 and 2 processes, and the ceiling.

    .venv/bin/python benchmarks/batch_speed.py [--count 6000] [--shard-size 500] [--rounds 2] [--warc]

Takes the first COUNT articles of ../shared/corpus/id-news.jsonl.gz (as one .jsonl.gz,
read in line ranges by the workers) and runs `sepakat batch` on it through the library,
each configuration into a new SQLite registry, timed end to end (engine start, planning,
extraction, storing, shutdown), the configurations interleaved over ROUNDS. Prints
articles/s per configuration (best round), the scaling from 1 to 2 workers (goal >= 1.7)
and Dask's overhead over the local pool (goal <= 20%). With --warc it also times the
same articles as HTML pages in a WARC.gz (the CC-NEWS path: trafilatura first), for the
capacity plan in docs/cluster.md.

The machine's ceiling: this machine is shared, and even a trivially parallel loop gains
between 1.4x and 2x from a second process. So, interleaved with the configurations, the
run also times the batch's parallel part alone: the same shards through ``extract_shard``
(read, extract, prepare for the store; the outcomes sent back) on 1 process and on a pool
of 2, nothing stored. Its scaling is what the batch could reach here today; the batch's
scaling over it says how much the serial store costs.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import itertools
import multiprocessing
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from html import escape
from pathlib import Path

import orjson
import psutil  # type: ignore[import-untyped]  # installed with dask.distributed (the dev extra)

from sepakat.batch import BatchSummary, DaskExecutor, Executor, LocalExecutor, plan_shards, run_batch
from sepakat.batch.jobs import ShardJob, extract_shard
from sepakat.extract import warm_up

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "id-news.jsonl.gz"
EXTRACT_ONLY = "extract only"  # the ceiling: the same shards extracted, nothing stored
CONFIGS = (("local", 1), ("local", 2), ("dask", 1), ("dask", 2), (EXTRACT_ONLY, 1), (EXTRACT_ONLY, 2))


def prefix(corpus: Path, count: int, directory: Path) -> Path:
    with gzip.open(corpus, "rb") as stream:
        lines = list(itertools.islice(stream, count))
    path = directory / f"id-news-{len(lines)}.jsonl.gz"
    path.write_bytes(gzip.compress(b"".join(lines)))
    return path


def as_warc(source: Path, directory: Path) -> Path:
    """The same articles as HTML response records (written with warcio, a dev dependency)."""
    from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]  # no type information
    from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

    path = directory / "id-news.warc.gz"
    with gzip.open(source, "rb") as lines, path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i, line in enumerate(lines):
            row = orjson.loads(line)
            body = "".join(f"<p>{escape(p)}</p>" for p in str(row.get("text") or "").split("\n") if p.strip())
            page = (
                f"<html><head><title>{escape(str(row.get('title') or ''))}</title></head>"
                f"<body><article>{body}</article></body></html>"
            ).encode()
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            url = str(row.get("url") or f"https://example.invalid/{i}")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(page), length=len(page),
                                               http_headers=http)  # fmt: skip
            writer.write_record(record)
            record.raw_stream.close()
    return path


def tree_cpu() -> dict[int, float]:
    """CPU seconds so far of this process and every process under it (pool, Dask nannies, workers)."""
    me = psutil.Process()
    found: dict[int, float] = {}
    for process in [me, *me.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            times = process.cpu_times()
            found[process.pid] = times.user + times.system
    return found


def run(
    engine: str, workers: int, path: Path, directory: Path, shard_size: int
) -> tuple[float, float, BatchSummary]:
    """Articles per second of wall time and per CPU second (all processes), and the summary."""
    db = directory / f"{engine}-{workers}-{time.monotonic_ns()}.db"
    started, before = time.perf_counter(), tree_cpu()
    executor: Executor = LocalExecutor(workers) if engine == "local" else DaskExecutor(workers=workers)
    try:
        summary = run_batch([str(path)], executor=executor, db=str(db), shard_size=shard_size)
        after = tree_cpu()  # before the workers end: afterwards their time is out of sight
    finally:
        executor.close()
    seconds = time.perf_counter() - started
    cpu = sum(value - before.get(pid, 0.0) for pid, value in after.items())
    db.unlink()
    return summary.documents / seconds, summary.documents / cpu, summary


def extract_only(workers: int, path: Path, shard_size: int) -> tuple[float, float, int]:
    """Articles per second of wall time and per CPU second, and the count, of ``extract_shard``
    alone over the batch's shards: in this process for one worker, else on a pool as the
    local engine runs it (started, warmed up and shut down within the time)."""
    shards = plan_shards([str(path)], shard_size)
    job = ShardJob(db_url="sqlite://")  # never opened: nothing is stored
    started, before = time.perf_counter(), tree_cpu()
    if workers == 1:
        documents = sum(len(extract_shard(shard, job)[0]) for shard in shards)
        after = tree_cpu()
    else:
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(workers, mp_context=context, initializer=warm_up) as pool:
            done = pool.map(extract_shard, shards, itertools.repeat(job))
            documents = sum(len(outcomes) for outcomes, _seconds in done)
            after = tree_cpu()  # before the pool ends, as in ``run``
    seconds = time.perf_counter() - started
    cpu = sum(value - before.get(pid, 0.0) for pid, value in after.items())
    return documents / seconds, documents / cpu, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=6000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--shard-size", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--warc", action="store_true", help="also time the same articles as a WARC.gz")
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus} is absent")
    cores = len(os.sched_getaffinity(0))
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as temporary:
        directory = Path(temporary)
        path = prefix(args.corpus, args.count, directory)
        best: dict[tuple[str, int], float] = {}
        per_cpu: dict[tuple[str, int], float] = {}
        for round_number in range(args.rounds):
            for engine, workers in CONFIGS:
                if engine == EXTRACT_ONLY:
                    rate, cpu_rate, documents = extract_only(workers, path, args.shard_size)
                    shards = len(plan_shards([str(path)], args.shard_size))
                else:
                    rate, cpu_rate, summary = run(engine, workers, path, directory, args.shard_size)
                    documents, shards = summary.documents, summary.shards
                best[engine, workers] = max(best.get((engine, workers), 0.0), rate)
                per_cpu[engine, workers] = max(per_cpu.get((engine, workers), 0.0), cpu_rate)
                print(f"round {round_number + 1}: {engine:12} x{workers}: {rate:7.1f} articles/s, "
                      f"{cpu_rate:6.1f} per CPU second ({documents} articles, "
                      f"{shards} shards, load {os.getloadavg()[0]:.2f})", flush=True)  # fmt: skip
        print(f"\n{args.count} articles of id-news, shards of {args.shard_size}; {cores} cores, "
              f"load average {load:.2f} at the start; best of {args.rounds} rounds")  # fmt: skip
        print("| engine | workers | articles/s | articles per CPU second |\n|---|---|---|---|")
        for (engine, workers), rate in best.items():
            print(f"| {engine} | {workers} | {rate:.0f} | {per_cpu[engine, workers]:.0f} |")
        ceiling = best[EXTRACT_ONLY, 2] / best[EXTRACT_ONLY, 1]
        print(f"extraction alone (no store): 2 processes / 1 = {ceiling:.2f}: "
              "the machine's ceiling for this work")  # fmt: skip
        for engine in ("local", "dask"):
            scaling = best[engine, 2] / best[engine, 1]
            print(f"{engine}: 2 workers / 1 = {scaling:.2f} (goal >= 1.7); "
                  f"{scaling / ceiling:.0%} of the ceiling ({scaling:.2f} / {ceiling:.2f})")  # fmt: skip
        for workers in (1, 2):
            overhead = best["local", workers] / best["dask", workers] - 1
            print(f"dask overhead over local, {workers} worker(s): {overhead:+.0%} (goal <= +20%)")
        if args.warc:
            warc = as_warc(path, directory)
            rate, cpu_rate, _summary = run("local", 1, warc, directory, args.shard_size)
            print(f"WARC.gz of the same articles (HTML, trafilatura first), local x1: {rate:.1f} articles/s, "
                  f"{cpu_rate:.1f} per CPU second")  # fmt: skip


if __name__ == "__main__":
    main()

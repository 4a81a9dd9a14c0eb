"""Batch: shards cover every line once, both engines store the same registry, a killed Dask
worker costs only a retry, and a rerun skips what was stored.

The articles are our own writing (variations on tests/news_fixtures.py); one test reads a
prefix of the real corpus and skips when ../shared is absent.
"""

from __future__ import annotations

import gzip
import itertools
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from news_fixtures import ARTICLES
from registry_state import snapshot
from sepakat.batch import DaskExecutor, LocalExecutor, ShardDone, plan_shards, run_batch
from sepakat.batch.shards import MAX_GZIP_SHARDS, read_shard
from sepakat.cli import _register, app
from sepakat.errors import UsageError
from sepakat.models import RawDocument, Refusal
from sepakat.sources import iter_documents
from sepakat.store.engine import open_registry
from test_warc import news_archive

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "id-news.jsonl.gz"
PARTNERS = ["Peru", "Chile", "Vietnam", "Jepang", "Korea Selatan", "Uni Emirat Arab", "Brasil", "Kenya"]


def own_articles(count: int) -> list[dict[str, str]]:
    """``count`` short articles of our own writing: the fixtures with other partners and dates."""
    slugs = list(ARTICLES)
    rows = []
    for i in range(count):
        title, body = ARTICLES[slugs[i % len(slugs)]]
        partner = PARTNERS[(i // len(slugs)) % len(PARTNERS)]
        for known in ("Peru", "Jepang", "Uni Emirat Arab", "Korea Selatan"):
            title, body = title.replace(known, partner), body.replace(known, partner)
        rows.append(
            {"id": f"own-{i}", "title": f"{title} ({i})", "published": f"2025-06-{1 + i % 28:02d}T08:00:00",
             "url": f"https://warta.example.id/berita/{i}", "text": body}
        )  # fmt: skip
    return rows


def write_jsonl(path: Path, rows: list[dict[str, Any]] | list[bytes]) -> Path:
    lines = [r if isinstance(r, bytes) else orjson.dumps(r) for r in rows]
    data = b"".join(line + b"\n" for line in lines)
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


def described(items: Iterator[RawDocument | Refusal]) -> list[tuple[str, str | None]]:
    return [(i.origin, i.id if isinstance(i, RawDocument) else i.reason) for i in items]


# --- shards --------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    lines=st.lists(
        st.sampled_from([b'{"text": "Kerja sama"}', b'{"text": "x", "id": 7}', b"", b"{rusak", b"[1]"]),
        max_size=30,
    ),
    size=st.integers(1, 9),
    gz=st.booleans(),
    final_newline=st.booleans(),
)
def test_shards_read_every_line_once_in_order(
    tmp_path_factory: pytest.TempPathFactory, lines: list[bytes], size: int, gz: bool, final_newline: bool
) -> None:
    path = tmp_path_factory.mktemp("shards") / ("a.jsonl.gz" if gz else "a.jsonl")
    data = b"\n".join(lines) + (b"\n" if final_newline and lines else b"")
    path.write_bytes(gzip.compress(data) if gz else data)
    expected = described(iter_documents([str(path)]))
    got = [item for shard in plan_shards([str(path)], size) for item in described(read_shard(shard))]
    if data.strip():
        assert got == expected
    else:
        assert got == []  # an empty file: nothing to store (ingest calls it a refusal)


def test_a_gzip_file_is_cut_into_at_most_so_many_ranges(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl.gz", [{"text": f"berita {i}"} for i in range(1000)])
    shards = plan_shards([str(path)], 1)
    assert MAX_GZIP_SHARDS - 2 <= len(shards) <= MAX_GZIP_SHARDS and shards[-1].stop == 1000
    assert sum(len(list(read_shard(s))) for s in shards) == 1000


def test_files_warcs_and_urls_become_shards(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"berita-{i}.txt").write_text(f"Judul {i}\n\nIsi berita {i}.\n")
    news_archive(tmp_path / "arsip.warc.gz")
    write_jsonl(tmp_path / "b.jsonl", own_articles(7))
    shards = plan_shards([str(tmp_path), "https://warta.example.id/rss"], 2)
    kinds = [(s.kind, len(s.paths)) for s in shards]
    assert kinds == [
        ("warc", 1), ("jsonl-bytes", 1), ("jsonl-bytes", 1), ("jsonl-bytes", 1), ("jsonl-bytes", 1),
        ("files", 2), ("files", 2), ("files", 1), ("urls", 1),
    ]  # fmt: skip
    assert all(os.path.isabs(p) for s in shards if s.kind != "urls" for p in s.paths)
    assert len({s.key for s in shards}) == len(shards)


def test_a_changed_file_gets_new_shard_keys(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", own_articles(4))
    before = {s.key for s in plan_shards([str(path)], 2)}
    write_jsonl(path, own_articles(5))
    assert before.isdisjoint({s.key for s in plan_shards([str(path)], 2)})


def test_standard_input_is_not_a_batch_input() -> None:
    with pytest.raises(UsageError, match="not standard input"):
        plan_shards(["-"])


# --- engines -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def own_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("batch") / "own.jsonl.gz", own_articles(96))


@pytest.fixture(scope="module")
def local_reference(own_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The registry one local process leaves: what every other engine must match."""
    db = str(tmp_path_factory.mktemp("reference") / "local.db")
    run_batch([str(own_corpus)], executor=LocalExecutor(1), db=db, shard_size=12, batch_size=5)
    engine = open_registry(db)
    state = snapshot(engine)
    engine.dispose()
    assert len(state["articles"]) == 96 and state["agreements"], "the fixture reports agreements"
    return state


def registry_state(db: str) -> dict[str, Any]:
    engine = open_registry(db)
    try:
        return snapshot(engine)
    finally:
        engine.dispose()


def test_a_local_pool_stores_what_one_process_stores(
    own_corpus: Path, local_reference: dict[str, Any], tmp_path: Path
) -> None:
    executor = LocalExecutor(2)
    try:
        summary = run_batch([str(own_corpus)], executor=executor, db=str(tmp_path / "pool.db"), shard_size=12,
                            batch_size=5)  # fmt: skip
    finally:
        executor.close()
    assert summary.documents == 96 and summary.articles_new == 96 and summary.shards == 8
    assert registry_state(str(tmp_path / "pool.db")) == local_reference


def test_dask_stores_what_the_local_engine_stores(
    own_corpus: Path, local_reference: dict[str, Any], db_url: str
) -> None:
    executor = DaskExecutor(workers=2)
    try:
        summary = run_batch([str(own_corpus)], executor=executor, db=db_url, shard_size=12, batch_size=5)
    finally:
        executor.close()
    assert summary.documents == 96 and summary.refused == 0
    assert registry_state(db_url) == local_reference


def test_a_killed_dask_worker_costs_a_retry_not_a_duplicate(
    own_corpus: Path, local_reference: dict[str, Any], tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as cluster:
        executor = DaskExecutor(scheduler=cluster.scheduler_address)
        pids = set(executor.client.run(os.getpid).values())
        killed: list[int] = []

        def kill_one(done: ShardDone) -> None:
            if not killed:  # mid-run: the other shards of the window are in flight or held unstored
                killed.append(next(iter(pids)))
                os.kill(killed[0], signal.SIGKILL)

        try:
            summary = run_batch(
                [str(own_corpus)], executor=executor, db=str(tmp_path / "kill.db"), shard_size=6,
                batch_size=5,
                progress=kill_one,
            )  # fmt: skip
            after = set(executor.client.run(os.getpid).values())
        finally:
            executor.close()
    assert killed and killed[0] not in after, "the worker was killed (and replaced by its nanny)"
    assert summary.documents == 96
    assert registry_state(str(tmp_path / "kill.db")) == local_reference, "complete, nothing twice"


def test_a_rerun_skips_stored_shards_and_again_changes_nothing(
    own_corpus: Path, local_reference: dict[str, Any], tmp_path: Path
) -> None:
    db = str(tmp_path / "again.db")
    run_batch([str(own_corpus)], executor=LocalExecutor(1), db=db, shard_size=12, batch_size=5)
    rerun = run_batch([str(own_corpus)], executor=LocalExecutor(1), db=db, shard_size=12, batch_size=5)
    assert rerun.shards == 0 and rerun.skipped == 8
    again = run_batch([str(own_corpus)], executor=LocalExecutor(1), db=db, shard_size=12, batch_size=5,
                      resume=False)  # fmt: skip
    assert again.articles_unchanged == 96 and again.articles_new == 0
    assert registry_state(db) == local_reference


@pytest.mark.corpus
@pytest.mark.skipif(
    not CORPUS.exists(), reason="../shared/corpus is absent (real news, not in the repository)"
)
def test_the_corpus_gives_the_same_registry_on_both_engines(tmp_path: Path) -> None:
    with gzip.open(CORPUS, "rb") as stream:
        prefix = list(itertools.islice(stream, 400))
    path = tmp_path / "id-news-400.jsonl.gz"
    path.write_bytes(gzip.compress(b"".join(prefix)))
    runner = CliRunner()
    _register()
    results = {}
    for engine in ("local", "dask"):
        db = str(tmp_path / f"{engine}.db")
        result = runner.invoke(app, ["batch", str(path), "--engine", engine, "--workers", "2", "--db", db,
                                     "--shard-size", "50"])  # fmt: skip
        assert result.exit_code == 0, result.output
        assert "400 new" in result.stderr
        results[engine] = registry_state(db)
    assert results["local"] == results["dask"]
    assert len(results["dask"]["articles"]) == 400


def test_the_command_says_what_is_wrong(tmp_path: Path) -> None:
    runner = CliRunner()
    _register()
    unknown = runner.invoke(app, ["batch", str(tmp_path), "--engine", "spark"])
    assert unknown.exit_code == 2 and "unknown engine" in unknown.stderr
    stdin = runner.invoke(app, ["batch", "-", "--db", str(tmp_path / "r.db")])
    assert stdin.exit_code == 2 and "not standard input" in stdin.stderr
    missing = runner.invoke(app, ["batch", str(tmp_path / "nothing.jsonl"), "--db", str(tmp_path / "r.db")])
    assert missing.exit_code == 1 and "no such file" in missing.stderr


def test_only_the_languages_asked_for_are_stored(tmp_path: Path) -> None:
    rows: list[dict[str, Any]] = [
        *own_articles(3),
        {"id": "en-1", "title": "Indonesia and Peru sign fisheries pact",
         "text": "Indonesia and Peru signed a memorandum of understanding on fisheries in Lima on Thursday. "
                 "The two ministers said the agreement covers training for fishermen and joint research."},
        {"id": "es-1", "title": "Perú e Indonesia firman un memorando",
         "text": "Los gobiernos de Perú e Indonesia firmaron el jueves en Lima un memorando de entendimiento "
                 "sobre pesca. Los ministros dijeron que el acuerdo incluye la formación de pescadores."},
    ]  # fmt: skip
    path = write_jsonl(tmp_path / "langs.jsonl", rows)
    summary = run_batch(
        [str(path)], executor=LocalExecutor(1), db=str(tmp_path / "r.db"), languages=["id", "en"]
    )
    assert summary.documents == 5 and summary.articles_new == 4 and summary.other_languages == 1
    assert "1 in other languages" in summary.line()


def test_workers_are_for_a_local_cluster_only() -> None:
    with pytest.raises(UsageError, match="has its own workers"):
        DaskExecutor(scheduler="tcp://127.0.0.1:1", workers=2)


def test_a_killed_pool_process_costs_a_retry_not_a_duplicate(
    own_corpus: Path, local_reference: dict[str, Any], tmp_path: Path
) -> None:
    executor = LocalExecutor(2)
    killed: list[int] = []

    def kill_one(done: ShardDone) -> None:
        pool = executor._pool
        if not killed and pool is not None:
            pid = next(iter(pool._processes))  # the pool's worker processes, by pid
            killed.append(pid)
            os.kill(pid, signal.SIGKILL)

    try:
        summary = run_batch([str(own_corpus)], executor=executor, db=str(tmp_path / "pool-kill.db"), shard_size=6,
                            batch_size=5, progress=kill_one)  # fmt: skip
    finally:
        executor.close()
    assert killed and summary.documents == 96
    assert registry_state(str(tmp_path / "pool-kill.db")) == local_reference

"""The store writes the same rows however it is fed (issue 5 made it cheaper, not different).

- extractions prepared where they ran (``store.prepare``, as ``sepakat batch`` does on its
  workers) and plain extractions prepared by the store give the same registry;
- the store as it was before issue 5 (``sepakat/store`` of commit ``BEFORE``, from git,
  over today's package, in a subprocess fed the same extractions, pickled) gives the same
  registry as the store today.

Every column of every table is compared, internal keys included (``every_row``), on
SQLite and on PostgreSQL, over new articles, unchanged ones and updated ones. The input:
our example articles through the real extractor, synthetic extractions, and the first
articles of ../shared/corpus/id-news.jsonl.gz where the shared corpus is present.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import pickle
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

import pytest

from registry_state import every_row
from sepakat.models import Extraction, Refusal
from sepakat.pipeline import extract_stream
from sepakat.sources import iter_documents
from sepakat.store.engine import open_registry
from sepakat.store.ingest import ingest
from sepakat.store.prepare import PreparedArticle, prepare
from synthetic import synthetic_corpus

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ID_NEWS = ROOT.parent / "shared" / "corpus" / "id-news.jsonl.gz"
BEFORE = "5a2bfef2c906ab7f447a5d87ec2559086501924b"  # the last commit with the store of before issue 5
BATCH = 40  # small batches: many transactions, people and agreements met again across them


def _extractions() -> list[Extraction]:
    documents = itertools.chain(
        iter_documents([str(EXAMPLES)]),
        itertools.islice(iter_documents([str(ID_NEWS)]), 200) if ID_NEWS.exists() else (),
    )
    extracted = [o for o in extract_stream(documents, 1) if isinstance(o, Extraction)]
    return extracted + list(synthetic_corpus(200))


def _rewritten(extractions: Sequence[Extraction]) -> list[Extraction]:
    """Every fifth article again under its URL with new text (updated), the rest as it was (unchanged)."""
    again = list(extractions)
    for i in range(0, len(again), 5):
        article = again[i].article
        again[i] = dataclasses.replace(
            again[i], article=dataclasses.replace(article, source_text=article.source_text + " ")
        )
    return again


@pytest.fixture(scope="module")
def extractions() -> list[Extraction]:
    return _extractions()


def _store(url: str, rounds: Sequence[Sequence[Extraction | PreparedArticle | Refusal]]) -> None:
    engine = open_registry(url)
    try:
        for outcomes in rounds:
            ingest(engine, outcomes, batch_size=BATCH)
    finally:
        engine.dispose()


def _rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = open_registry(url)
    try:
        return every_row(engine)
    finally:
        engine.dispose()


def test_prepared_extractions_store_what_plain_ones_store(
    extractions: list[Extraction], db_url: str, other_db_url: str
) -> None:
    rounds = [extractions, _rewritten(extractions)]
    _store(db_url, rounds)
    _store(other_db_url, [[prepare(e) for e in outcomes] for outcomes in rounds])
    assert _rows(other_db_url) == _rows(db_url)


def _source_before(directory: Path) -> Path | None:
    """Today's package with the store of ``BEFORE``; None where git or the commit is not here."""
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        return None
    store = "src/sepakat/store"
    archive = subprocess.run(
        [git, "-C", str(ROOT), "archive", BEFORE, store], capture_output=True, check=False
    )
    if archive.returncode != 0:
        return None
    shutil.copytree(ROOT / "src", directory / "src", ignore=shutil.ignore_patterns("__pycache__", "store"))
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(directory, filter="data")
    return directory / "src"


STORE_BEFORE = """
import importlib.util, pickle, sys
assert importlib.util.find_spec("sepakat.store.prepare") is None, "not the store of before"
from sepakat.store.engine import open_registry
from sepakat.store.ingest import ingest
url, path, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path, "rb") as stream:
    rounds = pickle.load(stream)
engine = open_registry(url)
for outcomes in rounds:
    ingest(engine, outcomes, batch_size=batch)
engine.dispose()
"""


def test_the_store_writes_what_it_wrote_before_issue_5(
    extractions: list[Extraction], db_url: str, other_db_url: str, tmp_path: Path
) -> None:
    source = _source_before(tmp_path / "before")
    if source is None:
        pytest.skip(f"commit {BEFORE} is not in this checkout")
    rounds = [extractions, _rewritten(extractions)]
    pickled = tmp_path / "extractions.pickle"
    pickled.write_bytes(pickle.dumps(rounds))
    env = {**os.environ, "PYTHONPATH": str(source)}
    subprocess.run(
        [sys.executable, "-c", STORE_BEFORE, db_url, str(pickled), str(BATCH)],
        env=env,
        check=True,
        timeout=600,
    )
    _store(other_db_url, rounds)
    assert _rows(other_db_url) == _rows(db_url)

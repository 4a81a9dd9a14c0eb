"""kill -9 at random moments of an ingest, rerun: the registry ends as an uninterrupted run leaves it."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from registry_state import snapshot
from sepakat.store.engine import open_registry
from sepakat.store.ingest import ingest
from synthetic import synthetic_corpus

WORKER = Path(__file__).with_name("ingest_worker.py")
COUNT = 2500
BATCH = 100


def _start(url: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(WORKER.parent)}
    return subprocess.Popen(
        [sys.executable, str(WORKER), url, str(COUNT), str(BATCH)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _articles(url: str) -> int:
    engine = open_registry(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM articles")).scalar_one())
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[object, ...]]]:
    """The registry an uninterrupted run leaves."""
    reference = open_registry(str(tmp_path_factory.mktemp("reference") / "reference.db"))
    ingest(reference, synthetic_corpus(COUNT), batch_size=BATCH)
    state = snapshot(reference)
    reference.dispose()
    return state


@pytest.mark.slow
def test_killed_ingests_rerun_to_the_state_of_an_uninterrupted_one(
    db_url: str, expected: dict[str, list[tuple[object, ...]]]
) -> None:
    open_registry(db_url).dispose()  # create the schema first, so that kills land in the ingest itself
    rng = random.Random(20260112)
    kills = 0
    seen: list[int] = []
    while kills < 4:
        stored = _articles(db_url)
        process = _start(db_url)
        # Kill at a random moment after this run has stored its first batch: a fixed delay
        # lands before the first batch on a slow or loaded machine, and then tests nothing.
        deadline = time.monotonic() + 300
        while process.poll() is None and _articles(db_url) <= stored and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(rng.uniform(0.0, 1.5))
        if process.poll() is not None:
            process.communicate()
            break  # finished before the kill: the remaining kills would find nothing to do
        process.send_signal(signal.SIGKILL)
        process.communicate()
        kills += 1
        seen.append(_articles(db_url))
    assert kills >= 2, "the ingest finished too fast to be killed twice; raise COUNT"
    assert any(0 < n < COUNT for n in seen), f"no kill landed mid-ingest: {seen}"
    final = _start(db_url)
    _out, err = final.communicate(timeout=600)
    assert final.returncode == 0, err.decode()
    engine = open_registry(db_url)
    assert snapshot(engine) == expected
    engine.dispose()

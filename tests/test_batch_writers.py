"""Several processes storing into one registry at once: no unique-key race, nothing twice.

Three ingests of the same articles run at the same time against one SQLite file and one
PostgreSQL schema (what batch workers on many machines do). Writers take the registry's
write lock at the start of each batch, so every batch sees all the batches committed
before it: each one is stored once, by whichever process gets there first, and the
registry ends exactly as one uninterrupted ingest leaves it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from registry_state import snapshot
from sepakat.store.engine import open_registry
from sepakat.store.ingest import ingest
from synthetic import synthetic_corpus

WORKER = Path(__file__).with_name("ingest_worker.py")
COUNT = 600
BATCH = 40
WRITERS = 3


def test_concurrent_ingests_store_each_article_once(db_url: str, tmp_path: Path) -> None:
    open_registry(db_url).dispose()  # the schema exists before the writers race
    env = {**os.environ, "PYTHONPATH": str(WORKER.parent)}
    writers = [
        subprocess.Popen(
            [sys.executable, str(WORKER), db_url, str(COUNT), str(BATCH)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(WRITERS)
    ]
    for writer in writers:
        _out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err.decode()[-2000:]
    reference = open_registry(str(tmp_path / "reference.db"))
    ingest(reference, synthetic_corpus(COUNT), batch_size=BATCH)
    engine = open_registry(db_url)
    try:
        assert snapshot(engine) == snapshot(reference)
    finally:
        engine.dispose()
        reference.dispose()

"""Ingest the synthetic corpus into a registry: the process the crash test kills.

python tests/ingest_worker.py URL COUNT BATCH_SIZE
"""

from __future__ import annotations

import sys

from sepakat.store.engine import open_registry
from sepakat.store.ingest import ingest
from synthetic import synthetic_corpus


def main(url: str, count: int, batch_size: int) -> None:
    engine = open_registry(url)
    summary = ingest(engine, synthetic_corpus(count), batch_size=batch_size)
    sys.stdout.write(summary.line() + "\n")
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))

"""Ingest speed on one core, against extraction alone in the same run; memory as input grows.

    .venv/bin/python benchmarks/ingest_speed.py [--count 4000] [--corpus ../shared/corpus/id-news.jsonl.gz]

Prints, for the first COUNT articles: extraction alone (read + clean + extract), the
store alone (the same extractions written to a new SQLite registry), and ingest as
`sepakat ingest --workers 1` does it (extraction and store in one stream), in
articles/s; the ratio ingest / extraction (goal >= 0.5); and the resident memory after
each quarter of the ingest (flat: streaming, batch by batch).
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sepakat.models import Extraction, Refusal
from sepakat.pipeline import extract_stream
from sepakat.sources import iter_documents
from sepakat.store.engine import open_registry
from sepakat.store.ingest import ingest

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "id-news.jsonl.gz"


def rss_mb() -> float:
    """Resident memory now (Linux /proc), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def outcomes(corpus: Path, count: int) -> Iterator[Extraction | Refusal]:
    return extract_stream(itertools.islice(iter_documents([str(corpus)]), count), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=4000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--batch-size", type=int, default=250)
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus} is absent")
    list(outcomes(args.corpus, 50))  # load word lists and models before timing

    start = time.perf_counter()
    extracted = list(outcomes(args.corpus, args.count))
    extract_seconds = time.perf_counter() - start
    n = len(extracted)

    with tempfile.TemporaryDirectory() as directory:
        engine = open_registry(str(Path(directory) / "store-only.db"))
        start = time.perf_counter()
        ingest(engine, extracted, batch_size=args.batch_size)
        store_seconds = time.perf_counter() - start
        engine.dispose()
        del extracted

        engine = open_registry(str(Path(directory) / "ingest.db"))
        marks: list[tuple[int, float]] = []
        quarter = max(1, n // 4)

        def progress(done: int, seen: list[int] = [0]) -> None:  # noqa: B006 - a counter kept between calls
            seen[0] += done
            if seen[0] // quarter > len(marks):
                marks.append((seen[0], rss_mb()))

        start = time.perf_counter()
        summary = ingest(
            engine, outcomes(args.corpus, args.count), batch_size=args.batch_size, progress=progress
        )
        ingest_seconds = time.perf_counter() - start
        size = sum(f.stat().st_size for f in Path(directory).glob("ingest.db*")) / 1e6
        engine.dispose()

    extract_rate, store_rate, ingest_rate = n / extract_seconds, n / store_seconds, n / ingest_seconds
    print(f"articles: {n} from {args.corpus.name}, batch size {args.batch_size}, one core")
    print(f"extraction alone: {extract_rate:8.0f} articles/s ({extract_seconds:.1f} s)")
    print(f"store alone:      {store_rate:8.0f} articles/s ({store_seconds:.1f} s)")
    print(f"ingest:           {ingest_rate:8.0f} articles/s ({ingest_seconds:.1f} s)")
    print(f"ingest / extraction: {ingest_rate / extract_rate:.2f} (goal >= 0.50)")
    print(f"registry: {size:.1f} MB; {summary.line()}")
    print("memory (RSS) after each quarter: " + ", ".join(f"{done}: {mb:.0f} MB" for done, mb in marks))


if __name__ == "__main__":
    main()

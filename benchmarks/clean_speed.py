"""Time clean_document on real news: ``python benchmarks/clean_speed.py [PATH] [N]``.

Reads the first N articles (default 4000) of a JSON Lines file (default the shared
Indonesian news corpus), cleans each once to warm up, then times the whole stage
(cleaning, sentence splitting, language, date) on one core, best of three passes: once
with the declared language ignored, so that identification is timed too, and once with
it, as the readers pass it on. Prints per-article cost, throughput and the commonest
kinds of removed spans. Needs ../shared (the corpus is not shipped).
"""

from __future__ import annotations

import collections
import contextlib
import gzip
import json
import sys
import time
from pathlib import Path

from sepakat.clean import clean_document
from sepakat.errors import InputRefused
from sepakat.models import RawDocument

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "id-news.jsonl.gz"


def read(path: Path, limit: int, *, declared: bool = False) -> list[RawDocument]:
    opener = gzip.open if path.suffix == ".gz" else open
    docs: list[RawDocument] = []
    with opener(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if len(docs) >= limit:
                break
            row = json.loads(line)
            docs.append(
                RawDocument(
                    origin=f"{path.name}:{number}",
                    id=row.get("id"),
                    title=row.get("title"),
                    published=row.get("published"),
                    text=row.get("text"),
                    language=(row.get("language") or row.get("lang")) if declared else None,
                )
            )
    return docs


def best_time(docs: list[RawDocument]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for doc in docs:
            with contextlib.suppress(InputRefused):
                clean_document(doc)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    docs = read(path, limit)
    kinds: collections.Counter[str] = collections.Counter()
    refused = 0
    for doc in docs:  # warm-up: word lists and the language model load once
        try:
            kinds.update(span.kind for span in clean_document(doc).removed)
        except InputRefused:
            refused += 1
    mean_chars = sum(len(doc.text or "") for doc in docs) / len(docs)
    print(f"{path.name}: {len(docs)} articles, mean {mean_chars:.0f} chars, {refused} refused")
    for label, timed in (
        ("language detected", docs),
        ("language declared", read(path, limit, declared=True)),
    ):
        per_doc = best_time(timed) / len(timed)
        print(
            f"clean_document, {label}: {per_doc * 1e3:.3f} ms/article ({1 / per_doc:.0f} articles/s, "
            f"one core, best of 3), {per_doc * 1e3 * 2500 / mean_chars:.3f} ms per 2.5 KB"
        )
    print("removed spans by kind:", ", ".join(f"{kind} {count}" for kind, count in kinds.most_common(12)))


if __name__ == "__main__":
    main()

"""Time the gazetteer and the sector finder: ``python benchmarks/gazetteer_speed.py [PATH] [N] [LANG]``.

Reads the first N texts (default 4000) of a JSON Lines file (default the shared
Indonesian news corpus), then reports, on one core:

- the cold load of each gazetteer (tables read, automaton compiled), in a fresh process;
- ``Gazetteer.find`` over each whole text: µs per article, MB/s, mentions per article;
- ``find_sectors`` over each whole text: µs per article;
- the commonest mentions, to eyeball what fires.

The budget: the whole extractor must read ~1,100 articles/s (0.9 ms each), of which the
gazetteer should cost well under 0.15 ms. Needs ../shared (the corpus is not shipped).
"""

from __future__ import annotations

import collections
import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

from sepakat.extract.gazetteer import load_gazetteer
from sepakat.extract.sectors import find_sectors

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "id-news.jsonl.gz"

_COLD = (
    "import time; t = time.perf_counter(); "
    "from sepakat.extract.gazetteer import load_gazetteer; t1 = time.perf_counter(); "
    "load_gazetteer({lang!r}); t2 = time.perf_counter(); "
    "print(f'{{(t1 - t) * 1000:.1f}} {{(t2 - t1) * 1000:.1f}}')"
)


def read(path: Path, limit: int) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    texts: list[str] = []
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if len(texts) >= limit:
                break
            texts.append(json.loads(line).get("text") or "")
    return texts


def cold_load(lang: str) -> tuple[float, float]:
    """(import ms, load ms) of one gazetteer in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-c", _COLD.format(lang=lang)], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    lang = sys.argv[3] if len(sys.argv) > 3 else "id"
    if not path.exists():
        print(f"no corpus at {path}", file=sys.stderr)
        return 2
    texts = read(path, limit)
    size = sum(len(t.encode("utf-8")) for t in texts)
    for which in ("id", "en"):
        imp, load = cold_load(which)
        print(f"cold load {which}: import {imp:.1f} ms, load_gazetteer {load:.1f} ms")

    gazetteer = load_gazetteer(lang)
    for text in texts[:200]:  # warm caches and the branch predictor
        gazetteer.find(text)
        find_sectors(text, lang)

    best = float("inf")
    mentions = 0
    for _ in range(3):
        start = time.perf_counter()
        mentions = sum(len(gazetteer.find(text)) for text in texts)
        best = min(best, time.perf_counter() - start)
    per = best / len(texts) * 1e6
    print(
        f"find ({lang}): {len(texts)} texts, {size / len(texts):.0f} B avg: {per:.1f} µs/article, "
        f"{size / best / 1e6:.1f} MB/s, {mentions / len(texts):.1f} mentions/article"
    )

    best_s = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for text in texts:
            find_sectors(text, lang)
        best_s = min(best_s, time.perf_counter() - start)
    print(f"find_sectors ({lang}): {best_s / len(texts) * 1e6:.1f} µs/article")

    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    for text in texts:
        counts.update((m.kind, m.text) for m in gazetteer.find(text))
    print("commonest:", ", ".join(f"{text} ({kind}) {n}" for (kind, text), n in counts.most_common(25)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Extraction time as one article grows: linear, or worse?

    python benchmarks/extract_scaling.py [--sentences 2000] [--steps 4]

Builds articles of our own words, each step doubling the number of sentences (a
delegation visits and meets the same person in every sentence, so people, meetings and
merges all grow with it), extracts each once on one core and prints the time and the
time per sentence. Per-sentence time that grows with the article is a quadratic step:
one turned a 4 MB article into three minutes (people were looked up per sentence by
scanning every mention).
"""

from __future__ import annotations

import argparse
import sys
import time

from sepakat.extract import warm_up
from sepakat.models import RawDocument
from sepakat.pipeline import extract_document

SENTENCE = "Delegasi {n} dari Kota Harapan Baru tiba di pelabuhan dan bertemu Pak Darmawan Suryo."


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=2000, help="sentences of the smallest article")
    ap.add_argument("--steps", type=int, default=4, help="sizes, each twice the last")
    args = ap.parse_args(argv)
    warm_up()
    print(f"{'sentences':>9} {'chars':>9} {'seconds':>8} {'µs/sentence':>12}")
    first: float | None = None
    each = 0.0
    for step in range(args.steps):
        n = args.sentences * 2**step
        text = " ".join(SENTENCE.format(n=i) for i in range(n))
        raw = RawDocument(origin="scaling", id="s", title="Kunjungan", published="2025-03-03", text=text)
        started = time.process_time()
        extract_document(raw)
        seconds = time.process_time() - started
        each = 1e6 * seconds / n
        first = first or each
        print(f"{n:9d} {len(text):9d} {seconds:8.2f} {each:12.1f}")
    if first:
        print(f"per-sentence cost, largest over smallest: {each / first:.2f}x (1.0 is linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

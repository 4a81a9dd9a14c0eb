"""Where extraction spends its time: CPU seconds per stage, in one process.

    python benchmarks/extract_stages.py [FILE] [--articles 4000]

FILE is JSON Lines of articles (default: the first 4,000 of ``id-news.jsonl.gz``). The
stages are those of ``extract.extract_article``: clean, gazetteer, the shared Doc and
context, people, agreements, meetings. Times are CPU time (``process_time``), which a
shared machine's other work disturbs less than wall time; compare figures within one
machine, and speed against the peer with ``extract_speed.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from itertools import islice
from pathlib import Path

from sepakat.clean import clean_document
from sepakat.errors import InputRefused
from sepakat.extract import warm_up
from sepakat.extract.agreements import extract_agreements
from sepakat.extract.context import ArticleContext, Doc
from sepakat.extract.gazetteer import load_gazetteer
from sepakat.extract.meetings import extract_meetings
from sepakat.extract.people import extract_people
from sepakat.models import RawDocument
from sepakat.sources import iter_documents

NEWS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "id-news.jsonl.gz"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=NEWS)
    ap.add_argument("--articles", type=int, default=4000)
    args = ap.parse_args(argv)
    if not args.file.exists():
        print(f"benchmark skipped: {args.file} not found", file=sys.stderr)
        return 0
    # Read as ``sepakat extract`` reads: the same documents, refusals left out.
    documents = islice(iter_documents([str(args.file)]), args.articles)
    docs = [d for d in documents if isinstance(d, RawDocument)]
    warm_up()
    spent: dict[str, float] = defaultdict(float)
    started = time.process_time()
    for raw in docs:
        t0 = time.process_time()
        try:
            article = clean_document(raw)
        except InputRefused:
            continue
        t1 = time.process_time()
        gazetteer = load_gazetteer("en" if article.language == "en" else "id")
        mentions = gazetteer.find_in_article(article.text)
        t2 = time.process_time()
        doc = Doc.build(article, mentions)
        context = ArticleContext(doc, gazetteer)
        t3 = time.process_time()
        people = extract_people(doc, context)
        t4 = time.process_time()
        agreements = extract_agreements(doc, context, people)
        t5 = time.process_time()
        extract_meetings(doc, context, people, agreements)
        t6 = time.process_time()
        for stage, seconds in (
            ("clean", t1 - t0),
            ("gazetteer", t2 - t1),
            ("doc+context", t3 - t2),
            ("people", t4 - t3),
            ("agreements", t5 - t4),
            ("meetings", t6 - t5),
        ):
            spent[stage] += seconds
    total = time.process_time() - started
    print(f"{len(docs)} articles, {total:.2f} s of CPU, {len(docs) / total:.0f} articles/s (no start-up)")
    for stage, seconds in spent.items():
        share, each = 100 * seconds / total, 1000 * seconds / len(docs)
        print(f"  {stage:12} {seconds:6.2f} s  {share:5.1f}%  {each:5.2f} ms/article")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Extraction speed and memory, against a spaCy tokenizer pass in the same run.

    python benchmarks/extract_speed.py [--corpus ../shared/corpus] [--articles 4000] [--repeat 3]

Both sides are timed as whole processes on one core (pinned to the same CPU):

- sepakat: ``sepakat extract FILE --workers 1 -o /dev/null``
- peer:    ``nlp = spacy.blank("id")``, then ``nlp(json.loads(line)["text"])`` per line

over the first N articles of ``id-news.jsonl.gz`` (written to a temporary JSON Lines
file, so both read the same bytes), and over ``agreements.jsonl`` (articles dense with
agreements). The best of ``--repeat`` runs counts, as these machines are shared. It
prints articles/s of each, their ratio, and the peak memory (max RSS) of ``sepakat
extract`` over growing inputs: flat memory means the pipeline streams.

Goals (issue 2): at least 1,000 articles/s with --workers 1, and at least 7x the peer.
It first says whether the extractor it times is compiled (``pip install .``, setup.py)
or plain Python (an editable install): the compiled one runs 1.2-1.5 times as fast.
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PEER = """
import json, sys
import spacy
nlp = spacy.blank("id")
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        nlp(json.loads(line)["text"])
"""


def first_lines(source: Path, n: int | None, target: Path) -> int:
    opener = gzip.open if source.suffix == ".gz" else open
    count = 0
    with opener(source, "rt", encoding="utf-8") as f, target.open("w", encoding="utf-8") as out:
        for line in f:
            if n is not None and count >= n:
                break
            out.write(line)
            count += 1
    return count


def pin() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


# Python caches compiled modules as it normally does (some sandboxes switch that off
# with PYTHONDONTWRITEBYTECODE, which would time the compiler on every start).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str], repeat: int) -> tuple[float, int]:
    """Best wall time of ``repeat`` runs (after one untimed warm-up), and the peak RSS (KiB)."""
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=CHILD_ENV, preexec_fn=pin)
    best = float("inf")
    peak = 0
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=CHILD_ENV, preexec_fn=pin)
        best = min(best, time.perf_counter() - start)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return best, peak


def peak_rss(cmd: list[str]) -> int:
    """Peak RSS (KiB) of one run, measured by the child itself via /usr/bin/time-like wait4."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env=CHILD_ENV, preexec_fn=pin)  # noqa: PLW1509 - no threads here
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss


def build(python: str) -> str:
    """How the sepakat that ``python`` imports runs its extractor: compiled or not."""
    probe = "import sepakat.extract.people as m; print(m.__file__)"
    where = subprocess.run([python, "-c", probe], env=CHILD_ENV, capture_output=True, text=True, check=True)
    path = where.stdout.strip()
    if path.endswith(".py"):
        return f"plain Python ({Path(path).parents[2]}): an editable install, or SEPAKAT_PURE_PYTHON"
    return f"compiled by mypyc ({Path(path).parents[2]})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    ap.add_argument("--articles", type=int, default=4000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    news = args.corpus / "id-news.jsonl.gz"
    if not news.exists():
        print(f"benchmark skipped: {news} not found", file=sys.stderr)
        return 0
    sepakat = [sys.executable, "-m", "sepakat"]
    print(f"sepakat's extractor: {build(sys.executable)}")
    with tempfile.TemporaryDirectory() as tmp:
        peer_script = Path(tmp) / "peer.py"
        peer_script.write_text(PEER, encoding="utf-8")
        print(f"{'input':28} {'articles':>8} {'sepakat/s':>10} {'spaCy/s':>9} {'ratio':>6}")
        for label, source, n in (
            (f"id-news (first {args.articles})", news, args.articles),
            ("agreements", args.corpus / "agreements.jsonl", None),
        ):
            sample = Path(tmp) / "sample.jsonl"
            count = first_lines(source, n, sample)
            ours, _ = timed(
                [*sepakat, "extract", str(sample), "--workers", "1", "-o", os.devnull], args.repeat
            )
            peer, _ = timed([sys.executable, str(peer_script), str(sample)], args.repeat)
            print(f"{label:28} {count:8d} {count / ours:10.0f} {count / peer:9.0f} {peer / ours:6.1f}x")
        print()
        print("peak memory of sepakat extract --workers 1 as the input grows:")
        for n in (1000, 4000, None):
            sample = Path(tmp) / "grow.jsonl"
            count = first_lines(news, n, sample)
            rss = peak_rss([*sepakat, "extract", str(sample), "--workers", "1", "-o", os.devnull])
            print(f"  {count:6d} articles: {rss / 1024:6.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Instructions per article of extraction, counted by callgrind: a figure that noise does not move.

    python benchmarks/extract_instructions.py [FILE] [--articles 500] [--src PATH]

Wall-clock speed on a shared machine moves by a quarter within the hour; the number of
instructions the interpreter executes does not. This runs clean-and-extract over the first
N articles of FILE (default: ``id-news.jsonl.gz``) under ``valgrind --tool=callgrind`` twice,
once with N articles and once with none, and prints the difference divided by N: the cost
of an article without start-up. ``--src`` measures another checkout's ``src`` (a git
worktree of an older commit, say) with the same interpreter, for a before/after pair.
Hash randomisation is fixed and bytecode is compiled before counting, so two runs of the
same code give the same figure to a few parts in ten thousand.

Needs valgrind (Debian's ``valgrind``); it says so and stops when it is missing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

NEWS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "id-news.jsonl.gz"

# Run by the interpreter under measurement: read N documents, then clean and extract each.
CHILD = """
import sys
from itertools import islice
from sepakat.clean import clean_document
from sepakat.errors import InputRefused
from sepakat.extract import extract_article, warm_up
from sepakat.models import RawDocument
from sepakat.sources import iter_documents

n = int(sys.argv[2])
warm_up()
documents = [d for d in islice(iter_documents([sys.argv[1]]), n) if isinstance(d, RawDocument)]
for raw in documents:
    try:
        extract_article(clean_document(raw))
    except InputRefused:
        pass
"""
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def count(script: Path, source: Path, n: int, env: dict[str, str]) -> int:
    """Instructions callgrind collects over one run of the child with ``n`` articles."""
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            str(script),
            str(source),
            str(n),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=NEWS)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument(
        "--src", type=Path, help="a checkout's src directory to measure instead of the installed one"
    )
    args = ap.parse_args(argv)
    if not args.file.exists():
        print(f"benchmark skipped: {args.file} not found", file=sys.stderr)
        return 0
    if shutil.which("valgrind") is None:
        print("benchmark skipped: valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 0
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONHASHSEED"] = "0"
    if args.src is not None:
        env["PYTHONPATH"] = str(args.src.resolve())
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "child.py"
        script.write_text(CHILD, encoding="utf-8")
        # Once outside valgrind, so that every module's bytecode is compiled and cached.
        subprocess.run([sys.executable, str(script), str(args.file), "1"], env=env, check=True)
        with_articles = count(script, args.file, args.articles, env)
        without = count(script, args.file, 0, env)
    per_article = (with_articles - without) / args.articles
    print(f"{args.articles} articles of {args.file.name}: {per_article / 1e6:.3f} M instructions per article")
    return 0


if __name__ == "__main__":
    sys.exit(main())

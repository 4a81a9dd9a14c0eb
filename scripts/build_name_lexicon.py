"""Build data/id/person_tokens.tsv from the IndoNLU NER sets (Apache-2.0; see NOTICE).

For every word of the NERGrit and NERP training, validation and test files we count how
often it is tagged as part of a person's name and how often as anything else. A word
that is mostly a name ("agus", "widodo") helps tell "Agus Gumiwang" from "Kawasan
Industri". Only word statistics leave the corpus: no sentence is copied.

    python scripts/build_name_lexicon.py ../shared/corpus/indonlu-ner > src/sepakat/data/id/person_tokens.tsv
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

PERSON_TAGS = {"PERSON", "PPL"}
MIN_PERSON = 2
MIN_SHARE = 0.6


def count_tokens(folder: Path) -> tuple[Counter[str], Counter[str]]:
    person: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            word, _, tag = line.partition("\t")
            if not word or not word.isalpha() or len(word) < 2:
                continue
            key = word.casefold()
            (person if tag[2:] in PERSON_TAGS else other)[key] += 1
    return person, other


def main(argv: list[str]) -> int:
    person, other = count_tokens(Path(argv[1]))
    print("# Words that IndoNLU's NER sets (NERGrit, NERP; Apache-2.0) tag mostly as parts of")
    print("# person names. Built by scripts/build_name_lexicon.py; do not edit by hand.")
    print(f"# A word is listed when tagged as a name at least {MIN_PERSON} times and in at least")
    print(f"# {MIN_SHARE:.0%} of its occurrences. Columns: word (case-folded), times as a name, times not.")
    print("# word\tperson\tother")
    for word in sorted(person):
        p, o = person[word], other[word]
        if p >= MIN_PERSON and p / (p + o) >= MIN_SHARE:
            print(f"{word}\t{p}\t{o}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

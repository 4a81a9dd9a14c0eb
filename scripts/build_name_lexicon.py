"""Build data/id/person_tokens.tsv and data/id/common_words.tsv from the IndoNLU NER
sets (Apache-2.0; see NOTICE).

For every word of the NERGrit and NERP training, validation and test files we count how
often it is tagged as part of a person's name and how often as anything else. A word
that is mostly a name ("agus", "widodo") helps tell "Agus Gumiwang" from "Kawasan
Industri"; a word that is never a name and common ("kolaborasi", "harga") is an ordinary
word even when a heading capitalises it. Only word statistics leave the corpus: no
sentence is copied.

    python scripts/build_name_lexicon.py ../shared/corpus/indonlu-ner src/sepakat/data/id
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

PERSON_TAGS = {"PERSON", "PPL"}
MIN_PERSON = 2
MIN_SHARE = 0.6
MIN_COMMON = 4


def count_tokens(folder: Path) -> tuple[Counter[str], Counter[str], Counter[str]]:
    person: Counter[str] = Counter()
    other: Counter[str] = Counter()
    entity: Counter[str] = Counter()  # tagged as any named entity
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            word, _, tag = line.partition("\t")
            if not word or not word.isalpha() or len(word) < 2:
                continue
            key = word.casefold()
            (person if tag[2:] in PERSON_TAGS else other)[key] += 1
            if tag != "O":
                entity[key] += 1
    return person, other, entity


def main(argv: list[str]) -> int:
    person, other, entity = count_tokens(Path(argv[1]))
    out = Path(argv[2])
    lines = [
        "# Words that IndoNLU's NER sets (NERGrit, NERP; Apache-2.0) tag mostly as parts of",
        "# person names. Built by scripts/build_name_lexicon.py; do not edit by hand.",
        f"# A word is listed when tagged as a name at least {MIN_PERSON} times and in at least",
        f"# {MIN_SHARE:.0%} of its occurrences. Columns: word (case-folded), times as a name, times not.",
        "# word\tperson\tother",
    ]
    for word in sorted(person):
        p, o = person[word], other[word]
        if p >= MIN_PERSON and p / (p + o) >= MIN_SHARE:
            lines.append(f"{word}\t{p}\t{o}")
    (out / "person_tokens.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = [
        "# Ordinary Indonesian words: never tagged as part of any named entity in IndoNLU's NER",
        f"# sets (NERGrit, NERP; Apache-2.0) and seen at least {MIN_COMMON} times. A capitalised",
        "# word of this list is a heading's or a sentence's capital, not a name.",
        "# Built by scripts/build_name_lexicon.py; do not edit by hand.",
        "# word",
    ]
    lines += sorted(
        w for w, n in other.items() if n >= MIN_COMMON and not entity[w] and not person[w] and w.isalpha()
    )
    (out / "common_words.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Sectors of a text: keywords to the sector ids of shared/spec/EXTRACTION.md.

The keywords are data (``data/id/sectors.tsv``, ``data/en/sectors.tsv``). They are
matched on the lower-cased text at word boundaries, leftmost-longest, so a phrase wins
over the words inside it ("kapal selam" is defense and shipbuilding, "perdagangan orang"
is security, not trade). A keyword ending in ``*`` is a stem ("tambang*" finds
"tambangnya"). Weak keywords ("industri", "teknologi", "bank") count only when nothing
stronger is in the text: they name a sector only when the text names no other. A keyword
of sector "-" names none and hides the words inside it ("konferensi pers" is an event, not
the press).

Indonesian text is read with the English keywords too: Indonesian news writes agreements'
English names ("MoU on Cooperation in the Field of Shipbuilding").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Final

import ahocorasick_rs

from sepakat.data import load_table
from sepakat.models import SECTORS

__all__ = ["find_sectors"]

_KEYWORD_LANGUAGES: Final = {"id": ("id", "en"), "en": ("en",)}


@dataclass(frozen=True, slots=True)
class _Keyword:
    sectors: tuple[str, ...]
    strong: bool
    stem: bool


@dataclass(frozen=True, slots=True)
class _Keywords:
    automaton: ahocorasick_rs.AhoCorasick
    keywords: tuple[_Keyword, ...]  # by the keyword's index in the automaton


@cache
def _keywords(lang: str) -> _Keywords:
    if lang not in _KEYWORD_LANGUAGES:
        raise ValueError(f"no sector keywords for language {lang!r}; known: id, en")
    words: dict[str, _Keyword] = {}
    for source in _KEYWORD_LANGUAGES[lang]:
        for keyword, sectors, strength in load_table(source, "sectors"):
            stem = keyword.endswith("*")
            word = keyword.rstrip("*")
            ids = () if sectors.strip() == "-" else tuple(s.strip() for s in sectors.split(","))
            unknown = [s for s in ids if s not in SECTORS]
            if unknown or strength not in {"strong", "weak"} or word != word.lower():
                raise ValueError(f"sector data: {source}/sectors.tsv: bad row {keyword!r}")
            if word in words:
                # The text's own language comes first; an English twin adds nothing.
                continue
            words[word] = _Keyword(ids, strength == "strong", stem)
    return _Keywords(ahocorasick_rs.AhoCorasick(words), tuple(words.values()))


def find_sectors(text: str, lang: str) -> tuple[str, ...]:
    """The sector ids a sentence or a name speaks of, sorted and unique.

    ``lang`` is "id" (Indonesian and English keywords) or "en".
    """
    lowered = text.lower()
    candidates: list[tuple[int, int, _Keyword]] = []
    size = len(lowered)
    found = _keywords(lang)
    for index, first, after in found.automaton.find_matches_as_indexes(lowered, overlapping=True):
        keyword = found.keywords[index]
        if first > 0 and lowered[first - 1].isalnum():
            continue
        if not keyword.stem and after < size and lowered[after].isalnum():
            continue
        candidates.append((first, after, keyword))
    if not candidates:
        return ()
    candidates.sort(key=lambda c: (c[0], -c[1]))
    strong: set[str] = set()
    weak: set[str] = set()
    covered = -1
    for first, after, keyword in candidates:
        if first < covered:
            continue
        covered = after
        (strong if keyword.strong else weak).update(keyword.sectors)
    return tuple(sorted(strong or weak))

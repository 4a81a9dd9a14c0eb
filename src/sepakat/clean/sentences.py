"""Sentence splitting with character offsets, for Indonesian and English news.

One regular-expression pass finds the places where a sentence may end (a line break, or
``.``, ``!``, ``?``, an ellipsis, with closing quotes or brackets, before a space); a few
cheap checks decide each:

- a line break always ends a sentence (cleaning leaves one only between paragraphs);
- the next character must not be lower case ("Kompas.com, Selasa" never gets here,
  "dkk. mengatakan" stays one sentence);
- after ``.``: prefix abbreviations never end one ("Dr.", "No.", "Jl.", "Rp.", "Mr.";
  ``data/{id,en}/abbreviations.tsv``); initials ("Joko S. Widodo", "Retno L.P. Marsudi")
  and abbreviations that may also end a sentence ("Tbk.", "dll.", "U.S.", "Inc.") end
  one only before a common sentence starter ("... Tbk. Sementara itu ...");
  a list number ("1. MoU antara ...", one or two digits) ends none.

A sentence closing inside quotes ends after them ("... terarah.” Ia ..."). Each
sentence is stripped of surrounding whitespace; ``Sentence.text`` is always
``text[start:end]``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from sepakat.clean.spans import sentence_starters, word_at
from sepakat.data import load_table
from sepakat.models import Sentence

__all__ = ["split_sentences"]

# One scan a character: Python's re runs fast only for patterns starting with literal
# text (an alternation or a class is tried at every position). Group 1: closing marks.
_LINE_BREAKS = re.compile(r"\n\n*")  # not "\n+": a repeat first defeats the fast literal scan
_STOP_SCANS = tuple(re.compile(re.escape(stop) + r"[.!?…]*+([\"”’')\]»]*+)[ \t]+(?=\S)") for stop in ".!?…")
_INITIALS = re.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,4}|[A-Z]")
_TOKEN_START = "([{\"'“‘"
_LOOKBACK = 40
_KNOWN = ("id", "en")


class _Lexicon(NamedTuple):
    prefix: frozenset[str]  # abbreviations that never end a sentence ("dr", "no")
    final: frozenset[str]  # abbreviations that may ("tbk", "inc")
    starters: frozenset[str]  # words that commonly open a sentence


@cache
def _lexicon(lang: str) -> _Lexicon:
    """The abbreviations of ``lang`` and English (lower-case, no final dot) and sentence starters."""
    prefix: set[str] = set()
    final: set[str] = set()
    for table in {lang if lang in _KNOWN else "id", "en"}:
        for abbreviation, kind in load_table(table, "abbreviations"):
            (prefix if kind == "prefix" else final).add(abbreviation.lower())
    return _Lexicon(frozenset(prefix), frozenset(final - prefix), sentence_starters())


def split_sentences(text: str, lang: str) -> tuple[Sentence, ...]:
    """The sentences of ``text`` with offsets into it, in order, none empty."""
    lexicon = _lexicon(lang)
    sentences: list[Sentence] = []
    start = 0
    for match in _candidates(text):
        cut = match.start()
        if cut < start:
            continue  # "?!" found by the "?" scan and again by the "!" one
        if match.lastindex is None:  # a line break
            end = cut
        else:
            end = match.end(1)
            closers = match.start(1)
            if text[match.end()].islower() or (
                closers - cut == 1
                and text[cut] == "."
                and not _ends_at_dot(
                    text,
                    cut,
                    match.end(),
                    closed=end > closers and not _bracketed_abbreviation(text, cut, closers, end, lexicon),
                    lexicon=lexicon,
                )
            ):
                continue
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            sentences.append(Sentence(start, end, text[start:end]))
        start = match.end()
    end = len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))
    return tuple(sentences)


def _candidates(text: str) -> list[re.Match[str]]:
    """Every place where a sentence may end, in order."""
    found = list(_STOP_SCANS[0].finditer(text))
    if "\n" in text:
        found += _LINE_BREAKS.finditer(text)
    for scan, stop in zip(_STOP_SCANS[1:], "!?…", strict=True):
        if stop in text:
            found += scan.finditer(text)
    found.sort(key=_START)
    return found


_START = re.Match.start


def _bracketed_abbreviation(text: str, dot: int, closers: int, end: int, lexicon: _Lexicon) -> bool:
    """An abbreviation alone in brackets ("Pelaksana Tugas (Plt.) Sekretaris Jenderal"):
    its bracket closes the abbreviation, not a sentence."""
    if text[closers:end] != ")":
        return False
    opening = text.rfind("(", max(0, dot - 12), dot)
    word = text[opening + 1 : dot] if opening != -1 else ""
    lowered = word.lower()
    return bool(word) and " " not in word and (lowered in lexicon.prefix or lowered in lexicon.final)


def _ends_at_dot(text: str, dot: int, after: int, *, closed: bool, lexicon: _Lexicon) -> bool:
    """Whether a single full stop followed by a space and no lower-case letter ends a sentence."""
    if closed:
        return True
    lookback = max(0, dot - _LOOKBACK)  # a negative start would count from the end
    token_start = max(text.rfind(" ", lookback, dot), text.rfind("\n", lookback, dot), lookback - 1) + 1
    token = text[token_start:dot].lstrip(_TOKEN_START)
    if not token:
        return True
    lowered = token.lower()
    if lowered in lexicon.prefix:
        return False
    if token.isdigit():
        # "1. MoU antara ..." is a list number, at a line start or inline, not a sentence end.
        return len(token) > 2 and not (token_start == 0 or text[token_start - 1] == "\n")
    if lowered in lexicon.final or ((len(token) == 1 or "." in token) and _INITIALS.fullmatch(token)):
        following = text[after]
        return word_at(text, after + (following in "\"“'(")) in lexicon.starters
    return True

"""Spans that cleaning removes, and the small text tests that several finders share."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from sepakat.data import load_table

__all__ = [
    "Span",
    "camel_words",
    "is_title_like",
    "literal_prefix",
    "literal_starts",
    "sentence_starters",
    "trie_pattern",
    "word_at",
]


class Span(NamedTuple):
    """``text[start:end]`` is to be removed as ``kind``; ``insert`` (a space) keeps words apart."""

    start: int
    end: int
    kind: str
    insert: str = ""


_LANGS = ("id", "en")
_WORD_CHARS = re.compile(r"[^\W_]+")


@cache
def sentence_starters() -> frozenset[str]:
    """Words that commonly open a sentence, Indonesian and English together."""
    return frozenset(row[0] for lang in _LANGS for row in load_table(lang, "sentence_starters"))


@cache
def camel_words() -> frozenset[str]:
    """Case-folded names with an inner capital (iPhone, PetroChina): those of
    camel_words.tsv, and those the gazetteers' organisations and media are known by
    (ExxonMobil, TotalEnergies), so that no name the extractor looks for is cut in two."""
    words = {row[0].casefold() for row in load_table("common", "camel_words")}
    for table in _NAMED_TABLES:
        for row in load_table("common", table):
            for cell in row:
                words.update(w.casefold() for w in _INNER_CAPITAL.findall(cell))
    return frozenset(words)


_NAMED_TABLES = ("organisations", "news_media")
# A word with a capital after lower-case letters, as the glue finder sees it.
_INNER_CAPITAL = re.compile(r"[\w'’-]*[a-z][A-Z][\w'’-]*")


@cache
def _title_lowercase() -> frozenset[str]:
    return frozenset(row[0] for lang in _LANGS for row in load_table(lang, "title_lowercase"))


def is_title_like(text: str, share: float = 0.7) -> bool:
    """Whether most words of ``text`` are capitalised (or numbers), as in a headline."""
    lowercase = _title_lowercase()
    considered = 0
    capitalised = 0
    for word in text.split():
        first = word.lstrip("\"'“‘([*")[:1]
        if not first or not first.isalnum() or word in lowercase:
            continue
        considered += 1
        if first.isupper() or first.isdigit():
            capitalised += 1
    return considered > 0 and capitalised >= share * considered


def word_at(text: str, pos: int) -> str:
    """The run of letters and digits that starts at ``pos`` ('' when none does)."""
    match = _WORD_CHARS.match(text, pos)
    return match.group() if match else ""


_SPECIAL = frozenset(".^$*+?{}[]()|\\")
_QUANTIFIERS = frozenset("*+?{")
_ESCAPES = {"n": "\n", "t": "\t"}


def literal_prefix(alternative: str) -> str:
    """The literal text a regular expression (one alternative, no top-level "|") starts with."""
    prefix: list[str] = []
    i = 0
    while i < len(alternative):
        char = alternative[i]
        if char == "\\" and i + 1 < len(alternative):
            escaped = alternative[i + 1]
            if escaped in _ESCAPES:
                prefix.append(_ESCAPES[escaped])
            elif not escaped.isalnum():
                prefix.append(escaped)
            else:
                break  # \s, \d, \w: a class, not a literal
            i += 2
            continue
        if char in _SPECIAL:
            if char in _QUANTIFIERS and prefix:
                prefix.pop()  # the quantifier applies to the last character
            break
        prefix.append(char)
        i += 1
    return "".join(prefix)


def literal_starts(text: str, scan: re.Pattern[str]) -> list[int]:
    """Every position where ``scan`` matches, in order, overlapping matches included.

    A scan for words with different first characters tests every character of the text
    (the cost is the length of the text, not the number of words): finders that look
    for such words share one scan for all of them, then try their own words at its hits.
    """
    starts: list[int] = []
    hit = scan.search(text)
    while hit is not None:
        starts.append(hit.start())
        hit = scan.search(text, hit.start() + 1)
    return starts


_Trie = dict[str, "_Trie"]


def trie_pattern(words: set[str] | frozenset[str] | list[str]) -> str:
    """A regular expression matching any of ``words``, as a trie of non-capturing groups.

    Python's re tries the alternatives of a flat "a|b|c" one by one at every position; a
    trie starting with one branch per first character lets it skip ahead fast.
    """
    trie: _Trie = {}
    for word in words:
        if not word:
            raise ValueError("an empty word matches everywhere")
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: _Trie) -> str:
    ends = "" in node
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body

"""Anchors: which sentences can hold an agreement noun or a meeting word at all.

Python's ``re`` tries every alternative of a large pattern at every position of a
text, which costs a few hundred microseconds per article for the agreement nouns and
meeting words of the data tables. Every match of those patterns contains some literal
text, though ("nota kesepahaman", "mou", "cepa"), and one Aho-Corasick pass over the
lower-cased article finds all such literals at once. The patterns then run only over
the sentences that hold one: same results, a fraction of the cost.

The literals are derived from the patterns themselves (``required_literals``), so the
data tables stay the only place the words are written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from itertools import product
from typing import Any

import ahocorasick_rs

_MAX_EXPANSION = 64
_MIN_LITERAL = 2


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-cased strings of which every match of ``pattern`` contains at least one,
    or None when no such set can be read off the pattern (then it must always run)."""
    try:
        from re import _parser  # type: ignore[attr-defined]  # stable since 3.11

        tree = _parser.parse(pattern)
    except Exception:
        return None
    found = _sequence(list(tree.data))
    if not found or min(len(s) for s in found) < _MIN_LITERAL:
        return None
    return frozenset(found)


def _sequence(items: Sequence[Any]) -> set[str] | None:
    """Best required set of a sequence of nodes: a run of fixed text, or a branch."""
    best: set[str] | None = None
    run: set[str] | None = {""}

    def consider(candidate: set[str] | None) -> None:
        nonlocal best
        if candidate and all(candidate) and (best is None or _quality(candidate) > _quality(best)):
            best = candidate

    for op, arg in items:
        fixed = _fixed(op, arg)
        if fixed is not None and run is not None and len(run) * len(fixed) <= _MAX_EXPANSION:
            run = {a + b for a, b in product(run, fixed)}
            continue
        consider(run)
        run = fixed if fixed is not None else {""}
        if fixed is None:
            consider(_inner(op, arg))
    consider(run)
    return best


def _quality(strings: set[str]) -> tuple[int, int]:
    return min(len(s) for s in strings), -len(strings)


def _fixed(op: Any, arg: Any) -> set[str] | None:
    """The strings a node can match when it is fixed text (with optional parts)."""
    name = str(op)
    if name == "LITERAL":
        return {chr(arg).lower()}
    if name == "SUBPATTERN":
        return _fixed_sequence(arg[-1])
    if name == "BRANCH":
        out: set[str] = set()
        for branch in arg[1]:
            strings = _fixed_sequence(branch)
            if strings is None:
                return None
            out |= strings
        return out if len(out) <= _MAX_EXPANSION else None
    if name == "MAX_REPEAT" and arg[0] == 0 and arg[1] == 1:
        strings = _fixed_sequence(arg[2])
        return None if strings is None else strings | {""}
    return None


def _fixed_sequence(items: Iterable[Any]) -> set[str] | None:
    out = {""}
    for op, arg in items:
        strings = _fixed(op, arg)
        if strings is None or len(out) * len(strings) > _MAX_EXPANSION:
            return None
        out = {a + b for a, b in product(out, strings)}
    return out


def _inner(op: Any, arg: Any) -> set[str] | None:
    """A required set from inside a node that is not fixed text as a whole."""
    name = str(op)
    if name == "SUBPATTERN":
        return _sequence(arg[-1])
    if name == "BRANCH":
        out: set[str] = set()
        for branch in arg[1]:
            strings = _sequence(branch)
            if not strings:
                return None
            out |= strings
        return out
    if name in ("MAX_REPEAT", "MIN_REPEAT") and arg[0] >= 1:
        return _sequence(arg[2])
    return None


class Anchors:
    """One automaton over the literals of several named patterns."""

    def __init__(self, patterns: dict[str, Sequence[str]]) -> None:
        self.always: set[str] = set()
        literals: dict[str, set[str]] = {}
        for name, rows in patterns.items():
            for pattern in rows:
                found = required_literals(pattern)
                if found is None:
                    self.always.add(name)
                    continue
                for literal in found:
                    literals.setdefault(literal, set()).add(name)
        # The names each literal anchors, by the literal's index in the automaton.
        self._names = [frozenset(names) for names in literals.values()]
        self._automaton = ahocorasick_rs.AhoCorasick(literals) if literals else None

    def hits(self, text: str) -> dict[str, list[int]] | None:
        """Offsets in ``text`` where each pattern may match; None means "anywhere"
        (the lower-cased text changed length, so offsets cannot be trusted)."""
        low = text.lower()
        if len(low) != len(text):
            return None
        found: dict[str, list[int]] = {name: [] for name in self.always}
        if self._automaton is None:
            return found
        for index, _start, after in self._automaton.find_matches_as_indexes(low, overlapping=True):
            for name in self._names[index]:
                found.setdefault(name, []).append(after - 1)  # the literal's last character
        return found


@cache
def anchors(lang: str) -> Anchors:
    from sepakat.data import load_table
    from sepakat.extract.lexicon import agreement_head_rows

    lang = "en" if lang == "en" else "id"
    # A noun that counts only after a verb of signing ("menandatangani kerja sama") is
    # anchored by that verb: "kerja sama" alone is in half of all articles.
    signing = [row[0] for row in load_table(lang, "status_cues") if row[1] == "signed" and row[2] == "clause"]
    patterns: dict[str, Sequence[str]] = {
        # One name per agreement row ("agreement:3"): a sentence then runs only the rows
        # whose literals it holds.
        f"agreement:{i}": signing if strength == "verb" else [pattern]
        for i, (pattern, _kind, strength) in enumerate(agreement_head_rows(lang))
    }
    for i, row in enumerate(load_table(lang, "meeting_triggers")):
        patterns[f"meeting:{i}"] = [row[0]]
    for i, row in enumerate(load_table(lang, "status_cues")):
        patterns[f"cue:{i}"] = [row[0]]
    patterns["date"] = date_words()
    patterns["topic"] = [row[0] for row in load_table(lang, "agreement_negative") if row[1] == "topic"]
    return Anchors(patterns)


def date_words() -> list[str]:
    """Words that a date expression without digits must contain: day and month names,
    "kemarin", "today" (digits are checked apart)."""
    from sepakat.data import load_table
    from sepakat.extract.dates import SHORT_MONTHS, relative_phrases

    words = [
        row[0] for lang in ("id", "en") for name in ("weekdays", "months") for row in load_table(lang, name)
    ]
    # Abbreviations stand only beside digits; "Mei" and "May" are whole names.
    return [w for w in words if len(w) > 3 or w.lower() in SHORT_MONTHS] + list(relative_phrases())

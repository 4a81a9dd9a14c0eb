"""Teasers for other stories: "Baca juga: <headline>", "Read also", "Simak juga Video: ...".

A teaser is a marker (``data/{id,en}/teaser_markers.tsv``) and the headline after it.
Where the headline ends is the whole difficulty, for newsrooms glue it into the text:

- marker alone on its line ("Baca juga:" then a line break): the headline lines that
  follow (title-like, no final period) go with it; an article line stays.
- marker and headline with nothing after them on the line: the line goes, up to its end
  ("Baca juga: DPR Sahkan UU Perjanjian Ekstradisi Indonesia-Rusia").
- article text resumes on the same line. The headline's end is looked for before the
  first sentence end after the marker, in this order of trust:
    1. a glue point (a lower-case letter, digit or closing mark directly followed by a
       capitalised word, "8.653Pertemuan", "PrabowoAdapun", or by an opening quote,
       "Lapangan Kerja“Pemerintah") whose word is a common sentence starter
       (data/*/sentence_starters.tsv);
    2. else the last glue point whose headline before it is title-like; names with an
       inner capital (data/common/camel_words.tsv: iPhone, PetroChina) are no glue;
    3. else a space before an opening quote, another marker, a label ("Pewarta:") or a
       sentence starter (ANTARA writes "Baca juga: <headline> "<quote>...");
    4. else the whole first sentence after the marker: a headline left in the text
       would put another story's facts into this one.
- "[Baca Juga: <headline>]" in brackets: up to the closing bracket.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from sepakat.clean.spans import Span, camel_words, is_title_like, sentence_starters, word_at
from sepakat.data import load_table

__all__ = ["find_teasers", "teaser_markers"]

_LANGS = ("id", "en")
_MAX_HEADLINE = 300  # a headline longer than this is article text
_TITLE_LINE_MAX = 200

# A lower-case letter, digit or closing mark directly followed by a capitalised word, or
# by an opening quote and one ("Lapangan Kerja“Pemerintah ...": a headline, then a quote).
_GLUE = re.compile(r"(?<=[a-z0-9)\]\"”’'%.?!])(?=[A-Z][a-z])|(?<=[a-z0-9])(?=“[A-Z])")
# A sentence end inside the line; a full stop between digits ("8.653") is none.
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$|[\"“”]?[A-Z])")
# A space before something that starts article text rather than continues a headline.
_SPACE_BOUNDARY = re.compile(r"\s+(?=[\"“](?=\w)|\(?[A-Z][a-z]+\b)")


class _Marker(NamedTuple):
    needs_colon: bool
    line_only: bool


@cache
def _markers() -> dict[str, _Marker]:
    markers: dict[str, _Marker] = {}
    for lang in _LANGS:
        for marker, colon, where in load_table(lang, "teaser_markers"):
            markers[marker] = _Marker(colon == "yes", where == "line")
    return markers


def teaser_markers() -> frozenset[str]:
    """The markers, as written (a scan shared with other finders looks for them too)."""
    return frozenset(_markers())


@cache
def _marker_pattern() -> re.Pattern[str]:
    names = sorted(_markers(), key=len, reverse=True)
    # No group or assertion in front: Python's re scans fast for alternatives that start
    # with a literal only. The marker and its colon are read back from the match.
    return re.compile("|".join(re.escape(name) for name in names))


_COLON = re.compile(r"[ \t]*[:：]?[ \t]*")


def find_teasers(text: str, starts: Iterable[int] | None = None) -> list[Span]:
    """The teaser spans of ``text``, in order, not overlapping.

    ``starts``: the positions, in order, where a marker may begin (a shared scan's hits,
    ``spans.literal_starts``); by default this scans for the markers itself.
    """
    spans: list[Span] = []
    covered = 0
    marker_end = 0
    markers = _markers()
    pattern = _marker_pattern()
    if starts is None:
        starts = (match.start() for match in pattern.finditer(text))
    for start in starts:
        if start < marker_end:
            continue  # inside the marker before it ("Video" in "Simak Video")
        match = pattern.match(text, start)
        if match is None:
            continue
        marker_end = match.end()
        # Not inside a longer capitalised word ("BACA" in "MEMBACA"); glued after a
        # lower-case letter or a full stop is fine: "...Alikhanov.Baca juga:".
        if start < covered or (start > 0 and text[start - 1].isupper()):
            continue
        marker = markers[match.group()]
        colon = _COLON.match(text, match.end())  # always matches, maybe empty
        after = colon.end() if colon else match.end()
        if marker.needs_colon and not (colon and colon.group().strip(" \t")):
            continue
        span = _teaser_at(text, start, after, marker)
        if span is not None:
            spans.append(span)
            covered = span.end
    return spans


def _teaser_at(text: str, start: int, after: int, marker: _Marker) -> Span | None:
    line_start = text.rfind("\n", 0, start) + 1
    at_line_start = not text[line_start:start].strip(" \t*#>-•[(")
    if marker.line_only and not at_line_start:
        return None
    line_end = text.find("\n", after)
    if line_end < 0:
        line_end = len(text)
    if start > 0 and text[start - 1] == "[":
        close = text.find("]", after, min(line_end, after + _MAX_HEADLINE))
        if close >= 0:
            return _spaced(text, start - 1, close + 1)
    rest = text[after:line_end]
    if not rest.strip():
        return Span(line_start if at_line_start else start, _after_headline_lines(text, line_end), "teaser")
    return _headline_on_line(text, start, after, line_start if at_line_start else None, marker)


def _headline_on_line(
    text: str, start: int, after: int, line_start: int | None, marker: _Marker
) -> Span | None:
    """The teaser whose headline follows its marker on the same line."""
    line_end = text.find("\n", after)
    if line_end < 0:
        line_end = len(text)
    rest = text[after:line_end]
    stop = _first_sentence_end(rest)
    if stop is not None:
        # Article text resumes on the line: find where the headline ends.
        return None if marker.line_only else _spaced(text, start, after + _headline_end(rest, stop))
    if marker.line_only and not is_title_like(rest, 0.5):
        return None
    if line_start is None:
        return Span(start, line_end, "teaser")
    return Span(line_start, min(line_end + 1, len(text)), "teaser")


def _spaced(text: str, start: int, end: int) -> Span:
    """The span, with a space put back when it sat between two words."""
    end = min(end, len(text))
    while end < len(text) and text[end] in " \t":
        end += 1
    joins_words = start > 0 and end < len(text) and not text[start - 1].isspace() and not text[end].isspace()
    return Span(start, end, "teaser", " " if joins_words else "")


def _first_sentence_end(rest: str) -> int | None:
    """Where the first sentence after the marker ends (offset in ``rest``), if it does."""
    match = _SENTENCE_END.search(rest, 0, _MAX_HEADLINE * 3)
    if match is None:
        return None
    # A headline may end in "?" or "!" at the end of its line: that is no article sentence.
    if "." not in match.group() and not rest[match.end() :].strip() and is_title_like(rest, 0.6):
        return None
    return match.end()


def _headline_end(rest: str, stop: int) -> int:
    """Where the glued headline at the start of ``rest`` ends (see the module docstring)."""
    limit = min(stop + 1, _MAX_HEADLINE, len(rest))
    glue_points = [
        m.start()
        for m in _GLUE.finditer(rest, 1, limit + 3)
        # Before the first sentence end; right after it only when a headline's "?" or "!" ends there.
        if (m.start() < stop or (m.start() == stop and rest[stop - 1] in "?!"))
        and not _in_camel_word(rest, m.start())
        and not _opens_quote(rest, m.start() - 1)
    ]
    starters = sentence_starters()
    for point in glue_points:
        if word_at(rest, point) in starters:
            return point
    for point in reversed(glue_points):
        if is_title_like(rest[:point]):
            return point
    for match in _SPACE_BOUNDARY.finditer(rest, 1, limit):
        nxt = match.end()
        word = word_at(rest, nxt)
        label = rest.startswith(":", nxt + len(word)) and word[:1].isupper()  # "Pewarta:", "Editor:"
        if rest[nxt] in '"“' or label or _marker_pattern().match(rest, nxt) or word in starters:
            return nxt
    return stop


def _opens_quote(text: str, pos: int) -> bool:
    """Whether a straight quote at ``pos`` opens a quotation (a space before it)."""
    return text[pos] in "\"'" and (pos == 0 or text[pos - 1].isspace())


def _in_camel_word(text: str, pos: int) -> bool:
    """Whether the capital at ``pos`` is inside a known name such as "PetroChina"."""
    left = pos
    while left > 0 and text[left - 1].isalpha():
        left -= 1
    right = pos
    while right < len(text) and (text[right].isalnum() or text[right] == "'"):
        right += 1
    word = text[left:right].casefold()
    return word in camel_words() or word.removesuffix("'s") in camel_words()


def _after_headline_lines(text: str, line_end: int) -> int:
    """The end of the headline lines that follow a marker standing alone on its line."""
    end = line_end + 1 if line_end < len(text) else line_end
    pos = end
    seen_headline = False
    while pos < len(text):
        nxt = text.find("\n", pos)
        if nxt < 0:
            nxt = len(text)
        line = text[pos:nxt].strip()
        if line:
            if not _is_headline_line(line):
                break
            end = nxt + 1 if nxt < len(text) else nxt
            seen_headline = True
        elif seen_headline:
            break  # a blank line after a headline closes the list
        pos = nxt + 1
    return end


def _is_headline_line(line: str) -> bool:
    if len(line) > _TITLE_LINE_MAX or (line.endswith(".") and not line.endswith("...")):
        return False
    if _SENTENCE_END.search(line, 0, len(line) - 1):
        return False
    return is_title_like(line, 0.6)

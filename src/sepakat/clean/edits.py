"""A text being cleaned, and the map from it back to the text as given.

Cleaning runs as a few passes; each pass finds edits (spans to delete or replace) in the
current text and applies them at once. ``Draft`` keeps, through every pass, the
piecewise map of ``OffsetMap``: each piece of the current text is either a verbatim copy
of the source from some offset, or text that cleaning inserted (a space between glued
sentences, a decoded entity), which maps to the source offset where it was put.

Deletions with a ``kind`` (a teaser, a byline) are kept as ``RemovedSpan`` with their
source offsets and source text; whitespace and escape repairs are not recorded.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from sepakat.models import OffsetMap, RemovedSpan

__all__ = ["Draft", "Edit"]


class Edit(NamedTuple):
    """Replace ``text[start:end]`` of the current text by ``insert``; ``kind`` names a removal."""

    start: int
    end: int
    insert: str = ""
    kind: str | None = None


class Draft:
    """The current cleaned text of one document and its map back to the source."""

    __slots__ = ("_copied", "_source_starts", "_starts", "removed", "source", "text")

    def __init__(self, source: str) -> None:
        self.source = source
        self.text = source
        self._starts: list[int] = [0]
        self._source_starts: list[int] = [0]
        self._copied: list[bool] = [True]
        self.removed: list[RemovedSpan] = []

    # --- reading the map ----------------------------------------------------------------

    def to_source(self, offset: int) -> int:
        """The source offset of current ``offset`` (the end maps to the end of the source)."""
        if offset >= len(self.text):
            return self._end_in_source()
        i = bisect_right(self._starts, offset) - 1
        if not self._copied[i]:
            return self._source_starts[i]
        return self._source_starts[i] + offset - self._starts[i]

    def _end_in_source(self) -> int:
        if not self.text:
            return len(self.source)
        last = len(self.text) - 1
        i = bisect_right(self._starts, last) - 1
        if not self._copied[i]:
            return self._source_starts[i]
        return self._source_starts[i] + last - self._starts[i] + 1

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of current ``[start, end)``; the end maps from its last character."""
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1

    def offset_map(self) -> OffsetMap:
        return OffsetMap(tuple(self._starts), tuple(self._source_starts), tuple(self._copied))

    # --- editing ------------------------------------------------------------------------

    def apply(self, edits: list[Edit]) -> None:
        """Apply ``edits`` (sorted by start, not overlapping) to the current text at once."""
        if not edits:
            return
        text = self.text
        old_starts, old_sources, old_copied = self._starts, self._source_starts, self._copied
        parts: list[str] = []
        new = _Pieces([], [], [])
        starts, sources, copied = new
        out = 0  # the length of the new text so far
        pos = 0  # where copying from the current text resumes
        # A last, empty edit at the end copies the rest.
        for start, end, insert, kind in [*edits, Edit(max(len(text), edits[-1].end), len(text))]:
            if start < pos:
                raise ValueError(f"overlapping edits at {start} (previous ended at {pos})")
            if start > pos:
                # Copy [pos, start) with its pieces of the map. ``_add_piece`` is written out
                # here: this runs for every piece of every pass, and on long wrapped pages (a
                # piece a line) the calls cost more than the rule.
                parts.append(text[pos:start])
                shift = out - pos  # from current offsets to new ones
                i = bisect_right(old_starts, pos) - 1
                piece_start = pos  # the first piece holds ``pos``; the next ones start before ``start``
                while True:
                    clean_at = shift + piece_start
                    is_copy = old_copied[i]
                    source_at = old_sources[i] + piece_start - old_starts[i] if is_copy else old_sources[i]
                    if starts and starts[-1] == clean_at:  # the previous piece is empty: replace it
                        starts[-1], sources[-1], copied[-1] = clean_at, source_at, is_copy
                    elif not (
                        starts and is_copy and copied[-1] and sources[-1] + clean_at - starts[-1] == source_at
                    ):
                        starts.append(clean_at)  # unless it simply continues the previous piece
                        sources.append(source_at)
                        copied.append(is_copy)
                    i += 1
                    if i == len(old_starts) or old_starts[i] >= start:
                        break
                    piece_start = old_starts[i]
                out = shift + start
            if kind is not None and end > start:
                self._record_removal(start, end, kind)
            if insert:
                parts.append(insert)
                _add_piece(new, out, self.to_source(start), False)
                out += len(insert)
            pos = end
        if not starts:
            _add_piece(new, 0, self._end_in_source(), False)
        self.text = "".join(parts)
        self._starts, self._source_starts, self._copied = new

    def _record_removal(self, start: int, end: int, kind: str) -> None:
        s, e = self.source_span(start, end)
        self.removed.append(RemovedSpan(s, e, kind, self.source[s:e]))


class _Pieces(NamedTuple):
    """A map under construction: where each piece starts, in the text and in the source."""

    starts: list[int]
    source_starts: list[int]
    copied: list[bool]


def _add_piece(new: _Pieces, clean_at: int, source_at: int, is_copy: bool) -> None:
    starts, sources, copied = new
    if starts:
        if starts[-1] == clean_at:  # the previous piece is empty: replace it
            starts.pop()
            sources.pop()
            copied.pop()
        elif is_copy and copied[-1] and sources[-1] + (clean_at - starts[-1]) == source_at:
            return  # it simply continues the previous piece
    starts.append(clean_at)
    sources.append(source_at)
    copied.append(is_copy)

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
        build = _Rebuild(text, self._starts, self._source_starts, self._copied)
        pos = 0
        for start, end, insert, kind in edits:
            if start < pos:
                raise ValueError(f"overlapping edits at {start} (previous ended at {pos})")
            if start > pos:
                build.copy(pos, start)
            if kind is not None and end > start:
                s, e = self.source_span(start, end)
                self.removed.append(RemovedSpan(s, e, kind, self.source[s:e]))
            if insert:
                build.insert(insert, self.to_source(start))
            pos = end
        if pos < len(text):
            build.copy(pos, len(text))
        if not build.starts:
            build.emit(0, self._end_in_source(), is_copy=False)
        self.text = "".join(build.parts)
        self._starts, self._source_starts, self._copied = build.starts, build.source_starts, build.copied


class _Rebuild:
    """The pieces of a text being rebuilt from the current one, and their map."""

    __slots__ = (
        "copied",
        "old_copied",
        "old_source",
        "old_starts",
        "out",
        "parts",
        "source_starts",
        "starts",
        "text",
    )

    def __init__(self, text: str, starts: list[int], source_starts: list[int], copied: list[bool]) -> None:
        self.text = text
        self.old_starts, self.old_source, self.old_copied = starts, source_starts, copied
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.source_starts: list[int] = []
        self.copied: list[bool] = []
        self.out = 0

    def emit(self, clean_at: int, source_at: int, *, is_copy: bool) -> None:
        starts = self.starts
        if starts:
            if starts[-1] == clean_at:  # the previous piece is empty: replace it
                starts.pop()
                self.source_starts.pop()
                self.copied.pop()
            elif (
                is_copy and self.copied[-1] and self.source_starts[-1] + (clean_at - starts[-1]) == source_at
            ):
                return  # it simply continues the previous piece
        starts.append(clean_at)
        self.source_starts.append(source_at)
        self.copied.append(is_copy)

    def copy(self, a: int, b: int) -> None:
        """Copy current ``[a, b)`` with its pieces of the map."""
        self.parts.append(self.text[a:b])
        starts, source_starts, copied = self.old_starts, self.old_source, self.old_copied
        out = self.out
        i = bisect_right(starts, a) - 1
        n = len(starts)
        while i < n and starts[i] < b:
            piece_start = max(starts[i], a)
            if copied[i]:
                self.emit(out + piece_start - a, source_starts[i] + piece_start - starts[i], is_copy=True)
            else:
                self.emit(out + piece_start - a, source_starts[i], is_copy=False)
            i += 1
        self.out = out + b - a

    def insert(self, inserted: str, source_at: int) -> None:
        self.parts.append(inserted)
        self.emit(self.out, source_at, is_copy=False)
        self.out += len(inserted)

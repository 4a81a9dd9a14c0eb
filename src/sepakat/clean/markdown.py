"""Markdown left in text: emphasis marks, links (their text stays), headings, quotes, bullets."""

from __future__ import annotations

import re

from sepakat.clean.spans import Span

__all__ = ["find_markdown", "line_mark_at"]

# Each pattern starts with a literal character, so that Python's re scans ahead fast.
_BOLD = re.compile(r"\*\*+|__+")
# Emphasis may run over a single line break (a wrapped line).
_EMPHASIS = re.compile(r"\*[^\s*](?:[^*\n]|\n(?!\n)){0,400}?(?<=[^\s*])\*(?![*\w])")
_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\s]{1,500}\)")
_ATTRIBUTES = re.compile(r"\{:?target=[^}\n]{0,40}\}")  # kramdown's {target="_self"} after a link
_LINK = re.compile(r"\[[^\[\]]{1,300}\]\((?:https?://|/|www\.|mailto:)[^)\s]{0,500}\)")
# A heading's hashes, a quote's ">", a bullet, or a line of nothing but rule marks ("* * *").
_LINE_MARK = re.compile(
    r"\n[ \t]*(?:[-–—*+•_=~·#][-–—*+•_=~·# \t]*(?=\n|\Z)|(?:(?:[-*+•]|##{0,5})[ \t]+|>[ \t]?|\*\*)+)"
)


def find_markdown(text: str) -> list[Span]:
    """Spans of markdown syntax; the words they mark up stay in the text."""
    spans: list[Span] = []
    if "*" in text or "__" in text:
        spans.extend(Span(m.start(), m.end(), "markdown") for m in _BOLD.finditer(text) if _is_mark(text, m))
        for match in _EMPHASIS.finditer(text):
            if match.start() == 0 or not (
                text[match.start() - 1].isalnum() or text[match.start() - 1] in "*\\"
            ):
                spans.append(Span(match.start(), match.start() + 1, "markdown"))
                spans.append(Span(match.end() - 1, match.end(), "markdown"))
    if "{" in text:
        spans.extend(Span(m.start(), m.end(), "markdown") for m in _ATTRIBUTES.finditer(text))
    if "](" in text:
        spans.extend(Span(m.start(), m.end(), "markdown") for m in _IMAGE.finditer(text))
        for match in _LINK.finditer(text):
            label_end = text.rindex("](", match.start(), match.end())
            spans.append(Span(match.start(), match.start() + 1, "markdown"))
            spans.append(Span(label_end, match.end(), "markdown"))
    first = line_mark_at(text, 0)
    if first is not None:
        spans.append(first)
    for match in _LINE_MARK.finditer(text):
        if _BULLET.match(match.group()) and match.end() < len(text) and text[match.end()] != "\n":
            # A list item stays its own paragraph once its bullet is gone.
            spans.append(Span(match.start(), match.end(), "markdown", "\n\n"))
        else:
            spans.append(Span(match.start() + 1, match.end(), "markdown"))
    return spans


_BULLET = re.compile(r"[ \t\n]*[-*+•][ \t]")  # a list item's mark, not "**" or "---"
_LINE_MARK_FIRST = frozenset("#>-–—*+•_=~· \t")


def line_mark_at(text: str, pos: int) -> Span | None:
    """A line mark (heading, quote, bullet) at ``pos``, where a line starts with no break before it."""
    if text[pos : pos + 1] not in _LINE_MARK_FIRST:
        return None
    found = _LINE_MARK.match("\n" + text[pos : pos + 12])  # after a virtual line break
    if found is None:
        return None
    end = pos + found.end() - 1
    bullet = _BULLET.match(found.group()) is not None and end < len(text) and text[end] != "\n"
    return Span(pos, end, "markdown", "\n\n" if bullet else "")


def _is_mark(text: str, match: re.Match[str]) -> bool:
    """ "__" inside a word (snake_case_name) is no markdown; "**" always is."""
    if match.group()[0] == "*":
        return True
    start, end = match.span()
    inside = start > 0 and text[start - 1].isalnum() and end < len(text) and text[end].isalnum()
    return not inside

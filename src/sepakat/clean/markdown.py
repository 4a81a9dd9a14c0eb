"""Markdown left in text: emphasis marks, links (their text stays), headings, quotes, bullets,
and the HTML tags that markdown lets through ("13<sup>th</sup>", "<u>Energy</u>", table cells).
"""

from __future__ import annotations

import re

from sepakat.clean.spans import Span

__all__ = ["find_html_tags", "find_markdown", "line_mark_at"]

# Each pattern starts with a literal character, so that Python's re scans ahead fast.
_BOLD = re.compile(r"\*\*+|__+")
# Emphasis may run over a single line break (a wrapped line).
_EMPHASIS = re.compile(r"\*[^\s*](?:[^*\n]|\n(?!\n)){0,400}?(?<=[^\s*])\*(?![*\w])")
_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\s]{1,500}\)")
_ATTRIBUTES = re.compile(r"\{:?target=[^}\n]{0,40}\}")  # kramdown's {target="_self"} after a link
# A link's target may be long: search and tracking URLs run to hundreds of characters.
_LINK = re.compile(r"\[[^\[\]]{1,300}\]\((?:https?://|/|www\.|mailto:)[^)\s]{0,2000}\)")
# A heading's hashes, a quote's ">", a bullet, or a line of nothing but rule marks ("* * *").
_LINE_MARK = re.compile(
    r"\n[ \t]*(?:[-–—*+•_=~·#][-–—*+•_=~·# \t]*(?=\n|\Z)|(?:(?:[-*+•]|##{0,5})[ \t]+|>[ \t]?|\*\*)+)"
)


# HTML elements by name: only these are tags, so Reuters' "<Siemens A.G.>" (a company)
# and a teaser's "<LINK LIVE STREAMING>" stay. A block element parts paragraphs, a cell
# its neighbours; the rest are inline and go without a trace.
_BLOCK_ELEMENTS = frozenset(
    "address article aside blockquote br caption dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6"  # noqa: SIM905
    " header hr li nav ol p pre section table tbody tfoot thead tr ul".split()
)
_CELL_ELEMENTS = frozenset({"td", "th"})
_INLINE_ELEMENTS = frozenset(
    "a abbr b big cite code del em font i img ins kbd mark q s samp small span strike strong sub sup"  # noqa: SIM905
    " time tt u var wbr".split()
)
# Attributes may run over lines (an <img> with its src, alt and style).
_HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]{0,9})(?:[\s/][^<>]{0,2000})?>")


def find_html_tags(text: str) -> list[Span]:
    """Spans of HTML tags; the words between them stay. A tag that a "<" before it (with
    no ">" between) might enclose is left, so that removing it never makes a new tag
    (cleaning stays idempotent)."""
    spans: list[Span] = []
    if "<" not in text:
        return spans
    for match in _HTML_TAG.finditer(text):
        name = match.group(1).lower()
        if name in _INLINE_ELEMENTS:
            insert = ""
        elif name in _BLOCK_ELEMENTS:
            insert = "\n\n"
        elif name in _CELL_ELEMENTS:
            insert = " "
        else:
            continue
        start = match.start()
        if text.rfind("<", 0, start) > text.rfind(">", 0, start):
            continue
        spans.append(Span(start, match.end(), "markup", insert))
    return spans


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

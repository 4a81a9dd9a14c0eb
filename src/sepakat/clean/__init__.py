"""The clean stage: a RawDocument in, an Article out (teasers out, sentences, language).

    1. characters   entities decoded, odd spaces made plain, escapes dropped (repair.py);
                    HTML tags that markdown let through (markdown.py)
    2. removals     teasers (teasers.py) and markdown (markdown.py); then datelines,
                    bylines, author codes, ads, captions, lists (boilerplate.py,
                    data/common/boilerplate.tsv)
    3. spacing      wrapped lines joined, spaces tidied, glued sentences separated (repair.py),
                    then lines that repeat an earlier line dropped (boilerplate.py)
    4. language     declared, else detected on the cleaned text (language.py)
    5. sentences    split with offsets into the cleaned text (sentences.py)
    6. published    the date string as given, to ISO 8601 (published.py)

``Article.text`` is the cleaned text; ``Article.offsets`` maps any offset of it back to
``Article.source_text`` (the text as given), so evidence is copied verbatim from the
input: ``article.source_slice(s.start, s.end)`` holds the same words as ``s.text``,
without the removed spans inside it (link targets, emphasis marks) and with the spaces
cleaning inserted (between glued sentences) missing. Removed spans are kept in
``Article.removed`` with their kind, source offsets and source text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from sepakat.clean.boilerplate import (
    SCOPES_INLINE,
    SCOPES_LINE,
    find_author_codes,
    find_boilerplate,
    find_dateline,
    find_repeated_lines,
    rule_starts,
)
from sepakat.clean.edits import Draft, Edit
from sepakat.clean.language import identify_language
from sepakat.clean.markdown import find_html_tags, find_markdown, line_mark_at
from sepakat.clean.published import parse_published
from sepakat.clean.repair import normalise_characters, repair_spacing
from sepakat.clean.sentences import split_sentences
from sepakat.clean.spans import Span, literal_starts, trie_pattern
from sepakat.clean.teasers import find_teasers, teaser_markers
from sepakat.errors import InputRefused
from sepakat.models import Article, RawDocument

__all__ = ["clean_document", "clean_text", "identify_language", "split_sentences"]

_LETTER = re.compile(r"[^\W\d_]")


def clean_document(raw: RawDocument) -> Article:
    """Clean one document. Raises InputRefused when nothing of an article remains."""
    source = raw.text
    if source is None and raw.html is not None:
        source = _html_text(raw.html)
    if source is None or not source.strip():
        raise InputRefused(raw.origin, "the document has no text")
    draft = clean_text(source, raw.title)
    text = draft.text
    if _LETTER.search(text) is None:
        raise InputRefused(raw.origin, "nothing of an article remains after cleaning (no words left)")
    language = identify_language(text, raw.language)
    removed = sorted(draft.removed, key=lambda span: (span.start, span.end))
    return Article(
        id=raw.id or _content_id(source),
        title=" ".join(raw.title.split()) or None if raw.title else None,
        published=parse_published(raw.published),
        language=language,
        source_text=source,
        text=text,
        sentences=split_sentences(text, language),
        removed=tuple(removed),
        offsets=draft.offset_map(),
        url=raw.url,
        origin=raw.origin,
    )


def clean_text(source: str, title: str | None = None) -> Draft:
    """Steps 1-3 on ``source``: the cleaned text with its map back and its removed spans."""
    draft = Draft(source)
    draft.apply(normalise_characters(draft.text))
    # HTML tags first: the lines a block tag makes are lines for every rule after it.
    tags = find_html_tags(draft.text)
    if tags:
        draft.apply(_merged(tags))
    draft.apply(_merged(_inline_removals(draft.text, title)))
    # Then the rules that want a line to themselves: a byline or a code glued to a
    # teaser or wrapped in "**" stands alone on its line now.
    draft.apply(_merged(_line_removals(draft.text)))
    # A caption is a short line: judged again once a dateline or byline before it on its
    # line is gone, as cleaning the cleaned text would judge it (cleaning is idempotent).
    draft.apply(_merged(find_boilerplate(draft.text, _CAPTIONS)))
    draft.apply(repair_spacing(draft.text))
    # Last: copies that differed only in spacing or line breaks are equal now. Lines that
    # meet where one went are then joined or kept apart by the same spacing rules.
    repeated = find_repeated_lines(draft.text)
    if repeated:
        draft.apply([Edit(span.start, span.end, "", span.kind) for span in repeated])
        draft.apply(repair_spacing(draft.text))
    return draft


_CAPTIONS = frozenset({"caption"})


def _inline_removals(text: str, title: str | None) -> list[Span]:
    starts = literal_starts(text, _inline_scan())
    spans = _repeated_title(text, title)
    spans += find_teasers(text, starts)
    spans += find_markdown(text)
    spans += find_boilerplate(text, SCOPES_INLINE, starts)
    spans += find_dateline(text, _covered_head(text, spans))
    return spans + _line_marks_left(text, spans)


@cache
def _inline_scan() -> re.Pattern[str]:
    """One scan for teaser markers and the starts of inline rules: it costs what one of them would."""
    return re.compile(trie_pattern(teaser_markers() | rule_starts(SCOPES_INLINE)))


def _line_removals(text: str) -> list[Span]:
    spans = find_boilerplate(text, SCOPES_LINE)
    # Codes close the text once what follows them is gone; the dateline opens it once
    # the bylines and codes before it are gone.
    spans += find_author_codes(text, _covered_tail(text, spans), spans)
    spans += find_dateline(text, _covered_head(text, spans))
    return spans + _line_marks_left(text, spans)


def _line_marks_left(text: str, spans: list[Span]) -> list[Span]:
    """Marks that a removal at a line start leaves first on the line: "ADVERTISEMENT - butir"."""
    marks: list[Span] = []
    covered = _Coverage(spans)
    for span in spans:
        line_start = text.rfind("\n", 0, span.start) + 1
        if covered.uncovered(text, line_start, span.start).strip(" \t*"):
            continue  # the span does not start its line (once the other removals are gone)
        pos = span.end
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        mark = line_mark_at(text, pos) if pos < len(text) and text[pos] != "\n" else None
        if mark is not None:
            marks.append(mark)
    return marks


class _Coverage:
    """The union of some spans, as sorted disjoint runs: asked about a stretch of text, it
    looks only at the runs there (a page with a thousand removals asks a thousand times)."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: list[Span]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end, *_ in sorted(spans):
            if start >= end:
                continue  # covers nothing
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def uncovered(self, text: str, start: int, end: int) -> str:
        """``text[start:end]`` without the parts the spans take."""
        kept = []
        pos = start
        i = bisect_right(self.ends, start)  # the first run that ends after ``start``
        while i < len(self.starts) and self.starts[i] < end:
            kept.append(text[pos : max(pos, self.starts[i])])
            pos = max(pos, self.ends[i])
            i += 1
        kept.append(text[pos:end] if pos < end else "")
        return "".join(kept)


def _merged(spans: list[Span]) -> list[Edit]:
    """The spans as edits in order, overlaps merged (the earlier-starting span names the kind)."""
    if not spans:
        return []
    spans.sort(key=lambda span: (span.start, -span.end))
    edits: list[Edit] = []
    current = spans[0]
    for span in spans[1:]:
        if span.start < current.end:
            if span.end > current.end:
                current = current._replace(end=span.end, insert=span.insert)
            continue
        edits.append(Edit(current.start, current.end, current.insert, current.kind))
        current = span
    edits.append(Edit(current.start, current.end, current.insert, current.kind))
    return edits


def _covered_head(text: str, spans: list[Span]) -> int:
    """Where the text starts once the spans found so far are removed."""
    pos = len(text) - len(text.lstrip())
    for span in sorted(spans):
        if span.start > pos:
            break
        pos = max(pos, span.end)
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return pos


def _covered_tail(text: str, spans: list[Span]) -> int:
    """Where the text ends once the spans found so far are removed."""
    pos = len(text.rstrip())
    for span in sorted(spans, key=lambda span: span.end, reverse=True):
        if span.end < pos:
            break
        pos = min(pos, span.start)
        while pos > 0 and text[pos - 1].isspace():
            pos -= 1
    return pos


def _repeated_title(text: str, title: str | None) -> list[Span]:
    """The title, when the body repeats it in its first lines (the seed's layout)."""
    if not title:
        return []
    wanted = _folded(title)
    start = len(text) - len(text.lstrip())
    end = start
    seen = ""
    while end < len(text) and len(seen) < len(wanted):
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        seen = _folded(text[start:line_end])
        if not wanted.startswith(seen):
            return []
        end = line_end + 1
    return [Span(start, min(end, len(text)), "title")] if seen == wanted else []


def _folded(text: str) -> str:
    return " ".join(text.replace("*", " ").split())


def _html_text(html: str) -> str:
    # Deferred: the readers normally hand over text; only HTML given directly needs a parser.
    from selectolax.lexbor import LexborHTMLParser

    from sepakat.sources.html import page_text

    return page_text(LexborHTMLParser(html))


def _content_id(text: str) -> str:
    from sepakat.sources.checks import content_id

    return content_id(text)

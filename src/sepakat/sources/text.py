"""Plain-text articles: the seed's layout, or a whole file as the body.

The seed's layout (shared/seed/000_*.txt)::

    Title of the article
    <blank line>
    2026-01-12 06:49:54
    Body, one paragraph a line ...

A file whose first line is followed by a blank line and then a line that reads as a
publication time (``parse_published`` finds a day in it, and it is as short as a
timestamp: at most 80 characters and 8 words) is read that way: ``title`` the first
line, ``published`` the timestamp line as written, ``text`` everything after it.

Any other file is taken whole as the text, with its first line as the title, because a
plain-text article almost always opens with its headline, and keeping that line in the
text loses nothing when it is not one (evidence can still be found in it). A first line
too long to be a headline (a paragraph) gives no title. No date is guessed from the
body: that is the extractor's job, against the publication date.
"""

from __future__ import annotations

from sepakat.clean.published import parse_published
from sepakat.models import RawDocument, Refusal
from sepakat.sources.checks import content_id

__all__ = ["document_from_text"]

# A headline is one line of a few words; a timestamp line fits well within this too.
MAX_TITLE_CHARS = 300
MAX_TIMESTAMP_CHARS = 80
MAX_TIMESTAMP_WORDS = 8


def document_from_text(text: str, origin: str) -> RawDocument | Refusal:
    """The document of one plain-text file (already decoded), or why it has none.

    Line ends are normalised to "\\n" (CRLF and lone CR); the id is ``content_id`` of
    the normalised file, so the same article with other line ends keeps its id.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return Refusal(origin, "empty file (no text)")
    lines = text.split("\n", 3)
    if _has_seed_layout(lines):
        body = lines[3].lstrip("\n")
        if not body.strip():
            return Refusal(origin, "no body text after the title and timestamp lines")
        return RawDocument(
            origin=origin,
            id=content_id(text),
            title=lines[0].strip(),
            published=lines[2].strip(),
            text=body,
        )
    first_line = text.lstrip().split("\n", 1)[0].strip()
    return RawDocument(
        origin=origin,
        id=content_id(text),
        title=first_line if len(first_line) <= MAX_TITLE_CHARS else None,
        text=text,
    )


def _has_seed_layout(lines: list[str]) -> bool:
    if len(lines) < 4:
        return False
    title, blank, timestamp = lines[0].strip(), lines[1], lines[2].strip()
    return (
        bool(title)
        and len(title) <= MAX_TITLE_CHARS
        and not blank.strip()
        and 0 < len(timestamp) <= MAX_TIMESTAMP_CHARS
        and len(timestamp.split()) <= MAX_TIMESTAMP_WORDS
        and parse_published(timestamp) is not None
    )

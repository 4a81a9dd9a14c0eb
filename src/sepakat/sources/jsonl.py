"""JSON Lines: one article a line, read line by line in constant memory.

A line is an object with ``text`` (or ``html``) and optionally ``id``, ``title``,
``published``, ``url`` and ``language`` (``lang`` is accepted too: the corpus uses it).
Other fields are ignored. Each line is its own document: a bad line is one refusal
("path:LINE", 1-based) and the next line is read. Blank lines, a BOM, CRLF line ends and
a last line without a newline are fine. A ``.json`` file holding one pretty-printed
object or an array of objects (not JSON Lines) is read whole, within the size limit.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO, Any

import orjson

from sepakat.errors import InputRefused
from sepakat.models import RawDocument, Refusal
from sepakat.sources.checks import BOM, ReadLimits, content_id, decode_utf8, oversize_reason, read_bounded
from sepakat.sources.html import document_from_html

__all__ = ["document_from_object", "is_whole_json", "iter_json_file", "iter_jsonl"]

# What a gzip stream raises on corrupt or truncated data (BadGzipFile is an OSError).
_STREAM_ERRORS = (OSError, EOFError, zlib.error)
_SKIP_CHUNK = 1 << 20


def iter_jsonl(stream: IO[bytes], origin: str, limits: ReadLimits) -> Iterator[RawDocument | Refusal]:
    """Every line of ``stream`` as a document or a refusal, in order.

    A stream that breaks (corrupt or truncated gzip) gives one refusal at the line it
    reached and ends; the lines before it were already yielded.
    """
    limit = limits.max_document_bytes
    line_number = 0
    offset = 0  # of the line's start, in the (decompressed) stream, for UTF-8 messages
    while True:
        try:
            line = stream.readline(limit + 1)
            line_size = len(line)
            oversized = line_size > limit and not line.endswith(b"\n")
            if oversized:
                line_size += _skip_rest_of_line(stream)
        except _STREAM_ERRORS as error:
            yield Refusal(
                f"{origin}:{line_number + 1}",
                f"the data breaks off after line {line_number} ({_describe(error)}); "
                "the rest of the file is skipped",
            )
            return
        if not line:
            return
        line_number += 1
        line_origin = f"{origin}:{line_number}"
        line_start, offset = offset, offset + line_size
        if oversized:
            yield Refusal(line_origin, oversize_reason(line_size, limits))
            continue
        if line_number == 1 and line.startswith(BOM):
            line, line_start = line[len(BOM) :], line_start + len(BOM)
        if not line.strip():
            continue
        yield _document_from_line(line, line_origin, line_start)


def _skip_rest_of_line(stream: IO[bytes]) -> int:
    """Reads past the end of an oversized line without holding it; returns the bytes skipped."""
    skipped = 0
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _describe(error: BaseException) -> str:
    message = str(error) or type(error).__name__
    return f"corrupt compressed data: {message}"


def _document_from_line(line: bytes, origin: str, line_start: int) -> RawDocument | Refusal:
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        try:
            decode_utf8(origin, line, line_start)
        except InputRefused as refused:
            return Refusal(origin, refused.reason)
        return Refusal(origin, f"broken JSON: {error.msg} at column {error.colno}")
    return document_from_object(value, origin)


def document_from_object(value: Any, origin: str) -> RawDocument | Refusal:
    """The document of one decoded JSON value, or why it cannot be one."""
    if not isinstance(value, dict):
        return Refusal(origin, f"a JSON line must be an object, not {_json_kind(value)}")
    text, html = value.get("text"), value.get("html")
    for name, field in (("text", text), ("html", html)):
        if field is not None and not isinstance(field, str):
            return Refusal(origin, f'the "{name}" field is {_json_kind(field)}, not a string')
    if text is None and html is None:
        return Refusal(origin, 'no text: the object has no "text" or "html" field')
    raw_id = value.get("id")
    doc_id = str(raw_id) if isinstance(raw_id, str | int | float) and not isinstance(raw_id, bool) else None
    doc_id = doc_id if doc_id and doc_id.strip() else None
    title = _string(value.get("title"))
    published = _string(value.get("published"))
    url = _string(value.get("url"))
    language = _string(value.get("language")) or _string(value.get("lang"))
    if text is not None and text.strip():
        return RawDocument(
            origin=origin,
            id=doc_id or content_id(text),
            title=title,
            published=published,
            text=text,
            url=url,
            language=language,
        )
    if html is not None and html.strip():
        return document_from_html(
            html, origin, id=doc_id, title=title, published=published, url=url, language=language
        )
    return Refusal(origin, "no text: the text is empty")


def _string(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def is_whole_json(head: bytes) -> bool:
    """Whether a ``.json`` file is one JSON value over many lines rather than JSON Lines."""
    start = head.removeprefix(BOM).lstrip()
    return start.startswith(b"[") or start.split(b"\n", 1)[0].strip() == b"{"


def iter_json_file(
    stream: IO[bytes], origin: str, limits: ReadLimits, size: int | None = None
) -> Iterator[RawDocument | Refusal]:
    """A ``.json`` file that is one object (origin "path") or an array ("path[0]", ...)."""
    data = read_bounded(origin, stream, limits, size)
    try:
        value = orjson.loads(data.removeprefix(BOM))
    except orjson.JSONDecodeError as error:
        decode_utf8(origin, data)  # a UTF-8 problem is the clearer reason
        raise InputRefused(
            origin, f"broken JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield document_from_object(item, f"{origin}[{index}]")
    else:
        yield document_from_object(value, origin)

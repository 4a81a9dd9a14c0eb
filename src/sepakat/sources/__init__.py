"""Readers: paths in, ``RawDocument`` records (or ``Refusal``s) out, streaming and in order.

    iter_documents(paths)             one path after another, in the order given
    ├── "-"                           standard input, format sniffed from its first bytes
    ├── a directory                   its files with a known extension, recursively, sorted,
    │                                 hidden files and directories skipped
    └── a file                        by extension (sniff.EXTENSIONS), else sniffed:
        ├── .txt                      text.document_from_text    (seed layout or whole)
        ├── .jsonl .json .ndjson      jsonl.iter_jsonl           (one article a line)
        ├── .html .htm                html.document_from_html    (main text, title, date)
        ├── .gz                       decompressed as it is read, then any of the above
        ├── .warc .warc.gz            warc.iter_warc             (each archived HTML page)
        └── .urls                     urls.read_url_list         (one URL a line, each as below)
    └── http:// or https://           urls.iter_url_documents    (a page, or a feed's articles;
                                      fetched politely by fetch.Fetcher, made on first use)

A bad input is one ``Refusal(origin, reason)`` and reading goes on: a missing or
unreadable path, an empty, binary or non-UTF-8 file, a document over
``ReadLimits.max_document_bytes``, a broken JSON line, a corrupt gzip stream (the lines
before the break are kept). Origins: "path", "path:LINE" for a JSON line, "-:LINE".
"""

from __future__ import annotations

import gzip
import logging
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING

from sepakat.errors import InputRefused
from sepakat.models import RawDocument, Refusal
from sepakat.sources.checks import (
    DEFAULT_LIMITS,
    DEFAULT_MAX_DOCUMENT_BYTES,
    ReadLimits,
    check_not_binary,
    decode_utf8,
    oversize_reason,
    read_bounded,
    replay_head,
)
from sepakat.sources.html import decode_html, document_from_html
from sepakat.sources.jsonl import is_whole_json, iter_json_file, iter_jsonl
from sepakat.sources.sniff import EXTENSIONS, Format, format_by_name, sniff_format
from sepakat.sources.text import document_from_text
from sepakat.sources.urls import URL_LIST_SUFFIX, is_url, iter_url_documents, read_url_list
from sepakat.sources.warc import is_warc_name, iter_warc

if TYPE_CHECKING:
    from sepakat.sources.fetch import Fetcher

__all__ = ["DEFAULT_MAX_DOCUMENT_BYTES", "ReadLimits", "iter_documents"]

log = logging.getLogger(__name__)

Item = RawDocument | Refusal
STDIN = "-"


def iter_documents(
    paths: Sequence[str],
    *,
    limits: ReadLimits = DEFAULT_LIMITS,
    stdin: IO[bytes] | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Item]:
    """Every document of ``paths``, in input order; each bad input is one ``Refusal``.

    ``stdin`` is read for "-" (default ``sys.stdin.buffer``). Memory stays bounded by
    the size limit whatever the size of a file: JSON Lines are read line by line.
    URLs are fetched with ``fetcher`` (default: one made from the environment's policy
    at the first URL, closed at the end).
    """
    web = _Web(fetcher)
    try:
        for path in paths:
            if path == STDIN:
                yield from _read_stream(stdin if stdin is not None else sys.stdin.buffer, STDIN, None, limits)
            elif is_url(path):
                yield from iter_url_documents(path, web.fetcher(), limits)
            elif os.path.isdir(path):
                yield from _read_directory(path, limits)
            else:
                yield from _read_path(path, limits, web)
    finally:
        web.close()


class _Web:
    """The fetcher of one ``iter_documents`` call, made only when a URL needs it."""

    def __init__(self, given: Fetcher | None) -> None:
        self._given = given
        self._made: Fetcher | None = None

    def fetcher(self) -> Fetcher:
        if self._given is not None:
            return self._given
        if self._made is None:
            from sepakat.sources.fetch import Fetcher

            self._made = Fetcher()
        return self._made

    def close(self) -> None:
        if self._made is not None:
            self._made.close()


def _read_path(path: str, limits: ReadLimits, web: _Web | None = None) -> Iterator[Item]:
    """A file: a web archive, a list of URLs, or any of the formats by name or content."""
    if is_warc_name(path):
        yield from iter_warc(path, limits)
    elif path.lower().endswith(URL_LIST_SUFFIX):
        try:
            urls = read_url_list(path)
        except InputRefused as refused:
            yield Refusal(refused.origin, refused.reason)
            return
        own = _Web(None) if web is None else None
        try:
            for url in urls:
                yield from iter_url_documents(url, (web or own or _Web(None)).fetcher(), limits)
        finally:
            if own is not None:
                own.close()
    else:
        yield from _read_file(path, format_by_name(path), limits)


def _read_directory(directory: str, limits: ReadLimits) -> Iterator[Item]:
    found = False
    for entry in _walk(directory):
        if isinstance(entry, Refusal):
            yield entry
        else:
            found = True
            yield from _read_path(entry, limits)
    if not found:
        known = ", ".join(sorted(EXTENSIONS))
        yield Refusal(directory, f"no files to read in this directory (known extensions: {known})")


def _walk(directory: str) -> Iterator[str | Refusal]:
    """Files with a known extension under ``directory``, in sorted path order, hidden ones skipped.

    Symbolic links to directories are not followed (they can loop); a link to a file is
    read, and a broken link is refused when it is read.
    """
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield Refusal(directory, f"cannot list this directory: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif format_by_name(entry.name) is not None or is_warc_name(entry.name):
            yield entry.path
        else:
            log.debug("%s: skipped, not a known extension", entry.path)


def _read_file(path: str, fmt: Format | None, limits: ReadLimits) -> Iterator[Item]:
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            yield from _read_stream(stream, path, fmt, limits, size)
    except FileNotFoundError:
        yield Refusal(path, "no such file or directory")
    except IsADirectoryError:
        yield Refusal(path, "is a directory that cannot be listed")
    except OSError as error:
        yield Refusal(path, f"cannot read: {error.strerror or error}")


def _read_stream(
    stream: IO[bytes], origin: str, fmt: Format | None, limits: ReadLimits, size: int | None = None
) -> Iterator[Item]:
    """The documents of one input stream of format ``fmt`` (None: sniff it)."""
    try:
        head, stream = replay_head(stream)
        if fmt == "gzip" or (fmt is None and sniff_format(head) == "gzip"):
            inner = format_by_name(origin[:-3]) if origin.lower().endswith(".gz") else None
            yield from _read_gzip(stream, origin, inner, limits)
            return
        yield from _read_plain(head, stream, origin, fmt, limits=limits, size=size)
    except InputRefused as refused:
        yield Refusal(refused.origin, refused.reason)
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        # A whole-document read (text, HTML, .json) of a corrupt or truncated gzip stream.
        yield Refusal(origin, f"corrupt compressed data: {error}")


def _read_gzip(stream: IO[bytes], origin: str, fmt: Format | None, limits: ReadLimits) -> Iterator[Item]:
    with gzip.GzipFile(fileobj=stream, mode="rb") as unzipped:
        try:
            head, plain = replay_head(unzipped)
        except gzip.BadGzipFile as error:
            yield Refusal(origin, f"not a gzip file ({error})")
            return
        # The uncompressed size is unknown without reading it all.
        yield from _read_plain(head, plain, origin, fmt if fmt != "gzip" else None, limits=limits, size=None)


def _read_plain(
    head: bytes, stream: IO[bytes], origin: str, fmt: Format | None, *, limits: ReadLimits, size: int | None
) -> Iterator[Item]:
    if not head:
        raise InputRefused(origin, "empty input (no text)" if origin == STDIN else "empty file (no text)")
    check_not_binary(origin, head)
    fmt = fmt or sniff_format(head)
    if fmt == "jsonl":
        if origin != STDIN and origin.lower().endswith((".json", ".json.gz")) and is_whole_json(head):
            yield from iter_json_file(stream, origin, limits, size)
        else:
            yield from _iter_jsonl_nonempty(stream, origin, limits)
        return
    if size is not None and size > limits.max_document_bytes:
        raise InputRefused(origin, oversize_reason(size, limits))
    data = read_bounded(origin, stream, limits, size)
    check_not_binary(origin, data)
    if fmt == "html":
        html = decode_html(data)
        if html is None:
            decode_utf8(origin, data)  # raises with the offset of the first bad byte
            raise InputRefused(origin, "cannot decode the page's text")
        yield document_from_html(html, origin)
    else:
        yield document_from_text(decode_utf8(origin, data), origin)


def _iter_jsonl_nonempty(stream: IO[bytes], origin: str, limits: ReadLimits) -> Iterator[Item]:
    """iter_jsonl, refusing a file with blank lines only as empty."""
    any_line = False
    for item in iter_jsonl(stream, origin, limits):
        any_line = True
        yield item
    if not any_line:
        yield Refusal(origin, "empty file (no JSON lines)")

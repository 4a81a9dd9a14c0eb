"""WARC and WARC.gz files: the pages of a web archive (Common Crawl's CC-NEWS comes so).

Read with FastWARC (a compiled reader; warcio, in pure Python, parses ~4x slower here,
and either is negligible next to extraction). Which records become documents:

- ``response`` records with HTTP status 200 and an HTML (or XHTML) body: the page, read
  by the HTML reader, with the record's target URI as the article's URL; transfer and
  content encodings (chunked, gzip) are undone;
- ``resource`` records whose Content-Type is HTML (pages saved without HTTP headers);
- everything else (requests, metadata, revisits, redirects, errors, images, PDFs) is
  skipped without a word: an archive is mostly that.

A page over the size limit, binary where HTML was announced, or without text is one
refusal ("path@OFFSET", the record's offset in the file). A file that breaks off
(truncated, corrupt compression) yields the pages before the break and one refusal.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import IO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from sepakat.errors import InputRefused
from sepakat.models import RawDocument, Refusal
from sepakat.sources.checks import DEFAULT_LIMITS, ReadLimits, check_not_binary, oversize_reason
from sepakat.sources.encoding import decode_page, header_charset
from sepakat.sources.html import document_from_html

__all__ = ["WARC_SUFFIXES", "is_warc_name", "iter_warc", "iter_warc_stream"]

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc_name(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def iter_warc(path: str, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[RawDocument | Refusal]:
    """Every HTML page archived in the WARC file at ``path``, in file order."""
    try:
        with open(path, "rb") as stream:
            yield from iter_warc_stream(stream, path, limits)
    except FileNotFoundError:
        yield Refusal(path, "no such file or directory")
    except OSError as error:
        yield Refusal(path, f"cannot read: {error.strerror or error}")


def iter_warc_stream(
    stream: IO[bytes], origin: str, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[RawDocument | Refusal]:
    records = ArchiveIterator(
        stream,
        record_types=WarcRecordType.response | WarcRecordType.resource,
        parse_http=False,  # parsed per record below: a resource record has no HTTP headers
        fsspec_args=False,
    )
    count = 0
    iterator = iter(records)
    while True:
        try:
            record = next(iterator)
        except StopIteration:
            break
        except (OSError, ValueError) as error:
            yield Refusal(
                origin, f"the archive breaks off after {count} records ({error}); the rest is skipped"
            )
            return
        count += 1
        try:
            document = _record_document(record, origin, limits)
        except InputRefused as refused:
            yield Refusal(refused.origin, refused.reason)
            continue
        except (OSError, ValueError) as error:
            yield Refusal(f"{origin}@{record.stream_pos}", f"unreadable record: {error}")
            continue
        if document is not None:
            yield document
    if count == 0:
        log.info("%s: no response or resource records", origin)


def _record_document(record: WarcRecord, origin: str, limits: ReadLimits) -> RawDocument | Refusal | None:
    """The page of one record, a refusal, or None for a record that holds no page."""
    where = f"{origin}@{record.stream_pos}"
    if record.record_type == WarcRecordType.response:
        record.parse_http(auto_decode="all")
        if record.http_headers.status_code != 200:
            return None
        content_type = record.http_content_type or record.http_headers.get("Content-Type")
        charset = record.http_charset or header_charset(record.http_headers.get("Content-Type"))
    else:
        content_type = record.headers.get("Content-Type")
        charset = header_charset(content_type)
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    if kind not in _HTML_TYPES:
        return None
    body = record.reader.read(limits.max_document_bytes + 1)
    if len(body) > limits.max_document_bytes:
        return Refusal(where, oversize_reason(None, limits))
    check_not_binary(where, body)
    url = record.headers.get("WARC-Target-URI")
    return document_from_html(decode_page(body, charset), where, url=url.strip("<> ") if url else None)

"""The text of a fetched or archived page: which encoding its bytes are in.

Order: a byte order mark; valid UTF-8 (servers often announce a legacy charset for pages
that are UTF-8, and bytes of a legacy encoding are almost never valid UTF-8); the charset
the HTTP header declares; the ``<meta charset>`` of the page; windows-1252 as a last
resort, with unknown bytes replaced (Indonesian and English news are mostly ASCII, so a
wrong guess costs a few letters, not the article).
"""

from __future__ import annotations

import codecs
import re

from sepakat.sources.checks import BOM

__all__ = ["decode_page", "header_charset"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)


def header_charset(content_type: str | None) -> str | None:
    """The charset a Content-Type header names ("text/html; charset=ISO-8859-1" -> "ISO-8859-1")."""
    if not content_type:
        return None
    found = _HEADER_CHARSET.search(content_type)
    return found.group(1) if found else None


def _decode(data: bytes, charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        codecs.lookup(charset)
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None


def decode_page(data: bytes, declared: str | None = None) -> str:
    """The page's text; ``declared`` is the charset of its HTTP header, if any."""
    if data.startswith(BOM):
        return data[len(BOM) :].decode("utf-8", "replace")
    text = _decode(data, "utf-8") or _decode(data, declared)
    if text is not None:
        return text
    meta = _META_CHARSET.search(data[:8192])
    text = _decode(data, meta.group(1).decode("ascii")) if meta else None
    return text if text is not None else data.decode("cp1252", "replace")

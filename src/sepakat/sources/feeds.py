"""RSS and Atom feeds: which articles a feed lists, read with feedparser from bytes.

feedparser is given the bytes a ``Fetcher`` brought, never a URL (it would fetch it
itself, past the address guard and the politeness rules). It reads RSS 0.9x to 2.0,
RSS 1.0 and Atom, and is lenient: a feed with a small error but readable entries is
read; one where nothing reads as a feed is refused.

An entry keeps what the feed says of it: its link (made absolute against the feed's
URL), id, title, publication time as written, and its content or summary as HTML
(used as the article's text only when the entry has no link to fetch).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from sepakat.errors import InputRefused
from sepakat.sources.checks import BOM

__all__ = ["Feed", "FeedEntry", "looks_like_feed", "parse_feed"]

_FEED_TYPES = ("rss", "atom", "rdf")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")
_HTML_ROOT = re.compile(rb"<html[\s>]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    link: str | None
    id: str | None
    title: str | None
    published: str | None  # as the feed wrote it
    content_html: str | None  # the entry's content, else its summary


@dataclass(frozen=True, slots=True)
class Feed:
    url: str
    title: str | None
    entries: tuple[FeedEntry, ...]


def looks_like_feed(body: bytes, content_type: str | None = None) -> bool:
    """Whether a response is a feed: by its media type, else by its root element."""
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    if any(word in kind for word in _FEED_TYPES):
        return True
    if kind in ("text/html", "application/xhtml+xml"):
        return False
    head = body[:4096].removeprefix(BOM)
    root = _FEED_ROOT.search(head)
    html = _HTML_ROOT.search(head)
    return root is not None and (html is None or root.start() < html.start())


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> Feed:
    """The feed in ``body`` (fetched from ``url``); raises InputRefused when it is not one."""
    # Deferred: feedparser takes ~20 ms to import, which commands that read no feed should not pay.
    import feedparser  # type: ignore[import-untyped]

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise InputRefused(url, f"not an RSS or Atom feed{detail}")
    if parsed.get("bozo") and not parsed.entries:
        raise InputRefused(url, f"a broken feed with no readable entry ({parsed.get('bozo_exception')})")
    entries = tuple(_entry(raw, url) for raw in parsed.entries)
    return Feed(url=url, title=_text(parsed.feed.get("title")), entries=entries)


def _entry(raw: Any, feed_url: str) -> FeedEntry:
    link = _text(raw.get("link"))
    content = raw.get("content") or []
    html = next((_text(c.get("value")) for c in content if _text(c.get("value"))), None)
    return FeedEntry(
        link=urljoin(feed_url, link) if link else None,
        id=_text(raw.get("id")),
        title=_text(raw.get("title")),
        published=_text(raw.get("published")) or _text(raw.get("updated")),
        content_html=html or _text(raw.get("summary")),
    )


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None

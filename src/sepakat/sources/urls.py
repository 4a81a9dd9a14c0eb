"""URLs as inputs: a page is one document, a feed is the articles it links to.

    iter_url_documents(url, fetcher)
    ├── the response is RSS/Atom    each entry's link is fetched and read as a page
    │                               (an entry without a link: its content, if any)
    └── anything else               the page itself (HTML, or plain text)

A list of URLs is a ``.urls`` file: one URL a line, blank lines and ``#`` comments
skipped. Every URL that cannot be fetched or read is one ``Refusal`` and the next is
tried. Fetching (politeness, robots.txt, the address guard) is ``fetch.Fetcher``'s.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sepakat.errors import InputRefused
from sepakat.models import RawDocument, Refusal
from sepakat.sources.checks import ReadLimits, check_not_binary, oversize_reason
from sepakat.sources.encoding import decode_page, header_charset
from sepakat.sources.feeds import Feed, FeedEntry, looks_like_feed, parse_feed
from sepakat.sources.html import document_from_html
from sepakat.sources.text import document_from_text

if TYPE_CHECKING:
    from sepakat.sources.fetch import Fetched, Fetcher

__all__ = [
    "URL_LIST_SUFFIX",
    "entry_document",
    "is_url",
    "iter_url_documents",
    "page_document",
    "read_url_list",
]

Item = RawDocument | Refusal
URL_LIST_SUFFIX = ".urls"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def read_url_list(path: str) -> list[str]:
    """The URLs of a ``.urls`` file, in order (raises InputRefused when it cannot be read)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputRefused(path, f"cannot read the list of URLs: {error}") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def iter_url_documents(url: str, fetcher: Fetcher, limits: ReadLimits) -> Iterator[Item]:
    """The documents behind ``url``: the page, or each article of the feed."""
    try:
        fetched = fetcher.fetch(url)
        if looks_like_feed(fetched.body, fetched.content_type):
            feed = parse_feed(fetched.body, fetched.final_url, fetched.content_type)
        else:
            yield page_document(fetched, limits, origin=url)
            return
    except InputRefused as refused:
        yield Refusal(refused.origin, refused.reason)
        return
    yield from iter_feed_documents(feed, fetcher, limits)


def iter_feed_documents(feed: Feed, fetcher: Fetcher, limits: ReadLimits) -> Iterator[Item]:
    for entry in feed.entries:
        yield entry_document(entry, feed, fetcher, limits)


def entry_document(entry: FeedEntry, feed: Feed, fetcher: Fetcher, limits: ReadLimits) -> Item:
    """The article a feed entry points to; the feed's title and date for it win over the page's."""
    if entry.link is None:
        origin = f"{feed.url}#{entry.id or entry.title or 'entry'}"
        if not entry.content_html:
            return Refusal(origin, "a feed entry with neither a link nor content")
        return document_from_html(
            entry.content_html, origin, id=entry.id, title=entry.title, published=entry.published
        )
    try:
        fetched = fetcher.fetch(entry.link)
    except InputRefused as refused:
        return Refusal(refused.origin, refused.reason)
    return page_document(fetched, limits, origin=entry.link, title=entry.title, published=entry.published)


def page_document(
    fetched: Fetched,
    limits: ReadLimits,
    *,
    origin: str,
    title: str | None = None,
    published: str | None = None,
) -> Item:
    """The document of one fetched page (HTML or plain text), or why it has none."""
    body = fetched.body
    if len(body) > limits.max_document_bytes:
        return Refusal(origin, oversize_reason(len(body), limits))
    kind = (fetched.content_type or "").split(";", 1)[0].strip().lower()
    try:
        check_not_binary(origin, body)
    except InputRefused as refused:
        return Refusal(origin, f"{refused.reason} ({kind or 'no content type'})")
    text = decode_page(body, header_charset(fetched.content_type))
    if kind in _HTML_TYPES or (not kind and text.lstrip().startswith("<")):
        return document_from_html(text, origin, title=title, published=published, url=fetched.final_url)
    if kind == "text/plain":
        document = document_from_text(text, origin)
        if isinstance(document, Refusal):
            return document
        return RawDocument(
            origin=origin,
            id=document.id,
            title=title or document.title,
            published=published or document.published,
            text=document.text,
            url=fetched.final_url,
        )
    return Refusal(origin, f"not an article page: the server sent {kind or 'no content type'}")

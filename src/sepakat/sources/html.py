"""HTML pages: the article's main text with paragraph breaks, its title and its date.

trafilatura finds the main text (leaving menus, footers and comments out) and the
title; its paragraphs become blocks separated by a blank line, a ``<br>`` a line break.
When it finds nothing (a short page, a fragment), selectolax takes the text of the
page's block elements instead. The document keeps the extracted text (``html`` None),
so evidence is copied from the text the extractor saw.

The date is the page's own statement, as written: ``article:published_time`` and the
other publication meta tags, JSON-LD ``datePublished``, then ``<time datetime>``, then
trafilatura's reading of the page's metadata (never a guess from the body's text).
Zones are left in; ``clean.published.parse_published`` drops them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

import orjson
from selectolax.lexbor import LexborHTMLParser, LexborNode

from sepakat.models import RawDocument, Refusal
from sepakat.sources.checks import BOM, content_id

__all__ = ["decode_html", "document_from_html", "page_published", "page_text"]

log = logging.getLogger(__name__)

# Meta tags that state the publication time, most specific first.
_PUBLISHED_META = (
    'meta[property="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[property="og:published_time"]',
    'meta[name="article:published_time"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="publish-date"]',
    'meta[name="parsely-pub-date"]',
    'meta[name="dc.date.issued"]',
    'meta[name="DC.date.issued"]',
    'meta[name="date"]',
)
# Page furniture that never holds the article text.
_NOT_TEXT_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
]
_BLOCK_SELECTOR = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td, th, dd, dt"
_BLOCK_TAGS = frozenset(tag.strip() for tag in _BLOCK_SELECTOR.split(","))
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_AROUND_BREAK = re.compile(r" *\n *")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""")


def decode_html(data: bytes) -> str | None:
    """The page's text: UTF-8, or the charset its ``<meta>`` declares; None when neither works."""
    data = data.removeprefix(BOM)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:4096])
    if declared is None:
        return None
    try:
        return data.decode(declared.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None


def document_from_html(
    html: str,
    origin: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    language: str | None = None,
) -> RawDocument | Refusal:
    """The document of one HTML page; fields given by the caller win over the page's."""
    tree = LexborHTMLParser(html)
    # Read the markup's metadata first: the text fallback strips scripts (JSON-LD) from the tree.
    published = published or page_published(tree)
    language = language or _page_language(tree)
    text, page_title, page_date, page_url = "", None, None, None
    extracted = _trafilatura_extract(html, url, origin)
    if extracted is not None:
        text = _text_of_body(extracted.body) if extracted.body is not None else ""
        page_title, page_date, page_url = extracted.title, extracted.date, extracted.url
    title = title or page_title or _page_title(tree)
    if not text.strip():
        text = page_text(tree)
    if not text.strip():
        return Refusal(origin, "no text found in the HTML page")
    return RawDocument(
        origin=origin,
        id=id or content_id(text),
        title=title,
        published=published or page_date,
        text=text,
        url=url or page_url,
        language=language,
    )


def _trafilatura_extract(html: str, url: str | None, origin: str) -> Any:
    """trafilatura's Document of the page, or None; a failure on one page is logged, not raised."""
    # Deferred: importing trafilatura takes ~0.3 s, which commands that read no HTML should not pay.
    from trafilatura import bare_extraction

    try:
        return bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    # A third-party parser failing on one odd page must not end the batch; the fallback reads it.
    except Exception as error:
        log.warning("%s: trafilatura failed (%s); using the plain HTML text", origin, error)
        return None


def _text_of_body(body: Any) -> str:
    """trafilatura's body tree as text: one block a paragraph, a blank line between them."""
    paragraphs: list[str] = []
    for block in body:
        if block.tag == "list":
            paragraphs.extend(_inline_text(item) for item in block.iter("item"))
        elif block.tag == "table":
            paragraphs.extend(" ".join(_inline_text(cell) for cell in row) for row in block.iter("row"))
        else:
            paragraphs.append(_inline_text(block))
    return _join_paragraphs(paragraphs)


def _inline_text(element: Any) -> str:
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _join_paragraphs(paragraphs: list[str]) -> str:
    cleaned = (_BLANK_AROUND_BREAK.sub("\n", _SPACES.sub(" ", p)).strip() for p in paragraphs)
    return "\n\n".join(p for p in cleaned if p)


def page_text(tree: LexborHTMLParser) -> str:
    """The text of the page's outermost block elements (selectolax): the fast fallback."""
    tree.strip_tags(_NOT_TEXT_TAGS)
    root = tree.css_first("article") or tree.css_first("main") or tree.body
    if root is None:
        return ""
    for line_break in root.css("br"):
        line_break.replace_with("\n")
    blocks = [node for node in root.css(_BLOCK_SELECTOR) if not _inside_block(node, root)]
    if not blocks:
        return _join_paragraphs(root.text(separator="\n", strip=False).split("\n\n"))
    return _join_paragraphs([node.text(separator="", strip=False) for node in blocks])


def _inside_block(node: LexborNode, root: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.mem_id != root.mem_id:
        if parent.tag in _BLOCK_TAGS:
            return True
        parent = parent.parent
    return False


def page_published(tree: LexborHTMLParser) -> str | None:
    """The publication time the page states in its markup, as written, or None."""
    for selector in _PUBLISHED_META:
        node = tree.css_first(selector)
        value = node.attributes.get("content") if node is not None else None
        if value and value.strip():
            return value.strip()
    for script in tree.css('script[type="application/ld+json"]'):
        found = next(_json_ld_dates(_load_json(script.text(strip=True))), None)
        if found:
            return found
    time = tree.css_first("time[datetime]")
    value = time.attributes.get("datetime") if time is not None else None
    return value.strip() if value and value.strip() else None


def _load_json(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return None


def _json_ld_dates(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        date = value.get("datePublished")
        if isinstance(date, str) and date.strip():
            yield date.strip()
        for child in value.values():
            if isinstance(child, dict | list):
                yield from _json_ld_dates(child)
    elif isinstance(value, list):
        for child in value:
            yield from _json_ld_dates(child)


def _page_title(tree: LexborHTMLParser) -> str | None:
    for selector in ('meta[property="og:title"]', "title", "h1"):
        node = tree.css_first(selector)
        if node is None:
            continue
        value = node.attributes.get("content") if node.tag == "meta" else node.text(strip=True)
        if value and value.strip():
            return value.strip()
    return None


def _page_language(tree: LexborHTMLParser) -> str | None:
    """The page's declared language as ISO 639-1 ("id-ID" -> "id"), or None."""
    html = tree.css_first("html")
    value = html.attributes.get("lang") if html is not None else None
    if not value:
        return None
    code = value.strip().split("-")[0].split("_")[0].lower()
    return code or None

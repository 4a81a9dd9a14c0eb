"""Feeds: RSS and Atom read from bytes, broken ones refused, and a feed URL read end to end.

The feeds and pages are our own writing (tests/news_fixtures.py), served on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator

import orjson
import pytest
from typer.testing import CliRunner

from loopback_server import LoopbackServer, Route, serve
from news_fixtures import ARTICLES, BROKEN_FEED, article_page, atom, rss
from sepakat.cli import _register, app
from sepakat.errors import InputRefused
from sepakat.models import RawDocument, Refusal
from sepakat.sources import iter_documents
from sepakat.sources.checks import ReadLimits
from sepakat.sources.feeds import looks_like_feed, parse_feed
from sepakat.sources.fetch import Fetcher, FetchPolicy, parse_networks
from sepakat.sources.urls import entry_document

BASE = "https://warta.example.id"
RSS_TYPE = "application/rss+xml; charset=utf-8"


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with serve() as running:
        yield running


def loopback_fetcher() -> Fetcher:
    return Fetcher(FetchPolicy(allow_networks=parse_networks("127.0.0.1/32"), min_interval=0.0, retries=0))


def test_rss_entries_keep_link_title_and_date() -> None:
    feed = parse_feed(rss(BASE, ["mou-perikanan", "jepang-energi"]), f"{BASE}/rss", RSS_TYPE)
    assert feed.title == "Warta Contoh - Internasional"
    assert [e.link for e in feed.entries] == [f"{BASE}/berita/mou-perikanan", f"{BASE}/berita/jepang-energi"]
    assert feed.entries[0].title == ARTICLES["mou-perikanan"][0]
    assert feed.entries[0].published == "Thu, 12 Jun 2025 08:00:00 +0000"
    assert feed.entries[0].id == "warta-mou-perikanan"


def test_atom_links_are_made_absolute_against_the_feed() -> None:
    feed = parse_feed(atom(BASE, ["uea-pangan"]), f"{BASE}/atom.xml", "application/atom+xml")
    (entry,) = feed.entries
    assert entry.link == f"{BASE}/kabar/uea-pangan" and entry.id == "urn:kabar:uea-pangan"
    assert entry.published == "2025-06-12T08:00:00Z" and entry.content_html


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (BROKEN_FEED, "broken feed with no readable entry"),
        (b"<html><body><p>Bukan umpan berita</p></body></html>", "not an RSS or Atom feed"),
        (b"\x00\x01\x02", "not an RSS or Atom feed"),
    ],
    ids=["cut-off", "html", "binary"],
)
def test_a_broken_feed_is_refused(body: bytes, reason: str) -> None:
    with pytest.raises(InputRefused, match=reason):
        parse_feed(body, f"{BASE}/rss", RSS_TYPE)


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (b"<rss version='2.0'></rss>", None, True),
        (b"<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>", "text/xml", True),
        (b"anything", "application/atom+xml", True),
        (b"<rss version='2.0'></rss>", "text/html", False),
        (b"<!doctype html><html><body><p>feed</p>", None, False),
        (b"<html><body><rss >quoted</rss>", None, False),
    ],
)
def test_looks_like_feed(body: bytes, content_type: str | None, expected: bool) -> None:
    assert looks_like_feed(body, content_type) is expected


def test_a_feed_url_gives_its_articles_and_goes_on_past_a_missing_one(server: LoopbackServer) -> None:
    base = server.url("")
    server.routes["/rss"] = Route(
        rss(base, ["mou-perikanan", "korea-galangan", "jepang-energi"]), content_type=RSS_TYPE
    )
    server.routes["/berita/mou-perikanan"] = Route(article_page("mou-perikanan"))
    server.routes["/berita/jepang-energi"] = Route(article_page("jepang-energi"))
    with loopback_fetcher() as fetcher:
        items = list(iter_documents([server.url("/rss")], limits=ReadLimits(), fetcher=fetcher))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Refusal", "RawDocument"]
    first, missing, third = items
    assert isinstance(first, RawDocument) and isinstance(third, RawDocument) and isinstance(missing, Refusal)
    assert first.url == server.url("/berita/mou-perikanan") and first.title == ARTICLES["mou-perikanan"][0]
    assert first.published == "Thu, 12 Jun 2025 08:00:00 +0000", "the feed's date wins over the page's"
    assert first.text is not None and "pelatihan nelayan" in first.text and "Beranda" not in first.text
    assert "HTTP 404" in missing.reason and missing.origin == server.url("/berita/korea-galangan")


def test_a_page_url_is_one_document(server: LoopbackServer) -> None:
    server.routes["/berita/uea-pangan"] = Route(article_page("uea-pangan"))
    with loopback_fetcher() as fetcher:
        (document,) = iter_documents([server.url("/berita/uea-pangan")], fetcher=fetcher)
    assert isinstance(document, RawDocument) and document.published == "2025-06-12T08:00:00+07:00"


def test_an_entry_without_a_link_is_read_from_its_content() -> None:
    body = (
        b"<rss version='2.0'><channel><title>Siaran</title><item><title>Siaran Pers</title>"
        b"<guid isPermaLink='false'>sp-7</guid><description>&lt;p&gt;Indonesia dan Chile menandatangani "
        b"perjanjian perdagangan di Santiago, Jumat.&lt;/p&gt;</description></item></channel></rss>"
    )
    feed = parse_feed(body, f"{BASE}/siaran")
    with loopback_fetcher() as fetcher:
        document = entry_document(feed.entries[0], feed, fetcher, ReadLimits())
    assert isinstance(document, RawDocument) and document.id == "sp-7"
    assert document.text is not None and "Santiago" in document.text


def test_the_extract_command_reads_a_feed_url(
    server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = server.url("")
    server.routes["/rss"] = Route(rss(base, ["mou-perikanan"]), content_type=RSS_TYPE)
    server.routes["/berita/mou-perikanan"] = Route(article_page("mou-perikanan"))
    monkeypatch.setenv("SEPAKAT_ALLOW_NETWORKS", "127.0.0.1/32")
    monkeypatch.setenv("SEPAKAT_FETCH_DELAY", "0")
    _register()
    result = CliRunner().invoke(app, ["extract", server.url("/rss")])
    assert result.exit_code == 0, result.output
    (record,) = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert record["title"] == ARTICLES["mou-perikanan"][0]
    assert any(a["status"] == "signed" for a in record["agreements"])


def test_without_permission_loopback_feeds_are_refused(
    server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.routes["/rss"] = Route(rss(server.url(""), ["mou-perikanan"]), content_type=RSS_TYPE)
    monkeypatch.delenv("SEPAKAT_ALLOW_NETWORKS", raising=False)
    _register()
    result = CliRunner().invoke(app, ["extract", server.url("/rss")])
    assert result.exit_code == 1 and "loopback, private" in result.stderr
    assert server.requests == []

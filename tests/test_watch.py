"""Following sources: new items ingested once, unchanged feeds skipped, bad sources survived,
and nothing fetched again after a restart.

A feed server and an article server run on 127.0.0.1 (feeds of our own writing: RSS with
an ETag, Atom with Last-Modified, one broken, one slow past the timeout, one redirect;
pages: HTML, a 404, a 500 then success, a non-UTF-8 page). Time is passed in, so rounds
that are half an hour apart take milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from loopback_server import LoopbackServer, Route, serve
from news_fixtures import ARTICLES, BROKEN_FEED, article_page, atom, rss
from sepakat.cli import _register, app
from sepakat.errors import UsageError
from sepakat.follow.state import add_source, format_interval, list_sources, parse_interval, remove_source
from sepakat.follow.watch import watch, watch_round
from sepakat.sources.fetch import Fetcher, FetchPolicy, parse_networks
from sepakat.store.engine import open_registry

T0 = datetime(2025, 6, 12, 9, 0, tzinfo=UTC)
RSS_TYPE = "application/rss+xml"


def fetcher() -> Fetcher:
    policy = FetchPolicy(
        allow_networks=parse_networks("127.0.0.1/32"), min_interval=0.0, timeout=0.4, retries=1, backoff=0.01
    )
    return Fetcher(policy)


@pytest.fixture
def sites() -> Iterator[tuple[LoopbackServer, LoopbackServer]]:
    """(feeds, articles): two servers, as two outlets' hosts would be."""
    with serve() as feeds, serve() as articles:
        base = articles.url("")
        feeds.routes["/rss"] = Route(
            rss(base, ["mou-perikanan", "korea-galangan", "uea-pangan"]),
            content_type=RSS_TYPE,
            etag='"rss-1"',
        )
        feeds.routes["/atom.xml"] = Route(
            atom(base, ["jepang-energi"]),
            content_type="application/atom+xml",
            last_modified="Thu, 12 Jun 2025 01:00:00 GMT",
        )
        feeds.routes["/rusak"] = Route(BROKEN_FEED, content_type=RSS_TYPE)
        feeds.routes["/lambat"] = Route(rss(base, ["mou-perikanan"]), content_type=RSS_TYPE, delay=1.0)
        feeds.routes["/pindah"] = Route(redirect="/atom.xml")
        feeds.routes["/sampah"] = Route(b"\x89PNG\r\n\x1a\n\x00\x00garbage", content_type="image/png")
        articles.routes["/berita/mou-perikanan"] = Route(article_page("mou-perikanan"))
        articles.routes["/berita/uea-pangan"] = Route(
            article_page("uea-pangan"), fail_first=1
        )  # 500, then fine
        # korea-galangan is missing: a 404
        # The Atom feed's links are relative: its articles are on the feed's own host.
        feeds.routes["/kabar/jepang-energi"] = Route(
            article_page("jepang-energi", charset="iso-8859-1"), content_type="text/html; charset=ISO-8859-1"
        )
        yield feeds, articles


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    registry = open_registry(str(tmp_path / "watch.db"))
    yield registry
    registry.dispose()


def follow_all(engine: Engine, feeds: LoopbackServer) -> None:
    for path in ("/rss", "/atom.xml", "/rusak", "/lambat", "/pindah", "/sampah"):
        add_source(engine, feeds.url(path), 30 * 60, now=T0)


def stored_titles(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return sorted(connection.execute(text("SELECT title FROM articles")).scalars())


def article_hits(articles: LoopbackServer) -> int:
    return sum(1 for r in articles.requests if r.path != "/robots.txt")


def test_a_round_ingests_new_items_and_goes_on_past_bad_sources(
    sites: tuple[LoopbackServer, LoopbackServer], engine: Engine
) -> None:
    feeds, articles = sites
    follow_all(engine, feeds)
    with fetcher() as web:
        report = watch_round(engine, web, now=T0)
    assert report.checked == 6
    assert sorted(url.rsplit("/", 1)[1] for url, _ in report.failed) == ["lambat", "rusak", "sampah"]
    reasons = dict(report.failed)
    assert "broken feed" in reasons[feeds.url("/rusak")] and "no answer" in reasons[feeds.url("/lambat")]
    assert "neither a feed nor an article" in reasons[feeds.url("/sampah")]
    titles = stored_titles(engine)
    assert titles == sorted(ARTICLES[s][0] for s in ("mou-perikanan", "uea-pangan", "jepang-energi"))
    assert report.items_refused == 1, "the 404"
    assert articles.hits("/berita/uea-pangan") == 2, "a 500 then success"
    assert feeds.hits("/kabar/jepang-energi") == 1, "the redirected feed's item was already fetched"
    by_url = {s.url: s for s in list_sources(engine)}
    assert by_url[feeds.url("/rss")].etag == '"rss-1"' and by_url[feeds.url("/rss")].last_status == "new"
    assert by_url[feeds.url("/rusak")].error_count == 1 and by_url[feeds.url("/rusak")].last_error


def test_unchanged_feeds_cost_one_conditional_request(
    sites: tuple[LoopbackServer, LoopbackServer], engine: Engine
) -> None:
    feeds, articles = sites
    follow_all(engine, feeds)
    with fetcher() as web:
        watch_round(engine, web, now=T0)
        before = article_hits(articles)
        nothing_due = watch_round(engine, web, now=T0 + timedelta(minutes=10))
        later = watch_round(engine, web, now=T0 + timedelta(minutes=31))
    assert nothing_due.checked == 0
    assert later.checked == 6 and later.unchanged == 3 and later.items_fetched == 0
    assert article_hits(articles) == before
    conditional = [r for r in feeds.requests if r.path == "/rss"][-1].headers
    assert conditional["if-none-match"] == '"rss-1"'
    assert [r for r in feeds.requests if r.path == "/atom.xml"][-1].headers["if-modified-since"]


def test_a_new_item_is_fetched_once_even_after_a_restart(
    sites: tuple[LoopbackServer, LoopbackServer], tmp_path: Path
) -> None:
    feeds, articles = sites
    path = str(tmp_path / "restart.db")
    first = open_registry(path)
    add_source(first, feeds.url("/rss"), 30 * 60, now=T0)
    with fetcher() as web:
        watch_round(first, web, now=T0)
    first.dispose()
    base = articles.url("")
    feeds.routes["/rss"] = Route(
        rss(base, ["jepang-energi", "mou-perikanan", "korea-galangan", "uea-pangan"]),
        content_type=RSS_TYPE,
        etag='"rss-2"',
    )
    articles.routes["/berita/jepang-energi"] = Route(article_page("jepang-energi"))
    hits_before = {
        p: articles.hits(p) for p in ("/berita/mou-perikanan", "/berita/uea-pangan", "/berita/korea-galangan")
    }
    restarted = open_registry(path)  # a new process: only the registry remembers
    with fetcher() as web:
        report = watch_round(restarted, web, now=T0 + timedelta(hours=1))
    assert report.items_fetched == 1 and articles.hits("/berita/jepang-energi") == 1
    assert {p: articles.hits(p) for p in hits_before} == hits_before, (
        "nothing fetched again, not even the 404"
    )
    assert len(stored_titles(restarted)) == 3
    restarted.dispose()


def test_an_item_that_fails_for_now_is_tried_again_next_round(
    sites: tuple[LoopbackServer, LoopbackServer], engine: Engine
) -> None:
    feeds, articles = sites
    articles.routes["/berita/uea-pangan"] = Route(article_page("uea-pangan"), fail_first=2)  # both tries fail
    add_source(engine, feeds.url("/rss"), 30 * 60, now=T0)
    with fetcher() as web:
        first = watch_round(engine, web, now=T0)
        assert first.items_retry_later == 1 and ARTICLES["uea-pangan"][0] not in stored_titles(engine)
        second = watch_round(engine, web, now=T0 + timedelta(minutes=31))
    assert second.items_fetched == 1, "the feed was read again (no 304) and only the deferred item fetched"
    assert ARTICLES["uea-pangan"][0] in stored_titles(engine)


def test_a_failing_source_waits_longer_each_time(
    sites: tuple[LoopbackServer, LoopbackServer], engine: Engine
) -> None:
    feeds, _articles = sites
    add_source(engine, feeds.url("/rusak"), 30 * 60, now=T0)
    with fetcher() as web:
        watch_round(engine, web, now=T0)
        (source,) = list_sources(engine)
        assert source.next_fetch_at == "2025-06-12T09:30:00Z"
        watch_round(engine, web, now=T0 + timedelta(minutes=30))
        (source,) = list_sources(engine)
    assert source.error_count == 2 and source.next_fetch_at == "2025-06-12T10:30:00Z"


def test_a_followed_page_is_stored_again_only_when_it_changes(
    sites: tuple[LoopbackServer, LoopbackServer], engine: Engine
) -> None:
    _feeds, articles = sites
    articles.routes["/siaran"] = Route(article_page("korea-galangan"), etag='"p1"')
    add_source(engine, articles.url("/siaran"), 60, now=T0)
    with fetcher() as web:
        first = watch_round(engine, web, now=T0)
        second = watch_round(engine, web, now=T0 + timedelta(minutes=2))
    assert first.summary.articles_new == 1 and second.unchanged == 1 and second.summary.articles_new == 0


def test_watch_runs_rounds_until_told_to_stop(
    sites: tuple[LoopbackServer, LoopbackServer], engine: Engine
) -> None:
    feeds, _articles = sites
    add_source(engine, feeds.url("/rss"), 30 * 60, now=T0)
    seen: list[int] = []
    with fetcher() as web:
        watch(engine, web, rounds=2, min_sleep=0.0, max_sleep=0.01, on_round=lambda r: seen.append(r.checked))
    assert seen == [1, 0]


@pytest.mark.parametrize(
    ("given", "seconds", "shown"),
    [("30m", 1800, "30m"), ("2h", 7200, "2h"), ("1d", 86400, "1d"), ("90s", 90, "90s"), ("45", 2700, "45m")],
)
def test_intervals(given: str, seconds: int, shown: str) -> None:
    assert parse_interval(given) == seconds and format_interval(seconds) == shown


@pytest.mark.parametrize("given", ["", "soon", "-5m", "0s", "3w"])
def test_bad_intervals_are_usage_errors(given: str) -> None:
    with pytest.raises(UsageError):
        parse_interval(given)


def test_adding_twice_keeps_one_source_with_the_new_interval(engine: Engine) -> None:
    add_source(engine, "https://warta.example.id/rss", 1800, now=T0)
    add_source(engine, "https://www.warta.example.id/rss/", 3600, now=T0)
    (source,) = list_sources(engine)
    assert source.interval_seconds == 3600 and source.url == "https://warta.example.id/rss"
    assert remove_source(engine, "https://warta.example.id/rss") and not list_sources(engine)
    with pytest.raises(UsageError, match="not a web address"):
        add_source(engine, "warta.example.id/rss", 1800, now=T0)


def test_the_commands(sites: tuple[LoopbackServer, LoopbackServer], tmp_path: Path) -> None:
    feeds, _articles = sites
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    _register()
    added = runner.invoke(app, ["sources", "add", feeds.url("/rss"), "--every", "2h", "--db", db])
    assert added.exit_code == 0 and "every 2h" in added.stderr
    runner.invoke(app, ["sources", "add", feeds.url("/rusak"), "--db", db])
    once = runner.invoke(
        app, ["watch", "--once", "--db", db, "--allow-network", "127.0.0.1/32", "--delay", "0"]
    )
    assert once.exit_code == 1, "a source failed and an item was refused: said by the exit code"
    assert "2 checked" in once.stderr and "1 failed" in once.stderr
    listed = runner.invoke(app, ["sources", "list", "--db", db, "--format", "json"])
    rows = {row["url"]: row for row in orjson.loads(listed.stdout)}
    assert rows[feeds.url("/rss")]["every"] == "2h" and rows[feeds.url("/rss")]["items_seen"] == 3
    assert rows[feeds.url("/rusak")]["last_status"] == "failed"
    bad = runner.invoke(app, ["sources", "add", feeds.url("/rss"), "--every", "soon", "--db", db])
    assert bad.exit_code == 2 and "not an interval" in bad.stderr
    blocked = runner.invoke(app, ["watch", "--once", "--db", db])
    assert blocked.exit_code == 0, "nothing due any more"

"""Fetching: the address guard on every hop, robots.txt, politeness, retries, caps, encodings.

Every server here is started by the test on 127.0.0.1; addresses outside loopback are
only ever refused before any connection is made (the guard's own unit cases).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from loopback_server import LoopbackServer, Route, serve
from sepakat.errors import InputRefused, UsageError
from sepakat.models import RawDocument, Refusal
from sepakat.sources.checks import ReadLimits
from sepakat.sources.fetch import Fetcher, FetchPolicy, address_allowed, parse_networks
from sepakat.sources.urls import page_document

LOOPBACK = parse_networks("127.0.0.1/32")
PAGE = (
    b"<html lang='id'><head><title>Indonesia dan Peru Teken MoU Perikanan</title></head><body><article>"
    b"<p>Pemerintah Indonesia dan Peru menandatangani nota kesepahaman kerja sama perikanan di Lima, "
    b"Kamis. Kesepakatan itu mencakup pelatihan nelayan dan riset bersama tentang stok ikan.</p>"
    b"<p>Menteri mengatakan kerja sama ini membuka peluang ekspor baru bagi kedua negara.</p>"
    b"</article></body></html>"
)


class Sleeps:
    """Records the pauses the fetcher asks for instead of taking them."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with serve() as running:
        yield running


def fetcher(sleeps: Sleeps | None = None, **policy: object) -> Fetcher:
    values: dict[str, object] = {
        "allow_networks": LOOPBACK, "min_interval": 0.0, "backoff": 0.01, "timeout": 0.5, "retries": 1,
    }  # fmt: skip
    return Fetcher(FetchPolicy(**(values | policy)), sleep=sleeps or Sleeps())  # type: ignore[arg-type]


def test_a_page_is_fetched_with_its_type_and_a_clear_user_agent(server: LoopbackServer) -> None:
    server.routes["/berita/1"] = Route(PAGE)
    with fetcher() as web:
        page = web.fetch(server.url("/berita/1"))
    assert page.status == 200 and page.body == PAGE and page.final_url == server.url("/berita/1")
    assert page.content_type == "text/html; charset=utf-8"
    agent = next(r for r in server.requests if r.path == "/berita/1").headers["user-agent"]
    assert agent.startswith("sepakat/") and "robots.txt" in agent


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_is_refused_unless_allowed(server: LoopbackServer, host: str) -> None:
    server.routes["/berita/1"] = Route(PAGE)
    with fetcher(allow_networks=()) as web, pytest.raises(InputRefused, match="loopback, private"):
        web.fetch(server.url("/berita/1", host=host))
    assert server.requests == [], "nothing reached the server"


def test_a_redirect_to_an_address_not_allowed_is_refused(server: LoopbackServer) -> None:
    port = server.port
    server.routes["/pindah"] = Route(redirect=f"http://127.0.0.2:{port}/rahasia")
    with fetcher() as web, pytest.raises(InputRefused, match=r"127\.0\.0\.2"):
        web.fetch(server.url("/pindah"))
    assert [r.path for r in server.requests] == ["/robots.txt", "/pindah"]


@pytest.mark.parametrize(
    "target",
    ["http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/computeMetadata/v1/"],
)
def test_a_redirect_to_cloud_metadata_is_refused_before_connecting(
    server: LoopbackServer, target: str
) -> None:
    server.routes["/pindah"] = Route(redirect=target)
    with fetcher() as web, pytest.raises(InputRefused, match=r"metadata|link-local"):
        web.fetch(server.url("/pindah"))


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/"])
def test_only_http_and_https_are_followed(server: LoopbackServer, target: str) -> None:
    server.routes["/pindah"] = Route(redirect=target)
    with fetcher() as web, pytest.raises(InputRefused, match="only http and https"):
        web.fetch(server.url("/pindah"))


def test_redirects_are_followed_to_the_final_url(server: LoopbackServer) -> None:
    server.routes["/lama"] = Route(redirect="/baru", status=308)
    server.routes["/baru"] = Route(PAGE)
    with fetcher() as web:
        page = web.fetch(server.url("/lama"))
    assert page.final_url == server.url("/baru") and page.url == server.url("/lama")


def test_a_redirect_loop_ends(server: LoopbackServer) -> None:
    server.routes["/a"] = Route(redirect="/b")
    server.routes["/b"] = Route(redirect="/a")
    with fetcher(max_redirects=3) as web, pytest.raises(InputRefused, match="more than 3 redirects"):
        web.fetch(server.url("/a"))


def test_a_404_is_refused_at_once(server: LoopbackServer) -> None:
    with fetcher() as web, pytest.raises(InputRefused, match="HTTP 404"):
        web.fetch(server.url("/hilang"))
    assert server.hits("/hilang") == 1


def test_a_500_then_success_is_retried_after_a_back_off(server: LoopbackServer) -> None:
    server.routes["/goyah"] = Route(PAGE, fail_first=1)
    sleeps = Sleeps()
    with fetcher(sleeps) as web:
        assert web.fetch(server.url("/goyah")).body == PAGE
    assert server.hits("/goyah") == 2 and sleeps.calls == [0.01]


def test_retries_give_up_with_the_reason(server: LoopbackServer) -> None:
    server.routes["/rusak"] = Route(PAGE, fail_first=99)
    sleeps = Sleeps()
    with fetcher(sleeps, retries=2) as web, pytest.raises(InputRefused, match=r"HTTP 500 \(after 3 tries\)"):
        web.fetch(server.url("/rusak"))
    assert server.hits("/rusak") == 3 and sleeps.calls == [0.01, 0.02], "the back-off doubles"


def test_retry_after_is_honoured_up_to_the_cap(server: LoopbackServer) -> None:
    server.routes["/sibuk"] = Route(PAGE, status=503, headers={"Retry-After": "120"})
    sleeps = Sleeps()
    with fetcher(sleeps, max_backoff=5.0) as web, pytest.raises(InputRefused, match="HTTP 503"):
        web.fetch(server.url("/sibuk"))
    assert sleeps.calls == [5.0]


def test_a_slow_server_times_out(server: LoopbackServer) -> None:
    server.routes["/lambat"] = Route(PAGE, delay=2.0)
    started = time.monotonic()
    with (
        fetcher(timeout=0.3, retries=0) as web,
        pytest.raises(InputRefused, match=r"no answer .* within 0.3 s"),
    ):
        web.fetch(server.url("/lambat"))
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_a_body_over_the_cap_is_refused(server: LoopbackServer, chunked: bool) -> None:
    server.routes["/besar"] = Route(b"<p>" + b"x" * 50_000 + b"</p>", chunked=chunked)
    with fetcher(max_bytes=10_000) as web, pytest.raises(InputRefused, match="over the cap of 10,000"):
        web.fetch(server.url("/besar"))


def test_robots_txt_is_respected_and_asked_once(server: LoopbackServer) -> None:
    server.routes["/robots.txt"] = Route(
        b"User-agent: sepakat\nDisallow: /pribadi/\n\nUser-agent: *\nDisallow:\n", content_type="text/plain"
    )
    server.routes["/pribadi/1"] = Route(PAGE)
    server.routes["/publik/1"] = Route(PAGE)
    with fetcher() as web:
        with pytest.raises(InputRefused, match=r"robots.txt .* disallows"):
            web.fetch(server.url("/pribadi/1"))
        web.fetch(server.url("/publik/1"))
        web.fetch(server.url("/publik/1"))
    assert server.hits("/pribadi/1") == 0 and server.hits("/robots.txt") == 1


def test_crawl_delay_stretches_the_interval(server: LoopbackServer) -> None:
    server.routes["/robots.txt"] = Route(b"User-agent: *\nCrawl-delay: 2\n", content_type="text/plain")
    server.routes["/publik/1"] = Route(PAGE)
    sleeps = Sleeps()
    with fetcher(sleeps) as web:
        web.fetch(server.url("/publik/1"))
        web.fetch(server.url("/publik/1"))
    assert len(sleeps.calls) == 1 and 0.5 < sleeps.calls[0] <= 2.0  # 2 s less the time between the two


def test_an_unreadable_robots_txt_keeps_the_fetcher_out(server: LoopbackServer) -> None:
    server.routes["/robots.txt"] = Route(b"", status=500, fail_first=0, content_type="text/plain")
    server.routes["/publik/1"] = Route(PAGE)
    with fetcher(retries=0) as web, pytest.raises(InputRefused, match=r"robots.txt .* could not be read"):
        web.fetch(server.url("/publik/1"))
    assert server.hits("/publik/1") == 0


def test_requests_to_one_host_are_spaced(server: LoopbackServer) -> None:
    server.routes["/a"] = Route(PAGE)
    sleeps = Sleeps()
    with fetcher(sleeps, min_interval=0.5) as web:
        web.fetch(server.url("/a"))
        web.fetch(server.url("/a"))
    # robots.txt, then /a 0.5 s later, then /a 0.5 s after that (the pauses are not taken here)
    assert len(sleeps.calls) == 2  # each wait is its turn less the time since the last request
    assert 0 < sleeps.calls[0] <= 0.5 and sleeps.calls[0] < sleeps.calls[1] <= 1.0


@pytest.mark.parametrize("validator", ["etag", "last_modified"])
def test_conditional_requests_give_not_modified(server: LoopbackServer, validator: str) -> None:
    route = (
        Route(PAGE, etag='"v1"')
        if validator == "etag"
        else Route(PAGE, last_modified="Tue, 10 Jun 2025 01:00:00 GMT")
    )
    server.routes["/umpan"] = route
    with fetcher() as web:
        first = web.fetch(server.url("/umpan"))
        again = web.fetch(server.url("/umpan"), etag=first.etag, last_modified=first.last_modified)
    assert not first.not_modified and first.body == PAGE
    assert again.not_modified and again.status == 304 and again.body == b""


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (
            "<p>Kerja sama <b>ekonomi</b> dengan Curaçao</p>".encode("iso-8859-1"),
            "text/html; charset=ISO-8859-1",
            "Curaçao",
        ),
        (
            "<meta charset='windows-1252'><p>Pertemuan di Besançon – kerja sama</p>".encode("cp1252"),
            "text/html",
            "Besançon – kerja",
        ),
        ("<p>Perjanjian dengan Türkiye</p>".encode(), "text/html; charset=iso-8859-1", "Türkiye"),
    ],
    ids=["header-latin-1", "meta-windows-1252", "utf-8-mislabelled"],
)
def test_a_non_utf8_page_is_decoded(
    server: LoopbackServer, body: bytes, content_type: str, expected: str
) -> None:
    page = b"<html><head></head><body><article><p>" + b"Paragraf pembuka berita. " * 8 + b"</p>" + body
    server.routes["/lama"] = Route(page + b"</article></body></html>", content_type=content_type)
    with fetcher() as web:
        document = page_document(web.fetch(server.url("/lama")), ReadLimits(), origin="x")
    assert isinstance(document, RawDocument) and document.text is not None
    assert expected in document.text and document.url == server.url("/lama")


def test_a_binary_answer_is_not_an_article(server: LoopbackServer) -> None:
    server.routes["/gambar.png"] = Route(b"\x89PNG\r\n\x1a\n\x00\x00\x00", content_type="image/png")
    with fetcher() as web:
        document = page_document(web.fetch(server.url("/gambar.png")), ReadLimits(), origin="x")
    assert isinstance(document, Refusal) and "image/png" in document.reason


@pytest.mark.parametrize(
    ("address", "allowed"),
    [
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
        ("127.0.0.1", False),
        ("127.1.2.3", False),
        ("::1", False),
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("fe80::1", False),
        ("fd00:ec2::254", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:10.0.0.1", False),
    ],
)
def test_the_address_guard(address: str, allowed: bool) -> None:
    assert address_allowed(address) is allowed


def test_allowed_networks_open_exactly_themselves() -> None:
    assert address_allowed("127.0.0.1", LOOPBACK)
    assert address_allowed("::ffff:127.0.0.1", LOOPBACK)
    assert not address_allowed("127.0.0.2", LOOPBACK)
    assert not address_allowed("::1", LOOPBACK)


def test_a_bad_network_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="not a network address"):
        parse_networks("127.0.0.1/8,nonsense")


def test_the_policy_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEPAKAT_ALLOW_NETWORKS", "127.0.0.0/8, ::1")
    monkeypatch.setenv("SEPAKAT_FETCH_DELAY", "0.25")
    policy = FetchPolicy.from_env(retries=5)
    assert [str(n) for n in policy.allow_networks] == ["127.0.0.0/8", "::1/128"]
    assert policy.min_interval == 0.25 and policy.retries == 5

"""WARC and WARC.gz: archived HTML pages become documents; everything else is skipped.

The archives are written here with warcio (an implementation other than the reader's),
holding pages of our own writing (tests/news_fixtures.py).
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]  # no type information
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]  # no type information

from news_fixtures import ARTICLES, article_page
from sepakat.cli import _register, app
from sepakat.models import RawDocument, Refusal
from sepakat.sources import ReadLimits, iter_documents
from sepakat.sources.warc import is_warc_name, iter_warc

Record = tuple[str, str, bytes, list[tuple[str, str]], str]  # kind, url, payload, headers, status


def write_warc(path: Path, records: list[Record], *, compress: bool) -> Path:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        for kind, url, payload, headers, status in records:
            if kind == "response":
                http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
                record = writer.create_warc_record(
                    url, "response", payload=io.BytesIO(payload), http_headers=http
                )
            elif kind == "request":
                http = StatusAndHeaders(
                    f"GET {url} HTTP/1.1", [("Host", "warta.example.id")], is_http_request=True
                )
                record = writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b""), length=0, http_headers=http
                )
            else:
                record = writer.create_warc_record(
                    url,
                    kind,
                    payload=io.BytesIO(payload),
                    length=len(payload),
                    warc_content_type=headers[0][1],
                )
            writer.write_record(record)
            record.raw_stream.close()  # warcio may buffer a record in a temporary file
    return path


HTML = [("Content-Type", "text/html; charset=utf-8")]


def news_archive(path: Path, *, compress: bool = True) -> Path:
    base = "https://warta.example.id/berita"
    return write_warc(
        path,
        [
            ("request", f"{base}/mou-perikanan", b"", [], ""),
            ("response", f"{base}/mou-perikanan", article_page("mou-perikanan"), HTML, "200 OK"),
            (
                "response",
                f"{base}/hilang",
                b"<html><body>Tidak ditemukan</body></html>",
                HTML,
                "404 Not Found",
            ),
            (
                "response",
                f"{base}/logo.png",
                b"\x89PNG\r\n\x1a\n\x00",
                [("Content-Type", "image/png")],
                "200 OK",
            ),
            ("response", f"{base}/lama", b"", [("Location", f"{base}/baru")], "301 Moved Permanently"),
            (
                "metadata",
                f"{base}/mou-perikanan",
                b"fetchTimeMs: 120\n",
                [("Content-Type", "application/warc-fields")],
                "",
            ),
            (
                "response",
                f"{base}/uea-pangan",
                article_page("uea-pangan", charset="iso-8859-1"),
                [("Content-Type", "text/html; charset=ISO-8859-1")],
                "200 OK",
            ),
            (
                "resource",
                f"{base}/jepang-energi",
                article_page("jepang-energi"),
                [("Content-Type", "text/html")],
                "",
            ),
            (
                "response",
                f"{base}/korea-galangan",
                gzip.compress(article_page("korea-galangan")),
                [*HTML, ("Content-Encoding", "gzip")],
                "200 OK",
            ),
        ],
        compress=compress,
    )


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_html_pages_of_an_archive_become_documents(tmp_path: Path, compress: bool) -> None:
    path = news_archive(tmp_path / ("news.warc.gz" if compress else "news.warc"), compress=compress)
    documents = list(iter_warc(str(path)))
    assert all(isinstance(d, RawDocument) for d in documents)
    assert [d.url for d in documents if isinstance(d, RawDocument)] == [
        "https://warta.example.id/berita/mou-perikanan",
        "https://warta.example.id/berita/uea-pangan",
        "https://warta.example.id/berita/jepang-energi",
        "https://warta.example.id/berita/korea-galangan",
    ]
    for document in documents:
        assert isinstance(document, RawDocument) and document.text and document.title
        slug = (document.url or "").rsplit("/", 1)[1]
        assert ARTICLES[slug][0] in document.title
        assert document.origin.startswith(f"{path}@")
        assert document.published == "2025-06-12T08:00:00+07:00"


def test_a_non_utf8_page_is_decoded_by_its_header(tmp_path: Path) -> None:
    documents = list(iter_warc(str(news_archive(tmp_path / "news.warc.gz"))))
    uea = next(d for d in documents if isinstance(d, RawDocument) and "uea" in (d.url or ""))
    assert isinstance(uea, RawDocument) and uea.text and "Uni Emirat Arab" in uea.text


def test_an_oversized_page_is_refused_and_reading_goes_on(tmp_path: Path) -> None:
    base = "https://warta.example.id/berita"
    big = b"<html><body><p>" + b"kata " * 40_000 + b"</p></body></html>"
    path = write_warc(
        tmp_path / "big.warc.gz",
        [
            ("response", f"{base}/besar", big, HTML, "200 OK"),
            ("response", f"{base}/uea-pangan", article_page("uea-pangan"), HTML, "200 OK"),
        ],
        compress=True,
    )
    first, second = iter_warc(str(path), ReadLimits(max_document_bytes=100_000))
    assert isinstance(first, Refusal) and "size limit" in first.reason and "@" in first.origin
    assert isinstance(second, RawDocument)


def test_a_truncated_archive_keeps_the_pages_before_the_break(tmp_path: Path) -> None:
    path = news_archive(tmp_path / "news.warc.gz")
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.6)])
    items = list(iter_warc(str(cut)))
    assert any(isinstance(i, RawDocument) for i in items)
    assert len([i for i in items if isinstance(i, RawDocument)]) < 4


def test_not_an_archive_is_refused_or_empty(tmp_path: Path) -> None:
    path = tmp_path / "bukan.warc"
    path.write_bytes(b"Ini bukan arsip WARC sama sekali.\n")
    assert all(isinstance(i, Refusal) for i in iter_warc(str(path)))
    assert list(iter_warc(str(tmp_path / "tidak-ada.warc.gz"))) == [
        Refusal(str(tmp_path / "tidak-ada.warc.gz"), "no such file or directory")
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.warc", True),
        ("CC-NEWS-20250612.warc.gz", True),
        ("a.WARC.GZ", True),
        ("a.jsonl.gz", False),
        ("warc", False),
    ],
)
def test_is_warc_name(name: str, expected: bool) -> None:
    assert is_warc_name(name) is expected


def test_archives_are_read_by_every_command_and_in_directories(tmp_path: Path) -> None:
    (tmp_path / "arsip").mkdir()
    news_archive(tmp_path / "arsip" / "CC-NEWS-1.warc.gz")
    documents = list(iter_documents([str(tmp_path / "arsip")]))
    assert len(documents) == 4 and all(isinstance(d, RawDocument) for d in documents)
    _register()
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "arsip" / "CC-NEWS-1.warc.gz")])
    assert result.exit_code == 0, result.output
    records = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert records[0]["title"].startswith(ARTICLES["mou-perikanan"][0])

"""Readers: every input format, every kind of refusal, and the real corpus read to its end.

The articles here are our own writing, in the style of the news.
"""

from __future__ import annotations

import gzip
import io
import os
import tracemalloc
from pathlib import Path

import orjson
import pytest
from selectolax.lexbor import LexborHTMLParser

from sepakat.errors import UsageError
from sepakat.models import RawDocument, Refusal
from sepakat.sources import ReadLimits, iter_documents
from sepakat.sources.checks import content_id
from sepakat.sources.html import page_text
from sepakat.sources.sniff import format_by_name, sniff_format

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"

TITLE_ID = "Indonesia dan Vietnam Teken Nota Kesepahaman Perikanan"
BODY_ID = (
    "Jakarta - Pemerintah Indonesia dan Vietnam menandatangani nota kesepahaman "
    "di bidang perikanan di Hanoi, Selasa.\n"
    "Menteri Kelautan dan Perikanan mengatakan kerja sama ini mencakup pelatihan "
    "nelayan dan pertukaran data kapal."
)
SEED_LAYOUT = f"{TITLE_ID}\n\n2025-03-04 10:15:00\n{BODY_ID}\n"
TITLE_EN = "Indonesia and Japan sign energy memorandum"
BODY_EN = (
    "Indonesia and Japan signed a memorandum of understanding on energy transition in "
    "Tokyo on Tuesday, the two ministries said."
)
PAGE = """<!doctype html>
<html lang="id-ID"><head>
<title>Indonesia dan Jepang Teken MoU Energi | Warta Contoh</title>
<meta property="article:published_time" content="2025-06-18T14:05:00+07:00">
<script>var tracker = 1;</script>
</head><body>
<nav><a href="/">Beranda</a> <a href="/ekonomi">Ekonomi</a></nav>
<article>
<h1>Indonesia dan Jepang Teken MoU Energi</h1>
<p>Pemerintah Indonesia dan Jepang menandatangani nota kesepahaman di bidang transisi energi
di Tokyo, Rabu. Penandatanganan dilakukan oleh menteri dari kedua negara di hadapan para pejabat.</p>
<p>Menteri mengatakan kerja sama ini akan memperkuat pengembangan energi terbarukan dan membuka
peluang investasi baru bagi perusahaan nasional di kedua negara.<br>Kesepakatan berlaku lima tahun.</p>
<p>Kedua negara juga sepakat membentuk kelompok kerja bersama yang akan bertemu dua kali setahun
untuk meninjau pelaksanaan kerja sama tersebut.</p>
</article>
<footer>Hak cipta Warta Contoh</footer>
</body></html>
"""


def read(*paths: str | Path, limits: ReadLimits | None = None) -> list[RawDocument | Refusal]:
    return list(iter_documents([str(p) for p in paths], limits=limits or ReadLimits()))


def only_document(items: list[RawDocument | Refusal]) -> RawDocument:
    assert len(items) == 1, items
    assert isinstance(items[0], RawDocument), items[0]
    return items[0]


def only_refusal(items: list[RawDocument | Refusal]) -> Refusal:
    assert len(items) == 1, items
    assert isinstance(items[0], Refusal), items[0]
    return items[0]


def jsonl(*objects: object) -> bytes:
    return b"".join(orjson.dumps(o) + b"\n" for o in objects)


# --- plain text ------------------------------------------------------------------------


def test_text_in_the_seed_layout(tmp_path: Path) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text(SEED_LAYOUT, encoding="utf-8")
    doc = only_document(read(path))
    assert doc.origin == str(path)
    assert doc.title == TITLE_ID
    assert doc.published == "2025-03-04 10:15:00"
    assert doc.text == BODY_ID + "\n"
    assert doc.html is None
    assert doc.id == content_id(SEED_LAYOUT)


@pytest.mark.parametrize(
    "timestamp",
    [
        "Diperbarui 04 Mar 2025, 10:15 WIB",
        "Selasa, 04 Mar 2025 10:15 WIB",
        "Kompas.com- 04/03/2025, 10:15 WIB",
    ],
)
def test_seed_layout_with_raw_timestamps(tmp_path: Path, timestamp: str) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text(f"{TITLE_ID}\n\n{timestamp}\n{BODY_ID}", encoding="utf-8")
    doc = only_document(read(path))
    assert (doc.title, doc.published, doc.text) == (TITLE_ID, timestamp, BODY_ID)


def test_text_without_the_layout_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    content = f"{TITLE_EN}\n{BODY_EN}\n"
    path.write_text(content, encoding="utf-8")
    doc = only_document(read(path))
    assert doc.title == TITLE_EN
    assert doc.published is None
    assert doc.text == content


def test_a_dateline_paragraph_is_not_a_timestamp(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    dateline = "Jakarta, 4 Maret 2025 - Pemerintah menandatangani nota kesepahaman dengan Vietnam hari ini."
    path.write_text(f"{TITLE_ID}\n\n{dateline}\n{BODY_ID}", encoding="utf-8")
    doc = only_document(read(path))
    assert doc.published is None
    assert dateline in (doc.text or "")


def test_a_paragraph_as_first_line_gives_no_title(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text(" ".join([BODY_EN] * 5), encoding="utf-8")
    assert only_document(read(path)).title is None


def test_bom_and_crlf_are_read_silently_and_keep_the_id(tmp_path: Path) -> None:
    plain, windows = tmp_path / "a.txt", tmp_path / "b.txt"
    plain.write_bytes(SEED_LAYOUT.encode())
    windows.write_bytes(b"\xef\xbb\xbf" + SEED_LAYOUT.replace("\n", "\r\n").encode())
    a, b = only_document(read(plain)), only_document(read(windows))
    assert (a.id, a.title, a.published, a.text) == (b.id, b.title, b.published, b.text)


def test_seed_layout_without_a_body_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"{TITLE_ID}\n\n2025-03-04 10:15:00\n\n  \n", encoding="utf-8")
    assert "no body text" in only_refusal(read(path)).reason


@pytest.mark.skipif(not SHARED.exists(), reason="shared/seed is absent (it ships beside the repository)")
def test_seed_file_gives_the_same_text_as_its_corpus_line() -> None:
    seed = only_document(read(SHARED / "seed" / "000_25aa0378524a9eee.txt"))
    line = next(iter_documents([str(CORPUS / "agreements.jsonl")]))
    assert isinstance(line, RawDocument)
    assert (seed.title, seed.text) == (line.title, line.text)
    assert seed.published == "2026-01-12 06:49:54"


# --- JSON Lines ------------------------------------------------------------------------


def test_jsonl_fields(tmp_path: Path) -> None:
    path = tmp_path / "berita.jsonl"
    path.write_bytes(
        jsonl(
            {
                "id": "a-1",
                "title": TITLE_ID,
                "published": "Diperbarui 04 Mar 2025, 10:15 WIB",
                "text": BODY_ID,
                "url": "https://contoh.id/a-1",
                "language": "id",
                "topics": ["x"],
            },
            {"id": 42, "title": TITLE_EN, "published": None, "text": BODY_EN, "lang": "en"},
            {"text": BODY_ID},
        )
    )
    a, b, c = read(path)
    assert a == RawDocument(
        origin=f"{path}:1",
        id="a-1",
        title=TITLE_ID,
        published="Diperbarui 04 Mar 2025, 10:15 WIB",
        text=BODY_ID,
        url="https://contoh.id/a-1",
        language="id",
    )
    assert isinstance(b, RawDocument)
    assert (b.origin, b.id, b.language, b.published) == (f"{path}:2", "42", "en", None)
    assert isinstance(c, RawDocument)
    assert (c.id, c.title) == (content_id(BODY_ID), None)


def test_jsonl_tolerates_bom_crlf_blank_lines_and_no_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "berita.jsonl"
    lines = [
        orjson.dumps({"id": "1", "text": BODY_ID}),
        b"",
        b"   ",
        orjson.dumps({"id": "2", "text": BODY_EN}),
    ]
    path.write_bytes(b"\xef\xbb\xbf" + b"\r\n".join(lines))
    docs = read(path)
    assert [(d.origin, d.id) for d in docs if isinstance(d, RawDocument)] == [
        (f"{path}:1", "1"),
        (f"{path}:4", "2"),
    ]
    assert len(docs) == 2


def test_jsonl_html_line_becomes_text(tmp_path: Path) -> None:
    path = tmp_path / "halaman.jsonl"
    path.write_bytes(jsonl({"id": "h1", "title": "Judul dari baris", "html": PAGE}))
    doc = only_document(read(path))
    assert doc.html is None
    assert doc.title == "Judul dari baris"
    assert doc.published == "2025-06-18T14:05:00+07:00"
    assert "menandatangani nota kesepahaman" in (doc.text or "")
    assert doc.id == "h1"


def test_jsonl_gz_streams_and_keeps_order(tmp_path: Path) -> None:
    path = tmp_path / "berita.jsonl.gz"
    with gzip.open(path, "wb") as out:
        out.write(jsonl(*({"id": f"n{i}", "text": f"{BODY_ID} ({i})"} for i in range(300))))
    docs = read(path)
    assert [d.id for d in docs if isinstance(d, RawDocument)] == [f"n{i}" for i in range(300)]
    assert docs[-1].origin == f"{path}:300"


def test_bare_gz_is_sniffed_inside(tmp_path: Path) -> None:
    lines, text = tmp_path / "dump.gz", tmp_path / "artikel.gz"
    lines.write_bytes(gzip.compress(jsonl({"id": "g", "text": BODY_EN})))
    text.write_bytes(gzip.compress(SEED_LAYOUT.encode()))
    assert only_document(read(lines)).id == "g"
    assert only_document(read(text)).title == TITLE_ID


def test_json_file_with_one_object_or_an_array(tmp_path: Path) -> None:
    single, array = tmp_path / "satu.json", tmp_path / "banyak.json"
    single.write_bytes(orjson.dumps({"id": "s", "text": BODY_ID}, option=orjson.OPT_INDENT_2))
    array.write_bytes(orjson.dumps([{"id": "x", "text": BODY_ID}, {"id": "y", "text": BODY_EN}]))
    assert only_document(read(single)).id == "s"
    assert [(d.origin, d.id) for d in read(array)] == [(f"{array}[0]", "x"), (f"{array}[1]", "y")]


def test_json_lines_in_a_dot_json_file(tmp_path: Path) -> None:
    path = tmp_path / "berita.json"
    path.write_bytes(jsonl({"id": "1", "text": BODY_ID}, {"id": "2", "text": BODY_EN}))
    assert [d.id for d in read(path)] == ["1", "2"]


def test_a_large_gz_is_read_in_constant_memory(tmp_path: Path) -> None:
    path = tmp_path / "besar.jsonl.gz"
    paragraph = (BODY_ID + " ") * 12  # about 2.5 KB per article
    with gzip.open(path, "wb", compresslevel=1) as out:
        for i in range(6000):  # about 15 MB of JSON Lines
            out.write(orjson.dumps({"id": i, "text": paragraph}) + b"\n")
    tracemalloc.start()
    try:
        count = sum(1 for item in iter_documents([str(path)]) if isinstance(item, RawDocument))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 6000
    assert peak < 3 * 1024 * 1024  # buffers only: the file is about 15 MB uncompressed


# --- HTML ------------------------------------------------------------------------------


def test_html_page_main_text_title_date_and_language(tmp_path: Path) -> None:
    path = tmp_path / "halaman.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = only_document(read(path))
    assert doc.html is None
    assert doc.title == "Indonesia dan Jepang Teken MoU Energi"
    assert doc.published == "2025-06-18T14:05:00+07:00"
    assert doc.language == "id"
    text = doc.text or ""
    assert "Beranda" not in text and "Hak cipta" not in text and "tracker" not in text
    paragraphs = text.split("\n\n")
    assert any(p.startswith("Pemerintah Indonesia dan Jepang menandatangani") for p in paragraphs)
    assert "nasional di kedua negara.\nKesepakatan berlaku lima tahun." in text
    assert doc.id == content_id(text)


@pytest.mark.parametrize(
    ("markup", "published"),
    [
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
            '[{"@type": "NewsArticle", "datePublished": "2025-02-03T08:00:00+07:00"}]}</script>',
            "2025-02-03T08:00:00+07:00",
        ),
        ('<meta itemprop="datePublished" content="2025-02-03">', "2025-02-03"),
        ('<time datetime="2025-02-03T09:30">3 Februari 2025</time>', "2025-02-03T09:30"),
    ],
)
def test_html_date_from_json_ld_meta_or_time(tmp_path: Path, markup: str, published: str) -> None:
    page = PAGE.replace(
        '<meta property="article:published_time" content="2025-06-18T14:05:00+07:00">', markup
    )
    path = tmp_path / "halaman.htm"
    path.write_text(page, encoding="utf-8")
    assert only_document(read(path)).published == published


FRAGMENT = (
    "<div><nav>Menu</nav><h2>Judul Pendek</h2><p>Satu kalimat saja.</p>"
    "<ul><li><p>Butir <b>pertama</b></p></li><li>Butir kedua</li></ul><p>Dua<br>baris.</p></div>"
)


def test_html_fragment_keeps_paragraph_breaks(tmp_path: Path) -> None:
    path = tmp_path / "potongan.html"
    path.write_text(FRAGMENT)
    assert "Satu kalimat saja.\n\n" in (only_document(read(path)).text or "")


def test_block_text_fallback() -> None:
    text = page_text(LexborHTMLParser(FRAGMENT))
    assert text == "Judul Pendek\n\nSatu kalimat saja.\n\nButir pertama\n\nButir kedua\n\nDua\nbaris."


def test_html_in_a_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "lama.html"
    page = (
        '<html><head><meta charset="windows-1252"><title>Caf\u00e9 talks</title></head>'
        "<body><p>The caf\u00e9 agreement was signed in Jakarta on Monday by both trade ministers.</p>"
        "</body></html>"
    )
    path.write_bytes(page.encode("windows-1252"))
    assert "caf\u00e9 agreement" in (only_document(read(path)).text or "")


def test_html_without_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kosong.html"
    path.write_text("<html><head><title></title></head><body><script>x()</script></body></html>")
    assert "no text found" in only_refusal(read(path)).reason


# --- directories, standard input, sniffing, order --------------------------------------


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "dua.txt").write_text(f"{TITLE_EN}\n{BODY_EN}")
    (tmp_path / "a.jsonl").write_bytes(jsonl({"id": "satu", "text": BODY_ID}))
    (tmp_path / "c.html").write_text(PAGE)
    (tmp_path / ".tersembunyi.txt").write_text("hidden")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden")
    (tmp_path / "catatan.md").write_text("not an input")
    docs = read(tmp_path)
    assert [d.origin for d in docs] == [
        f"{tmp_path}/a.jsonl:1",
        f"{tmp_path}/b/dua.txt",
        f"{tmp_path}/c.html",
    ]
    assert all(isinstance(d, RawDocument) for d in docs)


def test_a_bad_file_in_a_directory_is_one_refusal(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"{TITLE_EN}\n{BODY_EN}")
    (tmp_path / "b.txt").symlink_to(tmp_path / "hilang.txt")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "d.txt").write_text(f"{TITLE_ID}\n{BODY_ID}")
    kinds = [(Path(d.origin).name, type(d).__name__) for d in read(tmp_path)]
    assert kinds == [
        ("a.txt", "RawDocument"),
        ("b.txt", "Refusal"),
        ("c.txt", "Refusal"),
        ("d.txt", "RawDocument"),
    ]


def test_empty_directory_is_refused(tmp_path: Path) -> None:
    assert "no files to read" in only_refusal(read(tmp_path)).reason


def test_paths_are_read_in_the_order_given(tmp_path: Path) -> None:
    z, a = tmp_path / "z.txt", tmp_path / "a.txt"
    z.write_text(f"{TITLE_EN}\n{BODY_EN}")
    a.write_text(f"{TITLE_ID}\n{BODY_ID}")
    assert [d.title for d in read(z, a)] == [TITLE_EN, TITLE_ID]


@pytest.mark.parametrize(
    ("data", "check"),
    [
        (jsonl({"id": "1", "text": BODY_ID}, {"id": "2", "text": BODY_EN}), "jsonl"),
        (PAGE.encode(), "html"),
        (SEED_LAYOUT.encode(), "text"),
        (gzip.compress(jsonl({"id": "1", "text": BODY_ID})), "gzip"),
    ],
)
def test_stdin_is_sniffed(data: bytes, check: str) -> None:
    docs = list(iter_documents(["-"], stdin=io.BytesIO(data)))
    assert all(isinstance(d, RawDocument) for d in docs)
    if check in ("jsonl", "gzip"):
        assert docs[0].origin == "-:1" and docs[0].id == "1"
    if check == "jsonl":
        assert docs[1].origin == "-:2"
    if check == "html":
        assert docs[0].origin == "-" and docs[0].title == "Indonesia dan Jepang Teken MoU Energi"
    if check == "text":
        assert docs[0].origin == "-" and docs[0].published == "2025-03-04 10:15:00"


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "ekspor.dat"
    path.write_bytes(jsonl({"id": "d", "text": BODY_ID}))
    assert only_document(read(path)).id == "d"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "text"),
        ("a.JSONL", "jsonl"),
        ("a.json", "jsonl"),
        ("a.jsonl.gz", "gzip"),
        ("a.htm", "html"),
        ("a.md", None),
        ("README", None),
        (".jsonl", None),
    ],
)
def test_format_by_name(name: str, fmt: str | None) -> None:
    assert format_by_name(name) == fmt


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b'\xef\xbb\xbf  {"a"', "jsonl"),
        (b"\n<!doctype html>", "html"),
        (b"\x1f\x8b\x08", "gzip"),
        (b"Judul", "text"),
    ],
)
def test_sniff_format(head: bytes, fmt: str) -> None:
    assert sniff_format(head) == fmt


# --- refusals --------------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    refusal = only_refusal(read(tmp_path / "tidak-ada.jsonl"))
    assert refusal.reason == "no such file or directory"


def test_path_that_cannot_be_opened(tmp_path: Path) -> None:
    parent = tmp_path / "berkas.txt"
    parent.write_text(BODY_ID)
    refusal = only_refusal(read(parent / "anak.txt"))
    assert refusal.reason.startswith("cannot read: ")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "rahasia.txt"
    path.write_text(BODY_ID)
    path.chmod(0)
    assert "cannot read" in only_refusal(read(path)).reason


@pytest.mark.parametrize("name", ["kosong.txt", "kosong.jsonl", "kosong.html", "kosong.bin"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert "empty file" in only_refusal(read(path)).reason


def test_blank_jsonl_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "kosong.jsonl"
    path.write_bytes(b"\n\n  \n")
    assert "empty file" in only_refusal(read(path)).reason


def test_empty_stdin() -> None:
    [refusal] = list(iter_documents(["-"], stdin=io.BytesIO(b"")))
    assert isinstance(refusal, Refusal)
    assert refusal.origin == "-" and "empty input" in refusal.reason


@pytest.mark.parametrize("name", ["gambar.txt", "gambar.jsonl", "gambar.html", "gambar.png"])
def test_binary_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    refusal = only_refusal(read(path))
    assert "binary data" in refusal.reason and "NUL byte at byte offset 8" in refusal.reason


def test_utf16_file(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(f"{TITLE_EN}\n{BODY_EN}".encode("utf-16"))
    assert "UTF-16" in only_refusal(read(path)).reason


def test_invalid_utf8_text_says_where(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(f"{TITLE_EN}\nThe caf\u00e9 deal.".encode("latin-1"))
    reason = only_refusal(read(path)).reason
    offset = len(TITLE_EN) + 1 + len("The caf")
    assert f"invalid UTF-8 at byte offset {offset}" in reason


def test_invalid_utf8_jsonl_line_says_where_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "campur.jsonl"
    good = orjson.dumps({"id": "1", "text": BODY_ID}) + b"\n"
    bad = b'{"id": "2", "text": "caf\xe9"}\n'
    path.write_bytes(good + bad + good)
    first, refusal, third = read(path)
    assert isinstance(first, RawDocument) and isinstance(third, RawDocument)
    assert isinstance(refusal, Refusal)
    assert refusal.origin == f"{path}:2"
    offset = len(good) + bad.index(b"\xe9")
    assert f"invalid UTF-8 at byte offset {offset}" in refusal.reason


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"id": "1", "text": "a",}', "broken JSON: trailing comma is not allowed at column"),
        (b'{"id": "1", "text": "terpotong"', "broken JSON: unexpected end of data at column"),
        (
            b'{"id": "1", "text": "baris\tbaru"}',
            "broken JSON: unexpected control character in string at column",
        ),
        (b"[1, 2, 3]", "must be an object, not an array"),
        (b'"hanya teks"', "must be an object, not a string"),
        (b'{"id": "1", "title": "tanpa isi"}', 'no "text" or "html" field'),
        (b'{"id": "1", "text": ""}', "no text"),
        (b'{"id": "1", "text": "   \\n "}', "no text"),
        (b'{"id": "1", "text": 12}', '"text" field is a number, not a string'),
        (b'{"id": "1", "text": null, "html": ["x"]}', '"html" field is an array'),
        (b'{"id": "1", "text": "", "html": "<html><body><script>1</script></body></html>"}', "no text found"),
    ],
)
def test_bad_json_line_is_refused_and_the_next_is_read(tmp_path: Path, line: bytes, reason: str) -> None:
    path = tmp_path / "berita.jsonl"
    path.write_bytes(line + b"\n" + jsonl({"id": "ok", "text": BODY_EN}))
    refusal, doc = read(path)
    assert isinstance(refusal, Refusal) and reason in refusal.reason
    assert refusal.origin == f"{path}:1"
    assert isinstance(doc, RawDocument) and doc.id == "ok"


def test_oversized_text_file(tmp_path: Path) -> None:
    path = tmp_path / "panjang.txt"
    path.write_text(f"{TITLE_ID}\n" + BODY_ID * 20)
    size = path.stat().st_size
    reason = only_refusal(read(path, limits=ReadLimits(max_document_bytes=1000))).reason
    assert f"document is {size:,} bytes, over the size limit of 1,000 bytes" in reason
    assert "--max-bytes" in reason


def test_oversized_stdin_text() -> None:
    data = (f"{TITLE_ID}\n" + BODY_ID * 20).encode()
    [refusal] = list(iter_documents(["-"], limits=ReadLimits(1000), stdin=io.BytesIO(data)))
    assert isinstance(refusal, Refusal) and "over the size limit of 1,000 bytes" in refusal.reason


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_oversized_json_line_is_skipped_without_losing_the_next(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"berita{suffix}"
    big = orjson.dumps({"id": "besar", "text": BODY_ID * 100}) + b"\n"
    data = jsonl({"id": "1", "text": BODY_EN}) + big + jsonl({"id": "3", "text": BODY_EN})
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    first, refusal, third = read(path, limits=ReadLimits(max_document_bytes=2000))
    assert isinstance(refusal, Refusal)
    assert refusal.origin == f"{path}:2"
    assert (
        f"document is {len(big):,} bytes, over the size limit of 2,000 bytes" in refusal.reason
        and "--max-bytes" in refusal.reason
    )
    assert isinstance(first, RawDocument) and isinstance(third, RawDocument)
    assert (first.id, third.id, third.origin) == ("1", "3", f"{path}:3")


def test_a_line_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    line = orjson.dumps({"id": "pas", "text": BODY_EN})
    path = tmp_path / "pas.jsonl"
    path.write_bytes(line + b"\n" + line)
    assert [d.id for d in read(path, limits=ReadLimits(len(line)))] == ["pas", "pas"]
    refused = read(path, limits=ReadLimits(len(line) - 1))
    assert all(isinstance(d, Refusal) for d in refused) and len(refused) == 2


def test_truncated_gzip_keeps_the_lines_before_the_break(tmp_path: Path) -> None:
    path = tmp_path / "rusak.jsonl.gz"
    data = gzip.compress(jsonl(*({"id": f"n{i}", "text": f"{BODY_ID} {i} " * 3} for i in range(2000))))
    path.write_bytes(data[: len(data) // 2])
    items = read(path)
    docs, refusal = items[:-1], items[-1]
    assert docs and all(isinstance(d, RawDocument) for d in docs)
    assert [d.id for d in docs] == [f"n{i}" for i in range(len(docs))]
    assert isinstance(refusal, Refusal)
    assert refusal.origin == f"{path}:{len(docs) + 1}"
    assert (
        f"breaks off after line {len(docs)}" in refusal.reason and "corrupt compressed data" in refusal.reason
    )


def test_corrupt_gzip_body(tmp_path: Path) -> None:
    path = tmp_path / "rusak.jsonl.gz"
    data = bytearray(gzip.compress(jsonl(*({"id": f"n{i}", "text": BODY_EN} for i in range(50)))))
    data[40:60] = b"\xff" * 20
    path.write_bytes(bytes(data))
    items = read(path)
    assert isinstance(items[-1], Refusal) and "corrupt compressed data" in items[-1].reason


def test_not_a_gzip_file(tmp_path: Path) -> None:
    path = tmp_path / "palsu.jsonl.gz"
    path.write_bytes(jsonl({"id": "1", "text": BODY_EN}))
    refusal = only_refusal(read(path))
    assert "gzip" in refusal.reason.lower()


def test_truncated_gzip_text_file(tmp_path: Path) -> None:
    path = tmp_path / "rusak.txt.gz"
    data = gzip.compress((SEED_LAYOUT * 50).encode())
    path.write_bytes(data[: len(data) // 2])
    assert "corrupt compressed data" in only_refusal(read(path)).reason


def test_limits_must_be_positive() -> None:
    with pytest.raises(UsageError):
        ReadLimits(max_document_bytes=0)


# --- the real corpus -------------------------------------------------------------------


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.exists(), reason="shared/corpus is absent (it ships beside the repository)")
@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("agreements.jsonl", 163),
        ("id-news.jsonl.gz", 11755),
        ("id-noisy.jsonl.gz", 4819),
        ("en-news.jsonl.gz", 20286),
    ],
)
def test_corpus_is_read_to_the_end(name: str, count: int) -> None:
    documents = refusals = 0
    for item in iter_documents([str(CORPUS / name)]):
        if isinstance(item, RawDocument):
            documents += 1
            assert item.text and item.id
        else:
            refusals += 1
    assert (documents, refusals) == (count, 0)

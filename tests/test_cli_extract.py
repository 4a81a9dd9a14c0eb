"""`sepakat extract` as a user runs it: inputs of every kind, refusals, exit codes, workers."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE_ID = (
    "Kementerian Perdagangan menandatangani nota kesepahaman tentang ekspor kopi dengan "
    "Kementerian Perdagangan Mesir di Kairo, Selasa (17/6/2025). Menteri Perdagangan Budi Santoso "
    "mengatakan kerja sama ini membuka pasar baru."
)
ARTICLE_EN = (
    "Indonesia and Chile signed a memorandum of understanding on fisheries on Tuesday, officials said."
)


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(  # the exit code is what these tests look at
        [sys.executable, "-m", "sepakat", "extract", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


def jsonl(*records: dict[str, object]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def records(out: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.decode().splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    lines = [
        {
            "id": f"a{i}",
            "title": "Berita",
            "published": "2025-06-18",
            "text": ARTICLE_ID if i % 2 else ARTICLE_EN,
        }
        for i in range(40)
    ]
    path = tmp_path / "articles.jsonl.gz"
    with gzip.open(path, "wb") as f:
        f.write(jsonl(*lines))
    return path


def test_records_in_input_order_whatever_the_workers(corpus: Path) -> None:
    one = run(str(corpus), "--workers", "1")
    two = run(str(corpus), "--workers", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert [r["id"] for r in records(one.stdout)] == [f"a{i}" for i in range(40)]


def test_output_file_and_silence_when_piped(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    done = run(str(corpus), "-o", str(out), "--workers", "1")
    assert done.returncode == 0
    assert done.stdout == b"" and done.stderr == b""
    assert len(records(out.read_bytes())) == 40


def test_every_form_of_input(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "seed-like.txt").write_text(
        f"Judul Berita\n\n2025-06-18 10:00:00\n{ARTICLE_ID}\n", encoding="utf-8"
    )
    (tmp_path / "dir" / "page.html").write_text(
        "<html><head><title>Berita Kopi</title><meta property='article:published_time' content='2025-06-18T09:00:00'>"
        f"</head><body><article><h1>Berita Kopi</h1><p>{ARTICLE_ID}</p><p>{ARTICLE_ID}</p></article></body></html>",
        encoding="utf-8",
    )
    done = run(
        str(tmp_path / "dir"),
        "-",
        stdin=jsonl({"id": "s1", "title": "x", "published": None, "text": ARTICLE_EN}),
    )
    assert done.returncode == 0, done.stderr
    got = records(done.stdout)
    assert [r["id"] for r in got][-1] == "s1"
    assert len(got) == 3
    assert all(r["agreements"] for r in got)


def test_bad_inputs_are_refused_one_line_each_and_the_rest_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_bytes(jsonl({"id": "g1", "title": "x", "published": "2025-06-18", "text": ARTICLE_ID}))
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Judul\n\n2025-06-18\nKerja sama dengan Peru \xe9".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(
        jsonl({"id": "b1", "title": "x", "published": None, "text": ARTICLE_EN})
        + b'{"id": "b2", "text": "unterminated\n'
        + jsonl({"id": "b3", "title": "x", "published": None, "text": ARTICLE_ID})
    )
    big = tmp_path / "big.jsonl"
    big.write_bytes(jsonl({"id": "big", "title": "x", "published": None, "text": "kata " * 3000}))
    done = run(
        str(good),
        str(binary),
        str(latin),
        str(empty),
        str(broken),
        str(big),
        "--max-bytes",
        "10000",
        "--workers",
        "1",
    )
    assert done.returncode == 1
    assert [r["id"] for r in records(done.stdout)] == ["g1", "b1", "b3"]
    errors = done.stderr.decode().splitlines()
    refused = [line for line in errors if line.startswith("sepakat: refused")]
    assert len(refused) == 5
    for name in ("image.txt", "latin.txt", "empty.txt", "broken.jsonl:2", "big.jsonl:1"):
        assert any(name in line for line in refused), (name, refused)
    assert "Traceback" not in done.stderr.decode()


def test_missing_path_is_refused_not_a_crash(tmp_path: Path) -> None:
    done = run(str(tmp_path / "nowhere.jsonl"))
    assert done.returncode == 1
    assert "nowhere.jsonl" in done.stderr.decode() and "Traceback" not in done.stderr.decode()


def test_usage_error_exits_2() -> None:
    done = run("--workers", "0", "x")
    assert done.returncode == 2

"""The partner brief: content from the query layer, Markdown/HTML/PDF, nothing fetched, text kept as text."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from sepakat.brief import build_brief, render
from sepakat.brief.render import md_escape
from sepakat.cli import _register, app
from web_support import Site, site_fixture

site = pytest.fixture(scope="module")(site_fixture)
TODAY = date(2025, 11, 1)


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_brief_gathers_stages_moves_stalls_meetings_and_officials(site: Site) -> None:
    with site.engine.connect() as connection:
        brief = build_brief(connection, "rus", today=TODAY)
    assert brief.code == "RUS"
    assert set(brief.by_stage) == {"negotiating", "signed"} and brief.stage_counts["signed"] == 2
    assert all(a.source is not None and a.evidence for items in brief.by_stage.values() for a in items)
    assert {a.status for a in brief.moved} == {"signed", "negotiating"}, "all three moved since May"
    assert brief.recent_meetings and all(
        m.date and m.date <= TODAY.isoformat() for m in brief.recent_meetings
    )
    assert {p.name for p in brief.officials} >= {"Lyudmila Orlova"}
    with site.engine.connect() as connection:
        later = build_brief(connection, "RUS", today=date(2026, 11, 1))
    assert later.stalled and not later.moved, "a year on, the open ones are stalled"


def test_the_pdf_is_one_to_three_pages_and_keeps_script_as_text(site: Site) -> None:
    with site.engine.connect() as connection:
        brief = build_brief(connection, "RUS", today=TODAY)
    pdf, media = render(brief, "pdf")
    assert media == "application/pdf"
    assert 1 <= len(PdfReader(io.BytesIO(pdf)).pages) <= 3
    text = pdf_text(pdf)
    assert "Partner brief: Russia" in text and "signed" in text
    assert "<script>alert('x')</script>" in text, "shown as the article wrote it, as text"
    html, _ = render(brief, "html", lang="id")
    assert b"<script>" not in html and b"&lt;script&gt;" in html and b"ditandatangani" in html


def test_the_pdf_renderer_fetches_nothing(site: Site, caplog: pytest.LogCaptureFixture) -> None:
    from sepakat.brief.render import _OfflineFetcher

    fetcher = _OfflineFetcher()
    for url in ("http://example.com/x.png", "https://example.com/a.css", "file:///etc/passwd"):
        with pytest.raises(ValueError, match="fetches nothing"):
            fetcher.fetch(url)
    from weasyprint import HTML  # type: ignore[import-untyped]

    pdf = HTML(string='<img src="http://127.0.0.1:9/x.png"><p>x</p>', url_fetcher=fetcher).write_pdf()
    assert pdf.startswith(b"%PDF") and "refused to fetch http://127.0.0.1:9/x.png" in caplog.text


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("<script>", "\\<script\\>"),
        ("a*b_c", "a\\*b\\_c"),
        ("[x](y)", "\\[x\\](y)"),
        ("plain 2025-01", "plain 2025-01"),
    ],
)
def test_markdown_escapes_what_markdown_would_act_on(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


def test_the_command_writes_each_format(site: Site, tmp_path: Path) -> None:
    _register()
    db = str(site.engine.url.database)
    runner = CliRunner()
    result = runner.invoke(app, ["brief", "RUS", "--db", db, "--today", "2025-11-01"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Partner brief: Russia")
    out = tmp_path / "rus.pdf"
    result = runner.invoke(app, ["brief", "RUS", "--db", db, "-f", "pdf", "-o", str(out), "--lang", "id"])
    assert result.exit_code == 0 and out.read_bytes().startswith(b"%PDF")
    assert re.search(r"Ringkasan mitra: Rusia", pdf_text(out.read_bytes()))
    assert runner.invoke(app, ["brief", "RUS", "--db", db, "-f", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["brief", "RUS", "--db", db, "-f", "doc"]).exit_code == 2

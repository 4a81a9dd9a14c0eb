"""The REST API over our fixture registry: listings, one agreement, articles with offsets, exports,
ingest, curation, watchlists, feeds, changes, tokens and briefs."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sepakat.store import accounts
from web_support import Site, client, first_agreement, fresh_registry, site_fixture

site = pytest.fixture(scope="module")(site_fixture)


def test_filters_sort_and_cursor_pages(site: Site) -> None:
    web = client(site)
    everything = web.get("/api/agreements").json()["items"]
    assert len(everything) == 5
    russian = web.get("/api/agreements", params={"country": "rus", "status": "signed"}).json()["items"]
    assert {a["status"] for a in russian} == {"signed"} and all("RUS" in a["countries"] for a in russian)
    assert len(russian) == 2
    names = [a["name"] for a in web.get("/api/agreements", params={"sort": "name"}).json()["items"]]
    assert names == sorted(names, key=lambda n: n or "")
    first = web.get("/api/agreements", params={"limit": 2, "sort": "name"}).json()
    second = web.get(
        "/api/agreements", params={"limit": 2, "sort": "name", "after": first["next_cursor"]}
    ).json()
    assert [a["name"] for a in first["items"] + second["items"]] == names[:4]
    assert (
        "shipbuilding" in web.get("/api/agreements", params={"q": "galangan"}).json()["items"][0]["sectors"]
    )


def test_one_agreement_has_its_timeline_and_each_evidence_is_in_its_article(site: Site) -> None:
    web = client(site)
    detail = web.get(f"/api/agreements/{first_agreement(site, 'energi')}").json()
    assert [e["status"] for e in detail["events"]] == ["agreed", "signed"]
    assert detail["agreement"]["status"] == "signed" and detail["agreement"]["report_count"] == 2
    for event in detail["events"]:
        article = web.get(f"/api/articles/{event['article_id']}").json()
        assert article["text"][event["evidence_start"] : event["evidence_end"]] == event["evidence"]
        kinds = {m["kind"] for m in article["marks"]}
        assert {"evidence", "country"} <= kinds
        for mark in article["marks"]:
            assert 0 <= mark["start"] < mark["end"] <= len(article["text"])


def test_exports_are_the_whole_filtered_result_with_formulas_neutralised(site: Site) -> None:
    web = client(site)
    rows = list(csv.DictReader(io.StringIO(web.get("/api/export/agreements?format=csv&country=RUS").text)))
    assert len(rows) == 3 and all("RUS" in r["countries"] for r in rows)
    dangerous = [r["name"] for r in rows if "HYPERLINK" in r["name"]]
    assert dangerous and all(not name.startswith("=") for name in dangerous)
    book = load_workbook(io.BytesIO(web.get("/api/export/agreements?format=xlsx&country=RUS").content))
    cells = [c.value for row in book["Agreements"].iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(c.startswith("=") for c in cells)
    people = list(csv.DictReader(io.StringIO(web.get("/api/export/people?format=csv").text)))
    assert {"id", "name", "role", "country", "role_date", "reports"} == set(people[0])
    assert web.get("/api/export/meetings?format=json&country=JPN").json()


def test_ingest_through_the_api_is_idempotent(tmp_path: Path) -> None:
    site = fresh_registry(tmp_path)
    web = client(site)
    article = {
        "title": "Indonesia dan Mesir teken MoU perikanan",
        "published": "2025-05-05T09:00:00",
        "url": "https://berita.example.id/mesir-perikanan",
        "text": "Indonesia dan Mesir menandatangani nota kesepahaman perikanan di Kairo pada 4 Mei 2025.",
    }
    first = web.post("/api/articles", json={"articles": [article]}, headers=site.headers("editor")).json()
    assert first["articles_new"] == 1 and first["agreements_new"] == 1
    again = web.post("/api/articles", json={"articles": [article]}, headers=site.headers("editor")).json()
    assert again["articles_unchanged"] == 1 and again["agreements_new"] == 0
    assert web.get("/api/agreements?country=EGY").json()["items"]
    both = web.post("/api/articles", json={"articles": [{"text": "a", "html": "<p>a</p>"}]},
                    headers=site.headers("editor"))  # fmt: skip
    assert both.status_code == 422


def test_a_correction_shows_in_the_history_and_undo_restores(tmp_path: Path) -> None:
    site = fresh_registry(tmp_path)
    web = client(site)
    agreement = first_agreement(site, "vokasi")
    body = {
        "kind": "agreement",
        "id": agreement,
        "field": "status",
        "value": "signed",
        "reason": "seen signed",
    }
    made = web.post("/api/curations/set", json=body, headers=site.headers("editor")).json()
    assert made["author"] == "editor-user"
    detail = web.get(f"/api/agreements/{agreement}").json()
    assert detail["agreement"]["status"] == "signed" and detail["agreement"]["curated"] == ["status"]
    assert detail["extracted"]["status"] == "negotiating"
    assert [c["id"] for c in detail["curations"]] == [made["id"]]
    web.post("/api/curations/undo", json={"curation": made["id"]}, headers=site.headers("editor"))
    assert web.get(f"/api/agreements/{agreement}").json()["agreement"]["status"] == "negotiating"
    wrong = web.post("/api/curations/set", json={**body, "value": "finished"}, headers=site.headers("editor"))
    assert wrong.status_code == 400 and "status must be one of" in wrong.json()["error"]["message"]


def test_watchlists_and_tokens_are_each_users_own(tmp_path: Path) -> None:
    site = fresh_registry(tmp_path)
    web = client(site)
    _, other = accounts.create_token(site.engine, "someone-else", "viewer")
    mine, theirs = site.headers("viewer"), {"Authorization": f"Bearer {other}"}
    web.post("/api/watchlist", json={"kind": "partner", "value": "rus"}, headers=mine)
    assert [w["value"] for w in web.get("/api/watchlist", headers=mine).json()] == ["RUS"]
    assert web.get("/api/watchlist", headers=theirs).json() == []
    assert web.delete("/api/watchlist/partner/RUS", headers=theirs).status_code == 404
    assert {t["user"] for t in web.get("/api/tokens", headers=theirs).json()} == {"someone-else"}
    viewer_token = web.get("/api/tokens", headers=mine).json()[0]["id"]
    assert web.delete(f"/api/tokens/{viewer_token}", headers=theirs).status_code == 404
    assert web.get("/api/me", headers=mine).json()["user"] == "viewer-user"


def test_feed_and_changes_since_the_last_visit(tmp_path: Path) -> None:
    site = fresh_registry(tmp_path)
    web = client(site)
    headers = site.headers("viewer")
    web.post("/api/watchlist", json={"kind": "partner", "value": "RUS"}, headers=headers)
    first = web.get("/api/watchlist/changes", headers=headers).json()
    assert first["since"] is None and len(first["items"]) == 3
    again = web.get("/api/watchlist/changes", headers=headers).json()
    assert again["since"] is None, "a reload within the same visit shows the same changes"
    feed = web.get("/api/watchlist/feed.atom", params={"token": site.tokens["viewer"]})
    assert feed.status_code == 200 and feed.headers["content-type"].startswith("application/atom+xml")
    entries = ET.fromstring(feed.content).findall("{http://www.w3.org/2005/Atom}entry")
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") or "" for e in entries]
    assert len(titles) == 3 and any("<script>" in t for t in titles), "text, escaped by the XML writer"
    assert b"<script>" not in feed.content
    assert web.get("/api/watchlist/feed.atom", params={"token": "spk_nope"}).status_code == 401


def test_the_brief_in_three_formats_keeps_article_text_as_text(site: Site) -> None:
    web = client(site)
    md = web.get("/api/countries/RUS/brief", params={"format": "md"}).text
    assert "galangan kapal" in md and "\\<script\\>" in md and "<script>" not in md
    html = web.get("/api/countries/RUS/brief", params={"format": "html", "lang": "id"}).text
    assert "&lt;script&gt;" in html and "<script>" not in html and "Ringkasan mitra: Rusia" in html
    pdf = web.get("/api/countries/RUS/brief", params={"format": "pdf"})
    assert pdf.content.startswith(b"%PDF") and pdf.headers["content-type"] == "application/pdf"

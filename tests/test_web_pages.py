"""The pages without a browser: escaping, CSRF, sign-in, correcting in place, language, shareable
filters and downloads of exactly what is shown."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from web_support import Site, TestClient, client, first_agreement, fresh_registry, site_fixture

site = pytest.fixture(scope="module")(site_fixture)
HTML = {"Accept": "text/html"}
PAGES = ["/", "/agreements", "/agreements?country=RUS", "/people", "/meetings", "/chart", "/graph",
         "/search?q=riset", "/countries/RUS", "/login"]  # fmt: skip


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "every form carries a CSRF token"
    return found.group(1)


def sign_in(web: TestClient, site: Site, role: str) -> None:
    page = web.get("/login").text
    response = web.post("/login", data={"token": site.tokens[role], "csrf": csrf_of(page), "next": "/"},
                        follow_redirects=False)  # fmt: skip
    assert response.status_code == 303, response.text[:300]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_script_text_escaped(site: Site, path: str) -> None:
    response = client(site).get(path, headers=HTML)
    assert response.status_code == 200
    assert "<script>alert" not in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert '<a class="skip" href="#content">' in response.text and 'id="content"' in response.text


def test_agreement_and_article_pages_keep_script_as_text(site: Site) -> None:
    web = client(site)
    agreement = first_agreement(site, "riset")
    page = web.get(f"/agreements/{agreement}").text
    assert "&lt;script&gt;alert" in page and "<script>alert" not in page
    link = re.search(r'href="(/articles/[^"]+)"', page)
    assert link
    article = web.get(link.group(1).replace("&amp;", "&")).text
    assert "&lt;script&gt;alert" in article and "<script>alert" not in article
    assert '<mark class="highlight"' in article


def test_evidence_links_highlight_their_sentence(site: Site) -> None:
    web = client(site)
    page = web.get(f"/agreements/{first_agreement(site, 'energi')}").text
    links = re.findall(r'class="evidence-link" href="(/articles/[^"]+)"', page)
    assert len(links) == 2
    for link in links:
        url = link.replace("&amp;", "&")
        assert re.search(r"hl=\d+-\d+", url)
        article = web.get(url).text
        anchor = url.split("#")[1]
        assert f'id="{anchor}"' in article
        marked = re.search(r'<mark class="highlight"[^>]*>(.*?)</mark>', article, re.S)
        assert marked and marked.group(1)


def test_forms_need_their_csrf_token(site: Site) -> None:
    web = client(site)
    web.get("/login")
    refused = web.post("/login", data={"token": site.tokens["editor"], "csrf": "forged"}, headers=HTML)
    assert refused.status_code == 403 and "did not come from this site" in refused.text
    sign_in(web, site, "editor")
    agreement = first_agreement(site, "vokasi")
    no_token = web.post(f"/agreements/{agreement}/correct", data={"field": "status", "value": "signed"},
                        headers=HTML)  # fmt: skip
    assert no_token.status_code == 403


def test_an_editor_corrects_a_status_in_place_and_sees_it_in_the_history(tmp_path: Path) -> None:
    site = fresh_registry(tmp_path)
    web = client(site)
    sign_in(web, site, "editor")
    agreement = first_agreement(site, "vokasi")
    page = web.get(f"/agreements/{agreement}").text
    assert 'id="save-correction"' in page
    response = web.post(
        f"/agreements/{agreement}/correct",
        data={"field": "status", "value": "signed", "reason": "signed at the visit", "csrf": csrf_of(page)},
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert 'id="current-status"><span class="stage stage-signed">' in response.text
    assert "status = signed" in response.text and "signed at the visit" in response.text
    assert "editor-user" in response.text


def test_a_viewer_may_not_correct(tmp_path: Path) -> None:
    site = fresh_registry(tmp_path)
    web = client(site)
    sign_in(web, site, "viewer")
    agreement = first_agreement(site, "vokasi")
    page = web.get(f"/agreements/{agreement}").text
    assert 'id="save-correction"' not in page
    response = web.post(f"/agreements/{agreement}/correct",
                        data={"field": "status", "value": "signed", "csrf": csrf_of(page)}, headers=HTML)  # fmt: skip
    assert response.status_code == 403


def test_language_switch_and_no_open_redirect(site: Site) -> None:
    web = client(site)
    assert "Dashboard" in web.get("/").text
    response = web.get("/lang/id?next=/agreements", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/agreements"
    page = web.get("/agreements").text
    assert "Perjanjian" in page and 'lang="id"' in page
    assert web.get("/lang/en?next=//evil.example/", follow_redirects=False).headers["location"] == "/"
    assert web.get("/lang/xx").status_code == 404


def test_filter_state_is_the_url_and_the_download_is_what_is_shown(site: Site) -> None:
    web = client(site)
    page = web.get("/agreements?country=RUS&status=signed&sort=name").text
    shown = re.findall(r'<td><a href="/agreements/(agr-[0-9a-f]+)">', page)
    assert len(shown) == 2
    link = re.search(r'href="([^"]+)" id="download-csv"', page)
    assert link
    download = web.get(link.group(1).replace("&amp;", "&"))
    assert download.headers["content-disposition"].startswith("attachment")
    assert [r["id"] for r in csv.DictReader(io.StringIO(download.text))] == shown


def test_pages_need_a_session_when_reading_is_closed(site: Site) -> None:
    web = client(site, read_needs_token=True)
    response = web.get("/agreements", headers=HTML)
    assert response.status_code == 401 and "/login?next=" in response.text
    sign_in(web, site, "viewer")
    assert web.get("/agreements").status_code == 200


def test_watchlist_and_changes_pages(tmp_path: Path) -> None:
    site = fresh_registry(tmp_path)
    web = client(site)
    assert web.get("/watchlist", headers=HTML).status_code == 401
    sign_in(web, site, "viewer")
    page = web.get("/watchlist").text
    web.post("/watchlist", data={"kind": "partner", "value": "JPN", "csrf": csrf_of(page)})
    assert "/countries/JPN" in web.get("/watchlist").text
    changes = web.get("/changes").text
    assert first_agreement(site, "energi") in changes

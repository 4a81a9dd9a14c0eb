"""The pages in a real browser: Debian's chromium driven by Playwright, against `sepakat serve`
started on a free loopback port over a registry of our own fixture articles.

The analyst's path: dashboard, filter agreements by partner and stage, open one, follow an
evidence link to its highlighted sentence, sign in as an editor and correct a status (seen
in the timeline's page and history), download the CSV of what is shown, switch the
language; the keyboard reaches the skip link first and a phone-sized screen does not
scroll sideways. Screenshots of each page go to artifacts/screenshots/.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from web_support import TODAY, Site, first_agreement, fresh_registry

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip

try:
    from playwright.sync_api import Page, expect, sync_playwright
except ImportError:  # pragma: no cover - the dev extra installs it
    sync_playwright = None  # type: ignore[assignment]

_MISSING = (
    "Debian's chromium is not installed (apt-get install chromium)"
    if not CHROMIUM.exists()
    else ("playwright's Python package is missing" if sync_playwright is None else None)
)
if _MISSING and os.environ.get("CI"):
    raise RuntimeError(f"browser tests cannot run under CI: {_MISSING}; .ci/run installs both")
pytestmark = pytest.mark.skipif(_MISSING is not None, reason=_MISSING or "")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Site]]:
    site = fresh_registry(tmp_path_factory.mktemp("browser"))
    db = str(site.engine.url.database)
    command = [sys.executable, "-m", "sepakat", "serve", "--db", db, "--port", "0", "--today", TODAY]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        found = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
        assert found, (
            f"no address printed: {line!r} {server.stderr.read() if server.stderr and server.poll() is not None else ''}"
        )
        yield found.group(1), site
    finally:
        server.terminate()
        server.communicate(timeout=10)  # reads and closes the pipes
        site.engine.dispose()


@pytest.fixture(scope="module")
def browser(served: tuple[str, Site]) -> Iterator[Any]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Page]:
    context = browser.new_context(accept_downloads=True, locale="en-GB")
    try:
        yield context.new_page()
    finally:
        context.close()


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_the_analysts_path(page: Page, served: tuple[str, Site], tmp_path: Path) -> None:
    base, _ = served
    page.goto(base + "/")
    expect(page.locator("h1")).to_have_text("Dashboard")
    shot(page, "01-dashboard")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip", "the skip link comes first"

    page.goto(base + "/agreements")
    shot(page, "02-agreements")
    page.fill("#f-country", "RUS")
    page.select_option("#f-status", "signed")
    page.click("#apply")
    page.wait_for_url(re.compile(r"country=RUS.*status=signed"))
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(2)
    shot(page, "03-agreements-filtered")
    shared = page.url
    page.goto(shared)
    expect(page.locator("#results tbody tr")).to_have_count(2)

    with page.expect_download() as waiting:
        page.click("#download-csv")
    path = tmp_path / "agreements.csv"
    waiting.value.save_as(path)
    with path.open(encoding="utf-8") as handle:
        downloaded = list(csv.DictReader(handle))
    assert len(downloaded) == 2 and all(r["status"] == "signed" for r in downloaded)

    page.locator("#results tbody tr a").first.click()
    page.wait_for_url(re.compile(r"/agreements/agr-"))
    expect(page.locator("svg.chart")).to_be_visible()
    shot(page, "04-agreement")

    page.locator("a.evidence-link").first.click()
    page.wait_for_url(re.compile(r"/articles/.*hl=\d+-\d+"))
    highlighted = page.locator("mark.highlight").first
    expect(highlighted).to_be_visible()
    assert "<script>" not in page.content().split("<body")[1].replace("&lt;script&gt;", "")
    shot(page, "05-article-highlighted")


def test_an_editor_corrects_a_status_and_the_language_switches(page: Page, served: tuple[str, Site]) -> None:
    base, site = served
    agreement = first_agreement(site, "vokasi")
    page.goto(f"{base}/login?next=/agreements/{agreement}")
    page.fill("#l-token", site.tokens["editor"])
    page.click("#signin")
    page.wait_for_url(re.compile(f"/agreements/{agreement}"))
    shot(page, "06-agreement-as-editor")
    page.select_option("#c-field", "status")
    page.fill("#c-value", "signed")
    page.fill("#c-reason", "signed during the visit")
    page.click("#save-correction")
    page.wait_for_url(re.compile(r"#history$"))
    expect(page.locator("#current-status .stage")).to_have_text("signed")
    expect(page.locator("ol.history")).to_contain_text("status = signed")
    shot(page, "07-corrected")

    page.click("#lang-id")
    expect(page.locator("#current-status .stage")).to_have_text("ditandatangani")
    expect(page.locator("nav")).to_contain_text("Perjanjian")
    shot(page, "08-bahasa-indonesia")

    page.goto(f"{base}/countries/RUS")
    expect(page.locator("#brief-button")).to_be_visible()
    shot(page, "09-partner")
    for path, name in (("/people", "10-people"), ("/meetings", "11-meetings"), ("/chart", "12-chart"),
                       ("/graph", "13-graph"), ("/watchlist", "14-watchlist"), ("/changes", "15-changes")):  # fmt: skip
        page.goto(base + path)
        expect(page.locator("h1")).to_be_visible()
        shot(page, name)


def test_a_phone_sized_screen_does_not_scroll_sideways(browser: Any, served: tuple[str, Site]) -> None:
    base, _ = served
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        for path in ("/", "/agreements", "/countries/RUS"):
            page.goto(base + path)
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
        shot(page, "16-phone-partner")
    finally:
        context.close()

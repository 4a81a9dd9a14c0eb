"""A registry built from our own fixture articles, an app over it, and a token per role.

Shared by the API, authorisation, page, browser, schemathesis and brief tests. The
registry is built once per test module (extraction is the slow part) in a temporary
SQLite file; tests that write build their own with ``fresh_registry``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from sepakat.api.settings import ServeSettings
from sepakat.pipeline import run
from sepakat.store.accounts import create_token
from sepakat.store.engine import open_registry
from sepakat.store.ingest import ingest

with warnings.catch_warnings():
    # starlette's TestClient warns when it finds plain httpx beside httpx2 (both are installed).
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
TODAY = "2025-11-01"  # the fixtures are of 2025: the dashboard counts back from here
__all__ = [
    "ARTICLES",
    "ROLES",
    "TODAY",
    "Site",
    "TestClient",
    "client",
    "first_agreement",
    "fresh_registry",
    "site_fixture",
]
ROLES = ("viewer", "editor", "admin")


@dataclass
class Site:
    engine: Engine
    tokens: dict[str, str]  # role -> secret

    def headers(self, role: str | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}


def fresh_registry(path: Path) -> Site:
    engine = open_registry(str(path / "registry.db"))
    summary = ingest(engine, run([str(ARTICLES)]))
    assert summary.articles_new == len(list(ARTICLES.iterdir())), summary.line()
    tokens = {role: create_token(engine, f"{role}-user", role)[1] for role in ROLES}
    return Site(engine, tokens)


def client(site: Site, **settings: object) -> TestClient:
    from sepakat.api.app import create_app

    options: dict[str, object] = {"today": TODAY, **settings}
    app = create_app(ServeSettings(**options), engine=site.engine)  # type: ignore[arg-type]
    return TestClient(app, raise_server_exceptions=False)


def first_agreement(site: Site, text: str) -> str:
    """The id of the agreement whose name holds ``text``."""
    from sepakat.store.queries import AgreementFilter, list_agreements

    with site.engine.connect() as connection:
        rows = list_agreements(connection, AgreementFilter(text=text)).rows
    assert rows, f"no agreement with {text!r}"
    return str(rows[0].id)


def site_fixture(tmp_path_factory: object) -> Iterator[Site]:
    """Body of each test module's ``site`` fixture (module scope: read-only tests share it)."""
    built = fresh_registry(tmp_path_factory.mktemp("site"))  # type: ignore[attr-defined]
    try:
        yield built
    finally:
        built.engine.dispose()

"""Registry fixtures: every store test runs on a SQLite file and on the PostgreSQL service.

PostgreSQL tests each get their own schema (dropped afterwards), so parallel runs never
collide. Where the service is unreachable they skip, except under CI, where they fail:
`.ci/run` starts the service, so its absence there is a broken set-up, not a skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from sepakat.store.engine import open_registry

PG_URL = os.environ.get("SEPAKAT_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", "postgresql"]


@cache
def _pg_problem() -> str | None:
    try:
        engine = create_engine(PG_URL)
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # any failure to connect means: no PostgreSQL here
        return f"PostgreSQL at {PG_URL} unreachable: {exc.__class__.__name__}"
    return None


def _schema_url(schema: str) -> str:
    joiner = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{joiner}options=-csearch_path%3D{schema}"


@contextmanager
def _empty_database(backend: str, directory: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{directory}/registry.db"
        return
    problem = _pg_problem()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(problem)
        pytest.skip(problem)
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(PG_URL)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield _schema_url(schema)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database: a new SQLite file, or a new PostgreSQL schema."""
    with _empty_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture(params=BACKENDS, scope="module")
def module_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Like ``db_url``, shared by the tests of one module (for read-only tests)."""
    with _empty_database(request.param, tmp_path_factory.mktemp("registry")) as url:
        yield url


@pytest.fixture
def registry(db_url: str) -> Iterator[Engine]:
    """An open, migrated registry."""
    engine = open_registry(db_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def other_db_url(db_url: str, tmp_path: Path) -> Iterator[str]:
    """A second empty database on ``db_url``'s backend, for comparing two registries."""
    directory = tmp_path / "other"
    directory.mkdir()
    with _empty_database("sqlite" if db_url.startswith("sqlite") else "postgresql", directory) as url:
        yield url

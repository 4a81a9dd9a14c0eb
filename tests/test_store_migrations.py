"""Migrations own the schema: up, down and up again with data in place; no drift; old schemas refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine

from registry_state import snapshot
from sepakat.errors import StoreError
from sepakat.store.engine import (
    alembic_config,
    current_revision,
    downgrade,
    head_revision,
    make_engine,
    open_registry,
    resolve_url,
    upgrade,
)
from sepakat.store.ingest import ingest
from sepakat.store.search import search
from synthetic import synthetic_corpus


def test_upgrade_downgrade_upgrade_keeps_the_data(registry: Engine) -> None:
    ingest(registry, synthetic_corpus(120), batch_size=50)
    before = snapshot(registry)
    assert len(before["articles"]) == 120 and before["agreements"]
    downgrade(registry, "0001")
    assert current_revision(registry) == "0001"
    assert snapshot(registry) == before
    upgrade(registry)
    assert current_revision(registry) == head_revision()
    assert snapshot(registry) == before
    with registry.connect() as connection:
        hits = search(connection, "galangan kapal")
    assert hits, "the full-text index is rebuilt over the rows already there"


def test_models_and_migrations_do_not_drift(registry: Engine) -> None:
    with registry.begin() as connection:
        command.check(alembic_config(connection))


def test_an_older_schema_is_refused_until_upgraded(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine, "0001")
    engine.dispose()
    with pytest.raises(StoreError, match="sepakat db upgrade"):
        open_registry(db_url)
    engine = make_engine(db_url)
    upgrade(engine)
    engine.dispose()
    open_registry(db_url).dispose()


def test_a_database_of_something_else_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(StoreError, match="not a sepakat registry"):
        open_registry(str(path))


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    engine = open_registry(str(tmp_path / "r.db"))
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


@pytest.mark.parametrize(
    ("given", "env", "expected"),
    [
        (None, None, "sqlite:///sepakat.db"),
        ("reg.db", None, "sqlite:///reg.db"),
        (None, "/data/r.db", "sqlite:////data/r.db"),
        ("postgresql://u@h/db", None, "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "x.db", "postgresql+psycopg://u@h/db"),
    ],
)
def test_resolve_url(
    given: str | None, env: str | None, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if env is None:
        monkeypatch.delenv("SEPAKAT_DB", raising=False)
    else:
        monkeypatch.setenv("SEPAKAT_DB", env)
    assert resolve_url(given) == expected

"""Opening a registry: which database, with which settings, migrated to which schema.

The URL comes from ``--db``, else ``SEPAKAT_DB``, else ``./sepakat.db``. A bare path is a
SQLite file. SQLite runs in WAL mode with foreign keys on, so that a reader never blocks
the ingest and a killed process leaves the last committed batch intact. Alembic owns the
schema; its scripts ship inside this package (``sepakat/store/migrations``).
"""

from __future__ import annotations

import logging
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect

from sepakat.errors import StoreError

log = logging.getLogger(__name__)

DEFAULT_DB = "sepakat.db"
ENV_VAR = "SEPAKAT_DB"


def resolve_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``db`` (a URL or a SQLite file path), or the default."""
    value = db or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" in value:
        return (
            value.replace("postgresql://", "postgresql+psycopg://", 1)
            if value.startswith("postgresql://")
            else value
        )
    return f"sqlite:///{Path(value).expanduser()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode is durable against a killed process (not against power loss).
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with sepakat's connection settings (no migration)."""
    try:
        engine = create_engine(url, future=True)
    except Exception as exc:  # bad URL or missing driver: say which
        raise StoreError(f"cannot open registry {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def migrations_path() -> str:
    return str(resources.files("sepakat.store") / "migrations")


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    """An Alembic ``Config`` pointing at the packaged scripts (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", migrations_path())
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the registry to ``revision`` (``sepakat db upgrade``)."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def open_registry(db: str | None = None, *, migrate_new: bool = True) -> Engine:
    """Open the registry at ``db``; a new (empty) database is migrated to the head.

    An existing registry at an older schema is refused with what to run, because
    migrating someone's shared database should be a deliberate step.
    """
    engine = make_engine(resolve_url(db))
    try:
        revision = current_revision(engine)
        if revision is None:
            with engine.connect() as connection:
                tables = set(inspect(connection).get_table_names())
            if tables - {"alembic_version"}:
                raise StoreError(f"{engine.url!r} holds tables that are not a sepakat registry")
            if migrate_new:
                log.info("creating the registry at %s", engine.url)
                upgrade(engine)
        elif revision != head_revision():
            raise StoreError(
                f"the registry {engine.url!r} is at schema {revision}, sepakat needs "
                f"{head_revision()}: run `sepakat db upgrade`"
            )
    except StoreError:
        engine.dispose()
        raise
    except Exception as exc:  # driver errors: unreachable server, unreadable file
        engine.dispose()
        raise StoreError(f"cannot open registry {engine.url!r}: {exc}") from exc
    return engine

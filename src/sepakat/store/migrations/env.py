"""Alembic environment: runs against the connection sepakat hands over, or a URL."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import String, create_engine

from sepakat.store.search import is_search_object
from sepakat.store.tables import metadata

config = context.config


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    # Full-text tables and indexes are backend-specific and made by raw SQL, not the models.
    return not (name and is_search_object(name))


def compare_type(
    context: Any, inspected: Any, metadata_column: Any, inspected_type: Any, metadata_type: Any
) -> bool | None:
    """SQLite keeps any length in a VARCHAR: a length that differs there is no drift (0005
    widens code columns on PostgreSQL only). Anything else: Alembic's own comparison."""
    if (
        context.dialect.name == "sqlite"
        and isinstance(inspected_type, String)
        and isinstance(metadata_type, String)
    ):
        return type(inspected_type)._type_affinity is not type(metadata_type)._type_affinity
    return None


def _run(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_object=include_object,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters by copying tables
        compare_type=compare_type,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///sepakat.db")
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()

"""Alembic environment: runs against the connection sepakat hands over, or a URL."""

from __future__ import annotations

import warnings
from typing import Any

from alembic import context
from sqlalchemy import String, create_engine
from sqlalchemy.exc import SAWarning

from sepakat.store.search import is_search_object
from sepakat.store.tables import metadata

config = context.config


# Indexes on expressions: SQLAlchemy cannot reflect them from SQLite (it warns and skips
# them), so the drift check leaves them to their migration (0006).
EXPRESSION_INDEXES = frozenset({"ix_agreements_sort_name_pk"})
_EXPRESSION_INDEX_WARNINGS = (
    ("Skipped unsupported reflection of expression-based index", SAWarning),
    ("autogenerate skipping metadata-specified expression-based index", UserWarning),
)


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    # Full-text tables and indexes are backend-specific and made by raw SQL, not the models.
    return not (name and (is_search_object(name) or name in EXPRESSION_INDEXES))


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
    with context.begin_transaction(), warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", "Skipped unsupported reflection of expression-based index", SAWarning
        )
        warnings.filterwarnings(
            "ignore", "autogenerate skipping metadata-specified expression-based", UserWarning
        )
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///sepakat.db")
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()

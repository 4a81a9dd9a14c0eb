"""Full-text search: FTS5 tables on SQLite, GIN tsvector indexes on PostgreSQL.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

from sepakat.store.search import create_search_objects, drop_search_objects

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    create_search_objects(op.get_bind())


def downgrade() -> None:
    drop_search_objects(op.get_bind())

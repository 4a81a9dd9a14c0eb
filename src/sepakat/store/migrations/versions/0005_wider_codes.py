"""Country and bloc codes up to 32 characters: the gazetteer's keys of bodies
("ASEAN-SEC", "BIMP-EAGA", "Commonwealth") did not fit the 8 of an alpha-3 code, and
PostgreSQL refused the whole batch that held one.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

# (table, column) of every code of a country or bloc.
CODE_COLUMNS = (
    ("entities", "country"),
    ("person_roles", "country"),
    ("agreement_countries", "code"),
    ("meeting_countries", "code"),
)


def _lengths_enforced() -> bool:
    """SQLite keeps any length in a VARCHAR; rebuilding its tables to change a number it
    ignores would only risk the foreign keys that point at them."""
    return op.get_bind().dialect.name != "sqlite"


def upgrade() -> None:
    if not _lengths_enforced():
        return
    for table, column in CODE_COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(column, existing_type=sa.String(length=8), type_=sa.String(length=32))


def downgrade() -> None:
    if not _lengths_enforced():
        return
    for table, column in CODE_COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(column, existing_type=sa.String(length=32), type_=sa.String(length=8))

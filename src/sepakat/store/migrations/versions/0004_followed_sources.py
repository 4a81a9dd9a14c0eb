"""Followed sources (feeds and pages `sepakat watch` fetches, with their validators and the
item URLs already fetched) and the shards a `sepakat batch` has stored.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "batch_shards",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("part", sa.String(length=80), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("refused", sa.Integer(), nullable=False),
        sa.Column("done_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_batch_shards")),
        sa.UniqueConstraint("key", name=op.f("uq_batch_shards_key")),
    )
    op.create_table(
        "followed_sources",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("url_key", sa.String(length=64), nullable=False),
        sa.Column("interval_seconds", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.String(length=32), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.String(length=64), nullable=True),
        sa.Column("last_fetch_at", sa.String(length=32), nullable=True),
        sa.Column("last_success_at", sa.String(length=32), nullable=True),
        sa.Column("last_status", sa.String(length=20), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("error_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("next_fetch_at", sa.String(length=32), nullable=False),
        sa.Column("items_seen", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_followed_sources")),
        sa.UniqueConstraint("url_key", name=op.f("uq_followed_sources_url_key")),
    )
    with op.batch_alter_table("followed_sources", schema=None) as batch_op:
        batch_op.create_index("ix_followed_sources_next_fetch_at", ["next_fetch_at"], unique=False)

    op.create_table(
        "followed_items",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source_pk", sa.Integer(), nullable=False),
        sa.Column("url_key", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("fetched_at", sa.String(length=32), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("article_id", sa.String(length=40), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_pk"],
            ["followed_sources.pk"],
            name=op.f("fk_followed_items_source_pk_followed_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_followed_items")),
        sa.UniqueConstraint("url_key", name=op.f("uq_followed_items_url_key")),
    )
    with op.batch_alter_table("followed_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_followed_items_source_pk"), ["source_pk"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("followed_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_followed_items_source_pk"))

    op.drop_table("followed_items")
    with op.batch_alter_table("followed_sources", schema=None) as batch_op:
        batch_op.drop_index("ix_followed_sources_next_fetch_at")

    op.drop_table("followed_sources")
    op.drop_table("batch_shards")

"""The registry's tables: sources, articles, entities, mentions, agreements and their
events, meetings, people's roles and the curation log.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "agreements",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_date", sa.String(length=40), nullable=True),
        sa.Column("first_date", sa.String(length=40), nullable=False),
        sa.Column("last_date", sa.String(length=40), nullable=False),
        sa.Column("countries", sa.Text(), nullable=False),
        sa.Column("sectors", sa.Text(), nullable=False),
        sa.Column("parties", sa.Text(), nullable=False),
        sa.Column("report_count", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("curated", sa.Text(), server_default="[]", nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_agreements")),
        sa.UniqueConstraint("id", name=op.f("uq_agreements_id")),
    )
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.create_index("ix_agreements_first_date", ["first_date"], unique=False)
        batch_op.create_index("ix_agreements_last_date_pk", ["last_date", "pk"], unique=False)
        batch_op.create_index(
            "ix_agreements_status_last_date_pk", ["status", "last_date", "pk"], unique=False
        )

    op.create_table(
        "curations",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("target_kind", sa.String(length=20), nullable=False),
        sa.Column("target_id", sa.String(length=200), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=True),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("data", sa.Text(), server_default="{}", nullable=False),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_curations")),
        sa.UniqueConstraint("id", name=op.f("uq_curations_id")),
    )
    with op.batch_alter_table("curations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_curations_target_kind_target_id", ["target_kind", "target_id"], unique=False
        )

    op.create_table(
        "entities",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("role_date", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_entities")),
        sa.UniqueConstraint("id", name=op.f("uq_entities_id")),
    )
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.create_index("ix_entities_kind_name", ["kind", "name"], unique=False)

    op.create_table(
        "sources",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_sources")),
        sa.UniqueConstraint("name", name=op.f("uq_sources_name")),
    )
    op.create_table(
        "agreement_countries",
        sa.Column("agreement_pk", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("last_date", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_pk"],
            ["agreements.pk"],
            name=op.f("fk_agreement_countries_agreement_pk_agreements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("agreement_pk", "code", name=op.f("pk_agreement_countries")),
    )
    with op.batch_alter_table("agreement_countries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_agreement_countries_code_last_date_agreement_pk",
            ["code", "last_date", "agreement_pk"],
            unique=False,
        )

    op.create_table(
        "agreement_parties",
        sa.Column("agreement_pk", sa.Integer(), nullable=False),
        sa.Column("party_key", sa.String(length=300), nullable=False),
        sa.Column("last_date", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_pk"],
            ["agreements.pk"],
            name=op.f("fk_agreement_parties_agreement_pk_agreements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("agreement_pk", "party_key", name=op.f("pk_agreement_parties")),
    )
    with op.batch_alter_table("agreement_parties", schema=None) as batch_op:
        batch_op.create_index(
            "ix_agreement_parties_party_key_last_date_agreement_pk",
            ["party_key", "last_date", "agreement_pk"],
            unique=False,
        )

    op.create_table(
        "agreement_sectors",
        sa.Column("agreement_pk", sa.Integer(), nullable=False),
        sa.Column("sector", sa.String(length=40), nullable=False),
        sa.Column("last_date", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_pk"],
            ["agreements.pk"],
            name=op.f("fk_agreement_sectors_agreement_pk_agreements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("agreement_pk", "sector", name=op.f("pk_agreement_sectors")),
    )
    with op.batch_alter_table("agreement_sectors", schema=None) as batch_op:
        batch_op.create_index(
            "ix_agreement_sectors_sector_last_date_agreement_pk",
            ["sector", "last_date", "agreement_pk"],
            unique=False,
        )

    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("source_pk", sa.Integer(), nullable=True),
        sa.Column("external_id", sa.String(length=300), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=40), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("removed", sa.Text(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("extractor_version", sa.String(length=40), nullable=False),
        sa.Column("ingested_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["source_pk"], ["sources.pk"], name=op.f("fk_articles_source_pk_sources")),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_articles")),
        sa.UniqueConstraint("id", name=op.f("uq_articles_id")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_content_hash"), ["content_hash"], unique=False)
        batch_op.create_index("ix_articles_published_pk", ["published", "pk"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_source_pk"), ["source_pk"], unique=False)

    op.create_table(
        "curation_reports",
        sa.Column("curation_pk", sa.Integer(), nullable=False),
        sa.Column("report_key", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["curation_pk"],
            ["curations.pk"],
            name=op.f("fk_curation_reports_curation_pk_curations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("curation_pk", "report_key", name=op.f("pk_curation_reports")),
    )
    with op.batch_alter_table("curation_reports", schema=None) as batch_op:
        batch_op.create_index("ix_curation_reports_report_key", ["report_key"], unique=False)

    op.create_table(
        "entity_aliases",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity_pk", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("display", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_pk"],
            ["entities.pk"],
            name=op.f("fk_entity_aliases_entity_pk_entities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_entity_aliases")),
        sa.UniqueConstraint("entity_pk", "alias", name=op.f("uq_entity_aliases_entity_pk_alias")),
    )
    with op.batch_alter_table("entity_aliases", schema=None) as batch_op:
        batch_op.create_index("ix_entity_aliases_alias", ["alias"], unique=False)

    op.create_table(
        "agreement_events",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("agreement_pk", sa.Integer(), nullable=True),
        sa.Column("article_pk", sa.Integer(), nullable=False),
        sa.Column("item", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("date", sa.String(length=40), nullable=True),
        sa.Column("target_date", sa.String(length=40), nullable=True),
        sa.Column("sort_date", sa.String(length=40), nullable=False),
        sa.Column("countries", sa.Text(), nullable=False),
        sa.Column("parties", sa.Text(), nullable=False),
        sa.Column("sectors", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_pk"], ["agreements.pk"], name=op.f("fk_agreement_events_agreement_pk_agreements")
        ),
        sa.ForeignKeyConstraint(
            ["article_pk"],
            ["articles.pk"],
            name=op.f("fk_agreement_events_article_pk_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_agreement_events")),
        sa.UniqueConstraint("key", name=op.f("uq_agreement_events_key")),
    )
    with op.batch_alter_table("agreement_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreement_events_agreement_pk"), ["agreement_pk"], unique=False)
        batch_op.create_index(
            "ix_agreement_events_agreement_pk_sort_date", ["agreement_pk", "sort_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agreement_events_article_pk"), ["article_pk"], unique=False)

    op.create_table(
        "meetings",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("article_pk", sa.Integer(), nullable=False),
        sa.Column("item", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("date", sa.String(length=40), nullable=True),
        sa.Column("sort_date", sa.String(length=40), nullable=False),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("countries", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("extracted", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_pk"], ["articles.pk"], name=op.f("fk_meetings_article_pk_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_meetings")),
        sa.UniqueConstraint("id", name=op.f("uq_meetings_id")),
    )
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meetings_article_pk"), ["article_pk"], unique=False)
        batch_op.create_index("ix_meetings_sort_date_pk", ["sort_date", "pk"], unique=False)

    op.create_table(
        "mentions",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_pk", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=True),
        sa.Column("entity_pk", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_pk"], ["articles.pk"], name=op.f("fk_mentions_article_pk_articles"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["entity_pk"], ["entities.pk"], name=op.f("fk_mentions_entity_pk_entities")),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_mentions")),
    )
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mentions_article_pk"), ["article_pk"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentions_entity_pk"), ["entity_pk"], unique=False)

    op.create_table(
        "person_roles",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_pk", sa.Integer(), nullable=False),
        sa.Column("article_pk", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("reported", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_pk"],
            ["articles.pk"],
            name=op.f("fk_person_roles_article_pk_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_pk"], ["entities.pk"], name=op.f("fk_person_roles_person_pk_entities")
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_person_roles")),
    )
    with op.batch_alter_table("person_roles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_roles_article_pk"), ["article_pk"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_roles_person_pk"), ["person_pk"], unique=False)

    op.create_table(
        "meeting_countries",
        sa.Column("meeting_pk", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_pk"],
            ["meetings.pk"],
            name=op.f("fk_meeting_countries_meeting_pk_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_pk", "code", name=op.f("pk_meeting_countries")),
    )
    with op.batch_alter_table("meeting_countries", schema=None) as batch_op:
        batch_op.create_index("ix_meeting_countries_code", ["code"], unique=False)

    op.create_table(
        "meeting_participants",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("meeting_pk", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("person_pk", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_pk"],
            ["meetings.pk"],
            name=op.f("fk_meeting_participants_meeting_pk_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_pk"], ["entities.pk"], name=op.f("fk_meeting_participants_person_pk_entities")
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_meeting_participants")),
    )
    with op.batch_alter_table("meeting_participants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_participants_meeting_pk"), ["meeting_pk"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_participants_person_pk"), ["person_pk"], unique=False)

    op.create_table(
        "report_keys",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("event_pk", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_pk"],
            ["agreement_events.pk"],
            name=op.f("fk_report_keys_event_pk_agreement_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", "event_pk", name=op.f("pk_report_keys")),
    )
    with op.batch_alter_table("report_keys", schema=None) as batch_op:
        batch_op.create_index("ix_report_keys_event_pk", ["event_pk"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("report_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_report_keys_event_pk")

    op.drop_table("report_keys")
    with op.batch_alter_table("meeting_participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_participants_person_pk"))
        batch_op.drop_index(batch_op.f("ix_meeting_participants_meeting_pk"))

    op.drop_table("meeting_participants")
    with op.batch_alter_table("meeting_countries", schema=None) as batch_op:
        batch_op.drop_index("ix_meeting_countries_code")

    op.drop_table("meeting_countries")
    with op.batch_alter_table("person_roles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_roles_person_pk"))
        batch_op.drop_index(batch_op.f("ix_person_roles_article_pk"))

    op.drop_table("person_roles")
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentions_entity_pk"))
        batch_op.drop_index(batch_op.f("ix_mentions_article_pk"))

    op.drop_table("mentions")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_index("ix_meetings_sort_date_pk")
        batch_op.drop_index(batch_op.f("ix_meetings_article_pk"))

    op.drop_table("meetings")
    with op.batch_alter_table("agreement_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_events_article_pk"))
        batch_op.drop_index("ix_agreement_events_agreement_pk_sort_date")
        batch_op.drop_index(batch_op.f("ix_agreement_events_agreement_pk"))

    op.drop_table("agreement_events")
    with op.batch_alter_table("entity_aliases", schema=None) as batch_op:
        batch_op.drop_index("ix_entity_aliases_alias")

    op.drop_table("entity_aliases")
    with op.batch_alter_table("curation_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_curation_reports_report_key")

    op.drop_table("curation_reports")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_source_pk"))
        batch_op.drop_index("ix_articles_published_pk")
        batch_op.drop_index(batch_op.f("ix_articles_content_hash"))

    op.drop_table("articles")
    with op.batch_alter_table("agreement_sectors", schema=None) as batch_op:
        batch_op.drop_index("ix_agreement_sectors_sector_last_date_agreement_pk")

    op.drop_table("agreement_sectors")
    with op.batch_alter_table("agreement_parties", schema=None) as batch_op:
        batch_op.drop_index("ix_agreement_parties_party_key_last_date_agreement_pk")

    op.drop_table("agreement_parties")
    with op.batch_alter_table("agreement_countries", schema=None) as batch_op:
        batch_op.drop_index("ix_agreement_countries_code_last_date_agreement_pk")

    op.drop_table("agreement_countries")
    op.drop_table("sources")
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_index("ix_entities_kind_name")

    op.drop_table("entities")
    with op.batch_alter_table("curations", schema=None) as batch_op:
        batch_op.drop_index("ix_curations_target_kind_target_id")

    op.drop_table("curations")
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.drop_index("ix_agreements_status_last_date_pk")
        batch_op.drop_index("ix_agreements_last_date_pk")
        batch_op.drop_index("ix_agreements_first_date")

    op.drop_table("agreements")

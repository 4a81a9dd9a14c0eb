"""The registry's tables, as SQLAlchemy Core metadata that the migrations mirror.

Every row a user can point at has a public string ``id`` that does not depend on the
order of insertion (articles: a hash of the URL or content; agreements, meetings and
people: derived once and kept); integer ``pk`` columns are internal join keys only.

    sources ─< articles ─< mentions >─ entities ─< entity_aliases
                  │                       │
                  ├─< agreement_events >─ agreements ─< agreement_countries / _sectors / _parties
                  ├─< meetings ─< meeting_participants / meeting_countries
                  └─< person_roles >─ entities (people)
    curations ─< curation_reports        (the analysts' append-only log)
    users ─< api_tokens / watch_items / visit_marks   (who may write; what each one follows)

Lists inside a row (countries, sectors, parties of one report) are JSON text; the
``agreement_*`` link tables repeat them one per row, with the agreement's sort key,
so that filtered listings walk one index in order.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# Codes in `countries` and of a person's country: alpha-3 codes and the gazetteer's keys
# of blocs and bodies ("ASEAN-SEC", "Commonwealth"); tests hold every key to it.
CODE_WIDTH = 32


def _pk() -> Column[int]:
    return Column("pk", Integer, primary_key=True, autoincrement=True)


sources = Table(
    "sources",
    metadata,
    _pk(),
    Column("name", String(300), nullable=False, unique=True),
)

articles = Table(
    "articles",
    metadata,
    _pk(),
    Column("id", String(40), nullable=False, unique=True),
    Column("source_pk", Integer, ForeignKey("sources.pk"), nullable=True, index=True),
    Column("external_id", String(300), nullable=True),
    Column("url", Text, nullable=True),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("title", Text, nullable=True),
    Column("published", String(40), nullable=True),
    Column("language", String(8), nullable=False),
    Column("source_text", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("removed", Text, nullable=False),  # JSON list of [start, end, kind, text]
    Column("origin", Text, nullable=False),
    Column("extractor_version", String(40), nullable=False),
    Column("ingested_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Index("ix_articles_published_pk", "published", "pk"),
)

entities = Table(
    "entities",
    metadata,
    _pk(),
    Column("id", String(200), nullable=False, unique=True),
    Column("kind", String(20), nullable=False),  # country, organisation, person, event
    Column("name", Text, nullable=False),
    Column("country", String(CODE_WIDTH), nullable=True),
    Column("role", Text, nullable=True),  # people: the latest office reported
    Column("role_date", String(40), nullable=True),
    Index("ix_entities_kind_name", "kind", "name"),
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    _pk(),
    Column("entity_pk", Integer, ForeignKey("entities.pk", ondelete="CASCADE"), nullable=False),
    Column("alias", String(300), nullable=False),  # normalised form, the lookup key
    Column("display", Text, nullable=False),
    UniqueConstraint("entity_pk", "alias"),
    Index("ix_entity_aliases_alias", "alias"),
)

mentions = Table(
    "mentions",
    metadata,
    _pk(),
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("key", String(200), nullable=True),
    Column("entity_pk", Integer, ForeignKey("entities.pk"), nullable=True, index=True),
)

agreements = Table(
    "agreements",
    metadata,
    _pk(),
    Column("id", String(40), nullable=False, unique=True),
    Column("name", Text, nullable=True),
    Column("kind", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    Column("status_date", String(40), nullable=True),
    Column("first_date", String(40), nullable=False),  # earliest event (date or publication)
    Column("last_date", String(40), nullable=False),  # latest event: the listing's sort key
    Column("countries", Text, nullable=False),  # JSON, effective (curations applied)
    Column("sectors", Text, nullable=False),
    Column("parties", Text, nullable=False),
    Column("report_count", Integer, nullable=False),
    Column("rejected", Boolean, nullable=False, server_default="0"),
    Column("curated", Text, nullable=False, server_default="[]"),  # JSON: fields set by hand
    Column("updated_at", String(32), nullable=False),
    Index("ix_agreements_last_date_pk", "last_date", "pk"),
    # The listing's other orders, walked when a filter keeps most agreements (queries.py).
    Index("ix_agreements_sort_name_pk", text("coalesce(name, '')"), "pk"),
    Index("ix_agreements_report_count_pk", "report_count", "pk"),
    Index("ix_agreements_status_last_date_pk", "status", "last_date", "pk"),
    Index("ix_agreements_first_date", "first_date"),
    Index("ix_agreements_updated_at", "updated_at"),  # "changed since your last visit"
)


def _agreement_link(name: str, column: str, width: int) -> Table:
    """A filter table: one row per (agreement, value), ordered like the listing."""
    return Table(
        name,
        metadata,
        Column("agreement_pk", Integer, ForeignKey("agreements.pk", ondelete="CASCADE"), primary_key=True),
        Column(column, String(width), primary_key=True),
        Column("last_date", String(40), nullable=False),
        Index(f"ix_{name}_{column}_last_date_agreement_pk", column, "last_date", "agreement_pk"),
    )


agreement_countries = _agreement_link("agreement_countries", "code", CODE_WIDTH)
agreement_sectors = _agreement_link("agreement_sectors", "sector", 40)
agreement_parties = _agreement_link("agreement_parties", "party_key", 300)

agreement_events = Table(
    "agreement_events",
    metadata,
    _pk(),
    Column("key", String(80), nullable=False, unique=True),  # stable report key
    Column("agreement_pk", Integer, ForeignKey("agreements.pk"), nullable=True, index=True),
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False, index=True),
    Column("item", Integer, nullable=False),  # position in the article's record
    Column("name", Text, nullable=True),
    Column("kind", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    Column("date", String(40), nullable=True),
    Column("target_date", String(40), nullable=True),
    Column("sort_date", String(40), nullable=False),  # date, else the article's publication
    Column("countries", Text, nullable=False),
    Column("parties", Text, nullable=False),
    Column("sectors", Text, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("extractor_version", String(40), nullable=False),
    Index("ix_agreement_events_agreement_pk_sort_date", "agreement_pk", "sort_date"),
)

# Blocking keys: which stored reports a new report is compared with.
report_keys = Table(
    "report_keys",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("event_pk", Integer, ForeignKey("agreement_events.pk", ondelete="CASCADE"), primary_key=True),
    Index("ix_report_keys_event_pk", "event_pk"),
)

meetings = Table(
    "meetings",
    metadata,
    _pk(),
    Column("id", String(40), nullable=False, unique=True),
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False, index=True),
    Column("item", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("date", String(40), nullable=True),
    Column("sort_date", String(40), nullable=False),
    Column("place", Text, nullable=True),
    Column("countries", Text, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("extracted", Text, nullable=False),  # JSON: the values before curation
    Index("ix_meetings_sort_date_pk", "sort_date", "pk"),
)

meeting_countries = Table(
    "meeting_countries",
    metadata,
    Column("meeting_pk", Integer, ForeignKey("meetings.pk", ondelete="CASCADE"), primary_key=True),
    Column("code", String(CODE_WIDTH), primary_key=True),
    Index("ix_meeting_countries_code", "code"),
)

meeting_participants = Table(
    "meeting_participants",
    metadata,
    _pk(),
    Column("meeting_pk", Integer, ForeignKey("meetings.pk", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("person_pk", Integer, ForeignKey("entities.pk"), nullable=True, index=True),
)

person_roles = Table(
    "person_roles",
    metadata,
    _pk(),
    Column("person_pk", Integer, ForeignKey("entities.pk"), nullable=False, index=True),
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", Text, nullable=False),  # as the article wrote it
    Column("role", Text, nullable=True),
    Column("country", String(CODE_WIDTH), nullable=True),
    Column("reported", String(40), nullable=True),  # the article's publication
)

curations = Table(
    "curations",
    metadata,
    _pk(),
    Column("id", String(40), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
    Column("author", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("action", String(20), nullable=False),  # set, merge, split, reject, undo
    Column("target_kind", String(20), nullable=False),  # agreement, meeting, person, curation
    Column("target_id", String(200), nullable=False),
    Column("field", String(40), nullable=True),
    Column("value", Text, nullable=True),  # JSON
    Column("data", Text, nullable=False, server_default="{}"),  # JSON: report keys, new ids
    Index("ix_curations_target_kind_target_id", "target_kind", "target_id"),
)

curation_reports = Table(
    "curation_reports",
    metadata,
    Column("curation_pk", Integer, ForeignKey("curations.pk", ondelete="CASCADE"), primary_key=True),
    Column("report_key", String(80), primary_key=True),
    Index("ix_curation_reports_report_key", "report_key"),
)


# --- users of the pages and the API (revision 0003) ----------------------------------

users = Table(
    "users",
    metadata,
    _pk(),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    _pk(),
    Column("id", String(40), nullable=False, unique=True),  # public handle, shown in listings
    Column("user_pk", Integer, ForeignKey("users.pk", ondelete="CASCADE"), nullable=False, index=True),
    Column("role", String(20), nullable=False),  # viewer, editor, admin
    Column("digest", String(64), nullable=False, unique=True),  # SHA-256 of the secret; never the secret
    Column("created_at", String(32), nullable=False),
    Column("last_used_at", String(32), nullable=True),
    Column("revoked_at", String(32), nullable=True),
)

watch_items = Table(
    "watch_items",
    metadata,
    _pk(),
    Column("user_pk", Integer, ForeignKey("users.pk", ondelete="CASCADE"), nullable=False),
    Column("kind", String(20), nullable=False),  # partner, agreement, sector
    Column("value", String(200), nullable=False),
    Column("created_at", String(32), nullable=False),
    UniqueConstraint("user_pk", "kind", "value"),
)

visit_marks = Table(
    "visit_marks",
    metadata,
    Column("user_pk", Integer, ForeignKey("users.pk", ondelete="CASCADE"), primary_key=True),
    Column("page", String(40), primary_key=True),
    Column("seen_before", String(32), nullable=True),  # the visit before this one: changes are since then
    Column("visited_at", String(32), nullable=False),
)


# --- followed sources and batch shards (revision 0004) -------------------------------

# `sepakat sources add` / `watch`: what to fetch and when; validators make unchanged feeds free.
followed_sources = Table(
    "followed_sources",
    metadata,
    _pk(),
    Column("url", Text, nullable=False),
    Column("url_key", String(64), nullable=False, unique=True),  # SHA-256 of the normalised URL
    Column("interval_seconds", Integer, nullable=False),
    Column("added_at", String(32), nullable=False),
    Column("title", Text, nullable=True),
    Column("etag", Text, nullable=True),
    Column("last_modified", String(64), nullable=True),
    Column("last_fetch_at", String(32), nullable=True),
    Column("last_success_at", String(32), nullable=True),
    Column("last_status", String(20), nullable=True),  # new, unchanged, failed
    Column("last_error", Text, nullable=True),
    Column("error_count", Integer, nullable=False, server_default="0"),  # failures in a row
    Column("next_fetch_at", String(32), nullable=False),
    Column("items_seen", Integer, nullable=False, server_default="0"),
    Index("ix_followed_sources_next_fetch_at", "next_fetch_at"),
)

# Every item URL a followed source listed and that was fetched (or refused for good): never again.
followed_items = Table(
    "followed_items",
    metadata,
    _pk(),
    Column(
        "source_pk",
        Integer,
        ForeignKey("followed_sources.pk", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("url_key", String(64), nullable=False, unique=True),
    Column("url", Text, nullable=False),
    Column("fetched_at", String(32), nullable=False),
    Column("outcome", String(20), nullable=False),  # stored, refused
    Column("article_id", String(40), nullable=True),
    Column("reason", Text, nullable=True),
)

# `sepakat batch`: shards already stored, so that a rerun after a crash skips them.
batch_shards = Table(
    "batch_shards",
    metadata,
    _pk(),
    Column("key", String(64), nullable=False, unique=True),  # path, range and the file's size and time
    Column("path", Text, nullable=False),
    Column("part", String(80), nullable=False),  # "lines 0-499", "file", ...
    Column("documents", Integer, nullable=False),
    Column("refused", Integer, nullable=False),
    Column("done_at", String(32), nullable=False),
)

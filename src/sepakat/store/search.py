"""Full-text search over articles and evidence sentences, one function for both backends.

SQLite: FTS5 tables with external content (the text lives once, in ``articles`` and
``agreement_events``), kept in step by triggers. PostgreSQL: GIN indexes on
``to_tsvector('simple', ...)`` expressions ('simple' because no stemmer fits both
Indonesian and English). Both are made by raw SQL in a migration, so every object is
named with the ``fts_`` prefix that ``is_search_object`` tells Alembic to leave alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

PREFIX = "fts_"

_SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE fts_articles USING fts5(title, text, content='articles', content_rowid='pk',"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER fts_articles_ai AFTER INSERT ON articles BEGIN"
    " INSERT INTO fts_articles(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
    "CREATE TRIGGER fts_articles_ad AFTER DELETE ON articles BEGIN"
    " INSERT INTO fts_articles(fts_articles, rowid, title, text)"
    " VALUES ('delete', old.pk, old.title, old.text);"
    " END",
    "CREATE TRIGGER fts_articles_au AFTER UPDATE OF title, text ON articles BEGIN"
    " INSERT INTO fts_articles(fts_articles, rowid, title, text)"
    " VALUES ('delete', old.pk, old.title, old.text);"
    " INSERT INTO fts_articles(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
    "CREATE VIRTUAL TABLE fts_events USING fts5(evidence, content='agreement_events', content_rowid='pk',"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER fts_events_ai AFTER INSERT ON agreement_events BEGIN"
    " INSERT INTO fts_events(rowid, evidence) VALUES (new.pk, new.evidence); END",
    "CREATE TRIGGER fts_events_ad AFTER DELETE ON agreement_events BEGIN"
    " INSERT INTO fts_events(fts_events, rowid, evidence) VALUES ('delete', old.pk, old.evidence); END",
    "CREATE TRIGGER fts_events_au AFTER UPDATE OF evidence ON agreement_events BEGIN"
    " INSERT INTO fts_events(fts_events, rowid, evidence) VALUES ('delete', old.pk, old.evidence);"
    " INSERT INTO fts_events(rowid, evidence) VALUES (new.pk, new.evidence); END",
    # Index whatever rows already exist (an upgrade over a registry with data).
    "INSERT INTO fts_articles(fts_articles) VALUES ('rebuild')",
    "INSERT INTO fts_events(fts_events) VALUES ('rebuild')",
]
_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS fts_articles_ai",
    "DROP TRIGGER IF EXISTS fts_articles_ad",
    "DROP TRIGGER IF EXISTS fts_articles_au",
    "DROP TRIGGER IF EXISTS fts_events_ai",
    "DROP TRIGGER IF EXISTS fts_events_ad",
    "DROP TRIGGER IF EXISTS fts_events_au",
    "DROP TABLE IF EXISTS fts_articles",
    "DROP TABLE IF EXISTS fts_events",
]

_PG_ARTICLE_VECTOR = "to_tsvector('simple', coalesce(a.title, '') || ' ' || a.text)"
_PG_EVENT_VECTOR = "to_tsvector('simple', e.evidence)"
_PG_CREATE = [
    "CREATE INDEX fts_ix_articles ON articles USING gin "
    "(to_tsvector('simple', coalesce(title, '') || ' ' || text))",
    "CREATE INDEX fts_ix_events ON agreement_events USING gin (to_tsvector('simple', evidence))",
]
_PG_DROP = ["DROP INDEX IF EXISTS fts_ix_articles", "DROP INDEX IF EXISTS fts_ix_events"]


def is_search_object(name: str) -> bool:
    return name.startswith(PREFIX)


def create_search_objects(connection: Connection) -> None:
    for statement in _SQLITE_CREATE if connection.dialect.name == "sqlite" else _PG_CREATE:
        connection.execute(text(statement))


def drop_search_objects(connection: Connection) -> None:
    for statement in _SQLITE_DROP if connection.dialect.name == "sqlite" else _PG_DROP:
        connection.execute(text(statement))


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match: an article (title or body) or an agreement's evidence sentence."""

    kind: str  # "article" or "evidence"
    article_id: str
    title: str | None
    published: str | None
    snippet: str
    agreement_id: str | None = None


_WORD = re.compile(r"\w+", re.UNICODE)


def _fts5_query(query: str) -> str:
    # Each word quoted: the user's text is words to find, never FTS5 syntax.
    return " ".join(f'"{word}"' for word in _WORD.findall(query))


def search(connection: Connection, query: str, limit: int = 20) -> list[SearchHit]:
    """Articles and evidence sentences matching every word of ``query``, best first."""
    if not _WORD.search(query):
        return []
    if connection.dialect.name == "sqlite":
        return _search_sqlite(connection, _fts5_query(query), limit)
    return _search_postgresql(connection, query, limit)


def _search_sqlite(connection: Connection, match: str, limit: int) -> list[SearchHit]:
    hits: list[SearchHit] = []
    rows = connection.execute(
        text(
            "SELECT e.evidence, ag.id, a.id, a.title, a.published FROM fts_events"
            " JOIN agreement_events e ON e.pk = fts_events.rowid"
            " JOIN articles a ON a.pk = e.article_pk"
            " LEFT JOIN agreements ag ON ag.pk = e.agreement_pk"
            " WHERE fts_events MATCH :q ORDER BY rank LIMIT :n"
        ),
        {"q": match, "n": limit},
    )
    for evidence, agreement_id, article_id, title, published in rows:
        hits.append(SearchHit("evidence", article_id, title, published, evidence, agreement_id))
    rows = connection.execute(
        text(
            "SELECT a.id, a.title, a.published, snippet(fts_articles, 1, '[', ']', '…', 16)"
            " FROM fts_articles JOIN articles a ON a.pk = fts_articles.rowid"
            " WHERE fts_articles MATCH :q ORDER BY rank LIMIT :n"
        ),
        {"q": match, "n": limit},
    )
    for article_id, title, published, snippet in rows:
        hits.append(SearchHit("article", article_id, title, published, snippet))
    return hits


def _search_postgresql(connection: Connection, query: str, limit: int) -> list[SearchHit]:
    hits: list[SearchHit] = []
    rows = connection.execute(
        text(
            f"SELECT e.evidence, ag.id, a.id, a.title, a.published FROM agreement_events e"
            f" JOIN articles a ON a.pk = e.article_pk LEFT JOIN agreements ag ON ag.pk = e.agreement_pk"
            f" WHERE {_PG_EVENT_VECTOR} @@ plainto_tsquery('simple', :q)"
            f" ORDER BY ts_rank({_PG_EVENT_VECTOR}, plainto_tsquery('simple', :q)) DESC, e.pk LIMIT :n"
        ),
        {"q": query, "n": limit},
    )
    for evidence, agreement_id, article_id, title, published in rows:
        hits.append(SearchHit("evidence", article_id, title, published, evidence, agreement_id))
    rows = connection.execute(
        text(
            f"SELECT a.id, a.title, a.published, ts_headline('simple', a.text, plainto_tsquery('simple', :q),"
            f" 'StartSel=[, StopSel=], MaxWords=24, MinWords=8') FROM articles a"
            f" WHERE {_PG_ARTICLE_VECTOR} @@ plainto_tsquery('simple', :q)"
            f" ORDER BY ts_rank({_PG_ARTICLE_VECTOR}, plainto_tsquery('simple', :q)) DESC, a.pk LIMIT :n"
        ),
        {"q": query, "n": limit},
    )
    for article_id, title, published, snippet in rows:
        hits.append(SearchHit("article", article_id, title, published, snippet))
    return hits

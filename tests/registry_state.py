"""A registry's content as plain sorted values, without internal keys or timestamps.

Two registries that hold the same facts give equal snapshots, whatever order or
process built them: what the crash, idempotency and order tests compare.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select, text

QUERIES = {
    "articles": "SELECT id, external_id, url, content_hash, title, published, language, text,"
    " extractor_version FROM articles",
    "agreements": "SELECT id, name, kind, status, status_date, first_date, last_date, countries, sectors,"
    " parties, report_count, rejected, curated FROM agreements",
    "events": "SELECT e.key, g.id, a.id, e.item, e.name, e.kind, e.status, e.date, e.sort_date, e.countries,"
    " e.sectors, e.parties, e.evidence, e.evidence_start, e.evidence_end FROM agreement_events e"
    " JOIN articles a ON a.pk = e.article_pk LEFT JOIN agreements g ON g.pk = e.agreement_pk",
    "agreement_countries": "SELECT g.id, l.code, l.last_date FROM agreement_countries l"
    " JOIN agreements g ON g.pk = l.agreement_pk",
    "agreement_sectors": "SELECT g.id, l.sector, l.last_date FROM agreement_sectors l"
    " JOIN agreements g ON g.pk = l.agreement_pk",
    "agreement_parties": "SELECT g.id, l.party_key FROM agreement_parties l"
    " JOIN agreements g ON g.pk = l.agreement_pk",
    "report_keys": "SELECT k.key, e.key FROM report_keys k JOIN agreement_events e ON e.pk = k.event_pk",
    "entities": "SELECT id, kind, name, country, role, role_date FROM entities",
    "aliases": "SELECT e.id, a.alias FROM entity_aliases a JOIN entities e ON e.pk = a.entity_pk",
    "mentions": 'SELECT a.id, m.start, m."end", m.kind, m.text, m.key, e.id FROM mentions m'
    " JOIN articles a ON a.pk = m.article_pk LEFT JOIN entities e ON e.pk = m.entity_pk",
    "meetings": "SELECT m.id, a.id, m.kind, m.date, m.place, m.countries, m.evidence FROM meetings m"
    " JOIN articles a ON a.pk = m.article_pk",
    "participants": "SELECT m.id, p.name, e.id FROM meeting_participants p"
    " JOIN meetings m ON m.pk = p.meeting_pk LEFT JOIN entities e ON e.pk = p.person_pk",
    "roles": "SELECT e.id, a.id, r.name, r.role, r.country, r.reported FROM person_roles r"
    " JOIN entities e ON e.pk = r.person_pk JOIN articles a ON a.pk = r.article_pk",
    "sources": "SELECT name FROM sources",
    "curations": "SELECT id, author, action, target_kind, target_id, field, value, data FROM curations",
}


def _plain(value: Any) -> Any:
    # SQLite gives booleans as 0/1, PostgreSQL as False/True.
    return int(value) if isinstance(value, bool) else value


def snapshot(engine: Engine, tables: tuple[str, ...] | None = None) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as connection:
        return {
            name: sorted((tuple(_plain(v) for v in row) for row in connection.execute(text(query))), key=repr)
            for name, query in QUERIES.items()
            if tables is None or name in tables
        }


def groups(engine: Engine) -> set[frozenset[str]]:
    """Agreements as the sets of report keys they gather (ids aside)."""
    found: dict[str, set[str]] = {}
    with engine.connect() as connection:
        for key, agreement in connection.execute(
            text("SELECT e.key, g.id FROM agreement_events e JOIN agreements g ON g.pk = e.agreement_pk")
        ):
            found.setdefault(agreement, set()).add(key)
    return {frozenset(v) for v in found.values()}


def every_row(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every column of every table, internal keys included, in key order; times (``*_at``) left out.

    Stricter than ``snapshot``: two runs that stored the same rows in the same order
    (a change to how the store writes, not to what) give equal results.
    """
    from sepakat.store.tables import metadata

    found: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            columns = [c for c in table.c if not c.name.endswith("_at")]
            order = list(table.primary_key.columns)
            rows = connection.execute(select(*columns).order_by(*order))
            found[table.name] = [tuple(_plain(v) for v in row) for row in rows]
    return found

"""Ingest: extractions in, registry rows out, one transaction per batch.

1. identify    article id from the URL (else the content), content hash, and the rest
               of ``store.prepare`` (done already when the batch comes prepared)
2. classify    new / unchanged (same id and content, or same content elsewhere) / updated
3. clear       an updated article's old facts go (its reports' agreements are regrouped)
4. store       articles, entities and aliases, mentions, people and their roles,
               meetings, agreement reports and their blocking keys: bulk inserts
               (``store.bulk``)
5. regroup     the batch's reports join agreements (``merging.recluster``)

A batch is ``batch_size`` outcomes of the input, counted the same way on every run, so a
rerun after a crash (kill -9) redoes exactly the batch that was in flight: the articles of
committed batches are unchanged and skipped, and the registry ends as an uninterrupted
run leaves it.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import (
    BindParameter,
    Connection,
    Engine,
    Table,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from sepakat.models import Extraction, PersonRecord, RawDocument, Refusal
from sepakat.resolve.agreements import fold
from sepakat.resolve.entities import (
    KnownPerson,
    choose_person,
    extends,
    organisation_aliases,
    person_id,
    person_key,
    person_tokens,
    shorter_forms,
)
from sepakat.store.bulk import bulk_insert, bulk_update, placeholder
from sepakat.store.curation import apply_meeting_curations, apply_person_curations
from sepakat.store.merging import chunks, dumps, now, recluster
from sepakat.store.prepare import PreparedArticle, prepare
from sepakat.store.tables import (
    agreement_events,
    articles,
    entities,
    entity_aliases,
    meeting_countries,
    meeting_participants,
    meetings,
    mentions,
    person_roles,
    report_keys,
    sources,
)

log = logging.getLogger(__name__)

DEFAULT_BATCH = 250
Progress = Callable[[int], None]
Extractor = Callable[[Iterable[RawDocument]], Iterable[Extraction | Refusal]]
# What a batch stores: extractions, or extractions prepared where they ran (``store.prepare``).
Storable = Extraction | PreparedArticle


@dataclass
class IngestSummary:
    """What one ingest (or reextract) did, for the closing summary line."""

    articles_new: int = 0
    articles_unchanged: int = 0
    articles_updated: int = 0
    refused: int = 0
    agreements_new: int = 0
    agreements_updated: int = 0
    refusals: list[Refusal] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"articles: {self.articles_new} new, {self.articles_unchanged} unchanged, "
            f"{self.articles_updated} updated, {self.refused} refused; "
            f"agreements: {self.agreements_new} new, {self.agreements_updated} updated"
        )


def insert_ignore(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows``, skipping those that would break a unique constraint."""
    if not rows:
        return
    dialect_insert = sqlite_insert if connection.dialect.name == "sqlite" else pg_insert
    connection.execute(dialect_insert(table).on_conflict_do_nothing(), list(rows))


# A list bound as one expanding parameter: the statement is cached once, not coerced value by value.
CHUNK: BindParameter[Any] = bindparam("chunk", expanding=True)


def _pk_map(connection: Connection, table: Table, column: str, values: Iterable[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    col = table.c[column]
    query = select(table.c.pk, col).where(col.in_(CHUNK))
    for chunk in chunks(set(values)):
        found.update((k, pk) for pk, k in connection.execute(query, {"chunk": chunk}))
    return found


def lock_for_writing(connection: Connection) -> None:
    """Make this transaction the registry's only writer until it ends (first statement of a batch).

    Two ingests storing into one registry at once (two commands, batch workers on many
    machines) would each see the other's new articles and entities as absent and race on
    unique keys, and regroup reports without the other's in view. PostgreSQL: an advisory
    lock scoped to the transaction and keyed by the schema; SQLite: a write that takes
    the file's write lock at once (waiting up to the busy timeout), so that every read of
    the batch happens inside the write transaction.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(hashtext('sepakat:' || current_schema()))"))
    elif connection.dialect.name == "sqlite":
        connection.execute(text("UPDATE sources SET name = name WHERE 0"))


def store_batch_in(
    connection: Connection, batch: Sequence[Storable], summary: IngestSummary, *, replace_all: bool = False
) -> None:
    """Store one batch inside the caller's transaction (which may write more, such as watch state)."""
    lock_for_writing(connection)
    _store_batch(connection, batch, summary, replace_all=replace_all)


class Ingestor:
    """Stores batches of extractions in one registry; ``ingest`` drives it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def store_batch(
        self, batch: Sequence[Storable], summary: IngestSummary, *, replace_all: bool = False
    ) -> None:
        """Store one batch in one transaction. ``replace_all``: re-store even unchanged articles."""
        with self.engine.begin() as connection:
            store_batch_in(connection, batch, summary, replace_all=replace_all)


def ingest(
    engine: Engine,
    outcomes: Iterable[Storable | Refusal],
    *,
    batch_size: int = DEFAULT_BATCH,
    progress: Progress | None = None,
) -> IngestSummary:
    """Store every extraction of ``outcomes`` (refusals are counted), batch by batch."""
    summary = IngestSummary()
    ingestor = Ingestor(engine)
    for batch, count in _batches(outcomes, batch_size, summary):
        if batch:
            ingestor.store_batch(batch, summary)
        if progress is not None:
            progress(count)
    optimise(engine)
    return summary


def optimise(engine: Engine) -> None:
    """Refresh the planner's statistics where they are stale (SQLite's PRAGMA optimize).

    It writes, so it takes the write lock first like a batch: a deferred transaction that
    reads and then writes fails at once with "database is locked" when another ingest
    wrote in between, whatever the busy timeout.
    """
    if engine.dialect.name == "sqlite":
        with engine.begin() as connection:
            lock_for_writing(connection)
            connection.exec_driver_sql("PRAGMA optimize")


def _batches(
    outcomes: Iterable[Storable | Refusal], size: int, summary: IngestSummary
) -> Iterator[tuple[list[Storable], int]]:
    batch: list[Storable] = []
    count = 0
    for outcome in outcomes:
        count += 1
        if isinstance(outcome, Refusal):
            summary.refused += 1
            summary.refusals.append(outcome)
            log.warning("refused %s: %s", outcome.origin, outcome.reason)
        else:
            batch.append(outcome)
        if count == size:
            yield batch, count
            batch, count = [], 0
    if count:
        yield batch, count


def _store_batch(
    connection: Connection, batch: Sequence[Storable], summary: IngestSummary, *, replace_all: bool
) -> None:
    chosen: dict[str, PreparedArticle] = {}
    for outcome in batch:
        prepared = outcome if isinstance(outcome, PreparedArticle) else prepare(outcome)
        chosen[prepared.id] = prepared  # the last copy of an id wins
    existing: dict[str, tuple[int, str]] = {}
    by_id = select(articles.c.id, articles.c.pk, articles.c.content_hash).where(articles.c.id.in_(CHUNK))
    for chunk in chunks(chosen):
        existing.update((r.id, (r.pk, r.content_hash)) for r in connection.execute(by_id, {"chunk": chunk}))
    known_hashes: set[str] = set()
    by_hash = select(articles.c.content_hash).where(articles.c.content_hash.in_(CHUNK))
    for chunk in chunks({p.content_hash for p in chosen.values()}):
        known_hashes.update(connection.execute(by_hash, {"chunk": chunk}).scalars())
    new: list[PreparedArticle] = []
    updated: list[tuple[int, PreparedArticle]] = []
    for aid, prepared in chosen.items():
        if aid in existing:
            pk, old_digest = existing[aid]
            if old_digest == prepared.content_hash and not replace_all:
                summary.articles_unchanged += 1
            else:
                updated.append((pk, prepared))
        elif prepared.content_hash in known_hashes:
            summary.articles_unchanged += 1  # the same text under another URL
        else:
            known_hashes.add(prepared.content_hash)
            new.append(prepared)
    summary.articles_unchanged += len(batch) - len(chosen)
    if not new and not updated:
        return
    stale, previous = _clear_facts(connection, [pk for pk, _ in updated])
    stamp = now()
    source_pks = _ensure_sources(connection, {p.source for p in new} | {p.source for _, p in updated})
    bulk_insert(connection, articles, [_article_row(p, source_pks, stamp) for p in new])
    changes = []
    for pk, prepared in updated:
        row = _article_row(prepared, source_pks, stamp)
        del row["id"], row["ingested_at"]  # an updated article keeps its id and the time it was first stored
        changes.append({"pk": pk, **row})
    bulk_update(connection, articles, changes)
    pks = _pk_map(connection, articles, "id", [p.id for p in new])
    stored = [(pks[p.id], p) for p in new] + updated
    seeds = _store_facts(connection, stored, previous)
    summary.articles_new += len(new)
    summary.articles_updated += len(updated)
    if seeds or stale:
        result = recluster(connection, seeds, stale)
        summary.agreements_new += len(result.new_ids)
        summary.agreements_updated += len(result.changed_ids - result.new_ids)


def _article_row(prepared: PreparedArticle, source_pks: dict[str, int], stamp: str) -> dict[str, Any]:
    article = prepared.extraction.article
    return {
        "id": prepared.id,
        "source_pk": source_pks.get(prepared.source),
        "external_id": article.id,
        "url": article.url,
        "content_hash": prepared.content_hash,
        "title": article.title,
        "published": article.published,
        "language": article.language,
        "source_text": article.source_text,
        "text": article.text,
        "removed": dumps([[r.start, r.end, r.kind, r.text] for r in article.removed]),
        "origin": article.origin,
        "extractor_version": prepared.extraction.extractor_version,
        "ingested_at": stamp,
        "updated_at": stamp,
    }


def _ensure_sources(connection: Connection, names: set[str]) -> dict[str, int]:
    insert_ignore(connection, sources, [{"name": n} for n in sorted(names)])
    return _pk_map(connection, sources, "name", names)


def _clear_facts(connection: Connection, article_pks: list[int]) -> tuple[set[int], dict[str, int]]:
    """Delete the facts of articles about to be re-stored.

    Returns the agreements their reports fed, and each report key's agreement: a report
    stored again under the same key starts from the agreement it was in, so its id holds.
    """
    stale: set[int] = set()
    previous: dict[str, int] = {}
    for chunk in chunks(article_pks):
        query = select(agreement_events.c.key, agreement_events.c.agreement_pk).where(
            agreement_events.c.article_pk.in_(chunk)
        )
        for key, agreement_pk in connection.execute(query):
            if agreement_pk is not None:
                stale.add(agreement_pk)
                previous[key] = agreement_pk
        events = select(agreement_events.c.pk).where(agreement_events.c.article_pk.in_(chunk))
        connection.execute(delete(report_keys).where(report_keys.c.event_pk.in_(events)))
        connection.execute(delete(agreement_events).where(agreement_events.c.article_pk.in_(chunk)))
        connection.execute(delete(mentions).where(mentions.c.article_pk.in_(chunk)))
        connection.execute(delete(person_roles).where(person_roles.c.article_pk.in_(chunk)))
        meeting_pks = select(meetings.c.pk).where(meetings.c.article_pk.in_(chunk))
        connection.execute(
            delete(meeting_participants).where(meeting_participants.c.meeting_pk.in_(meeting_pks))
        )
        connection.execute(delete(meeting_countries).where(meeting_countries.c.meeting_pk.in_(meeting_pks)))
        connection.execute(delete(meetings).where(meetings.c.article_pk.in_(chunk)))
    return stale, previous


Stored = list[tuple[int, PreparedArticle]]  # articles just stored, with their pks


def _store_facts(connection: Connection, stored: Stored, previous: dict[str, int]) -> list[int]:
    """Mentions, people, meetings and agreement reports of stored articles; returns report pks."""
    people = _store_people(connection, stored)
    _store_mentions(connection, stored, people)
    _store_meetings(connection, stored, people)
    return _store_reports(connection, stored, previous)


def _store_mentions(connection: Connection, stored: Stored, people: dict[int, dict[str, int]]) -> None:
    """Mentions with the entity each names (people through the article's resolved names)."""
    refs: dict[str, tuple[str, str, str | None]] = {}
    aliases: set[tuple[str, str, str]] = set()
    rows: list[dict[str, Any]] = []
    for article_pk, prepared in stored:
        for mention, ref in zip(prepared.extraction.mentions, prepared.mention_entities, strict=True):
            if ref is not None:
                refs.setdefault(ref.id, (ref.kind, ref.name, ref.name if ref.kind == "country" else None))
                if ref.alias:
                    aliases.add((ref.id, ref.alias[:300], mention.text))
            rows.append(
                {
                    "article_pk": article_pk, "start": mention.start, "end": mention.end,
                    "kind": mention.kind, "text": mention.text, "key": mention.key,
                    "entity": ref.id if ref else None,
                }
            )  # fmt: skip
    if not rows:
        return
    known = _pk_map(connection, entities, "id", refs)
    for eid in sorted(refs.keys() - known.keys()):
        if refs[eid][0] == "organisation":
            # A new organisation gets every name the gazetteer knows, so any of them finds it.
            aliases.update((eid, _alias(name), name) for name in organisation_aliases(eid))
    entity_pks = _ensure_entities(connection, refs)
    bulk_insert(
        connection,
        entity_aliases,
        [
            {"entity_pk": entity_pks[eid], "alias": alias, "display": display}
            for eid, alias, display in sorted(aliases)
        ],
        ignore_conflicts=True,
    )
    for row in rows:
        eid = row.pop("entity")
        if row["kind"] == "person":
            names = people.get(row["article_pk"], {})
            row["entity_pk"] = _participant_pk(row["key"] or row["text"], names)
        else:
            row["entity_pk"] = entity_pks.get(eid) if eid else None
    bulk_insert(connection, mentions, rows)


def _alias(name: str) -> str:
    return " ".join(fold(name).split())[:300]


def _ensure_entities(connection: Connection, refs: dict[str, tuple[str, str, str | None]]) -> dict[str, int]:
    bulk_insert(
        connection,
        entities,
        [
            {"id": eid, "kind": kind, "name": name, "country": country}
            for eid, (kind, name, country) in sorted(refs.items())
        ],
        ignore_conflicts=True,
    )
    return _pk_map(connection, entities, "id", refs)


def _known_people(connection: Connection, records: list[PersonRecord]) -> dict[str, KnownPerson]:
    """People already stored whose names relate to any of ``records`` (same, shorter or longer)."""
    exact: set[str] = set()
    prefixes: set[str] = set()
    for person in records:
        key = person_key(person.name)
        if key:
            exact.add(key)
            exact.update(shorter_forms(person.name))
            prefixes.add(key)
    found: dict[str, KnownPerson] = {}
    # Driven by the alias index; the kind is checked here, as a kind filter in SQL makes
    # SQLite walk every person instead.
    base = select(entities.c.id, entities.c.name, entities.c.country, entities.c.kind).join(
        entity_aliases, entity_aliases.c.entity_pk == entities.c.pk
    )
    for chunk in chunks(exact):
        for row in connection.execute(base.where(entity_aliases.c.alias.in_(CHUNK)), {"chunk": chunk}):
            if row.kind == "person":
                found[row.id] = KnownPerson(row.id, row.name, row.country)
    mark = placeholder(connection.dialect)
    one_range = f"SELECT entity_pk FROM entity_aliases WHERE alias > {mark} AND alias < {mark}"
    for chunk in chunks(prefixes, 200):
        # One indexed range per name, joined by UNION ALL (an OR of ranges scans the table);
        # given to the driver as it is (as text() it cost a bound parameter object per name).
        ranges = " UNION ALL ".join([one_range] * len(chunk))
        bounds = tuple(bound for key in chunk for bound in (f"{key} ", f"{key}!"))
        query = f"SELECT id, name, country, kind FROM entities WHERE pk IN ({ranges})"
        for row in connection.exec_driver_sql(query, bounds):
            if row.kind == "person":
                found[row.id] = KnownPerson(row.id, row.name, row.country)
    return found


def _store_people(connection: Connection, stored: Stored) -> dict[int, dict[str, int]]:
    """Resolve and store the people of each article; returns article pk -> name key -> person pk."""
    records = [p for _, prepared in stored for p in prepared.extraction.record.people]
    if not records:
        return {}
    known = _known_people(connection, records)
    by_token: dict[str, list[KnownPerson]] = defaultdict(list)
    for person in known.values():
        by_token[(person_tokens(person.name) or ("",))[0]].append(person)
    created: dict[str, dict[str, Any]] = {}
    assigned: list[tuple[int, PersonRecord, str, str | None]] = []
    for article_pk, prepared in stored:
        for record in prepared.extraction.record.people:
            tokens = person_tokens(record.name)
            if not tokens:
                continue
            match = choose_person(record.name, record.country, by_token.get(tokens[0], []))
            if match is None:
                pid = person_id(record.name)
                if pid in known or pid in created:
                    pid = f"{pid}--{(record.country or 'xx').lower()}"
                match = KnownPerson(pid, record.name, record.country)
                if pid not in known:
                    created[pid] = {
                        "id": pid,
                        "kind": "person",
                        "name": record.name,
                        "country": record.country,
                    }
                    known[pid] = match
                    by_token[tokens[0]].append(match)
            elif extends(match.name, record.name) and len(person_tokens(record.name)) > len(
                person_tokens(match.name)
            ):
                # Later names in this batch compare with the fullest form seen so far.
                fuller = KnownPerson(match.id, record.name, match.country or record.country)
                by_token[tokens[0]] = [fuller if p.id == match.id else p for p in by_token[tokens[0]]]
                known[match.id] = fuller
            assigned.append((article_pk, record, match.id, prepared.extraction.article.published))
    bulk_insert(connection, entities, list(created.values()))
    pks = _pk_map(connection, entities, "id", {pid for _, _, pid, _ in assigned})
    bulk_insert(
        connection,
        entity_aliases,
        sorted(
            (
                {"entity_pk": pks[pid], "alias": person_key(r.name)[:300], "display": r.name}
                for _, r, pid, _ in assigned
            ),
            key=lambda row: (row["entity_pk"], row["alias"]),
        ),
        ignore_conflicts=True,
    )
    bulk_insert(
        connection,
        person_roles,
        [
            {"person_pk": pks[pid], "article_pk": apk, "name": r.name, "role": r.role, "country": r.country,
             "reported": published}
            for apk, r, pid, published in assigned
        ],
    )  # fmt: skip
    refresh_people(connection, {pks[pid] for _, _, pid, _ in assigned})
    mapping: dict[int, dict[str, int]] = defaultdict(dict)
    for apk, r, pid, _ in assigned:
        mapping[apk][person_key(r.name)] = pks[pid]
    return mapping


def refresh_people(connection: Connection, person_pks: set[int]) -> None:
    """A person's name (the fullest form reported), office and country (the latest reported),
    then the curations in force."""
    updates = []
    for chunk in chunks(person_pks):
        rows = connection.execute(
            select(
                person_roles.c.person_pk, person_roles.c.role, person_roles.c.country,
                person_roles.c.reported, person_roles.c.name,
            ).where(person_roles.c.person_pk.in_(CHUNK)),
            {"chunk": chunk},
        )  # fmt: skip
        best: dict[int, tuple[str, str, str | None]] = {}
        latest_country: dict[int, tuple[str, str]] = {}
        fullest: dict[int, tuple[int, str]] = {}
        for pk, role, ctry, reported, name in rows:
            form = (len(person_tokens(name)), name)
            if pk not in fullest or form > fullest[pk]:
                fullest[pk] = form
            if ctry and (pk not in latest_country or (reported or "", ctry) > latest_country[pk]):
                latest_country[pk] = (reported or "", ctry)
            if role and (pk not in best or (reported or "", role) > best[pk][:2]):
                best[pk] = (reported or "", role, reported)
        for pk in chunk:
            role_info = best.get(pk)
            updates.append(
                {"b_pk": pk, "b_role": role_info[1] if role_info else None,
                 "b_role_date": role_info[2] if role_info else None,
                 "b_country": latest_country[pk][1] if pk in latest_country else None,
                 "b_name": fullest[pk][1] if pk in fullest else None}
            )  # fmt: skip
    if updates:
        connection.execute(
            update(entities)
            .where(entities.c.pk == bindparam("b_pk"))
            .values(
                role=bindparam("b_role"),
                role_date=bindparam("b_role_date"),
                country=bindparam("b_country"),
                name=func.coalesce(bindparam("b_name"), entities.c.name),
            ),
            updates,
        )
    ids = connection.execute(select(entities.c.id).where(entities.c.pk.in_(sorted(person_pks)))).scalars()
    apply_person_curations(connection, list(ids))


def _store_meetings(connection: Connection, stored: Stored, people: dict[int, dict[str, int]]) -> None:
    rows: list[dict[str, Any]] = []
    extra: dict[str, tuple[tuple[str, ...], list[tuple[str, int | None]]]] = {}
    for article_pk, prepared in stored:
        names = people.get(article_pk, {})
        published = prepared.extraction.article.published
        for item, (record, mid) in enumerate(
            zip(prepared.extraction.record.meetings, prepared.meeting_ids, strict=True)
        ):
            rows.append(
                {
                    "id": mid, "article_pk": article_pk, "item": item, "kind": record.kind,
                    "date": record.date,
                    "sort_date": record.date or (published or "")[:10] or "0000",
                    "place": record.place, "countries": dumps(list(record.countries)),
                    "evidence": record.evidence.text, "evidence_start": record.evidence.start,
                    "evidence_end": record.evidence.end,
                    "extracted": dumps(
                        {"kind": record.kind, "date": record.date, "place": record.place,
                         "countries": list(record.countries)}
                    ),
                }
            )  # fmt: skip
            extra[mid] = (
                record.countries,
                [(n, _participant_pk(n, names)) for n in record.participants],
            )
    if not rows:
        return
    bulk_insert(connection, meetings, rows)
    pks = _pk_map(connection, meetings, "id", extra)
    countries = [{"meeting_pk": pks[m], "code": c} for m, (cs, _) in extra.items() for c in sorted(set(cs))]
    participants = [
        {"meeting_pk": pks[m], "name": name, "person_pk": ppk}
        for m, (_, ps) in extra.items()
        for name, ppk in ps
    ]
    bulk_insert(connection, meeting_countries, countries)
    bulk_insert(connection, meeting_participants, participants)
    apply_meeting_curations(connection, sorted(extra))


def restore_meetings(connection: Connection, meeting_ids: Sequence[str]) -> None:
    """Put back the extracted values of meetings (before curations are applied again)."""
    for chunk in chunks(meeting_ids):
        rows = connection.execute(
            select(meetings.c.pk, meetings.c.extracted).where(meetings.c.id.in_(chunk))
        ).all()
        for pk, extracted in rows:
            values = orjson.loads(extracted)
            connection.execute(
                update(meetings)
                .where(meetings.c.pk == pk)
                .values(kind=values["kind"], date=values["date"], place=values["place"],
                        countries=dumps(values["countries"]))
            )  # fmt: skip
            connection.execute(delete(meeting_countries).where(meeting_countries.c.meeting_pk == pk))
            if values["countries"]:
                connection.execute(
                    insert(meeting_countries),
                    [{"meeting_pk": pk, "code": c} for c in sorted(set(values["countries"]))],
                )


def _participant_pk(name: str, names: dict[str, int]) -> int | None:
    key = person_key(name)
    if key in names:
        return names[key]
    related = {pk for known, pk in names.items() if extends(key, known) or extends(known, key)}
    return related.pop() if len(related) == 1 else None


def _store_reports(connection: Connection, stored: Stored, previous: dict[str, int]) -> list[int]:
    rows: list[dict[str, Any]] = []
    keys_of: dict[str, tuple[str, ...]] = {}
    for article_pk, prepared in stored:
        ext = prepared.extraction
        for report in prepared.reports:
            record = ext.record.agreements[report.item]
            keys_of[report.key] = report.blocking_keys
            rows.append(
                {
                    "key": report.key, "agreement_pk": previous.get(report.key), "article_pk": article_pk,
                    "item": report.item, "name": record.name, "kind": record.kind, "status": record.status,
                    "date": record.date, "target_date": record.target_date, "sort_date": report.sort_date,
                    "countries": dumps(list(record.countries)), "parties": dumps(list(record.parties)),
                    "sectors": dumps(list(record.sectors)), "evidence": record.evidence.text,
                    "evidence_start": record.evidence.start, "evidence_end": record.evidence.end,
                    "extractor_version": ext.extractor_version,
                }
            )  # fmt: skip
    if not rows:
        return []
    bulk_insert(connection, agreement_events, rows)
    pks = _pk_map(connection, agreement_events, "key", keys_of)
    # A report with nothing to block on (no name, no parties) has no keys.
    key_rows = [{"key": k[:200], "event_pk": pks[key]} for key, ks in keys_of.items() for k in ks]
    bulk_insert(connection, report_keys, key_rows)
    return sorted(pks.values())


def reextract(
    engine: Engine,
    *,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH,
    progress: Progress | None = None,
    extract: Extractor | None = None,
) -> IngestSummary:
    """Extract every stored article again with the current rules, keeping curations.

    Reports keep their keys while their sentence and name stay the same, so merges and
    splits still hold; field corrections hang on agreement ids, which regrouping keeps.
    ``extract`` turns stored documents into outcomes (default: the pipeline, over
    ``workers`` processes).
    """
    if extract is None:
        from sepakat.pipeline import extract_stream

        def extract(documents: Iterable[RawDocument]) -> Iterable[Extraction | Refusal]:
            return extract_stream(documents, workers)

    return ingest_replacing(
        engine, extract(_stored_documents(engine, batch_size)), batch_size=batch_size, progress=progress
    )


def ingest_replacing(
    engine: Engine,
    outcomes: Iterable[Extraction | Refusal],
    *,
    batch_size: int = DEFAULT_BATCH,
    progress: Progress | None = None,
) -> IngestSummary:
    """Like ``ingest``, but every article's facts are stored again even when unchanged."""
    summary = IngestSummary()
    ingestor = Ingestor(engine)
    for batch, count in _batches(outcomes, batch_size, summary):
        if batch:
            ingestor.store_batch(batch, summary, replace_all=True)
        if progress is not None:
            progress(count)
    return summary


def _stored_documents(engine: Engine, page: int) -> Iterator[RawDocument]:
    last = 0
    while True:
        with engine.connect() as connection:
            rows = connection.execute(
                select(
                    articles.c.pk, articles.c.origin, articles.c.external_id, articles.c.title,
                    articles.c.published, articles.c.source_text, articles.c.url, articles.c.language,
                )
                .where(articles.c.pk > last)
                .order_by(articles.c.pk)
                .limit(page)
            ).all()  # fmt: skip
        if not rows:
            return
        for row in rows:
            yield RawDocument(
                origin=row.origin, id=row.external_id, title=row.title, published=row.published,
                text=row.source_text, url=row.url, language=row.language,
            )  # fmt: skip
        last = rows[-1].pk

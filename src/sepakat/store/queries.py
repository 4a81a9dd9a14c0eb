"""The one query layer: what the CLI listings, the exports, and later the API and pages read.

Listings are pages in a stable order (latest activity first) with keyset cursors: a page
asks for rows after the last one it showed, so every page costs the same on a registry
of any size. Each filter has an index that returns rows in listing order: a filter on a
country, sector or party walks that link table's ``(value, last_date, agreement_pk)``
index; a filter on status alone walks ``(status, last_date, pk)``.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import (
    Connection,
    Integer,
    Select,
    and_,
    column,
    exists,
    false,
    func,
    literal_column,
    or_,
    select,
    text,
)

from sepakat.errors import UsageError
from sepakat.models import AGREEMENT_STATUSES, SECTORS
from sepakat.resolve.agreements import fold, party_key
from sepakat.resolve.entities import organisation_key, organisation_surfaces
from sepakat.store.curation_log import Curation, curation_from_row
from sepakat.store.merging import extracted_values
from sepakat.store.tables import (
    agreement_countries,
    agreement_events,
    agreement_parties,
    agreement_sectors,
    agreements,
    articles,
    curations,
    entities,
    entity_aliases,
    meeting_countries,
    meeting_participants,
    meetings,
    mentions,
    person_roles,
    sources,
)

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
_FEW = 2000  # a filter value with fewer rows than this is fetched by its index and sorted
# Orders a listing can take: "-" is newest or largest first. Each is keyset-paged on (value, pk).
AGREEMENT_SORTS = ("-last_date", "last_date", "-first_date", "first_date", "name", "-report_count")
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class AgreementFilter:
    """Which agreements a listing shows; every field optional."""

    country: str | None = None  # ISO alpha-3 or a bloc code (EU, ASEAN)
    status: str | None = None
    sector: str | None = None
    party: str | None = None  # a party as written, or any alias of its organisation
    since: str | None = None  # active on or after (YYYY, YYYY-MM or YYYY-MM-DD)
    until: str | None = None  # active on or before
    include_rejected: bool = False
    text: str | None = None  # words of an evidence sentence (names are read from those)

    def check(self) -> None:
        for name, value in (("since", self.since), ("until", self.until)):
            if value and not _PARTIAL_DATE.fullmatch(value):
                raise UsageError(f"{name} must be a date like 2025, 2025-01 or 2025-01-31, not {value!r}")
        if self.status and self.status not in AGREEMENT_STATUSES:
            raise UsageError(f"unknown status {self.status!r}: one of {', '.join(AGREEMENT_STATUSES)}")
        if self.sector and self.sector not in SECTORS:
            raise UsageError(f"unknown sector {self.sector!r}: one of {', '.join(SECTORS)}")


@dataclass(frozen=True, slots=True)
class AgreementRow:
    id: str
    name: str | None
    kind: str
    status: str
    status_date: str | None
    first_date: str
    last_date: str
    countries: tuple[str, ...]
    sectors: tuple[str, ...]
    parties: tuple[str, ...]
    report_count: int
    rejected: bool
    curated: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[Any]
    next_cursor: str | None  # pass as ``after`` for the next page; None on the last


def _cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(values)).decode().rstrip("=")


def _uncursor(cursor: str) -> list[Any]:
    try:
        value = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, orjson.JSONDecodeError) as exc:
        raise UsageError(f"not a cursor from a previous page: {cursor!r}") from exc
    if not isinstance(value, list) or len(value) != 2:
        raise UsageError(f"not a cursor from a previous page: {cursor!r}")
    return value


def _agreement_row(row: Any) -> AgreementRow:
    return AgreementRow(
        id=row.id,
        name=row.name,
        kind=row.kind,
        status=row.status,
        status_date=row.status_date,
        first_date=row.first_date,
        last_date=row.last_date,
        countries=tuple(orjson.loads(row.countries)),
        sectors=tuple(orjson.loads(row.sectors)),
        parties=tuple(orjson.loads(row.parties)),
        report_count=row.report_count,
        rejected=bool(row.rejected),
        curated=tuple(orjson.loads(row.curated)),
    )


def party_keys(connection: Connection, party: str) -> list[str]:
    """The comparison keys of ``party``, of every alias of the organisation it names, and of
    the organisations that one was renamed from or into."""
    keys = {party_key(party)}
    org_ids = {org for org in (organisation_key(party),) if org}
    alias = " ".join(fold(party).split())
    entity_pks = select(entity_aliases.c.entity_pk).where(entity_aliases.c.alias == alias).scalar_subquery()
    for display, name, entity_id in connection.execute(
        select(entity_aliases.c.display, entities.c.name, entities.c.id)
        .join(entities, entities.c.pk == entity_aliases.c.entity_pk)
        .where(entity_aliases.c.entity_pk.in_(entity_pks), entities.c.kind == "organisation")
    ):
        keys.update((party_key(display), party_key(name)))
        org_ids.add(entity_id)
    for org_id in org_ids:
        keys.update(party_key(surface) for surface in organisation_surfaces(org_id))
    return sorted(k for k in keys if k)


def _text_condition(connection: Connection, query: str) -> Any:
    """Agreements with a report whose sentence holds every word of ``query``."""
    words = _WORD.findall(query.lower())
    if not words:
        return None
    if connection.dialect.name == "sqlite":
        match = " ".join(f'"{w}"' for w in words)  # quoted: the user's words, never FTS5 syntax
        hits = text("SELECT rowid AS pk FROM fts_events WHERE fts_events MATCH :fts_q").bindparams(
            fts_q=match
        )
    else:
        hits = text(
            "SELECT pk FROM agreement_events WHERE to_tsvector('simple', evidence)"
            " @@ plainto_tsquery('simple', :fts_q)"
        ).bindparams(fts_q=" ".join(words))
    in_evidence = agreements.c.pk.in_(
        select(agreement_events.c.agreement_pk).where(
            agreement_events.c.pk.in_(hits.columns(column("pk", Integer)))
        )
    )
    # Names are read from the evidence sentences, so the full-text index over them finds names too
    # (a name typed by hand is not indexed); scanning every name would cost a full table read.
    return in_evidence


def _filter_conditions(
    connection: Connection, flt: AgreementFilter, order_date: Any, driver: Any
) -> list[Any]:
    """The WHERE conditions of ``flt`` beyond the one its driving index already applies."""
    conditions: list[Any] = []
    if flt.sector and driver is not agreement_sectors:
        conditions.append(
            exists().where(
                agreement_sectors.c.agreement_pk == agreements.c.pk, agreement_sectors.c.sector == flt.sector
            )
        )
    if flt.party:
        # A party's key, or a longer key starting with its words ("politeknik negeri" finds
        # "politeknik negeri contoh"); few agreements match, so they are sorted, not walked.
        keys = party_keys(connection, flt.party)
        matches = or_(
            *(
                or_(
                    agreement_parties.c.party_key == k,
                    and_(agreement_parties.c.party_key > k + " ", agreement_parties.c.party_key < k + "!"),
                )
                for k in keys
            )
        )
        conditions.append(agreements.c.pk.in_(select(agreement_parties.c.agreement_pk).where(matches)))
    if flt.status:
        conditions.append(agreements.c.status == flt.status)
    if flt.since:
        conditions.append(order_date >= flt.since)
    if flt.until:
        conditions.append(agreements.c.first_date <= flt.until + "~")
    if not flt.include_rejected:
        conditions.append(agreements.c.rejected == false())
    if flt.text and (matched := _text_condition(connection, flt.text)) is not None:
        conditions.append(matched)
    return conditions


# A filter keeping at least this many agreements is walked in the listing's order; fewer
# are gathered by the filter's index and sorted (a few milliseconds either way).
WALK_FROM = 2000


def _keeps_many(connection: Connection, driver: Any, driven: Any) -> bool:
    """Whether the link table ``driver`` holds at least WALK_FROM rows matching ``driven``
    (counted on its index, never past WALK_FROM)."""
    capped = select(driver.c.agreement_pk).where(driven).limit(WALK_FROM).subquery()
    return int(connection.execute(select(func.count()).select_from(capped)).scalar_one()) >= WALK_FROM


def _keyset(value: Any, pk: Any, after: str, descending: bool) -> Any:
    """Rows after the cursor's (value, pk) in the listing's order."""
    last_value, last_pk = _uncursor(after)
    if descending:
        return or_(value < last_value, and_(value == last_value, pk < last_pk))
    return or_(value > last_value, and_(value == last_value, pk > last_pk))


def list_agreements(
    connection: Connection,
    flt: AgreementFilter | None = None,
    *,
    limit: int = DEFAULT_LIMIT,
    after: str | None = None,
    sort: str = "-last_date",
) -> Page:
    """One page of agreements matching ``flt``, in the order ``sort`` names (latest activity first)."""
    flt = flt or AgreementFilter()
    flt.check()
    if sort not in AGREEMENT_SORTS:
        raise UsageError(f"unknown sort {sort!r}: one of {', '.join(AGREEMENT_SORTS)}")
    limit = max(1, min(limit, MAX_LIMIT))
    driver: Any = None
    query: Select[Any]
    conditions: list[Any] = []
    if flt.country:
        driver, driven = agreement_countries, agreement_countries.c.code == flt.country.upper()
    elif flt.sector:
        driver, driven = agreement_sectors, agreement_sectors.c.sector == flt.sector
    key = sort.lstrip("-")
    if driver is not None and key != "last_date" and _keeps_many(connection, driver, driven):
        # A main partner or sector keeps most agreements: walk the order's own index and
        # keep those it covers, rather than sort tens of thousands of rows.
        conditions.append(exists().where(driver.c.agreement_pk == agreements.c.pk, driven))
        driver = None
    elif driver is not None:
        conditions.append(driven)
    if driver is not None:
        query = select(agreements).join(driver, driver.c.agreement_pk == agreements.c.pk)
        order_date, order_pk = driver.c.last_date, driver.c.agreement_pk
    else:
        query = select(agreements)
        order_date, order_pk = agreements.c.last_date, agreements.c.pk
    conditions.extend(_filter_conditions(connection, flt, order_date, driver))
    descending = sort.startswith("-")
    order_value: Any = {
        "last_date": order_date,
        "first_date": agreements.c.first_date,
        "name": func.coalesce(agreements.c.name, literal_column("''")),  # as the index writes it
        "report_count": agreements.c.report_count,
    }[key]
    if key != "last_date":
        order_pk = agreements.c.pk
    if after:
        conditions.append(_keyset(order_value, order_pk, after, descending))
    ordering = (order_value.desc(), order_pk.desc()) if descending else (order_value.asc(), order_pk.asc())
    query = query.where(*conditions).order_by(*ordering).limit(limit + 1)
    rows = connection.execute(query).all()
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = None
    if more and rows:
        last = rows[-1]
        value = {"name": last.name or "", "first_date": last.first_date, "report_count": last.report_count}
        cursor = _cursor([value.get(key, last.last_date), last.pk])
    return Page([_agreement_row(r) for r in rows], cursor)


def iter_agreements(
    connection: Connection, flt: AgreementFilter | None = None, page: int = 500, sort: str = "-last_date"
) -> Iterator[AgreementRow]:
    """Every agreement matching ``flt``, page by page, in the listing's order (for exports)."""
    after: str | None = None
    while True:
        result = list_agreements(connection, flt, limit=page, after=after, sort=sort)
        yield from result.rows
        if result.next_cursor is None:
            return
        after = result.next_cursor


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One report of an agreement: what stage an article said it reached, and where."""

    report_key: str
    date: str | None
    sort_date: str
    status: str
    name: str | None
    kind: str
    evidence: str
    evidence_start: int
    evidence_end: int
    extractor_version: str
    article_id: str
    article_title: str | None
    article_url: str | None
    published: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class AgreementDetail:
    agreement: AgreementRow
    events: list[TimelineEvent]
    extracted: dict[str, Any]  # the values before curation, for showing what was corrected
    curations: list[Curation] = field(default_factory=list)


def get_agreement(connection: Connection, agreement_id: str) -> AgreementDetail | None:
    """One agreement with its timeline (oldest first), evidence and sources, and its curations."""
    row = connection.execute(select(agreements).where(agreements.c.id == agreement_id)).one_or_none()
    if row is None:
        return None
    query = (
        select(
            agreement_events,
            articles.c.id.label("article_id"),
            articles.c.title.label("article_title"),
            articles.c.url.label("article_url"),
            articles.c.published.label("article_published"),
            sources.c.name.label("source_name"),
        )
        .join(articles, articles.c.pk == agreement_events.c.article_pk)
        .outerjoin(sources, sources.c.pk == articles.c.source_pk)
        .where(agreement_events.c.agreement_pk == row.pk)
        .order_by(agreement_events.c.sort_date, agreement_events.c.key)
    )
    raw = connection.execute(query).all()
    events = [
        TimelineEvent(
            report_key=e.key, date=e.date, sort_date=e.sort_date, status=e.status, name=e.name, kind=e.kind,
            evidence=e.evidence, evidence_start=e.evidence_start, evidence_end=e.evidence_end,
            extractor_version=e.extractor_version, article_id=e.article_id, article_title=e.article_title,
            article_url=e.article_url, published=e.article_published, source=e.source_name,
        )
        for e in raw
    ]  # fmt: skip
    log = [
        curation_from_row(c)
        for c in connection.execute(
            select(curations)
            .where(curations.c.target_kind == "agreement", curations.c.target_id == agreement_id)
            .order_by(curations.c.pk)
        )
    ]
    return AgreementDetail(_agreement_row(row), events, extracted_values(list(raw)) if raw else {}, log)


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: str
    name: str
    role: str | None
    country: str | None
    role_date: str | None
    reports: int


def list_people(
    connection: Connection,
    *,
    name: str | None = None,
    country: str | None = None,
    limit: int = DEFAULT_LIMIT,
    after: str | None = None,
) -> Page:
    """People in name order; ``name`` matches the start of any of their name variants."""
    limit = max(1, min(limit, MAX_LIMIT))
    reports = (
        select(func.count())
        .where(person_roles.c.person_pk == entities.c.pk)
        .scalar_subquery()
        .label("reports")
    )
    query = select(entities, reports).where(entities.c.kind == "person")
    if name:
        key = " ".join(fold(name).split())
        query = query.where(
            exists().where(
                entity_aliases.c.entity_pk == entities.c.pk,
                entity_aliases.c.alias >= key,
                entity_aliases.c.alias < key + "~",
            )
        )
    if country:
        query = query.where(entities.c.country == country.upper())
    if after:
        last_name, last_pk = _uncursor(after)
        query = query.where(
            or_(entities.c.name > last_name, and_(entities.c.name == last_name, entities.c.pk > last_pk))
        )
    rows = connection.execute(query.order_by(entities.c.name, entities.c.pk).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    people = [PersonRow(r.id, r.name, r.role, r.country, r.role_date, r.reports) for r in rows]
    return Page(people, _cursor([rows[-1].name, rows[-1].pk]) if more and rows else None)


@dataclass(frozen=True, slots=True)
class RoleReport:
    role: str | None
    country: str | None
    reported: str | None
    name: str
    article_id: str


def person_roles_over_time(connection: Connection, person_id: str) -> list[RoleReport]:
    """Every office reported for a person, oldest report first."""
    query = (
        select(person_roles, articles.c.id.label("article_id"))
        .join(entities, entities.c.pk == person_roles.c.person_pk)
        .join(articles, articles.c.pk == person_roles.c.article_pk)
        .where(entities.c.id == person_id)
        .order_by(person_roles.c.reported, articles.c.id)
    )
    return [
        RoleReport(r.role, r.country, r.reported, r.name, r.article_id) for r in connection.execute(query)
    ]


@dataclass(frozen=True, slots=True)
class MeetingRow:
    id: str
    kind: str
    date: str | None
    place: str | None
    countries: tuple[str, ...]
    participants: tuple[str, ...]
    evidence: str
    article_id: str


def list_meetings(
    connection: Connection,
    *,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = DEFAULT_LIMIT,
    after: str | None = None,
) -> Page:
    """Meetings, latest first."""
    limit = max(1, min(limit, MAX_LIMIT))
    query = select(meetings, articles.c.id.label("article_id")).join(
        articles, articles.c.pk == meetings.c.article_pk
    )
    if country:
        code = country.upper()
        sample = select(meeting_countries.c.meeting_pk).where(meeting_countries.c.code == code).limit(_FEW)
        found = connection.execute(select(func.count()).select_from(sample.subquery())).scalar_one()
        if not found:
            return Page([], None)
        if found < _FEW:
            # A rare side: its meetings are fetched by the side's index and sorted (walking every
            # meeting in date order to find none would read them all).
            query = query.where(
                meetings.c.pk.in_(
                    select(meeting_countries.c.meeting_pk).where(meeting_countries.c.code == code)
                )
            )
        else:
            query = query.where(
                exists().where(
                    meeting_countries.c.meeting_pk == meetings.c.pk, meeting_countries.c.code == code
                )
            )
    if since:
        query = query.where(meetings.c.sort_date >= since)
    if until:
        query = query.where(meetings.c.sort_date <= until + "~")
    if after:
        last_date, last_pk = _uncursor(after)
        query = query.where(
            or_(
                meetings.c.sort_date < last_date,
                and_(meetings.c.sort_date == last_date, meetings.c.pk < last_pk),
            )
        )
    rows = connection.execute(
        query.order_by(meetings.c.sort_date.desc(), meetings.c.pk.desc()).limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    names: dict[int, list[str]] = {r.pk: [] for r in rows}
    if names:
        for meeting_pk, name in connection.execute(
            select(
                meeting_participants.c.meeting_pk, func.coalesce(entities.c.name, meeting_participants.c.name)
            )
            .outerjoin(entities, entities.c.pk == meeting_participants.c.person_pk)
            .where(meeting_participants.c.meeting_pk.in_(list(names)))
            .order_by(meeting_participants.c.pk)
        ):
            names[meeting_pk].append(name)
    result = [
        MeetingRow(
            r.id,
            r.kind,
            r.date,
            r.place,
            tuple(orjson.loads(r.countries)),
            tuple(names[r.pk]),
            r.evidence,
            r.article_id,
        )
        for r in rows
    ]
    return Page(result, _cursor([rows[-1].sort_date, rows[-1].pk]) if more and rows else None)


def counts(connection: Connection) -> dict[str, int]:
    """Row counts of the main tables (for summaries and tests)."""
    tables = {
        "articles": articles, "agreements": agreements, "agreement_events": agreement_events,
        "meetings": meetings, "people": entities, "curations": curations,
    }  # fmt: skip
    result: dict[str, int] = {}
    for name, table in tables.items():
        query = select(func.count()).select_from(table)
        if table is entities:
            query = query.where(entities.c.kind == "person")
        result[name] = int(connection.execute(query).scalar_one())
    return result


def get_person(connection: Connection, person_id: str) -> PersonRow | None:
    """One person with the latest office reported (see ``person_roles_over_time`` for the rest)."""
    reports = (
        select(func.count())
        .where(person_roles.c.person_pk == entities.c.pk)
        .scalar_subquery()
        .label("reports")
    )
    row = connection.execute(
        select(entities, reports).where(entities.c.id == person_id, entities.c.kind == "person")
    ).one_or_none()
    return (
        None
        if row is None
        else PersonRow(row.id, row.name, row.role, row.country, row.role_date, row.reports)
    )


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of an article's text as given that extraction said something about.

    ``kind`` is a mention kind (country, organisation, person, date, ...), ``evidence``
    (an agreement report's sentence), ``meeting`` (a meeting's sentence) or ``removed``
    (cut by cleaning: a teaser, a byline). ``target`` is what it points at, when anything.
    """

    start: int
    end: int
    kind: str
    label: str
    target: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    id: str
    title: str | None
    url: str | None
    published: str | None
    language: str
    source: str | None
    text: str  # the article as given: every offset below points into it
    marks: list[Mark]
    reports: list[tuple[str | None, str, str, int, int]]  # (agreement id, status, evidence, start, end)
    extractor_version: str


def _near(text_: str, needle: str, estimate: int) -> int:
    """The start of the occurrence of ``needle`` in ``text_`` nearest to ``estimate``, or -1."""
    best, start = -1, text_.find(needle)
    while start >= 0:
        if best < 0 or abs(start - estimate) < abs(best - estimate):
            best = start
        if start > estimate:
            break
        start = text_.find(needle, start + 1)
    return best


def get_article(connection: Connection, article_id: str) -> ArticleDetail | None:
    """One article as given, with every extraction marked on it.

    Evidence offsets point into the text as given; mention offsets point into the
    cleaned text, so each mention is placed at its nearest occurrence in the text as
    given after shifting by what cleaning removed before it.
    """
    row = connection.execute(
        select(articles, sources.c.name.label("source_name"))
        .outerjoin(sources, sources.c.pk == articles.c.source_pk)
        .where(articles.c.id == article_id)
    ).one_or_none()
    if row is None:
        return None
    source_text: str = row.source_text
    removed = sorted(orjson.loads(row.removed))
    marks = [Mark(int(s), int(e), "removed", str(k)) for s, e, k, _t in removed]
    for m in connection.execute(
        select(
            mentions.c.start, mentions.c.end, mentions.c.kind, mentions.c.text, mentions.c.key, entities.c.id
        )
        .outerjoin(entities, entities.c.pk == mentions.c.entity_pk)
        .where(mentions.c.article_pk == row.pk)
        .order_by(mentions.c.start)
    ):
        estimate = m.start
        for s, e, *_ in removed:
            if s <= estimate:
                estimate += e - s
        start = _near(source_text, m.text, estimate)
        if start >= 0:
            marks.append(Mark(start, start + len(m.text), m.kind, m.key or m.text, m.id))
    reports = []
    for e in connection.execute(
        select(agreement_events, agreements.c.id.label("agreement_id"))
        .outerjoin(agreements, agreements.c.pk == agreement_events.c.agreement_pk)
        .where(agreement_events.c.article_pk == row.pk)
        .order_by(agreement_events.c.item)
    ):
        reports.append((e.agreement_id, e.status, e.evidence, e.evidence_start, e.evidence_end))
        marks.append(Mark(e.evidence_start, e.evidence_end, "evidence", e.status, e.agreement_id))
    for mt in connection.execute(
        select(meetings.c.id, meetings.c.kind, meetings.c.evidence_start, meetings.c.evidence_end).where(
            meetings.c.article_pk == row.pk
        )
    ):
        marks.append(Mark(mt.evidence_start, mt.evidence_end, "meeting", mt.kind, mt.id))
    marks = [m for m in marks if 0 <= m.start < m.end <= len(source_text)]
    marks.sort(key=lambda m: (m.start, -m.end, m.kind))
    return ArticleDetail(
        id=row.id, title=row.title, url=row.url, published=row.published, language=row.language,
        source=row.source_name, text=source_text, marks=marks, reports=reports,
        extractor_version=row.extractor_version,
    )  # fmt: skip


def get_meeting(connection: Connection, meeting_id: str) -> MeetingRow | None:
    """One meeting (with its participants)."""
    pk = connection.execute(select(meetings.c.pk).where(meetings.c.id == meeting_id)).scalar_one_or_none()
    if pk is None:
        return None
    row = connection.execute(
        select(meetings, articles.c.id.label("article_id"))
        .join(articles, articles.c.pk == meetings.c.article_pk)
        .where(meetings.c.pk == pk)
    ).one()
    names = connection.execute(
        select(func.coalesce(entities.c.name, meeting_participants.c.name))
        .outerjoin(entities, entities.c.pk == meeting_participants.c.person_pk)
        .where(meeting_participants.c.meeting_pk == pk)
        .order_by(meeting_participants.c.pk)
    ).scalars()
    return MeetingRow(
        row.id, row.kind, row.date, row.place, tuple(orjson.loads(row.countries)), tuple(names),
        row.evidence, row.article_id,
    )  # fmt: skip

"""What goes into a partner's brief, read through the query layer.

Agreements by stage with their dates, what moved since ``since`` (default: six months
back), what is stalled, recent and upcoming meetings, and the partner's officials; each
item carries its source (the article of its latest report). Lists are capped so the
brief stays within three pages; the brief says how many more the registry holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection

from sepakat.models import AGREEMENT_STATUSES
from sepakat.store import overview, queries

PER_STAGE = 5
MOVED = 6
STALLED_MONTHS = 6
MEETINGS = 4
OFFICIALS = 10


@dataclass(frozen=True, slots=True)
class Source:
    article_id: str
    title: str | None
    url: str | None
    published: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class BriefAgreement:
    id: str
    name: str | None
    kind: str
    status: str
    status_date: str | None
    last_date: str
    parties: tuple[str, ...]
    evidence: str | None  # the latest report's sentence
    source: Source | None


@dataclass(frozen=True, slots=True)
class BriefMeeting:
    id: str
    kind: str
    date: str | None
    place: str | None
    participants: tuple[str, ...]
    evidence: str
    article_id: str


@dataclass(frozen=True, slots=True)
class BriefOfficial:
    id: str
    name: str
    role: str | None
    role_date: str | None


@dataclass(frozen=True, slots=True)
class Brief:
    code: str
    today: str
    since: str
    stalled_months: int
    by_stage: dict[str, list[BriefAgreement]]
    stage_counts: dict[str, int]
    moved: list[BriefAgreement]
    stalled: list[BriefAgreement]
    upcoming: list[BriefMeeting]
    recent_meetings: list[BriefMeeting]
    officials: list[BriefOfficial]


def _agreement(connection: Connection, row: queries.AgreementRow) -> BriefAgreement:
    detail = queries.get_agreement(connection, row.id)
    latest = detail.events[-1] if detail and detail.events else None
    source = (
        Source(latest.article_id, latest.article_title, latest.article_url, latest.published, latest.source)
        if latest
        else None
    )
    return BriefAgreement(
        row.id,
        row.name,
        row.kind,
        row.status,
        row.status_date,
        row.last_date,
        row.parties,
        latest.evidence if latest else None,
        source,
    )


def _meeting(m: queries.MeetingRow) -> BriefMeeting:
    return BriefMeeting(m.id, m.kind, m.date, m.place, m.participants, m.evidence, m.article_id)


def build_brief(connection: Connection, code: str, *, today: date, since: str | None = None) -> Brief:
    """The brief on partner ``code`` (ISO alpha-3 or bloc) as of ``today``."""
    code = code.upper()
    since = since or overview.months_before(today, 6).isoformat()
    stage_counts = overview.counts_by_status(connection, code)
    by_stage: dict[str, list[BriefAgreement]] = {}
    for status in AGREEMENT_STATUSES:
        if stage_counts[status]:
            rows = queries.list_agreements(
                connection, queries.AgreementFilter(country=code, status=status), limit=PER_STAGE
            ).rows
            by_stage[status] = [_agreement(connection, r) for r in rows]
    moved_rows = queries.list_agreements(
        connection, queries.AgreementFilter(country=code, since=since), limit=MOVED
    ).rows
    stalled_rows = overview.stalled(connection, today, STALLED_MONTHS, country=code, limit=MOVED)
    day = today.isoformat()
    meetings = queries.list_meetings(connection, country=code, limit=100).rows
    upcoming = sorted((m for m in meetings if (m.date or "") > day), key=lambda m: m.date or "")[:MEETINGS]
    recent = [m for m in meetings if (m.date or "") <= day][:MEETINGS]
    people = queries.list_people(connection, country=code, limit=200).rows
    people = sorted(people, key=lambda p: (-(p.reports or 0), p.name))[:OFFICIALS]
    return Brief(
        code=code,
        today=day,
        since=since,
        stalled_months=STALLED_MONTHS,
        by_stage=by_stage,
        stage_counts=stage_counts,
        moved=[_agreement(connection, r) for r in moved_rows],
        stalled=[_agreement(connection, r) for r in stalled_rows],
        upcoming=[_meeting(m) for m in upcoming],
        recent_meetings=[_meeting(m) for m in recent],
        officials=[BriefOfficial(p.id, p.name, p.role, p.role_date) for p in people],
    )

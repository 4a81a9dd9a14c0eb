"""Summaries of the registry for the dashboard, the charts, the graph and the change pages.

Part of the one query layer (with ``queries``): the API, the pages and the brief read
these functions, never the tables. Counts run over the agreements' own indexes; lists are
capped, because a page shows the top of a summary and links to the full listing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import orjson
from sqlalchemy import Connection, false, func, or_, select

from sepakat.models import AGREEMENT_STATUSES
from sepakat.store.queries import AgreementRow, _agreement_row
from sepakat.store.tables import (
    agreement_countries,
    agreement_sectors,
    agreements,
    entities,
    meeting_countries,
    meeting_participants,
    meetings,
)

HOME = "IDN"  # the registry's own country: every agreement has it, so it is nobody's partner
# Stages after which silence is not a stall: the agreement is being carried out, or over.
OPEN_STATUSES = ("proposed", "negotiating", "agreed", "signed", "ratified")
LIST_CAP = 20


def months_before(day: date, months: int) -> date:
    """The same day ``months`` months earlier (the 28th at most, so every month has it)."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, min(day.day, 28))


@dataclass(frozen=True, slots=True)
class Dashboard:
    today: str
    by_status: dict[str, int]
    by_partner: list[tuple[str, int]]  # most agreements first
    recent: list[AgreementRow]  # activity dated within ``recent_days`` of today
    recent_days: int
    stalled: list[AgreementRow]  # open stage, no report for ``stalled_months``
    stalled_months: int
    stalled_since: str


def _live() -> Any:
    return agreements.c.rejected == false()


def counts_by_status(connection: Connection, country: str | None = None) -> dict[str, int]:
    """Agreements per current stage (every stage present, zero when none), optionally of one partner."""
    query = select(agreements.c.status, func.count()).where(_live())
    if country:
        query = query.join(agreement_countries, agreement_countries.c.agreement_pk == agreements.c.pk).where(
            agreement_countries.c.code == country.upper()
        )
    found: dict[str, int] = {s: int(n) for s, n in connection.execute(query.group_by(agreements.c.status))}
    return {status: int(found.get(status, 0)) for status in AGREEMENT_STATUSES}


def counts_by_partner(connection: Connection, limit: int = LIST_CAP) -> list[tuple[str, int]]:
    """Partners with the most agreements (the home country left out)."""
    count = func.count().label("n")
    query = (
        select(agreement_countries.c.code, count)
        .join(agreements, agreements.c.pk == agreement_countries.c.agreement_pk)
        .where(_live(), agreement_countries.c.code != HOME)
        .group_by(agreement_countries.c.code)
        .order_by(count.desc(), agreement_countries.c.code)
        .limit(limit)
    )
    return [(code, int(n)) for code, n in connection.execute(query)]


def _rows(connection: Connection, query: Any) -> list[AgreementRow]:
    return [_agreement_row(r) for r in connection.execute(query)]


def stalled(
    connection: Connection, today: date, months: int = 6, *, country: str | None = None, limit: int = LIST_CAP
) -> list[AgreementRow]:
    """Agreements at an open stage with no report dated in the last ``months`` months, latest first."""
    cutoff = months_before(today, months).isoformat()
    query = select(agreements).where(
        _live(), agreements.c.status.in_(OPEN_STATUSES), agreements.c.last_date < cutoff
    )
    if country:
        query = query.join(agreement_countries, agreement_countries.c.agreement_pk == agreements.c.pk).where(
            agreement_countries.c.code == country.upper()
        )
    return _rows(
        connection, query.order_by(agreements.c.last_date.desc(), agreements.c.pk.desc()).limit(limit)
    )


def recent(
    connection: Connection, today: date, days: int = 30, *, country: str | None = None, limit: int = LIST_CAP
) -> list[AgreementRow]:
    """Agreements with a report dated within ``days`` days before ``today``, latest first."""
    since = (today - timedelta(days=days)).isoformat()
    query = select(agreements).where(_live(), agreements.c.last_date >= since)
    if country:
        query = query.join(agreement_countries, agreement_countries.c.agreement_pk == agreements.c.pk).where(
            agreement_countries.c.code == country.upper()
        )
    return _rows(
        connection, query.order_by(agreements.c.last_date.desc(), agreements.c.pk.desc()).limit(limit)
    )


def dashboard(
    connection: Connection, today: date, *, recent_days: int = 30, stalled_months: int = 6
) -> Dashboard:
    """What the front page shows: stages, partners, what moved lately, what is stuck."""
    return Dashboard(
        today=today.isoformat(),
        by_status=counts_by_status(connection),
        by_partner=counts_by_partner(connection),
        recent=recent(connection, today, recent_days),
        recent_days=recent_days,
        stalled=stalled(connection, today, stalled_months),
        stalled_months=stalled_months,
        stalled_since=months_before(today, stalled_months).isoformat(),
    )


@dataclass(frozen=True, slots=True)
class ChartCell:
    partner: str
    status: str
    year: str
    count: int


def agreement_chart(
    connection: Connection, *, partners: int = 12, country: str | None = None
) -> list[ChartCell]:
    """Agreements by partner, current stage and year of first report, for the largest partners."""
    top = [code for code, _ in counts_by_partner(connection, partners)]
    if country:
        top = [country.upper()]
    if not top:
        return []
    year = func.substr(agreements.c.first_date, 1, 4).label("year")
    count = func.count().label("n")
    query = (
        select(agreement_countries.c.code, agreements.c.status, year, count)
        .join(agreements, agreements.c.pk == agreement_countries.c.agreement_pk)
        .where(_live(), agreement_countries.c.code.in_(top))
        .group_by(agreement_countries.c.code, agreements.c.status, year)
    )
    cells = [ChartCell(code, status, y, int(n)) for code, status, y, n in connection.execute(query)]
    rank = {code: i for i, code in enumerate(top)}
    return sorted(cells, key=lambda c: (rank[c.partner], c.year, AGREEMENT_STATUSES.index(c.status)))


@dataclass(frozen=True, slots=True)
class GraphNode:
    id: str
    label: str
    kind: str  # party (a country or organisation) or person
    weight: int


@dataclass(frozen=True, slots=True)
class GraphEdge:
    source: str
    target: str
    kind: str  # agreement (parties of one agreement) or meeting (a person met a country's side)
    weight: int


@dataclass(frozen=True, slots=True)
class Graph:
    nodes: list[GraphNode]
    edges: list[GraphEdge]


def _meeting_edges(
    connection: Connection,
    edges: Counter[tuple[str, str, str]],
    labels: dict[str, tuple[str, str]],
    country: str | None,
    scan: int,
) -> None:
    """Add a person-to-country edge for every side of every meeting the person attended."""
    mq = select(meetings.c.pk).order_by(meetings.c.sort_date.desc()).limit(scan)
    if country:
        mq = mq.where(
            meetings.c.pk.in_(
                select(meeting_countries.c.meeting_pk).where(meeting_countries.c.code == country.upper())
            )
        )
    meeting_pks = list(connection.execute(mq).scalars())
    people: dict[int, list[str]] = defaultdict(list)
    codes: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(meeting_pks), 500):
        chunk = meeting_pks[start : start + 500]
        for mpk, pid, name in connection.execute(
            select(meeting_participants.c.meeting_pk, entities.c.id, entities.c.name)
            .join(entities, entities.c.pk == meeting_participants.c.person_pk)
            .where(meeting_participants.c.meeting_pk.in_(chunk))
        ):
            people[mpk].append(pid)
            labels.setdefault(pid, (name, "person"))
        for mpk, code in connection.execute(
            select(meeting_countries.c.meeting_pk, meeting_countries.c.code).where(
                meeting_countries.c.meeting_pk.in_(chunk)
            )
        ):
            codes[mpk].append(f"c:{code}")
            labels.setdefault(f"c:{code}", (code, "party"))
    for mpk, pids in people.items():
        for pid in pids:
            for code in codes.get(mpk, []):
                edges[(pid, code, "meeting")] += 1


def party_graph(
    connection: Connection, *, country: str | None = None, max_nodes: int = 40, scan: int = 2000
) -> Graph:
    """Parties linked by the agreements they share, and people linked to the countries they met.

    Reads the latest ``scan`` agreements and meetings (of ``country`` when given) and keeps
    the ``max_nodes`` best-connected nodes, so the picture stays readable and cheap.
    """
    edges: Counter[tuple[str, str, str]] = Counter()
    labels: dict[str, tuple[str, str]] = {}
    query = select(agreements.c.countries, agreements.c.parties).where(_live())
    if country:
        query = query.join(agreement_countries, agreement_countries.c.agreement_pk == agreements.c.pk).where(
            agreement_countries.c.code == country.upper()
        )
    query = query.order_by(agreements.c.last_date.desc()).limit(scan)
    for countries_json, parties_json in connection.execute(query):
        sides = [f"c:{c}" for c in orjson.loads(countries_json)] + [
            f"o:{p}" for p in orjson.loads(parties_json)
        ]
        for side in sides:
            labels.setdefault(side, (side[2:], "party"))
        for i, a in enumerate(sides):
            for b in sides[i + 1 :]:
                low, high = min(a, b), max(a, b)
                edges[(low, high, "agreement")] += 1
    _meeting_edges(connection, edges, labels, country, scan)
    degree: Counter[str] = Counter()
    for (a, b, _kind), n in edges.items():
        degree[a] += n
        degree[b] += n
    keep = {node for node, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:max_nodes]}
    nodes = [GraphNode(n, labels[n][0], labels[n][1], degree[n]) for n in sorted(keep)]
    kept = [GraphEdge(a, b, kind, n) for (a, b, kind), n in sorted(edges.items()) if a in keep and b in keep]
    return Graph(nodes, kept)


@dataclass(frozen=True, slots=True)
class Watch:
    """What one user follows: partners (country codes), sectors and agreements (ids)."""

    partners: frozenset[str] = frozenset()
    sectors: frozenset[str] = frozenset()
    agreements: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.partners or self.sectors or self.agreements)


def changed_since(
    connection: Connection, since: str | None, watch: Watch | None = None, *, limit: int = 200
) -> list[AgreementRow]:
    """Agreements whose record changed after ``since`` (an ISO timestamp; None: ever), most recent
    change first; with ``watch``, only those it follows."""
    query = select(agreements).where(_live())
    if since:
        query = query.where(agreements.c.updated_at > since)
    if watch is not None and not watch.empty:
        followed: list[Any] = []
        if watch.agreements:
            followed.append(agreements.c.id.in_(sorted(watch.agreements)))
        if watch.partners:
            followed.append(
                agreements.c.pk.in_(
                    select(agreement_countries.c.agreement_pk).where(
                        agreement_countries.c.code.in_(sorted(watch.partners))
                    )
                )
            )
        if watch.sectors:
            followed.append(
                agreements.c.pk.in_(
                    select(agreement_sectors.c.agreement_pk).where(
                        agreement_sectors.c.sector.in_(sorted(watch.sectors))
                    )
                )
            )
        query = query.where(or_(*followed))
    elif watch is not None:
        return []
    query = query.order_by(agreements.c.updated_at.desc(), agreements.c.pk.desc()).limit(limit)
    return _rows(connection, query)


def known_partners(connection: Connection, codes: Collection[str]) -> set[str]:
    """Which of ``codes`` appear as a party of some agreement or meeting."""
    wanted = sorted({c.upper() for c in codes})
    if not wanted:
        return set()
    found = set(
        connection.execute(
            select(agreement_countries.c.code).where(agreement_countries.c.code.in_(wanted)).distinct()
        ).scalars()
    )
    found |= set(
        connection.execute(
            select(meeting_countries.c.code).where(meeting_countries.c.code.in_(wanted)).distinct()
        ).scalars()
    )
    return found

"""Keeping agreements in step with their reports: regroup what a batch touched, refresh rows.

``recluster`` regroups the reports a change touched. It starts from the new (or
changed) reports, adds every stored report they would merge with and the whole agreement
each of those belongs to, and the reports named by merges and splits in force; it then
clusters that set from scratch with ``resolve.agreements.cluster``. Where the new
grouping releases a report from its old companions, that report's own neighbours join the
set and the clustering runs again, until nothing moves. So the grouping of every
connected set of reports is the clustering of that whole set, which depends on the
set and not on the order of arrival (docs/registry.md says where this stops being exact).

Ids: a group keeps the id an analyst pinned on it (merge survivor, split part), else the
id most of its reports already had, else a new id hashed from its first report key.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import orjson
from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from sepakat.models import AGREEMENT_STATUSES
from sepakat.resolve.agreements import (
    ReportFeatures,
    blocking_keys,
    cluster,
    compare,
    name_features,
    party_key,
)
from sepakat.store.curation_log import (
    curations_for,
    grouping_curations,
    links_and_pins,
    report_keys_of,
)
from sepakat.store.tables import (
    agreement_countries,
    agreement_events,
    agreement_parties,
    agreement_sectors,
    agreements,
    articles,
    report_keys,
)

log = logging.getLogger(__name__)

MAX_ROUNDS = 8
# A blocking key shared by more reports than this is compared with the most recent only.
MAX_BLOCK = 2000


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


def chunks(items: Collection[Any], size: int = 500) -> Iterable[list[Any]]:
    ordered = sorted(items)
    for i in range(0, len(ordered), size):
        yield ordered[i : i + size]


@dataclass(frozen=True, slots=True)
class StoredReport:
    pk: int
    agreement_pk: int | None
    features: ReportFeatures


@lru_cache(maxsize=65536)
def _cached_name(name: str | None) -> tuple[frozenset[str], frozenset[str], frozenset[str], bool]:
    return name_features(name)


def _features(row: Any) -> ReportFeatures:
    tokens, acronyms, years, successor = _cached_name(row.name)
    return ReportFeatures(
        key=row.key,
        article=row.article_id,
        tokens=tokens,
        acronyms=acronyms,
        years=years,
        successor=successor,
        named=bool(tokens or acronyms),
        kind=row.kind,
        status=row.status,
        countries=frozenset(orjson.loads(row.countries)),
        sectors=frozenset(orjson.loads(row.sectors)),
        parties=frozenset(p for p in (party_key(p) for p in orjson.loads(row.parties)) if p),
        sort_date=row.sort_date,
    )


_REPORT_COLUMNS = (
    agreement_events.c.pk,
    agreement_events.c.key,
    agreement_events.c.agreement_pk,
    agreement_events.c.name,
    agreement_events.c.kind,
    agreement_events.c.status,
    agreement_events.c.sort_date,
    agreement_events.c.countries,
    agreement_events.c.sectors,
    agreement_events.c.parties,
    articles.c.id.label("article_id"),
)


def _load(connection: Connection, column: Any, values: Collection[Any]) -> dict[int, StoredReport]:
    found: dict[int, StoredReport] = {}
    for chunk in chunks(values):
        query = (
            select(*_REPORT_COLUMNS)
            .join(articles, articles.c.pk == agreement_events.c.article_pk)
            .where(column.in_(chunk))
        )
        for row in connection.execute(query):
            found[row.pk] = StoredReport(row.pk, row.agreement_pk, _features(row))
    return found


def report_features_by_pk(connection: Connection, pks: Collection[int]) -> dict[int, StoredReport]:
    return _load(connection, agreement_events.c.pk, pks)


def _members(connection: Connection, agreement_pks: Collection[int]) -> set[int]:
    found: set[int] = set()
    for chunk in chunks(agreement_pks):
        found.update(
            connection.execute(
                select(agreement_events.c.pk).where(agreement_events.c.agreement_pk.in_(chunk))
            ).scalars()
        )
    return found


def _neighbours(connection: Connection, reports: list[StoredReport]) -> set[int]:
    """Stored reports that would merge with any of ``reports`` (sharing a blocking key first)."""
    wanted: dict[str, list[StoredReport]] = defaultdict(list)
    for report in reports:
        for key in blocking_keys(report.features):
            wanted[key].append(report)
    candidates: dict[int, set[str]] = defaultdict(set)
    for key in sorted(wanted):
        query = (
            select(report_keys.c.event_pk)
            .where(report_keys.c.key == key)
            .order_by(report_keys.c.event_pk.desc())
            .limit(MAX_BLOCK)
        )
        for pk in connection.execute(query).scalars():
            candidates[pk].add(key)
    own = {r.pk for r in reports}
    loaded = report_features_by_pk(connection, candidates.keys() - own)
    found: set[int] = set()
    for pk, other in loaded.items():
        for report in {r.pk: r for key in candidates[pk] for r in wanted[key]}.values():
            if compare(report.features, other.features).merge:
                found.add(pk)
                break
    return found


@dataclass
class ReclusterResult:
    new_ids: set[str]
    changed_ids: set[str]
    removed_ids: set[str]


def recluster(
    connection: Connection, seeds: Collection[int], stale_agreements: Collection[int] = ()
) -> ReclusterResult:
    """Regroup the reports ``seeds`` touch; ``stale_agreements`` lost reports and are regrouped too."""
    reports = report_features_by_pk(connection, set(seeds) | _members(connection, stale_agreements))
    expanded: set[int] = set()
    to_expand = {pk for pk in seeds if pk in reports}
    groups: list[list[str]] = []
    links: dict[tuple[str, str], int] = {}
    pins: dict[str, str] = {}
    for _ in range(MAX_ROUNDS):
        batch = [reports[pk] for pk in sorted(to_expand - expanded)]
        expanded.update(r.pk for r in batch)
        more = _neighbours(connection, batch) - reports.keys()
        reports.update(report_features_by_pk(connection, more))
        _close(connection, reports)
        groupings = grouping_curations(connection, {r.features.key for r in reports.values()})
        links, pins = links_and_pins(groupings)
        groups = cluster([r.features for r in reports.values()], links)
        to_expand = _released(reports, groups) - expanded
        if not to_expand:
            break
    else:
        log.warning("regrouping did not settle after %d rounds; kept the last grouping", MAX_ROUNDS)
    return _write_groups(connection, reports, groups, pins, set(stale_agreements))


def _close(connection: Connection, reports: dict[int, StoredReport]) -> None:
    """Add every member of every agreement touched, and every report a grouping curation names."""
    while True:
        before = len(reports)
        agreement_pks = {r.agreement_pk for r in reports.values() if r.agreement_pk is not None}
        reports.update(
            report_features_by_pk(connection, _members(connection, agreement_pks) - reports.keys())
        )
        keys = {r.features.key for r in reports.values()}
        named: set[str] = set()
        for curation in grouping_curations(connection, keys):
            named |= report_keys_of(curation)
        if named - keys:
            reports.update(_load(connection, agreement_events.c.key, named - keys))
        if len(reports) == before:
            return


def _released(reports: dict[int, StoredReport], groups: list[list[str]]) -> set[int]:
    """Reports separated from a stored companion by the new grouping."""
    group_of = {key: i for i, group in enumerate(groups) for key in group}
    by_agreement: dict[int, list[StoredReport]] = defaultdict(list)
    for report in reports.values():
        if report.agreement_pk is not None:
            by_agreement[report.agreement_pk].append(report)
    released: set[int] = set()
    for members in by_agreement.values():
        if len({group_of[m.features.key] for m in members}) > 1:
            released.update(m.pk for m in members)
    return released


def new_agreement_id(first_key: str, taken: set[str]) -> str:
    for attempt in range(100):
        seed = first_key if attempt == 0 else f"{first_key}#{attempt}"
        candidate = "agr-" + hashlib.sha1(seed.encode()).hexdigest()[:12]
        if candidate not in taken:
            return candidate
    raise RuntimeError(f"no free agreement id for {first_key}")


def _write_groups(
    connection: Connection,
    reports: dict[int, StoredReport],
    groups: list[list[str]],
    pins: dict[str, str],
    stale: set[int],
) -> ReclusterResult:
    by_key = {r.features.key: r for r in reports.values()}
    old_pks = {r.agreement_pk for r in reports.values() if r.agreement_pk is not None} | stale
    old_ids: dict[int, str] = {}
    for chunk in chunks(old_pks):
        query = select(agreements.c.pk, agreements.c.id).where(agreements.c.pk.in_(chunk))
        old_ids.update((pk, aid) for pk, aid in connection.execute(query))
    id_to_pk = {v: k for k, v in old_ids.items()}
    taken: set[str] = set()
    chosen: list[tuple[list[str], str]] = []
    # Larger groups choose first, then by first key: deterministic for a given grouping.
    for group in sorted(groups, key=lambda g: (-len(g), g[0])):
        pinned = [pins[k] for k in group if k in pins and pins[k] not in taken]
        previous = Counter(
            old_ids[by_key[k].agreement_pk]  # type: ignore[index]
            for k in group
            if by_key[k].agreement_pk in old_ids and old_ids[by_key[k].agreement_pk] not in taken  # type: ignore[index]
        )
        if pinned:
            agreement_id = Counter(pinned).most_common(1)[0][0]
        elif previous:
            # Most reports decide; on a tie the older agreement keeps its id.
            agreement_id = min(previous, key=lambda i: (-previous[i], id_to_pk[i]))
        else:
            agreement_id = _unused_id(connection, group[0], taken | set(old_ids.values()))
        taken.add(agreement_id)
        chosen.append((group, agreement_id))
    result = ReclusterResult(set(), set(), set())
    stamp = now()
    touched: set[int] = set()
    for group, agreement_id in chosen:
        pk = id_to_pk.get(agreement_id) or _pk_of(connection, agreement_id)
        if pk is None:
            pk = _insert_placeholder(connection, agreement_id, stamp)
            result.new_ids.add(agreement_id)
        elif any(by_key[k].agreement_pk != pk for k in group):
            result.changed_ids.add(agreement_id)
        moves = [{"event": by_key[k].pk, "agreement": pk} for k in group if by_key[k].agreement_pk != pk]
        if moves:
            connection.execute(
                update(agreement_events)
                .where(agreement_events.c.pk == bindparam("event"))
                .values(agreement_pk=bindparam("agreement")),
                moves,
            )
        touched.add(pk)
    emptied = old_pks - touched
    for pk in sorted(emptied):
        if connection.execute(
            select(func.count()).select_from(agreement_events).where(agreement_events.c.agreement_pk == pk)
        ).scalar_one():
            touched.add(pk)
            continue
        result.removed_ids.add(old_ids.get(pk, str(pk)))
        connection.execute(delete(agreements).where(agreements.c.pk == pk))
    refresh_agreements(connection, touched)
    return result


def _pk_of(connection: Connection, agreement_id: str) -> int | None:
    return connection.execute(
        select(agreements.c.pk).where(agreements.c.id == agreement_id)
    ).scalar_one_or_none()


def _unused_id(connection: Connection, first_key: str, taken: set[str]) -> str:
    while True:
        candidate = new_agreement_id(first_key, taken)
        if _pk_of(connection, candidate) is None:
            return candidate
        taken.add(candidate)


def _insert_placeholder(connection: Connection, agreement_id: str, stamp: str) -> int:
    row = {
        "id": agreement_id, "name": None, "kind": "other", "status": "proposed", "status_date": None,
        "first_date": "", "last_date": "", "countries": "[]", "sectors": "[]", "parties": "[]",
        "report_count": 0, "rejected": False, "curated": "[]", "updated_at": stamp,
    }  # fmt: skip
    return int(connection.execute(insert(agreements).values(**row).returning(agreements.c.pk)).scalar_one())


STATUS_RANK = {status: i for i, status in enumerate(AGREEMENT_STATUSES)}
CURATABLE_AGREEMENT_FIELDS = ("name", "kind", "status", "status_date", "countries", "sectors", "parties")


def extracted_values(events: list[Any]) -> dict[str, Any]:
    """An agreement's fields as its reports give them, before any curation."""
    names = Counter(e.name for e in events if e.name)
    kinds = Counter(e.kind for e in events)
    # The current stage is that of the latest-dated report; on a tie the most advanced.
    latest = max(events, key=lambda e: (e.sort_date, STATUS_RANK.get(e.status, -1), e.key))
    country_votes: Counter[str] = Counter()
    sectors: set[str] = set()
    parties: dict[str, str] = {}
    for e in events:
        country_votes.update(set(orjson.loads(e.countries)))
        sectors.update(orjson.loads(e.sectors))
        for party in orjson.loads(e.parties):
            parties.setdefault(party_key(party) or party, party)
    first_report = min(events, key=lambda e: (e.sort_date, e.key))
    return {
        # The name most reports give; on a tie a title ("Indonesia-EU CEPA") before a noun
        # and an acronym ("perjanjian IEU-CEPA"), then the shortest (run-on names are long).
        "name": min(names, key=lambda n: (-names[n], not n[:1].isupper(), len(n), n)) if names else None,
        "kind": min(kinds, key=lambda k: (-kinds[k], k)),
        "status": latest.status,
        "status_date": latest.date,
        # A country named by at least half the reports: one article's stray country
        # (a partner of another deal in the same story) does not become a party.
        "countries": sorted(c for c, n in country_votes.items() if 2 * n >= len(events)),
        "sectors": sorted(sectors),
        "parties": sorted(parties.values()),
        "first_date": first_report.sort_date,
        "last_date": latest.sort_date,
        "report_count": len(events),
    }


def refresh_agreements(connection: Connection, pks: Collection[int]) -> None:
    """Recompute agreement rows from their reports, then apply the curations in force."""
    if not pks:
        return
    events_by: dict[int, list[Any]] = defaultdict(list)
    for chunk in chunks(pks):
        query = select(agreement_events).where(agreement_events.c.agreement_pk.in_(chunk))
        for row in connection.execute(query):
            events_by[row.agreement_pk].append(row)
    ids: dict[int, str] = {}
    for chunk in chunks(pks):
        query = select(agreements.c.pk, agreements.c.id).where(agreements.c.pk.in_(chunk))
        ids.update((pk, aid) for pk, aid in connection.execute(query))
    curated_by: dict[str, list[Any]] = defaultdict(list)
    for curation in curations_for(connection, "agreement", list(ids.values())):
        curated_by[curation.target_id].append(curation)
    stamp = now()
    rows: list[dict[str, Any]] = []
    for pk in sorted(pks):
        events = events_by.get(pk)
        if not events or pk not in ids:
            continue
        values = extracted_values(events)
        curated: list[str] = []
        rejected = False
        for curation in curated_by.get(ids[pk], []):
            if curation.action == "reject":
                rejected = bool(curation.value if curation.value is not None else True)
            elif curation.field in CURATABLE_AGREEMENT_FIELDS:
                values[curation.field] = curation.value
                curated.append(curation.field)
        rows.append(
            {
                "b_pk": pk,
                **{f"b_{k}": v for k, v in values.items() if k not in ("countries", "sectors", "parties")},
                "b_countries": dumps(values["countries"]),
                "b_sectors": dumps(values["sectors"]),
                "b_parties": dumps(values["parties"]),
                "b_rejected": rejected,
                "b_curated": dumps(sorted(set(curated))),
                "b_updated_at": stamp,
                "_countries": values["countries"],
                "_sectors": values["sectors"],
                "_parties": values["parties"],
            }
        )
    if not rows:
        return
    columns = [c for c in rows[0] if c.startswith("b_") and c != "b_pk"]
    connection.execute(
        update(agreements)
        .where(agreements.c.pk == bindparam("b_pk"))
        .values({c[2:]: bindparam(c) for c in columns}),
        [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows],
    )
    _write_links(connection, rows)


def _write_links(connection: Connection, rows: list[dict[str, Any]]) -> None:
    pks = [r["b_pk"] for r in rows]
    for table in (agreement_countries, agreement_sectors, agreement_parties):
        for chunk in chunks(pks):
            connection.execute(delete(table).where(table.c.agreement_pk.in_(chunk)))
    countries = [
        {"agreement_pk": r["b_pk"], "code": c, "last_date": r["b_last_date"]}
        for r in rows
        for c in r["_countries"]
    ]
    sectors = [
        {"agreement_pk": r["b_pk"], "sector": s, "last_date": r["b_last_date"]}
        for r in rows
        for s in r["_sectors"]
    ]
    parties = {
        (r["b_pk"], key): {"agreement_pk": r["b_pk"], "party_key": key, "last_date": r["b_last_date"]}
        for r in rows
        for p in r["_parties"]
        if (key := party_key(p)[:300])
    }
    for table, values in ((agreement_countries, countries), (agreement_sectors, sectors)):
        if values:
            connection.execute(insert(table), values)
    if parties:
        connection.execute(insert(agreement_parties), list(parties.values()))

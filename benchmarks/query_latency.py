"""Query latency of the agreement listing (with filters, first and later pages) and of `show`,
on a registry scaled up to a million articles by the generator below.

    .venv/bin/python benchmarks/query_latency.py [--articles 1000000] [--db /tmp/sepakat-1m.db] [--runs 200]

The generator writes rows straight into a migrated registry (bulk inserts, the same
schema and triggers as ingest): articles of our own short writing, a pool of one
agreement per ten articles with one to three reports each, countries, sectors and
parties drawn with a skew (a few partners and sectors are common, most rare), people and
meetings. The file is kept and reused when it already holds the requested size. The
timings go through the query layer (``sepakat.store.queries``), as the CLI and the API
call it; p50/p95 in milliseconds, goal p95 < 50 ms on SQLite.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, func, insert, select, text

from sepakat.models import AGREEMENT_STATUSES, SECTORS
from sepakat.store.engine import (
    current_revision,
    head_revision,
    make_engine,
    open_registry,
    resolve_url,
    upgrade,
)
from sepakat.store.queries import AgreementFilter, get_agreement, list_agreements, list_meetings, list_people
from sepakat.store.tables import (
    agreement_countries,
    agreement_events,
    agreement_parties,
    agreement_sectors,
    agreements,
    articles,
    entities,
    meeting_countries,
    meetings,
    person_roles,
    sources,
)

PARTNERS = [
    "RUS",
    "CHN",
    "USA",
    "JPN",
    "KOR",
    "AUS",
    "SGP",
    "MYS",
    "IND",
    "DEU",
    "FRA",
    "GBR",
    "NLD",
    "TUR",
    "SAU",
    "ARE",
    "EU",
    "ASEAN",
    "EAEU",
    "BRA",
    "EGY",
    "VNM",
    "THA",
    "PHL",
    "CAN",
    "ITA",
    "ESP",
    "POL",
    "CZE",
    "HUN",
    "QAT",
    "KWT",
    "PAK",
    "BGD",
    "NZL",
    "MEX",
    "ZAF",
    "NGA",
    "KEN",
    "ETH",
]
PARTIES = [f"Kementerian Contoh {i}" for i in range(40)] + [f"PT Mitra Usaha {i} Tbk" for i in range(400)]
BATCH = 20_000


def _skewed(rng: random.Random, items: list[Any]) -> Any:
    # Zipf-like: the first items are common, the tail rare.
    return items[min(len(items) - 1, int(rng.paretovariate(1.2)) - 1)]


def _date(rng: random.Random) -> str:
    return f"{rng.randint(2016, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def generate(engine: Engine, n_articles: int, seed: int = 1) -> None:
    """Fill an empty registry with ``n_articles`` articles and what they report."""
    rng = random.Random(seed)
    shape = _generate_agreements(engine, rng, max(1, n_articles // 10), seed)
    _generate_articles(engine, rng, n_articles, shape, seed)
    _finish(engine)


Shape = list[tuple[str, list[str], list[str], list[str], str]]


def _generate_agreements(engine: Engine, rng: random.Random, n_agreements: int, seed: int) -> Shape:
    """Agreements and their filter rows; returns their (status, countries, sectors, parties, last date)."""
    stamp = "2026-01-01T00:00:00Z"
    with engine.begin() as connection:
        connection.execute(insert(sources), [{"name": f"news{i}.example.id"} for i in range(50)])
    # Agreements first, so that events and link tables can point at them.
    shape: Shape = []
    rows: list[dict[str, Any]] = []
    for i in range(n_agreements):
        partner = _skewed(rng, PARTNERS)
        countries = sorted({"IDN", partner})
        sectors = sorted({_skewed(rng, list(SECTORS)) for _ in range(rng.randint(1, 2))})
        parties = sorted({_skewed(rng, PARTIES) for _ in range(rng.randint(0, 2))})
        status = rng.choice(AGREEMENT_STATUSES)
        first, last = sorted((_date(rng), _date(rng)))
        shape.append((status, countries, sectors, parties, last))
        rows.append(
            {
                "id": "agr-" + hashlib.sha1(f"gen{seed}-{i}".encode()).hexdigest()[:12],
                "name": f"MoU on Cooperation in the Field of {sectors[0].title()} no. {i}",
                "kind": "mou",
                "status": status,
                "status_date": last,
                "first_date": first,
                "last_date": last,
                "countries": orjson.dumps(countries).decode(),
                "sectors": orjson.dumps(sectors).decode(),
                "parties": orjson.dumps(parties).decode(),
                "report_count": 0,
                "rejected": False,
                "curated": "[]",
                "updated_at": stamp,
            }
        )
        if len(rows) == BATCH or i == n_agreements - 1:
            with engine.begin() as connection:
                connection.execute(insert(agreements), rows)
            rows = []
    with engine.begin() as connection:
        for start in range(0, n_agreements, BATCH):
            chunk = range(start, min(n_agreements, start + BATCH))
            connection.execute(
                insert(agreement_countries),
                [
                    {"agreement_pk": i + 1, "code": c, "last_date": shape[i][4]}
                    for i in chunk
                    for c in shape[i][1]
                ],
            )
            connection.execute(
                insert(agreement_sectors),
                [
                    {"agreement_pk": i + 1, "sector": s, "last_date": shape[i][4]}
                    for i in chunk
                    for s in shape[i][2]
                ],
            )
            parties = [
                {"agreement_pk": i + 1, "party_key": p.lower().replace(" tbk", ""), "last_date": shape[i][4]}
                for i in chunk
                for p in shape[i][3]
            ]
            if parties:
                connection.execute(insert(agreement_parties), parties)
    return shape


def _generate_articles(engine: Engine, rng: random.Random, n_articles: int, shape: Shape, seed: int) -> None:
    """Articles with their reports, people's roles and meetings, in batches."""
    stamp = "2026-01-01T00:00:00Z"
    source_pks = list(range(1, 51))
    n_agreements = len(shape)
    people = [
        {"id": f"person:orang-{i}", "kind": "person", "name": f"Orang Contoh {i}", "country": "IDN"}
        for i in range(5000)
    ]
    with engine.begin() as connection:
        connection.execute(insert(entities), people)
    event_pk = 0
    for start in range(0, n_articles, BATCH):
        article_rows, event_rows, role_rows, meeting_rows, meeting_country_rows = [], [], [], [], []
        for a in range(start, min(n_articles, start + BATCH)):
            published = _date(rng)
            body = f"Berita contoh nomor {a} tentang kerja sama Indonesia dengan mitra. Kedua pihak bertemu."
            article_rows.append(
                {
                    "id": "art-" + hashlib.sha256(f"gen{seed}-{a}".encode()).hexdigest()[:20],
                    "source_pk": rng.choice(source_pks),
                    "external_id": f"gen-{a}",
                    "url": f"https://news.example.id/{a}",
                    "content_hash": hashlib.sha256(body.encode()).hexdigest(),
                    "title": f"Kerja sama nomor {a}",
                    "published": published + "T08:00:00",
                    "language": "id",
                    "source_text": body,
                    "text": body,
                    "removed": "[]",
                    "origin": "generator",
                    "extractor_version": "gen",
                    "ingested_at": stamp,
                    "updated_at": stamp,
                }
            )
            for item in range(rng.choice((0, 0, 0, 1, 1, 2))):
                agreement = rng.randrange(n_agreements)
                status, countries, sectors, parties, _last = shape[agreement]
                event_pk += 1
                event_rows.append(
                    {
                        "key": f"gen-{a}:{item}",
                        "agreement_pk": agreement + 1,
                        "article_pk": a + 1,
                        "item": item,
                        "name": None,
                        "kind": "mou",
                        "status": status,
                        "date": published,
                        "target_date": None,
                        "sort_date": published,
                        "countries": orjson.dumps(countries).decode(),
                        "parties": orjson.dumps(parties).decode(),
                        "sectors": orjson.dumps(sectors).decode(),
                        "evidence": body.split(". ", maxsplit=1)[0] + ".",
                        "evidence_start": 0,
                        "evidence_end": 60,
                        "extractor_version": "gen",
                    }
                )
            if rng.random() < 0.3:
                role_rows.append(
                    {
                        "person_pk": rng.randint(1, 5000),
                        "article_pk": a + 1,
                        "name": "Orang Contoh",
                        "role": "Menteri",
                        "country": "IDN",
                        "reported": published,
                    }
                )
            if rng.random() < 0.1:
                meeting_rows.append(
                    {
                        "id": f"mtg-gen-{a}",
                        "article_pk": a + 1,
                        "item": 0,
                        "kind": "bilateral",
                        "date": published,
                        "sort_date": published,
                        "place": "Jakarta",
                        "countries": '["IDN"]',
                        "evidence": body,
                        "evidence_start": 0,
                        "evidence_end": len(body),
                        "extracted": "{}",
                    }
                )
        with engine.begin() as connection:
            connection.execute(insert(articles), article_rows)
            if event_rows:
                connection.execute(insert(agreement_events), event_rows)
            if role_rows:
                connection.execute(insert(person_roles), role_rows)
            if meeting_rows:
                connection.execute(insert(meetings), meeting_rows)
                pks = connection.execute(
                    select(meetings.c.pk).where(meetings.c.id.in_([m["id"] for m in meeting_rows]))
                ).scalars()
                meeting_country_rows = [{"meeting_pk": pk, "code": "IDN"} for pk in pks]
                connection.execute(insert(meeting_countries), meeting_country_rows)
        print(f"  generated {min(n_articles, start + BATCH):,} articles", flush=True)


def _finish(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE agreements SET report_count ="
                " (SELECT count(*) FROM agreement_events e WHERE e.agreement_pk = agreements.pk)"
            )
        )
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("ANALYZE")


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def benchmark(connection: Connection, runs: int, seed: int = 2) -> list[tuple[str, float, float]]:
    rng = random.Random(seed)
    ids = connection.execute(select(agreements.c.id).order_by(agreements.c.pk).limit(200_000)).scalars().all()
    second_pages: dict[str, str | None] = {}

    def listing(name: str, make: Callable[[], AgreementFilter], page_two: bool = False) -> Callable[[], Any]:
        def run() -> Any:
            flt = make()
            after = None
            if page_two:
                key = repr(flt)
                if key not in second_pages:
                    second_pages[key] = list_agreements(connection, flt, limit=50).next_cursor
                after = second_pages[key]
            return list_agreements(connection, flt, limit=50, after=after)

        return run

    cases: list[tuple[str, Callable[[], Any]]] = [
        ("agreements (no filter)", listing("all", AgreementFilter)),
        ("agreements page 2 (cursor)", listing("all", AgreementFilter, page_two=True)),
        ("--country (any partner)", listing("c", lambda: AgreementFilter(country=rng.choice(PARTNERS)))),
        ("--country RUS page 2", listing("c2", lambda: AgreementFilter(country="RUS"), page_two=True)),
        ("--status", listing("s", lambda: AgreementFilter(status=rng.choice(AGREEMENT_STATUSES)))),
        ("--sector (any)", listing("sec", lambda: AgreementFilter(sector=rng.choice(SECTORS)))),
        (
            "--country --status",
            listing(
                "cs",
                lambda: AgreementFilter(country=rng.choice(PARTNERS), status=rng.choice(AGREEMENT_STATUSES)),
            ),
        ),
        (
            "--country --sector",
            listing(
                "csec",
                lambda: AgreementFilter(country=rng.choice(PARTNERS[:10]), sector=rng.choice(SECTORS[:8])),
            ),
        ),
        ("--party", listing("p", lambda: AgreementFilter(party=rng.choice(PARTIES)))),
        ("--since 2025-01", listing("since", lambda: AgreementFilter(since="2025-01"))),
        ("--until 2017-06", listing("until", lambda: AgreementFilter(until="2017-06"))),
        (
            "--country --status --since",
            listing(
                "css",
                lambda: AgreementFilter(
                    country=rng.choice(PARTNERS[:10]), status=rng.choice(AGREEMENT_STATUSES), since="2024-01"
                ),
            ),
        ),
        ("show ID", lambda: get_agreement(connection, rng.choice(ids))),
        ("people", lambda: list_people(connection, limit=50)),
        ("meetings --country IDN", lambda: list_meetings(connection, country="IDN", limit=50)),
    ]
    results = []
    for name, fn in cases:
        fn()  # warm the page cache for this query shape
        p50, p95 = timed(fn, runs)
        results.append((name, p50, p95))
    return results


def open_generated_registry(db: str, size: int) -> Engine:
    """The benchmarks' registry of ``size`` articles at ``db``: generated when empty, kept
    and reused otherwise (the file is the benchmarks' own, so one kept from an older
    schema is upgraded in place)."""
    raw = make_engine(resolve_url(db))
    revision = current_revision(raw)
    if revision is not None and revision != head_revision():
        print(f"upgrading {db} from schema {revision} to {head_revision()}", flush=True)
        upgrade(raw)
    raw.dispose()
    engine = open_registry(db)
    with engine.connect() as connection:
        have = connection.execute(select(func.count()).select_from(articles)).scalar_one()
    if have == 0:
        print(f"generating {size:,} articles into {db} ...", flush=True)
        start = time.perf_counter()
        generate(engine, size)
        print(f"generated in {time.perf_counter() - start:.0f} s", flush=True)
    elif have != size:
        raise SystemExit(f"{db} holds {have:,} articles, not {size:,}: remove it or pass --db")
    return engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/sepakat-1m.db")
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    engine = open_generated_registry(args.db, args.articles)
    with engine.connect() as connection:
        sizes = {
            t: connection.execute(select(func.count()).select_from(tab)).scalar_one()
            for t, tab in (("articles", articles), ("agreements", agreements), ("events", agreement_events))
        }
        print(
            f"registry: {engine.url.database or engine.url}: "
            + ", ".join(f"{k} {v:,}" for k, v in sizes.items())
        )
        print(f"{'query':32} {'p50 ms':>8} {'p95 ms':>8}   ({args.runs} runs each)")
        for name, p50, p95 in benchmark(connection, args.runs):
            print(f"{name:32} {p50:8.2f} {p95:8.2f}")
    engine.dispose()


if __name__ == "__main__":
    main()

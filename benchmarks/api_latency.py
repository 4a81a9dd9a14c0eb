"""Latency (p50/p95) of the main API endpoints and pages, in process through the ASGI app
(FastAPI, pydantic and Jinja2 included; no network), on the one-million-article registry
that benchmarks/query_latency.py generates (its generator is reused here).

    .venv/bin/python benchmarks/api_latency.py [--articles 1000000] [--db /tmp/sepakat-1m.db] [--runs 100]

Goal: p95 < 50 ms for API reads on SQLite. A registry generated before the pages' schema
(revision 0003) is upgraded in place first.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).parent))
from query_latency import PARTIES, PARTNERS, open_generated_registry

from sepakat.api.app import create_app
from sepakat.api.settings import ServeSettings
from sepakat.models import AGREEMENT_STATUSES, SECTORS
from sepakat.store.tables import agreements

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/sepakat-1m.db")
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    engine = open_generated_registry(args.db, args.articles)
    with engine.connect() as connection:
        n_agreements = connection.execute(select(func.count()).select_from(agreements)).scalar_one()
        ids = (
            connection.execute(select(agreements.c.id).order_by(agreements.c.pk).limit(100_000))
            .scalars()
            .all()
        )
    web = TestClient(create_app(ServeSettings(today="2026-06-30"), engine=engine))
    rng = random.Random(3)
    cursor = web.get("/api/agreements").json()["next_cursor"]

    def get(path: Callable[[], str]) -> Callable[[], object]:
        def call() -> object:
            response = web.get(path())
            assert response.status_code == 200, (path(), response.status_code, response.text[:200])
            return response

        return call

    api = [
        ("GET /api/agreements", get(lambda: "/api/agreements")),
        ("  page 2 (cursor)", get(lambda: f"/api/agreements?after={cursor}")),
        ("  ?country=any", get(lambda: f"/api/agreements?country={rng.choice(PARTNERS)}")),
        ("  ?status=any", get(lambda: f"/api/agreements?status={rng.choice(AGREEMENT_STATUSES)}")),
        ("  ?sector=any", get(lambda: f"/api/agreements?sector={rng.choice(SECTORS)}")),
        (
            "  ?country&status",
            get(
                lambda: (
                    f"/api/agreements?country={rng.choice(PARTNERS[:10])}"
                    f"&status={rng.choice(AGREEMENT_STATUSES)}"
                )
            ),
        ),
        ("  ?party=any", get(lambda: f"/api/agreements?party={rng.choice(PARTIES)}")),
        ("  ?since=2025-01", get(lambda: "/api/agreements?since=2025-01")),
        ("  ?country=RUS&sort=name", get(lambda: "/api/agreements?country=RUS&sort=name")),
        ("  ?q=word (full text)", get(lambda: f"/api/agreements?q=nomor {rng.randint(1, 999_999)}")),
        ("GET /api/agreements/{id}", get(lambda: f"/api/agreements/{rng.choice(ids)}")),
        ("GET /api/people", get(lambda: "/api/people")),
        ("GET /api/meetings?country=IDN", get(lambda: "/api/meetings?country=IDN")),
        ("GET /api/search?q=", get(lambda: f"/api/search?q=nomor {rng.randint(1, 999_999)}")),
        ("GET /api/countries/{code}", get(lambda: f"/api/countries/{rng.choice(PARTNERS[:10])}")),
        ("GET /api/dashboard", get(lambda: "/api/dashboard")),
        ("GET /api/chart", get(lambda: "/api/chart")),
    ]
    pages = [
        ("page /", get(lambda: "/")),
        (
            "page /agreements?country&status",
            get(
                lambda: (
                    f"/agreements?country={rng.choice(PARTNERS[:10])}&status={rng.choice(AGREEMENT_STATUSES)}"
                )
            ),
        ),
        ("page /agreements/{id}", get(lambda: f"/agreements/{rng.choice(ids)}")),
        ("page /countries/{code}", get(lambda: f"/countries/{rng.choice(PARTNERS[:10])}")),
    ]
    print(f"registry: {args.db}: articles {args.articles:,}, agreements {n_agreements:,}")
    print(f"{'endpoint':36} {'p50 ms':>8} {'p95 ms':>8}   ({args.runs} runs each, in process)")
    for name, fn in api + pages:
        fn()  # warm the page cache for this query shape
        p50, p95 = timed(fn, args.runs)
        print(f"{name:36} {p50:8.2f} {p95:8.2f}", flush=True)
    engine.dispose()


if __name__ == "__main__":
    main()

"""The query layer: filters, keyset pages, timelines, people, meetings, search and exports."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from openpyxl import load_workbook
from sqlalchemy import Connection, Engine, text
from typer.testing import CliRunner

from sepakat.cli import _register, app
from sepakat.errors import UsageError
from sepakat.store import queries
from sepakat.store.engine import open_registry
from sepakat.store.export import PERSON_COLUMNS, export
from sepakat.store.ingest import ingest
from sepakat.store.queries import (
    AgreementFilter,
    iter_agreements,
    list_agreements,
    list_meetings,
    list_people,
    person_roles_over_time,
)
from sepakat.store.search import search
from synthetic import Agr, Doc, make_extraction, synthetic_corpus
from test_ingest import CEPA_1, CEPA_2, SEED_LIKE

MINISTRY_SENTENCE = (
    "Kementerian Perindustrian dan Politeknik Negeri Contoh menandatangani nota kesepahaman "
    "pendidikan vokasi."
)
MINISTRY = Doc(
    id="kemenperin-1",
    title="Kemenperin teken nota kesepahaman vokasi",
    published="2025-03-03T11:00:00",
    url="https://industri.example.id/vokasi",
    text=(MINISTRY_SENTENCE + " Kemenperin berharap lulusan siap kerja."),
    agreements=(
        Agr(
            MINISTRY_SENTENCE,
            name="nota kesepahaman pendidikan vokasi",
            status="signed",
            date="2025-03-03",
            countries=("IDN",),
            parties=("Kementerian Perindustrian", "Politeknik Negeri Contoh"),
            sectors=("education",),
        ),
    ),
    mentions=(
        ("organisation", "Kementerian Perindustrian", "kemenperin"),
        ("organisation", "Kemenperin", "kemenperin"),
    ),
)


@pytest.fixture(scope="module")
def loaded(module_db_url: str) -> Iterator[Engine]:
    """One registry for the module's read-only tests."""
    engine = open_registry(module_db_url)
    extras = [make_extraction(d) for d in (CEPA_1, CEPA_2, SEED_LIKE, MINISTRY)]
    ingest(engine, [*synthetic_corpus(300), *extras], batch_size=100)
    yield engine
    engine.dispose()


@pytest.mark.parametrize(
    ("flt", "check"),
    [
        (AgreementFilter(country="RUS"), lambda r: "RUS" in r.countries),
        (AgreementFilter(country="eu"), lambda r: "EU" in r.countries),
        (AgreementFilter(status="signed"), lambda r: r.status == "signed"),
        (AgreementFilter(sector="shipbuilding"), lambda r: "shipbuilding" in r.sectors),
        (
            AgreementFilter(country="JPN", sector="health"),
            lambda r: "JPN" in r.countries and "health" in r.sectors,
        ),
        (AgreementFilter(since="2025-06"), lambda r: r.last_date >= "2025-06"),
        (AgreementFilter(until="2024-03"), lambda r: r.first_date <= "2024-03-31"),
        (
            AgreementFilter(country="IDN", status="agreed", since="2024-06"),
            lambda r: r.status == "agreed" and "IDN" in r.countries and r.last_date >= "2024-06",
        ),
    ],
)
def test_filters_return_exactly_the_matching_agreements(
    loaded: Engine, flt: AgreementFilter, check: object
) -> None:
    with loaded.connect() as connection:
        everything = list(iter_agreements(connection))
        found = list(iter_agreements(connection, flt))
    assert found, "the synthetic registry should have matches for every filter here"
    assert all(check(r) for r in found)  # type: ignore[operator]
    expected = [r.id for r in everything if check(r)]  # type: ignore[operator]
    assert sorted(r.id for r in found) == sorted(expected)


def test_a_party_is_found_by_any_alias_of_its_organisation(loaded: Engine) -> None:
    with loaded.connect() as connection:
        for party in ("Kemenperin", "kementerian perindustrian", "Ministry of Industry", "Politeknik Negeri"):
            rows = list_agreements(connection, AgreementFilter(party=party)).rows
            assert [r.name for r in rows] == ["nota kesepahaman pendidikan vokasi"], party


def test_pages_cover_the_listing_once_in_order(loaded: Engine) -> None:
    with loaded.connect() as connection:
        whole = list_agreements(connection, limit=1000).rows
        seen = []
        after = None
        while True:
            page = list_agreements(connection, limit=7, after=after)
            seen.extend(page.rows)
            if page.next_cursor is None:
                break
            after = page.next_cursor
    assert [r.id for r in seen] == [r.id for r in whole]
    assert [r.last_date for r in whole] == sorted((r.last_date for r in whole), reverse=True)


@pytest.mark.parametrize("cursor", ["nonsense", "W10", "!!"])
def test_a_foreign_cursor_is_a_usage_error(loaded: Engine, cursor: str) -> None:
    with loaded.connect() as connection, pytest.raises(UsageError):
        list_agreements(connection, after=cursor)


@pytest.mark.parametrize(("field", "value"), [("status", "finished"), ("sector", "spaceships")])
def test_unknown_filter_values_are_usage_errors(loaded: Engine, field: str, value: str) -> None:
    with loaded.connect() as connection, pytest.raises(UsageError):
        list_agreements(
            connection, AgreementFilter(status=value) if field == "status" else AgreementFilter(sector=value)
        )


def test_people_list_with_roles_over_time(loaded: Engine) -> None:
    with loaded.connect() as connection:
        people = list_people(connection, limit=100).rows
        names = [p.name for p in people]
        assert names == sorted(names)
        budi = next(p for p in people if p.name == "Budi Santoso Wirawan")
        assert budi.reports >= 2
        roles = person_roles_over_time(connection, budi.id)
        assert roles and all(r.role for r in roles)
        assert [p.name for p in list_people(connection, name="budi santoso").rows] == ["Budi Santoso Wirawan"]


def test_meetings_list_latest_first_with_participants(loaded: Engine) -> None:
    with loaded.connect() as connection:
        rows = list_meetings(connection, limit=500).rows
        dates = [m.date or "" for m in rows]
        assert rows and dates == sorted(dates, reverse=True)
        assert all(m.participants for m in rows)
        rus = list_meetings(connection, country="RUS", limit=500).rows
        assert rus and all("RUS" in m.countries for m in rus)


@pytest.mark.parametrize(
    ("query", "found"),
    [("galangan kapal", True), ("IEU-CEPA", True), ("Uni Eropa", True), ('CEPA" OR (', False), ("*", False),
     ("", False), ("'; DROP TABLE articles; --", False)],
)  # fmt: skip
def test_search_finds_articles_and_evidence_and_takes_any_text(
    loaded: Engine, query: str, found: bool
) -> None:
    with loaded.connect() as connection:
        hits = search(connection, query)
    if found:
        assert {h.kind for h in hits} == {"article", "evidence"}, query


def test_exports_hold_every_agreement(loaded: Engine, tmp_path: Path) -> None:
    with loaded.connect() as connection:
        total = len(list(iter_agreements(connection)))
        buffer = io.BytesIO()
        assert export(connection, "csv", buffer) == total
        rows = list(csv.reader(io.StringIO(buffer.getvalue().decode())))
        assert len(rows) == total + 1 and rows[0][0] == "id"
        buffer = io.BytesIO()
        export(connection, "json", buffer, AgreementFilter(country="EU"))
        document = orjson.loads(buffer.getvalue())
        assert len(document) == 1 and len(document[0]["events"]) == 2
        target = tmp_path / "registry.xlsx"
        assert export(connection, "xlsx", target) == total
    book = load_workbook(target, read_only=True)
    assert book.sheetnames == ["Agreements", "Events", "Meetings", "People"]
    assert sum(1 for _ in book["Agreements"].iter_rows()) == total + 1
    book.close()


def test_listing_commands_run(tmp_path: Path) -> None:
    _register()
    db = str(tmp_path / "cli.db")
    engine = open_registry(db)
    ingest(engine, [make_extraction(d) for d in (CEPA_1, CEPA_2, SEED_LIKE, MINISTRY)])
    engine.dispose()
    runner = CliRunner()
    for args in (
        ["agreements", "--country", "RUS", "--format", "csv"],
        ["agreements", "--status", "agreed", "--since", "2025-01"],
        ["people", "--format", "json"],
        ["meetings"],
        ["search", "Uni Eropa"],
        ["export", "--format", "json"],
        ["export", "--format", "xlsx", "-o", str(tmp_path / "out.xlsx")],
        ["db", "current"],
    ):
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == 0, (args, result.output)
    listing = runner.invoke(app, ["agreements", "--db", db, "--format", "csv", "--country", "RUS"])
    assert len(list(csv.reader(io.StringIO(listing.stdout)))) == 3
    assert runner.invoke(app, ["agreements", "--db", db, "--status", "done"]).exit_code == 2
    assert runner.invoke(app, ["show", "agr-missing", "--db", db]).exit_code == 2


def test_export_writes_meetings_or_people_alone(tmp_path: Path) -> None:
    _register()
    db = str(tmp_path / "cli.db")
    engine = open_registry(db)
    ingest(engine, synthetic_corpus(40))
    with engine.connect() as connection:
        people = len(list_people(connection, limit=500).rows)
        meetings = len(list_meetings(connection, limit=500).rows)
    engine.dispose()
    assert people and meetings
    runner = CliRunner()
    out = runner.invoke(app, ["export", "--table", "people", "--db", db])
    assert out.exit_code == 0, out.output
    rows = list(csv.reader(io.StringIO(out.stdout)))
    assert rows[0] == list(PERSON_COLUMNS) and len(rows) == people + 1
    out = runner.invoke(app, ["export", "-t", "meetings", "-f", "json", "--db", db])
    assert out.exit_code == 0, out.output
    assert len(orjson.loads(out.stdout)) == meetings
    refused = runner.invoke(app, ["export", "--table", "people", "--status", "agreed", "--db", db])
    assert refused.exit_code == 2 and "--status" in refused.output
    assert runner.invoke(app, ["export", "--table", "treaties", "--db", db]).exit_code == 2


def _every_page(connection: Connection, flt: AgreementFilter, sort: str) -> list[str]:
    ids: list[str] = []
    after = None
    while True:
        page = list_agreements(connection, flt, limit=7, after=after, sort=sort)
        ids += [row.id for row in page.rows]
        if page.next_cursor is None:
            return ids
        after = page.next_cursor


@pytest.mark.parametrize("sort", ["name", "-report_count", "first_date", "-first_date", "-last_date"])
def test_walking_the_order_gives_what_sorting_gives(
    registry: Engine, sort: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(registry, synthetic_corpus(160), batch_size=80)
    with registry.connect() as connection:
        filters = [AgreementFilter(country=code) for code in ("IDN", "RUS", "JPN")]
        filters += [AgreementFilter(sector="trade"), AgreementFilter(country="IDN", status="signed")]
        sorted_pages = {f: _every_page(connection, f, sort) for f in filters}
        assert any(len(ids) > 7 for ids in sorted_pages.values())  # more than one page somewhere
        monkeypatch.setattr(queries, "WALK_FROM", 1)  # every filter now walks the order's index
        for flt, ids in sorted_pages.items():
            assert _every_page(connection, flt, sort) == ids, flt


def test_the_listing_orders_have_their_indexes(registry: Engine) -> None:
    if registry.dialect.name == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'agreements'"
    else:
        sql = "SELECT indexname FROM pg_indexes WHERE tablename = 'agreements'"
    with registry.connect() as connection:
        names = set(connection.execute(text(sql)).scalars())
    assert {"ix_agreements_sort_name_pk", "ix_agreements_report_count_pk"} <= names

"""Ingest: idempotent, updates replace facts, merging independent of order, people resolved."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import orjson
import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from registry_state import groups, snapshot
from sepakat.cli import _register, app
from sepakat.models import Extraction, Refusal
from sepakat.store.engine import open_registry
from sepakat.store.ingest import ingest
from sepakat.store.prepare import article_id, normalise_url
from sepakat.store.queries import AgreementFilter, counts, get_agreement, list_agreements
from synthetic import Agr, Doc, make_extraction, synthetic_corpus

CEPA_1 = Doc(
    id="cepa-1",
    title="Perundingan IEU-CEPA memasuki putaran akhir",
    published="2025-06-07T10:00:00",
    url="https://kabar.example.id/ekonomi/ieu-cepa-putaran-akhir",
    text=(
        "Pemerintah Indonesia dan Uni Eropa memasuki putaran akhir perundingan IEU-CEPA. "
        "Menko Perekonomian Budi Santoso Wirawan menyebut perundingan telah mencapai tahap akhir."
    ),
    agreements=(
        Agr(
            "Pemerintah Indonesia dan Uni Eropa memasuki putaran akhir perundingan IEU-CEPA.",
            name="IEU-CEPA",
            kind="agreement",
            status="negotiating",
            date="2025-06-07",
            countries=("EU", "IDN"),
            sectors=("trade",),
        ),
    ),
    people=(("Budi Santoso Wirawan", "Menko Perekonomian", "IDN"),),
)
CEPA_2 = Doc(
    id="cepa-2",
    title="Indonesia dan Uni Eropa sepakati perjanjian dagang",
    published="2025-07-14T08:30:00",
    url="https://warta.example.id/2025/07/14/perjanjian-dagang-ri-eropa",
    text=(
        "Indonesia dan Uni Eropa akhirnya menyepakati Indonesia-EU Comprehensive Economic Partnership "
        "Agreement di Brussel, Minggu (13/7/2025). Budi Santoso menyambut baik kesepakatan itu."
    ),
    agreements=(
        Agr(
            "Indonesia dan Uni Eropa akhirnya menyepakati Indonesia-EU Comprehensive Economic Partnership "
            "Agreement di Brussel, Minggu (13/7/2025).",
            name="Indonesia-EU Comprehensive Economic Partnership Agreement",
            kind="agreement",
            status="agreed",
            date="2025-07-13",
            countries=("EU", "IDN"),
            sectors=("trade",),
        ),
    ),
    people=(("Budi Santoso", "Menko Perekonomian", "IDN"),),
)
SEED_SENTENCE = (
    "Pertemuan itu menyepakati dua dokumen, yakni MoU on Cooperation in the Field of Shipbuilding dan "
    "MoU on Cooperation in the Field of Scientific Research on the Safe Use of Chrysotile Asbestos."
)
SEED_LIKE = Doc(
    id="seed-like",
    title="Menteri pacu penyelesaian MoU dengan Rusia",
    published="2026-01-12T06:49:54",
    url="https://industri.example.id/siaran-pers/mou-rusia",
    text=(
        "Pertemuan itu menyepakati dua dokumen, yakni MoU on Cooperation in the Field of Shipbuilding dan "
        "MoU on Cooperation in the Field of Scientific Research on the Safe Use of Chrysotile Asbestos."
    ),
    agreements=tuple(
        Agr(
            SEED_SENTENCE,
            name=name,
            kind="mou",
            status="agreed",
            date="2026-01-12",
            countries=("IDN", "RUS"),
            sectors=sectors,
        )
        for name, sectors in (
            ("MoU on Cooperation in the Field of Shipbuilding", ("shipbuilding",)),
            (
                "MoU on Cooperation in the Field of Scientific Research on the Safe Use of Chrysotile"
                " Asbestos",
                ("mining", "research"),
            ),
        )
    ),
)


def test_reports_of_one_agreement_become_one_agreement_with_a_timeline(registry: Engine) -> None:
    summary = ingest(registry, [make_extraction(CEPA_1), make_extraction(CEPA_2), make_extraction(SEED_LIKE)])
    assert (summary.articles_new, summary.agreements_new) == (3, 3)
    with registry.connect() as connection:
        page = list_agreements(connection, AgreementFilter(country="EU"))
        assert len(page.rows) == 1
        cepa = page.rows[0]
        assert cepa.report_count == 2
        assert cepa.status == "agreed" and cepa.status_date == "2025-07-13"  # the latest event's stage
        detail = get_agreement(connection, cepa.id)
        assert detail is not None
        assert [e.status for e in detail.events] == ["negotiating", "agreed"]
        assert detail.events[1].evidence in CEPA_2.text
        assert {r.name for r in list_agreements(connection, AgreementFilter(country="RUS")).rows} == {
            "MoU on Cooperation in the Field of Shipbuilding",
            "MoU on Cooperation in the Field of Scientific Research on the Safe Use of Chrysotile Asbestos",
        }


def test_the_same_input_again_changes_no_row(registry: Engine) -> None:
    docs = list(synthetic_corpus(150))
    ingest(registry, docs, batch_size=40)
    before = snapshot(registry)
    with registry.connect() as connection:
        stamps = connection.execute(text("SELECT id, updated_at FROM articles ORDER BY id")).all()
    summary = ingest(registry, docs, batch_size=40)
    assert (summary.articles_new, summary.articles_unchanged, summary.articles_updated) == (0, 150, 0)
    assert (summary.agreements_new, summary.agreements_updated) == (0, 0)
    assert snapshot(registry) == before
    with registry.connect() as connection:
        assert connection.execute(text("SELECT id, updated_at FROM articles ORDER BY id")).all() == stamps


def test_the_same_text_under_another_url_is_unchanged(registry: Engine) -> None:
    ingest(registry, [make_extraction(CEPA_1)])
    copy = Doc(**{**CEPA_1.__dict__, "url": "https://mirror.example.org/ieu-cepa"})
    summary = ingest(registry, [make_extraction(copy)])
    assert (summary.articles_new, summary.articles_unchanged) == (0, 1)


def test_an_updated_article_replaces_its_facts(registry: Engine) -> None:
    ingest(registry, [make_extraction(CEPA_1), make_extraction(CEPA_2)])
    corrected_text = CEPA_2.text.replace("akhirnya menyepakati", "akhirnya menandatangani")
    evidence = corrected_text.split(". ")[0] + "."
    updated = Doc(
        **{
            **CEPA_2.__dict__,
            "text": corrected_text,
            "agreements": (
                Agr(
                    evidence,
                    **{
                        k: v
                        for k, v in CEPA_2.agreements[0].__dict__.items()
                        if k not in ("evidence", "status")
                    },
                    status="signed",
                ),
            ),
        }
    )
    summary = ingest(registry, [make_extraction(updated)])
    assert (summary.articles_new, summary.articles_updated) == (0, 1)
    with registry.connect() as connection:
        rows = list_agreements(connection).rows
        assert len(rows) == 1 and rows[0].report_count == 2 and rows[0].status == "signed"
        assert counts(connection)["agreement_events"] == 2
    empty = Doc(**{**updated.__dict__, "text": updated.text + " Pembaruan.", "agreements": ()})
    ingest(registry, [make_extraction(empty)])
    with registry.connect() as connection:
        rows = list_agreements(connection).rows
        assert len(rows) == 1 and rows[0].report_count == 1 and rows[0].status == "negotiating"


def test_an_agreement_left_without_reports_is_removed(registry: Engine) -> None:
    ingest(registry, [make_extraction(SEED_LIKE)])
    empty = Doc(**{**SEED_LIKE.__dict__, "text": SEED_LIKE.text + " Diperbarui.", "agreements": ()})
    ingest(registry, [make_extraction(empty)])
    with registry.connect() as connection:
        assert counts(connection)["agreements"] == 0


def test_refusals_are_counted_and_the_rest_stored(registry: Engine) -> None:
    outcomes: list[Extraction | Refusal] = [
        make_extraction(CEPA_1),
        Refusal("bad.jsonl:3", "broken JSON line"),
        make_extraction(CEPA_2),
    ]
    summary = ingest(registry, outcomes)
    assert (summary.articles_new, summary.refused) == (2, 1)
    assert "1 refused" in summary.line()


def _pool_of(engine: Engine) -> dict[str, set[tuple[str, str]]]:
    """Each agreement's reports, as the (countries, sectors) of the pool item they report."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    with engine.connect() as connection:
        for agreement, countries, sectors in connection.execute(
            text(
                "SELECT g.id, e.countries, e.sectors FROM agreement_events e"
                " JOIN agreements g ON g.pk = e.agreement_pk"
            )
        ):
            found[agreement].add((countries, sectors))
    return found


def test_synthetic_reports_gather_into_their_true_agreements(registry: Engine) -> None:
    ingest(registry, synthetic_corpus(400), batch_size=64)
    pools = _pool_of(registry)
    assert all(len(items) == 1 for items in pools.values()), "a group mixes two true agreements"
    assert len(pools) == len({next(iter(v)) for v in pools.values()}), "a true agreement split in two"


@pytest.mark.parametrize("seed", [1, 2])
def test_merging_does_not_depend_on_arrival_order(tmp_path: Path, seed: int) -> None:
    n = 300
    order = list(range(n))
    random.Random(seed).shuffle(order)
    forward = open_registry(str(tmp_path / "forward.db"))
    shuffled = open_registry(str(tmp_path / "shuffled.db"))
    ingest(forward, synthetic_corpus(n), batch_size=50)
    # Another order and other batch sizes: as shards finishing in any order would arrive.
    ingest(shuffled, synthetic_corpus(n, order=order), batch_size=37)
    assert groups(forward) == groups(shuffled)
    forward.dispose()
    shuffled.dispose()


def test_people_named_shorter_and_fuller_are_one_person(registry: Engine) -> None:
    ingest(registry, [make_extraction(CEPA_2)])  # "Budi Santoso" first
    ingest(registry, [make_extraction(CEPA_1)])  # then "Budi Santoso Wirawan"
    with registry.connect() as connection:
        people = connection.execute(text("SELECT id, name, role FROM entities WHERE kind = 'person'")).all()
        roles = connection.execute(text("SELECT count(*) FROM person_roles")).scalar()
    assert len(people) == 1 and people[0].name == "Budi Santoso Wirawan" and roles == 2


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.Example.com/a/b/", "example.com/a/b"),
        ("http://example.com/a/b#top", "example.com/a/b"),
        ("https://example.com/a?id=3", "example.com/a?id=3"),
    ],
)
def test_urls_normalise_to_one_identity(url: str, key: str) -> None:
    assert normalise_url(url) == key


def test_article_ids_come_from_url_else_content() -> None:
    with_url = make_extraction(CEPA_1).article
    assert article_id(with_url) == article_id(
        make_extraction(Doc(**{**CEPA_1.__dict__, "title": "x"})).article
    )
    without = make_extraction(Doc(**{**CEPA_1.__dict__, "url": None})).article
    changed = make_extraction(Doc(**{**CEPA_1.__dict__, "url": None, "text": CEPA_1.text + " Lagi."})).article
    assert article_id(without) != article_id(changed)


ARTICLES = [
    {
        "id": "own-1",
        "title": "Indonesia dan Jepang teken nota kesepahaman energi hijau",
        "published": "2025-08-04T09:00:00",
        "url": "https://contoh.example.id/energi-hijau",
        "text": "JAKARTA - Pemerintah Indonesia dan Jepang menandatangani nota kesepahaman kerja sama energi "
        "hijau di Jakarta, Senin (4/8/2025). Penandatanganan dilakukan oleh kedua menteri energi.",
    },
    {
        "id": "own-2",
        "title": "Pameran buku anak dibuka",
        "published": "2025-08-05",
        "url": "https://contoh.example.id/pameran-buku",
        "text": "Pameran buku anak dibuka di Bandung pada Selasa. Ribuan pengunjung datang di hari pertama.",
    },
]


def test_the_ingest_and_reextract_commands_are_idempotent(tmp_path: Path) -> None:
    _register()
    source = tmp_path / "articles.jsonl"
    source.write_bytes(b"".join(orjson.dumps(a) + b"\n" for a in ARTICLES))
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(source), "--db", db, "--workers", "1"])
    assert first.exit_code == 0, first.output
    assert "2 new" in first.output
    again = runner.invoke(app, ["ingest", str(source), "--db", db, "--workers", "1"])
    assert again.exit_code == 0 and "0 new, 2 unchanged" in again.output
    listing = runner.invoke(app, ["agreements", "--db", db, "--format", "json"])
    assert listing.exit_code == 0
    assert isinstance(orjson.loads(listing.stdout), list)
    engine = open_registry(db)
    before = snapshot(engine, ("agreements", "events", "entities", "meetings"))
    again = runner.invoke(app, ["reextract", "--db", db, "--workers", "1"])
    assert again.exit_code == 0 and "2 updated" in again.output
    # The rules did not change: the same facts, under the same ids.
    assert snapshot(engine, ("agreements", "events", "entities", "meetings")) == before
    engine.dispose()


def test_codes_of_bodies_longer_than_alpha3_are_stored(registry: Engine) -> None:
    doc = Doc(
        id="sekretariat",
        title="Sekretariat ASEAN dan BIMP-EAGA menyepakati peta jalan konektivitas",
        published="2025-08-04T09:00:00",
        url="https://kabar.example.id/asean/bimp-eaga-peta-jalan",
        text=(
            "Sekretariat ASEAN dan BIMP-EAGA menyepakati peta jalan konektivitas di Jakarta. "
            "Wakil Sekretaris Jenderal ASEAN Sani Rahman menyambut kesepakatan itu."
        ),
        agreements=(
            Agr(
                "Sekretariat ASEAN dan BIMP-EAGA menyepakati peta jalan konektivitas di Jakarta.",
                name="peta jalan konektivitas",
                kind="agreement",
                status="agreed",
                date="2025-08-04",
                countries=("ASEAN-SEC", "BIMP-EAGA"),
                sectors=("transport",),
            ),
        ),
        people=(("Sani Rahman", "Wakil Sekretaris Jenderal ASEAN", "ASEAN-SEC"),),
    )
    summary = ingest(registry, [make_extraction(doc)])
    assert summary.articles_new == 1
    with registry.connect() as connection:
        (listed,) = list_agreements(connection, AgreementFilter(country="BIMP-EAGA")).rows
        people = connection.execute(text("SELECT country FROM person_roles")).scalars().all()
    assert tuple(listed.countries) == ("ASEAN-SEC", "BIMP-EAGA")
    assert people == ["ASEAN-SEC"]


def test_every_gazetteer_key_fits_the_code_columns() -> None:
    from sepakat.data import load_table
    from sepakat.store.tables import CODE_WIDTH

    keys = [row[0] for row in load_table("common", "blocs")]
    assert keys and max(len(key) for key in keys) <= CODE_WIDTH


def test_an_agreement_is_listed_under_its_title_rather_than_noun_and_acronym(registry: Engine) -> None:
    plain = Doc(
        id="cepa-noun",
        title="Kesepakatan politik IEU-CEPA tercapai",
        published="2025-07-14T08:00:00",
        url="https://kabar.example.id/ieu-cepa-politik",
        text="Indonesia dan Uni Eropa mencapai kesepakatan politik atas perjanjian IEU-CEPA di Brussel.",
        agreements=(
            Agr(
                "Indonesia dan Uni Eropa mencapai kesepakatan politik atas perjanjian IEU-CEPA di Brussel.",
                name="perjanjian IEU-CEPA",
                kind="agreement",
                status="agreed",
                date="2025-07-13",
                countries=("EU", "IDN"),
                sectors=("trade",),
            ),
        ),
    )
    ingest(registry, [make_extraction(CEPA_2), make_extraction(plain)])
    with registry.connect() as connection:
        (row,) = list_agreements(connection, AgreementFilter(country="EU")).rows
    assert row.report_count == 2
    assert row.name == "Indonesia-EU Comprehensive Economic Partnership Agreement"

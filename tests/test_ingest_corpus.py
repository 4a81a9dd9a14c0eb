"""The registry over real news (../shared/corpus/agreements.jsonl), through the real extractor.

Skipped when ../shared is absent. No sentence of the corpus is written here: the tests
select reports by what the records carry (countries, the CEPA acronym, the article id).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from registry_state import snapshot
from sepakat.cli import _register, app
from sepakat.pipeline import run
from sepakat.store.engine import open_registry
from sepakat.store.ingest import ingest

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "agreements.jsonl"
SEED_ID = "seed-000"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.exists(), reason=f"{CORPUS} is absent (the shared corpus is not here)"),
]


@pytest.fixture(scope="module")
def corpus_registry(module_db_url: str) -> Iterator[Engine]:
    engine = open_registry(module_db_url)
    summary = ingest(engine, run([str(CORPUS)], 1))
    assert summary.articles_new > 150 and summary.refused == 0
    yield engine
    engine.dispose()


def _cepa_reports(engine: Engine) -> list[tuple[str, str, str]]:
    """(agreement id, article id, report key) of every report naming a CEPA between EU and Indonesia."""
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT g.id, a.external_id, e.key, e.name, e.countries FROM agreement_events e"
                " JOIN agreements g ON g.pk = e.agreement_pk JOIN articles a ON a.pk = e.article_pk"
                " WHERE e.name IS NOT NULL"
            )
        ).all()
    return [
        (agreement, article, key)
        for agreement, article, key, name, countries in rows
        if "CEPA" in name.upper() and '"EU"' in countries and '"IDN"' in countries
    ]


def test_the_ieu_cepa_articles_become_one_agreement_with_one_event_per_article(
    corpus_registry: Engine,
) -> None:
    reports = _cepa_reports(corpus_registry)
    assert len({article for _, article, _ in reports}) >= 5, (
        "the extractor should name IEU-CEPA in many articles"
    )
    assert len({agreement for agreement, _, _ in reports}) == 1
    per_article: dict[str, int] = defaultdict(int)
    for _, article, _ in reports:
        per_article[article] += 1
    assert set(per_article.values()) == {1}
    with corpus_registry.connect() as connection:
        countries = connection.execute(
            text("SELECT countries FROM agreements WHERE id = :id"), {"id": reports[0][0]}
        ).scalar_one()
    assert countries == '["EU","IDN"]'  # a stray country of one report is not a party


def test_cepa_reports_from_different_articles_merge(corpus_registry: Engine) -> None:
    """What holds already: the largest group gathers reports of many articles and names."""
    reports = _cepa_reports(corpus_registry)
    by_agreement: dict[str, set[str]] = defaultdict(set)
    for agreement, article, _ in reports:
        by_agreement[agreement].add(article)
    assert reports and max(len(articles) for articles in by_agreement.values()) >= 5


def test_the_seeds_two_mous_stay_two_agreements(corpus_registry: Engine) -> None:
    with corpus_registry.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT g.id, e.name FROM agreement_events e JOIN agreements g ON g.pk = e.agreement_pk"
                " JOIN articles a ON a.pk = e.article_pk WHERE a.external_id = :seed AND e.name IS NOT NULL"
            ),
            {"seed": SEED_ID},
        ).all()
    ids = {name: agreement for agreement, name in rows}
    shipbuilding = [i for n, i in ids.items() if "shipbuilding" in n.lower()]
    asbestos = [i for n, i in ids.items() if "chrysotile" in n.lower() or "asbestos" in n.lower()]
    assert len(shipbuilding) == 1 and len(asbestos) == 1
    assert shipbuilding != asbestos


def test_ingesting_the_same_file_again_changes_no_row(corpus_registry: Engine) -> None:
    before = snapshot(corpus_registry)
    summary = ingest(corpus_registry, run([str(CORPUS)], 1))
    assert summary.articles_new == 0 and summary.articles_updated == 0
    assert snapshot(corpus_registry) == before


def test_show_prints_each_events_sentence(tmp_path: Path) -> None:
    _register()
    db = str(tmp_path / "corpus.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(CORPUS), "--db", db, "--workers", "1"]).exit_code == 0
    engine = open_registry(db)
    reports = _cepa_reports(engine)
    with engine.connect() as connection:
        agreement = max({a for a, _, _ in reports}, key=lambda a: sum(1 for x, _, _ in reports if x == a))
        sentences = (
            connection.execute(
                text(
                    "SELECT e.evidence FROM agreement_events e JOIN agreements g ON g.pk = e.agreement_pk"
                    " WHERE g.id = :id"
                ),
                {"id": agreement},
            )
            .scalars()
            .all()
        )
    engine.dispose()
    shown = runner.invoke(app, ["show", agreement, "--db", db])
    assert shown.exit_code == 0
    assert sentences and all(sentence in shown.output for sentence in sentences)

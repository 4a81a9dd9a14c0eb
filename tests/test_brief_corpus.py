"""A brief on Russia from the real agreements corpus (../shared/corpus/agreements.jsonl) as PDF:
its text names the seed's two MoUs with their stage and date. Skipped without ../shared.

No sentence of the corpus is written here: the two MoUs are found by the words of their
names (shipbuilding; chrysotile or asbestos) and their stage and date read from the registry.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import Engine

from sepakat.brief import build_brief, render
from sepakat.pipeline import run
from sepakat.store.engine import open_registry
from sepakat.store.ingest import ingest
from sepakat.store.queries import AgreementFilter, iter_agreements

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "agreements.jsonl"
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.exists(), reason=f"{CORPUS} is absent (the shared corpus is not here)"),
]
MOUS = {"shipbuilding": ("shipbuilding",), "asbestos": ("chrysotile", "asbestos")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = open_registry(str(tmp_path_factory.mktemp("corpus") / "registry.db"))
    ingest(engine, run([str(CORPUS)], 1))
    yield engine
    engine.dispose()


def test_the_russia_brief_names_the_seeds_two_mous_with_stage_and_date(corpus: Engine) -> None:
    with corpus.connect() as connection:
        russian = list(iter_agreements(connection, AgreementFilter(country="RUS")))
        brief = build_brief(connection, "RUS", today=date(2026, 11, 28))
    pdf, _ = render(brief, "pdf")
    text = " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 3
    for label, words in MOUS.items():
        found = [a for a in russian if a.name and any(w in a.name.lower() for w in words)]
        assert len(found) == 1, f"one {label} MoU with Russia in the registry, not {len(found)}"
        mou = found[0]
        assert mou.name
        name = " ".join(mou.name.split())
        at = text.find(name)
        assert at >= 0, f"the brief names the {label} MoU"
        item = text[at : at + len(name) + 40]
        assert re.search(rf"{mou.status}, {re.escape(mou.status_date or 'undated')}", item), item

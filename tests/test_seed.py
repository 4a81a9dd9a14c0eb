"""The seed article (shared/seed): its gold record, and nothing from its three teasers."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.extraction_helpers import SHARED, needs_shared

from sepakat.models import RawDocument
from sepakat.pipeline import extract_document
from sepakat.serialize import record_dict
from sepakat.sources import iter_documents

SEED = SHARED / "seed" / "000_25aa0378524a9eee.txt"
GOLD = SHARED / "eval" / "seed.gold.json"
pytestmark = pytest.mark.skipif(not SEED.exists(), **needs_shared)

SCORED = {
    "agreements": ("name", "kind", "status", "date", "countries", "parties", "sectors"),
    "meetings": ("kind", "date", "place", "countries", "participants"),
    "people": ("name", "role", "country"),
}


def _record() -> dict[str, Any]:
    (raw,) = [d for d in iter_documents([str(SEED)]) if isinstance(d, RawDocument)]
    return record_dict(extract_document(raw).record)


def _comparable(items: list[dict[str, Any]], fields: tuple[str, ...]) -> list[str]:
    rows = []
    for item in items:
        rows.append(
            json.dumps(
                {f: sorted(item[f]) if isinstance(item[f], list) else item[f] for f in fields}, sort_keys=True
            )
        )
    return sorted(rows)


@pytest.mark.parametrize("part", list(SCORED))
def test_seed_gives_its_gold_record(part: str) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    record = _record()
    assert _comparable(record[part], SCORED[part]) == _comparable(gold[part], SCORED[part])


def test_seed_evidence_is_the_gold_evidence() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    record = _record()
    assert sorted(a["evidence"] for a in record["agreements"]) == sorted(
        a["evidence"] for a in gold["agreements"]
    )


def test_seed_teasers_give_nothing() -> None:
    text = json.dumps(_record(), ensure_ascii=False)
    for trap in ("Ekstradisi", "ekstradisi", "Gubernur", "Prabowo", "IHSG", "P2MI"):
        assert trap not in text

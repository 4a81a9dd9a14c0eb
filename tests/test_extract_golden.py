"""Golden articles: short news we wrote ourselves, each with the record it must give.

Each ``tests/golden/NAME.txt`` (the seed's layout: title, blank line, timestamp, body) has
a ``NAME.expected.json``: the agreements, meetings and people it must yield (names by a
phrase they contain), and words that must appear nowhere in the record (teasers).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sepakat.models import RawDocument
from sepakat.pipeline import extract_document
from sepakat.serialize import record_dict
from sepakat.sources import iter_documents

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.stem for p in GOLDEN.glob("*.txt"))


def _record(name: str) -> dict[str, Any]:
    (raw,) = [d for d in iter_documents([str(GOLDEN / f"{name}.txt")]) if isinstance(d, RawDocument)]
    return record_dict(extract_document(raw).record)


def _expected(name: str) -> dict[str, Any]:
    return json.loads((GOLDEN / f"{name}.expected.json").read_text(encoding="utf-8"))


def _matches(item: dict[str, Any], want: dict[str, Any]) -> bool:
    for key, value in want.items():
        if key == "name_contains":
            if value.casefold() not in (item.get("name") or "").casefold():
                return False
        elif key in ("countries", "sectors", "parties"):
            if sorted(item.get(key) or []) != sorted(value):
                return False
        elif item.get(key) != value:
            return False
    return True


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("part", ["agreements", "meetings"])
def test_golden_items(name: str, part: str) -> None:
    record, expected = _record(name), _expected(name)
    got = record[part]
    for want in expected[part]:
        assert any(_matches(item, want) for item in got), f"{name}: no {part[:-1]} like {want} in {got}"
    assert len(got) == len(expected[part]), (
        f"{name}: {len(got)} {part}, expected {len(expected[part])}: {got}"
    )


@pytest.mark.parametrize("name", CASES)
def test_golden_people(name: str) -> None:
    record, expected = _record(name), _expected(name)
    people = {p["name"]: p for p in record["people"]}
    for want in expected["people"]:
        assert want["name"] in people, f"{name}: {want['name']} not among {list(people)}"
        for key in ("role", "country"):
            if key in want:
                assert people[want["name"]][key] == want[key], f"{name}: {want['name']} {key}"
    assert len(people) == len(expected["people"]), f"{name}: people {list(people)}"


@pytest.mark.parametrize("name", CASES)
def test_golden_teasers_leave_no_trace(name: str) -> None:
    record = json.dumps(_record(name), ensure_ascii=False)
    for word in _expected(name).get("absent", []):
        assert word not in record


@pytest.mark.parametrize("name", CASES)
def test_golden_evidence_is_verbatim(name: str) -> None:
    text = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    record = _record(name)
    for item in [*record["agreements"], *record["meetings"]]:
        start, end = item["evidence_span"]
        assert text.split("\n", 3)[3][start:end] == item["evidence"]

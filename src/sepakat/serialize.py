"""Records as the JSON the extraction record contract prints (shared/spec/EXTRACTION.md).

The contract's fields come first, in the spec's order; extra fields the scorer ignores
(``evidence_span``: offsets of the evidence in the input text; ``target_date``) follow.
"""

from __future__ import annotations

from typing import Any

import orjson

from sepakat.models import AgreementRecord, ExtractionRecord, MeetingRecord, PersonRecord


def agreement_dict(a: AgreementRecord) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": a.name,
        "kind": a.kind,
        "status": a.status,
        "date": a.date,
        "countries": list(a.countries),
        "parties": list(a.parties),
        "sectors": list(a.sectors),
        "evidence": a.evidence.text,
        "evidence_span": [a.evidence.start, a.evidence.end],
    }
    if a.target_date:
        out["target_date"] = a.target_date
    return out


def meeting_dict(m: MeetingRecord) -> dict[str, Any]:
    return {
        "kind": m.kind,
        "date": m.date,
        "place": m.place,
        "countries": list(m.countries),
        "participants": list(m.participants),
        "evidence": m.evidence.text,
        "evidence_span": [m.evidence.start, m.evidence.end],
    }


def person_dict(p: PersonRecord) -> dict[str, Any]:
    return {"name": p.name, "role": p.role, "country": p.country}


def record_dict(record: ExtractionRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "title": record.title,
        "published": record.published,
        "language": record.language,
        "agreements": [agreement_dict(a) for a in record.agreements],
        "meetings": [meeting_dict(m) for m in record.meetings],
        "people": [person_dict(p) for p in record.people],
    }


def record_json(record: ExtractionRecord) -> bytes:
    """One JSON Lines line (with its newline), UTF-8, non-ASCII kept as is."""
    return orjson.dumps(record_dict(record), option=orjson.OPT_APPEND_NEWLINE)

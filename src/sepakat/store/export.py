"""Exports of the registry as CSV, JSON or XLSX, read through the query layer.

CSV: one row per agreement. JSON: an array of agreements, each with its timeline (the
events with their evidence and sources), written as it is read so memory stays flat.
XLSX: sheets Agreements, Events, Meetings and People.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any, BinaryIO

import orjson
from sqlalchemy import Connection

from sepakat.errors import UsageError
from sepakat.store.queries import (
    AgreementFilter,
    AgreementRow,
    get_agreement,
    iter_agreements,
    list_meetings,
    list_people,
)

FORMATS = ("csv", "json", "xlsx")
AGREEMENT_COLUMNS = (
    "id", "name", "kind", "status", "status_date", "first_date", "last_date", "countries", "sectors",
    "parties", "report_count", "curated",
)  # fmt: skip
EVENT_COLUMNS = (
    "agreement_id", "date", "status", "name", "evidence", "article_id", "article_title", "article_url",
    "published", "source",
)  # fmt: skip


def agreement_cells(row: AgreementRow) -> list[Any]:
    """A row of the agreements table: lists joined with '; '."""
    values = asdict(row)
    return ["; ".join(v) if isinstance(v, tuple) else v for v in (values[c] for c in AGREEMENT_COLUMNS)]


def agreement_json(connection: Connection, row: AgreementRow) -> dict[str, Any]:
    detail = get_agreement(connection, row.id)
    events = [asdict(e) for e in detail.events] if detail else []
    return {**asdict(row), "events": events}


def _events(connection: Connection, flt: AgreementFilter) -> Iterator[list[Any]]:
    for row in iter_agreements(connection, flt):
        detail = get_agreement(connection, row.id)
        for e in detail.events if detail else []:
            yield [row.id, e.date, e.status, e.name, e.evidence, e.article_id, e.article_title, e.article_url,
                   e.published, e.source]  # fmt: skip


def _pages(fetch: Any) -> Iterator[Any]:
    after: str | None = None
    while True:
        page = fetch(after)
        yield from page.rows
        if page.next_cursor is None:
            return
        after = page.next_cursor


def export(connection: Connection, fmt: str, out: BinaryIO | Path, flt: AgreementFilter | None = None) -> int:
    """Write the agreements matching ``flt`` (and, for xlsx, meetings and people); returns the count."""
    flt = flt or AgreementFilter()
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    if fmt == "xlsx":
        return _export_xlsx(connection, out, flt)
    stream = out.open("wb") if isinstance(out, Path) else out
    try:
        if fmt == "csv":
            return _export_csv(connection, stream, flt)
        return _export_json(connection, stream, flt)
    finally:
        if isinstance(out, Path):
            stream.close()


def _export_csv(connection: Connection, stream: BinaryIO, flt: AgreementFilter) -> int:
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(AGREEMENT_COLUMNS)
    count = 0
    for row in iter_agreements(connection, flt):
        writer.writerow(agreement_cells(row))
        count += 1
    text.flush()
    text.detach()
    return count


def _export_json(connection: Connection, stream: BinaryIO, flt: AgreementFilter) -> int:
    stream.write(b"[")
    count = 0
    for row in iter_agreements(connection, flt):
        stream.write(b",\n" if count else b"\n")
        stream.write(orjson.dumps(agreement_json(connection, row)))
        count += 1
    stream.write(b"\n]\n")
    return count


def _export_xlsx(connection: Connection, out: BinaryIO | Path, flt: AgreementFilter) -> int:
    from openpyxl import Workbook  # noqa: PLC0415 - only the xlsx export pays for loading openpyxl

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Agreements")
    sheet.append(list(AGREEMENT_COLUMNS))
    count = 0
    for row in iter_agreements(connection, flt):
        sheet.append(agreement_cells(row))
        count += 1
    events = book.create_sheet("Events")
    events.append(list(EVENT_COLUMNS))
    for cells in _events(connection, flt):
        events.append(cells)
    meetings = book.create_sheet("Meetings")
    meetings.append(["id", "kind", "date", "place", "countries", "participants", "evidence", "article_id"])
    for m in _pages(lambda after: list_meetings(connection, limit=500, after=after)):
        meetings.append([m.id, m.kind, m.date, m.place, "; ".join(m.countries), "; ".join(m.participants),
                         m.evidence, m.article_id])  # fmt: skip
    people = book.create_sheet("People")
    people.append(["id", "name", "role", "country", "role_date", "reports"])
    for p in _pages(lambda after: list_people(connection, limit=500, after=after)):
        people.append([p.id, p.name, p.role, p.country, p.role_date, p.reports])
    book.save(out)
    return count

"""Exports of the registry as CSV, JSON or XLSX, read through the query layer.

Agreements: CSV one row per agreement; JSON an array of agreements, each with its
timeline (the events with their evidence and sources), written as it is read so memory
stays flat; XLSX sheets Agreements, Events, Meetings and People. Meetings and people
export alone too (``export_table``), with the same columns in every format.

Every exported text cell that a spreadsheet would run as a formula (starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading
apostrophe, so ``=HYPERLINK(...)`` read from an article stays text.
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


MEETING_COLUMNS = ("id", "kind", "date", "place", "countries", "participants", "evidence", "article_id")
PERSON_COLUMNS = ("id", "name", "role", "country", "role_date", "reports")
TABLES = ("agreements", "meetings", "people")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A cell value a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _cells(values: dict[str, Any], columns: tuple[str, ...]) -> list[Any]:
    return [neutralise("; ".join(v) if isinstance(v, tuple) else v) for v in (values[c] for c in columns)]


def agreement_cells(row: AgreementRow) -> list[Any]:
    """A row of the agreements table: lists joined with '; ', formulas neutralised."""
    return _cells(asdict(row), AGREEMENT_COLUMNS)


def agreement_json(connection: Connection, row: AgreementRow) -> dict[str, Any]:
    detail = get_agreement(connection, row.id)
    events = [asdict(e) for e in detail.events] if detail else []
    return {**asdict(row), "events": events}


def _events(connection: Connection, flt: AgreementFilter) -> Iterator[list[Any]]:
    for row in iter_agreements(connection, flt):
        detail = get_agreement(connection, row.id)
        for e in detail.events if detail else []:
            yield [neutralise(v) for v in (row.id, e.date, e.status, e.name, e.evidence, e.article_id,
                   e.article_title, e.article_url, e.published, e.source)]  # fmt: skip


def _pages(fetch: Any) -> Iterator[Any]:
    after: str | None = None
    while True:
        page = fetch(after)
        yield from page.rows
        if page.next_cursor is None:
            return
        after = page.next_cursor


def export(
    connection: Connection,
    fmt: str,
    out: BinaryIO | Path,
    flt: AgreementFilter | None = None,
    *,
    sort: str = "-last_date",
) -> int:
    """Write the agreements matching ``flt`` in ``sort`` order (and, for xlsx, meetings and people);
    returns the count."""
    flt = flt or AgreementFilter()
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    if fmt == "xlsx":
        return _export_xlsx(connection, out, flt, sort)
    stream = out.open("wb") if isinstance(out, Path) else out
    try:
        if fmt == "csv":
            return _export_csv(connection, stream, flt, sort)
        return _export_json(connection, stream, flt, sort)
    finally:
        if isinstance(out, Path):
            stream.close()


def _export_csv(connection: Connection, stream: BinaryIO, flt: AgreementFilter, sort: str) -> int:
    return _write_csv(
        stream, AGREEMENT_COLUMNS, (agreement_cells(r) for r in iter_agreements(connection, flt, sort=sort))
    )


def _write_csv(stream: BinaryIO, columns: tuple[str, ...], rows: Iterator[list[Any]]) -> int:
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(columns)
    count = 0
    for cells in rows:
        writer.writerow(cells)
        count += 1
    text.flush()
    text.detach()
    return count


def _export_json(connection: Connection, stream: BinaryIO, flt: AgreementFilter, sort: str) -> int:
    stream.write(b"[")
    count = 0
    for row in iter_agreements(connection, flt, sort=sort):
        stream.write(b",\n" if count else b"\n")
        stream.write(orjson.dumps(agreement_json(connection, row)))
        count += 1
    stream.write(b"\n]\n")
    return count


def _export_xlsx(connection: Connection, out: BinaryIO | Path, flt: AgreementFilter, sort: str) -> int:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Agreements")
    sheet.append(list(AGREEMENT_COLUMNS))
    count = 0
    for row in iter_agreements(connection, flt, sort=sort):
        sheet.append(agreement_cells(row))
        count += 1
    events = book.create_sheet("Events")
    events.append(list(EVENT_COLUMNS))
    for cells in _events(connection, flt):
        events.append(cells)
    meetings = book.create_sheet("Meetings")
    meetings.append(list(MEETING_COLUMNS))
    for cells in _table_cells(connection, "meetings", {}):
        meetings.append(cells)
    people = book.create_sheet("People")
    people.append(list(PERSON_COLUMNS))
    for cells in _table_cells(connection, "people", {}):
        people.append(cells)
    book.save(out)
    return count


def _table_cells(connection: Connection, table: str, filters: dict[str, Any]) -> Iterator[list[Any]]:
    if table == "meetings":
        for m in _pages(lambda after: list_meetings(connection, limit=500, after=after, **filters)):
            yield _cells(asdict(m), MEETING_COLUMNS)
    else:
        for p in _pages(lambda after: list_people(connection, limit=500, after=after, **filters)):
            yield _cells(asdict(p), PERSON_COLUMNS)


def export_table(connection: Connection, table: str, fmt: str, out: BinaryIO | Path, **filters: Any) -> int:
    """Write every meeting or person matching ``filters`` (the listing's keyword filters:
    ``country``, ``since``, ``until`` for meetings; ``name``, ``country`` for people)."""
    if table == "agreements":
        return export(connection, fmt, out, AgreementFilter(**filters))
    if table not in TABLES:
        raise UsageError(f"unknown table {table!r}: one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    columns = MEETING_COLUMNS if table == "meetings" else PERSON_COLUMNS
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet(table.title())
        sheet.append(list(columns))
        count = 0
        for cells in _table_cells(connection, table, filters):
            sheet.append(cells)
            count += 1
        book.save(out)
        return count
    stream = out.open("wb") if isinstance(out, Path) else out
    try:
        if fmt == "csv":
            return _write_csv(stream, columns, _table_cells(connection, table, filters))
        stream.write(b"[")
        count = 0
        rows = (
            _pages(lambda after: list_meetings(connection, limit=500, after=after, **filters))
            if table == "meetings"
            else _pages(lambda after: list_people(connection, limit=500, after=after, **filters))
        )
        for row in rows:
            stream.write(b",\n" if count else b"\n")
            stream.write(orjson.dumps(asdict(row)))
            count += 1
        stream.write(b"\n]\n")
        return count
    finally:
        if isinstance(out, Path):
            stream.close()

"""Many rows in one statement: compiled once per table and dialect, run by the driver's executemany.

    bulk_insert(connection, table, rows)                   INSERT, rows as dicts of column values
    bulk_insert(..., ignore_conflicts=True)                INSERT ... ON CONFLICT DO NOTHING
    bulk_update(connection, table, rows)                   UPDATE ... WHERE pk = :pk, the rest of
                                                           each row's columns set

SQLAlchemy's own executemany builds and processes a parameter dict for every row
(``construct_params``, type processors): in an ingest that was a third of the time the
store spends in Python. The ingest's tables hold integers and strings, whose values need
no processing on SQLite or PostgreSQL, so their rows can go to the driver as they are.
A column whose type does need it (Boolean on SQLite, JSON, DateTime) is refused when the
statement is compiled: such tables go through ``connection.execute`` as before.

Every row of one call has the same columns in the same order (the first row's), as
SQLAlchemy's executemany also requires.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.engine import Dialect

__all__ = ["bulk_insert", "bulk_update", "placeholder"]


def bulk_insert(
    connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]], *, ignore_conflicts: bool = False
) -> None:
    """Insert ``rows``; with ``ignore_conflicts``, skip those that would break a unique constraint."""
    if rows:
        columns = tuple(rows[0])
        statement = _insert_sql(connection.dialect, table, columns, ignore_conflicts)
        connection.exec_driver_sql(statement, _values(rows, columns))


def bulk_update(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Set, in the row of each of ``rows``' ``pk``, the other columns it gives."""
    if rows:
        columns = tuple(c for c in rows[0] if c != "pk")
        statement = _update_sql(connection.dialect, table, columns)
        connection.exec_driver_sql(statement, _values(rows, (*columns, "pk")))


def _values(rows: Sequence[Mapping[str, Any]], columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
    if len(columns) == 1:
        return [(row[columns[0]],) for row in rows]
    values = itemgetter(*columns)  # a tuple per row, in C
    return [values(row) for row in rows]


def placeholder(dialect: Dialect) -> str:
    """The driver's mark of a positional parameter, for statements given to ``exec_driver_sql``."""
    # sqlite3 takes qmark; psycopg takes %s (SQLAlchemy's own paramstyle for it is pyformat).
    return "?" if dialect.paramstyle == "qmark" else "%s"


def _check_plain(dialect: Dialect, table: Table, columns: tuple[str, ...]) -> None:
    for name in columns:
        column_type = table.c[name].type
        if column_type.bind_processor(dialect) is not None:
            raise TypeError(
                f"{table.name}.{name} ({column_type}) needs its values processed on {dialect.name}: "
                "insert it with connection.execute"
            )


@cache
def _insert_sql(dialect: Dialect, table: Table, columns: tuple[str, ...], ignore_conflicts: bool) -> str:
    _check_plain(dialect, table, columns)
    quote = dialect.identifier_preparer
    names = ", ".join(quote.format_column(table.c[name]) for name in columns)
    values = ", ".join(placeholder(dialect) for _ in columns)
    statement = f"INSERT INTO {quote.format_table(table)} ({names}) VALUES ({values})"
    # SQLite (3.24+) and PostgreSQL spell it alike.
    return statement + " ON CONFLICT DO NOTHING" if ignore_conflicts else statement


@cache
def _update_sql(dialect: Dialect, table: Table, columns: tuple[str, ...]) -> str:
    _check_plain(dialect, table, columns)
    quote = dialect.identifier_preparer
    mark = placeholder(dialect)
    assignments = ", ".join(f"{quote.format_column(table.c[name])} = {mark}" for name in columns)
    where = f"{quote.format_column(table.c.pk)} = {mark}"
    return f"UPDATE {quote.format_table(table)} SET {assignments} WHERE {where}"

"""Registry commands: db, ingest, reextract, agreements, show, people, meetings, search, export.

Each command opens the registry (``--db``, else ``SEPAKAT_DB``, else ./sepakat.db; a new
file is created and migrated), calls one library function and prints its result. Exit
codes: 0 done, 1 some input refused, 2 usage error, 3 the registry could not be used.
"""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from sepakat.cli import app

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from sepakat.store.queries import AgreementFilter, Page

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Registry URL or SQLite file (default: $SEPAKAT_DB, else ./sepakat.db)."),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, help="Rows per page.")]
AfterOption = Annotated[
    str | None, typer.Option("--after", help="Cursor printed at the end of the previous page.")
]
AllOption = Annotated[bool, typer.Option("--all", help="Every page, not only the first.")]

db_app = typer.Typer(help="Create and migrate the registry's schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def fail(error: Exception) -> NoReturn:
    """Print sepakat's own error as one line and exit with its code."""
    from sepakat.errors import StoreError, UsageError

    typer.echo(f"sepakat: {error}", err=True)
    if isinstance(error, UsageError):
        raise typer.Exit(2)
    if isinstance(error, StoreError):
        raise typer.Exit(3)
    raise error


@contextmanager
def registry(db: str | None, *, migrate_new: bool = True) -> Iterator[Engine]:
    """The open registry; sepakat's errors become a message and an exit code."""
    from sepakat.errors import SepakatError
    from sepakat.store.engine import open_registry

    try:
        engine = open_registry(db, migrate_new=migrate_new)
    except SepakatError as error:
        fail(error)
    try:
        yield engine
    except SepakatError as error:
        fail(error)
    finally:
        engine.dispose()


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None, revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Migrate the registry's schema to REVISION (default: the newest)."""
    from sepakat.errors import SepakatError
    from sepakat.store.engine import current_revision, make_engine, resolve_url, upgrade

    engine = make_engine(resolve_url(db))
    try:
        upgrade(engine, revision)
        typer.echo(f"registry at schema {current_revision(engine)}")
    except SepakatError as error:
        fail(error)
    finally:
        engine.dispose()


@db_app.command("downgrade")
def db_downgrade(
    revision: Annotated[str, typer.Argument(help="Revision to go back to.")], db: DbOption = None
) -> None:
    """Migrate the registry's schema back to REVISION."""
    from sepakat.store.engine import current_revision, downgrade, make_engine, resolve_url

    engine = make_engine(resolve_url(db))
    try:
        downgrade(engine, revision)
        typer.echo(f"registry at schema {current_revision(engine)}")
    finally:
        engine.dispose()


@db_app.command("current")
def db_current(db: DbOption = None) -> None:
    """Print the registry's schema revision and the newest one sepakat knows."""
    from sepakat.store.engine import current_revision, head_revision, make_engine, resolve_url

    engine = make_engine(resolve_url(db))
    try:
        typer.echo(f"{current_revision(engine) or 'empty'} (newest: {head_revision()})")
    finally:
        engine.dispose()


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int], None]]:
    """A live count on stderr when it is a terminal; nothing when piped."""
    if not sys.stderr.isatty():
        yield lambda _n: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(), TextColumn("{task.completed} " + label), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task(label, total=None)
        yield lambda n: progress.advance(task, n)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for standard input.")],
    db: DbOption = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", min=1, help="Extraction processes.")
    ] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per transaction.")] = 250,
    max_bytes: Annotated[
        int | None, typer.Option("--max-bytes", min=1, help="Refuse larger articles.")
    ] = None,
) -> None:
    """Extract articles and store them in the registry (idempotent: the same article changes nothing)."""
    from sepakat.pipeline import default_workers, run
    from sepakat.store.ingest import ingest as ingest_outcomes

    options: dict[str, object] = {} if max_bytes is None else {"max_document_bytes": max_bytes}
    with registry(db) as engine, _progress("articles") as advance:
        summary = ingest_outcomes(
            engine,
            run(paths, workers or default_workers(), **options),
            batch_size=batch_size,
            progress=advance,
        )
    for refusal in summary.refusals:
        typer.echo(f"sepakat: refused {refusal.origin}: {refusal.reason}", err=True)
    typer.echo(summary.line(), err=True)
    if summary.refused:
        raise typer.Exit(1)


@app.command()
def reextract(
    db: DbOption = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", min=1, help="Extraction processes.")
    ] = None,
) -> None:
    """Extract every stored article again with the current rules; curations are kept."""
    from sepakat.pipeline import default_workers
    from sepakat.store.ingest import reextract as reextract_all

    with registry(db) as engine, _progress("articles") as advance:
        summary = reextract_all(engine, workers=workers or default_workers(), progress=advance)
    typer.echo(summary.line(), err=True)


def _check_format(fmt: str, allowed: Sequence[str] = ("table", "csv", "json")) -> None:
    if fmt not in allowed:
        from sepakat.errors import UsageError

        fail(UsageError(f"unknown format {fmt!r}: one of {', '.join(allowed)}"))


def _print_rows(rows: list[Any], columns: Sequence[str], fmt: str, title: str) -> None:
    """Rows (dataclasses) as a table on a terminal, CSV or a JSON array."""
    records = [asdict(r) for r in rows]
    if fmt == "json":
        import orjson

        sys.stdout.buffer.write(orjson.dumps(records, option=orjson.OPT_INDENT_2) + b"\n")
        return
    cells = [["; ".join(v) if isinstance(v, tuple | list) else ("" if v is None else v) for v in
              (r[c] for c in columns)] for r in records]  # fmt: skip
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(cells)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in columns:
        if column in _SHORT_COLUMNS:
            table.add_column(column, no_wrap=True)  # ids, dates and codes read whole
        else:
            table.add_column(column, overflow="fold", ratio=1, min_width=12)
    for row in cells:
        table.add_row(*(str(v) for v in row))
    # Piped or redirected output has no terminal width to follow: a wide page, not 80 columns.
    Console(width=None if sys.stdout.isatty() else 200).print(table)


_SHORT_COLUMNS = frozenset(
    {
        "id",
        "kind",
        "status",
        "date",
        "last_date",
        "reports",
        "role_date",
        "agreement_id",
        "article_id",
        "published",
    }
)


def _pages(
    fetch: Callable[[str | None], Page], after: str | None, every: bool
) -> tuple[list[Any], str | None]:
    rows: list[Any] = []
    while True:
        page = fetch(after)
        rows.extend(page.rows)
        if not every or page.next_cursor is None:
            return rows, page.next_cursor
        after = page.next_cursor


def _agreement_filter(**values: Any) -> AgreementFilter:
    from sepakat.store.queries import AgreementFilter

    return AgreementFilter(**values)


AGREEMENT_LIST_COLUMNS = (
    "id",
    "name",
    "kind",
    "status",
    "status_date",
    "countries",
    "sectors",
    "report_count",
)


@app.command()
def agreements(
    db: DbOption = None,
    country: Annotated[
        str | None, typer.Option("--country", help="ISO alpha-3 or bloc code (RUS, EU).")
    ] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="Current stage (signed, negotiating...).")
    ] = None,
    sector: Annotated[
        str | None, typer.Option("--sector", help="Sector id (shipbuilding, energy...).")
    ] = None,
    party: Annotated[str | None, typer.Option("--party", help="A party, or any alias of it.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Active since (2025, 2025-01, 2025-01-31).")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Active until.")] = None,
    rejected: Annotated[
        bool, typer.Option("--rejected", help="Include agreements rejected by curation.")
    ] = False,
    fmt: FormatOption = "table",
    limit: LimitOption = 50,
    after: AfterOption = None,
    every: AllOption = False,
) -> None:
    """List agreements, latest activity first, with their current stage."""
    from sepakat.store.queries import list_agreements

    _check_format(fmt)
    flt = _agreement_filter(
        country=country,
        status=status,
        sector=sector,
        party=party,
        since=since,
        until=until,
        include_rejected=rejected,
    )
    with registry(db) as engine, engine.connect() as connection:
        rows, cursor = _pages(lambda a: list_agreements(connection, flt, limit=limit, after=a), after, every)
    _print_rows(rows, AGREEMENT_LIST_COLUMNS, fmt, "Agreements")
    if cursor and fmt == "table":
        typer.echo(f"more: --after {cursor}", err=True)


@app.command()
def show(
    agreement_id: Annotated[str, typer.Argument(help="An agreement id (agr-...).")],
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """One agreement: its fields and its timeline, each event with its sentence and source."""
    from sepakat.errors import UsageError
    from sepakat.store.queries import get_agreement

    _check_format(fmt, ("text", "json"))
    with registry(db) as engine, engine.connect() as connection:
        detail = get_agreement(connection, agreement_id)
    if detail is None:
        fail(UsageError(f"no agreement {agreement_id!r}"))
    if fmt == "json":
        import orjson

        sys.stdout.buffer.write(orjson.dumps(asdict(detail), option=orjson.OPT_INDENT_2) + b"\n")
        return
    a = detail.agreement
    lines = [
        f"{a.id}  {a.name or '(unnamed)'}",
        f"  kind: {a.kind}   status: {a.status} ({a.status_date or 'undated'})"
        + ("   REJECTED" if a.rejected else ""),
        f"  countries: {', '.join(a.countries) or '-'}   sectors: {', '.join(a.sectors) or '-'}",
        f"  parties: {'; '.join(a.parties) or '-'}",
        f"  reported {a.report_count} time(s), {a.first_date} .. {a.last_date}",
    ]
    for name in a.curated:
        lines.append(f"  corrected by hand: {name} (extracted: {detail.extracted.get(name)!r})")
    lines.append("timeline:")
    for e in detail.events:
        lines.append(f"  {e.date or e.sort_date + ' (published)'}  {e.status}  [{e.report_key}]")
        lines.append(f"    \u201c{e.evidence}\u201d")
        lines.append(f"    {e.source or ''} {e.article_title or ''} {e.article_url or e.article_id}".rstrip())
    if detail.curations:
        lines.append("curations:")
        for c in detail.curations:
            what = f"{c.field}={c.value!r}" if c.action == "set" else c.action
            lines.append(f"  {c.id}  {c.created_at}  {c.author}: {what}  {c.reason}".rstrip())
    typer.echo("\n".join(lines))


@app.command()
def people(
    db: DbOption = None,
    name: Annotated[str | None, typer.Option("--name", help="Names starting with this.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO alpha-3.")] = None,
    fmt: FormatOption = "table",
    limit: LimitOption = 50,
    after: AfterOption = None,
    every: AllOption = False,
) -> None:
    """List people with their latest reported office."""
    from sepakat.store.queries import list_people

    _check_format(fmt)
    with registry(db) as engine, engine.connect() as connection:
        rows, cursor = _pages(
            lambda a: list_people(connection, name=name, country=country, limit=limit, after=a), after, every
        )
    _print_rows(rows, ("id", "name", "role", "country", "role_date", "reports"), fmt, "People")
    if cursor and fmt == "table":
        typer.echo(f"more: --after {cursor}", err=True)


@app.command()
def meetings(
    db: DbOption = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO alpha-3 or bloc code.")] = None,
    since: Annotated[str | None, typer.Option("--since")] = None,
    until: Annotated[str | None, typer.Option("--until")] = None,
    fmt: FormatOption = "table",
    limit: LimitOption = 50,
    after: AfterOption = None,
    every: AllOption = False,
) -> None:
    """List meetings, visits and calls, latest first."""
    from sepakat.store.queries import list_meetings

    _check_format(fmt)
    with registry(db) as engine, engine.connect() as connection:
        rows, cursor = _pages(
            lambda a: list_meetings(
                connection, country=country, since=since, until=until, limit=limit, after=a
            ),
            after,
            every,
        )
    _print_rows(rows, ("id", "kind", "date", "place", "countries", "participants"), fmt, "Meetings")
    if cursor and fmt == "table":
        typer.echo(f"more: --after {cursor}", err=True)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in articles and evidence sentences.")],
    db: DbOption = None,
    limit: LimitOption = 20,
    fmt: FormatOption = "table",
) -> None:
    """Full-text search over articles and the evidence of agreements."""
    from sepakat.store.search import search as search_registry

    _check_format(fmt)
    with registry(db) as engine, engine.connect() as connection:
        hits = search_registry(connection, query, limit=limit)
    _print_rows(hits, ("kind", "agreement_id", "article_id", "published", "title", "snippet"), fmt, "Search")


@app.command()
def export(
    db: DbOption = None,
    table: Annotated[
        str, typer.Option("--table", "-t", help="agreements, meetings or people.")
    ] = "agreements",
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, json or xlsx.")] = "csv",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File (stdout for csv and json).")
    ] = None,
    country: Annotated[str | None, typer.Option("--country")] = None,
    status: Annotated[str | None, typer.Option("--status", help="Agreements only.")] = None,
    sector: Annotated[str | None, typer.Option("--sector", help="Agreements only.")] = None,
    party: Annotated[str | None, typer.Option("--party", help="Agreements only.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Agreements and meetings.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Agreements and meetings.")] = None,
) -> None:
    """Export agreements (csv: one row each; json: with timelines; xlsx: plus meetings and
    people), or with --table the meetings or the people alone."""
    from sepakat.errors import UsageError
    from sepakat.store.export import export as export_registry
    from sepakat.store.export import export_table

    if fmt == "xlsx" and output is None:
        fail(UsageError("xlsx needs an output file (-o FILE.xlsx)"))
    if table not in ("agreements", "meetings", "people"):
        fail(UsageError(f"unknown table {table!r}: one of agreements, meetings, people"))
    if table != "agreements":
        only_agreements = {"--status": status, "--sector": sector, "--party": party}
        if table == "people":
            only_agreements |= {"--since": since, "--until": until}
        given = [name for name, value in only_agreements.items() if value is not None]
        if given:
            fail(UsageError(f"{', '.join(given)} do(es) not filter {table}"))
        filters = (
            {"country": country}
            if table == "people"
            else {"country": country, "since": since, "until": until}
        )
        with registry(db) as engine, engine.connect() as connection:
            count = export_table(
                connection,
                table,
                fmt,
                output or sys.stdout.buffer,
                **{key: value for key, value in filters.items() if value is not None},
            )
        typer.echo(f"{count} {table[:-1] if table == 'meetings' else 'person'}(s) exported", err=True)
        return
    flt = _agreement_filter(
        country=country, status=status, sector=sector, party=party, since=since, until=until
    )
    with registry(db) as engine, engine.connect() as connection:
        count = export_registry(connection, fmt, output or sys.stdout.buffer, flt)
    typer.echo(f"{count} agreement(s) exported", err=True)


def default_author() -> str:
    return os.environ.get("SEPAKAT_USER") or os.environ.get("USER") or "analyst"

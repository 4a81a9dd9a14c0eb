"""``sepakat brief CODE``: the partner brief for a trip, as Markdown, HTML or PDF."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer

from sepakat.cli import app
from sepakat.cli.registry import DbOption, fail, registry


@app.command()
def brief(
    partner: Annotated[str, typer.Argument(help="ISO alpha-3 or bloc code (RUS, EU).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, html or pdf.")] = "md",
    since: Annotated[
        str | None, typer.Option("--since", help="'What moved' starts here (default: six months back).")
    ] = None,
    today: Annotated[
        str | None, typer.Option("--today", help="Date the brief is as of (default: today).")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="en or id.")] = "en",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File (stdout for md and html).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Agreements by stage with dates, what moved, what is stalled, meetings and officials, with sources."""
    from sepakat.brief import FORMATS, build_brief, render
    from sepakat.errors import UsageError

    if fmt not in FORMATS:
        fail(UsageError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}"))
    if lang not in ("en", "id"):
        fail(UsageError(f"unknown language {lang!r}: en or id"))
    if fmt == "pdf" and output is None:
        fail(UsageError("a PDF needs an output file (-o brief.pdf)"))
    try:
        as_of = date.fromisoformat(today) if today else datetime.now(UTC).date()
    except ValueError:
        fail(UsageError(f"--today must be a date like 2025-11-01, not {today!r}"))
    with registry(db) as engine, engine.connect() as connection:
        content = build_brief(connection, partner, today=as_of, since=since)
        body, _media = render(content, fmt, lang=lang)
    if output is None:
        sys.stdout.buffer.write(body)
    else:
        output.write_bytes(body)
        typer.echo(f"brief on {content.code} written to {output}", err=True)

"""``sepakat extract``: extraction records of articles as JSON Lines."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, BinaryIO

import typer

from sepakat.cli import app


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for standard input.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the records here instead of stdout.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", min=1, help="Worker processes (default: all cores).")
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option("--max-bytes", min=1, help="Refuse articles larger than this (default 5 MB)."),
    ] = None,
) -> None:
    """Print one extraction record per article (shared/spec/EXTRACTION.md), in input order.

    Exit code 0 when every input gave its records, 1 when some input was refused (one
    line on stderr each), 2 for a usage error.
    """
    from sepakat.errors import UsageError
    from sepakat.models import Refusal
    from sepakat.pipeline import default_workers, run
    from sepakat.serialize import record_json

    read_options: dict[str, object] = {}
    if max_bytes is not None:
        read_options["max_document_bytes"] = max_bytes
    refused = 0
    out: BinaryIO = output.open("wb") if output else sys.stdout.buffer
    try:
        with _progress() as advance:
            for outcome in run(paths, workers or default_workers(), **read_options):
                if isinstance(outcome, Refusal):
                    refused += 1
                    typer.echo(f"sepakat: refused {outcome.origin}: {outcome.reason}", err=True)
                else:
                    out.write(record_json(outcome.record))
                advance()
    except UsageError as e:
        typer.echo(f"sepakat: {e}", err=True)
        raise typer.Exit(2) from None
    finally:
        if output:
            out.close()
        else:
            out.flush()
    if refused:
        typer.echo(f"sepakat: {refused} input(s) refused", err=True)
        raise typer.Exit(1)


@contextmanager
def _progress() -> Iterator[Callable[[], None]]:
    """A live count on stderr when it is a terminal; nothing when piped."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.completed} articles"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("extract", total=None)
        yield lambda: bar.advance(task)

"""``sepakat batch``: extraction over shards of the inputs, on a process pool or a Dask cluster.

Parses the arguments, builds the executor, calls ``sepakat.batch.run_batch`` and prints
its summary. Exit codes as ``ingest``: 0 done, 1 some input refused, 2 usage error,
3 the registry could not be used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from sepakat.cli import app
from sepakat.cli.registry import DbOption, fail

if TYPE_CHECKING:
    from sepakat.batch import ShardDone

MAX_REFUSALS_SHOWN = 50


@app.command()
def batch(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, WARC archives, JSON Lines, URLs.")],
    engine: Annotated[str, typer.Option("--engine", "-e", help="local (a process pool) or dask.")] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", help="A running Dask scheduler (tcp://host:8786); default: a local cluster."
        ),
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", min=1, help="Processes (local) or local Dask workers.")
    ] = None,
    db: DbOption = None,
    shard_size: Annotated[
        int, typer.Option("--shard-size", min=1, help="Articles (lines, files) per shard.")
    ] = 500,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per transaction.")] = 250,
    max_bytes: Annotated[
        int | None, typer.Option("--max-bytes", min=1, help="Refuse larger articles.")
    ] = None,
    again: Annotated[bool, typer.Option("--again", help="Run shards an earlier run stored, too.")] = False,
    languages: Annotated[
        str | None, typer.Option("--languages", help="Store only articles in these languages (id,en).")
    ] = None,
) -> None:
    """Extract and store many articles in shards, on this machine's cores or a Dask cluster (idempotent)."""
    from sepakat.batch import make_executor, run_batch
    from sepakat.errors import SepakatError, StoreError
    from sepakat.sources.checks import DEFAULT_MAX_DOCUMENT_BYTES

    def progress(done: ShardDone) -> None:
        typer.echo(f"stored {done.path} ({done.part}): {done.documents} documents", err=True)

    try:
        executor = make_executor(engine, workers=workers, scheduler=scheduler)
    except SepakatError as error:
        fail(error)
    try:
        summary = run_batch(
            paths, executor=executor, db=db, shard_size=shard_size, batch_size=batch_size,
            max_document_bytes=max_bytes or DEFAULT_MAX_DOCUMENT_BYTES, resume=not again, progress=progress,
            languages=[code for code in (languages or "").split(",") if code.strip()],
        )  # fmt: skip
    except SepakatError as error:
        fail(error)
    except Exception as error:  # a driver error from a worker (unreachable database): say where
        if type(error).__module__.startswith(("sqlalchemy", "psycopg")):
            fail(StoreError(f"the registry could not be written: {error}"))
        raise
    finally:
        executor.close()
    for refusal in summary.refusals[:MAX_REFUSALS_SHOWN]:
        typer.echo(f"sepakat: refused {refusal.origin}: {refusal.reason}", err=True)
    if summary.refused > MAX_REFUSALS_SHOWN:
        typer.echo(f"sepakat: ... and {summary.refused - MAX_REFUSALS_SHOWN} more refused", err=True)
    typer.echo(summary.line(), err=True)
    if summary.refused:
        raise typer.Exit(1)

"""Following sources: ``sources add/list/remove`` and ``watch``.

Each command opens the registry (as the registry commands do), calls one library
function of ``sepakat.follow`` and prints its result. ``watch`` runs until interrupted
(Ctrl-C ends it after the round in progress is stored), or ``--once``.
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import UTC, datetime
from typing import Annotated

import typer

from sepakat.cli import app
from sepakat.cli.registry import DbOption, FormatOption, _check_format, _print_rows, fail, registry

sources_app = typer.Typer(help="Feeds and pages that `sepakat watch` follows.", no_args_is_help=True)
app.add_typer(sources_app, name="sources")

AllowOption = Annotated[
    list[str] | None,
    typer.Option(
        "--allow-network",
        help="Fetch from this private or loopback network too (CIDR; repeatable). Default: public only.",
    ),
]
DelayOption = Annotated[
    float | None,
    typer.Option("--delay", min=0.0, help="Seconds between two requests to one host (default 1)."),
]
SOURCE_COLUMNS = ("url", "every", "last_status", "last_fetch_at", "items_seen", "last_error")


@sources_app.command("add")
def sources_add(
    url: Annotated[str, typer.Argument(help="An RSS or Atom feed, or a page, to follow.")],
    every: Annotated[str, typer.Option("--every", help="How often: 30m, 2h, 1d.")] = "30m",
    db: DbOption = None,
) -> None:
    """Follow URL: `sepakat watch` fetches it every interval and stores its new articles."""
    from sepakat.errors import SepakatError
    from sepakat.follow.state import add_source, format_interval, parse_interval

    try:
        seconds = parse_interval(every)
    except SepakatError as error:
        fail(error)
    with registry(db) as engine:
        source = add_source(engine, url, seconds, now=datetime.now(UTC))
    typer.echo(f"following {source.url} every {format_interval(source.interval_seconds)}", err=True)


@sources_app.command("remove")
def sources_remove(url: Annotated[str, typer.Argument(help="A followed URL.")], db: DbOption = None) -> None:
    """Stop following URL (its articles stay in the registry)."""
    from sepakat.follow.state import remove_source

    with registry(db) as engine:
        removed = remove_source(engine, url)
    if not removed:
        typer.echo(f"sepakat: {url} was not followed", err=True)
        raise typer.Exit(1)
    typer.echo(f"no longer following {url}", err=True)


@sources_app.command("list")
def sources_list(db: DbOption = None, fmt: FormatOption = "table") -> None:
    """The followed sources: interval, last outcome, items fetched, the last error."""
    from dataclasses import dataclass

    from sepakat.follow.state import format_interval, list_sources

    _check_format(fmt)

    @dataclass(frozen=True)
    class Row:
        url: str
        every: str
        title: str | None
        last_status: str | None
        last_fetch_at: str | None
        next_fetch_at: str
        items_seen: int
        error_count: int
        last_error: str | None

    with registry(db) as engine:
        rows = [
            Row(s.url, format_interval(s.interval_seconds), s.title, s.last_status, s.last_fetch_at,
                s.next_fetch_at, s.items_seen, s.error_count, s.last_error)
            for s in list_sources(engine)
        ]  # fmt: skip
    _print_rows(
        rows, SOURCE_COLUMNS if fmt == "table" else tuple(Row.__dataclass_fields__), fmt, "Followed sources"
    )


@app.command()
def watch(
    db: DbOption = None,
    once: Annotated[bool, typer.Option("--once", help="One round of the due sources, then exit.")] = False,
    allow_network: AllowOption = None,
    delay: DelayOption = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per transaction.")] = 50,
) -> None:
    """Fetch the followed sources when due, store their new articles, sleep, repeat (Ctrl-C stops)."""
    from sepakat.errors import SepakatError
    from sepakat.follow.watch import RoundReport
    from sepakat.follow.watch import watch as watch_sources
    from sepakat.sources.fetch import Fetcher, FetchPolicy, parse_networks

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request drowns the rounds
    overrides: dict[str, object] = {}
    try:
        if allow_network:
            overrides["allow_networks"] = parse_networks(allow_network)
        if delay is not None:
            overrides["min_interval"] = delay
        policy = FetchPolicy.from_env(**overrides)
    except SepakatError as error:
        fail(error)
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    failed = False

    def report(round_report: RoundReport) -> None:
        nonlocal failed
        failed = failed or bool(round_report.failed or round_report.items_refused)
        typer.echo(round_report.line(), err=True)

    try:
        with registry(db) as engine, Fetcher(policy) as fetcher:
            watch_sources(engine, fetcher, stop=stop, rounds=1 if once else None, on_round=report,
                          batch_size=batch_size)  # fmt: skip
    except KeyboardInterrupt:
        typer.echo("sepakat: watch stopped", err=True)
    finally:
        signal.signal(signal.SIGTERM, previous)
    if once and failed:
        raise typer.Exit(1)

"""``sepakat serve``: the pages and the REST API over one registry, on uvicorn."""

from __future__ import annotations

import socket
from typing import Annotated

import typer

from sepakat.cli import app
from sepakat.cli.registry import DbOption, fail


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def _is_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", "-p", min=0, max=65535, help="Port (0: any free one).")
    ] = 8000,
    read_token: Annotated[
        bool | None,
        typer.Option(
            "--read-token/--open-read",
            help="Make reading need a token too (default: only when serving beyond loopback, "
            "or when $SEPAKAT_READ_TOKEN=1).",
        ),
    ] = None,
    max_body: Annotated[int, typer.Option("--max-body", min=1024, help="Largest request body, bytes.")] = 2
    << 20,
    query_seconds: Annotated[
        float, typer.Option("--query-seconds", min=0.1, help="Stop a query running longer (503).")
    ] = 5.0,
    today: Annotated[
        str | None, typer.Option("--today", help="Date the dashboard counts back from (demos of old news).")
    ] = None,
) -> None:
    """Serve the web pages and the REST API (under /api) until Ctrl-C."""
    import uvicorn

    from sepakat.api.app import close_app, create_app
    from sepakat.api.settings import ServeSettings, read_token_default
    from sepakat.errors import SepakatError, UsageError

    if today is not None and not _is_date(today):
        fail(UsageError(f"--today must be a date like 2025-11-01, not {today!r}"))
    if port and not _port_free(host, port):
        fail(UsageError(f"port {port} on {host} is taken: pass --port with another (0 picks a free one)"))
    settings = ServeSettings(
        db=db,
        read_needs_token=read_token if read_token is not None else read_token_default(host),
        max_body_bytes=max_body,
        query_seconds=query_seconds,
        today=today,
    )
    try:
        web = create_app(settings)
    except SepakatError as error:
        fail(error)
    config = uvicorn.Config(web, host=host, port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)

    async def announce() -> None:
        # The address is known once the socket is bound (port 0 picks one).
        for bound in server.servers:
            for sock in bound.sockets:
                address = sock.getsockname()
                shown = f"[{address[0]}]" if ":" in address[0] else address[0]
                typer.echo(
                    f"sepakat: serving {web.state.engine.url!r} at http://{shown}:{address[1]}/", err=False
                )
        reading = "needs a token" if settings.read_needs_token else "is open"
        typer.echo(f"sepakat: reading {reading}; writing needs a token (sepakat token create). Ctrl-C stops.")

    original = server.startup

    async def startup(sockets: list[socket.socket] | None = None) -> None:
        await original(sockets)
        await announce()

    server.startup = startup  # type: ignore[method-assign]
    try:
        server.run()
    finally:
        close_app(web)

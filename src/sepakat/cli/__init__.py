"""The ``sepakat`` command: thin wrappers over library calls.

Each submodule registers its commands on ``app``; every command parses its arguments,
calls one library function and turns sepakat's own errors into a message and an exit
code (0 all good, 1 some input refused, 2 usage error).
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="sepakat",
    help="Follow international cooperation agreements through the news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    # Imported for their side effect of adding commands to ``app``.
    from sepakat.cli import (  # noqa: F401
        batch,
        brief,
        curate,
        evaluation,
        extract,
        registry,
        serve,
        sources,
        token,
    )


def main() -> None:
    _register()
    app()

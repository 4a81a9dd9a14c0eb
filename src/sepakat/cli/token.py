"""``sepakat token ...``: who may write (and, when reading is closed, read) through the pages and API."""

from __future__ import annotations

from typing import Annotated

import typer

from sepakat.cli import app
from sepakat.cli.registry import DbOption, registry

token_app = typer.Typer(help="Make, list and revoke the API's and pages' tokens.", no_args_is_help=True)
app.add_typer(token_app, name="token")


@token_app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="Who the token is for (a user name).")],
    role: Annotated[str, typer.Option("--role", help="viewer, editor or admin.")] = "viewer",
    db: DbOption = None,
) -> None:
    """Make a token; its secret is printed once (the registry keeps only its digest)."""
    from sepakat.store.accounts import create_token

    with registry(db) as engine:
        info, secret = create_token(engine, name, role)
    typer.echo(secret)
    typer.echo(
        f"{info.id}: {info.role} token for {info.user}; keep the line above, it is not shown again", err=True
    )


@token_app.command("list")
def list_(
    db: DbOption = None,
    user: Annotated[str | None, typer.Option("--user", help="Only this user's tokens.")] = None,
) -> None:
    """Tokens (never their secrets): id, user, role, made, last used, revoked."""
    from sepakat.store.accounts import list_tokens

    with registry(db) as engine, engine.connect() as connection:
        tokens = list_tokens(connection, user)
    for t in tokens:
        typer.echo(
            f"{t.id}\t{t.user}\t{t.role}\t{t.created_at}\t{t.last_used_at or '-'}\t"
            f"{'revoked ' + t.revoked_at if t.revoked_at else 'live'}"
        )


@token_app.command("revoke")
def revoke(
    token_id: Annotated[str, typer.Argument(help="The token's id (tok-...).")], db: DbOption = None
) -> None:
    """Revoke a token: it stops working at once, and so do page sessions signed in with it."""
    from sepakat.store.accounts import revoke_token

    with registry(db) as engine:
        info = revoke_token(engine, token_id)
    typer.echo(f"{info.id} ({info.user}) revoked at {info.revoked_at}")

"""``sepakat curate ...``: an analyst's corrections, each with who and why, all undoable."""

from __future__ import annotations

from typing import Annotated

import typer

from sepakat.cli import app
from sepakat.cli.registry import DbOption, default_author, registry

curate_app = typer.Typer(
    help="Correct the registry by hand: set a field, merge, split, reject, undo.", no_args_is_help=True
)
app.add_typer(curate_app, name="curate")

ByOption = Annotated[str | None, typer.Option("--by", help="Who (default: $SEPAKAT_USER, else $USER).")]
WhyOption = Annotated[str, typer.Option("--why", help="Why: kept in the log beside the change.")]


def _done(curation_id: str, what: str) -> None:
    typer.echo(f"{curation_id}: {what} (undo with `sepakat curate undo {curation_id}`)")


@curate_app.command("set")
def set_field(
    kind: Annotated[str, typer.Argument(help="agreement, meeting or person.")],
    target_id: Annotated[str, typer.Argument(help="Its id.")],
    field: Annotated[str, typer.Argument(help="Field (status, name, countries, role...).")],
    value: Annotated[str, typer.Argument(help="New value; lists comma-separated; '' for none.")],
    db: DbOption = None,
    by: ByOption = None,
    why: WhyOption = "",
) -> None:
    """Set one field by hand; it wins over extraction, through reextract and re-ingest."""
    from sepakat.store.curation import parse_value
    from sepakat.store.curation import set_field as set_curated

    with registry(db) as engine:
        curation = set_curated(
            engine,
            kind,
            target_id,
            field,
            parse_value(kind, field, value),
            author=by or default_author(),
            reason=why,
        )
    _done(curation.id, f"{kind} {target_id} {field} = {curation.value!r}")


@curate_app.command()
def merge(
    survivor: Annotated[str, typer.Argument(help="The agreement whose id remains.")],
    absorbed: Annotated[str, typer.Argument(help="The agreement merged into it.")],
    db: DbOption = None,
    by: ByOption = None,
    why: WhyOption = "",
) -> None:
    """Make two agreements one."""
    from sepakat.store.curation import merge as merge_agreements

    with registry(db) as engine:
        curation = merge_agreements(engine, survivor, absorbed, author=by or default_author(), reason=why)
    _done(curation.id, f"{absorbed} merged into {survivor}")


@curate_app.command()
def split(
    agreement_id: Annotated[str, typer.Argument(help="The agreement to split.")],
    reports: Annotated[
        list[str], typer.Argument(help="Report keys (from `sepakat show`) that go to a new one.")
    ],
    db: DbOption = None,
    by: ByOption = None,
    why: WhyOption = "",
) -> None:
    """Move some reports of an agreement into a new agreement."""
    from sepakat.store.curation import split as split_agreement

    with registry(db) as engine:
        curation = split_agreement(engine, agreement_id, reports, author=by or default_author(), reason=why)
    _done(curation.id, f"{len(reports)} report(s) of {agreement_id} now form {curation.data['new_id']}")


@curate_app.command()
def reject(
    agreement_id: Annotated[str, typer.Argument(help="The agreement that is not one.")],
    db: DbOption = None,
    by: ByOption = None,
    why: WhyOption = "",
) -> None:
    """Mark an agreement as false: it leaves the listings."""
    from sepakat.store.curation import reject as reject_agreement

    with registry(db) as engine:
        curation = reject_agreement(engine, agreement_id, author=by or default_author(), reason=why)
    _done(curation.id, f"{agreement_id} rejected")


@curate_app.command()
def undo(
    curation_id: Annotated[str, typer.Argument(help="The curation to cancel (cur-...).")],
    db: DbOption = None,
    by: ByOption = None,
    why: WhyOption = "",
) -> None:
    """Cancel a curation; the extracted value (or grouping) comes back."""
    from sepakat.store.curation import undo as undo_curation

    with registry(db) as engine:
        curation = undo_curation(engine, curation_id, author=by or default_author(), reason=why)
    _done(curation.id, f"{curation_id} undone")


@curate_app.command("log")
def log(
    kind: Annotated[str, typer.Argument(help="agreement, meeting, person or curation.")],
    target_id: Annotated[str, typer.Argument(help="Its id.")],
    db: DbOption = None,
) -> None:
    """Every curation of one target, oldest first."""
    from sepakat.store.curation import history

    with registry(db) as engine, engine.connect() as connection:
        entries = history(connection, kind, target_id)
    for c in entries:
        what = f"{c.field} = {c.value!r}" if c.action == "set" else c.action
        typer.echo(f"{c.id}  {c.created_at}  {c.author}  {what}  {c.reason}".rstrip())

"""``sepakat eval``: score extraction against gold records."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sepakat.cli import app


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold records, JSON Lines (shared/eval/dev.gold.jsonl).")],
    articles: Annotated[list[str], typer.Argument(help="The articles the gold records describe.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    per_article: Annotated[
        bool, typer.Option("--per-article", help="List what each article missed.")
    ] = False,
    predictions: Annotated[
        Path | None, typer.Option("--save-predictions", help="Also write the predicted records here.")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")] = 1,
) -> None:
    """Extract the articles that have gold records and score them as shared/eval/score.py does."""
    import orjson

    from sepakat.errors import SepakatError
    from sepakat.evaluate import evaluate, format_scores

    try:
        scores, predicted = evaluate(str(gold), articles, workers)
    except (SepakatError, OSError) as e:
        typer.echo(f"sepakat: {e}", err=True)
        raise typer.Exit(2) from None
    if predictions is not None:
        with predictions.open("wb") as out:
            for record in predicted.values():
                out.write(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))
    if as_json:
        typer.echo(orjson.dumps(scores.summary(), option=orjson.OPT_INDENT_2).decode())
    else:
        typer.echo(format_scores(scores))
    if per_article:
        for article_id, missed in scores.missed.items():
            typer.echo(f"  {article_id}: missed {missed}")

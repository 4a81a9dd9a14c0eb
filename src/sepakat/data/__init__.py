"""Word lists and rules as data: small TSV tables per language, read once.

A table lives at ``sepakat/data/<lang>/<name>.tsv`` (``lang`` is ``id``, ``en`` or
``common``): one row a line, fields separated by tabs, lines starting with ``#`` and
blank lines ignored.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["load_table"]


@cache
def load_table(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/<lang>/<name>.tsv``, each a tuple of its stripped fields.

    Cached: every caller shares one immutable copy. Raises FileNotFoundError when the
    table does not exist (a bug in the caller, not an input problem).
    """
    filename = name if name.endswith(".tsv") else f"{name}.tsv"
    text = resources.files(__package__).joinpath(lang, filename).read_text(encoding="utf-8")
    rows: list[tuple[str, ...]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(rows)

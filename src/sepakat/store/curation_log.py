"""Reading the curation log: which curations are in force, and what they say.

The log is append-only. A curation is in force unless an ``undo`` in force targets it
(so undoing an undo restores the original). What the curations in force say, in the
order they were made:

- ``set``: a field of an agreement, meeting or person takes a value, over extraction;
- ``reject``: an agreement is false and leaves the listings;
- ``merge`` / ``split``: links between report keys (+1 together, -1 apart) that the
  clustering obeys, and pins saying which agreement id each group keeps.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import orjson
from sqlalchemy import Connection, select

from sepakat.resolve.agreements import pair
from sepakat.store.tables import curation_reports, curations


@dataclass(frozen=True, slots=True)
class Curation:
    pk: int
    id: str
    created_at: str
    author: str
    reason: str
    action: str
    target_kind: str
    target_id: str
    field: str | None
    value: Any
    data: dict[str, Any]


def curation_from_row(row: Any) -> Curation:
    return Curation(
        pk=row.pk,
        id=row.id,
        created_at=row.created_at,
        author=row.author,
        reason=row.reason,
        action=row.action,
        target_kind=row.target_kind,
        target_id=row.target_id,
        field=row.field,
        value=orjson.loads(row.value) if row.value is not None else None,
        data=orjson.loads(row.data or "{}"),
    )


def _chunks(items: Collection[Any], size: int = 500) -> Iterable[list[Any]]:
    ordered = sorted(items)
    for i in range(0, len(ordered), size):
        yield ordered[i : i + size]


def in_force(connection: Connection, candidates: Iterable[Curation]) -> list[Curation]:
    """The curations of ``candidates`` that no undo in force cancels, oldest first."""
    wanted = {c.id: c for c in candidates}
    if not wanted:
        return []
    undos = [
        curation_from_row(r)
        for r in connection.execute(
            select(curations).where(curations.c.action == "undo").order_by(curations.c.pk)
        )
    ]
    # Later undos decide first: an undo in force cancels its target, whatever the target is.
    cancelled: set[str] = set()
    for undo in reversed(undos):
        if undo.id not in cancelled:
            cancelled.add(undo.target_id)
    return sorted((c for c in wanted.values() if c.id not in cancelled), key=lambda c: c.pk)


def curations_for(connection: Connection, target_kind: str, target_ids: Collection[str]) -> list[Curation]:
    """Curations in force of ``set`` and ``reject`` on the given targets, oldest first."""
    found: list[Curation] = []
    for chunk in _chunks(target_ids):
        rows = connection.execute(
            select(curations).where(
                curations.c.target_kind == target_kind,
                curations.c.target_id.in_(chunk),
                curations.c.action.in_(("set", "reject")),
            )
        )
        found.extend(curation_from_row(r) for r in rows)
    return in_force(connection, found)


def grouping_curations(connection: Connection, report_keys: Collection[str]) -> list[Curation]:
    """Merges and splits in force that name any of ``report_keys``, oldest first."""
    pks: set[int] = set()
    for chunk in _chunks(report_keys):
        pks.update(
            connection.execute(
                select(curation_reports.c.curation_pk).where(curation_reports.c.report_key.in_(chunk))
            ).scalars()
        )
    found: list[Curation] = []
    for chunk in _chunks(pks):
        found.extend(
            curation_from_row(r)
            for r in connection.execute(select(curations).where(curations.c.pk.in_(chunk)))
        )
    return in_force(connection, [c for c in found if c.action in ("merge", "split")])


def report_keys_of(curation: Curation) -> set[str]:
    data = curation.data
    if curation.action == "merge":
        return set(data["survivor_reports"]) | set(data["absorbed_reports"])
    if curation.action == "split":
        return set(data["reports"]) | set(data["rest"])
    return set()


def links_and_pins(groupings: Iterable[Curation]) -> tuple[dict[tuple[str, str], int], dict[str, str]]:
    """Pair links (+1 together, -1 apart) and id pins per report key, later curations winning."""
    links: dict[tuple[str, str], int] = {}
    pins: dict[str, str] = {}
    for curation in groupings:
        data = curation.data
        if curation.action == "merge":
            left, right = sorted(data["survivor_reports"]), sorted(data["absorbed_reports"])
            for x in left:
                for y in right:
                    if x != y:
                        links[pair(x, y)] = 1
            _chain(links, left + right)
            for key in left + right:
                pins[key] = curation.target_id
        elif curation.action == "split":
            part, rest = sorted(data["reports"]), sorted(data["rest"])
            for x in part:
                for y in rest:
                    if x != y:
                        links[pair(x, y)] = -1
            _chain(links, part)
            _chain(links, rest)
            for key in part:
                pins[key] = data["new_id"]
            for key in rest:
                pins[key] = curation.target_id
    return links, pins


def _chain(links: dict[tuple[str, str], int], keys: list[str]) -> None:
    for x, y in pairwise(keys):
        links[pair(x, y)] = 1

"""Curation: an analyst corrects, merges, splits, rejects, and undoes; extraction never overrides.

Every function appends one row to the curation log (who, when, why, what) and then
re-applies the log to what it touches, in the same transaction. Ingest and reextract
recompute extracted values and apply the log again, so a correction survives both; an
undo is one more row, and the extracted value (or the grouping) comes back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, insert, select, update

from sepakat.errors import UsageError
from sepakat.models import AGREEMENT_KINDS, AGREEMENT_STATUSES, MEETING_KINDS, SECTORS
from sepakat.store.curation_log import Curation, curation_from_row, curations_for, report_keys_of
from sepakat.store.merging import (
    CURATABLE_AGREEMENT_FIELDS,
    dumps,
    new_agreement_id,
    now,
    recluster,
    refresh_agreements,
)
from sepakat.store.tables import (
    agreement_events,
    agreements,
    curation_reports,
    curations,
    entities,
    meeting_countries,
    meetings,
)

FIELDS = {
    "agreement": CURATABLE_AGREEMENT_FIELDS,
    "meeting": ("kind", "date", "place", "countries"),
    "person": ("name", "role", "country"),
}
LIST_FIELDS = {"countries", "sectors", "parties"}


def parse_value(kind: str, field: str, raw: str) -> Any:
    """The value of ``field`` from its command-line form (lists comma-separated; '' is null)."""
    if field not in FIELDS.get(kind, ()):
        raise UsageError(
            f"{kind} has no field {field!r} to correct: one of {', '.join(FIELDS.get(kind, ()))}"
        )
    if field in LIST_FIELDS:
        values = [v.strip() for v in raw.split(",") if v.strip()]
        values = [v.upper() for v in values] if field == "countries" else values
        if field == "sectors" and (bad := [v for v in values if v not in SECTORS]):
            raise UsageError(f"unknown sector(s) {', '.join(bad)}: one of {', '.join(SECTORS)}")
        return sorted(values)
    value: str | None = raw.strip() or None
    allowed = {
        ("agreement", "status"): AGREEMENT_STATUSES,
        ("agreement", "kind"): AGREEMENT_KINDS,
        ("meeting", "kind"): MEETING_KINDS,
    }.get((kind, field))
    if allowed is not None and value not in allowed:
        raise UsageError(f"{field} must be one of {', '.join(allowed)}")
    return value


def _append(
    connection: Connection,
    *,
    action: str,
    target_kind: str,
    target_id: str,
    author: str,
    reason: str,
    field: str | None = None,
    value: Any = None,
    data: dict[str, Any] | None = None,
) -> Curation:
    if not author.strip():
        raise UsageError("a curation needs its author (--by)")
    stamp = now()
    seed = f"{stamp}|{author}|{action}|{target_kind}|{target_id}|{field}|{dumps(value)}|{dumps(data or {})}"
    count = connection.execute(select(curations.c.pk).order_by(curations.c.pk.desc()).limit(1)).scalar() or 0
    cid = "cur-" + hashlib.sha1(f"{seed}|{count}".encode()).hexdigest()[:12]
    row = {
        "id": cid, "created_at": stamp, "author": author, "reason": reason, "action": action,
        "target_kind": target_kind, "target_id": target_id, "field": field,
        "value": None if value is None and action != "set" else dumps(value), "data": dumps(data or {}),
    }  # fmt: skip
    pk = connection.execute(insert(curations).values(**row).returning(curations.c.pk)).scalar_one()
    keys = report_keys_of(curation_from_row(_Row(pk=pk, **row)))
    if keys:
        connection.execute(
            insert(curation_reports), [{"curation_pk": pk, "report_key": k} for k in sorted(keys)]
        )
    return curation_from_row(_Row(pk=pk, **row))


class _Row:
    """A row-like view of a dict (what ``curation_from_row`` reads)."""

    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)


def _agreement_pk(connection: Connection, agreement_id: str) -> int:
    pk = connection.execute(
        select(agreements.c.pk).where(agreements.c.id == agreement_id)
    ).scalar_one_or_none()
    if pk is None:
        raise UsageError(f"no agreement {agreement_id!r}")
    return int(pk)


def _report_keys(connection: Connection, agreement_pk: int) -> list[str]:
    query = select(agreement_events.c.key).where(agreement_events.c.agreement_pk == agreement_pk)
    return sorted(connection.execute(query).scalars())


def set_field(
    engine: Engine, kind: str, target_id: str, field: str, value: Any, *, author: str, reason: str = ""
) -> Curation:
    """Correct one field of an agreement, meeting or person; the value wins over extraction."""
    if field not in FIELDS.get(kind, ()):
        raise UsageError(
            f"{kind} has no field {field!r} to correct: one of {', '.join(FIELDS.get(kind, ()))}"
        )
    with engine.begin() as connection:
        _check_target(connection, kind, target_id)
        curation = _append(
            connection, action="set", target_kind=kind, target_id=target_id, author=author, reason=reason,
            field=field, value=value,
        )  # fmt: skip
        reapply(connection, kind, [target_id])
    return curation


def reject(engine: Engine, agreement_id: str, *, author: str, reason: str = "") -> Curation:
    """Mark an agreement as false: it leaves the listings (``include_rejected`` shows it)."""
    with engine.begin() as connection:
        _agreement_pk(connection, agreement_id)
        curation = _append(
            connection, action="reject", target_kind="agreement", target_id=agreement_id, author=author,
            reason=reason, value=True,
        )  # fmt: skip
        reapply(connection, "agreement", [agreement_id])
    return curation


def merge(engine: Engine, survivor_id: str, absorbed_id: str, *, author: str, reason: str = "") -> Curation:
    """Make two agreements one; ``survivor_id`` is the id that remains."""
    if survivor_id == absorbed_id:
        raise UsageError("an agreement cannot be merged with itself")
    with engine.begin() as connection:
        survivor, absorbed = _agreement_pk(connection, survivor_id), _agreement_pk(connection, absorbed_id)
        data = {
            "absorbed": absorbed_id,
            "survivor_reports": _report_keys(connection, survivor),
            "absorbed_reports": _report_keys(connection, absorbed),
        }
        curation = _append(
            connection, action="merge", target_kind="agreement", target_id=survivor_id, author=author,
            reason=reason, data=data,
        )  # fmt: skip
        _regroup(connection, report_keys_of(curation))
    return curation


def split(
    engine: Engine, agreement_id: str, report_keys: Sequence[str], *, author: str, reason: str = ""
) -> Curation:
    """Move the given reports of an agreement into a new agreement (its id is in ``data``)."""
    with engine.begin() as connection:
        pk = _agreement_pk(connection, agreement_id)
        members = _report_keys(connection, pk)
        part = sorted(set(report_keys))
        if not part or not set(part) <= set(members) or set(part) == set(members):
            raise UsageError(f"split needs some, not all, of {agreement_id}'s reports: {', '.join(members)}")
        taken = set(connection.execute(select(agreements.c.id)).scalars())
        data = {
            "reports": part,
            "rest": sorted(set(members) - set(part)),
            "new_id": new_agreement_id(part[0], taken),
        }
        curation = _append(
            connection, action="split", target_kind="agreement", target_id=agreement_id, author=author,
            reason=reason, data=data,
        )  # fmt: skip
        _regroup(connection, report_keys_of(curation))
    return curation


def undo(engine: Engine, curation_id: str, *, author: str, reason: str = "") -> Curation:
    """Cancel a curation (an undo of an undo restores it); what it changed is recomputed."""
    with engine.begin() as connection:
        row = connection.execute(select(curations).where(curations.c.id == curation_id)).one_or_none()
        if row is None:
            raise UsageError(f"no curation {curation_id!r}")
        target = curation_from_row(row)
        curation = _append(
            connection,
            action="undo",
            target_kind="curation",
            target_id=curation_id,
            author=author,
            reason=reason,
        )
        _reapply_curation(connection, target)
    return curation


def _reapply_curation(connection: Connection, target: Curation) -> None:
    if target.action == "undo":
        inner = connection.execute(select(curations).where(curations.c.id == target.target_id)).one()
        _reapply_curation(connection, curation_from_row(inner))
    elif target.action in ("merge", "split"):
        _regroup(connection, report_keys_of(target))
    else:
        reapply(connection, target.target_kind, [target.target_id])


def _regroup(connection: Connection, keys: set[str]) -> None:
    pks = connection.execute(
        select(agreement_events.c.pk).where(agreement_events.c.key.in_(sorted(keys)))
    ).scalars()
    recluster(connection, set(pks))


def _check_target(connection: Connection, kind: str, target_id: str) -> None:
    table = {"agreement": agreements, "meeting": meetings, "person": entities}[kind]
    if connection.execute(select(table.c.pk).where(table.c.id == target_id)).scalar_one_or_none() is None:
        raise UsageError(f"no {kind} {target_id!r}")


def reapply(connection: Connection, kind: str, target_ids: Sequence[str]) -> None:
    """Recompute the given targets from extraction, then apply the curations in force."""
    if kind == "agreement":
        pks = connection.execute(
            select(agreements.c.pk).where(agreements.c.id.in_(list(target_ids)))
        ).scalars()
        refresh_agreements(connection, set(pks))
    elif kind == "meeting":
        apply_meeting_curations(connection, target_ids, reset=True)
    elif kind == "person":
        from sepakat.store.ingest import refresh_people

        pks = connection.execute(select(entities.c.pk).where(entities.c.id.in_(list(target_ids)))).scalars()
        refresh_people(connection, set(pks))


def apply_meeting_curations(
    connection: Connection, meeting_ids: Sequence[str], *, reset: bool = False
) -> None:
    """Apply corrections in force to meetings; ``reset`` first restores their extracted values."""
    if reset:
        from sepakat.store.ingest import restore_meetings

        restore_meetings(connection, meeting_ids)
    for curation in curations_for(connection, "meeting", list(meeting_ids)):
        if curation.field is None:
            continue
        value = dumps(curation.value) if curation.field == "countries" else curation.value
        connection.execute(
            update(meetings).where(meetings.c.id == curation.target_id).values({curation.field: value})
        )
        if curation.field == "countries":
            pk = connection.execute(
                select(meetings.c.pk).where(meetings.c.id == curation.target_id)
            ).scalar_one()
            connection.execute(delete(meeting_countries).where(meeting_countries.c.meeting_pk == pk))
            if curation.value:
                connection.execute(
                    insert(meeting_countries),
                    [{"meeting_pk": pk, "code": c} for c in sorted(set(curation.value))],
                )


def apply_person_curations(connection: Connection, person_ids: Sequence[str]) -> None:
    """Apply corrections in force to people (after their extracted values were recomputed)."""
    updates = [
        {"b_id": c.target_id, "b_value": c.value, "field": c.field}
        for c in curations_for(connection, "person", list(person_ids))
        if c.field
    ]
    for field in ("name", "role", "country"):
        rows = [{"b_id": u["b_id"], "b_value": u["b_value"]} for u in updates if u["field"] == field]
        if rows:
            connection.execute(
                update(entities)
                .where(entities.c.id == bindparam("b_id"))
                .values({field: bindparam("b_value")}),
                rows,
            )


def history(connection: Connection, target_kind: str, target_id: str) -> list[Curation]:
    """Every curation of a target, oldest first (in force or not)."""
    query = (
        select(curations)
        .where(curations.c.target_kind == target_kind, curations.c.target_id == target_id)
        .order_by(curations.c.pk)
    )
    return [curation_from_row(r) for r in connection.execute(query)]

"""Canonical entities for mentions, and people across articles by their name variants.

Countries and blocs take their code ("country:RUS", "country:EU"); organisations the
gazetteer's key when it has one ("org:kemenperin": Kemenperin, Kementerian
Perindustrian and Ministry of Industry share it), else a slug of the name; people a slug
of the fullest name first seen. A person's shorter name ("Agus Gumiwang") is the same
person as a longer one ("Agus Gumiwang Kartasasmita") when its words begin the longer
name, it has at least two words, the countries do not disagree, and exactly one known
person fits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from sepakat.extract.gazetteer import Gazetteer, load_gazetteer
from sepakat.resolve.agreements import fold

ENTITY_KINDS = {
    "country": "country",
    "bloc": "country",
    "organisation": "organisation",
    "organization": "organisation",
    "company": "organisation",
    "event": "event",
    "fair": "event",
}
HONORIFICS = frozenset({"dr", "prof", "h", "hj", "ir", "drs", "mr", "mrs", "ms", "pak", "bu", "ibu", "bapak"})


def slug(text: str) -> str:
    return "-".join(re.findall(r"\w+", fold(text)))[:150] or "unnamed"


@dataclass(frozen=True, slots=True)
class EntityRef:
    id: str
    kind: str
    name: str
    alias: str  # the folded form the mention was written in


def mention_entity(kind: str, text: str, key: str | None) -> EntityRef | None:
    """The entity a gazetteer mention stands for, or None for kinds that are not entities."""
    entity_kind = ENTITY_KINDS.get(kind)
    if entity_kind is None:
        return None
    alias = " ".join(fold(text).split())
    if entity_kind == "country":
        if not key:
            return None
        return EntityRef(f"country:{key}", "country", key, alias)
    prefix = "org" if entity_kind == "organisation" else "event"
    if key and key.startswith(f"{prefix}:"):
        key = key[len(prefix) + 1 :]  # the gazetteer's keys carry the prefix already
    name = (organisation_name(f"org:{key}") if key and entity_kind == "organisation" else None) or text
    return EntityRef(f"{prefix}:{key or slug(text)}", entity_kind, name, alias)


@cache
def _organisations() -> Gazetteer:
    return load_gazetteer("id")


def organisation_name(org_id: str) -> str | None:
    """The gazetteer's name of an organisation ("org:kemenperin"), or None when unknown."""
    try:
        return _organisations().entry(org_id).canonical
    except KeyError:
        return None


def organisation_key(name: str) -> str | None:
    """The organisation a written name stands for ("Kemenperin" -> "org:kemenperin"), or None."""
    entry = _organisations().lookup(name.strip())
    return entry.key if entry is not None and entry.kind == "organisation" else None


def organisation_family(org_id: str) -> tuple[str, ...]:
    """An organisation with every organisation it was renamed from or into, transitively.

    A ministry split or renamed by a new cabinet stays linked to its predecessors, so a
    search for either finds the agreements of both.
    """
    gazetteer = _organisations()
    seen: set[str] = set()
    todo = [org_id]
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        try:
            extra = gazetteer.entry(key).extra
        except KeyError:
            continue
        for relation in ("successor", "predecessor"):
            todo.extend(k for k in extra.get(relation, "").split(",") if k)
    return tuple(sorted(seen))


def organisation_aliases(org_id: str) -> tuple[str, ...]:
    """Every name news writes for this organisation itself (abbreviation, names, aliases)."""
    return _organisations().surfaces(org_id)


def organisation_surfaces(org_id: str) -> tuple[str, ...]:
    """Every name news writes for an organisation and for those it was renamed from or into."""
    gazetteer = _organisations()
    return tuple(surface for key in organisation_family(org_id) for surface in gazetteer.surfaces(key))


@lru_cache(maxsize=65536)
def person_tokens(name: str) -> tuple[str, ...]:
    tokens = [t for t in re.findall(r"\w+", fold(name)) if t not in HONORIFICS]
    return tuple(tokens)


def person_key(name: str) -> str:
    """The lookup form of a person's name: folded words without honorifics."""
    return " ".join(person_tokens(name))


def shorter_forms(name: str) -> list[str]:
    """Keys of the shorter names this one extends (two words or more), longest first."""
    tokens = person_tokens(name)
    return [" ".join(tokens[:n]) for n in range(len(tokens) - 1, 1, -1)]


@dataclass(frozen=True, slots=True)
class KnownPerson:
    id: str
    name: str
    country: str | None


def extends(short: str, long: str) -> bool:
    """Whether the words of ``short`` begin ``long`` (two words at least)."""
    s, t = person_tokens(short), person_tokens(long)
    return 2 <= len(s) <= len(t) and t[: len(s)] == s


def choose_person(name: str, country: str | None, known: Sequence[KnownPerson]) -> KnownPerson | None:
    """The one known person ``name`` refers to, or None (a new person, or ambiguous)."""
    key = person_key(name)
    exact = [p for p in known if person_key(p.name) == key and _compatible(country, p.country)]
    if len(exact) == 1:
        return exact[0]
    related = [
        p
        for p in known
        if (extends(name, p.name) or extends(p.name, name)) and _compatible(country, p.country)
    ]
    return related[0] if len(related) == 1 else None


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def person_id(name: str) -> str:
    return f"person:{slug(' '.join(person_tokens(name)) or name)}"

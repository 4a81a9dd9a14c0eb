"""The interface in English and Indonesian: one table of words (data/common/interface.tsv),
country and bloc names from the gazetteer's own tables, all loaded once."""

from __future__ import annotations

from functools import cache

from sepakat.data import load_table

LANGUAGES = ("en", "id")
DEFAULT_LANGUAGE = "en"


@cache
def _words() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for key, en, id_ in load_table("common", "interface"):
        table["en"][key] = en
        table["id"][key] = id_
    return table


def translate(lang: str, key: str, **values: object) -> str:
    """The words for ``key`` in ``lang`` (English when missing), with ``{name}`` filled in."""
    words = _words()
    text = words.get(lang, words["en"]).get(key) or words["en"].get(key) or key
    return text.format(**values) if values else text


@cache
def _country_names() -> dict[tuple[str, str], str]:
    names: dict[tuple[str, str], str] = {}
    for row in load_table("common", "countries"):
        if len(row) >= 5 and row[3] == "name":
            names.setdefault((row[0], row[2]), row[4])
    for row in load_table("common", "blocs"):
        if len(row) >= 6:
            names.setdefault((row[0], "id"), row[4])
            names.setdefault((row[0], "en"), row[5])
    return names


def country_name(code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A country's or bloc's name in ``lang`` ("Rusia", "Russia"), else its code."""
    names = _country_names()
    return names.get((code.upper(), lang)) or names.get((code.upper(), "en")) or code

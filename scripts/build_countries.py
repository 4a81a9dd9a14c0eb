"""Regenerate src/sepakat/data/common/countries.tsv from babel and pycountry.

    .venv/bin/python scripts/build_countries.py

One row per (country, language, surface form): every ISO 3166-1 country (plus Kosovo,
which ISO has not coded; XKX is the code the EU and the IMF use, and four dissolved
states under the codes they had: the Soviet Union, SUN, and others), with its Indonesian
names from babel ``Locale('id').territories`` and its English names from
``Locale('en').territories`` and pycountry (name, official_name, common_name).

Our own aliases and demonyms are not here: they are hand-written in
data/{id,en}/country_aliases.tsv. The output is committed and reviewed like code; rerun
this script after upgrading babel or pycountry and read the diff.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pycountry
from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "src" / "sepakat" / "data" / "common" / "countries.tsv"

# ISO has no code for Kosovo; babel knows it as "XK".
EXTRA = {"XK": "XKX"}

# States that were dissolved, with the codes ISO 3166-1 gave them while they existed (ISO
# 3166-3 keeps them): an agreement of 1987 with the Soviet Union is not one with Russia.
# Neither babel nor pycountry has names fit for prose ("USSR, Union of Soviet Socialist
# Republics"), so they are written here. States that were only renamed (Burma, Zaire,
# Ceylon) stay under today's code, as aliases in data/{id,en}/country_aliases.tsv.
HISTORIC = {
    "SUN": ("SU", {"id": "Uni Soviet", "en": "Soviet Union"}),
    "YUG": ("YU", {"id": "Yugoslavia", "en": "Yugoslavia"}),
    "CSK": ("CS", {"id": "Cekoslowakia", "en": "Czechoslovakia"}),
    "DDR": ("DD", {"id": "Jerman Timur", "en": "East Germany"}),
}

# The display name where babel's reads oddly in running text (qualifiers meant for menus).
DISPLAY = {
    ("COD", "id"): "Republik Demokratik Kongo",
    ("COD", "en"): "Democratic Republic of the Congo",
    ("COG", "id"): "Republik Kongo",
    ("COG", "en"): "Republic of the Congo",
    ("HKG", "id"): "Hong Kong",
    ("HKG", "en"): "Hong Kong",
    ("MAC", "id"): "Makau",
    ("MAC", "en"): "Macao",
    ("PSE", "id"): "Palestina",
    ("PSE", "en"): "Palestine",
    ("MMR", "id"): "Myanmar",
    ("MMR", "en"): "Myanmar",
    ("GBR", "id"): "Inggris",
    ("CCK", "id"): "Kepulauan Cocos",
    ("CCK", "en"): "Cocos Islands",
    ("VAT", "en"): "Vatican City",
}

# Library names we do not want as surfaces, with the reason.
SKIP = {
    ("COG", "Congo"),  # bare "Congo" is the DRC in news; country_aliases.tsv maps it to COD
}

_QUALIFIER = re.compile(r"\s+(SAR China|DAK Tiongkok)$")
# Parenthesised qualifiers that are not names of their own.
_INNER_DROPPED = {"Keeling", "French part", "Dutch part"}
_PAREN = re.compile(r"^(.*?)\s*\(([^)]*)\)\s*$")
_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def variants(name: str, lang: str) -> list[str]:
    """Other spellings of one library name that news text really uses."""
    out: list[str] = []
    bare = _QUALIFIER.sub("", name)
    if bare != name:
        out.append(bare)
    paren = _PAREN.match(bare)
    if paren:
        # "Myanmar (Burma)" -> "Myanmar", "Burma"; "Cocos (Keeling) Islands" -> "Cocos Islands".
        head, inner = paren.group(1), paren.group(2)
        rest = bare[paren.end(2) + 1 :].strip()
        if rest:
            out.append(f"{head} {rest}")
        elif inner not in _INNER_DROPPED:
            out.extend([head, inner])
        else:
            out.append(head)
    conj = "dan" if lang == "id" else "and"
    for form in [bare, *out]:
        if " & " in form:
            out.append(form.replace(" & ", f" {conj} "))
    for form in [*out, bare]:
        if form.startswith("St. "):
            out.append("Saint " + form[4:])
    if lang == "en" and _HYPHEN.search(bare):
        # "Timor-Leste" is also written "Timor Leste".
        out.append(_HYPHEN.sub(" ", bare))
    seen: list[str] = []
    for raw in out:
        form = raw.strip()
        if form and form != name and form not in seen and "," not in form:
            seen.append(form)
    return seen


def rows() -> list[tuple[str, str, str, str, str]]:
    """(key, alpha2, lang, form, surface) for every country, display name first."""
    names = {lang: Locale(lang).territories for lang in ("id", "en")}
    countries: list[tuple[str, str]] = [(c.alpha_2, c.alpha_3) for c in pycountry.countries]
    countries += [(a2, a3) for a2, a3 in EXTRA.items()]
    out: list[tuple[str, str, str, str, str]] = []
    for alpha2, key in sorted(countries, key=lambda pair: pair[1]):
        record = pycountry.countries.get(alpha_2=alpha2)
        for lang in ("id", "en"):
            babel_name = names[lang][alpha2]
            forms: list[tuple[str, str]] = []
            display = DISPLAY.get((key, lang), babel_name)
            forms.append(("name", display))
            forms.append(("babel", babel_name))
            forms.extend(("variant", v) for v in variants(babel_name, lang))
            if lang == "en" and record is not None:
                # pycountry's inverted forms ("Korea, Republic of") are index entries, not prose.
                for form, value in (
                    ("iso", record.name),
                    ("official", getattr(record, "official_name", None)),
                    ("common", getattr(record, "common_name", None)),
                ):
                    if value and "," not in value:
                        prose = re.sub(r"^the ", "", value)
                        forms.append((form, prose))
                        forms.extend(("variant", v) for v in variants(prose, lang))
            seen: set[str] = set()
            for form, surface in forms:
                if surface in seen or (key, surface) in SKIP:
                    continue
                seen.add(surface)
                out.append((key, alpha2, lang, form, surface))
    for key, (alpha2, prose) in HISTORIC.items():
        assert pycountry.historic_countries.get(alpha_3=key) is not None, key
        out.extend((key, alpha2, lang, "name", prose[lang]) for lang in ("id", "en"))
    return out


def main() -> int:
    table = rows()
    header = (
        "# Countries of ISO 3166-1 (and Kosovo, XKX) with their names from babel and pycountry;\n"
        "# at the end, dissolved states with their former ISO 3166-1 codes (ISO 3166-3).\n"
        "# GENERATED by scripts/build_countries.py: do not edit; hand-written aliases, demonyms\n"
        "# and exceptions live in data/{id,en}/country_aliases.tsv and data/common/ambiguous.tsv.\n"
        "# form: name = display name (one per key and language), babel = babel's own name,\n"
        "# iso/official/common = pycountry fields, variant = a spelling derived from one of those.\n"
        "# key\talpha2\tlang\tform\tsurface\n"
    )
    body = "".join("\t".join(row) + "\n" for row in table)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(header + body, encoding="utf-8")
    keys = {row[0] for row in table}
    print(f"wrote {OUT} ({len(keys)} countries, {len(table)} rows)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

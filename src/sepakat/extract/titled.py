"""Documents that are an agreement instrument themselves.

A government release titled "United States-India Joint Leaders' Statement" or "Pernyataan
Bersama Indonesia-Jepang" is that statement: the instrument is the page, and its body
rarely names it ("... issued the following statement"). Such a title (the patterns of
data/<lang>/agreement_titles.tsv) gives one agreement record:

- name: the title; kind: the row's (a statement);
- status: agreed, as the document is issued; signed when the body closes with
  "Signed at/in ..." or "Done at/in ...", whose sentence is then the evidence;
- date: the day the body says the event happened, else the day of publication;
- countries: those the title names, else those of the evidence sentence, else the
  article's own;
- evidence: the first sentence that speaks of the document itself ("issued the
  following statement", "this Joint Statement"), else the body's first sentence that
  is more than a heading.

The body's own records of it (a statement whose name the title holds, or an unnamed one
in a sentence that speaks of the document itself) are the same instrument: the most advanced of them that is
at least agreed stays, with the title as its name; the others go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from sepakat.data import load_table
from sepakat.extract.context import ArticleContext, Doc
from sepakat.extract.sectors import find_sectors
from sepakat.models import AGREEMENT_KINDS, AGREEMENT_STATUSES, AgreementKind, AgreementRecord, Mention

# Before a head noun that may follow a lead: capitalised words, digits, "U.S.-Mexico",
# "Leaders’", and the "and" between two leaders' names; commas between them.
# "of" and "the" inside a name ("Republic of Korea"); a lone dash ("United States – Japan").
_LEAD = r"(?:(?:[A-Z0-9][\w.'’&–-]*|and|of|the|[–-])[ \t]*,?[ \t]+){0,10}?"
_SIGNED = re.compile(r"^\s*(?:Signed|Done|Ditandatangani)\s+(?:at|in|di)\b")
_FIRST_SENTENCES = 12  # where a release says what it is
_HEADING_WORDS = 8  # a first "sentence" shorter than this is a heading or a dateline
# A sentence that speaks of the document itself ("issued the following statement").
_SPEAKS_OF_ITSELF = re.compile(
    r"\b(?:following|this|present)\s+(?:joint\s+)?(?:leaders['’]?\s+)?(?:statement|declaration|communiqu[eé])\b"
    r"|\b(?:pernyataan|deklarasi|komunike)\s+bersama\s+(?:ini|berikut)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _TitleRow:
    pattern: re.Pattern[str]
    kind: AgreementKind


@cache
def _title_rows(lang: str) -> tuple[_TitleRow, ...]:
    rows = []
    for pattern, kind, lead in load_table("en" if lang == "en" else "id", "agreement_titles"):
        if lead not in ("names", "start"):
            raise ValueError(f"agreement_titles ({lang}): lead must be 'names' or 'start', not {lead!r}")
        known = next((k for k in AGREEMENT_KINDS if k == kind), None)
        if known is None:
            raise ValueError(f"agreement_titles ({lang}): unknown kind {kind!r}")
        prefix = _LEAD if lead == "names" else ""
        rows.append(_TitleRow(re.compile(rf"{prefix}(?:{pattern})(?![\w-])"), known))
    return tuple(rows)


def titled_instrument(
    doc: Doc, context: ArticleContext, found: list[AgreementRecord]
) -> list[AgreementRecord]:
    """The body's records (``found``) with the agreement the document itself is, first,
    when its title says it is one (the module docstring)."""
    title = " ".join((doc.article.title or "").split()).rstrip(" .")
    row = next((r for r in _title_rows(doc.lang) if r.pattern.match(title)), None) if title else None
    if row is None or not doc.sentences:
        return found
    same = [record for record in found if _is_it(record, title)]
    others = [record for record in found if not any(record is it for it in same)]
    reached = [record for record in same if _stage(record) >= AGREEMENT_STATUSES.index("agreed")]
    if reached:
        best = max(reached, key=_stage)
        return [replace(best, name=title), *others]
    index, status = _evidence_sentence(doc)
    event = context.event_date or doc.published_value()
    countries = _codes(context, context.gazetteer.find(title))
    if len(countries) < 2:  # "... Between President Biden and Egyptian President ...": one side named
        countries = tuple(sorted({*countries, *context.countries}))
    itself = AgreementRecord(
        name=title,
        kind=row.kind,
        status="signed" if status == "signed" else "agreed",
        date=event.iso() if event else None,
        countries=countries or _codes(context, doc.mentions_in(index, _COUNTRY_KINDS)),
        parties=(),
        sectors=find_sectors(title, doc.lang),
        evidence=doc.evidence(index),
    )
    return [itself, *others]


def _stage(record: AgreementRecord) -> int:
    return AGREEMENT_STATUSES.index(record.status)


_COUNTRY_KINDS = frozenset({"country", "bloc"})


def _codes(context: ArticleContext, mentions: list[Mention]) -> tuple[str, ...]:
    return tuple(
        sorted({code for m in mentions if m.kind in _COUNTRY_KINDS and (code := context.code_of(m))})
    )


def _is_it(record: AgreementRecord, title: str) -> bool:
    """A record of the body that is the document: a statement whose name the title holds
    ("Jeddah Communique"), or one with no name that the body speaks of as itself ("This
    Joint Statement is based on ..."; not "their September 22 joint statement")."""
    if record.kind != "statement":
        return False
    if record.name is not None:
        return record.name.casefold() in title.casefold()
    return _SPEAKS_OF_ITSELF.search(record.evidence.text) is not None


def _evidence_sentence(doc: Doc) -> tuple[int, str]:
    """The line that signs the document (among its last three sentences), else the first
    sentence that speaks of it, else the first that is more than a heading; with
    "signed" for the signing line."""
    sentences = doc.sentences
    for index in range(len(sentences) - 1, max(-1, len(sentences) - 4), -1):
        if _SIGNED.match(sentences[index].text):
            return index, "signed"
    first = range(min(_FIRST_SENTENCES, len(sentences)))
    for index in first:
        if _SPEAKS_OF_ITSELF.search(sentences[index].text):
            return index, "agreed"
    return next((i for i in first if len(sentences[i].text.split()) >= _HEADING_WORDS), 0), "agreed"

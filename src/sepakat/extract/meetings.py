"""Meetings: bilateral and multilateral meetings, visits, calls and commission sessions.

1. find trigger words ("pertemuan bilateral", "KTT", "kunjungan kerja", "percakapan
   telepon", "Sidang Komisi Bersama"; data/<lang>/meeting_triggers.tsv);
2. read each one's participants (people named in its sentence), countries (theirs,
   and countries and bodies named in the sentence), place, and date; a pointer back
   ("pertemuan tersebut") adds to the meeting it points to;
3. keep meetings between at least two countries (or a country and a bloc), reported as
   news: not a session recalled from long before publication;
4. merge mentions of one meeting; a visit whose meetings are reported is those meetings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache

from sepakat.data import load_table
from sepakat.extract.context import Doc
from sepakat.extract.dates import DateValue
from sepakat.extract.gazetteer import Gazetteer
from sepakat.extract.people import PeopleResult
from sepakat.models import MeetingKind, MeetingRecord

_STALE = timedelta(days=120)
_ANAPHORA = re.compile(r"^\s*(?:bilateral\s+)?(?:tersebut|itu|ini)\b", re.IGNORECASE)
_EN_ANAPHORA = re.compile(r"\b(?:the|this|that)\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class MeetingLexicon:
    triggers: re.Pattern[str]
    kinds: dict[str, str]


@cache
def meeting_lexicon(lang: str) -> MeetingLexicon:
    lang = "en" if lang == "en" else "id"
    parts, kinds = [], {}
    for i, (pattern, kind) in enumerate(load_table(lang, "meeting_triggers")):
        parts.append(f"(?P<t{i}>{pattern})")
        kinds[f"t{i}"] = kind
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)
    return MeetingLexicon(pattern, kinds)


@dataclass
class _Meeting:
    kind: str
    sentence: int
    countries: set[str] = field(default_factory=set)
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    date: DateValue | None = None
    sentences: list[int] = field(default_factory=list)


def extract_meetings(
    doc: Doc, gazetteer: Gazetteer, people: PeopleResult, article_countries: tuple[str, ...], event_date: DateValue | None
) -> list[MeetingRecord]:
    lex = meeting_lexicon(doc.lang)
    if lex.triggers.search(doc.text) is None:
        return []
    meetings: list[_Meeting] = []
    last: _Meeting | None = None
    for index, sentence in enumerate(doc.sentences):
        for m in lex.triggers.finditer(sentence.text):
            kind = lex.kinds[next(k for k, v in m.groupdict().items() if v is not None)]
            after = sentence.text[m.end() : m.end() + 20]
            before = sentence.text[max(0, m.start() - 10) : m.start()]
            pointer = _ANAPHORA.match(after) is not None or (doc.lang == "en" and _EN_ANAPHORA.search(before) is not None)
            if pointer and last is not None:
                _add_sentence(doc, gazetteer, people, last, index, article_countries)
                if kind in ("bilateral", "multilateral", "commission", "call") and last.kind in ("meeting", "visit"):
                    last.kind = kind
                continue
            meeting = _Meeting(kind, index)
            _add_sentence(doc, gazetteer, people, meeting, index, article_countries)
            if len(meeting.countries) < 2 and not meeting.participants:
                continue
            merged = _merge_into(meetings, meeting)
            last = merged
            break  # one meeting per sentence; further triggers restate it
    records = []
    for meeting in _drop_visits_with_meetings(meetings):
        if len(meeting.countries) < 2:
            continue
        if meeting.date is None and meeting.kind != "commission":
            meeting.date = event_date
        if meeting.date and doc.published and _is_stale(meeting.date, doc):
            continue
        kind = meeting.kind
        if kind == "meeting":
            kind = "bilateral" if len(meeting.countries) == 2 else "multilateral"
        records.append(
            MeetingRecord(
                kind=_as_kind(kind),
                date=meeting.date.iso() if meeting.date else None,
                place=meeting.place,
                countries=tuple(sorted(meeting.countries)),
                participants=tuple(meeting.participants),
                evidence=doc.evidence(meeting.sentence),
            )
        )
    return records


def _add_sentence(
    doc: Doc, gazetteer: Gazetteer, people: PeopleResult, meeting: _Meeting, index: int, article_countries: tuple[str, ...]
) -> None:
    meeting.sentences.append(index)
    for person in people.in_sentence(index):
        if person.name not in meeting.participants:
            meeting.participants.append(person.name)
        country = next((r.country for r in people.records if r.name == person.name), None)
        if country:
            meeting.countries.add(country)
    for mention in doc.mentions_in(index, frozenset({"country", "bloc", "organisation", "city"})):
        if mention.key is None:
            continue
        if mention.kind in ("country", "bloc"):
            meeting.countries.add(mention.key)
        elif mention.kind == "city":
            entry = gazetteer.entry(mention.key)
            if meeting.place is None:
                meeting.place = mention.text
            if entry.country:
                meeting.countries.add(entry.country)
        elif mention.kind == "organisation":
            entry = gazetteer.entry(mention.key)
            if entry.country and entry.extra.get("type") in ("ministry", "agency", "embassy", None):
                meeting.countries.add(entry.country)
    sentence = doc.sentences[index].text
    if re.search(r"\bkedua negara\b|\bboth countries\b|\bkedua pemimpin\b|\bkedua kepala negara\b", sentence, re.IGNORECASE):
        meeting.countries.update(article_countries)
    if meeting.place is None:
        for mention in doc.mentions_in(index, frozenset({"country"})):
            lead = sentence[max(0, mention.start - doc.sentences[index].start - 4) : mention.start - doc.sentences[index].start]
            if re.search(r"\b(?:di|ke|in|to)\s*$", lead):
                meeting.place = mention.text
                break
    if meeting.date is None:
        dates = doc.dates_in(index)
        if dates:
            meeting.date = dates[0].value


def _merge_into(meetings: list[_Meeting], new: _Meeting) -> _Meeting:
    for old in reversed(meetings):
        same_people = set(old.participants) & set(new.participants)
        same_kind = old.kind == new.kind or "meeting" in (old.kind, new.kind)
        if same_kind and same_people and old.countries == new.countries and (old.date == new.date or None in (old.date, new.date)):
            old.participants.extend(p for p in new.participants if p not in old.participants)
            old.sentences.extend(new.sentences)
            old.place = old.place or new.place
            old.date = old.date or new.date
            if old.kind in ("meeting", "visit") and new.kind not in ("meeting", "visit"):
                old.kind = new.kind
            return old
    meetings.append(new)
    return new


def _drop_visits_with_meetings(meetings: list[_Meeting]) -> list[_Meeting]:
    met = [m for m in meetings if m.kind != "visit"]
    kept = []
    for m in meetings:
        if m.kind == "visit" and any(o.countries & m.countries for o in met):
            for o in met:
                o.place = o.place or m.place
                o.date = o.date or m.date
            continue
        kept.append(m)
    return kept


def _is_stale(value: DateValue, doc: Doc) -> bool:
    assert doc.published is not None
    limit = doc.published - _STALE
    if value.precision == 3 and value.month and value.day:
        return (value.year, value.month, value.day) < (limit.year, limit.month, limit.day)
    if value.precision == 2 and value.month:
        return (value.year, value.month) < (limit.year, limit.month)
    return value.year < limit.year


def _as_kind(kind: str) -> MeetingKind:
    return kind  # type: ignore[return-value]  # the data tables only hold valid kinds

"""People: named persons of the article body, their fullest name, office and country.

No Indonesian NER model installs offline, so names are found by rules over runs of
capitalised words:

1. split each run into name words and the rest: offices, bodies, places and countries
   (gazetteer mentions), words listed as not names (``not_names.tsv``), honorifics;
2. keep a name when something vouches for it: an office before it ("Menteri
   Perindustrian Agus Gumiwang"), an office after it in apposition ("Budi, juru bicara
   KPK"), a verb of saying beside it ("kata Agus", "Agus mengatakan"), an honorific
   ("Pak Agus"), or, for names of two words or more, a word that the IndoNLU NER sets
   mostly tag as part of a name;
3. short mentions join the fullest form they are part of ("Agus" -> "Agus Gumiwang
   Kartasasmita"), as do nicknames given with "atau"/"alias";
4. the office is the role phrase of the first introduction; the country comes from a
   country, body or office named in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from sepakat.data import load_table
from sepakat.extract.context import Doc
from sepakat.extract.gazetteer import Gazetteer
from sepakat.models import Mention, PersonRecord

_PARTICLES = r"(?:bin|binti|van|von|der|den|de|del|della|di|da|dos|du|al|el|la|le|ibn|abu|bt|bte)"
_NAME_WORD = r"(?:[A-Z][\w'’]*(?:-[\w'’]+)*\.?|[A-Z]\.)"
_RUN = re.compile(rf"(?<![\w-]){_NAME_WORD}(?:\s(?:{_PARTICLES}\s)?{_NAME_WORD})*")
_TOKEN = re.compile(rf"{_NAME_WORD}|{_PARTICLES}")
_ROLE_KINDS = frozenset({"title", "organisation", "country", "bloc", "city"})
_APPOSITION_BREAK = re.compile(r"[.;:!?\"“”()]|,\s")


@dataclass(frozen=True, slots=True)
class PeopleLexicon:
    not_names: frozenset[str]
    honorifics: frozenset[str]
    name_words: frozenset[str]
    say_before: frozenset[str]
    say_after: frozenset[str]
    role_words: frozenset[str]  # lower-case offices written without capitals ("juru bicara")


@cache
def people_lexicon(lang: str) -> PeopleLexicon:
    lang = "en" if lang == "en" else "id"
    not_names = {row[0] for row in load_table("id", "not_names")} | {row[0] for row in load_table("en", "not_names")}
    honorifics = {row[0].rstrip(".").casefold() for row in load_table("id", "honorifics")}
    name_words = {row[0] for row in load_table("id", "person_tokens")}
    verbs = load_table(lang, "speech_verbs")
    return PeopleLexicon(
        not_names=frozenset(not_names),
        honorifics=frozenset(honorifics),
        name_words=frozenset(name_words),
        say_before=frozenset(w for w, pos in verbs if pos == "before"),
        say_after=frozenset(w for w, pos in verbs if pos == "after"),
        role_words=frozenset(row[0] for row in load_table(lang, "role_words")),
    )


@dataclass
class PersonMention:
    start: int
    end: int
    name: str
    sentence: int
    vouched: bool
    role: str | None = None
    role_start: int | None = None
    country: str | None = None


@dataclass
class Person:
    name: str
    mentions: list[PersonMention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)

    @property
    def tokens(self) -> frozenset[str]:
        return frozenset(self.name.split())


@dataclass
class PeopleResult:
    people: list[Person]
    records: list[PersonRecord]

    def person_at(self, start: int, end: int) -> Person | None:
        for person in self.people:
            for m in person.mentions:
                if m.start < end and start < m.end:
                    return person
        return None

    def in_sentence(self, index: int) -> list[Person]:
        return [p for p in self.people if any(m.sentence == index for m in p.mentions)]


def extract_people(doc: Doc, gazetteer: Gazetteer) -> PeopleResult:
    lex = people_lexicon(doc.lang)
    mentions: list[PersonMention] = []
    for index, sentence in enumerate(doc.sentences):
        covered = _covered(doc.mentions_in(index, _ROLE_KINDS))
        for run in _RUN.finditer(sentence.text):
            mentions.extend(_names_in_run(doc, gazetteer, lex, index, run, covered))
    people = _cluster(mentions, doc)
    records = [_record(doc, gazetteer, person) for person in people]
    return PeopleResult(people, records)


def _covered(mentions: list[Mention]) -> list[Mention]:
    return sorted(mentions, key=lambda m: m.start)


def _in_mention(start: int, end: int, mentions: list[Mention]) -> Mention | None:
    for m in mentions:
        if m.start < end and start < m.end:
            return m
    return None


def _names_in_run(
    doc: Doc, gazetteer: Gazetteer, lex: PeopleLexicon, index: int, run: re.Match[str], covered: list[Mention]
) -> list[PersonMention]:
    sentence = doc.sentences[index]
    base = sentence.start
    s = sentence.text
    tokens = [(base + run.start() + t.start(), base + run.start() + t.end(), t.group(0)) for t in _TOKEN.finditer(run.group(0))]
    # Split the run into maximal stretches of name words.
    stretches: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    for tok in tokens:
        word = tok[2].rstrip(".")
        is_name = (
            _in_mention(tok[0], tok[1], covered) is None
            and word not in lex.not_names
            and word.casefold() not in lex.honorifics
            and not (word.isupper() and len(word) > 1 and len(word) <= 5 and not current)
        )
        if is_name:
            current.append(tok)
        else:
            if current:
                stretches.append(current)
            current = []
    if current:
        stretches.append(current)
    found: list[PersonMention] = []
    for stretch in stretches:
        while stretch and re.fullmatch(_PARTICLES, stretch[-1][2]):
            stretch = stretch[:-1]
        while stretch and re.fullmatch(_PARTICLES, stretch[0][2]):
            stretch = stretch[1:]
        if not stretch:
            continue
        start, end = stretch[0][0], stretch[-1][1]
        if doc.text[end - 1] == "." and not re.search(r"\b[A-Z]\.$", doc.text[start:end]):
            end -= 1  # a sentence's full stop, not an initial
        name = doc.text[start:end]
        mention = _vouch(doc, gazetteer, lex, index, start, end, name, covered)
        if mention is not None:
            found.append(mention)
    return found


def _vouch(
    doc: Doc, gazetteer: Gazetteer, lex: PeopleLexicon, index: int, start: int, end: int, name: str, covered: list[Mention]
) -> PersonMention | None:
    sentence = doc.sentences[index]
    words = name.split()
    role, role_start, country = _role_before(doc, gazetteer, index, start, covered)
    vouched = role is not None
    if role is None:
        role, country = _role_after(doc, gazetteer, lex, index, end, covered)
        vouched = role is not None
    before = doc.text[max(sentence.start, start - 30) : start]
    after = doc.text[end : min(sentence.end, end + 30)]
    prev_word = re.findall(r"[\w'’]+", before)[-1:] if before.strip() else []
    next_word = re.findall(r"[\w'’]+", after)[:1]
    if not vouched:
        vouched = bool(prev_word and prev_word[0] in lex.say_before and re.search(r"[,\"”’]\s*\w+\s*$", before))
    if not vouched:
        vouched = bool(next_word and next_word[0] in lex.say_after)
    if not vouched:
        vouched = bool(prev_word and prev_word[0].casefold() in lex.honorifics)
    if not vouched and len(words) >= 2:
        vouched = any(w.casefold() in lex.name_words for w in words)
    if not vouched and len(words) >= 2 and doc.lang == "en":
        vouched = all(w[:1].isupper() and w[1:].islower() for w in words if len(w) > 2)
    if not vouched:
        # Unvouched single words may still be the short form of a vouched name.
        return PersonMention(start, end, name, index, False) if len(words) == 1 else None
    return PersonMention(start, end, name, index, True, role, role_start, country)


def _role_before(
    doc: Doc, gazetteer: Gazetteer, index: int, start: int, covered: list[Mention]
) -> tuple[str | None, int | None, str | None]:
    """The office phrase right before a name: a title mention and what continues it."""
    sentence = doc.sentences[index]
    titles = [m for m in covered if m.kind == "title" and m.end <= start]
    if not titles:
        return None, None, None
    # Walk back over role words to the nearest title that starts the phrase.
    for title in reversed(titles):
        gap = doc.text[title.end : start]
        if len(gap) > 120 or not _is_role_gap(gap, title, covered, start):
            continue
        phrase = doc.text[title.start : start].rstrip(" ,")
        phrase = _strip_parenthetical_abbreviation(phrase)
        return phrase, title.start, _role_country(gazetteer, title.start, start, covered)
    del sentence
    return None, None, None


_GAP_OK = re.compile(r"^(?:[\s,/&()'’.-]|\b(?:dan|untuk|di|of|for|the|and|to|bidang|urusan|RI|ke-\d+)\b|[A-Z][\w.'’&-]*|\d+)*$")


def _is_role_gap(gap: str, title: Mention, covered: list[Mention], start: int) -> bool:
    if "\n" in gap or '"' in gap or "“" in gap:
        return False
    return _GAP_OK.match(gap) is not None


def _strip_parenthetical_abbreviation(phrase: str) -> str:
    return re.sub(r"\s*\([^()]{1,30}\)", "", phrase).strip()


def _role_after(
    doc: Doc, gazetteer: Gazetteer, lex: PeopleLexicon, index: int, end: int, covered: list[Mention]
) -> tuple[str | None, str | None]:
    """An office in apposition after a name: "Budi Prasetyo, juru bicara KPK"."""
    sentence = doc.sentences[index]
    rest = doc.text[end : sentence.end]
    m = re.match(r"\s*,\s*(?:selaku\s+|sebagai\s+|the\s+)?", rest)
    if m is None:
        m = re.match(r"\s+(?:selaku|sebagai)\s+", rest)
        if m is None:
            return None, None
    phrase_start = end + m.end()
    tail = doc.text[phrase_start : sentence.end]
    stop = _APPOSITION_BREAK.search(tail)
    phrase = tail[: stop.start()] if stop else tail
    phrase = phrase.strip()
    if not phrase or len(phrase) > 120:
        return None, None
    title = next((t for t in covered if t.kind == "title" and t.start == phrase_start), None)
    low = phrase.casefold()
    if title is None and not any(low.startswith(w) for w in lex.role_words):
        return None, None
    country = _role_country(gazetteer, phrase_start, phrase_start + len(phrase), covered)
    return _strip_parenthetical_abbreviation(phrase), country


def _role_country(gazetteer: Gazetteer, start: int, end: int, covered: list[Mention]) -> str | None:
    inside = [m for m in covered if start <= m.start and m.end <= end + 1]
    for m in inside:
        if m.kind in ("country", "bloc") and m.key:
            return m.key
    for m in inside:
        if m.kind in ("title", "organisation") and m.key:
            entry = gazetteer.entry(m.key)
            if entry.country:
                return entry.country
    return None


# --- clustering ----------------------------------------------------------------------


def _cluster(mentions: list[PersonMention], doc: Doc) -> list[Person]:
    people: list[Person] = []
    ordered = sorted(mentions, key=lambda m: (-len(m.name.split()), m.start))
    for m in ordered:
        words = frozenset(m.name.split())
        target = None
        for person in people:
            if words <= person.tokens:
                target = person
                break
        if target is None:
            if not m.vouched:
                continue
            target = Person(m.name)
            people.append(target)
        target.mentions.append(m)
    _join_nicknames(people, doc)
    people.sort(key=lambda p: min(m.start for m in p.mentions))
    return people


def _join_nicknames(people: list[Person], doc: Doc) -> None:
    """ "Maruarar Sirait atau Ara": the one-word nickname is the same person."""
    by_name = {p.name: p for p in people}
    for person in list(people):
        if len(person.name.split()) != 1:
            continue
        for m in person.mentions:
            before = doc.text[max(0, m.start - 60) : m.start]
            hit = re.search(r"([A-Z][\w'’]+(?:\s[A-Z][\w'’]+)+)\s*(?:atau|alias|a\.k\.a\.?|\(|,?\s*yang akrab disapa)\s*$", before)
            if hit and hit.group(1) in by_name and by_name[hit.group(1)] is not person:
                full = by_name[hit.group(1)]
                full.mentions.extend(person.mentions)
                full.aliases.add(person.name)
                people.remove(person)
                break


def _record(doc: Doc, gazetteer: Gazetteer, person: Person) -> PersonRecord:
    introduced = sorted((m for m in person.mentions if m.role), key=lambda m: m.start)
    role = introduced[0].role if introduced else None
    country = next((m.country for m in introduced if m.country), None)
    if country is None and doc.lang == "id" and (role is not None or _looks_indonesian(person.name)):
        country = "IDN"
    return PersonRecord(name=person.name, role=role, country=country)


def _looks_indonesian(name: str) -> bool:
    lex = people_lexicon("id")
    return any(w.casefold() in lex.name_words for w in name.split())

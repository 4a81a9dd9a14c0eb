"""People: named persons of the article body, their fullest name, office and country.

No Indonesian NER model installs offline, so names are found by rules over runs of
capitalised words:

1. split each run into name words and the rest: offices, bodies, places and countries
   (gazetteer mentions and the words of their names), words listed as not names
   (``not_names.tsv``), honorifics and degrees;
2. read the office in apposition after each name ("Budi Prasetyo, juru bicara KPK"),
   then the office before it ("Menteri Perindustrian (Menperin) Agus Gumiwang"), which
   may not reach back into another person's apposition;
3. keep a name when something vouches for it: an office, a verb of saying beside it
   ("kata Agus", "Agus mengatakan"), an honorific ("Pak Agus"), the list of well-known
   people (``common/people.tsv``), or, for names of two words or more, a word that the
   IndoNLU NER sets mostly tag as part of a name;
4. short mentions join the fullest form they are part of ("Agus" -> "Agus Gumiwang
   Kartasasmita"), as do nicknames given with "atau"/"alias"/parentheses;
5. the office is the role phrase of the first introduction; the country comes from a
   country, body or office named in it, or from the list of well-known people.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import attrgetter
from typing import NamedTuple

import ahocorasick_rs

from sepakat.data import load_table
from sepakat.extract.context import ArticleContext, Doc
from sepakat.extract.gazetteer import Gazetteer, load_gazetteer, signature_form
from sepakat.models import Mention, PersonRecord

# Particles inside names ("Mahathir bin Mohamad", "Joost van der Berg").
_PARTICLES = frozenset(
    {
        "bin",
        "binti",
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "da",
        "dos",
        "du",
        "al",
        "el",
        "la",
        "le",
        "ibn",
        "abu",
        "bt",
        "bte",
    }
)
# A word, or an initial or short abbreviation with its dot ("R.", "Jr."): a longer word
# followed by a dot ends the run, so one pass over the whole text stays within sentences.
_NAME_WORD = r"(?:[A-Z][\w'’]{0,2}\.|[A-Z][\w'’]*(?:-[\w'’]+)*)"
_ROLE_KINDS = frozenset({"title", "organisation", "country", "bloc", "city"})
_APPOSITION_BREAK = re.compile(r"[.;:!?\"“”()]|,\s|\s(?:dan|and|serta|yang|who|which|di|pada|in|on|at)\s")
# Possessive quantifiers: a gap that is not all office words fails at once instead of
# trying every way to cut its capitalised words (catastrophic on long runs of capitals).
_GAP_OK = re.compile(
    r"^(?:[ \t/&()'’.,-]|\b(?:dan|untuk|di|of|for|the|and|to|bidang|urusan|RI|ke-\d+|on|in)\b"
    r"|[A-Z][\w.'’&-]*+|\d++)*+\s*$"
)
_DEGREES = r"SE|SH|MM|MBA|MSi|MT|MA|MSc|PhD|SIP|SPd|MPd|MH|MKes|ST|SKom|SSos|Sp[A-Z]{1,3}"
_DEGREE = re.compile(rf"^(?:[A-Z][a-z]{{0,3}}\.){{2,3}}$|^(?:{_DEGREES})\.?$")
_DEGREE_UNDOTTED = re.compile(_DEGREES)


def is_degree(word: str) -> bool:
    """An academic degree written after a name with its dots ("S.E.", "M.Si", "Ph.D."; not
    "U.S.", and not "MA" without dots: the Mahkamah Agung)."""
    return "." in word and _DEGREE_UNDOTTED.fullmatch(word.replace(".", "")) is not None


@dataclass(frozen=True, slots=True)
class PeopleLexicon:
    not_names: frozenset[str]
    role_vocab: frozenset[str]  # words of offices, bodies and places: not name words
    honorifics: frozenset[str]
    indonesian_address: frozenset[str]  # "pak", "hj", "irjen": only Indonesians are so written
    name_words: frozenset[str]
    say_before: frozenset[str]
    say_after: frozenset[str]
    role_words: tuple[str, ...]  # lower-case offices written without capitals ("juru bicara")
    known: dict[str, tuple[str, str]]  # full name or alias -> (full name, country)
    place_heads: frozenset[str]
    street_heads: frozenset[str]  # "Jalan": initials after it are the street's person's ("Jalan MH Thamrin")
    eponym_titles: frozenset[str]  # "Sultan", "KH": after a place word, the place is named after a person
    name_tails: frozenset[str]  # "Center", "Foundation": the words before are a body's name
    common_words: frozenset[str]  # ordinary words (common_words.tsv), minus name words
    name_openers: dict[str, frozenset[str]]  # "I" -> {"Gusti", "Wayan", ...}: Balinese names
    glue_words: tuple[str, ...]  # what a stripped link glues to a name ("Putinserta"), longest first
    inner_name_words: frozenset[str]  # "See" of "Tan See Leng": a name's between two name words


@cache
def people_lexicon(lang: str) -> PeopleLexicon:
    lang = "en" if lang == "en" else "id"
    not_names = {row[0] for row in load_table("id", "not_names")} | {
        row[0] for row in load_table("en", "not_names")
    }
    not_names |= {row[0] for row in load_table("id", "sentence_starters")}
    not_names |= {row[0] for row in load_table("en", "sentence_starters")}
    name_tails = {row[0] for row in load_table("common", "name_tails")}
    not_names |= name_tails
    honorific_rows = load_table("id", "honorifics")
    honorifics = {row[0].rstrip(".").casefold() for row in honorific_rows}
    indonesian_address = {row[0].rstrip(".").casefold() for row in honorific_rows if row[1:2] == ("id",)}
    name_rows = load_table("id", "person_tokens")
    name_words = {row[0] for row in name_rows}
    strong_names = {row[0] for row in name_rows if int(row[1]) >= 5}
    verbs = load_table(lang, "speech_verbs")
    known: dict[str, tuple[str, str]] = {}
    for row in load_table("common", "people"):
        name, country = row[0], row[1]
        aliases = row[2].split("|") if len(row) > 2 and row[2] else []
        known[name] = (name, country)
        for alias in aliases:
            known.setdefault(alias, (name, country))
        for written in (name, *aliases):
            if signature := signature_form(written):
                known.setdefault(signature, (name, country))
    return PeopleLexicon(
        not_names=frozenset(not_names),
        role_vocab=frozenset(
            _role_vocabulary(lang)
            - strong_names
            # A name word in a body's name is the name of the person it is named after
            # ("Azhar" of Al-Azhar, "Hidayatullah"), unless an office has it ("Dean"); short
            # ones are words too ("See", "Jan").
            - {w for w in name_words - _role_vocabulary(lang, ("title",)) if len(w) > 3}
            - {n.split()[0].casefold() for n in known}
            - {row[0] for row in load_table("common", "place_given_names")}
            - {row[0] for row in load_table("common", "office_given_names")}
        ),
        honorifics=frozenset(honorifics),
        indonesian_address=frozenset(indonesian_address),
        name_words=frozenset(name_words),
        say_before=frozenset(w for w, pos in verbs if pos == "before"),
        say_after=frozenset(w for w, pos in verbs if pos == "after"),
        role_words=tuple(sorted((row[0] for row in load_table(lang, "role_words")), key=len, reverse=True)),
        known=known,
        place_heads=frozenset(row[0] for row in load_table("id", "place_heads")),
        street_heads=frozenset(row[0] for row in load_table("id", "place_heads") if row[1:2] == ("street",)),
        eponym_titles=frozenset(row[0] for row in load_table("id", "eponym_titles")),
        name_tails=frozenset(name_tails),
        common_words=frozenset(row[0] for row in load_table("id", "common_words")) - name_words,
        name_openers={row[0]: frozenset(row[1].split("|")) for row in load_table("id", "name_openers")}
        if lang == "id"
        else {},
        inner_name_words=frozenset(row[0] for row in load_table("common", "inner_name_words")),
        glue_words=tuple(
            sorted(
                {row[0] for row in load_table("id", "glue_words")}
                | {row[0] for row in load_table("id", "speech_verbs")},
                key=len,
                reverse=True,
            )
        )
        if lang == "id"
        else (),
    )


def _role_vocabulary(
    lang: str, kinds: tuple[str, ...] = ("organisation", "title", "bloc", "country")
) -> set[str]:
    """Case-folded words of every office, body, bloc and place name of the gazetteer (of
    ``kinds``)."""
    gazetteer = load_gazetteer(lang)
    words: set[str] = set()
    # Not places: people are named after them ("Minh" of Ho Chi Minh, "Jaya", "Surya"); nor
    # companies' and parties' names, made of words people are named ("Karya", "Nurani").
    for kind in kinds:
        for key in gazetteer.entry_keys(kind):
            if kind == "organisation" and gazetteer.entry(key).extra.get("type") in _NAMED_LIKE_PEOPLE:
                continue
            for surface in gazetteer.surfaces(key):
                # Whole words: "Tomé" of São Tomé is no "Tom" (Tom Lembong).
                words.update(w.casefold() for w in re.findall(r"\b[A-Z][^\W\d_A-Z]{2,}", surface))
    return words


_NAMED_LIKE_PEOPLE = frozenset({"company", "soe", "party"})


@dataclass
class PersonMention:
    start: int
    end: int
    name: str
    sentence: int
    vouched: bool
    role: str | None = None
    country: str | None = None


@dataclass
class Person:
    name: str
    mentions: list[PersonMention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    country: str | None = None
    tokens: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.tokens = _name_tokens(self.name)


@lru_cache(maxsize=4096)
def _name_tokens(name: str) -> frozenset[str]:
    """A name's words as clustering compares them: "JOSEPH R. BIDEN JR." is "Joseph R.
    Biden Jr." in a signature's capitals."""
    return frozenset(word.rstrip(".,").casefold() for word in name.split())


@dataclass
class PeopleResult:
    """The article's people, complete: what later stages ask of them is indexed once
    (asking per sentence by scanning every mention was quadratic on long documents)."""

    people: list[Person]
    records: list[PersonRecord]
    _by_sentence: dict[int, list[Person]] | None = None
    _countries: dict[str, str | None] | None = None

    def in_sentence(self, index: int) -> list[Person]:
        """The people mentioned in sentence ``index``, in the order of ``people``."""
        if self._by_sentence is None:
            self._by_sentence = {}
            for person in self.people:
                for sentence in dict.fromkeys(m.sentence for m in person.mentions):
                    self._by_sentence.setdefault(sentence, []).append(person)
        return list(self._by_sentence.get(index, ()))

    def country_of(self, person: Person) -> str | None:
        """The country of the person's record (the first record of that name)."""
        if self._countries is None:
            self._countries = {}
            for record in self.records:
                self._countries.setdefault(record.name, record.country)
        return self._countries.get(person.name)


@dataclass
class _Scan:
    """What reading one article's names shares: the article, its word lists, which
    characters the gazetteer took, and the candidate spans found so far by sentence."""

    doc: Doc
    gazetteer: Gazetteer
    lex: PeopleLexicon
    covered: bytearray
    sentence_ends: list[int]
    by_sentence: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    # The same spans by start, as starts and ends: they never overlap, so both ascend.
    ordered: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict)
    written: dict[str, bool] = field(default_factory=dict)  # has_word's answers so far

    @classmethod
    def of(cls, doc: Doc, gazetteer: Gazetteer) -> _Scan:
        covered = bytearray(len(doc.text))
        for m in doc.mentions:
            if m.kind in _ROLE_KINDS:
                covered[m.start : m.end] = b"\x01" * (m.end - m.start)
        return cls(doc, gazetteer, people_lexicon(doc.lang), covered, [s.end for s in doc.sentences])

    def sentence_of(self, offset: int) -> int | None:
        """``Doc.sentence_of`` without its look-ups: it is asked for every candidate."""
        i = bisect_right(self.doc.sentence_starts, offset) - 1
        return i if i >= 0 and offset < self.sentence_ends[i] else None

    def add(self, start: int, end: int) -> None:
        index = self.sentence_of(start)
        if index is not None:
            starts, ends = self.ordered.setdefault(index, ([], []))
            # Of the spans starting before ``end``, the last reaches furthest: a sentence of
            # a long list of names made checking every span quadratic.
            at = bisect_left(starts, end)
            if at and ends[at - 1] > start:
                return
            starts.insert(at, start)
            ends.insert(at, end)
            self.by_sentence.setdefault(index, []).append((start, end))

    def add_word(self, start: int, end: int, word: str) -> None:
        """A one-word name, if the word can be one."""
        if self.covered[start] or word.isupper():
            return
        if _word_table(self.doc.lang)[word] & _KIND == _NAME:
            self.add(start, end)

    def has_word(self, word: str) -> bool:
        """Whether the article writes ``word`` somewhere as a whole word (of ``[\\w-]``)."""
        known = self.written.get(word)
        if known is None:
            known = self.written[word] = _WORD.fullmatch(word) is not None and self._find_word(word)
        return known

    def _find_word(self, word: str) -> bool:
        text = self.doc.text
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or _WORD_CHAR.match(text, at - 1) is None) and _WORD_CHAR.match(text, end) is None:
                return True
            at = text.find(word, at + 1)
        return False


_WORD = re.compile(r"[\w-]+")
_WORD_CHAR = re.compile(r"[\w-]")


def extract_people(doc: Doc, context: ArticleContext) -> PeopleResult:
    """People of the article (module docstring): candidates, vouched, clustered."""
    scan = _Scan.of(doc, context.gazetteer)
    # Names of two words or more are runs of capitals; one-word names are read only
    # where a verb of saying, an office or the list of well-known people vouches.
    for m in doc.mentions:
        if m.kind == "person" and not _a_place_named_after(scan, m.start):
            scan.add(*_known_name_span(scan, m.start, m.end, m.text))
    _runs_of_capitals(scan)
    _names_beside_saying(scan)
    _names_before_offices(scan)
    mentions = [m for index, spans in scan.by_sentence.items() for m in _vouched(scan, index, spans)]
    people = _cluster(mentions, doc, scan.lex)
    _short_forms(doc, scan.lex, people, scan.covered)
    if doc.lang == "id":
        people = _with_nicknames(doc, people)
    people = _with_clipped_names(doc, scan.lex, people)
    if doc.lang == "en":
        people = [person for person in people if not _lone_word(scan, person)]
    people = [person for person in people if " " in person.name or not _short_for_a_body(scan, person.name)]
    home: list[str | None] = []  # the article's home country, worked out on first need

    def home_country() -> str | None:
        if not home:
            home.append(_home_country(doc, context))
        return home[0]

    return PeopleResult(people, [_record(doc, person, home_country) for person in people])


def _with_nicknames(doc: Doc, people: list[Person]) -> list[Person]:
    """A one-word person who is another's nickname is that person: "Maruarar Sirait atau
    Ara", "Muzakir Manaf atau yang akrab disapa Mualem" (also glued by a stripped link:
    "Siraitatau Ara"), then "Ara mengatakan ...". Only one-word people left after the
    short forms: "Arda Guler atau Brahim Diaz" names two, and a "Brahim" written alone
    elsewhere is Brahim Diaz's already."""
    alone = {_without_address(person.name): person for person in people}
    alone = {name: person for name, person in alone.items() if " " not in name}
    if not alone:
        return people
    merged: set[str] = set()
    for person in people:
        if " " not in _without_address(person.name):
            continue
        for mention in list(person.mentions):
            found = _NICKNAME_AFTER.match(doc.text, mention.end)
            nickname = alone.get(found.group(1)) if found else None
            if nickname is not None and nickname is not person and nickname.name not in merged:
                person.mentions.extend(nickname.mentions)
                person.mentions.sort(key=lambda m: m.start)
                person.aliases.add(nickname.name)
                merged.add(nickname.name)
    return [person for person in people if person.name not in merged]


def _with_clipped_names(doc: Doc, lex: PeopleLexicon, people: list[Person]) -> list[Person]:
    """A one-word person whose name opens a word of one longer name, written after it, is
    that person called by the clipped word: "Sandiaga Uno" then "kata Sandi",
    "Susiwijono Moegiarso" then "kata Susi", "Emanuel Melkiades Laka Lena" then "Melki".
    English clips only the given name ("Alex" of "Alexander Soros"; "Wood" is not Bob
    Woodward). Not a well-known person of that name, not a word that two names open,
    not a father's name in a patronymic ("Soekarno" of "Megawati Soekarnoputri"), and
    not a name that a stripped link glued a word to ("Donald Trumptidak", "Pedro
    Acostadi"): the rest is at most a few letters of a name, no word."""
    longer = [person for person in people if " " in person.name]
    merged: set[int] = set()
    for person in people:
        word = _without_address(person.name)
        if " " in word or len(word) < 3 or word in lex.known:
            continue
        first = min(m.start for m in person.mentions)
        found = [
            other
            for other in longer
            if any(
                _clipped_from(lex, word, part)
                for part in (other.name.split()[:1] if doc.lang == "en" else other.name.split())
            )
        ]
        if len(found) != 1 or min(m.start for m in found[0].mentions) > first:
            continue
        found[0].mentions.extend(person.mentions)
        found[0].mentions.sort(key=lambda m: m.start)
        found[0].aliases.add(person.name)
        merged.add(id(person))
    return [person for person in people if id(person) not in merged]


def _clipped_from(lex: PeopleLexicon, word: str, part: str) -> bool:
    """``word`` is ``part`` clipped (``_with_clipped_names``)."""
    rest = part[len(word) :].casefold()
    return (
        part.startswith(word)
        and 0 < len(rest) <= 6
        and rest not in _NOT_A_NAMES_REST
        and rest not in lex.common_words
        and not rest.startswith(lex.glue_words)
    )


# What follows a name's word without being more of it: a patronymic's "son of" ("Soekarno" +
# "putri", "John" + "son") and short words a stripped link glues on ("di", "vs").
_NOT_A_NAMES_REST = frozenset(
    {"putri", "putra", "poetri", "poetra", "son", "sen", "di", "ke", "vs", "pun", "lah", "nya"}
)


def _without_address(name: str) -> str:
    """ "Gus Ipul" -> "Ipul": a nickname with its form of address."""
    first, _, rest = name.partition(" ")
    return rest if rest and " " not in rest and first in _ADDRESS else name


_ADDRESS = frozenset(
    {"Gus", "Cak", "Kang", "Mas", "Bang", "Pak", "Bu", "Ning", "Neng", "Abah", "Mbak", "Bung"}
)


# After a full name: "atau" (glued or not) or a bracket, and a one-word nickname (after a
# form of address: "Saifullah Yusuf (Gus Ipul)"), not a second full name.
_NICKNAME_AFTER = re.compile(
    r"(?:\s*,?\s*atau\s+(?:yang\s+)?(?:(?:akrab|biasa|lebih|kerap|sering)\s+)?"
    r"(?:(?:disapa|dipanggil|dikenal(?:\s+dengan)?(?:\s+nama)?|disebut)\s+)?|\s*,?\s*\()"
    rf"(?:(?:{'|'.join(sorted(_ADDRESS))})\s+)?"
    r"([A-Z][\w'’-]+)\b(?!\s+[A-Z])"
)


def _known_name_span(scan: _Scan, start: int, end: int, written: str) -> tuple[int, int]:
    """The span of the person a well-known name written at ``start:end`` names: name words
    before it may make it longer ("Muhammad Tito Karnavian") or another person's ("Kapolri
    Jenderal Listyo Sigit Prabowo"), and then the words after it too. In Indonesian news a
    short form followed by a name word that is not its own is someone else's first name
    ("KH Anwar Iskandar" is not Anwar Ibrahim); in English a known surname more often
    starts a longer name ("the Melania Trump Foster Youth program")."""
    at = _given_names_before(scan, start)
    if at < start:
        return at, _names_after(scan, end)
    full = scan.lex.known.get(written, (written, ""))[0]
    if scan.doc.lang == "id" and full != written and _next_name_word(scan, end, full) is not None:
        return at, _names_after(scan, end)
    return at, end


def _a_place_named_after(scan: _Scan, start: int) -> bool:
    """The well-known name at ``start`` is a place's or a body's, named after that person:
    a place word, ordinary capitalised words and a title before it ("Universitas Islam
    Negeri K.H. Abdurrahman Wahid", "Jalan KH Hasyim Asyari"; see _name_stretches)."""
    table = _word_table(scan.doc.lang)
    titled = False
    window = max(0, start - 60)
    for found in reversed(list(_SPACED_WORD.finditer(scan.doc.text, window, start))):
        word = found.group(0)
        if scan.covered[found.start()]:
            return False  # "Universitas Diponegoro Prof. Dr. Suharnomo": a body the gazetteer knows
        facts = table[word]
        if facts & _KIND == _PLACE_HEAD:
            return titled
        if facts & _EPONYM:
            titled = True
        elif facts & _KIND != _NOT_NAME or not word[:1].isupper():
            return False
    return False


_SPACED_WORD = re.compile(r"\S+")


def _past_titles(words: _WordTable, text: str, start: int, end: int) -> int:
    """Where the run at ``start`` goes on after its leading titles ("H. | Abdurrahman")."""
    while start < end:
        space = text.find(" ", start, end)
        if space == -1 or not words[text[start:space]] & _EPONYM:
            break
        start = space + 1
    return start


def _given_names_before(scan: _Scan, start: int) -> int:
    """Where a well-known name really starts: name words written right before it belong to
    it ("Muhammad Tito Karnavian"), or make another person's name of it ("Kapolri
    Jenderal Listyo Sigit Prabowo" is not President Prabowo)."""
    at, known_from = start, start
    first = 0  # the facts of the first word before the name
    for _ in range(3):
        before = _NAME_BEFORE.search(scan.doc.text, max(0, at - 30), at)
        facts = _plain_name_word(scan, before)
        if before is None or facts is None:
            break
        if known_from == at and facts & _NER_NAME:
            known_from = before.start(1)
        at, first = before.start(1), facts
    if at < known_from and first & _NER_NAME:
        return at  # "Agus Harimurti Yudhoyono": opened by a given name the lists know
    # Words the name lists do not know are more often other words than names ("Ultimatum
    # Prabowo", "Kontainer Bergambar Jokowi", "Golkar Bahlil Lahadalia"), unless an office
    # or a rank stands right before them ("First Lady Melania Trump", "Kapolri Jenderal
    # Listyo Sigit Prabowo"); else only known name words count ("Muhammad Tito Karnavian").
    return at if at < start and _office_or_rank_before(scan, at) else known_from


def _names_after(scan: _Scan, end: int) -> int:
    """Where a well-known short name, already seen to be part of another person's name,
    ends: the name words after it are that name's too ("Kombes Raden Prabowo Argo
    Yuwono")."""
    for _ in range(3):
        after = _NAME_AFTER.match(scan.doc.text, end)
        if after is None or _plain_name_word(scan, after) is None:
            break
        end = after.end(1)
    return end


_NAME_AFTER = re.compile(r" ([A-Z][a-z]+)(?![\w-])")


def _next_name_word(scan: _Scan, end: int, known_name: str) -> int | None:
    """The facts of the word right after ``end`` when the name lists know it as a name word
    and it is no word of the well-known ``known_name`` the word before is short for."""
    after = _NAME_AFTER.match(scan.doc.text, end)
    facts = _plain_name_word(scan, after)
    if after is None or facts is None or not facts & _NER_NAME:
        return None
    if after.group(1) in scan.lex.known or after.group(1) in known_name.split():
        return None  # "Prabowo Gibran": two people; "Gibran Rakabuming": the same one
    return facts


def _plain_name_word(scan: _Scan, found: re.Match[str] | None) -> int | None:
    """The facts of the word ``found`` caught in its group 1 when it can be part of a
    person's name there: a name word, no acronym, in no gazetteer mention; else None."""
    if found is None or scan.covered[found.start(1)]:
        return None
    facts = _word_table(scan.doc.lang)[found.group(1)]
    return None if facts & _KIND != _NAME or facts & _ACRONYM else facts


def _office_or_rank_before(scan: _Scan, at: int) -> bool:
    """An office (a gazetteer title) or a rank or form of address ends right before ``at``."""
    if at >= 2 and scan.covered[at - 2]:
        return True
    before = [w.rstrip(".").casefold() for w in scan.doc.text[max(0, at - 30) : at].split()]
    return bool(before) and (before[-1] in scan.lex.honorifics or _is_jenderal_rank(before))


_NAME_BEFORE = re.compile(r"(?<![\w.-])([A-Z][a-z]+) $")


def _short_for_a_body(scan: _Scan, word: str) -> bool:
    """A one-word name the article gives as the short form of a body or a place: its long
    form holds a word that starts such names ("Rektor Universitas Sultan Ageng Tirtayasa
    (Untirta)", "Kepala Dinas Kesehatan (Dinkes)"; data/id/body_heads.tsv and
    place_heads.tsv). "Basuki Tjahaja Purnama (Ahok)" and "Presiden (Jokowi)" are people's.
    A nickname after an office and a full name ("Menteri Perumahan dan Kawasan Permukiman
    Maruarar Sirait (Ara)") goes too: the person stays under the full name."""
    text = scan.doc.text
    at = text.find("(" + word + ")")
    if at == -1:
        return False
    long_form = _LONG_FORM.search(text, max(0, at - 120), at)
    if long_form is None:
        return False
    tokens = long_form.group(1).split()
    table, heads = _word_table(scan.doc.lang), _body_heads()
    return len(tokens) >= 2 and any(t in heads or table[t] & _KIND == _PLACE_HEAD for t in tokens)


_LONG_FORM = re.compile(r"((?:[A-Z][\w&'’.-]*\s+(?:(?:dan|and|of|&)\s+)?){1,10})$")


@cache
def _body_heads() -> frozenset[str]:
    return frozenset(row[0] for row in load_table("id", "body_heads"))


def _lone_word(scan: _Scan, person: Person) -> bool:
    """In English news a person is named in full before a surname stands alone: a single
    word that no office or honorific ("Mr. Ano") vouches for, never part of a longer name
    in the article, and no name word of the NER lists is a body that "said" something
    ("Bundesbank said", "Ecopetrol said")."""
    if " " in person.name or person.name in scan.lex.known or any(m.role for m in person.mentions):
        return False
    if _word_table(scan.doc.lang)[person.name] & _NER_NAME:
        return False
    text = scan.doc.text
    return not any(_honorific_before(scan.lex, text, m.start) for m in person.mentions)  # "Mr. Ano"


def _honorific_before(lex: PeopleLexicon, text: str, start: int) -> bool:
    return _word_before(text, start) in lex.honorifics


def _place_head_before(lex: PeopleLexicon, text: str, start: int) -> bool:
    """The word right before ``start`` opens a place's name ("St.", "Hotel")."""
    return _written_word_before(text, start) in lex.place_heads


def _word_before(text: str, start: int) -> str:
    """The word right before ``start``, case-folded, without its dot ("Mr." -> "mr")."""
    return _written_word_before(text, start).casefold()


def _written_word_before(text: str, start: int) -> str:
    """The word right before ``start`` as written, without its dot ("St." -> "St")."""
    before = text[max(0, start - 12) : start].split()
    return before[-1].rstrip(".") if before else ""


def _runs_of_capitals(scan: _Scan) -> None:
    doc, text, covered = scan.doc, scan.doc.text, scan.covered
    words = _word_table(doc.lang)
    for match in _patterns(doc.lang).multi.finditer(text):
        start, end = match.span()
        if _inside_honorific(scan.lex, text, start) or _ends_a_sentence(scan.lex, text, start, end):
            # "H.E. Talip Küçükcan": "E." is the end of the honorific, not an initial;
            # "Sukarno. Djarot Saiful Hidayat": a sentence's last word
            start = text.find(" ", start, end) + 1
            if start == 0 or " " not in text[start:end].strip():
                continue
        if not _starts_word(text, start) or (covered[start] and covered[end - 1]):
            continue
        if text[start + 2 : start + 3] == " " and _a_street_before(scan, start):
            continue  # "jalan MH Thamrin": the street's name
        if "." in text[start - 2 : start] and _a_place_named_after(
            scan, _past_titles(words, text, start, end)
        ):
            continue  # "Universitas Islam Negeri K.H. Abdurrahman Wahid": a dot cut the place's name
        run = _read_run(words, text[start:end])
        if not run.may_name:
            continue  # a heading or a body's name: no word of it can be a name
        index = scan.sentence_of(start)
        if index is None:
            continue
        for span in _stretches(scan, index, start, run):
            scan.add(*span)


def _ends_a_sentence(lex: PeopleLexicon, text: str, start: int, end: int) -> bool:
    """The run's first word ends with a full stop and is no initial or title ("Sukarno.",
    not "M." or "Prof.")."""
    space = text.find(" ", start, end)
    first = text[start:space] if space != -1 else ""
    return len(first) > 4 and first.endswith(".") and first[:-1].casefold() not in lex.honorifics


def _inside_honorific(lex: PeopleLexicon, text: str, start: int) -> bool:
    """The capital at ``start`` ends an honorific written with dots: "H.E." (His
    Excellency), not "U.S." or the initials "A.P."."""
    if start < 2 or text[start - 1] != "." or not text[start - 2].isupper():
        return False
    if start > 2 and text[start - 3].isalnum():
        return False
    return f"{text[start - 2]}.{text[start]}".casefold() in lex.honorifics


def _names_beside_saying(scan: _Scan) -> None:
    """ "..., kata Agus" and "Agus mengatakan": one-word names beside a verb of saying."""
    text = scan.doc.text
    patterns = _patterns(scan.doc.lang)
    # One pass finds every verb: a verb is all letters, so it never overlaps a space or
    # a quote, and the leftmost-longest matches hold every verb that a space or a quote
    # comes before (a regular expression led by such a class tries every position).
    verbs = patterns.verbs.find_matches_as_indexes(text)
    taken_to = 0  # where the last ", kata Agus" ended: the next may not start before
    for index, start, end in verbs:
        if not patterns.says_before[index]:
            continue
        opening = start
        while opening > 0 and text[opening - 1].isspace():
            opening -= 1
        if opening == 0 or text[opening - 1] not in _SAID_OPENERS or opening - 1 < taken_to:
            continue
        said = patterns.said_name.match(text, end)
        if said is not None:
            taken_to = said.end()
            scan.add_word(*said.span("name"), said.group("name"))
    for index, start, end in verbs:
        if not patterns.says_after[index] or start == 0 or not text[start - 1].isspace():
            continue
        if end < len(text) and (text[end].isalnum() or text[end] == "_"):
            continue  # the start of a longer word ("mengakuinya")
        hit = _last_word(text, max(0, start - 41), start - 1)
        if hit is None or not _starts_word(text, hit.start(1)):
            continue
        first, last = hit.span(1)
        if first >= 2 and text[first - 1] == " " and _starts_run(text, first - 2):
            continue  # the last word of a longer run: the run gave it already
        if _place_head_before(scan.lex, text, first):
            continue  # "St. Jude said": the place's or company's name
        scan.add_word(first, last, hit.group(1))


_SAID_OPENERS = ',"”’'  # what comes before "kata Agus" (spaces between allowed)


def _names_before_offices(scan: _Scan) -> None:
    """ "Yassierli, Menteri Ketenagakerjaan": a one-word name in apposition."""
    text = scan.doc.text
    for m in scan.doc.mentions:
        if m.kind == "title" and text[max(0, m.start - 40) : m.start].rstrip().endswith(","):
            hit = _BEFORE_APPOSITION.search(text, max(0, m.start - 40), m.start)
            if hit:
                scan.add_word(hit.start(1), hit.end(1), hit.group(1))


@dataclass
class _Sentence:
    """One sentence's candidates and what the office rules need of it."""

    scan: _Scan
    index: int
    spans: list[tuple[int, int]]
    covered: list[Mention]
    titles: list[Mention]  # the offices among ``covered``
    consumed: list[tuple[int, int]] = field(default_factory=list)


def _vouched(scan: _Scan, index: int, spans: list[tuple[int, int]]) -> list[PersonMention]:
    text = scan.doc.text
    covered = sorted(scan.doc.mentions_in(index, _ROLE_KINDS), key=attrgetter("start"))
    here = _Sentence(scan, index, spans, covered, [m for m in covered if m.kind == "title"])
    first_title_end = min((m.end for m in here.titles), default=None)
    afters: dict[int, tuple[str | None, str | None]] = {}
    for start, end in spans:
        role: tuple[str | None, str | None] = (None, None)
        if _MAY_APPOSE.match(text, end):
            # A name with an office before it is one of a list when another name follows
            # ("Secretary of State Antony Blinken, Secretary of the Treasury Janet Yellen").
            titled = first_title_end is not None and first_title_end <= start
            role = _role_after(here, start, end, titled)
        afters[start] = role
        if role[0] is not None:
            here.consumed.append((end, end + 2 + len(role[0]) + 12))
    found = []
    for start, end in spans:
        titled = first_title_end is not None and first_title_end <= start
        mention = _vouch(here, start, end, afters[start], titled)
        if mention is not None:
            found.append(mention)
    return found


@dataclass(frozen=True, slots=True)
class _Patterns:
    multi: re.Pattern[str]
    verbs: ahocorasick_rs.AhoCorasick  # every verb of saying, leftmost-longest
    says_before: tuple[bool, ...]  # by the verb's index: it comes before a name ("kata")
    says_after: tuple[bool, ...]  # it comes after a name ("mengatakan")
    said_name: re.Pattern[str]  # the name after a verb that comes before it


@cache
def _patterns(lang: str) -> _Patterns:
    lex = people_lexicon(lang)
    verbs = sorted(lex.say_before | lex.say_after)
    if not all(verb.isalpha() for verb in verbs):
        # ``_names_beside_saying`` relies on it: such verbs cannot overlap their neighbours.
        raise ValueError(f"speech_verbs ({lang}): a verb of saying is one word of letters")
    particles = _prefix_tree(_PARTICLES)
    word = r"[A-Z][\w'’]*+(?:-[\w'’]+)*+"  # possessive: never part of a word ("Mu" of "Mu'ti")
    # Patterns start with a plain character class and leave word boundaries before them
    # to the caller (``_starts_word``): a leading look-behind makes ``re`` try every position.
    return _Patterns(
        # Possessive: giving back letters of the first word can never reach a space.
        multi=re.compile(rf"[A-Z][\w'’]*+(?:-[\w'’]+)*+\.?(?:[ \t](?:{particles}[ \t]){{0,2}}{_NAME_WORD})+"),
        verbs=ahocorasick_rs.AhoCorasick(verbs, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest),
        says_before=tuple(verb in lex.say_before for verb in verbs),
        says_after=tuple(verb in lex.say_after for verb in verbs),
        said_name=re.compile(rf"\s+(?P<name>{word})(?![ \t]*[A-Z\w])"),
    )


def _prefix_tree(words: frozenset[str]) -> str:
    """An alternation of ``words`` as a prefix tree ("me(?:ngatakan|nyatakan)"): ``re``
    tries one branch per letter instead of every word, and still the longest word first."""
    rests: dict[str, set[str]] = {}
    for word in words:
        if word:
            rests.setdefault(word[0], set()).add(word[1:])
    branches = [re.escape(first) + _prefix_tree(frozenset(rest)) for first, rest in sorted(rests.items())]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in words:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if "" in words else "")


_LAST_WORD = re.compile(r"([A-Z][\w'’]*+(?:-[\w'’]+)*+)\s*+$")


def _last_word(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_LAST_WORD`` in ``text[start:end]``, searched from the last space on: no match
    holds a space, and ``re`` would otherwise try every capital of the window."""
    cut = start + len(text[start:end].rstrip())
    return _LAST_WORD.search(text, max(start, text.rfind(" ", start, cut) + 1), end)


def _starts_run(text: str, at: int) -> bool:
    """Whether the word ending at ``at`` is capitalised (so a run goes on to the left)."""
    if not text[at].isalpha():
        return False
    j = at
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "'’-"):
        j -= 1
    return text[j].isupper()


def _starts_word(text: str, at: int) -> bool:
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_-'’")


_BEFORE_APPOSITION = re.compile(r"(?<![\w'’-][ \t])(?<![\w'’-])([A-Z][\w'’-]+),\s*$")


def _short_forms(doc: Doc, lex: PeopleLexicon, people: list[Person], covered: bytearray) -> None:
    """Later one-word mentions of a named person ("Agus" for Agus Gumiwang Kartasasmita)."""
    text = doc.text
    table = _word_table(doc.lang)
    wanted = [
        (person, [w for w in person.name.split() if len(w) >= 3 and table[w] & _KIND == _NAME])
        for person in people
        if len(person.tokens) >= 2
    ]
    found = _occurrences(text, [word for _, words in wanted for word in words])
    taken = {m.start for p in people for m in p.mentions}
    for person, words in wanted:
        # Offsets inside the person's own mentions ("Widodo" of "Joko Widodo").
        inside = {at for m in person.mentions for at in range(m.start + 1, m.end)}
        for word in words:
            for at in found[word]:
                end = at + len(word)
                if (
                    at not in taken
                    and not covered[at]
                    and (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "-'’"))
                    and (end == len(text) or not (text[end].isalnum() or text[end] in "-'’"))
                    and at not in inside
                ):
                    index = doc.sentence_of(at)
                    if index is not None:
                        person.mentions.append(PersonMention(at, end, word, index, False))
                        taken.add(at)
                        inside.update(range(at + 1, end))


def _occurrences(text: str, words: list[str]) -> dict[str, list[int]]:
    """Where each word is written in ``text``, left to right, each next one searched from
    the end of the last (as ``str.find`` steps)."""
    found: dict[str, list[int]] = {word: [] for word in words}
    if len(text) * len(found) < _ONE_PASS_FROM:
        for word, starts in found.items():
            at = text.find(word)
            while at != -1:
                starts.append(at)
                at = text.find(word, at + len(word))
        return found
    # A long article with many people: one pass for all the words, not one per word.
    unique = list(found)
    ends = dict.fromkeys(unique, 0)
    automaton = ahocorasick_rs.AhoCorasick(unique, implementation=_ONE_SEARCH)
    for index, start, end in automaton.find_matches_as_indexes(text, overlapping=True):
        word = unique[index]
        if start >= ends[word]:
            found[word].append(start)
            ends[word] = end
    return found


# Characters times words from which one automaton pass costs less than a find per word.
_ONE_PASS_FROM = 100_000
# For an automaton built for one article and searched once: it builds faster than a DFA.
_ONE_SEARCH = ahocorasick_rs.Implementation.NoncontiguousNFA
_MAY_APPOSE = re.compile(r",|\s+(?:selaku|sebagai)\s")
# What the name rules ask of one capitalised token ("R.", "Budi", "KPK"), packed in one
# int: tables of ints and of tuples of them stay out of the garbage collector's way.
_KIND = 3  # the low bits: one of the three kinds below
_NAME, _PLACE_HEAD, _NOT_NAME = 0, 1, 2
_ACRONYM = 4  # "KPK", "PBB": ends a stretch when it comes first, or anywhere with three letters or more
_NER_NAME = 8  # a word the NER sets mostly tag as part of a name
_PARTICLE = 16  # "bin", "van": not at either end of a name
_LONG = 32  # three letters or more without its dot
_TAIL = 64  # ends a body's name ("Foundation"): the name words before it are the body's
_EPONYM = 128  # a title that names a place after a person ("Universitas Sultan Ageng Tirtayasa")


class _WordTable(dict[str, int]):
    """Token -> its facts for one language, learnt on first sight (memoised per process)."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lex = people_lexicon(lang)
        self.nominals = lang == "id"

    def __missing__(self, token: str) -> int:
        lex = self.lex
        word = token.rstrip(".")
        if word.endswith(("'s", "’s")) and len(word) > 3:
            word = word[:-2]  # "Institute’s" is the word "Institute"
        folded = word.casefold()
        if word in lex.place_heads:
            kind = _PLACE_HEAD
        elif len(word) == 1 and token == word + "." and word.isupper() and folded not in lex.honorifics:
            kind = _NAME  # an initial, "A." of "Robert A. Larive" as "B." of "John B. Smith"
        elif (
            word in lex.not_names
            or folded in lex.honorifics
            or folded in lex.role_vocab
            or folded in lex.common_words
            or _DEGREE.match(token) is not None
            or (self.nominals and _is_nominal(word) and folded not in lex.name_words)
        ):
            kind = _NOT_NAME
        else:
            kind = _NAME
        found = (
            kind
            | (_ACRONYM if token == word and word.isupper() and 1 < len(word) <= 6 else 0)
            | (_NER_NAME if folded in lex.name_words else 0)
            | (_PARTICLE if token in _PARTICLES else 0)
            | (_LONG if len(word) >= 3 else 0)
            | (_TAIL if word in lex.name_tails else 0)
            | (_EPONYM if word in lex.eponym_titles else 0)
        )
        if len(self) < 200_000:
            self[token] = found
        return found


# Indonesian nouns made with pe-...-an and ke-...-an ("Pembelajaran", "Kemahasiswaan",
# "Kelembagaan"): a field or a unit in an office's name ("Wakil Rektor Bidang
# Kemahasiswaan"), never a person's name. Letters Indonesian spelling does not use
# ("sh", "zh", "th", "ph", "q", "x") mark a foreign name ("Pezeshkian"); "-wan" is the
# ending of Javanese names ("Kesmawan", as "Setiawan").
_NOMINAL = re.compile(r"(?:Pe|Ke)[a-z]{4,}(?<!w)an")
_FOREIGN_SPELLING = re.compile(r"sh|zh|th|ph|[qx]")


def _is_nominal(word: str) -> bool:
    return _NOMINAL.fullmatch(word) is not None and _FOREIGN_SPELLING.search(word) is None


@cache
def _word_table(lang: str) -> _WordTable:
    return _WordTable(lang)


_Token = tuple[int, int, str, int]  # start, end (from the run's start), word, its facts


class _Run(NamedTuple):
    """A run of capitals as written: its tokens, offsets from the run's start."""

    text: str
    tokens: list[_Token]
    may_name: bool  # some word of it can be part of a name


def _short_word_in_a_name(words: _WordTable, split: list[str], i: int, tokens: list[_Token]) -> bool:
    """An ordinary word that Asian names also hold (inner_name_words.tsv), written with a
    capital between two name words, is a name word: "Menteri Singapura Tan See Leng"
    (the caller has seen that it is no name word of its own)."""
    word = split[i]
    return (
        i < len(split) - 1
        and word[:1].isupper()
        and word.casefold() in words.lex.inner_name_words
        and tokens[-1][3] & _KIND == _NAME
        and words[split[i + 1]] & _KIND == _NAME
    )


def _read_run(words: _WordTable, text: str) -> _Run:
    # Not memoised: a table of runs grows the heap enough that the garbage collector's
    # full passes cost more than reading the run again.
    tokens: list[_Token] = []
    start = 0
    may_name = False
    lex = words.lex
    split = text.split()  # a run's words are parted by single spaces or tabs
    balinese = False  # in a Balinese name, ordinary words are names: "I Made Dana", "Jaya Negara"
    for i, word in enumerate(split):
        facts = words[word]
        if word in lex.name_openers and i + 1 < len(split) and split[i + 1] in lex.name_openers[word]:
            facts = _NAME | _NER_NAME  # "I Gusti", "Ni Luh": the opener of a Balinese name
            balinese = True
        elif balinese and facts & _KIND == _NOT_NAME:
            # An ordinary word between two name words is one too ("I Made Dana M. Tangkas").
            balinese = (
                word.casefold() in lex.common_words
                and i + 1 < len(split)
                and words[split[i + 1]] & _KIND == _NAME
            )
            if balinese:
                facts = _NAME | (_LONG if len(word) >= 3 else 0)
        elif facts & _KIND == _NOT_NAME and i and _short_word_in_a_name(words, split, i, tokens):
            facts = _NAME | (_LONG if len(word) >= 3 else 0)
        tokens.append((start, start + len(word), word, facts))
        start += len(word) + 1
        may_name = may_name or facts & _KIND == _NAME
    return _Run(text, tokens, may_name)


def _stretches(scan: _Scan, index: int, start: int, run: _Run) -> list[tuple[int, int]]:
    """The spans of a capitalised run that may be a person's name."""
    sentence_start = scan.doc.sentences[index].start - start
    spans = []
    text = scan.doc.text
    for found in _name_stretches(run.tokens, scan.covered, start, scan):
        stretch = found
        at = start + stretch[0][0]
        if text.endswith(_OF_FOR_THE, max(0, at - 8), at) and (
            _AFTER_OF_THE.search(text, max(0, at - 8), at)
            or _AFTER_OFFICE_OF.search(text, max(0, at - 30), at)
        ):
            # "Chancellor of the Exchequer Nigel Lawson", "Head of Sales Bukalapak Tri Bagus":
            # the office's words, then a name the lists know; "President of the Brookings
            # Institution", "president of Smith Tool": a body's name, no one's.
            known = next((i for i in range(1, len(stretch)) if stretch[i][3] & _NER_NAME), None)
            if known is None:
                continue
            stretch = stretch[known:]
        if len(stretch) > 1 and (
            stretch[0][0] == sentence_start or (scan.doc.lang == "id" and not stretch[0][3] & _NER_NAME)
        ):
            first = stretch[0][2].casefold()
            if first != stretch[0][2] and scan.has_word(first):
                # "Kemarahan Duterte": a capital only because it starts the sentence;
                # "Direktur Transformasi Ahmad Subagja": the field of the office before it
                # (in Indonesian only: English first names are words too, "Don", "Rich")
                stretch = stretch[1:]
        span = _trimmed(run.text, stretch)
        if span is not None:
            spans.append((start + span[0], start + span[1]))
    return spans


_AFTER_OF_THE = re.compile(r"\bof the\s+$")
_OF_FOR_THE = (" of ", " for ", " the ", "\nof ", "\nfor ", "\nthe ")  # a cheap look before the regexes
# An office of a body or for a field: "Robert Mercer, president of Smith Tool", "Assistant
# Secretary for Environmental Observation": the body's or the field's name follows.
_AFTER_OFFICE_OF = re.compile(
    r"\b(?i:president|chairman|chairwoman|chair|director|minister|secretary|head|chief|ceo|governor"
    r"|dean|rector|mayor|officer|executive|founder|partner|member|spokesman|spokeswoman|spokesperson)"
    r"\s+(?:of|for)\s+$"
)


def _name_stretches(
    tokens: Sequence[_Token], covered: bytes | bytearray, base: int, scan: _Scan
) -> list[list[_Token]]:
    """The run's stretches of words that may be names, parted by words that may not
    (``covered``: the gazetteer's characters, the run starting at ``base``), and after a
    name word a stripped link glued a word to ("Vladimir Putinserta Menteri ...")."""
    stretches: list[list[_Token]] = []
    current: list[_Token] = []
    # After a place or body word ("Istana", "Bandara", "Desa") the name words that follow
    # are its name: all of them when the first is a person's name the lists know ("Bandara
    # Soekarno Hatta", "RS Cipto Mangunkusumo": named after people), else those up to the
    # first such name ("Desa Sukamaju Ahmad Yani"); a name the gazetteer knows ends it
    # ("Wali Kota Surabaya Eri Cahyadi").
    blocked = False
    named_after: bool | None = None  # the place's name: after a person's (True), or not
    place_words = 0  # name words of the place's name read so far
    street = False  # the place is a street ("Jalan")
    glue = scan.lex.glue_words
    for i, tok in enumerate(tokens):
        kind = tok[3] & _KIND
        if blocked and (tok[3] & _EPONYM or (street and not place_words and _are_initials(tok[2]))):
            if not place_words:  # "Universitas Sultan Ageng Tirtayasa", "Jalan MH Thamrin": after a person
                named_after = True
                continue
            blocked = False  # "Universitas Ratu Samban Dr. Faisal Alhabib": a person after its name
        is_name = kind == _NAME and not covered[base + tok[0]]
        if kind == _PLACE_HEAD or (tok[3] & _ACRONYM and (not current or _a_bodys_acronym(tok))):
            blocked, named_after, place_words = kind == _PLACE_HEAD, None, 0
            street = tok[2].rstrip(".") in scan.lex.street_heads
        elif is_name and blocked and _the_places_name(tok, named_after):
            named_after = bool(tok[3] & _NER_NAME) if named_after is None else named_after
            place_words += 1
            continue  # still the body's or place's own name
        elif is_name:
            blocked = False
            stem = _unglued(scan, tok[2], glue, i + 1 < len(tokens) and tokens[i + 1][3] & _KIND == _NAME)
            if stem is None:
                current.append(tok)
                continue
            current.append((tok[0], tok[0] + len(stem), stem, tok[3]))
            stretches.append(current)
            current = []
            continue
        if covered[base + tok[0]] or (
            blocked and place_words and not street and tok[2].rstrip(".").casefold() in scan.lex.honorifics
        ):
            # A place or body the gazetteer knows: its name is over. So it is at a rank or
            # title after the body's name ("Polda Metro Jaya Kombes Argo Yuwono"): a person's
            # name follows. Not in a street's name ("Jalan Kapten P Tendean").
            blocked = False
        if current and not _tail_follows(tokens, i):  # "Woodrow Wilson Center": the center's name
            stretches.append(current)
        current = []
    if current:
        stretches.append(current)
    return stretches


def _a_street_before(scan: _Scan, start: int) -> bool:
    """Initials at ``start`` right after the word for a street, as news writes it in lower
    case too ("di sepanjang jalan MH Thamrin")."""
    text = scan.doc.text
    if not _are_initials(text[start : start + 2]):
        return False
    before = text[max(0, start - 6) : start].split()
    return bool(before) and before[-1].rstrip(".").capitalize() in scan.lex.street_heads


_ROMAN = re.compile(r"[IVXL]+")


def _a_bodys_acronym(tok: _Token) -> bool:
    """Three capitals or more, no Roman numeral: a body's acronym, which no name goes on
    through ("Mahasiswa UIN Maulana"); "Lonnie G. Bunch III" keeps his."""
    return bool(tok[3] & _LONG) and _ROMAN.fullmatch(tok[2]) is None


def _are_initials(word: str) -> bool:
    """Two capitals, a person's initials ("MH", "HR")."""
    return len(word) == 2 and word.isupper() and word.isalpha()


def _tail_follows(tokens: Sequence[_Token], i: int) -> bool:
    """Token ``i`` ends a body's or place's name, or starts ordinary words that lead to
    such an end ("King Abdulaziz International Airport", "Ahmad Yani International
    Airport"): the name words before it are that name's."""
    for tok in tokens[i:]:
        if tok[3] & _TAIL:
            return True
        if tok[3] & _KIND != _NOT_NAME or tok[3] & _ACRONYM:
            return False
    return False


def _the_places_name(tok: _Token, named_after: bool | None) -> bool:
    """Whether a name word after a place word still belongs to the place's name."""
    known = bool(tok[3] & _NER_NAME)
    return named_after is None or named_after or not known


def _unglued(scan: _Scan, word: str, glue: tuple[str, ...], name_follows: bool) -> str | None:
    """The name in a name's word that a stripped link glued a word to, or None."""
    stem = _glued_stem(scan, word, glue) if glue and word.endswith(glue) else None
    if stem is None and len(word) >= _GLUED_VERB_MIN:
        stem = _verb_glued(scan, word)  # "Djojohadikusumomengungkapkan", "Ghazalimenjelaskan"
    if stem is None and len(word) >= _GLUED_WORD_MIN and scan.doc.lang == "id":
        stem = _word_glued(scan, word)  # "Donald Trumptidak", "Benjamin Netanyahuketika"
    if stem is None and name_follows:
        stem = _alias_glued(word)  # "Maruarar Siraitatau Ara": the nickname joins later
    return stem


def _glued_stem(scan: _Scan, word: str, glue: tuple[str, ...]) -> str | None:
    """The name in ``word`` when a glue word follows it and the article writes the name
    alone elsewhere ("Putinserta" -> "Putin"), or the name lexicon knows it and the glued
    word is long ("Djojohadikusumomengungkapkan"); None when ``word`` is whole ("Baswedan")."""
    for tail in glue:
        stem = word[: -len(tail)]
        if (
            word.endswith(tail)
            and len(stem) >= 3
            and stem[-1].islower()
            and (
                scan.has_word(stem)
                or (len(tail) >= 5 and len(stem) >= 4 and stem.casefold() in scan.lex.name_words)
            )
        ):
            return stem
    return None


def _verb_glued(scan: _Scan, word: str) -> str | None:
    """The name in ``word`` when a stripped link glued a long verb to it, its prefix
    written ("Djojohadikusumomengungkapkan", "Wibowodisambut"): no name ends in an
    ordinary word of seven letters or more that starts as verbs do."""
    common = scan.lex.common_words
    for cut in range(4, len(word) - _GLUED_VERB_TAIL + 1):
        tail = word[cut:]
        if tail.startswith(_VERB_PREFIXES) and tail in common and word[cut - 1].islower():
            stem = word[:cut]
            # What is left must be a name: "Pencegah Kankermenjelaskan" is no one's.
            return stem if _word_table(scan.doc.lang)[stem] & _KIND == _NAME else None
    return None


_GLUED_VERB_TAIL = 7
_GLUED_VERB_MIN = 4 + _GLUED_VERB_TAIL
_VERB_PREFIXES = ("me", "ber", "di", "ter")


def _word_glued(scan: _Scan, word: str) -> str | None:
    """The name in ``word`` when a stripped link glued an ordinary word to it and the
    article writes the name alone elsewhere: "Trumptidak" -> "Trump", "Netanyahuketika" ->
    "Netanyahu". Not a patronymic ("Soekarnoputri" is a name of its own) nor a name that
    ends in a word ("Hasbiallah")."""
    common = scan.lex.common_words
    for cut in range(len(word) - _GLUED_WORD_TAIL, 2, -1):
        tail = word[cut:]
        if (
            tail in common
            and tail not in _NOT_A_NAMES_REST
            and tail not in _ENDS_OF_NAMES
            and word[cut - 1].islower()
            and scan.has_word(stem := word[:cut])
        ):
            return stem
    return None


_GLUED_WORD_TAIL = 4
# Ordinary words that also end names and compounds: "Hasbiallah", "Hidayatullah", "Basketball".
_ENDS_OF_NAMES = frozenset({"allah", "ullah", "illah", "ball"})
_GLUED_WORD_MIN = 3 + _GLUED_WORD_TAIL


def _alias_glued(word: str) -> str | None:
    """The name in ``word`` when a stripped link glued "atau" (or) to it and a short name
    follows, as news gives one's nickname: "Maruarar Siraitatau Ara" -> "Sirait"."""
    stem = word[: -len(_OR)]
    return stem if word.endswith(_OR) and len(stem) >= 4 and stem[-1].islower() else None


_OR = "atau"


def _trimmed(run: str, stretch: Sequence[_Token]) -> tuple[int, int] | None:
    """A stretch's span in its run without particles at its ends and a sentence's full
    stop, or None when what is left cannot be a name."""
    if (
        len(stretch) == 1
        and stretch[-1][1] < len(run)
        and run[stretch[-1][1] + 1 :].split(" ", 1)[0] not in _PARTICLES
    ):
        return None  # a single word inside a longer run of capitals is part of a name of a body
    while stretch and stretch[-1][3] & _PARTICLE:
        stretch = stretch[:-1]
    while stretch and stretch[0][3] & _PARTICLE:
        stretch = stretch[1:]
    if not stretch or not any(t[3] & _LONG for t in stretch):
        return None
    start, end = stretch[0][0], stretch[-1][1]
    # "^" (the run's start here, not the text's) could only match a lone initial, which
    # the test above has already turned down.
    if run[end - 1] == "." and not _ENDS_WITH_INITIAL.search(run, start, end):
        end -= 1  # a sentence's full stop, not an initial
    if run[end - 2 : end] in ("'s", "’s") and end - 2 > start:
        end -= 2  # "Reagan's": the possessive, not the name
    elif run[end - 2 : end] in ("s'", "s’") and end - 2 > start:
        end -= 1  # "Harris’ plan": the possessive of a name ending in s (not "‘... Bill’")
    return start, end


_ENDS_WITH_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")


def _vouch(
    here: _Sentence, start: int, end: int, after: tuple[str | None, str | None], titled: bool
) -> PersonMention | None:
    """A person mention when something vouches for the name (module docstring, step 3);
    an unvouched one-word mention is kept as a possible short form."""
    doc, lex = here.scan.doc, here.scan.lex
    span = _name_span(lex, doc.text, start, end)
    if span is None:
        return None
    start, end = span
    name = doc.text[start:end]
    words = name.split()
    bare = [w.strip("'’‘\"“”") for w in words]
    if "Bill" in bare[1:] or bare[:2] == ["Bill", "Act"] or _office_in_brackets(here, start, end):
        # A bill's name ("Farm Bill", "Bill Act"; "Bill" opens a person's: "Bill Cassidy"), or
        # the end of an office's short form ("Dirjen Pothan").
        return None
    role: str | None = None
    country: str | None = None
    if titled:
        role, country = _role_before(here, start)
    if after[0] is not None and (role is None or len(after[0]) > len(role)):
        role, country = after
    vouched = role is not None
    if vouched and len(words) == 1 and _common_noun(here.scan, name):
        return None  # "Direktur Transformasi": the office's field, written in lower case elsewhere
    known = lex.known.get(name)
    if known is not None:
        vouched = True
        # Indonesian news gives foreign officials Indonesia's titles ("Menteri Perdagangan
        # Howard Lutnick"): a well-known foreigner named in full is not made Indonesian by
        # one. A one-word alias may be someone else ("Irjen Anwar"), and an office that
        # names a body or a country says more ("UN Special Envoy Mark Carney").
        if country == "IDN" and known[1] and " " in name:
            country = known[1]
        country = country or known[1]
    if not vouched:
        vouched = (len(words) >= 2 and any(w.casefold() in lex.name_words for w in words)) or (
            _said_or_addressed(doc, lex, here.index, start, end)
            # "Polisi mengatakan ...", "Hakim menyatakan ...": a noun the article also
            # writes in lower case, capitalised only because it starts the sentence
            and not (len(words) == 1 and _common_noun(here.scan, name))
        )
    if not vouched:
        # An unvouched single word may still be the short form of a vouched name.
        return PersonMention(start, end, name, here.index, False) if len(words) == 1 else None
    if role is None and known is None and _a_things_name(here.scan, words):
        return None
    if country is None and doc.lang == "en":
        country = _country_after(here, end)
    return PersonMention(start, end, name, here.index, True, role, country)


_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")


def _name_span(lex: PeopleLexicon, text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the candidate's name is, or None when it is no name: "Dadan Hindayana3" is a
    list's next number glued to the name, "Auto2000 Anton Jimmi Suwandy" a company's name
    before it; "CO2", "Medika17", "PRINT-362" are none (no person's name holds a digit),
    and neither is "Former Texas" before "Gov. Rick Perry" (what the honorific's holder is of).
    An office word of role_words.tsv before a name is no part of it ("Judge Jackson")."""
    name = text[start:end]
    if any(c.isdigit() for c in name):
        glued = _GLUED_NUMBER.search(name)
        name = name[: glued.start()] if glued else name
        end = start + len(name)
        after_digits = _AFTER_DIGITS.search(name) if any(c.isdigit() for c in name) else None
        if after_digits is not None:
            start += after_digits.start()
            name = after_digits.group()
        if " " not in name or any(c.isdigit() for c in name):
            return None
    honorific_after = _WORD_AFTER.match(text, end)
    if honorific_after and honorific_after.group(1).casefold() in lex.honorifics:
        return None
    first = name.split(maxsplit=1)[0]
    if len(name.split()) >= 2 and first.casefold() in lex.role_words:
        start += len(first) + 1  # "Judge David S. Tatel", "Correspondent James Longman": an office
    return start, end


# The word after a name, when a capitalised word follows it: "Texas Gov. Rick Perry".
_WORD_AFTER = re.compile(r"[ \t]+([A-Z][a-z]*)\.?[ \t]+[A-Z]")
# A list's number glued to the name before it ("1. Fadli Zon2. Natalius Pigai3.").
_GLUED_NUMBER = re.compile(r"(?<=[^\W\d_]{3})\d{1,2}$")
# The words after the last one with a digit ("Auto2000 Anton Jimmi Suwandy").
_AFTER_DIGITS = re.compile(r"(?<=\s)[^\d\s]+(?:\s+[^\d\s]+)*$")


def _country_after(here: _Sentence, end: int) -> str | None:
    """ "President Nayib Bukele of El Salvador", "Prime Minister Albanese of Australia":
    the country named right after the name is the person's."""
    of = _OF_THE.match(here.scan.doc.text, end)
    if of is None:
        return None
    at = of.end()
    return next(
        (_country_named(here.scan, m) for m in here.covered if m.start == at and m.kind == "country"), None
    )


def _a_things_name(scan: _Scan, words: list[str]) -> bool:
    """In English, words that name a thing, not a person: no given name opens them and
    the last is a noun the article also writes in lower case ("Pell Grant", "Guardian
    Bikes", "Silver Hills Bakery"), however well it would do as a surname elsewhere."""
    if scan.doc.lang != "en" or len(words) < 2:
        return False
    if words[0].casefold().rstrip(".") in scan.lex.name_words or len(words[0].rstrip(".")) <= 1:
        return False  # "John Lewis"; "J. Grant": an initial is a person's
    last = words[-1]
    folded = last.casefold()
    return folded != last and scan.has_word(folded)


def _common_noun(scan: _Scan, word: str) -> bool:
    """A capitalised word that the article also writes in lower case and that is no name
    word of the NER lists or of the well-known people: a noun, not a name."""
    if word in scan.lex.known or _word_table(scan.doc.lang)[word] & _NER_NAME:
        return False
    folded = word.casefold()
    return folded != word and scan.has_word(folded)


def _said_or_addressed(doc: Doc, lex: PeopleLexicon, index: int, start: int, end: int) -> bool:
    """A verb of saying beside the name (", kata Agus", "Agus mengatakan") or an honorific
    before it ("Pak Agus")."""
    text, sentence = doc.text, doc.sentences[index]
    following = _NEXT_WORD.match(text, end, min(sentence.end, end + 40))
    if (following.group(1) if following else "") in lex.say_after:
        return True
    before = text[max(sentence.start, start - 30) : start].rstrip()
    prev_word = before.rsplit(None, 1)[-1].strip("\"“”'’,.(") if before else ""
    return (
        prev_word in lex.say_before and _QUOTE_BEFORE.search(before) is not None
    ) or prev_word.casefold().rstrip(".") in lex.honorifics


_NEXT_WORD = re.compile(r"[\s,]*([\w'’]+)")  # "Bojan Hodak, mengatakan": past one comma
_QUOTE_BEFORE = re.compile(r"[,\"”’]\s*\w+$")


def _office_in_brackets(here: _Sentence, start: int, end: int) -> bool:
    """The name closes an office's short form in brackets, after a title: "Direktur
    Jenderal Potensi Pertahanan (Dirjen Pothan)" names an office, not a person Pothan."""
    text = here.scan.doc.text
    if not text.startswith(")", end):
        return False
    return any(
        text[title.start - 1 : title.start] == "(" and not text[title.end : start].strip()
        for title in here.titles
        if title.end <= start
    )


def _role_before(here: _Sentence, start: int) -> tuple[str | None, str | None]:
    """The office phrase right before a name: the leftmost title that reaches the name
    through office words only ("Menteri Perindustrian (Menperin) Agus"), never across
    another person's name; a country just before it belongs to it ("Canadian Trade
    Minister Mary Ng")."""
    text = here.scan.doc.text
    phrase_start: int | None = None
    reach = start
    for title in reversed([m for m in here.titles if m.end <= start]):
        if any(a <= title.start < b for a, b in here.consumed):
            break
        gap = text[title.end : reach]
        if len(gap) > 120 or "\n" in gap or _GAP_OK.match(gap) is None:
            break
        if any(title.end <= a and b <= reach for a, b in here.spans):
            break  # "Menteri X Budi dan Menteri Y Le Minh Hoan": Budi's office is not Hoan's
        if _ends_a_name_before_and(here.scan, gap):
            break  # "Presiden RI ke-2 Soeharto dan Presiden RI ke-4 Abdurrahman Wahid"
        phrase_start = title.start
        reach = title.start
    if phrase_start is None:
        return None, None
    country_before = next(
        (
            m
            for m in here.covered
            if m.kind in ("country", "bloc")
            and m.end <= phrase_start
            and _WORDS_BETWEEN.fullmatch(text[m.end : phrase_start])
            # Not across another's full name ("Kingdom of Thailand Srettha Thavisin and
            # Deputy Prime Minister Parnpree"); a one-word candidate there is an office word.
            and not any(m.end <= a < phrase_start and " " in text[a:b] for a, b in here.spans)
        ),
        None,
    )
    if country_before is not None:
        phrase_start = country_before.start
    phrase = _clean_role(text[phrase_start:start], here.scan.lex.honorifics)
    if not phrase:
        return None, None
    return phrase, _role_country(here.scan, phrase_start, start, here.covered)


_NAME_AND = re.compile(r"([A-Z][\w'’-]+)\s+(?:dan|and|serta)\s")


def _ends_a_name_before_and(scan: _Scan, gap: str) -> bool:
    """The gap between two offices has a person's name the lists know right before "dan"
    ("... Soeharto dan Presiden ..."): the name of the first office's holder."""
    words = _word_table(scan.doc.lang)
    return any(
        words[m.group(1)] & _NER_NAME and words[m.group(1)] & _KIND == _NAME for m in _NAME_AND.finditer(gap)
    )


# Between a country and its office: "Canadian Trade Minister", "Indonesian Mines and
# Energy Minister", "Indonesia's Energy Minister" (capitalised words and their joiners).
_WORDS_BETWEEN = re.compile(r"(?:['’]s)?\s+(?:[A-Z][a-z]+\s+(?:(?:and|&)\s+)?){0,3}")


def _clean_role(phrase: str, honorifics: frozenset[str]) -> str:
    phrase = _ASIDE.sub("", phrase)
    if phrase.count(")") > phrase.count("("):
        phrase = _out_of_brackets(phrase, honorifics)
    phrase = _TRAILING_PUNCTUATION.sub("", phrase)
    phrase = _TRAILING_HONORIFICS.sub("", phrase)
    return phrase.strip(" ,")


_ASIDE = re.compile(r"\s*\([^()]{1,30}\)")


def _out_of_brackets(phrase: str, honorifics: frozenset[str]) -> str:
    """A role read from inside brackets, the short form of an office ("Menteri Energi
    (Menteri ESDM), dan ...", "Chief Executive Officer (CEO) Telegram"): the short form,
    and the body after the bracket up to a rank or a joining word ("CEO Telegram", but
    "Kasal" of "(Kasal) Laksamana TNI", "Menteri ESDM" of "(Menteri ESDM), dan")."""
    close = phrase.index(")")
    kept = [phrase[:close].rstrip()]
    for word in phrase[close + 1 :].split():
        bare = word.rstrip(",")
        if not bare[:1].isupper() or bare.rstrip(".").casefold() in honorifics:
            break
        kept.append(bare)
        if bare != word:
            break  # a comma ends the office
    return " ".join(kept)


_TRAILING_PUNCTUATION = re.compile(r"[\s,(]+$")
# Honorifics between an office and a name ("Rektor X, Prof. Dr.") are not the office.
_TRAILING_HONORIFICS = re.compile(r"(?:,?\s*(?:H\.E\.|Prof\.?|Dr\.?|Ir\.?|H\.|Hj\.|the Hon\.?|Sir|Dame))+$")


def _role_after(here: _Sentence, start: int, end: int, titled: bool) -> tuple[str | None, str | None]:
    """An office in apposition after a name: "Budi Prasetyo, juru bicara KPK". Not when it
    holds the next person's name: one that looks like a person's, or any candidate when the
    name has an office before it (``titled``: a title stands before it in the sentence)."""
    text = here.scan.doc.text
    sentence_end = here.scan.doc.sentences[here.index].end
    m = _APPOSITION_OPENER.match(text, end, sentence_end)
    if m is None:
        return None, None
    if not text[end : m.end()].strip(" ") and not _AS_OFFICE.match(text, end, sentence_end):
        return None, None
    phrase_start = m.end()
    stop = _APPOSITION_BREAK.search(text, phrase_start, sentence_end)
    phrase = text[phrase_start : stop.start() if stop else sentence_end].strip()
    if here.scan.doc.lang == "id":
        phrase = _before_a_verb(here.scan.lex, phrase)
    if not phrase or len(phrase) > 120:
        return None, None
    if _the_next_ones(here, start, phrase_start, len(phrase), titled):
        return None, None
    title = next((t for t in here.titles if t.start == phrase_start), None)
    if title is None and not phrase.casefold().startswith(here.scan.lex.role_words):
        return None, None
    country = _role_country(here.scan, phrase_start, phrase_start + len(phrase), here.covered)
    return _clean_role(phrase, here.scan.lex.honorifics), country


def _the_next_ones(here: _Sentence, start: int, phrase_start: int, size: int, titled: bool) -> bool:
    """Whether the office phrase after the name at ``start`` is the next person's."""
    text = here.scan.doc.text
    inside = [(a, b) for a, b in here.spans if phrase_start <= a < phrase_start + size]
    if inside and (
        any(_looks_like_a_person(here.scan, text[a:b]) for a, b in inside)
        or (titled and _role_before(here, start)[0] is not None)
    ):
        return True  # "Biden, President of Indonesia Joko Widodo"
    # A list of offices and names, each office before its name: "Menteri Kesehatan Nila
    # Moeloek, Menteri Pendidikan dan Kebudayaan Muhadjir Effendy", "Menteri Sosial
    # (Mensos), Syaifullah Yusuf, Menteri Komunikasi dan Digital (Menkomdigi), Meutya
    # Viada Hafid". English lists go the other way ("Ali Zaidi, National Climate Advisor,
    # John Podesta, Senior Advisor ...").
    return (
        titled
        and here.scan.doc.lang == "id"
        and _leads_to_a_name(here, phrase_start)
        and _role_before(here, start)[0] is not None
    )


def _leads_to_a_name(here: _Sentence, at: int) -> bool:
    """Office words from ``at`` run up to the next candidate name ("Menteri Komunikasi dan
    Digital (Menkomdigi), Meutya ..."): they are that name's office."""
    text = here.scan.doc.text
    following = next((a for a, _ in here.spans if a > at), None)
    return following is not None and following - at <= 100 and _GAP_OK.match(text[at:following]) is not None


# An Indonesian verb (me-, ber-, ter-, di-...-kan) or a clause's conjunction, in lower
# case: the office in apposition ended before it ("Menag menegaskan ...", "guru besar ITB
# ini menghasilkan air", "Rektor Itera ... kepada Elfahmi").
_CLAUSE_WORD = re.compile(
    r"\s(?:(?:me(?:ng|ny|m|n)?|ber|ter)[a-z]{3,}|di[a-z]{2,}kan|di(?:dorong|minta|pilih|tunjuk|angkat|lantik)"
    r"|ini|itu|kepada|bahwa|agar|sehingga|juga|turut|pun)(?=[\s,]|$)"
)


def _before_a_verb(lex: PeopleLexicon, phrase: str) -> str:
    """``phrase`` up to the first verb or conjunction after its first word ("ketua panitia
    mengatakan ..."); offices that look like verbs ("menteri", "mediator") are words of the
    role vocabulary. A capitalised phrase cut so is a new clause whose subject is another
    person ("Dady Mairuhu, Menteri Brian berharap ..."): no office, "" is returned."""
    for m in _CLAUSE_WORD.finditer(phrase):
        if m.group().strip() not in lex.role_vocab:
            return phrase[: m.start()] if phrase[:1].islower() else ""
    return phrase


def _looks_like_a_person(scan: _Scan, name: str) -> bool:
    """A candidate name that is a person's by its words: a known person, or two words or
    more of which one is a name word of the NER lists ("Joko Widodo", not "International
    Commodities")."""
    if name in scan.lex.known:
        return True
    words = _word_table(scan.doc.lang)
    tokens = name.split()
    return len(tokens) >= 2 and any(words[t] & _NER_NAME for t in tokens)


_APPOSITION_OPENER = re.compile(r"(?:\s*,\s*|\s+)(?:(?:selaku|sebagai|yang juga|yang merupakan|the|as)\s+)?")
_AS_OFFICE = re.compile(r"\s+(?:selaku|sebagai)\s")


def _role_country(scan: _Scan, start: int, end: int, covered: list[Mention]) -> str | None:
    """The country an office phrase gives its holder: an office that names it ("Dubes RI
    untuk Mesir": Indonesia), else the first country or bloc in it that is not where the
    holder is posted ("untuk Mesir", "to Egypt"), else the country of a body in it."""
    gazetteer, text = scan.gazetteer, scan.doc.text
    inside = [m for m in covered if start <= m.start and m.end <= end + 1]
    for m in inside:
        entry = gazetteer.lookup(m.text) if m.kind == "title" else None
        if entry is not None and entry.country and entry.extra.get("country_rule") == "fixed":
            return entry.country
    for kinds in (("country", "bloc"), ("title", "organisation"), ("city",)):
        for m in inside:
            posted = m.kind not in ("title", "organisation") and _posted_to(
                m.kind, text, m.start, scan.doc.lang
            )
            if m.kind in kinds and not posted and (country := _country_named(scan, m)):
                return country
    return None


def _posted_to(kind: str, text: str, start: int, scan_lang: str) -> bool:
    """The place at ``start`` is not the office holder's own: where they are posted ("Dubes
    RI untuk Mesir", "Atase Pertahanan di Canberra"), or in English a city that "of" or
    "for" does not introduce ("Mayor of Sydney", "Senator for New South Wales"): a city's
    name is a first name too ("Rep. Sydney Kamlager-Dove")."""
    before = text[max(0, start - 12) : start]
    if kind == "city" and scan_lang == "en" and not _OF_THE_PLACE.search(before):
        return True
    return bool((_POSTED_IN if kind == "city" else _POSTED_TO).search(before))


def _country_named(scan: _Scan, m: Mention) -> str | None:
    """The country of a gazetteer mention, when the article's words name it (not "Turki bin
    Faisal" for Turkey)."""
    entry = scan.gazetteer.lookup(m.text)
    if entry is not None and entry.country and scan.gazetteer.names_country(entry, scan.doc.text):
        return entry.country
    return None


_POSTED_TO = re.compile(r"\b(?:untuk|for|to)\s+(?:the\s+)?\Z", re.IGNORECASE)
_OF_THE_PLACE = re.compile(r"\b(?:of|for)\s+(?:the\s+)?\Z")
_POSTED_IN = re.compile(r"\b(?:untuk|to|di|in|at)\s+(?:the\s+)?\Z", re.IGNORECASE)


# --- clustering ----------------------------------------------------------------------


def _cluster(mentions: list[PersonMention], doc: Doc, lex: PeopleLexicon) -> list[Person]:
    people: list[Person] = []
    ordered = sorted(mentions, key=lambda m: (-len(m.name.split()), m.start))
    for m in ordered:
        words = _name_tokens(m.name)
        target = next((p for p in people if words <= p.tokens and not _someone_else(m, p, lex)), None)
        if target is None:
            known = lex.known.get(m.name)
            if known is not None and len(words) == 1:
                target = next((p for p in people if p.name == known[0]), None)
        if target is None:
            if not m.vouched:
                continue
            target = Person(m.name)
            people.append(target)
        target.mentions.append(m)
    _join_nicknames(people, doc)
    for person in people:
        known = lex.known.get(person.name)
        if known is not None:
            person.country = known[1]
    people.sort(key=lambda p: min(m.start for m in p.mentions))
    return people


def _someone_else(m: PersonMention, person: Person, lex: PeopleLexicon) -> bool:
    """A well-known person's short name under another office than the longer name's
    ("Presiden Prabowo" beside "Kapolri Listyo Sigit Prabowo", "President Biden" beside
    "First Lady Jill Biden"): the well-known person, not a short form of the longer name."""
    known = lex.known.get(m.name)
    if known is None or m.role is None or " " in m.name or known[0] == person.name:
        return False
    offices = [set(x.role.casefold().split()) for x in person.mentions if x.role]
    ours = set(m.role.casefold().split())
    # A shared word is the same office: "President" is "Ukrainian President".
    return bool(offices) and not any(ours & office for office in offices)


def _join_nicknames(people: list[Person], doc: Doc) -> None:
    """ "Maruarar Sirait atau Ara", "Rasmoro Pramono Aji (Oney)": one person."""
    for person in list(people):
        if len(person.name.split()) != 1:
            continue
        for m in person.mentions:
            named = _named_before_marker(doc.text[max(0, m.start - 80) : m.start])
            if named is None:
                continue
            full = next(
                (p for p in people if p is not person and len(p.name.split()) > 1 and named.endswith(p.name)),
                None,
            )
            if full is not None:
                full.mentions.extend(person.mentions)
                full.aliases.add(person.name)
                people.remove(person)
                break


def _named_before_marker(before: str) -> str | None:
    """ "... Maruarar Sirait atau " -> "... Maruarar Sirait": what comes before a nickname
    marker that ``before`` ends with, or None when it ends with none."""
    rest = before.rstrip()
    for marker in ("atau", "alias", "a.k.a.", "a.k.a", "yang akrab disapa", "("):
        if rest.endswith(marker):
            return rest[: len(rest) - len(marker)].rstrip()
    return None


def _record(doc: Doc, person: Person, home_country: Callable[[], str | None]) -> PersonRecord:
    introduced = sorted((m for m in person.mentions if m.role), key=lambda m: m.start)
    role = _without_trailing_address(introduced[0].role) if introduced else None
    country = next((m.country for m in introduced if m.country), None) or person.country
    country = doc.of_its_time(country)
    if country is None and (
        role is not None if doc.lang == "en" else role is not None or _addressed_as_indonesian(doc, person)
    ):
        country = home_country()
        if country == "IDN" and _spelt_foreign(person.name):
            country = None  # "Ulrich Rüdiger, Rektor RWTH Aachen University": not Indonesia's
    return PersonRecord(name=person.name, role=role, country=country)


# Forms of address that stand before a name and so end an office written before it
# (the ranks and Indonesian forms are honorifics.tsv's "id" rows). Not every honorific:
# "MA" (Mahkamah Agung) and "MP" end offices too.
_ADDRESS_BEFORE_NAMES = frozenset(
    {"sheikh", "syekh", "datuk", "dato", "tun", "prof", "dr", "mr", "mrs", "h.e"}
)


@cache
def _address_before_names() -> frozenset[str]:
    return people_lexicon("id").indonesian_address | _ADDRESS_BEFORE_NAMES


def _without_trailing_address(role: str | None) -> str | None:
    """An office without the ranks and forms of address that stand between it and the name
    ("Kapolres Metro Jakarta Selatan Kombes Pol" -> "Kapolres Metro Jakarta Selatan")."""
    if not role:
        return role
    address = _address_before_names()
    words = role.split()
    while len(words) > 1:
        last = words[-1].rstrip(".,").casefold()
        if last in _SERVICES and len(words) > 2 and words[-2].rstrip(".,").casefold() in address:
            words.pop()  # "Mayjen TNI": the rank's service
        elif not (last in address or _is_jenderal_rank([w.rstrip(".,").casefold() for w in words[-2:]])):
            break
        words.pop()
    return " ".join(words).rstrip(" ,")


_SERVICES = frozenset({"tni", "pol", "polri", "purn", "(purn)", "mar", "inf", "kav", "art"})


def _is_jenderal_rank(words: list[str]) -> bool:
    """The last of these case-folded words is "jenderal" as a rank ("Kapolri Jenderal"),
    not as part of an office ("Direktur Jenderal"). Not in honorifics.tsv for that."""
    return len(words) > 1 and words[-1] == "jenderal" and words[-2] not in _JENDERAL_OFFICES


_JENDERAL_OFFICES = frozenset({"direktur", "sekretaris", "inspektur", "gubernur", "dirjen", "sekjen"})


def _addressed_as_indonesian(doc: Doc, person: Person) -> bool:
    """A name of the NER lists, or a name written after a rank or a form of address only
    Indonesians are given ("Irjen Harryo Sugihhartono", "Pak Harryo"; not "Prof.")."""
    if _looks_indonesian(person.name):
        return True
    address = people_lexicon("id").indonesian_address
    return any(_word_before(doc.text, m.start) in address for m in person.mentions)


def _home_country(doc: Doc, context: ArticleContext) -> str | None:
    """The country of a person in Indonesian news whose office names none, or who has a
    name but no office: Indonesia, unless the article is about one other state only,
    named more than once (a story on the Philippines' peace talks, a club's transfer):
    then that one; none when it is about several others. Blocs do not count: a story
    about ASEAN in Indonesian news is Indonesia's. In English news, only an office holder
    in a story about one state, named more than once, takes it."""
    about = context.countries
    states = [code for code in about if context.is_state(code)]
    if doc.lang == "en":
        # English news has no one home: an office holder takes the country only of a
        # story about that one state ("Energy Minister Subroto" in a report on Indonesia).
        if len(about) != 1 or not states:
            return None
    elif not states or "IDN" in states:
        return "IDN"
    if len(about) > 1:
        return None
    code = states[0]
    named = sum(1 for m in doc.mentions if m.kind == "country" and context.code_of(m) == code)
    return code if named >= 2 else None


def _spelt_foreign(name: str) -> bool:
    """Letters Indonesian spelling never uses ("Rüdiger", "Valérie", "Küçükcan")."""
    return not name.isascii() and any(not c.isascii() and c.isalpha() for c in name)


def _looks_indonesian(name: str) -> bool:
    lex = people_lexicon("id")
    return any(w.casefold() in lex.name_words for w in name.split())

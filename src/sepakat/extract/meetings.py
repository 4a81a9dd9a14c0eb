"""Meetings: bilateral and multilateral meetings, visits, calls and commission sessions.

1. find trigger words ("pertemuan bilateral", "KTT", "kunjungan kerja", "percakapan
   telepon", "Sidang Komisi Bersama"; data/<lang>/meeting_triggers.tsv);
2. read each one's participants (people named in its sentence), countries (theirs,
   and the countries and bodies named in the sentence), place ("di Moskow", "in
   Geneva") and date; a pointer back ("pertemuan tersebut") adds to the meeting it
   points to;
3. a signing between two countries' officials reported as an event is a meeting too;
4. keep meetings between at least two countries (or a country and a bloc), reported as
   news: not a session recalled from long before publication;
5. merge mentions of one meeting; a visit whose meetings are reported is those meetings,
   and lends them its place and date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache

from sepakat.data import load_table
from sepakat.extract.context import ArticleContext, Doc
from sepakat.extract.dates import DateMention, DateValue
from sepakat.extract.lexicon import AgreementLexicon, RowPatterns, agreement_lexicon, off_topic
from sepakat.extract.people import PeopleResult
from sepakat.models import AgreementRecord, MeetingKind, MeetingRecord, Mention

_STALE = timedelta(days=120)
_ANAPHORA = re.compile(r"^\s*(?:bilateral\s+)?(?:tersebut|itu|ini)\b", re.IGNORECASE)
_EN_ANAPHORA = re.compile(r"\b(?:the|this|that)\s+$", re.IGNORECASE)
_ALSO = re.compile(r"\s*juga\b")
# Meeting words that mostly name one side's own meeting (the cabinet's, a ministry's): no
# other side is implied for them.
_OWN_SIDES_WORDS = frozenset({"rapat"})
# "di Moskow", "di Istana Merdeka", and a chain of places whose last one the country
# follows after a comma ("di KTT G20, Hamburg, Jerman"; not "di Tokyo, Menlu Jepang").
_PLACE_LEAD = re.compile(
    r"\b(?:di|ke|in|at|to|(?P<the>(?:in|at)\s+the))\s+"
    r"(?:(?:[A-Z][\w.'’-]*\s+){0,3}|(?:[A-Z][\w.'’-]*,?\s+){0,3}[A-Z][\w.'’-]*,\s+)$"
)
# After "in the" and "at the", a place's name stands alone ("in the United States on
# Monday", "at the White House."), not as a word of a longer name ("at the U.S.-ASEAN
# Summit", "in the Korean Peninsula") or before a noun ("in the American market"). "to
# the" is left out: more often than a destination it is whom something goes to ("an
# offer to the Soviet Union", "a commitment to the United States").
_STANDS_ALONE = re.compile(
    r"\s*(?:[,.;:)!?]|\Z)|\s+(?:on|in|at|for|to|and|where|with|this|last|next|during|since|from|as|after"
    r"|before|today|yesterday|earlier|later|until|by|when|while|which|that|who)\b"
)
# A body named where a meeting is held is its building ("di Gedung PBB", "at UN Headquarters").
_BUILDING_LEAD = re.compile(
    r"\b(?:[Gg]edung|[Mm]arkas(?:\s+[Bb]esar)?|[Kk]antor(?:\s+[Pp]usat)?|[Hh]eadquarters of)\s+$"
)
# An envoy's posting: "Duta Besar Republik Indonesia untuk Kazakhstan", "Ambassador to Japan".
_POSTED_TO = re.compile(
    r"\b(?:[Dd]uta [Bb]esar|[Dd]ubes|[Aa]mbassador|[Kk]onsul(?: [Jj]enderal)?|[Aa]tase)\b[^.;:]{0,40}?"
    r"\b(?:untuk|to|for)\s+(?:the\s+)?$"
)
_ABBREVIATION_GAP = re.compile(r"\s*\(")  # what parts a name from its abbreviation after it
_BOTH = re.compile(
    r"\b(?:kedua negara|kedua pemimpin|kedua kepala negara|kedua delegasi|both countries|the two leaders"
    r"|both leaders)\b",
    re.IGNORECASE,
)
_PLACE_KINDS = frozenset({"city", "country"})
_SIDE_KINDS = frozenset({"country", "bloc", "organisation", "title"})


@dataclass(frozen=True, slots=True)
class _Negative:
    side: str  # "before": the end of the text before the trigger; "after": the text after it
    context: re.Pattern[str]
    trigger: re.Pattern[str]  # the trigger as written must match this whole


@dataclass(frozen=True, slots=True)
class MeetingLexicon:
    triggers: RowPatterns  # group "t<i>" per trigger row; the longest match at a position wins
    kinds: dict[str, str]
    # Words around a trigger that say it reports no meeting (data/<lang>/meeting_negative.tsv)
    negative: tuple[_Negative, ...] = ()
    # Words before a trigger that make it the occasion of another meeting of its sentence
    # (data/<lang>/meeting_occasions.tsv), anchored to end where the trigger starts
    occasion: re.Pattern[str] | None = None
    # The negative rows of each trigger as written, found on first sight (``_negatives_for``)
    negatives_by_trigger: dict[str, tuple[_Negative, ...]] = field(default_factory=dict, compare=False)


@cache
def meeting_lexicon(lang: str) -> MeetingLexicon:
    lang = "en" if lang == "en" else "id"
    parts: list[str] = []
    kinds: dict[str, str] = {}
    for i, (pattern, kind) in enumerate(load_table(lang, "meeting_triggers")):
        parts.append(f"(?P<t{i}>{pattern})")
        kinds[f"t{i}"] = kind
    triggers = RowPatterns(parts, before=r"(?<![\w-])", after=r"(?![\w-])", flags=re.IGNORECASE)
    negative = tuple(
        _Negative(side, re.compile(_anchored_context(side, context)), re.compile(trigger))
        for side, context, trigger, _why in load_table(lang, "meeting_negative")
    )
    leads = [row[0] for row in load_table(lang, "meeting_occasions")]
    occasion = (
        re.compile(rf"\b(?:{'|'.join(leads)})(?:\s+[^\s.,;:!?]+){{0,8}}?\s*\Z", re.IGNORECASE)
        if leads
        else None
    )
    return MeetingLexicon(triggers, kinds, negative, occasion)


def _meeting_words(lex: MeetingLexicon, text: str, found: Iterable[re.Match[str]]) -> list[re.Match[str]]:
    """The triggers of a sentence that report a meeting: not those the words around say
    are none, nor the occasion of another one ("met ... on the margins of the G7 Summit")."""
    kept = [m for m in found if not _reports_no_meeting(lex, text, m)]
    if lex.occasion is None or len(kept) < 2:
        return kept
    meetings = [
        m for m in kept if lex.occasion.search(text[max(0, m.start() - _NEGATIVE_REACH) : m.start()]) is None
    ]
    return meetings or kept


def _anchored_context(side: str, pattern: str) -> str:
    """A row's pattern, made to end where the trigger starts when it reads before it."""
    if side not in ("before", "after"):
        raise ValueError(f"meeting_negative: side must be 'before' or 'after', not {side!r}")
    return rf"(?:{pattern})\s*\Z" if side == "before" else pattern


_NEGATIVE_REACH = 80  # characters around a trigger that its negative patterns may read


def _reports_no_meeting(lex: MeetingLexicon, text: str, trigger: re.Match[str]) -> bool:
    """Whether the words around the trigger say it is no meeting (data/<lang>/meeting_negative.tsv)."""
    for negative in _negatives_for(lex, trigger.group()):
        if negative.side == "before":
            found = negative.context.search(text[max(0, trigger.start() - _NEGATIVE_REACH) : trigger.start()])
        else:
            found = negative.context.match(text[trigger.end() : trigger.end() + _NEGATIVE_REACH])
        if found is not None:
            return True
    return False


def _negatives_for(lex: MeetingLexicon, written: str) -> tuple[_Negative, ...]:
    """The rows of meeting_negative.tsv whose trigger the meeting word as written is (the
    same few words recur in every article: matched once per word)."""
    found = lex.negatives_by_trigger.get(written)
    if found is None:
        found = tuple(negative for negative in lex.negative if negative.trigger.fullmatch(written))
        if len(lex.negatives_by_trigger) < 10_000:
            lex.negatives_by_trigger[written] = found
    return found


@dataclass
class _Meeting:
    kind: str
    sentence: int
    countries: set[str] = field(default_factory=set)
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    place_kind: str | None = None
    # Countries named only as what the meeting is about ("to discuss Ukraine"), not as a side.
    topical: set[str] = field(default_factory=set)
    date: DateValue | None = None
    spans_days: bool = False  # ``date`` is the first day of several ("12-13 Agustus")
    sentences: list[int] = field(default_factory=list)
    # The named event its trigger is part of ("76th Session of the General Assembly").
    event: str | None = None
    # Where an envoy of a side serves ("Duta Besar RI untuk Kazakhstan"): no side itself.
    posted: set[str] = field(default_factory=set)
    # The countries of the participants, as far as known (None: not known).
    their_countries: list[str | None] = field(default_factory=list)

    def add_side(self, code: str, *, topical: bool = False) -> None:
        """A country that takes part; ``topical``: named only as what the meeting is about."""
        if not topical:
            self.topical.discard(code)
        elif code not in self.countries:
            self.topical.add(code)
        self.countries.add(code)

    def sides(self) -> set[str]:
        """The countries named as sides, not only as what the meeting is about."""
        return self.countries - self.topical


def extract_meetings(
    doc: Doc, context: ArticleContext, people: PeopleResult, agreements: list[AgreementRecord]
) -> list[MeetingRecord]:
    lex = meeting_lexicon(doc.lang)
    meetings: list[_Meeting] = []
    last: _Meeting | None = None
    # In a story about club football or entertainment, "bertemu" and "pertemuan" are
    # matches and fans ("pertemuan pertama di Stadion Utama"), not meetings of sides.
    sport = off_topic(doc, agreement_lexicon(doc.lang))
    for index in doc.anchored_sentences("meeting"):
        sentence = doc.sentences[index]
        rows = doc.anchored_rows("meeting", index)
        for m in _meeting_words(lex, sentence.text, lex.triggers.finditer(sentence.text, rows)):
            kind = lex.kinds[next(k for k, v in m.groupdict().items() if v is not None)]
            if sport and kind in ("meeting", "visit"):
                continue  # a club's trip is no state visit either
            after = sentence.text[m.end() : m.end() + 20]
            before = sentence.text[max(0, m.start() - 10) : m.start()]
            pointer = (
                _ANAPHORA.match(after) is not None
                or (doc.lang == "en" and _EN_ANAPHORA.search(before) is not None)
                or (m.start() == 0 and _ALSO.match(after) is not None)  # "Pertemuan juga membahas ..."
            )
            if pointer and last is not None:
                if index not in last.sentences:
                    _add_sentence(doc, context, people, last, index, after=sentence.start + m.end())
                if kind in ("bilateral", "multilateral", "commission", "call") and last.kind in (
                    "meeting",
                    "visit",
                ):
                    last.kind = kind
                continue
            if any(index in mt.sentences and mt.kind == kind for mt in meetings):
                continue  # the sentence restates a meeting it already gave
            meeting = _Meeting(kind, index)
            _add_sentence(doc, context, people, meeting, index, after=sentence.start + m.end())
            if m.group().casefold() not in _OWN_SIDES_WORDS:
                # A "rapat" is one side's own meeting unless two sides are named at it.
                _implied_side(doc, context, meeting)
            if len(meeting.countries) < 2:
                if meeting.posted and _among_own(meeting):
                    last = None if pointer else meeting  # "Pertemuan tersebut ..." is still this one
                continue
            meeting.event = _event_name(sentence.text, m.start(), m.end())
            _date_from(doc, meeting, index, sentence.start + m.start())
            last = _merge_into(meetings, meeting)
    if agreements:
        _signings_as_meetings(doc, context, people, meetings)
    return [
        _record(doc, context, m) for m in _drop_visits_with_meetings(meetings) if _is_news(doc, context, m)
    ]


def _add_sentence(
    doc: Doc, context: ArticleContext, people: PeopleResult, meeting: _Meeting, index: int, *, after: int
) -> None:
    """The people, countries and place that sentence ``index`` gives the meeting. A country
    named as what it is about, after the meeting's word (which ends at ``after``): "met
    Stoltenberg to address Russia's invasion of Ukraine", "bertemu Putin membahas situasi
    Suriah", is a side only when the meeting would have fewer than two without it."""
    meeting.sentences.append(index)
    for person in people.in_sentence(index):
        country = people.country_of(person)
        if person.name not in meeting.participants:
            meeting.participants.append(person.name)
            meeting.their_countries.append(country)
        if country:
            meeting.add_side(country)
    sentence = doc.sentences[index]
    topic = _TOPIC.search(doc.text, after, sentence.end)
    previous: tuple[int, str | None, bool] = (-1, None, False)  # the last mention's end, code, at_place
    for mention in doc.mentions_in(index, _SIDE_KINDS | _PLACE_KINDS):
        code = context.code_of(mention)
        lead = sentence.text[max(0, mention.start - sentence.start - 40) : mention.start - sentence.start]
        at_place = _at_place(doc, mention, code, lead, previous)
        previous = (mention.end, code, at_place)
        if at_place:
            if mention.kind != "bloc":  # "di Gedung PBB Jenewa": the body's building, no side
                _take_place(meeting, mention, code, _place_kind(context, mention))
        elif code and mention.kind not in ("title", "city"):
            if _POSTED_TO.search(lead) is None:
                topical = topic is not None and _in_clause(doc.text, topic.end(), mention.start)
                meeting.add_side(code, topical=topical)
            else:
                meeting.posted.add(code)  # "Duta Besar RI untuk Kazakhstan": where the envoy serves
    if _BOTH.search(sentence.text):
        for code in _the_two(context):
            meeting.add_side(code)


def _in_clause(text: str, start: int, at: int) -> bool:
    """Whether offset ``at`` lies in the clause that goes on from ``start``."""
    return at >= start and _CLAUSE_END.search(text, start, at) is None


def _the_two(context: ArticleContext) -> tuple[str, ...]:
    """The sides "kedua negara"/"the two leaders" stand for: the article's countries, but
    only its two states when it names two and a bloc besides (Indonesia and Russia in a
    story on their leaders' talks about the Eurasian Economic Union's trade pact)."""
    states = tuple(c for c in context.countries if context.is_state(c))
    return states if len(states) == 2 else context.countries


def _at_place(
    doc: Doc, mention: Mention, code: str | None, lead: str, previous: tuple[int, str | None, bool]
) -> bool:
    """Whether a gazetteer mention names where the meeting is ("di Moskow", "di Gedung PBB",
    "at the White House")."""
    if (
        code is not None
        and code == previous[1]
        and _ABBREVIATION_GAP.fullmatch(doc.text, previous[0], mention.start)
    ):
        return previous[2]  # "di New York, Amerika Serikat (AS)": the same name again
    found = _PLACE_LEAD.search(lead)
    if found is None:
        return False
    if found.group("the") and _STANDS_ALONE.match(doc.text, mention.end) is None:
        return False  # "in the Korean Peninsula", "at the U.S.-ASEAN Summit"
    building = mention.kind == "bloc" and _BUILDING_LEAD.search(lead) is not None
    return mention.kind in _PLACE_KINDS or building


def _place_kind(context: ArticleContext, mention: Mention) -> str:
    """ "country", "city", or "province" for a province, state or region: a city named
    with it is the more precise place ("di Honolulu, Hawaii")."""
    region = mention.kind == "city" and mention.key is not None
    if region and context.gazetteer.entry(str(mention.key)).extra.get("type") in _REGION_TYPES:
        return "province"
    return mention.kind


_REGION_TYPES = frozenset({"province", "region"})


def _take_place(meeting: _Meeting, mention: Mention, code: str | None, kind: str) -> None:
    if (
        meeting.place is None
        or (kind == "city" and meeting.place_kind in ("country", "province"))
        or (kind == "province" and meeting.place_kind == "country")
    ):
        meeting.place, meeting.place_kind = mention.text, kind
    if code and meeting.kind == "visit":
        meeting.countries.add(code)  # the host of a visit takes part


def _date_from(doc: Doc, meeting: _Meeting, index: int, trigger: int) -> None:
    """The meeting's date from sentence ``index`` when it has none yet (read only for
    meetings that are kept: date expressions cost more than the rest). A date in a
    "sejak"/"since" clause after the meeting's word is of what the meeting comes after
    ("kunjungan pertama Rodolfo ke Indonesia sejak hubungan diplomatik dibangun tahun
    1965"); with the meeting's word inside the clause it is the meeting's ("since their
    joint September 27 meeting", "Since the last U.S.-EU Summit in June 2021"). A clause
    that says how long the meeting itself has run dates its start ("perundingan yang
    berlangsung sejak 2016", "talks stalled since 2014").

    A range of days ("melawat ... pada 18-20 Juni") is a trip's: a day within it named
    after the word of a meeting other than the visit ("bertemu Presiden Putin ... pada
    Kamis") is that meeting's."""
    if meeting.date is not None:
        return
    sentence = doc.sentences[index]
    dates: list[DateMention] = []
    for found in doc.dates_in(index):
        # Up to the date's end: a year or month takes its "sejak" along ("sejak tahun 1963").
        since = _SINCE.search(doc.text, max(sentence.start, trigger), found.end)
        if (
            since is None
            or _CLAUSE_BREAK.search(doc.text, since.end(), found.start)
            or _LASTED.search(doc.text, max(sentence.start, trigger), since.start())
        ):
            dates.append(found)
    if not dates:
        return
    chosen = dates[0]
    if chosen.span and meeting.kind != "visit":
        chosen = next((d for d in dates[1:] if d.start > trigger and _day_within(d, chosen)), chosen)
    meeting.date = chosen.value
    meeting.spans_days = chosen.span


def _day_within(day: DateMention, trip: DateMention) -> bool:
    """A day of the week that starts at ``trip``, the first day of a range (its last is
    not kept; a trip's range rarely runs longer)."""
    a, b = day.value, trip.value
    if a.day is None or b.day is None or (a.year, a.month) != (b.year, b.month):
        return False
    return 0 <= a.day - b.day < 7


_CLAUSE_BREAK = re.compile(r"[,;:()]")
# Words after a meeting's word that open what it is about.
_TOPIC = re.compile(
    r"\b(?:to (?:discuss|review|talk about|address)|discuss(?:ed|ing)?|about|regarding|concerning"
    r"|membahas|terkait|mengenai|tentang|soal|perihal|menyangkut)\b"
)
_CLAUSE_END = re.compile(r"[.;]")
_SINCE = re.compile(r"\b(?:sejak|semenjak|since)\b", re.IGNORECASE)
# A verb of lasting just before "sejak": the meeting's own run, from its start.
_LASTED = re.compile(
    r"\b(?:berlangsung|bergulir|berjalan|terhenti|mandek|macet|tertunda|dimulai"
    r"|under ?way|going on|ongoing|stalled|running|suspended)\s+\Z",
    re.IGNORECASE,
)


_FIRST_PERSON = re.compile(r"\b(?:saya|kami|kita|we|our)\b", re.IGNORECASE)


def _implied_side(doc: Doc, context: ArticleContext, meeting: _Meeting) -> None:
    """One country found: the other side is the article's own (Indonesian news reports
    Indonesia's meetings; "Di London saya ketemu Presiden Trump")."""
    if len(meeting.countries) != 1:
        return
    (found,) = meeting.countries
    served = meeting.posted if _among_own(meeting) else set()
    others = [c for c in context.countries if c != found and c not in served]
    if found in context.countries and len(context.countries) == 2:
        # A body the article is about (the UN, ASEAN) is the other side of its sessions
        # and conferences, not of every one-sided talk or visit the article reports.
        multilateral = meeting.kind == "multilateral"
        meeting.countries.update(c for c in others if multilateral or context.is_state(c))
    elif (
        found != "IDN"
        and ("IDN" in context.countries or _FIRST_PERSON.search(doc.sentences[meeting.sentence].text))
        and doc.lang == "id"
    ):
        meeting.countries.add("IDN")


def _among_own(meeting: _Meeting) -> bool:
    """All the participants, two or more, are known to be of one country: a minister
    receiving "Duta Besar RI untuk Kazakhstan" meets no one of Kazakhstan, where the envoy
    serves (an envoy of Russia to Indonesia meets Indonesians: that is a meeting)."""
    known = set(meeting.their_countries)
    return len(meeting.their_countries) >= 2 and len(known) == 1 and None not in known


def _merge_into(meetings: list[_Meeting], new: _Meeting) -> _Meeting:
    for old in reversed(meetings):
        same_people = bool(set(old.participants) & set(new.participants)) or not (
            old.participants and new.participants
        )
        same_kind = old.kind == new.kind or "meeting" in (old.kind, new.kind)
        if (
            new.kind == "commission"
            and old.kind == "meeting"
            and len(old.participants) >= 2
            and not new.participants
        ):
            # "Menteri A bertemu Dubes B ... Kedua negara juga mempersiapkan Joint Working
            # Group": the working group's session is one of its own, not what the two held.
            same_kind = False
        same_date = old.date == new.date or None in (old.date, new.date)
        # One named event ("the 76th Session of the General Assembly"), whoever is named at it.
        same_event = new.event is not None and new.event == old.event
        if (
            same_kind
            and same_date
            and (
                same_event
                or (same_people and (old.countries == new.countries or old.countries >= new.countries))
            )
        ):
            old.topical = (old.topical - new.sides()) | (new.topical - old.sides())
            old.countries |= new.countries
            if old.kind == "visit" and new.kind == "meeting" and new.sentence in old.sentences:
                # "kunjungan ke Belgia, melangsungkan pertemuan dengan Presiden Komisi Uni
                # Eropa ... di Brussel": the meeting of the visit, between its own sides.
                old.kind, old.countries = "meeting", set(new.countries)
                if new.place_kind == "city":
                    old.place, old.place_kind = new.place, new.place_kind
            if len(new.participants) >= 2 and not old.participants:
                # "negosiasi ... rampung bulan ini" then "Airlangga bertemu dengan Sefcovic":
                # the sentence that names those who met states the meeting.
                old.sentence = new.sentence
            old.participants.extend(p for p in new.participants if p not in old.participants)
            old.sentences.extend(new.sentences)
            old.place = old.place or new.place
            old.date = old.date or new.date
            if old.kind in ("meeting", "visit") and new.kind not in ("meeting", "visit"):
                old.kind = new.kind
            return old
    meetings.append(new)
    return new


def _event_name(text: str, start: int, end: int) -> str | None:
    """The named event a trigger word is part of, case-folded: the capitalised run around
    it, with "of", "the" and ordinals inside ("the 76th Session of the General Assembly",
    "KTT ASEAN ke-46"); None when the trigger stands alone or in lower case."""
    if not text[start : start + 1].isupper():
        return None
    left = _EVENT_LEFT.search(text, max(0, start - 60), start)
    right = _EVENT_RIGHT.match(text, end)
    name = _EVENT_JOINERS.sub("", text[left.start() if left else start : right.end() if right else end])
    return name.casefold() if len(name.split()) >= 2 else None


_EVENT_WORD = r"(?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th)|ke-\d+|of|the|on|and|dan|tentang)"
_EVENT_LEFT = re.compile(rf"(?:{_EVENT_WORD}\s+)+\Z")
_EVENT_RIGHT = re.compile(rf"(?:\s+{_EVENT_WORD})*(?<![\s])")
_EVENT_JOINERS = re.compile(
    r"^(?:(?:of|the|on|and|dan|tentang)\s+)+|(?:\s+(?:of|the|on|and|dan|tentang))+$|^\s+|\s+$"
)


def _signings_as_meetings(
    doc: Doc, context: ArticleContext, people: PeopleResult, meetings: list[_Meeting]
) -> None:
    """Officials of two countries signing (or witnessing a signing) together met: a
    sentence that reports a signing with people or bodies of two countries and a place,
    a date or two named people is a meeting."""
    lex = agreement_lexicon(doc.lang)
    taken = {i for m in meetings for i in m.sentences}
    # Every sentence with a cue: "Penandatanganan dilakukan oleh ... bersama ..." need not
    # name the instrument again.
    for index in doc.anchored_sentences("cue"):
        sentence = doc.sentences[index]
        if index in taken:
            continue
        cues = lex.cue_rows.finditer(sentence.text, doc.anchored_rows("cue", index))
        cue = next((c for c in cues if _is_signing(lex, c)), None)
        if cue is None:
            continue
        meeting = _Meeting("meeting", index)
        _add_sentence(doc, context, people, meeting, index, after=sentence.start + cue.end())
        if len(meeting.countries) < 2 or not (
            meeting.place or doc.dates_in(index) or len(meeting.participants) >= 2
        ):
            continue
        _date_from(doc, meeting, index, doc.sentences[index].start + cue.start())
        _merge_into(meetings, meeting)


def _is_signing(lex: AgreementLexicon, cue: re.Match[str]) -> bool:
    group = next(k for k, v in cue.groupdict().items() if v is not None)
    return lex.cue_status[group] == "signed" and lex.cue_scope[group] == "clause"


def _parse_value(iso: str) -> DateValue | None:
    parts = [int(p) for p in iso.split("-")]
    return DateValue(parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None)


def _drop_visits_with_meetings(meetings: list[_Meeting]) -> list[_Meeting]:
    """A visit whose meetings are reported is those meetings: they take its place and
    date. A visit at another time (one planned for next month) stays a visit."""
    met = [m for m in meetings if m.kind != "visit"]
    kept = []
    for m in meetings:
        during = [o for o in met if _held_during(o, m) and _same_time(o.date, m.date)]
        if m.kind == "visit" and during:
            for o in during:
                if o.kind != "commission":  # a commission session is not the visit's
                    o.place = o.place or m.place
                    if o.date is None and m.date is not None:
                        # A meeting of a visit of several days, on a day the article does
                        # not say: the visit's month (its first day only if it has one).
                        o.date = m.date.month_only() if m.spans_days else m.date
                    # The visitor takes part in the meetings of the visit.
                    o.participants[:0] = [p for p in m.participants if p not in o.participants]
            continue
        kept.append(m)
    return kept


def _held_during(meeting: _Meeting, visit: _Meeting) -> bool:
    """Whether a meeting can be one of a visit's: both its sides take part, or it is held
    where the visit goes. Indonesia alone in common is not enough: "Saya juga mampir di
    Belarus" is no part of a meeting with the European Union."""
    if visit.countries <= meeting.countries:
        return True
    return visit.place is not None and meeting.place == visit.place


def _same_time(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None:
        return True
    return (a.year, a.month) == (b.year, b.month) if a.month and b.month else a.year == b.year


def _is_news(doc: Doc, context: ArticleContext, meeting: _Meeting) -> bool:
    if len(meeting.countries) < 2 or not _has_visitor(doc, meeting):
        return False
    value = meeting.date or (context.event_date if meeting.kind != "commission" else None)
    return not (value and doc.published and _is_stale(value, doc))


def _has_visitor(doc: Doc, meeting: _Meeting) -> bool:
    """A visit is someone's: a person named, an office ("Presiden", "Kepala Negara"),
    officials or a delegation, a state visit, or the one who speaks or is spoken to ("my
    recent visit to Saudi Arabia", "kunjungan kedua saya"). What else arrives is no visit
    of sides: an aircraft delivered ("Pesawat Airbus A400M tiba di Lanud Halim"), a
    warship, pilgrims, tourists, a streamer, products."""
    if meeting.kind != "visit" or meeting.participants:
        return True
    return any(
        doc.mentions_in(index, _TITLE_KINDS) or _DELEGATION.search(doc.sentences[index].text)
        for index in meeting.sentences
    )


_TITLE_KINDS = frozenset({"title"})
_DELEGATION = re.compile(
    r"\b(?:delegasi|rombongan|parlemen|kabinet|misi dagang|pejabat|utusan|wakil|perwakilan|komisi"
    r"|kunjungan (?:kenegaraan|resmi|kerja)|lawatan"
    r"|delegations?|delegates?|parliament(?:ary)?|trade mission|officials?|envoys?|commission"
    r"|state visit|official visit"
    # The one who speaks or is spoken of, in either language (not "IA" of "IA-CEPA").
    r"|(?-i:[Ss]aya|[Kk]ami|[Bb]eliau|[Ii]a|[Dd]ia|I|[Mm]y|[Ww]e|[Oo]ur|[Yy]our|[Hh]e|[Hh]is|[Ss]he|[Hh]er))\b",
    re.IGNORECASE,
)


def _record(doc: Doc, context: ArticleContext, meeting: _Meeting) -> MeetingRecord:
    if len(meeting.sides()) >= 2:
        meeting.countries = meeting.sides()
    if meeting.date is None and meeting.kind != "commission":
        meeting.date = context.event_date
        if meeting.date is not None and context.event_spans_days:
            # A meeting during a visit of several days, on a day the article does not say.
            meeting.date = meeting.date.month_only()
    kind = meeting.kind
    if kind == "meeting":
        kind = "bilateral" if len(meeting.countries) == 2 else "multilateral"
    return MeetingRecord(
        kind=_as_kind(kind),
        date=meeting.date.iso() if meeting.date else None,
        place=meeting.place,
        countries=tuple(sorted(meeting.countries)),
        participants=tuple(meeting.participants),
        evidence=doc.evidence(meeting.sentence),
    )


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

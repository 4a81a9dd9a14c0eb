"""Date expressions in running text, resolved against the publication date.

What is found, in Indonesian and English:

- explicit days: "10 Oktober 2025", "Selasa, 24 Februari 2026", "February 19, 2026",
  "(19/6/2025)", "2025-06-11"; ranges ("27-28 Oktober 2016", "April 8-9") give their
  first day;
- days without a year ("Rabu (4/2)", "20 Oktober", "April 8") take the publication year,
  and are dropped when there is no publication date;
- months and years: "Juli 2026", "pada Mei" (publication year), "pada 2023", "in 1986";
- words that say which occurrence of a month or day without its year is meant: "Desember
  lalu", "last December" (the latest before publication), "Mei mendatang", "next March"
  (the next after it), "Oktober tahun lalu", "April tahun depan";
- relative days: a bare weekday is the latest such day on or before publication, or the
  next one after it when the sentence looks ahead ("akan", "will"); "kemarin" /
  "yesterday", "hari ini" / "today", "besok" / "tomorrow"; "bulan lalu", "tahun lalu".

A value is never more precise than its expression: a month stays a month. Years glued
to names ("Innoprom 2026", "Indo Defence 2025") are not dates: a bare year needs a
preposition before it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from sepakat.data import load_table


@dataclass(frozen=True, slots=True, order=True)
class DateValue:
    """A calendar value of year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def month_only(self) -> DateValue:
        """The same date at month precision ("2025-06-12" -> "2025-06")."""
        return DateValue(self.year, self.month)

    @property
    def precision(self) -> int:
        """1 for a year, 2 for a month, 3 for a day."""
        return 1 if self.month is None else 2 if self.day is None else 3


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression at ``[start, end)`` of the text it was found in."""

    start: int
    end: int
    value: DateValue
    relative: bool = False  # resolved from the publication date, not stated
    span: bool = False  # the first day of a range ("12-13 Agustus", "October 10 to 12")


def parse_iso_date(value: str | None) -> date | None:
    """The calendar day of an ISO date or datetime string, or None."""
    if not value or len(value) < 10:
        return None
    try:
        return date(int(value[0:4]), int(value[5:7]), int(value[8:10]))
    except ValueError:
        return None


def make_value(year: int, month: int | None = None, day: int | None = None) -> DateValue | None:
    """A DateValue if the parts make a real calendar value, else None."""
    if not 1900 <= year <= 2100:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        if month is None:
            return None
        try:
            date(year, month, day)
        except ValueError:
            return None
    return DateValue(year, month, day)


# --- the patterns, built once per language from the data tables ------------------------


@dataclass(frozen=True, slots=True)
class _Lexicon:
    months: dict[str, int]  # lower-cased name or abbreviation -> month
    full_months: frozenset[str]  # lower-cased full names (safe without a day)
    weekdays: dict[str, int]  # lower-cased name -> ISO weekday
    patterns: tuple[re.Pattern[str], ...]  # one per form, tried only where it can start
    starters: dict[str, tuple[int, ...]]  # lower-cased first word -> forms that start so
    ahead: re.Pattern[str]


# Month names of five letters or fewer that are whole names, not abbreviations ("Mar",
# "Agu" are): they may stand without a day.
SHORT_MONTHS = frozenset({"mei", "may", "juni", "juli", "june", "july"})

_RELATIVE_DAYS = {
    "kemarin": -1,
    "kemarin lusa": -2,
    "hari ini": 0,
    "besok": 1,
    "esok": 1,
    "lusa": 2,
    "yesterday": -1,
    "today": 0,
    "tomorrow": 1,
    "tonight": 0,
    "malam ini": 0,
    "pagi ini": 0,
}
_RELATIVE_MONTHS = {"bulan lalu": -1, "bulan depan": 1, "last month": -1, "next month": 1}
_RELATIVE_YEARS = {
    "tahun lalu": -1,
    "tahun depan": 1,
    "tahun ini": 0,
    "last year": -1,
    "next year": 1,
    "this year": 0,
}
_YEAR_PREPOSITIONS = (
    "pada",
    "tahun",
    "sejak",
    "hingga",
    "sampai",
    "awal",
    "akhir",
    "pertengahan",
    "medio",
    "selama",
    "in",
    "since",
    "until",
    "by",
    "during",
    "early",
    "late",
    "mid",
    "from",
    "year",
    "end",  # "end of 2026", with "of" as the pattern allows
    "beginning",
    "start",
    "middle",
)
_MONTH_PREPOSITIONS = (
    "pada",
    "bulan",
    "sejak",
    "hingga",
    "sampai",
    "awal",
    "akhir",
    "pertengahan",
    "medio",
    "per",
    "in",
    "since",
    "until",
    "by",
    "during",
    "early",
    "late",
    "mid",
    "from",
    "of",
    "last",
    "next",
)
_AHEAD_WORDS = {
    "id": r"akan|bakal|dijadwalkan|direncanakan|rencananya|berencana|mendatang|depan|nanti",
    "en": r"will|shall|scheduled|planned|plans?|next|upcoming|expected to",
}


def relative_phrases() -> tuple[str, ...]:
    """Phrases that name a day, month or year relative to publication ("kemarin")."""
    return (*_RELATIVE_DAYS, *_RELATIVE_MONTHS, *_RELATIVE_YEARS)


def _alternation(words: list[str]) -> str:
    """A trie-shaped alternation of words, longest first at each branch ("Jan(?:uari)?"):
    re tries the alternatives of a flat list one by one."""
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body


@cache
def _lexicon(lang: str) -> _Lexicon:
    table_lang = "en" if lang == "en" else "id"
    months: dict[str, int] = {}
    full: set[str] = set()
    # Indonesian news quotes English month names and vice versa: know both.
    for source in (table_lang, "en" if table_lang == "id" else "id"):
        for name, number in load_table(source, "months"):
            months.setdefault(name.lower(), int(number))
            if len(name) > 4 or name.lower() in SHORT_MONTHS:
                full.add(name.lower())
    weekdays: dict[str, int] = {}
    for source in ("id", "en"):
        for name, number in load_table(source, "weekdays"):
            weekdays.setdefault(name.lower(), int(number))

    month_alt = _alternation(list(months))
    full_alt = _alternation(list(full))
    day_alt = _alternation(list(weekdays))
    relative_alt = _alternation([*_RELATIVE_DAYS, *_RELATIVE_MONTHS, *_RELATIVE_YEARS])
    year_prep = "|".join(_YEAR_PREPOSITIONS)
    month_prep = "|".join(_MONTH_PREPOSITIONS)
    # "27-28 Oktober", "10 hingga 12 Oktober", "October 10 to 12": a range gives its first day.
    # A double hyphen is markdown's en dash ("26--28 Oktober").
    dash = r"(?:\s*(?:--|[-–—])\s*|\s+(?:hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d|to|until|through)\s+)"

    # Every alternative starts with something definite (a digit, "(", a day or month
    # name, a preposition): an optional start would make re try them all everywhere.
    def date_tail(tag: str) -> str:
        return rf"""
            \((?P<sd{tag}>\d{{1,2}})/(?P<sm{tag}>\d{{1,2}})(?:/(?P<sy{tag}>\d{{2,4}}))?\)
          | (?P<dd{tag}>\d{{1,2}})(?:st|nd|rd|th)?(?P<ddto{tag}>{dash}\d{{1,2}})?\s+(?:of\s+)?
                (?P<dmon{tag}>{month_alt})\.?
                (?:,?\s+(?P<dyear{tag}>(?:19|20)\d\d))?\b
        """

    forms = [
        r"(?P<iso>\b(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)\b)",
        rf"(?P<wd>\b(?:{day_alt})\b),?\s*(?:{date_tail('w')})?",
        rf"(?P<dmy>{date_tail('')})",
        rf"""(?P<mdy>\b(?P<mmon>{month_alt})\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?(?P<mdto>{dash}\d{{1,2}})?\b
            (?:,?\s+(?P<myear>(?:19|20)\d\d)\b)?)""",
        r"(?P<slash>\b(?P<xd>\d{1,2})/(?P<xm>\d{1,2})/(?P<xy>(?:19|20)?\d\d)\b)",
        rf"(?P<my>\b(?P<mymon>{full_alt})\s+(?P<myyear>(?:19|20)\d\d)\b)",
        rf"(?P<pm>\b(?:{month_prep})\s+(?:bulan\s+)?(?P<pmon>{full_alt})\b(?!\s+(?:(?:19|20)\d\d|\d{{1,2}}\b)))",
        rf"(?P<ml>\b(?P<lmon>{full_alt})(?=\s+(?:tahun\s+)?(?:lalu|silam|mendatang|depan)\b))",
        rf"(?P<py>\b(?:{year_prep})\s+(?:tahun\s+|of\s+)?(?P<pyear>(?:19|20)\d\d)\b)",
        rf"(?P<rel>\b(?:{relative_alt})\b)",
    ]
    iso, wd, dmy, mdy, slash, my, pm, ml, py, rel = range(len(forms))
    starters: dict[str, set[int]] = {}
    for word in weekdays:
        starters.setdefault(word, set()).add(wd)
    for word in months:
        starters.setdefault(word, set()).update((mdy, my))
    for word in full:
        starters.setdefault(word, set()).add(ml)
    for word in _MONTH_PREPOSITIONS:
        starters.setdefault(word, set()).add(pm)
    for word in _YEAR_PREPOSITIONS:
        starters.setdefault(word, set()).add(py)
    for phrase in (*_RELATIVE_DAYS, *_RELATIVE_MONTHS, *_RELATIVE_YEARS):
        starters.setdefault(phrase.split()[0], set()).add(rel)
    starters["<digit>"] = {iso, dmy, slash}
    starters["<paren>"] = {dmy}
    ahead = re.compile(rf"\b(?:{_AHEAD_WORDS['en' if lang == 'en' else 'id']})\b", re.IGNORECASE)
    return _Lexicon(
        months=months,
        full_months=frozenset(full),
        weekdays=weekdays,
        patterns=tuple(re.compile(form, re.IGNORECASE | re.VERBOSE) for form in forms),
        starters={word: tuple(sorted(forms_)) for word, forms_ in starters.items()},
        ahead=ahead,
    )


def _year(text: str | None, published: date | None) -> int | None:
    if text:
        value = int(text)
        if value < 100:
            return 2000 + value if value < 70 else 1900 + value
        return value
    return published.year if published else None


def _weekday_value(name: str, published: date, ahead: bool, weekdays: dict[str, int]) -> DateValue:
    target = weekdays[name.lower()]
    today = published.isoweekday()
    if ahead:
        delta = (target - today) % 7 or 7
        day = published + timedelta(days=delta)
    else:
        day = published - timedelta(days=(today - target) % 7)
    return DateValue(day.year, day.month, day.day)


_WORD = re.compile(r"\(?\w+")

# "Executive Order 14257 of April 2, 2025", "Nota Kesepahaman Nomor NK/6/IV/2023 tanggal
# 6 April 2023": the date of a document named just before, not of an event.
_OF_A_DOCUMENT = re.compile(
    r"(?:\b(?P<title>[A-Z][\w.-]*)|\d[\w/.-]*)\s+of\s*$|\d[\w/.-]*\s+(?:tanggal|tertanggal|dated)\s*$"
)


def dates_a_document(text: str, start: int) -> bool:
    """The date at ``start`` is that of a document whose title or number precedes it (not
    "April of 2025", "Pada tanggal 28 Desember")."""
    m = _OF_A_DOCUMENT.search(text, max(0, start - 60), start)
    if m is None:
        return False
    title = m.group("title")
    calendar = _lexicon("en")
    return title is None or (title.lower() not in calendar.months and title.lower() not in calendar.weekdays)


def find_dates(text: str, lang: str, published: date | None) -> list[DateMention]:
    """Every date expression of ``text`` (a sentence, ideally), in order.

    Relative expressions resolve against ``published`` and are dropped without it.
    """
    lex = _lexicon(lang)
    found: list[DateMention] = []
    reached = -1
    # Each form is tried only at the words that can start it: one pass over the words
    # costs less than letting re try every form at every position.
    for word in _WORD.finditer(text):
        at = word.start()
        if at < reached:
            continue  # inside a longer expression found from an earlier start
        token = word.group(0)
        if token[0] == "(":
            key = "<paren>"
        elif token[0].isdigit():
            key = "<digit>"
        else:
            key = token.lower()
        forms = lex.starters.get(key)
        if forms is None:
            continue
        best: re.Match[str] | None = None
        for index in forms:
            m = lex.patterns[index].match(text, at)
            if m is not None and (best is None or m.end() > best.end()):
                best = m
        if best is None:
            continue
        m = best
        value, relative, end = _read(m, lex, text, published)
        if value is not None:
            start = m.start()
            while start < end and text[start] in " ,":
                start += 1
            while end > start and text[end - 1] in " ,":
                end -= 1
            span = any(m.groupdict().get(name) for name in ("ddto", "ddtow", "mdto"))
            found.append(DateMention(start, end, value, relative, span))
            reached = max(m.end(), end)
    return found


# After a month or a day named without its year: which occurrence of it is meant.
# "Desember lalu", "December last year" lie before publication; "April mendatang",
# "April tahun depan" after it.
_DIRECTION_AFTER = re.compile(
    r"\s+(?:(?P<last_year>tahun\s+lalu|last\s+year)|(?P<next_year>tahun\s+depan|next\s+year)"
    r"|(?P<past>(?:yang\s+)?lalu|silam)|(?P<future>mendatang|(?:yang\s+)?akan\s+datang|depan))\b",
    re.IGNORECASE,
)


_DIRECTION_SLACK = timedelta(days=14)


def _read(
    m: re.Match[str], lex: _Lexicon, text: str, published: date | None
) -> tuple[DateValue | None, bool, int]:
    """The value of a match, whether the publication date completed it, and where the
    expression ends (past "lalu" and the like, which the patterns leave out)."""
    value, relative = _value_of(m, lex, text, published)
    if value is not None and relative and published is not None and _month_named(m):
        value, end = _directed(value, m, text, published)
        return value, relative, end
    return value, relative, m.end()


def _month_named(m: re.Match[str]) -> bool:
    """The match names a month and its year came from the publication date."""
    groups = m.groupdict()
    return any(groups.get(name) for name in ("pmon", "dmon", "mmon", "dmonw", "lmon"))


def _directed(value: DateValue, m: re.Match[str], text: str, published: date) -> tuple[DateValue, int]:
    """``value`` (its year taken from ``published``) moved to the occurrence that the
    words around it point to, and where the expression ends with those words."""
    after = _DIRECTION_AFTER.match(text, m.end())
    first = m.group(0).split(None, 1)[0].casefold()
    if after is not None:
        kind = after.lastgroup
        end = after.end()
    elif first in ("last", "next"):
        kind, end = ("past" if first == "last" else "future"), m.end()
    else:
        return value, m.end()
    year = published.year
    if kind == "last_year":
        year -= 1
    elif kind == "next_year":
        year += 1
    elif value.month is not None:
        # A day a few days off publication on the wrong side is the writer's day, not
        # another year's ("23-24 Oktober mendatang" published on the 24th).
        slack = _DIRECTION_SLACK if value.day else timedelta(0)
        moment = date(year, value.month, value.day or 1)
        now = published if value.day else published.replace(day=1)
        if kind == "past" and moment > now + slack:
            year -= 1
        elif kind == "future" and moment < now - slack:
            year += 1
    moved = make_value(year, value.month, value.day)
    return (moved or value), end


def _value_of(
    m: re.Match[str], lex: _Lexicon, text: str, published: date | None
) -> tuple[DateValue | None, bool]:
    """The date a match names and whether it was completed from the publication date."""
    # Each form is its own pattern with its own groups; the groups of the others read "".
    groups: dict[str, str] = defaultdict(str, m.groupdict(""))
    for read in (_numeric_value, _named_value):
        if (value := read(groups, lex, published)) is not None:
            return value
    return _anchored_value(groups, m, lex, text, published)


def _numeric_value(
    groups: dict[str, str], lex: _Lexicon, published: date | None
) -> tuple[DateValue | None, bool] | None:
    """Days written in digits: 2024-05-06, 6/5/2024, 06.05; None when the match is none of them."""
    if groups["iso"]:
        return make_value(int(groups["iy"]), int(groups["im"]), int(groups["id"])), False
    if groups["slash"]:
        return make_value(_year(groups["xy"], None) or 0, int(groups["xm"]), int(groups["xd"])), False
    for tag in ("", "w"):
        if groups[f"sd{tag}"]:
            year = _year(groups[f"sy{tag}"] or None, published)
            if year is None:
                return None, False
            day = make_value(year, int(groups[f"sm{tag}"]), int(groups[f"sd{tag}"]))
            return day, not groups[f"sy{tag}"]
    return None


def _named_value(
    groups: dict[str, str], lex: _Lexicon, published: date | None
) -> tuple[DateValue | None, bool] | None:
    """Days and months with the month's name: 6 Mei 2024, May 6, Mei 2024; None when none of them."""
    for tag in ("", "w"):
        if groups[f"dd{tag}"]:
            year_text = groups[f"dyear{tag}"] or None
            return _day_month(groups[f"dd{tag}"], groups[f"dmon{tag}"], year_text, lex, published)
    if groups["mdy"]:
        if groups["mmon"].lower() not in lex.full_months and not groups["myear"]:
            return None, False  # "Jun 5" alone is too weak; "Agus 5" is a name
        return _day_month(groups["md"], groups["mmon"], groups["myear"] or None, lex, published)
    if groups["my"]:
        return make_value(int(groups["myyear"]), lex.months[groups["mymon"].lower()]), False
    return None


def _anchored_value(
    groups: dict[str, str], m: re.Match[str], lex: _Lexicon, text: str, published: date | None
) -> tuple[DateValue | None, bool]:
    """Forms read against the publication date: a bare month or year, "kemarin", a weekday."""
    if groups["py"]:
        return make_value(int(groups["pyear"])), False
    if published is None:
        return None, False
    if groups["pm"] or groups["ml"]:
        month = groups["pmon"] or groups["lmon"]
        return make_value(published.year, lex.months[month.lower()]), True
    if groups["rel"]:
        return _relative(groups["rel"].lower(), published), True
    name = groups["wd"]
    if name and name[0].isupper():
        ahead = lex.ahead.search(text, 0, m.start()) is not None
        return _weekday_value(name, published, ahead, lex.weekdays), True
    return None, False


def _day_month(
    day: str, month_name: str, year_text: str | None, lex: _Lexicon, published: date | None
) -> tuple[DateValue | None, bool]:
    month = lex.months.get(month_name.lower().rstrip("."))
    year = _year(year_text, published)
    if month is None or year is None:
        return None, False
    return make_value(year, month, int(day)), year_text is None


def _relative(phrase: str, published: date) -> DateValue | None:
    if phrase in _RELATIVE_DAYS:
        day = published + timedelta(days=_RELATIVE_DAYS[phrase])
        return DateValue(day.year, day.month, day.day)
    if phrase in _RELATIVE_MONTHS:
        index = published.year * 12 + published.month - 1 + _RELATIVE_MONTHS[phrase]
        return DateValue(index // 12, index % 12 + 1)
    return DateValue(published.year + _RELATIVE_YEARS[phrase])

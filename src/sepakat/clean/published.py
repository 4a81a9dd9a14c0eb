"""Publication dates: the ``published`` string as a source gave it, to ISO 8601.

``parse_published`` reads the forms seen in the corpus and in feeds::

    2025-06-11 / 2025-06-11T20:20:00 / 2025-06-11 20:20:00 / 2025-06-11T20:20:00+07:00
    Diperbarui 18 Jun 2025, 14:05 WIB          Jumat, 20 Jun 2025 14:15 WIB
    Kompas.com- 16/06/2025, 10:00 WIB          ,\xa0Jurnalis-Kamis, 19 Juni 2025 |14:16 WIB
    19 Juni 2025 | 14.16 WIB                   3-APR-1987 01:53:30.00&#9;&#9;F (Reuters)
    June 18, 2025 / 18 June 2025               Wed, 18 Jun 2025 14:05:00 +0700 (RFC 2822)

The result is local time as written: a zone or offset is dropped, never converted
(the record's contract). A day with a time gives ``YYYY-MM-DDTHH:MM:SS``, a day alone
``YYYY-MM-DD``; anything without a whole valid day gives None. A time that does not
validate (Reuters' "605:12:19") is dropped and the day kept: the day is still stated.
Month names come from ``data/id/months.tsv`` and ``data/en/months.tsv``.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from sepakat.data import load_table

__all__ = ["month_names", "parse_published", "weekday_names"]

_LANGS = ("id", "en")


@cache
def month_names(lang: str) -> dict[str, int]:
    """Lower-cased month names and abbreviations of ``lang`` -> month number (1-12)."""
    return {name.casefold(): int(number) for name, number in load_table(lang, "months")}


@cache
def weekday_names(lang: str) -> dict[str, int]:
    """Lower-cased day names of ``lang`` -> ISO weekday (1 = Monday ... 7 = Sunday)."""
    return {name.casefold(): int(number) for name, number in load_table(lang, "weekdays")}


def _all_months() -> dict[str, int]:
    merged: dict[str, int] = {}
    for lang in _LANGS:
        merged.update(month_names(lang))
    return merged


_MONTHS = _all_months()
# Longest first, so that "Juni" wins over "Jun" and "Agustus" over "Agu".
_MONTH_ALT = "|".join(re.escape(name) for name in sorted(_MONTHS, key=len, reverse=True))

# A clock time after a date: "14:05", "14.16" (Indonesian style), "01:53:30.00", "2:05 PM".
_TIME = (
    r"(?:[\s,|T]*(?:pukul|jam|at)?\s*"
    r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2})(?:[.,]\d+)?)?(?!\d)"
    r"\s*(?P<ampm>[ap]\.?m\b\.?)?)?"
)
_ISO = re.compile(
    r"(?<!\d)(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})(?!\d)"
    r"(?:[T\s]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?(?!\d))?"
)
_DAY_NAME_YEAR = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th)?[\s\-.]+(?P<mname>" + _MONTH_ALT + r")(?![a-z])\.?"
    r"[\s\-.,]+(?P<year>\d{4})(?!\d)" + _TIME,
    re.IGNORECASE,
)
_NAME_DAY_YEAR = re.compile(
    r"(?<![a-z])(?P<mname>" + _MONTH_ALT + r")(?![a-z])\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?"
    r"\s+(?P<year>\d{4})(?!\d)" + _TIME,
    re.IGNORECASE,
)
# Day first, as Indonesian sites write it ("16/06/2025"); month first only when the
# first number cannot be a month.
_NUMERIC = re.compile(
    r"(?<![\d/.-])(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second_n>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)" + _TIME,
    re.IGNORECASE,
)


def parse_published(raw: str | None) -> str | None:
    """ISO 8601 of the publication time in ``raw``, local time as written, or None.

    Never raises: an absent, empty or unreadable string, or one without a valid day
    (31 Feb, month and year only), gives None.
    """
    if not raw or not isinstance(raw, str):
        return None
    text = raw.strip()
    match = _ISO.search(text)
    if match is not None:
        return _build(int(match["year"]), int(match["month"]), int(match["day"]), match)
    match = _DAY_NAME_YEAR.search(text) or _NAME_DAY_YEAR.search(text)
    if match is not None:
        month = _MONTHS[match["mname"].casefold()]
        return _build(int(match["year"]), month, int(match["day"]), match)
    match = _NUMERIC.search(text)
    if match is not None:
        day, month = int(match["first"]), int(match["second_n"])
        if month > 12 >= day:
            day, month = month, day
        return _build(int(match["year"]), month, day, match)
    return None


def _build(year: int, month: int, day: int, match: re.Match[str]) -> str | None:
    if year < 1000:
        return None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    hour_text = match["hour"]
    if hour_text is None:
        return date.isoformat()
    hour, minute = int(hour_text), int(match["minute"])
    second = int(match["second"]) if match["second"] else 0
    ampm = match.groupdict().get("ampm")
    if ampm:
        if not 1 <= hour <= 12:
            return date.isoformat()
        hour = hour % 12 + (12 if ampm[0] in "pP" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return date.isoformat()
    return f"{date.isoformat()}T{hour:02d}:{minute:02d}:{second:02d}"

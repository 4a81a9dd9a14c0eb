"""parse_published: every publication-date form of the corpus and of feeds, and the rejects."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sepakat.clean.published import month_names, parse_published, weekday_names
from sepakat.data import load_table


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # ISO, as JSON sources and meta tags give it; the zone is dropped, never applied.
        ("2025-06-11", "2025-06-11"),
        ("2025-06-11T20:20:00", "2025-06-11T20:20:00"),
        ("2025-06-11 20:20:00", "2025-06-11T20:20:00"),
        ("2025-06-11T20:20:00+07:00", "2025-06-11T20:20:00"),
        ("2025-06-11T23:20:00-05:00", "2025-06-11T23:20:00"),
        ("2025-06-18T14:05:00Z", "2025-06-18T14:05:00"),
        ("2025-06-18T14:05:00.123456+07:00", "2025-06-18T14:05:00"),
        ("2025-06-18T14:05", "2025-06-18T14:05:00"),
        ("  2026-01-12 06:49:54\n", "2026-01-12T06:49:54"),
        ("2025/06/18", "2025-06-18"),
        # Indonesian newsroom strings.
        ("Diperbarui 18 Jun 2025, 14:05 WIB", "2025-06-18T14:05:00"),
        ("Jumat, 20 Jun 2025 14:15 WIB", "2025-06-20T14:15:00"),
        ("18 Jun 2025 14:05", "2025-06-18T14:05:00"),
        ("Kompas.com- 16/06/2025, 10:00 WIB", "2025-06-16T10:00:00"),
        ("Kompas.com - 10/06/2025, 21:23 WIB 21:23", "2025-06-10T21:23:00"),
        ("Kompas.com- Diperbarui 19/06/2025, 10:25 WIB", "2025-06-19T10:25:00"),
        (",\xa0Jurnalis-Kamis, 19 Juni 2025 |14:16 WIB", "2025-06-19T14:16:00"),
        (",\xa0Jurnalis-Jum'at, 13 Juni 2025 |19:04 WIB", "2025-06-13T19:04:00"),
        ("19 Juni 2025 | 14.16 WIB", "2025-06-19T14:16:00"),
        ("4 Juni 2025 | 11.00 WIB", "2025-06-04T11:00:00"),
        ("Rabu   18 Jun 2025  14:05 WIB", "2025-06-18T14:05:00"),
        ("Rabu, 21 Mei  2025 08:41 WIB 08:41", "2025-05-21T08:41:00"),
        ("Jum'at, 20 Juni 2025 pukul 09.30 WIB", "2025-06-20T09:30:00"),
        ("Senin (16/6/2025)", "2025-06-16"),
        ("30 Des 2015 23:56", "2015-12-30T23:56:00"),
        ("17 Agt 2025", "2025-08-17"),
        ("17 Agu 2025", "2025-08-17"),
        ("17 Agustus 2025", "2025-08-17"),
        ("5 Okt 2024 10:00 WITA", "2024-10-05T10:00:00"),
        ("1 Peb 2018", "2018-02-01"),
        ("9 Nopember 2019", "2019-11-09"),
        ("22 Februari 2018 | 09.19 WIB", "2018-02-22T09:19:00"),
        ("Minggu, 1 Mei 2025", "2025-05-01"),
        # Reuters-21578 datelines, with their trailing junk.
        ("3-APR-1987 01:53:30.00", "1987-04-03T01:53:30"),
        ("27-MAR-1987 00:03:35.68&#5;&#5;&#5;F", "1987-03-27T00:03:35"),
        ("3-APR-1987 01:53:30.00&#9;&#9;&#9;F", "1987-04-03T01:53:30"),
        ("3-MAR-1987  09:15:05.40", "1987-03-03T09:15:05"),
        ("7-APR-1987 16:22:00.0", "1987-04-07T16:22:00"),
        ("9-APR-1987 00:00:00.00    # date added by S Finch as guesswork", "1987-04-09T00:00:00"),
        # A time that cannot be one is dropped; the day it comes with is still stated.
        ("31-MAR-1987 605:12:19.12", "1987-03-31"),
        ("18 Jun 2025 25:10", "2025-06-18"),
        # English.
        ("June 18, 2025", "2025-06-18"),
        ("Jun. 18, 2025", "2025-06-18"),
        ("18 June 2025", "2025-06-18"),
        ("18th June 2025", "2025-06-18"),
        ("June 18th, 2025 at 2:05 PM", "2025-06-18T14:05:00"),
        ("June 18, 2025 12:30 a.m.", "2025-06-18T00:30:00"),
        ("Wed, 18 Jun 2025 14:05:00 +0700", "2025-06-18T14:05:00"),
        ("Sept 3, 2024", "2024-09-03"),
    ],
)
def test_reads_the_form(raw: str, expected: str) -> None:
    assert parse_published(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "   ",
        "Tidak Ditemukan",
        "kemarin",
        "Juni 2025",  # no day: not a publication date
        "2025",
        "31 Feb 2025",
        "30 Februari 2024",
        "2025-02-30",
        "2025-13-01",
        "29/02/2025",
        "0000-01-01",
        "Innoprom 2026",
        "18 Juni",  # no year: never guessed
        "18 Blah 2025",
    ],
)
def test_gives_none_without_a_valid_day(raw: str | None) -> None:
    assert parse_published(raw) is None


def test_leap_day_is_valid() -> None:
    assert parse_published("29 Feb 2024") == "2024-02-29"


def test_month_first_only_when_day_first_cannot_be() -> None:
    assert parse_published("06/18/2025") == "2025-06-18"
    assert parse_published("06/07/2025") == "2025-07-06"


@pytest.mark.parametrize(
    ("lang", "name", "number"),
    [("id", "mei", 5), ("id", "agt", 8), ("id", "des", 12), ("en", "may", 5), ("en", "sept", 9)],
)
def test_month_names_from_the_data_files(lang: str, name: str, number: int) -> None:
    assert month_names(lang)[name] == number


@pytest.mark.parametrize(
    ("lang", "name", "number"),
    [("id", "senin", 1), ("id", "jum'at", 5), ("id", "minggu", 7), ("en", "wed", 3)],
)
def test_weekday_names_from_the_data_files(lang: str, name: str, number: int) -> None:
    assert weekday_names(lang)[name] == number


def test_every_month_has_its_full_name() -> None:
    for lang in ("id", "en"):
        assert sorted(set(month_names(lang).values())) == list(range(1, 13))
        assert sorted(set(weekday_names(lang).values())) == list(range(1, 8))


def test_load_table_skips_comments_and_is_cached() -> None:
    rows = load_table("id", "months")
    assert rows[0] == ("Januari", "1")
    assert all(not row[0].startswith("#") for row in rows)
    assert load_table("id", "months") is rows


_ISO_OUT = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.none(), st.text(), st.text(alphabet="0123456789-/.:, TJunieMAPRWIB")))
def test_never_raises_and_returns_a_valid_iso_value(raw: str | None) -> None:
    result = parse_published(raw)
    if result is not None:
        assert _ISO_OUT.fullmatch(result)
        dt.datetime.fromisoformat(result)


@settings(max_examples=200, deadline=None)
@given(st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 12, 31)))
def test_round_trips_iso_datetimes(moment: dt.datetime) -> None:
    moment = moment.replace(microsecond=0)
    assert parse_published(moment.isoformat()) == moment.isoformat()
    assert parse_published(moment.date().isoformat()) == moment.date().isoformat()

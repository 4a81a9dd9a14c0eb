"""Properties of extraction that hold for any text: it never crashes, never invents.

- extraction of any text either gives a record or refuses the input (InputRefused);
- every evidence is the input text at its evidence_span, at most 600 characters;
- a date is never more precise than its expression: a day needs a day in the words.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sepakat.errors import InputRefused
from sepakat.extract.dates import find_dates
from sepakat.models import RawDocument
from sepakat.pipeline import extract_document

WORDS = [
    "Menteri",
    "Perindustrian",
    "Agus",
    "Gumiwang",
    "menandatangani",
    "nota",
    "kesepahaman",
    "MoU",
    "dengan",
    "Rusia",
    "Indonesia",
    "Jepang",
    "perjanjian",
    "akan",
    "telah",
    "belum",
    "disepakati",
    "pertemuan",
    "bilateral",
    "di",
    "Moskow",
    "Senin",
    "(13/7)",
    "2025",
    "Juli",
    "kemarin",
    "kata",
    "Presiden",
    "Prabowo",
    "Subianto",
    "signed",
    "agreement",
    "the",
    "Minister",
    "met",
    "on",
    "Tuesday",
    "Baca",
    "juga:",
    "Kontrak",
    "kerja",
    "sama",
    "tentang",
    "perikanan",
    ".",
    ",",
    "“",
    "”",
    "\n",
    "\n\n",
    "(",
    ")",
    "-",
    "yakni",
    "dua",
    "dan",
    "Sidang",
    "Komisi",
    "Bersama",
    "RI",
    "AS",
    "UEA",
]

news_like = st.lists(st.sampled_from(WORDS), min_size=1, max_size=80).map(" ".join)
anything = st.text(min_size=1, max_size=400)


def _check(text: str, published: str | None) -> None:
    raw = RawDocument(origin="prop", id="p", title="t", published=published, text=text)
    try:
        extraction = extract_document(raw)
    except InputRefused:
        return
    record = extraction.record
    for item in [*record.agreements, *record.meetings]:
        evidence = item.evidence
        assert evidence.text
        assert len(evidence.text) <= 600
        assert text[evidence.start : evidence.end] == evidence.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like, st.sampled_from([None, "2025-06-18", "2025-06-18T10:00:00"]))
def test_news_like_text_never_crashes_and_evidence_is_verbatim(text: str, published: str | None) -> None:
    _check(text, published)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(anything)
def test_any_text_never_crashes(text: str) -> None:
    _check(text, "2025-06-18")


DAY_WORDS = (
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "jum'at",
    "sabtu",
    "minggu",
    "ahad",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "kemarin",
    "hari ini",
    "besok",
    "esok",
    "lusa",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "malam ini",
    "pagi ini",
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*WORDS, "pada", "Mei", "bulan", "lalu", "tahun", "depan", "12", "3/4/2024"]),
        max_size=30,
    ).map(" ".join)
)
def test_no_date_more_precise_than_its_expression(text: str) -> None:
    for mention in find_dates(text, "id", date(2025, 6, 18)):
        expression = text[mention.start : mention.end].lower()
        if mention.value.day is not None:
            assert any(ch.isdigit() for ch in expression) or any(w in expression for w in DAY_WORDS), (
                expression
            )
        if mention.value.month is not None:
            assert any(ch.isdigit() for ch in expression) or any(c.isalpha() for c in expression)


def test_long_runs_of_capitals_and_offices_stay_fast() -> None:
    """Regexes must not backtrack without end on runs of capitals after an office."""
    import time

    text = (
        "Pertama di Indonesia Seorang Pejabat Daerah Gubernur DKI\n"
        + "JAKARTA IBUKOTA REPUBLIK INDONESIA DI GABLAK SECARA VULGAR TERUTAMA DUNIA MAYA " * 20
        + "\nMenteri Dalam Negeri "
        + "KOTA BESAR SEKALI " * 30
        + "mengatakan hal itu."
    )
    started = time.perf_counter()
    _check(text, "2025-06-18")
    assert time.perf_counter() - started < 2.0


ANCHOR_WORDS = [
    *WORDS,
    "kunjungan",
    "kenegaraan",
    "KTT",
    "forum",
    "percakapan",
    "telepon",
    "bertemu",
    "summit",
    "state",
    "visit",
    "PKS",
    "kesepakatan",
    "bersama",
    "Memorandum",
    "of",
    "Understanding",
    "kunjungannya",
    "pra-pertemuan",
    "menandatangani",
    "ditandatangani",
    "sepakat",
    "menyepakati",
    "diteken",
    "akan",
    "belum",
    "signed",
    "agreed",
    "ratified",
    "Sepakat",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(ANCHOR_WORDS), min_size=1, max_size=60).map(" ".join),
    st.sampled_from(["id", "en"]),
)
def test_a_sentence_runs_only_the_rows_it_can_match_and_finds_the_same(text: str, lang: str) -> None:
    """The pattern of the rows whose literals a sentence holds (extract.anchors) finds
    exactly what the pattern of every row finds there, group by group."""
    from sepakat.clean import clean_document
    from sepakat.extract.context import Doc
    from sepakat.extract.gazetteer import load_gazetteer
    from sepakat.extract.lexicon import agreement_lexicon
    from sepakat.extract.meetings import meeting_lexicon

    raw = RawDocument(origin="prop", id="p", title="t", published="2025-06-18", text=text, language=lang)
    try:
        article = clean_document(raw)
    except InputRefused:
        return
    doc = Doc.build(article, load_gazetteer(lang).find(article.text))
    agreements = agreement_lexicon(lang)
    tables = {
        "meeting": meeting_lexicon(lang).triggers,
        "agreement": agreements.head_rows,
        "cue": agreements.cue_rows,
    }
    # A noun that counts only after a verb of signing ("menandatangani kerja sama") is
    # anchored by that verb: without one in the sentence, its row need not run.
    after_signing = {group for group, head in agreements.head_kinds.items() if head.strength == "verb"}
    signing = {
        group
        for group, status in agreements.cue_status.items()
        if status == "signed" and agreements.cue_scope[group] == "clause"
    }
    for index, sentence in enumerate(doc.sentences):
        s = sentence.text
        signed = any(m.lastgroup in signing for m in agreements.cue_rows.all.finditer(s))
        for name, rows in tables.items():
            anchored = doc.anchored_rows(name, index)
            if anchored is None:
                continue
            # The whole sentence, and a window inside it (a clause, as status reading asks).
            for pos, endpos in ((0, len(s)), (len(s) // 3, 2 * len(s) // 3 + 1)):
                every = [
                    (m.span(), m.lastgroup)
                    for m in rows.all.finditer(s, pos, endpos)
                    if name != "agreement" or signed or m.lastgroup not in after_signing
                ]
                some = [
                    (m.span(), m.lastgroup)
                    for m in rows.finditer(s, anchored, pos, endpos)
                    if name != "agreement" or signed or m.lastgroup not in after_signing
                ]
                assert some == every, (name, s, pos, endpos)

"""split_sentences: Indonesian and English news, abbreviations, numbers, quotes, offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sepakat.clean import clean_document
from sepakat.clean.sentences import split_sentences
from sepakat.models import RawDocument


def texts(text: str, lang: str = "id") -> list[str]:
    return [sentence.text for sentence in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Menteri tiba di Hanoi. Ia langsung bertemu mitranya.",
            ["Menteri tiba di Hanoi.", "Ia langsung bertemu mitranya."],
        ),
        (
            "Apakah MoU itu sah? Belum, kata dia! Semua menunggu.",
            ["Apakah MoU itu sah?", "Belum, kata dia!", "Semua menunggu."],
        ),
        # Abbreviations that never end a sentence.
        ("Rektor Prof. Dr. Ir. Hadi Susanto hadir.", ["Rektor Prof. Dr. Ir. Hadi Susanto hadir."]),
        ("Kantornya di Jl. Merdeka No. 12, Bandung.", ["Kantornya di Jl. Merdeka No. 12, Bandung."]),
        (
            "Nilainya Rp. 5 miliar. Dana cair pekan depan.",
            ["Nilainya Rp. 5 miliar.", "Dana cair pekan depan."],
        ),
        ("Lokasinya di Kec. Cibeunying, Kab. Bandung.", ["Lokasinya di Kec. Cibeunying, Kab. Bandung."]),
        (
            "Surat itu diteken H. Abdul Malik dan Hj. Siti Aminah.",
            ["Surat itu diteken H. Abdul Malik dan Hj. Siti Aminah."],
        ),
        # Initials inside names.
        (
            "Menlu Retno L.P. Marsudi menerima tamu. Ia tersenyum.",
            ["Menlu Retno L.P. Marsudi menerima tamu.", "Ia tersenyum."],
        ),
        ("Presiden Joko S. Widodo membuka acara.", ["Presiden Joko S. Widodo membuka acara."]),
        ("Pengacara Budi A. Hutapea mewakili penggugat.", ["Pengacara Budi A. Hutapea mewakili penggugat."]),
        # Abbreviations that may end a sentence do so before a common sentence starter.
        (
            "Saham PT Maju Jaya Tbk. Sementara itu indeks naik.",
            ["Saham PT Maju Jaya Tbk.", "Sementara itu indeks naik."],
        ),
        (
            "Saham PT Maju Jaya Tbk. Bangun Persada ikut naik.",
            ["Saham PT Maju Jaya Tbk. Bangun Persada ikut naik."],
        ),
        (
            "Ada beras, gula, minyak, dll. Semua dijual murah.",
            ["Ada beras, gula, minyak, dll.", "Semua dijual murah."],
        ),
        ("Hadi dkk. mengajukan banding.", ["Hadi dkk. mengajukan banding."]),
        ("Gelar M.Si. diraihnya pada 2010.", ["Gelar M.Si. diraihnya pada 2010."]),
        # Numbers, times, sites and mail addresses with dots.
        (
            "Indeks ditutup di level 7.215,44 pada pukul 15.00 WIB.",
            ["Indeks ditutup di level 7.215,44 pada pukul 15.00 WIB."],
        ),
        ("Harga naik 2.5 persen. Kenaikan itu wajar.", ["Harga naik 2.5 persen.", "Kenaikan itu wajar."]),
        (
            "Kabar itu dimuat Kompas.com dan www.kompas.id kemarin.",
            ["Kabar itu dimuat Kompas.com dan www.kompas.id kemarin."],
        ),
        ("Kirim surat ke humas@kemlu.go.id segera.", ["Kirim surat ke humas@kemlu.go.id segera."]),
        ("Anggaran tahun 2025. Kemudian dibahas DPR.", ["Anggaran tahun 2025.", "Kemudian dibahas DPR."]),
        # A lower-case word after a full stop continues the sentence.
        ("Dilansir Antara. kemarin sore hujan turun.", ["Dilansir Antara. kemarin sore hujan turun."]),
        # Quotes: a sentence ending inside closing quotes ends after them.
        ("“Kami siap bekerja sama.” Ia lalu pergi.", ["“Kami siap bekerja sama.”", "Ia lalu pergi."]),
        ('"Kami setuju." Menteri itu mengangguk.', ['"Kami setuju."', "Menteri itu mengangguk."]),
        (
            "“Kami setuju,” kata Menteri. “Segera diteken.”",
            ["“Kami setuju,” kata Menteri.", "“Segera diteken.”"],
        ),
        ("Dia bertanya, “Kapan diteken?” lalu diam.", ["Dia bertanya, “Kapan diteken?” lalu diam."]),
        # Ellipses.
        ("Kami menunggu... Akhirnya surat datang.", ["Kami menunggu...", "Akhirnya surat datang."]),
        ("Kami menunggu… lalu pulang.", ["Kami menunggu… lalu pulang."]),
        # Line breaks always end a sentence; list numbers are no sentence ends.
        ("Pokok kerja sama\nPendidikan vokasi", ["Pokok kerja sama", "Pendidikan vokasi"]),
        ("Isinya:\n1. Pendidikan\n2. Kesehatan", ["Isinya:", "1. Pendidikan", "2. Kesehatan"]),
        ("Urutannya 1. Pendidikan 2. Kesehatan.", ["Urutannya 1. Pendidikan 2. Kesehatan."]),
        ("Paragraf satu.\n\nParagraf dua.", ["Paragraf satu.", "Paragraf dua."]),
    ],
)
def test_indonesian(text: str, expected: list[str]) -> None:
    assert texts(text, "id") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal was signed. Both sides welcomed it.", ["The deal was signed.", "Both sides welcomed it."]),
        ("Mr. Smith met Dr. Jones in St. Louis.", ["Mr. Smith met Dr. Jones in St. Louis."]),
        (
            "The U.S. and the U.N. agreed. The talks end today.",
            ["The U.S. and the U.N. agreed.", "The talks end today."],
        ),
        ("Exports rose in the U.S. The gap narrowed.", ["Exports rose in the U.S.", "The gap narrowed."]),
        (
            "Acme Inc. said profit rose. Its shares jumped.",
            ["Acme Inc. said profit rose.", "Its shares jumped."],
        ),
        (
            "It sells tools, pumps, etc. The firm is small.",
            ["It sells tools, pumps, etc.", "The firm is small."],
        ),
        ("Talks began Jan. 5 in Geneva.", ["Talks began Jan. 5 in Geneva."]),
        ("Some goods, e.g. rice, are exempt.", ["Some goods, e.g. rice, are exempt."]),
        ("He said, “We will sign.” Then he left.", ["He said, “We will sign.”", "Then he left."]),
        ("Shares fell 3.5 pct. Analysts shrugged.", ["Shares fell 3.5 pct.", "Analysts shrugged."]),
    ],
)
def test_english(text: str, expected: list[str]) -> None:
    assert texts(text, "en") == expected


def test_offsets_point_into_the_text_and_are_stripped() -> None:
    text = "  Pertama.   Kedua?\n\n  Ketiga!  "
    sentences = split_sentences(text, "id")
    assert [(s.start, s.end) for s in sentences] == [(2, 10), (13, 19), (23, 30)]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize("text", ["", "   ", "\n\n", ". . .", "..."])
def test_empty_and_punctuation_only(text: str) -> None:
    assert all(s.text.strip() for s in split_sentences(text, "id"))


def test_unknown_language_uses_indonesian_and_english_lists() -> None:
    assert texts("Dr. Ahmad tiba. Ia senang.", "xx") == ["Dr. Ahmad tiba.", "Ia senang."]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300), st.sampled_from(["id", "en"]))
def test_sentences_are_ordered_stripped_slices(text: str, lang: str) -> None:
    sentences = split_sentences(text, lang)
    previous_end = 0
    for sentence in sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        previous_end = sentence.end
    # Nothing but whitespace falls between the sentences' words.
    covered = "".join(s.text for s in sentences)
    assert "".join(covered.split()) == "".join(text.split())


def test_a_sentence_glued_after_an_acronym_is_split() -> None:
    def split(text: str) -> list[str]:
        raw = RawDocument(origin="test", id="t", title="T", published=None, text=text, language="id")
        return [s.text for s in clean_document(raw).sentences]

    assert split("Para menteri menyetujui komunike ASEAN.Mereka juga membahas perikanan.") == [
        "Para menteri menyetujui komunike ASEAN.",
        "Mereka juga membahas perikanan.",
    ]
    # Two capitals may be an abbreviation's; a site's name goes on in a short word.
    assert len(split("Saham PT.Astra naik. Baca KOMPAS.Com sekarang.")) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Penandatanganan dilakukan oleh Pelaksana Tugas (Plt.) Sekretaris Jenderal Ani di Jakarta. Acara selesai.",
        "The leaders met at the 10th ASEAN-United States (U.S.) Summit in Phnom Penh. They agreed.",
    ],
)
def test_an_abbreviation_alone_in_brackets_ends_no_sentence(text: str) -> None:
    assert len(split_sentences(text, "id" if "Penandatanganan" in text else "en")) == 2

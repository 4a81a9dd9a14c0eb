"""clean_document: teasers, boilerplate and markdown out, spacing repaired, offsets exact.

The articles here are our own writing in the style of the news (never corpus text). The
"same words" property: for every sentence, the words of its source slice, with the
removed spans inside it either dropped or read as a word break, are the words of the
sentence, where a word is a run of letters and digits after HTML entities are decoded,
soft hyphens and zero-width joiners (which cleaning deletes) are dropped, and backslash
escapes are ignored. Cleaning inserts only spaces (between glued sentences, where a
teaser sat between two words); these never fall inside a word.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sepakat.clean import clean_document, clean_text
from sepakat.errors import InputRefused
from sepakat.models import Article, RawDocument

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "000_25aa0378524a9eee.txt"
CORPUS = SHARED / "corpus"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared (seed and corpus) is not here")

_WORD = re.compile(r"\w+")
_DELETED = dict.fromkeys(map(ord, "\xad\u200c\u200d\u200e\u200f\u2060\\"))


def clean(text: str, **fields: str) -> Article:
    return clean_document(RawDocument(origin="test", text=text, **fields))


def sentences(text: str, **fields: str) -> list[str]:
    return [s.text for s in clean(text, **fields).sentences]


def words(text: str) -> list[str]:
    return _WORD.findall(html.unescape(text).translate(_DELETED).casefold())


def source_without_removed(article: Article, start: int, end: int, gap: str) -> str:
    parts: list[str] = []
    pos = start
    for span in article.removed:
        if span.end <= start or span.start >= end:
            continue
        parts.append(article.source_text[pos : max(pos, span.start)])
        parts.append(gap)
        pos = max(pos, span.end)
    parts.append(article.source_text[pos:end])
    return "".join(parts)


def assert_offsets_hold(article: Article) -> None:
    """Every sentence maps back to source text holding the same words (module docstring)."""
    text = article.text
    previous_end = 0
    for sentence in article.sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        previous_end = sentence.end
        start, end = article.source_span(sentence.start, sentence.end)
        assert 0 <= start <= end <= len(article.source_text)
        # The same letters in the same order: cleaning inserts spaces ("HimpunanKawasan",
        # "nasional.Salah") and drops removed spans, nothing else.
        expected = "".join(words(sentence.text))
        assert expected in (
            "".join(words(source_without_removed(article, start, end, ""))),
            "".join(words(source_without_removed(article, start, end, " "))),
        ), (sentence.text, article.source_slice(sentence.start, sentence.end))
    for span in article.removed:
        assert article.source_text[span.start : span.end] == span.text


# --- the seed's traps, in our own words ------------------------------------------------

GLUED = (
    "Menteri Perdagangan Budi Hartono bertemu Menteri Ekonomi Vietnam Nguyen Van An di Hanoi, Senin . "
    "Keduanya membahas kerja sama perdagangan beras.Baca juga: Harga Emas Antam Naik Tipis di Awal "
    "Pekan, Tembus 2.105Pertemuan itu juga membahas percepatan perjanjian dagang kedua negara. "
    "Salah satu hasilnya adalah disepakatinya MoU on Rice Trade Cooperation.Baca juga: Gubernur Teken "
    "Kerja Sama dengan Tiga Kampus, Wujudkan Program Presiden SantosoAdapun MoU on Rice Trade "
    "Cooperation mengatur pasokan beras selama lima tahun. Kedua menteri juga meninjau hasil sidang "
    "komisi bersama.Baca juga: DPR Sahkan UU Perjanjian Investasi Indonesia-Vietnam\n\n\n(abc/dfg)"
    "\n\nBerita Terpopuler"
)


def test_teasers_glued_into_the_text_end_where_the_article_resumes() -> None:
    article = clean(GLUED)
    texts = [s.text for s in article.sentences]
    assert any(t.startswith("Pertemuan itu juga membahas") for t in texts)
    assert any(t.startswith("Adapun MoU on Rice Trade Cooperation") for t in texts)
    for sentence in texts:
        for leaked in ("Emas", "Gubernur", "Santoso", "Investasi Indonesia-Vietnam", "Terpopuler", "abc/dfg"):
            assert leaked not in sentence
    teasers = [span.text for span in article.removed if span.kind == "teaser"]
    assert teasers == [
        "Baca juga: Harga Emas Antam Naik Tipis di Awal Pekan, Tembus 2.105",
        "Baca juga: Gubernur Teken Kerja Sama dengan Tiga Kampus, Wujudkan Program Presiden Santoso",
        "Baca juga: DPR Sahkan UU Perjanjian Investasi Indonesia-Vietnam",
    ]
    kinds = {span.kind for span in article.removed}
    assert {"author_code", "popular_list"} <= kinds
    assert texts[0] == (
        "Menteri Perdagangan Budi Hartono bertemu Menteri Ekonomi Vietnam Nguyen Van An di Hanoi, Senin."
    )
    assert_offsets_hold(article)


def test_evidence_is_copied_from_the_input() -> None:
    article = clean(GLUED)
    for sentence in article.sentences:
        evidence = article.source_slice(sentence.start, sentence.end)
        assert evidence in GLUED
    adapun = next(s for s in article.sentences if s.text.startswith("Adapun"))
    assert article.source_slice(adapun.start, adapun.end).startswith("Adapun MoU on Rice")


# --- teasers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        # Marker alone on its line, the headline on the next.
        (
            "Pasar saham dibuka menguat.\nBaca juga:\nRupiah Melemah ke Level Terendah\n"
            "Investor asing masuk lagi.",
            ["Pasar saham dibuka menguat.", "Investor asing masuk lagi."],
            "Rupiah",
        ),
        # Marker alone, headline already stripped: the next line is the article.
        (
            "Pasar saham dibuka menguat.\nBaca Juga\nInvestor asing masuk lagi ke bursa.",
            ["Pasar saham dibuka menguat.", "Investor asing masuk lagi ke bursa."],
            "Baca",
        ),
        # Marker and headline fill the line.
        (
            "Pasar saham dibuka menguat.\nBaca juga:Rupiah Melemah, Investor Menahan Diri\n"
            "Indeks naik 0,4 persen.",
            ["Pasar saham dibuka menguat.", "Indeks naik 0,4 persen."],
            "Rupiah",
        ),
        # In brackets.
        (
            "Tim tamu menang.\n\n[Baca Juga: Lima Fakta Kemenangan Tim Tamu]\n\nPelatih puas.",
            ["Tim tamu menang.", "Pelatih puas."],
            "Fakta",
        ),
        # Sentence-case headline, then a quote on the same line (ANTARA's layout).
        (
            "Umat merayakan Natal dengan khidmat. Baca juga: Jemaat kota lama gelar misa pagi "
            '"Kami bersyukur," '
            "kata pendeta.",
            ["Umat merayakan Natal dengan khidmat.", '"Kami bersyukur," kata pendeta.'],
            "Jemaat",
        ),
        # Several glued headlines, the last ending where a name starts the article again.
        (
            "Kegiatan itu rutin digelar.Baca JugaTimnas Putri Lolos ke Final, Pelatih Puas dengan Mental "
            "PemainHarga Tiket Konser Dijual Mulai Rp15 RibuDewi Lestari selaku kepala cabang menjelaskan "
            "manfaatnya.",
            ["Kegiatan itu rutin digelar.", "Dewi Lestari selaku kepala cabang menjelaskan manfaatnya."],
            "Timnas",
        ),
        # Glued headlines, the last glued to an opening quote where the article resumes.
        (
            "Kawasan industri makin diminati.Baca JugaPabrik Baterai Mulai Dibangun di BatangEkspor Nikel "
            "Naik Dua Kali Lipat“Pemerintah membuka kawasan baru,” kata menteri.",
            ["Kawasan industri makin diminati.", "“Pemerintah membuka kawasan baru,” kata menteri."],
            "Nikel",
        ),
        # A name with an inner capital inside the glued sentence is no glue point.
        (
            "Saham teknologi naik.Baca juga: Ponsel Lipat Baru Segera Dijual di IndonesiaMenurut analis, "
            "saham PetroChina ikut naik.",
            ["Saham teknologi naik.", "Menurut analis, saham PetroChina ikut naik."],
            "Ponsel",
        ),
        # Video teasers.
        (
            "Polisi masih menyelidiki.\n\nSimak juga Video: Detik-detik Banjir Rendam Jalan Utama\n",
            ["Polisi masih menyelidiki."],
            "Banjir",
        ),
        (
            'Polisi masih menyelidiki.\nTonton juga video "Warga Bantu Evakuasi Korban" di sini:',
            ["Polisi masih menyelidiki."],
            "Evakuasi",
        ),
        # English.
        (
            "The two leaders met in Jakarta.\nRead also: Rice Prices Hit a Record High\n"
            "They signed three deals.",
            ["The two leaders met in Jakarta.", "They signed three deals."],
            "Rice",
        ),
    ],
)
def test_teasers(text: str, kept: list[str], gone: str) -> None:
    article = clean(text)
    assert [s.text for s in article.sentences] == kept
    assert gone not in article.text
    assert any(span.kind == "teaser" for span in article.removed)
    assert_offsets_hold(article)


@pytest.mark.parametrize(
    "text",
    [
        "Video yang diunggah pada Selasa itu sudah ditonton seribu kali.",
        "Ia gemar membaca juga menulis puisi.",
        "Siswa diminta membaca buku sejarah.",
    ],
)
def test_words_that_only_look_like_markers_stay(text: str) -> None:
    assert clean(text).text == text


# --- boilerplate ----------------------------------------------------------------------

BODY = "Harga beras di pasar induk naik tipis pekan ini. Pedagang menyebut pasokan dari sentra produksi aman."


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("JAKARTA, KOMPAS.com - Menteri tiba di Seoul.", "Menteri tiba di Seoul.", "dateline"),
        ("**JAKARTA, KOMPAS.com** - Menteri tiba di Seoul.", "Menteri tiba di Seoul.", "dateline"),
        ("Jakarta, CNBC Indonesia - Menteri tiba di Seoul.", "Menteri tiba di Seoul.", "dateline"),
        ("Jakarta, CNN Indonesia - - Menteri tiba di Seoul.", "Menteri tiba di Seoul.", "dateline"),
        ("Liputan6.com, Jakarta -Menteri tiba di Seoul.", "Menteri tiba di Seoul.", "dateline"),
        ("Liputan6.com, JakartaMenteri tiba di Seoul.", "Menteri tiba di Seoul.", "dateline"),
        ("TEMPO.CO,Jakarta- Menteri tiba di Seoul.", "Menteri tiba di Seoul.", "dateline"),
        ("JAKARTA - Menteri tiba di Seoul.", "Menteri tiba di Seoul.", "dateline"),
        ("Jakarta–Menteri tiba di Seoul.", "Menteri tiba di Seoul.", "dateline"),
        ("Jakarta (ANTARA) - Menteri tiba di Seoul.", "Menteri tiba di Seoul.", "dateline"),
        ("WASHINGTON (Reuters) - The minister arrived.", "The minister arrived.", "dateline"),
        ("Wina\n-\nPolisi menutup jalan.", "Polisi menutup jalan.", "dateline"),
        ("– Kementerian menegaskan komitmennya.", "Kementerian menegaskan komitmennya.", "dateline"),
        (
            "Kami bangga pada warga kota ini, warg Jakarta (ANTARA) - Wakil Presiden berkunjung.",
            "Wakil Presiden berkunjung.",
            "lede_snippet",
        ),
        ("Harga naik.\nEditor: Budi Santoso", "Harga naik.", "byline"),
        ("Harga naik.\nPenulis: Sari Dewi\nReporter: Andi", "Harga naik.", "byline"),
        (
            "Harga beras naik tajam di pasar induk. Pedagang menyebut pasokan dari sentra produksi "
            "berkurang. Pewarta: Rina Editor: Budi Copyright © ANTARA 2025 Dilarang mengutip.",
            "Harga beras naik tajam di pasar induk. "
            "Pedagang menyebut pasokan dari sentra produksi berkurang.",
            "byline",
        ),
        ("Harga naik.\n(abc/def)", "Harga naik.", "author_code"),
        ("Harga naik. (ant)", "Harga naik.", "author_code"),
        ("Harga naik.\n(*)", "Harga naik.", "author_code"),
        ("Harga naik. [red]", "Harga naik.", "author_code"),
        ("Harga naik.\n(abc/def)\nharga beras\ninflasi", "Harga naik.", "author_code"),
        ("Harga naik.\nFoto: Dok. Kementerian Pertanian\nStok aman.", "Harga naik.\nStok aman.", "caption"),
        ("Harga naik.\nADVERTISEMENT\nStok aman.", "Harga naik.\nStok aman.", "ad"),
        ("Harga naik.\nSCROLL TO CONTINUE WITH CONTENT\nStok aman.", "Harga naik.\nStok aman.", "ad"),
        ("Harga naik.\n[Gambas:Video 20detik]\nStok aman.", "Harga naik.\nStok aman.", "embed"),
        (f"{BODY}\n\nBerita Terpopuler\n\n1. Artis menikah", BODY, "popular_list"),
        (f"{BODY}\n\n---\n## Ringkasan\n\nHarga naik lagi.", BODY, "digest_summary"),
        (f"{BODY}\n\n---\nnull", BODY, "trailer"),
        (
            f"{BODY}\n\n*Artikel ini telah tayang di Kompas.com dengan judul Harga Naik*",
            BODY,
            "republish_note",
        ),
        ("The talks ended.\n Reuter\n", "The talks ended.", "signature"),
        # A channel promo glued between two sentences, with the source credit glued to it.
        (
            "Harga naik tajam.Ikuti Whatsapp Channel Republikasumber : Antara\nStok beras aman.",
            "Harga naik tajam.\nStok beras aman.",
            "promo",
        ),
        (
            "Harga naik tajam.\nIkuti kabar terbaru selebriti hanya di KapanLagi.com\nStok beras aman.",
            "Harga naik tajam.\nStok beras aman.",
            "promo",
        ),
    ],
)
def test_boilerplate(text: str, expected: str, kind: str) -> None:
    article = clean(text)
    assert article.text == expected
    assert kind in {span.kind for span in article.removed}
    assert_offsets_hold(article)


def test_the_dateline_keeps_its_place_in_the_removed_span() -> None:
    article = clean("SURABAYA, KOMPAS.com - Gubernur meresmikan pelabuhan.")
    dateline = next(span for span in article.removed if span.kind == "dateline")
    assert dateline.text.startswith("SURABAYA")
    assert (dateline.start, dateline.end) == (0, len("SURABAYA, KOMPAS.com - "))


def test_a_title_repeated_as_the_first_line_goes() -> None:
    article = clean(
        "Menlu Terima Dubes Jepang\nMenteri Luar Negeri menerima duta besar.",
        title="Menlu Terima Dubes Jepang",
    )
    assert article.text == "Menteri Luar Negeri menerima duta besar."
    assert article.removed[0].kind == "title"


def test_a_line_repeated_word_for_word_goes() -> None:
    line = "Kementerian menyalurkan bantuan ke lima provinsi terdampak banjir."
    article = clean(f"{line}\nBantuan tiba kemarin.\n{line}")
    assert article.text == f"{line}\nBantuan tiba kemarin."
    assert article.removed[-1].kind == "duplicate"


# --- markdown, characters, spacing ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Menteri **menegaskan** komitmennya.", "Menteri menegaskan komitmennya."),
        (
            "Kedua negara menandatangani *letter of intent* hari ini.",
            "Kedua negara menandatangani letter of intent hari ini.",
        ),
        (
            "Lihat [laporan lengkap](https://example.org/laporan) kementerian.",
            "Lihat laporan lengkap kementerian.",
        ),
        ("## Latar Belakang\n\nPerundingan dimulai 2010.", "Latar Belakang\n\nPerundingan dimulai 2010."),
        # A list item stays its own paragraph once its bullet is gone.
        (
            "Isi kerja sama:\n- pendidikan vokasi,\n- riset bersama.",
            "Isi kerja sama:\n\npendidikan vokasi,\n\nriset bersama.",
        ),
        (
            "Isi kerja sama:\n\n- Pendidikan vokasi\n- Riset bersama",
            "Isi kerja sama:\n\nPendidikan vokasi\n\nRiset bersama",
        ),
        ("> Kami siap.\n\nKata menteri.", "Kami siap.\n\nKata menteri."),
        ("Paragraf satu.\n\n* * *\n\nParagraf dua.", "Paragraf satu.\n\nParagraf dua."),
        ("PT A &amp; B meneken kontrak.", "PT A & B meneken kontrak."),
        ("Nilai&nbsp;kontrak Rp&#160;5 miliar.", "Nilai kontrak Rp 5 miliar."),
        ("Menteri\xa0tiba\u200bdi\ufeffHanoi.", "Menteri tiba di Hanoi."),
        ('Ia berkata, \\"Kami siap.\\"', 'Ia berkata, "Kami siap."'),
        # Markdown's hard break: a backslash ends the line, and a line of one backslash
        # stands where a blank line parts two paragraphs.
        ("Kontrak disepakati.\\\n\\\nNilainya Rp 5 miliar.", "Kontrak disepakati.\n\nNilainya Rp 5 miliar."),
        # HTML that markdown lets through: inline tags go, block tags part paragraphs,
        # a company in angle brackets (Reuters) is no tag.
        ("Signed on June 13<sup>th</sup>, 2024.", "Signed on June 13th, 2024."),
        ("**<u>Energy</u>:** The MOU was signed.", "Energy: The MOU was signed."),
        ('See <a href="https://example.org/mou">the MOU</a> here.', "See the MOU here."),
        ("Paragraf satu.<br>Paragraf dua.<p>Tiga.</p>", "Paragraf satu.\n\nParagraf dua.\n\nTiga."),
        ("<tr><td>Nilai</td><td>Rp 5 miliar</td></tr>", "Nilai Rp 5 miliar"),
        ("<Acme Corp> said it signed a letter of intent.", "<Acme Corp> said it signed a letter of intent."),
        (
            'They <a href="https://example.org/deal"\ntarget="_blank">reached a deal</a> with Panama.',
            "They reached a deal with Panama.",
        ),
        (
            "Sales hit their [highest level](https://example.org/?q=" + "x" * 700 + ") in May.",
            "Sales hit their highest level in May.",
        ),
        ("Dua   spasi\tdan tab.", "Dua spasi dan tab."),
        ("Baris satu.\r\nBaris dua.", "Baris satu.\nBaris dua."),
    ],
)
def test_markdown_and_characters(text: str, expected: str) -> None:
    article = clean(text)
    assert article.text == expected
    assert_offsets_hold(article)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Sentences glued where a link was stripped with its spaces.
        (
            "Pasar modal nasional.Salah satu emiten naik.",
            ["Pasar modal nasional.", "Salah satu emiten naik."],
        ),
        ("Rilis diterima Selasa .Langkah itu tepat.", ["Rilis diterima Selasa.", "Langkah itu tepat."]),
        (
            "Kunjungan ke Hanoi, Senin . Pertemuan berlangsung lancar.",
            ["Kunjungan ke Hanoi, Senin.", "Pertemuan berlangsung lancar."],
        ),
        (
            "“Kami siap,” kata Agus.Ia menambahkan rencana.",
            ["“Kami siap,” kata Agus.", "Ia menambahkan rencana."],
        ),
        (
            "Kerja sama diperkuat.“Ini babak baru,” ujarnya.",
            ["Kerja sama diperkuat.", "“Ini babak baru,” ujarnya."],
        ),
        ("Apakah sudah diteken?Belum ada kepastian.", ["Apakah sudah diteken?", "Belum ada kepastian."]),
        (
            "Sesuai regulasi yang berlaku.OJK juga meminta industri patuh.",
            ["Sesuai regulasi yang berlaku.", "OJK juga meminta industri patuh."],
        ),
        # "RI" and "PT" glued to the name they open.
        (
            "Presiden RIPrabowo Subianto tiba. PTSinar Jaya meneken kontrak.",
            ["Presiden RI Prabowo Subianto tiba.", "PT Sinar Jaya meneken kontrak."],
        ),
        # An acronym glued after a word.
        (
            "Kapolres Padang PariamanAKBP Ahmad Faisol hadir, dilansirAFP.",
            ["Kapolres Padang Pariaman AKBP Ahmad Faisol hadir, dilansir AFP."],
        ),
        # Not glue.
        # Names written so (fewer than four lower-case letters first, or listed), and codes.
        (
            "Balapan MotoGP disiarkan JakTV, ponsel memakai HarmonyOS.",
            ["Balapan MotoGP disiarkan JakTV, ponsel memakai HarmonyOS."],
        ),
        ("Videonya di youtu.be/Nw2bfsjTXhA dibagikan.", ["Videonya di youtu.be/Nw2bfsjTXhA dibagikan."]),
        # An acronym of a body's own ending in "PT".
        ("Wakil Ketua LAM-PTKes hadir.", ["Wakil Ketua LAM-PTKes hadir."]),
        # A name the gazetteer knows, though camel_words.tsv does not list it.
        (
            "Pertamina dan ExxonMobil meneken kontrak.",
            ["Pertamina dan ExxonMobil meneken kontrak."],
        ),
        (
            "Investor antara lain Protect.AI, Armis dan Kiteworks.",
            ["Investor antara lain Protect.AI, Armis dan Kiteworks."],
        ),
        ("IHSG ditutup di level 8.653 hari ini.", ["IHSG ditutup di level 8.653 hari ini."]),
        ("Biayanya Rp 1.000 per orang.", ["Biayanya Rp 1.000 per orang."]),
        ("Kantor U.S. Trade Representative menolak.", ["Kantor U.S. Trade Representative menolak."]),
        ("Rapat di PT. Maju Jaya dipimpin Dr. Ahmad.", ["Rapat di PT. Maju Jaya dipimpin Dr. Ahmad."]),
        (
            "Kabar dari Kompas.com dan www.kompas.com serupa.",
            ["Kabar dari Kompas.com dan www.kompas.com serupa."],
        ),
        ("Rapat dimulai pukul 14.05 WIB.", ["Rapat dimulai pukul 14.05 WIB."]),
        ("Tanya ke info@contoh.co.id saja.", ["Tanya ke info@contoh.co.id saja."]),
        # Spaces around quotes and punctuation.
        ("“ Itu hak mereka, ” kata Edy.", ["“Itu hak mereka,” kata Edy."]),
        ("Mereka tiba di Jakarta , Senin .", ["Mereka tiba di Jakarta, Senin."]),
        # Links cut onto their own lines (detik's layout).
        (
            "Polisi mengamankan\nsopir mobil\nitu di Bandung.",
            ["Polisi mengamankan sopir mobil itu di Bandung."],
        ),
        ("Laporan media lokal\nORF menyebut dua korban.", ["Laporan media lokal ORF menyebut dua korban."]),
        ("Dilansir\nReuters\n, Selasa, harga naik.", ["Dilansir Reuters, Selasa, harga naik."]),
        ("Badan Pusat Statistik (\nBPS\n) merilis data.", ["Badan Pusat Statistik (BPS) merilis data."]),
        # A heading stays on its own line.
        (
            "Perluas Akses Pasar Global\nPada pameran itu, tiga MoU diteken.",
            ["Perluas Akses Pasar Global", "Pada pameran itu, tiga MoU diteken."],
        ),
    ],
)
def test_spacing_repairs(text: str, expected: list[str]) -> None:
    article = clean(text)
    assert [s.text for s in article.sentences] == expected
    assert_offsets_hold(article)


def test_hard_wrapped_text_is_unwrapped() -> None:
    text = (
        "The trade ministers of the two countries met in\n"
        "Jakarta on Monday and signed a memorandum on the\n"
        "supply of rice and fertiliser for the next five\n"
        "years, officials said.\n"
        "    The agreement follows two years of talks on\n"
        "tariffs and quotas, and will be reviewed in 2027.\n"
        " Reuter\n"
    )
    article = clean(text)
    assert [s.text for s in article.sentences] == [
        "The trade ministers of the two countries met in Jakarta on Monday and signed a memorandum "
        "on the supply of rice and fertiliser for the next five years, officials said.",
        "The agreement follows two years of talks on tariffs and quotas, and will be reviewed in 2027.",
    ]
    assert_offsets_hold(article)


def test_a_markdown_hard_break_in_a_wrapped_text_ends_its_line() -> None:
    # A heading in bold with two spaces after it (markdown's hard break), then its text.
    text = (
        "The ministers of the two countries met in Jakarta\n"
        "on Monday and signed a memorandum on rice.\n"
        "\n"
        "**<u>Jane Roe, Director of Trade Policy,\n"
        "Ministry of Trade</u>**  \n"
        "Jane Roe has led the talks on tariffs and\n"
        "quotas since 2023 and will review them in 2027.\n"
    )
    article = clean(text)
    assert [s.text for s in article.sentences] == [
        "The ministers of the two countries met in Jakarta on Monday and signed a memorandum on rice.",
        "Jane Roe, Director of Trade Policy, Ministry of Trade",
        "Jane Roe has led the talks on tariffs and quotas since 2023 and will review them in 2027.",
    ]
    assert_offsets_hold(article)
    assert clean(article.text).text == article.text


# --- the article ----------------------------------------------------------------------


def test_article_fields() -> None:
    article = clean_document(
        RawDocument(
            origin="feed:3",
            id="a-1",
            title="  Menlu\xa0Terima   Dubes ",
            published="Diperbarui 18 Jun 2025, 14:05 WIB",
            text="Menteri menerima duta besar.",
            url="https://example.org/a-1",
        )
    )
    assert (article.id, article.title, article.published) == (
        "a-1",
        "Menlu Terima Dubes",
        "2025-06-18T14:05:00",
    )
    assert (article.language, article.url, article.origin) == ("id", "https://example.org/a-1", "feed:3")
    assert article.source_text == "Menteri menerima duta besar."


def test_an_article_without_id_gets_a_stable_one() -> None:
    first = clean("Menteri menerima duta besar.")
    again = clean("Menteri menerima duta besar.")
    other = clean("Menteri menerima duta besar Jepang.")
    assert first.id == again.id != other.id
    assert re.fullmatch(r"[0-9a-f]{16}", first.id)


def test_the_declared_language_wins() -> None:
    assert clean("The minister arrived in Hanoi and met his counterpart.", language="id").language == "id"
    assert clean("The minister arrived in Hanoi and met his counterpart.").language == "en"


def test_html_is_read_with_its_paragraphs() -> None:
    article = clean_document(
        RawDocument(
            origin="page",
            html="<html><body><p>Menteri tiba.</p><p>Ia disambut <b>hangat</b>.</p></body></html>",
        )
    )
    assert [s.text for s in article.sentences] == ["Menteri tiba.", "Ia disambut hangat."]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "Baca juga: Harga Emas Naik Lagi",
        "ADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT",
        "(abc/def)",
        "12.000 ... !!!",
    ],
)
def test_nothing_of_an_article_left_is_refused(text: str) -> None:
    with pytest.raises(InputRefused) as refused:
        clean(text)
    assert refused.value.origin == "test"


def test_a_document_without_text_or_html_is_refused() -> None:
    with pytest.raises(InputRefused):
        clean_document(RawDocument(origin="empty"))


# --- properties -----------------------------------------------------------------------

FIXTURES = [
    GLUED,
    "Pasar saham dibuka menguat.\nBaca juga:\nRupiah Melemah\nInvestor masuk.",
    "The talks ended.\n Reuter\n",
    # A line that is a caption only once it is spaced as cleaning leaves it ...
    "Foto: Dok. Humas Kementerian "
    + "Kedua negara meneken MoU kerja sama vokasi. " * 2
    + "Nilainya Rp 1.000 miliar, naik 8.653 poin. " * 2
    + "Lihat [laporan lengkap](https://example.org/laporan) kementerian.  ## Latar Belakang "
    + "\n\nMenteri tiba di Hanoi.",
    # ... or once the dateline before it on its line is gone.
    "Penulis: Sari Dewi\n\nJAKARTA, KOMPAS.com - "
    + "Kedua negara meneken MoU kerja sama vokasi. " * 5
    + "Foto: Dok. Humas Kementerian \n\nMenteri tiba di Hanoi.",
]


@pytest.mark.parametrize("text", FIXTURES)
def test_cleaning_is_idempotent_on_fixtures(text: str) -> None:
    once = clean(text).text
    assert clean(once).text == once


# A page as news sites build it: lines above the story, a dateline and the story, the
# story's body with teasers, ads and captions between its sentences, then what closes it.
_HEAD = st.sampled_from(["", "## Judul Berita\n", "Penulis: Sari Dewi\n\n", "**Editor: Budi**\n"])
_DATELINE = st.sampled_from(
    ["", "JAKARTA, KOMPAS.com - ", "**JAKARTA, KOMPAS.com** - ", "Jakarta (ANTARA) - "]
)
_BODY_PIECES = st.sampled_from(
    [
        "Menteri tiba di Hanoi.",
        "Kedua negara meneken MoU kerja sama vokasi.",
        "“Kami siap bekerja sama,” kata Agus.",
        "Nilainya Rp 1.000 miliar, naik 8.653 poin.",
        "Rapat dipimpin Dr. Ahmad di Jl. Merdeka No. 5.",
        "Salah satu hasilnya disepakati.",
        "Adapun perjanjian itu berlaku lima tahun.",
        "The deal was signed in the U.S. on Monday.",
        "Menteri menegaskan **komitmen** kedua negara.",
        "Lihat [laporan lengkap](https://example.org/laporan) kementerian.",
        "PT A &amp; B meneken kontrak senilai Rp\xa05 miliar.",
        "Rapat digelar Senin .Hasilnya diumumkan kemudian.",
        "Baca juga: Harga Emas Naik Tipis, Tembus 2.100",
        "Baca juga:\nRupiah Melemah di Awal Pekan",
        "ADVERTISEMENT",
        "Foto: Dok. Humas Kementerian",
        "- butir kerja sama pertama",
        "## Latar Belakang",
        # Glued the way the seed glues them.
        "Kunjungan itu penting.Baca juga: Harga Emas Naik Tipis, Tembus 2.100Pertemuan itu membahas MoU.",
        "Kerja sama diperkuat.Baca juga: Gubernur Teken MoU dengan Kampus, Wujudkan Program Presiden "
        "SantosoAdapun "
        "MoU itu berlaku lima tahun.",
        "“Kami siap,” kata Agus.Ia menambahkan rencana.",
    ]
)
_SEPARATORS = st.sampled_from([" ", "  ", "\n", "\n\n", "\n   ", " \n"])
_TAIL = st.sampled_from(
    ["", "\n(abc/def)", "\n\nBerita Terpopuler\n\n1. Artis menikah", "\nEditor: Budi", " (ant)"]
)
_NEWS_LIKE = st.builds(
    lambda head, dateline, body, tail: head + dateline + "".join(p + sep for p, sep in body) + tail,
    _HEAD,
    _DATELINE,
    st.lists(st.tuples(_BODY_PIECES, _SEPARATORS), min_size=1, max_size=10),
    _TAIL,
)


def _clean_or_none(text: str) -> Article | None:
    try:
        return clean(text)
    except InputRefused:
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_NEWS_LIKE)
def test_cleaning_news_like_text_is_idempotent_and_keeps_offsets(text: str) -> None:
    article = _clean_or_none(text)
    if article is None:
        return
    assert_offsets_hold(article)
    again = clean(article.text)
    assert again.text == article.text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_arbitrary_text_never_crashes_and_keeps_offsets(text: str) -> None:
    article = _clean_or_none(text)
    if article is None:
        return
    assert_offsets_hold(article)
    previous = (0, 0)
    for span in article.removed:
        assert previous[0] <= span.start <= span.end <= len(text)
        previous = (span.start, span.end)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["<", ">", "/", "u", "b", "td", "p", " ", "x", "<u>", "</u>", "<br>", "<a href=1>", "\n"]
        ),
        max_size=30,
    )
)
def test_tag_soup_cleans_idempotently(pieces: list[str]) -> None:
    text = "".join(pieces)
    article = _clean_or_none(text)
    if article is None:
        return
    assert_offsets_hold(article)
    assert clean(article.text).text == article.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab .,\n*#-()/“”"&;:!?BJ')), max_size=200))
def test_punctuation_soup_never_crashes(text: str) -> None:
    draft = clean_text(text)
    for start in range(len(draft.text) + 1):
        assert 0 <= draft.to_source(start) <= len(text)


# --- the real texts -------------------------------------------------------------------


def _seed_body() -> str:
    # The seed's layout: title line, blank line, timestamp line, body.
    raw = SEED.read_text(encoding="utf-8")
    _title, _blank, rest = raw.partition("\n\n")
    _timestamp, _newline, body = rest.partition("\n")
    return body


@needs_shared
def test_the_seed() -> None:
    raw = SEED.read_text(encoding="utf-8")
    article = clean(_seed_body(), title=raw.partition("\n")[0])
    texts = [s.text for s in article.sentences]
    for sentence in texts:
        for leaked in ("IHSG", "Gubernur", "Prabowo", "Ekstradisi", "Terpopuler", "prf/ega"):
            assert leaked not in sentence, sentence
    assert any(t.startswith("Pertemuan itu tidak hanya") for t in texts)
    assert any(t.startswith("Adapun MoU on Cooperation") for t in texts)
    assert_offsets_hold(article)


def _corpus(name: str) -> Iterator[RawDocument]:
    path = CORPUS / name
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            row = json.loads(line)
            yield RawDocument(
                origin=f"{name}:{number}",
                id=row.get("id"),
                title=row.get("title"),
                published=row.get("published"),
                text=row.get("text"),
                language=row.get("language") or row.get("lang"),
            )


@needs_shared
@pytest.mark.corpus
@pytest.mark.parametrize("name", ["agreements.jsonl", "id-noisy.jsonl.gz"])
def test_corpus_cleans_without_an_exception(name: str) -> None:
    cleaned = refused = 0
    for document in _corpus(name):
        try:
            article = clean_document(document)
        except InputRefused:
            refused += 1
            continue
        cleaned += 1
        assert article.sentences
    assert cleaned > 100
    assert refused < cleaned / 100

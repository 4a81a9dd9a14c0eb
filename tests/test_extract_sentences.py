"""One-sentence cases per language: status verbs, dates, offices, countries, non-agreements.

Every sentence here is our own writing. Publication time of each case: Wednesday
2025-06-18 10:00 unless the case says otherwise.
"""

from __future__ import annotations

import pytest
from tests.extraction_helpers import extract_text

# (sentence, kind, status)
ID_STATUS = [
    (
        "Kementerian Perindustrian dan Kementerian Industri Rusia menandatangani nota kesepahaman tentang industri galangan kapal.",
        "mou",
        "signed",
    ),
    (
        "Indonesia dan Jepang akan menandatangani perjanjian kerja sama energi bersih.",
        "agreement",
        "proposed",
    ),
    ("Kedua negara sedang merundingkan perjanjian perdagangan bebas.", "agreement", "negotiating"),
    (
        "Indonesia dan Peru telah menyepakati perjanjian kemitraan ekonomi komprehensif.",
        "agreement",
        "agreed",
    ),
    ("DPR meratifikasi perjanjian ekstradisi Indonesia-Singapura.", "treaty", "ratified"),
    ("Perjanjian kerja sama pariwisata Indonesia-Prancis telah berakhir pada 2016.", "agreement", "ended"),
    ("Pelaksanaan MoU tentang pendidikan vokasi dengan Jerman terus berjalan.", "mou", "implementing"),
    ("Percepatan penyelesaian MoU dengan Rusia menjadi prioritas kementerian.", "mou", "negotiating"),
    ("Nota kesepahaman dengan Vietnam itu belum ditandatangani hingga kini.", "mou", "negotiating"),
    ("PT Sinar Abadi meneken kontrak pembelian batu bara dengan perusahaan India.", "contract", "signed"),
    ("Kedua menteri menyerahkan letter of intent (LoI) tentang investasi pelabuhan.", "loi", "signed"),
    ("Kedua pemimpin mengeluarkan pernyataan bersama tentang Laut China Selatan.", "statement", "agreed"),
    ("Pemerintah berencana menjajaki perjanjian dagang dengan Mesir.", "agreement", "proposed"),
    (
        "Protokol perubahan atas perjanjian pajak berganda dengan Belanda disepakati kedua pihak.",
        "arrangement",
        "agreed",
    ),
    # A signing spoken of as a noun, its verb after the agreement looking ahead: a plan.
    (
        "Penandatanganan perjanjian induk antara PT Sinar Abadi dengan PT Laut Biru akan dilakukan pekan depan.",
        "agreement",
        "proposed",
    ),
    # "yang akan ..." says what the agreement will do, not when it is signed.
    ("Kedua pihak menandatangani MoU yang akan mempercepat hilirisasi nikel.", "mou", "signed"),
    # A plan set out in an agreement: the agreement is in effect.
    (
        "Pembelian kapal itu tertuang lewat nota kesepahaman antara PT Sinar Abadi dan PT Laut Biru.",
        "mou",
        "implementing",
    ),
    # The signing verb as news sites misspell it or space it.
    (
        "Itulah pokok kesepakatan kedua negara yang ditanda - tangani kedua menteri di Jeddah.",
        "agreement",
        "signed",
    ),
    ("PT Sinar Abadi dan PT Laut Biru menandatangangi nota kesepahaman tentang logistik.", "mou", "signed"),
    # What the agreement is for is not its stage.
    ("Kedua negara menandatangani kesepakatan untuk mengakhiri konflik perbatasan.", "agreement", "signed"),
    # "usai" ends an agreement as its predicate; before a noun or a verb it means "after".
    ("Perjanjian kerja sama perikanan dengan Vietnam itu telah usai.", "agreement", "ended"),
    ("Sebelumnya, usai Kesepakatan Manila diteken, kedua negara menarik pasukan.", "agreement", "signed"),
    # "adanya" (the existence of) an agreement: it was reached, unless something says otherwise.
    (
        "Batas wilayah itu berubah usai adanya kesepakatan bersama antara Gubernur Jambi dan Gubernur Riau.",
        "agreement",
        "agreed",
    ),
    ("Menteri mengusulkan adanya MoU khusus antara Kemenlu dan BRIN.", "mou", "proposed"),
    # Trying to sign is not signing.
    ("Perusahaan itu berupaya menjalin kerja sama dengan otoritas setempat.", "agreement", "proposed"),
    # Until it is reached, it is not; "akhirnya" (finally) says it was.
    ("Perundingan berlanjut sampai kontrak itu disepakati kedua pihak.", "contract", "proposed"),
    ("Kami terus bekerja hingga perjanjian damai itu ditandatangani.", "agreement", "proposed"),
    ("Perundingan perjanjian plastik global berakhir tanpa kesepakatan.", "agreement", "negotiating"),
    # What implementing it could bring is no implementation.
    (
        "Melalui implementasi perjanjian dagang itu, Indonesia dapat menjadi pintu gerbang logistik.",
        "agreement",
        "proposed",
    ),
    (
        "Perundingan berlangsung alot hingga akhirnya perjanjian damai itu ditandatangani.",
        "agreement",
        "signed",
    ),
    # An agreement that will end is in force until then; hope is no agreement yet.
    ("Kontrak Marquez dengan Honda akan berakhir tahun depan.", "contract", "implementing"),
    ("Nota kesepahaman kedua universitas bakal habis tahun depan.", "mou", "implementing"),
    ("Menteri optimistis kesepakatan dagang itu tercapai.", "agreement", "proposed"),
    # A target or a hope reads past a long name, and past "sudah".
    (
        "Pemerintah menargetkan negosiasi Indonesia-Andalusia Comprehensive Economic Partnership Agreement "
        "(IA-CEPA) rampung tahun ini.",
        "agreement",
        "negotiating",
    ),
    ("Untuk IA-CEPA kita harapkan Juni ini sudah selesai negosiasinya.", "agreement", "proposed"),
    # What must or needs to be done is not done yet.
    ("Kedua negara harus menandatangani perjanjian perikanan itu.", "agreement", "proposed"),
    ("Parlemen perlu meratifikasi perjanjian ekstradisi tersebut.", "treaty", "proposed"),
    ("Kami hanya tinggal harus menyelesaikan kontrak baru ini, kata promotor itu.", "contract", "proposed"),
    ("Perjanjian dagang itu seharusnya sudah ditandatangani bulan lalu.", "agreement", "proposed"),
    # Reaching an amount or a stage of the talks is no agreement reached.
    (
        "Status IA-CEPA sudah mencapai penyelesaian tahap akhir, yakni 90 persen naskah.",
        "agreement",
        "negotiating",
    ),
    ("Perundingan IA-CEPA telah mencapai kesepakatan.", "agreement", "agreed"),
]

EN_STATUS = [
    ("Indonesia and Australia signed a memorandum of understanding on maritime security.", "mou", "signed"),
    ("The two countries will sign a letter of intent on nickel processing next month.", "loi", "proposed"),
    ("Negotiators are still discussing the free trade agreement with Chile.", "agreement", "negotiating"),
    ("The Senate ratified the extradition treaty with Indonesia.", "treaty", "ratified"),
    (
        "Indonesia and Canada concluded negotiations on the comprehensive economic partnership agreement.",
        "agreement",
        "agreed",
    ),
    ("Pertamina signed a supply contract with a Japanese trading house.", "contract", "signed"),
    ("The two kingdoms signed a peace treaty to end the border war.", "treaty", "signed"),
    ("Talks will go on until a contract is signed.", "contract", "proposed"),
    # A determiner that denies the noun outweighs what else the clause says.
    ("The two banks held talks but no agreement was reached.", "agreement", "negotiating"),
    ("No supply contract has been signed yet.", "contract", "negotiating"),
    ("Talks dragged on until the supply contract was finally signed.", "contract", "signed"),
    # What can be or is hoped for has not happened; what will expire is still in force.
    ("The bankers remain hopeful that an agreement can be reached soon.", "agreement", "proposed"),
    ("The minister was optimistic about reaching a trade agreement with the bloc.", "agreement", "proposed"),
    ("Officials said the supply contract can be signed next month.", "contract", "proposed"),
    # "if", "unless" further left than "were", "is".
    ("He said that if an agreement were reached, trading would start.", "agreement", "proposed"),
    ("It will not comment unless a definitive agreement is reached.", "agreement", "proposed"),
    # "to" before the name governs the name, not the talks after it.
    (
        "The leaders reaffirmed their commitment to broader Serenia-Korinthia Trade Agreement negotiations.",
        "agreement",
        "negotiating",
    ),
    # A participle after the name is the name's: "will" is of "announce".
    ("The ministry will announce two new MOUs signed by the agencies.", "mou", "signed"),
    # What must or should be done is not done yet.
    ("Both governments must sign the fisheries agreement first.", "agreement", "proposed"),
    ("The extradition treaty should be ratified by parliament this year.", "treaty", "proposed"),
    (
        "The current rubber agreement, which will expire in October, sets a price range.",
        "agreement",
        "implementing",
    ),
]


@pytest.mark.parametrize(("sentence", "kind", "status"), ID_STATUS)
def test_indonesian_status(sentence: str, kind: str, status: str) -> None:
    (agreement,) = extract_text(sentence, lang="id")["agreements"]
    assert (agreement["kind"], agreement["status"]) == (kind, status)


@pytest.mark.parametrize(("sentence", "kind", "status"), EN_STATUS)
def test_english_status(sentence: str, kind: str, status: str) -> None:
    (agreement,) = extract_text(sentence, lang="en")["agreements"]
    assert (agreement["kind"], agreement["status"]) == (kind, status)


# (sentence, date): published Wednesday 2025-06-18
DATES = [
    ("Kedua menteri menandatangani MoU tentang perikanan pada Rabu (4/6/2025).", "2025-06-04"),
    ("Kedua menteri menandatangani MoU tentang perikanan pada Juli 2024.", "2024-07"),
    ("Kedua menteri menandatangani MoU tentang perikanan kemarin.", "2025-06-17"),
    ("Kedua menteri menandatangani MoU tentang perikanan, Senin.", "2025-06-16"),
    ("Kedua menteri menandatangani MoU tentang perikanan, Senin (16/6).", "2025-06-16"),
    ("Kedua menteri menandatangani MoU tentang perikanan pada 27-28 Mei 2025.", "2025-05-27"),
    ("Kedua menteri menandatangani MoU tentang perikanan pada 2023.", "2023"),
    ("MoU tentang perikanan ditandatangani hari ini.", "2025-06-18"),
    ("Kedua menteri menandatangani MoU tentang perikanan pada 10 hingga 12 Juni 2025.", "2025-06-10"),
    # A month or a day without its year, with words that say which one is meant.
    ("Kedua menteri menandatangani MoU tentang perikanan pada Mei.", "2025-05"),
    ("Kedua menteri menandatangani MoU tentang perikanan pada Desember lalu.", "2024-12"),
    ("Kedua menteri menandatangani MoU tentang perikanan Desember lalu.", "2024-12"),
    ("Kedua menteri menandatangani MoU tentang perikanan pada Maret lalu.", "2025-03"),
    ("Kedua menteri menandatangani MoU tentang perikanan pada 10 Juli lalu.", "2024-07-10"),
    ("Kedua menteri menandatangani MoU tentang perikanan pada Agustus tahun lalu.", "2024-08"),
    ("Kedua menteri menandatangani MoU tentang perikanan pada 3 Februari tahun lalu.", "2024-02-03"),
]

EN_DATES = [
    ("The two ministers signed a memorandum of understanding on fisheries on April 30, 1998.", "1998-04-30"),
    ("The two ministers signed a memorandum of understanding on fisheries from June 10 to 12.", "2025-06-10"),
    # A document's own date is no event's: the agreement holds as of the report.
    (
        "Under Executive Order 14257 of April 2, 2025, the two governments agreed to a framework agreement "
        "on reciprocal trade.",
        "2025-06-18",
    ),
    ("The two ministers signed a memorandum of understanding on fisheries in May.", "2025-05"),
    ("The two ministers signed a memorandum of understanding on fisheries last December.", "2024-12"),
    ("The two ministers signed a memorandum of understanding on fisheries in October last year.", "2024-10"),
]


@pytest.mark.parametrize(("sentence", "date"), DATES)
def test_dates_resolve_against_publication(sentence: str, date: str) -> None:
    (agreement,) = extract_text(sentence, lang="id")["agreements"]
    assert agreement["date"] == date


@pytest.mark.parametrize(("sentence", "date"), EN_DATES)
def test_english_dates(sentence: str, date: str) -> None:
    (agreement,) = extract_text(sentence, lang="en")["agreements"]
    assert agreement["date"] == date


def test_a_planned_signing_keeps_its_day_as_target_not_as_date() -> None:
    (agreement,) = extract_text(
        "Kedua menteri akan menandatangani MoU tentang perikanan pada Jumat (20/6).", lang="id"
    )["agreements"]
    assert agreement["status"] == "proposed"
    assert agreement["date"] == "2025-06-18"
    assert agreement["target_date"] == "2025-06-20"


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Kedua menteri akan menandatangani MoU tentang perikanan pada Mei mendatang.", "2026-05"),
        ("Kedua menteri akan menandatangani MoU tentang perikanan pada Februari tahun depan.", "2026-02"),
        ("Kedua menteri akan menandatangani MoU tentang perikanan pada Oktober mendatang.", "2025-10"),
    ],
)
def test_a_month_ahead_is_its_next_occurrence(sentence: str, target: str) -> None:
    (agreement,) = extract_text(sentence, lang="id")["agreements"]
    assert agreement["target_date"] == target


@pytest.mark.parametrize(
    ("text", "lang", "dates"),
    [
        ("Talks began last November and resume next March.", "en", ["2024-11", "2026-03"]),
        ("The pact was signed in December last year.", "en", ["2024-12"]),
        ("Perjanjian itu diteken pada Desember tahun lalu.", "id", ["2024-12"]),
        ("Pemilu digelar pada April tahun depan.", "id", ["2026-04"]),
        # The writer's "mendatang" a day before the article appeared: the same year.
        ("Konferensi digelar pada 17-18 Juni mendatang.", "id", ["2025-06-17"]),
        ("Konferensi digelar pada Juni mendatang.", "id", ["2025-06"]),
        # Markdown's en dash: a range gives its first day.
        ("KTT digelar di Kuala Lumpur, 26--28 Oktober 2025.", "id", ["2025-10-26"]),
    ],
)
def test_words_after_a_month_say_which_year(text: str, lang: str, dates: list[str]) -> None:
    from datetime import date

    from sepakat.extract.dates import find_dates

    assert [d.value.iso() for d in find_dates(text, lang, date(2025, 6, 18))] == dates


def test_no_day_without_a_publication_date() -> None:
    (agreement,) = extract_text(
        "Kedua menteri menandatangani MoU tentang perikanan, Senin (16/6).", published=None, lang="id"
    )["agreements"]
    assert agreement["date"] is None


def test_the_day_of_a_later_sentence_about_the_same_signing() -> None:
    text = (
        "Perjanjian yang kami tandatangani dengan Indonesia membuka jalan bagi produksi kapal patroli, "
        "kata menteri itu dalam keterangannya, Rabu (18/6/2025). "
        "Nota kesepahaman (MoU) tersebut diteken pada pembukaan pameran maritim di Surabaya, Senin (16/6)."
    )
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["kind"] == "mou"  # the specific noun tells what the generic one was
    assert agreement["status"] == "signed"
    assert agreement["date"] == "2025-06-16"  # not the day the minister spoke of it


def test_a_later_sentence_about_another_agreement_lends_no_day() -> None:
    text = (
        "Indonesia dan Korea Selatan menandatangani nota kesepahaman tentang baterai kendaraan listrik. "
        "Nota kesepahaman itu melengkapi perjanjian investasi yang sebelumnya diteken pada Maret 2023."
    )
    by_kind = {a["kind"]: a for a in extract_text(text, lang="id")["agreements"]}
    assert by_kind["mou"]["date"] != "2023-03"
    assert by_kind["agreement"]["date"] == "2023-03"  # the earlier agreement keeps its own day


def test_only_the_day_it_was_said_is_kept_when_there_is_no_other() -> None:
    text = (
        "Kami sudah menandatangani MoU tentang riset vaksin dengan Mesir, "
        "ujar Menteri Kesehatan dalam konferensi pers, Senin (16/6/2025)."
    )
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["date"] == "2025-06-16"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Di sela pameran otomotif itu, Astra menandatangani MoU tentang baterai dengan LG Energy, "
            "ujar juru bicaranya, Senin (16/6/2025).",
            "id",
        ),
        (
            "Pada sesi temu bisnis gelaran festival kopi, koperasi petani menandatangani perjanjian "
            "kerja sama dengan tiga pembeli. Ketiganya yaitu PT Kopi Satu, PT Kopi Dua, dan PT Kopi Tiga.",
            "id",
        ),
        (
            "Pertamina signed a memorandum of understanding on hydrogen at the trade fair, he said on Monday.",
            "en",
        ),
    ],
)
def test_a_signing_at_an_occasion_of_several_days_is_dated_by_its_month(text: str, lang: str) -> None:
    agreements = extract_text(text, lang=lang)["agreements"]
    assert agreements
    assert {a["date"] for a in agreements} == {"2025-06"}  # which day of it, the text does not say


def test_the_day_an_occasion_closed_is_not_the_day_of_its_signings() -> None:
    (agreement,) = extract_text(
        "Kementerian Pertahanan menandatangani 12 kontrak kerja sama berkat pameran alutsista "
        "yang telah resmi ditutup, Sabtu (14/6/2025).",
        lang="id",
    )["agreements"]
    assert agreement["date"] == "2025-06"


def test_a_signing_at_the_opening_of_an_occasion_is_dated_by_its_month_unless_the_day_is_named() -> None:
    (agreement,) = extract_text(
        "Presiden menyaksikan penandatanganan MoU tentang industri pertahanan di pembukaan Indo Defence 2025.",
        lang="id",
    )["agreements"]
    assert agreement["date"] == "2025-06"


def test_a_signing_at_an_occasion_on_a_day_it_names_keeps_the_day() -> None:
    (agreement,) = extract_text(
        "Pada pembukaan pameran maritim, Rabu (11/6/2025), kedua perusahaan menandatangani MoU tentang galangan kapal.",
        lang="id",
    )["agreements"]
    assert agreement["date"] == "2025-06-11"


def test_the_agreement_the_article_opens_with_is_dated_by_its_news() -> None:
    text = (
        "Menteri Kelautan mendatangi kantor Badan Riset untuk menandatangani nota kesepahaman tentang "
        "pemetaan laut. Kedua lembaga sepakat berbagi data. Menurut dia, anggaran riset naik tahun ini. "
        "Ada tiga poin yang diteken dalam nota kesepahaman tersebut."
    )
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert (agreement["status"], agreement["date"]) == ("signed", "2025-06-18")


_DATED_NAME = "Nota Kesepahaman Nomor NK/3/IV/2023 tanggal 6 April 2023"


def test_the_date_an_agreement_bears_is_its_signing_day() -> None:
    text = f"Kedua lembaga telah menandatangani {_DATED_NAME} tentang pengamanan gedung."
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert (agreement["status"], agreement["date"]) == ("signed", "2023-04-06")


def test_the_date_an_agreement_bears_does_not_date_its_implementation() -> None:
    text = (
        "Pasukan membantu pengamanan gedung kejaksaan sejak pekan lalu. "
        "Panglima menyebut pengamanan itu rutin. Jumlah personel tidak dirinci. "
        f"Perbantuan itu merupakan pelaksanaan {_DATED_NAME} antara kedua lembaga."
    )
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert (agreement["status"], agreement["date"]) == ("implementing", None)


# A report that mentions a plan in passing, far from its lead: on which day the plan was
# stated, the article does not say.
_BODY = (
    "Wali Kota meresmikan pasar ikan baru di pesisir utara, Selasa (17/6/2025). "
    "Pasar itu menampung 300 pedagang. Lantai dua dipakai untuk gudang pendingin. "
    "Parkir kendaraan berada di sisi timur. Pedagang lama mendapat tempat lebih dulu. "
    "Harga sewa kios belum diumumkan. Warga menyambut baik pasar tersebut. "
    "Jalan menuju pasar juga diperbaiki. Dinas Perikanan ikut menata saluran air. "
    "Selanjutnya, pemerintah kota akan menandatangani MoU dengan koperasi nelayan."
)


def test_a_plan_a_report_tells_in_passing_has_no_day() -> None:
    (agreement,) = extract_text(_BODY, lang="id")["agreements"]
    assert (agreement["status"], agreement["date"]) == ("proposed", None)


def test_a_plan_in_the_issuers_own_statement_is_stated_on_its_day() -> None:
    (agreement,) = extract_text(_BODY, title="Siaran Pers: Pasar Ikan Baru", lang="id")["agreements"]
    assert (agreement["status"], agreement["date"]) == ("proposed", "2025-06-17")


def test_a_plan_in_the_transcript_of_a_press_conference_is_stated_on_its_day() -> None:
    text = (
        "Well, thank you all for coming.\n"
        "I can confirm that a memorandum of understanding between Australia and Indonesia on "
        "fisheries will be signed next week by the two ministers."
    )
    title = "Jakarta: transcript of press conference with the Prime Minister"
    (agreement,) = extract_text(text, published="2002-02-07", title=title, lang="en")["agreements"]
    assert (agreement["status"], agreement["date"]) == ("proposed", "2002-02-07")


@pytest.mark.parametrize(
    "plan",
    [
        "Pada kesempatan itu, pemerintah kota akan menandatangani MoU dengan koperasi nelayan.",
        "Wali Kota juga menyampaikan rencana MoU dengan koperasi nelayan.",
    ],
)
def test_a_plan_stated_at_the_event_the_article_reports_is_dated_by_it(plan: str) -> None:
    text = _BODY.replace(
        "Selanjutnya, pemerintah kota akan menandatangani MoU dengan koperasi nelayan.", plan
    )
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert (agreement["status"], agreement["date"]) == ("proposed", "2025-06-17")


@pytest.mark.parametrize(
    "text",
    [
        "Badan Otorita mencatatkan ada sebanyak 40 investor menandatangani kerja sama pembangunan kawasan industri.",
        "Ada 40 investor yang sudah menandatangani kerja sama pembangunan kawasan industri.",
    ],
)
def test_signings_counted_up_to_now_have_no_one_day(text: str) -> None:
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert (agreement["status"], agreement["date"]) == ("signed", None)


def test_the_next_sentence_about_the_signing_gives_its_day() -> None:
    text = (
        "Kerja sama itu dikukuhkan melalui penandatanganan nota kesepahaman tentang pelabuhan hijau. "
        "Penandatanganan disaksikan kedua kepala negara di Bogor, Senin (16/6/2025)."
    )
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["date"] == "2025-06-16"


def test_a_separate_instrument_is_its_own_agreement() -> None:
    text = (
        "Kedua menteri menandatangani nota kesepahaman tentang kawasan industri hijau. "
        "Penyimpanan karbon diatur dalam MoU tersendiri yang akan diteken bulan depan."
    )
    assert len(extract_text(text, lang="id")["agreements"]) == 2


def test_a_sentence_repeated_word_for_word_states_nothing_new() -> None:
    once = "Kedua menteri menandatangani nota kesepahaman tentang kawasan industri hijau di Batam. "
    twice = once + "Penyimpanan karbon diatur dalam MoU tersendiri yang akan diteken bulan depan. "
    assert len(extract_text(twice * 3, lang="id")["agreements"]) == 2


@pytest.mark.parametrize(
    ("sentence", "lang", "name"),
    [
        ("Indonesia dan Kanada telah menandatangani ICA-CEPA pada Desember 2024.", "id", "ICA-CEPA"),
        ("Indonesia and Canada signed the ICA-CEPA in December 2024.", "en", "ICA-CEPA"),
        ("The United States, Canada and Mexico signed NAFTA in 1992.", "en", "NAFTA"),
        # The kind's own acronym alone is no name, and a plain noun after it is no subject.
        ('"Kalau CEPA insya Allah bisa diselesaikan tahun depan," kata menteri.', "id", None),
    ],
)
def test_a_trade_agreements_acronym_is_its_name(sentence: str, lang: str, name: str | None) -> None:
    (agreement,) = extract_text(sentence, lang=lang)["agreements"]
    assert agreement["name"] == name


@pytest.mark.parametrize(
    "sentence",
    [
        "The actor won a BAFTA, the studio announced.",
        "The ministers of EFTA agreed to meet again.",
        "The agency finalized its NEPA rules.",
        "Tariffs announced under IEEPA were struck down.",
    ],
)
def test_acronyms_that_close_other_names_are_no_agreements(sentence: str) -> None:
    assert extract_text(sentence, lang="en")["agreements"] == []


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Perundingan resmi IEU-CEPA diluncurkan pada 18 Juli 2016 oleh kedua menteri.", "id"),
        ("Negotiations on the IEU-CEPA were launched in July 2016.", "en"),
        ("The two leaders launched negotiations on a free trade agreement.", "en"),
    ],
)
def test_launched_talks_are_negotiations_not_an_agreement(sentence: str, lang: str) -> None:
    (agreement,) = extract_text(sentence, lang=lang)["agreements"]
    assert agreement["status"] == "negotiating"


@pytest.mark.parametrize(
    ("sentence", "lang", "name", "status"),
    [
        (
            "Menteri mengapresiasi tim perunding atas diselesaikannya secara substantif Perundingan I-EAEU FTA.",
            "id",
            "I-EAEU FTA",
            "agreed",
        ),
        (
            "Sementara Perundingan Indonesia-EAEU FTA diluncurkan pada 5 Desember 2022.",
            "id",
            "Indonesia-EAEU FTA",
            "negotiating",
        ),
        (
            "Menteri menjelaskan perundingan Indonesia-EU CEPA diluncurkan pada 18 Juli 2016.",
            "id",
            "Indonesia-EU CEPA",
            "negotiating",
        ),
        ("Perundingan IEU-CEPA telah rampung.", "id", "IEU-CEPA", "agreed"),
        (
            "United States and EU Reach Agreement to Address Shared Challenges",
            "en",
            "Agreement to Address Shared Challenges",
            "agreed",
        ),
        (
            "The two countries signed the U.S.-Indonesia Trade and Investment Framework Agreement in 1996.",
            "en",
            "U.S.-Indonesia Trade and Investment Framework Agreement",
            "signed",
        ),
    ],
)
def test_the_talks_and_their_end_are_no_part_of_the_name(
    sentence: str, lang: str, name: str, status: str
) -> None:
    (agreement,) = extract_text(sentence, lang=lang)["agreements"]
    assert (agreement["name"], agreement["status"]) == (name, status)


def test_a_name_written_with_a_slash_is_whole() -> None:
    (agreement,) = extract_text(
        "They reaffirmed their support for the Belfast/Good Friday Agreement signed in 1998.", lang="en"
    )["agreements"]
    assert agreement["name"] == "Belfast/Good Friday Agreement"


def test_a_law_named_with_an_agreements_noun_is_no_agreement() -> None:
    assert (
        extract_text("Veterans benefit from the PACT Act signed by the President.", lang="en")["agreements"]
        == []
    )


def test_and_between_two_instruments_joins_no_name() -> None:
    names = [
        a["name"]
        for a in extract_text(
            "Iran signed the Comprehensive Safeguards Agreement and Additional Protocol with the agency.",
            lang="en",
        )["agreements"]
    ]
    assert "Comprehensive Safeguards Agreement and Additional Protocol" not in names


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        (
            "The two countries agreed to a Framework for negotiating an Agreement on Reciprocal Trade.",
            "negotiating",
        ),
        ("The two countries plan to sign an agreement on fisheries.", "proposed"),
    ],
)
def test_to_looks_ahead_only_before_a_verb(sentence: str, status: str) -> None:
    (agreement,) = extract_text(sentence, lang="en")["agreements"]
    assert agreement["status"] == status


def test_a_launched_agreement_is_agreed() -> None:
    (agreement,) = extract_text(
        "The two countries launched the Blue Economy Partnership Agreement.", lang="en"
    )["agreements"]
    assert agreement["status"] == "agreed"


def test_a_word_of_the_name_does_not_modify_the_verb_after_it() -> None:
    # "Plan" is a name word here, not a plan: the arrangement was agreed.
    (agreement,) = extract_text(
        "They welcomed the progress made on the Joint Plan of Action agreed at the meeting in Canberra.",
        lang="en",
    )["agreements"]
    assert agreement["status"] == "agreed"


@pytest.mark.parametrize(
    ("sentence", "name", "status"),
    [
        (
            "Kesepakatan damai tidak tercapai karena ganti rugi dinilai kurang.",
            "Kesepakatan damai",
            "negotiating",
        ),
        ("Dalam surat perjanjian damai tidak tertulis nominal yang disepakati.", "perjanjian damai", None),
    ],
)
def test_negation_ends_a_name_and_stays_the_verbs(sentence: str, name: str, status: str | None) -> None:
    agreements = extract_text(sentence, lang="id")["agreements"]
    assert all(a["name"] in (None, name) for a in agreements)
    if status:
        assert [a["status"] for a in agreements] == [status]


def test_one_trade_pact_named_in_two_languages_is_one_agreement() -> None:
    text = (
        "Kedua presiden membahas perjanjian kawasan perdagangan bebas antara Indonesia dengan Uni Ekonomi "
        "Eurasia. Menurut Menko Perekonomian, pembahasan FTA EAEU memasuki putaran terakhir."
    )
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["status"] == "negotiating"


def test_pacts_with_other_countries_stay_apart() -> None:
    text = "Indonesia merundingkan FTA dengan Kanada. Selain itu, perjanjian perdagangan bebas dengan Peru dibahas."
    assert len(extract_text(text, lang="id")["agreements"]) == 2


def test_a_short_name_that_points_back_is_the_longer_one() -> None:
    text = (
        "Kemdiktisaintek menandatangani Perjanjian Pelaksanaan (Implementing Agreement) dengan lembaga riset "
        "Prancis. Penandatanganan Perjanjian Pelaksanaan tersebut mencerminkan komitmen Indonesia dan Prancis."
    )
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["name"] == "Perjanjian Pelaksanaan (Implementing Agreement)"


@pytest.mark.parametrize(
    "sentence",
    [
        "Presiden akan menyaksikan penandatanganan MoU tentang energi.",
        "Trump dijadwalkan menyaksikan penandatanganan perjanjian damai antara Thailand dan Kamboja.",
    ],
)
def test_a_signing_someone_will_witness_is_ahead(sentence: str) -> None:
    (agreement,) = extract_text(sentence, lang="id")["agreements"]
    assert agreement["status"] == "proposed"


def test_a_signing_witnessed_is_signed() -> None:
    (agreement,) = extract_text("Presiden menyaksikan penandatanganan MoU tentang energi.", lang="id")[
        "agreements"
    ]
    assert agreement["status"] == "signed"


def test_a_signing_being_explored_is_proposed() -> None:
    (agreement,) = extract_text(
        "Indonesia dan Rumania sepakat menjajaki penandatanganan MoU di bidang pendidikan tinggi.", lang="id"
    )["agreements"]
    assert agreement["status"] == "proposed"


def test_the_nouns_own_short_form_does_not_end_its_name() -> None:
    (agreement,) = extract_text(
        "Kedua rektor menandatangani Memorandum of Understanding (MoU) tentang Pertukaran Dosen.", lang="id"
    )["agreements"]
    assert agreement["name"] == "Memorandum of Understanding (MoU) tentang Pertukaran Dosen"


@pytest.mark.parametrize(
    ("sentence", "lang", "name"),
    [
        (
            "Canada and Peru signed the Treaty of Friendship, Commerce, and Navigation on Monday.",
            "en",
            "Treaty of Friendship, Commerce, and Navigation",
        ),
        (
            "Kedua menteri menandatangani Joint Declaration on Culture, Tourism and Sport di Jakarta.",
            "id",
            "Joint Declaration on Culture, Tourism and Sport",
        ),
        # A country after the comma is the sentence going on, not the name's list.
        (
            "After they signed the Agreement on Trade, Japan and Peru cut tariffs on fish.",
            "en",
            "Agreement on Trade",
        ),
        # An Indonesian list ends with "dan": the clause goes on, not the name.
        (
            "Kedua pihak menandatangani MoU tentang Energi, Menteri Bahlil dan Menteri Tan See Leng hadir.",
            "id",
            "MoU tentang Energi",
        ),
    ],
)
def test_a_title_case_list_continues_a_name_only_when_it_is_one(sentence: str, lang: str, name: str) -> None:
    (agreement,) = extract_text(sentence, lang=lang)["agreements"]
    assert agreement["name"] == name


@pytest.mark.parametrize(
    ("sentence", "lang", "name", "kind"),
    [
        (
            "Indonesia dan Uni Eropa mencapai kesepakatan politik atas perjanjian IEU-CEPA di Brussel.",
            "id",
            "perjanjian IEU-CEPA",
            "agreement",
        ),
        (
            "The two sides reached agreement on a new fisheries treaty in Canberra on Monday.",
            "en",
            None,
            "treaty",
        ),
    ],
)
def test_an_agreement_reached_on_an_instrument_is_that_instrument(
    sentence: str, lang: str, name: str | None, kind: str
) -> None:
    (agreement,) = extract_text(sentence, lang=lang)["agreements"]
    assert (agreement["name"], agreement["kind"], agreement["status"]) == (name, kind, "agreed")


@pytest.mark.parametrize(
    ("sentence", "lang", "name"),
    [
        (
            "Perjanjian damai antara Thailand dan Kamboja yang akan disebut sebagai Kesepakatan Kuala Lumpur "
            "ditandatangani pada Minggu.",
            "id",
            "Kesepakatan Kuala Lumpur",
        ),
        (
            "The peace agreement between Thailand and Cambodia, to be called the Kuala Lumpur Accord, "
            "was signed on Sunday.",
            "en",
            "Kuala Lumpur Accord",
        ),
    ],
)
def test_the_name_an_agreement_is_called_by_is_its_name_not_another_agreement(
    sentence: str, lang: str, name: str
) -> None:
    (agreement,) = extract_text(sentence, lang=lang)["agreements"]
    assert (agreement["name"], agreement["status"]) == (name, "signed")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # "U.S." keeps its dot: the name goes on to the other party.
        (
            "The two sides signed a Memorandum of Understanding between the U.S. Department of Energy and the "
            "Indonesian Ministry of Energy and Mineral Resources.",
            "Memorandum of Understanding between the U.S. Department of Energy and the Indonesian Ministry of "
            "Energy and Mineral Resources",
        ),
        # "in order to" starts a purpose, not more of the name.
        (
            "The two leaders welcomed the signing of an MOU on counterterrorism cooperation in order to deepen "
            "ties between Indonesia and the United States.",
            "MOU on counterterrorism cooperation",
        ),
        # A word that joins the name to what follows is no end of it.
        (
            "In June, Japan signed the Accord on Support for Ukraine and Cooperation between the government "
            "of Japan and Ukraine.",
            "Accord on Support for Ukraine and Cooperation",
        ),
        ("The two states ratified the Treaty of Amity—the first such pact in the region.", "Treaty of Amity"),
        # A name written in parentheses, and only it.
        (
            "Ministers reviewed talks under the GATT (General Agreement on Tariffs and Trade) in Geneva.",
            "General Agreement on Tariffs and Trade",
        ),
        # A verb or a clause after the name's topic is no more of it.
        (
            "Failure to reach an agreement on coffee quotas means new legislation is needed, analysts said.",
            "agreement on coffee quotas",
        ),
        (
            "EC ministers reached an agreement on cutting dairy output puts farmers in an impossible situation.",
            "agreement on cutting dairy output",
        ),
        (
            "The United States will not impose a deal between the two factions unless both sides agree.",
            "deal between the two factions",
        ),
    ],
)
def test_english_names_read_through_abbreviations_and_stop_at_a_purpose(sentence: str, name: str) -> None:
    (agreement,) = extract_text(sentence, lang="en")["agreements"]
    assert agreement["name"] == name


def test_a_party_keeps_the_dots_of_its_abbreviation_and_loses_its_article() -> None:
    (agreement,) = extract_text("The U.S. and UAE signed an AI agreement today.", lang="en")["agreements"]
    assert agreement["parties"] == ["U.S.", "UAE"]


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        # A company written with its country or its parent is the company.
        (
            "Lamar Oil signed a production sharing contract with Indonesia's Pertamina.",
            ["Lamar Oil", "Pertamina"],
        ),
        (
            "Orion Air signed a services agreement with Delta Holding Corp’s Coastline Airways.",
            ["Orion Air", "Coastline Airways"],
        ),
        # An owner before a common noun is the party, without the "'s".
        (
            "The firm signed a supply agreement with Delta Holding Corp's telephone unit.",
            ["Delta Holding Corp"],
        ),
        ("The minister concluded an agreement with Jamaica's creditor banks.", ["Jamaica"]),
        # A state's body of a generic name keeps its state; names with "'s" of their own stay.
        (
            "The firm signed an agreement with Vietnam's Ministry of Transport.",
            ["Vietnam's Ministry of Transport"],
        ),
        ("The bank signed a loan agreement with People's Bank of China.", ["People's Bank of China"]),
    ],
)
def test_a_party_written_with_its_owner(sentence: str, parties: list[str]) -> None:
    (agreement,) = extract_text(sentence, lang="en")["agreements"]
    assert agreement["parties"] == parties


def test_a_joint_press_statement_after_a_meeting_is_no_instrument() -> None:
    text = (
        '"Kami membuka penerbangan langsung," ujar Presiden dalam pernyataan bersama usai pertemuan '
        "dengan Presiden Peru di Lima, Kamis (19/6/2025)."
    )
    assert extract_text(text, lang="id")["agreements"] == []
    # The leaders' declaration itself is one.
    declared = "Dalam pernyataan bersama kedua kepala negara, Presiden RI dan Presiden Peru menegaskan kerja sama riset."
    assert [a["kind"] for a in extract_text(declared, lang="id")["agreements"]] == ["statement"]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # A government named is a party; a generic word alone is none.
        (
            "Pemerintah Indonesia dan Pemerintah Jepang menandatangani MoU energi.",
            [["Pemerintah Indonesia", "Pemerintah Jepang"]],
        ),
        ("Kedua negara menandatangani MoU energi.", [[]]),
        # One instrument with each of several counterparties: each item its own.
        (
            "Selanjutnya, PKS (perjanjian kerja sama) akan diteken dengan Pemerintah Kota Bogor, Pemerintah Kabupaten Garut "
            "dan Pemerintah Kabupaten Sumedang.",
            [["Pemerintah Kota Bogor"], ["Pemerintah Kabupaten Garut"], ["Pemerintah Kabupaten Sumedang"]],
        ),
    ],
)
def test_parties_as_written(text: str, parties: list[list[str]]) -> None:
    assert [a["parties"] for a in extract_text(text, lang="id")["agreements"]] == parties


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        # Pacts known by their acronym alone.
        ("Australia membeli kapal selam nuklir lewat pakta AUKUS yang disepakati pada 2021.", "id", "AUKUS"),
        ("The USMCA entered into force in 2020.", "en", "USMCA"),
        # "The" opening a sentence is the article of a title, as "the" is.
        ("The Agreement on Reciprocal Trade was signed on Monday.", "en", "Agreement on Reciprocal Trade"),
    ],
)
def test_names_known_by_acronym_or_opening_a_sentence(text: str, lang: str, name: str) -> None:
    assert [a["name"] for a in extract_text(text, lang=lang)["agreements"]] == [name]


def test_a_verb_right_after_another_agreement_is_that_ones() -> None:
    text = (
        "The two countries agreed on a framework for the Agreement on Reciprocal Trade on Tuesday. "
        "The Agreement on Reciprocal Trade will build upon our relationship, including the "
        "U.S.-Peru Trade Promotion Agreement, signed in 2006."
    )
    found = {a["name"]: (a["status"], a["date"]) for a in extract_text(text, lang="en")["agreements"]}
    assert found["U.S.-Peru Trade Promotion Agreement"] == ("signed", "2006")
    assert found["Agreement on Reciprocal Trade"][1] != "2006"


def test_a_bare_agreement_of_other_countries_is_another_one() -> None:
    text = (
        "Australia, the UK and the US signed the AUKUS pact in 2021. Both leaders voiced concern over "
        "the recent Chile-Peru security agreement, which was concluded in secret."
    )
    found = [(a["name"], a["countries"]) for a in extract_text(text, lang="en")["agreements"]]
    assert found == [("AUKUS", ["AUS", "GBR", "USA"]), (None, ["CHL", "PER"])]


def test_to_that_end_ends_nothing() -> None:
    text = "To that end, both sides hailed the memorandum of understanding on fisheries."
    assert [a["status"] for a in extract_text(text, lang="en")["agreements"]] != ["ended"]


def test_a_closing_quote_is_no_part_of_a_name() -> None:
    text = "“Kita sudah menandatangani perjanjian Indonesia European Union CEPA,” kata Presiden."
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["name"] == "perjanjian Indonesia European Union CEPA"


def test_an_amount_is_no_part_of_a_name() -> None:
    text = "Gubernur menyaksikan penandatanganan kontrak Rp2,62 triliun untuk proyek pengendalian banjir."
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert (agreement["name"], agreement["kind"], agreement["status"]) == (None, "contract", "signed")


def test_a_titled_agreement_on_a_topic_keeps_its_title() -> None:
    (agreement,) = extract_text(
        "The United States and Malaysia signed the Agreement on Reciprocal Trade on Sunday.", lang="en"
    )["agreements"]
    assert agreement["name"] == "Agreement on Reciprocal Trade"


# (sentence, name, role, country)
PEOPLE = [
    # A rank or a form of address between an office and the name is no part of the office.
    (
        "Kapolres Metro Jakarta Selatan Kombes Pol Ade Ary Syam mengatakan kasus itu ditangani.",
        "Ade Ary Syam",
        "Kapolres Metro Jakarta Selatan",
        "IDN",
    ),
    ("Ketua MA Sunarto mengatakan putusan itu final.", "Sunarto", "Ketua MA", "IDN"),
    # A Balinese name opens with "I" or "Ni"; "Komisi I" is a roman numeral.
    (
        "Wali Kota Denpasar, I Gusti Ngurah Jaya, mengatakan kerja sama itu berjalan baik.",
        "I Gusti Ngurah Jaya",
        "Wali Kota Denpasar",
        "IDN",
    ),
    (
        "Presiden IOI, I Made Dana M. Tangkas, mengatakan prototipe siap.",
        "I Made Dana M. Tangkas",
        "Presiden IOI",
        "IDN",
    ),
    (
        "Ketua Komisi I DPR Budi Santoso menyambut Rektor Ni Luh Putu Sari.",
        "Ni Luh Putu Sari",
        "Rektor",
        "IDN",
    ),
    (
        "Ketua Komisi I DPR Budi Santoso menyambut Rektor Ni Luh Putu Sari.",
        "Budi Santoso",
        "Ketua Komisi I DPR",
        "IDN",
    ),
    (
        "Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Jepang Takeshi Iwaya di Tokyo.",
        "Takeshi Iwaya",
        "Menteri Luar Negeri Jepang",
        "JPN",
    ),
    (
        "Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Jepang Takeshi Iwaya di Tokyo.",
        "Sugiono",
        "Menteri Luar Negeri",
        "IDN",
    ),
    ("“Kami siap membantu,” kata Budi Gunadi di Jakarta.", "Budi Gunadi", None, "IDN"),
    (
        "Duta Besar RI untuk Rusia, Jose Tavares, mengatakan hubungan kedua negara erat.",
        "Jose Tavares",
        None,
        None,
    ),
    (
        "Menperin Agus Gumiwang Kartasasmita meninjau pabrik baja di Cilegon.",
        "Agus Gumiwang Kartasasmita",
        "Menperin",
        "IDN",
    ),
    (
        "Presiden Rusia Vladimir Putin menerima Presiden Prabowo Subianto di Kremlin.",
        "Vladimir Putin",
        "Presiden Rusia",
        "RUS",
    ),
    # An ambassador serves the country that sends them, not the one they are posted to.
    (
        "Duta Besar Indonesia untuk Mesir Lutfi Rauf mengatakan KBRI terus memantau.",
        "Lutfi Rauf",
        "Duta Besar Indonesia untuk Mesir",
        "IDN",
    ),
    (
        "Duta Besar Jepang untuk Indonesia Masaki Yasushi bertemu Menteri Luar Negeri Sugiono.",
        "Masaki Yasushi",
        "Duta Besar Jepang untuk Indonesia",
        "JPN",
    ),
    # The head of a unit, the unit and its body, a rank, the name.
    (
        "Kabid Humas Polda Metro Jaya Kombes Ade Susanto mengatakan tersangka sudah ditangkap.",
        "Ade Susanto",
        "Kabid Humas Polda Metro Jaya",
        "IDN",
    ),
    (
        "Hal itu dikonfirmasi Kasubdit Renakta Ditreskrimum Polda Jatim AKBP Rudi Hartono.",
        "Rudi Hartono",
        "Kasubdit Renakta Ditreskrimum Polda Jatim",
        "IDN",
    ),
    # Given names that office names hold too ("Jaksa Agung"), and the Balinese "Anak Agung".
    (
        "Hal itu dikonfirmasi oleh Direktur Siber Polda Bali, Kombes Rizki Agung Prakoso, Minggu.",
        "Rizki Agung Prakoso",
        "Direktur Siber Polda Bali",
        "IDN",
    ),
    (
        "Kepala Dinas Pendidikan Denpasar Anak Agung Gede Wiratama membuka acara itu.",
        "Anak Agung Gede Wiratama",
        "Kepala Dinas Pendidikan Denpasar",
        "IDN",
    ),
]


@pytest.mark.parametrize(("sentence", "name", "role", "country"), PEOPLE)
def test_people_with_offices(sentence: str, name: str, role: str | None, country: str | None) -> None:
    people = {p["name"]: p for p in extract_text(sentence, lang="id")["people"]}
    assert name in people
    if role is not None:
        assert people[name]["role"] == role
    if country is not None:
        assert people[name]["country"] == country


def test_a_word_a_stripped_link_glued_to_a_name_is_no_part_of_it() -> None:
    text = (
        "Presiden Rusia Vladimir Putin tiba di Jakarta. Prabowo menyambut Vladimir Putinserta rombongan. "
        "Penyidik senior Novel Baswedan hadir. Tampak Natasha Wilonadan Rionaldo Stockhorst di lokasi, "
        "sementara Natasha Wilona tersenyum."
    )
    names = {p["name"] for p in extract_text(text, lang="id")["people"]}
    assert {"Vladimir Putin", "Novel Baswedan", "Natasha Wilona"} <= names
    assert not any(n.endswith(("serta", "dan")) and n != "Novel Baswedan" for n in names)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "hari ini" glued, and the name written alone elsewhere.
        (
            "Gubernur Lampung Rudi Santosahari ini meresmikan pasar. Rudi Santosa tiba pukul 09.00.",
            "Rudi Santosa",
        ),
        # A long word glued to a surname the name lexicon knows, the name written once.
        ("Ketua panitia Dedy Setiawanmenanggapi keluhan warga di Bogor.", "Dedy Setiawan"),
        ("Koki terkenal Devina Hermawankembali membagikan resep sayur.", "Devina Hermawan"),
    ],
)
def test_a_long_word_glued_to_a_known_surname_is_cut_off(text: str, name: str) -> None:
    names = [p["name"] for p in extract_text(text, lang="id")["people"]]
    assert names == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A long verb, its prefix written, glued to a name no list knows.
        (
            "Ketua panitia Aryo Wicaksono Djojohadikusumomengungkapkan rencana itu.",
            "Aryo Wicaksono Djojohadikusumo",
        ),
        ("Warga menyambut Gusti Irwan Wibowodisambut meriah di Solo.", "Gusti Irwan Wibowo"),
    ],
)
def test_a_long_verb_glued_to_a_name_is_cut_off(text: str, name: str) -> None:
    names = [p["name"] for p in extract_text(text, lang="id")["people"]]
    assert name in names
    assert not any(n.endswith(("mengungkapkan", "disambut")) for n in names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # An ordinary word glued to a name the article also writes alone.
        (
            "Pelatih Rudi Kurniawantidak hadir di Bandung. Menurut asisten, Kurniawan sedang sakit, kata Ketua Ahmad Yani.",
            ["Rudi Kurniawan", "Ahmad Yani"],
        ),
        (
            "Menteri Sosial Sarah Wirantiketika itu menangis. Wiranti lalu tersenyum, ujar Manajer Budi Santosa.",
            ["Sarah Wiranti", "Budi Santosa"],
        ),
        # A name that ends in a word is whole; so is a patronymic.
        (
            "Anggota Komisi III Hasbiallah Ilyas mengatakan revisi itu rampung. Hasbi hadir, kata Ketua Rudi Hasibuan.",
            None,
        ),
        ("Ketua Umum Diah Soekarnoputri hadir. Soekarno dikenang, kata Sekjen Rudi Hasibuan.", None),
    ],
)
def test_an_ordinary_word_glued_to_a_name_written_alone_is_cut_off(
    text: str, names: list[str] | None
) -> None:
    found = [p["name"] for p in extract_text(text, lang="id")["people"]]
    if names is not None:
        assert found == names
    assert not any(n.endswith(("tidak", "ketika")) for n in found)
    assert "Hasbiallah Ilyas" in found or "Hasbiallah" not in text
    assert "Diah Soekarnoputri" in found or "Soekarnoputri" not in text


@pytest.mark.parametrize(
    ("sentence", "role", "country"),
    [
        (
            "The pact should lapse, Indonesian Mines and Energy Minister Rudi Hartono told reporters.",
            "Indonesian Mines and Energy Minister",
            "IDN",
        ),
        (
            "Indonesia's Energy Minister Rudi Hartono said the pact should lapse.",
            "Indonesia's Energy Minister",
            "IDN",
        ),
        ("Canadian Trade Minister Rudi Hartono visited Jakarta.", "Canadian Trade Minister", "CAN"),
    ],
)
def test_an_english_office_takes_the_country_before_it(sentence: str, role: str, country: str) -> None:
    (person,) = extract_text(sentence, lang="en")["people"]
    assert (person["name"], person["role"], person["country"]) == ("Rudi Hartono", role, country)


def test_an_office_does_not_reach_across_another_name_to_a_country() -> None:
    people = extract_text(
        "The Prime Minister of the Kingdom of Thailand Srettha Thavisin and Deputy Prime Minister Parnpree "
        "Bahiddha-nukara met the delegation.",
        lang="en",
    )["people"]
    roles = {p["name"]: p["role"] for p in people}
    assert "Thailand" not in (roles.get("Parnpree Bahiddha-nukara") or "")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # An office that names no country, in a story about one other state only.
        (
            "Pembicaraan damai antara pemerintah Filipina dan kelompok pemberontak di Oslo kembali gagal. "
            "Juru bicara Carlos Dizon mengatakan pihaknya masih menunggu sikap pemberontak. "
            "Filipina berharap perundingan dilanjutkan bulan depan.",
            "PHL",
        ),
        # ... in a story about two other states: which one, the text does not say.
        (
            "Amerika Serikat dan Tiongkok kembali berselisih soal tarif. Juru bicara Daniel Moore "
            "mengatakan kedua negara perlu berunding. Tiongkok menolak tuduhan itu, sementara Amerika "
            "Serikat menaikkan tarif.",
            None,
        ),
        # ... in a story about a bloc only: blocs are no home country.
        (
            "Negara-negara ASEAN sepakat memperkuat pendidikan tinggi. Juru bicara Carlos Dizon mengatakan "
            "ASEAN perlu program pertukaran. ASEAN akan bersidang lagi tahun depan.",
            "IDN",
        ),
        # ... in a story that is about Indonesia too.
        (
            "Indonesia dan Filipina membahas perbatasan laut. Juru bicara Carlos Dizon "
            "mengatakan pembahasan berjalan baik. Indonesia dan Filipina berharap kesepakatan tercapai.",
            "IDN",
        ),
    ],
)
def test_an_office_without_a_country_takes_the_country_the_story_is_about(
    text: str, country: str | None
) -> None:
    (person,) = extract_text(text, lang="id")["people"]
    assert person["country"] == country


@pytest.mark.parametrize(
    ("text", "lang", "people"),
    [
        # A list of office holders: each office goes with the name after it.
        (
            "President of the United States of America Joseph R. Biden Jr., President of the Republic of "
            "Indonesia Joko Widodo, and President of the European Commission Ursula von der Leyen issued the "
            "following statement.",
            "en",
            [
                ("Joseph R. Biden Jr.", "President of the United States of America", "USA"),
                ("Joko Widodo", "President of the Republic of Indonesia", "IDN"),
                ("Ursula von der Leyen", "President of the European Commission", "EU"),
            ],
        ),
        (
            "Menteri Dalam Negeri Tito Karnavian, Gubernur Sumut Bobby Nasution dan Gubernur Aceh Muzakir Manaf hadir.",
            "id",
            [
                ("Tito Karnavian", "Menteri Dalam Negeri", "IDN"),
                ("Bobby Nasution", "Gubernur Sumut", "IDN"),
                ("Muzakir Manaf", "Gubernur Aceh", "IDN"),
            ],
        ),
        # A name with its office before it is one of a list: the next office is the next name's.
        (
            "Secretary of State Antony Blinken, Secretary of the Treasury Janet Yellen, and U.S. Trade "
            "Representative Katherine Tai attended.",
            "en",
            [
                ("Antony Blinken", "Secretary of State", "USA"),
                ("Janet Yellen", "Secretary of the Treasury", "USA"),
                ("Katherine Tai", "U.S. Trade Representative", "USA"),
            ],
        ),
        # A portfolio word belongs to the office, not to the name after it.
        (
            "Secretary of the Treasury Janet Yellen met the Indonesian finance minister.",
            "en",
            [("Janet Yellen", "Secretary of the Treasury", "USA")],
        ),
        # An Indonesian title for a well-known foreign minister does not make him Indonesian.
        (
            "Menteri Perdagangan Howard Lutnick mengatakan tarif akan turun.",
            "id",
            [("Howard Lutnick", "Menteri Perdagangan", "USA")],
        ),
    ],
)
def test_offices_in_a_list_and_well_known_foreigners(
    text: str, lang: str, people: list[tuple[str, str, str | None]]
) -> None:
    found = [(p["name"], p["role"], p["country"]) for p in extract_text(text, lang=lang)["people"]]
    assert found == people


def test_a_lone_word_that_said_something_is_a_body_in_english_news() -> None:
    text = "Interest rates will stay where they are, Bundesbank said on Monday. Output rose, Ecopetrol said."
    assert extract_text(text, lang="en")["people"] == []


def test_a_lone_surname_with_an_honorific_is_a_person_in_english_news() -> None:
    text = "Mr. Ano and the visiting delegation discussed the coming visit, a spokesman said."
    assert [p["name"] for p in extract_text(text, lang="en")["people"]] == ["Ano"]


def test_a_name_before_center_or_foundation_is_a_bodys() -> None:
    text = "The Woodrow Wilson Center and the Elizabeth Dole Foundation hosted the event in Washington."
    assert extract_text(text, lang="en")["people"] == []
    # Places, programmes and laws named after people are no people either.
    text = (
        "Reporters met in the James S. Brady Press Briefing Room after the Francis Scott Key Bridge "
        "reopened and the Vera C. Rubin Observatory released its images."
    )
    assert extract_text(text, lang="en")["people"] == []


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # An office in apposition ends where a verb starts the rest of the clause.
        (
            "Menurut Nurul Hidayati, ketua panitia mengatakan bazar ini melatih kemampuan berbisnis.",
            "Nurul Hidayati",
            "ketua panitia",
        ),
        ("Menurut Gede Wenten, guru besar ITB ini menghasilkan air bersih.", "Gede Wenten", "guru besar ITB"),
        # A new clause about another person is no office of the name before it.
        (
            "“Kami siap,” kata Dady Mairuhu, Menteri Brian berharap politeknik terus maju.",
            "Dady Mairuhu",
            None,
        ),
    ],
)
def test_an_office_in_apposition_stops_at_a_verb(sentence: str, name: str, role: str | None) -> None:
    people = {p["name"]: p for p in extract_text(sentence, lang="id")["people"]}
    assert people[name]["role"] == role


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Menteri bertemu Duta Besar Republik Turki untuk Indonesia, H.E. Talip Kucukcan, di Jakarta.", "id"),
        ("The minister met H.E. Talip Kucukcan, Ambassador of Turkey.", "en"),
    ],
)
def test_his_excellency_is_no_initial(text: str, lang: str) -> None:
    names = [p["name"] for p in extract_text(text, lang=lang)["people"]]
    assert "Talip Kucukcan" in names
    assert not any(name.startswith("E") for name in names)


# (text, lang, [(name, office)]): the people of a text, with the office each is given.
PEOPLE_AND_OFFICES = [
    # Name words before a well-known name belong to the name...
    (
        "Menteri Dalam Negeri (Mendagri), Muhammad Tito Karnavian meneken kesepakatan bersama.",
        "id",
        [("Muhammad Tito Karnavian", "Menteri Dalam Negeri")],
    ),
    # ... or make another person of it: the President stays himself.
    (
        "Presiden Prabowo menghadiri upacara. Kapolri Jenderal Listyo Sigit Prabowo mengatakan upacara lancar.",
        "id",
        [("Prabowo", "Presiden"), ("Listyo Sigit Prabowo", "Kapolri")],
    ),
    (
        "President Trump and First Lady Melania Trump arrived in Tokyo.",
        "en",
        [("Trump", "President"), ("Melania Trump", "First Lady")],
    ),
    # A well-known short name inside another's name: the whole name.
    (
        "Juru Bicara Kombes Raden Prabowo Argo Yuwono mengatakan hal itu.",
        "id",
        [("Raden Prabowo Argo Yuwono", "Juru Bicara")],
    ),
    # A headline word before a well-known name is no name word.
    ("Ultimatum Prabowo untuk Para Menteri", "id", [("Prabowo", None)]),
    # A rank with its service between the office and the name is neither's.
    (
        "Kapuspen TNI Mayjen TNI Kristomei Sianturi mengatakan hal itu.",
        "id",
        [("Kristomei Sianturi", "Kapuspen TNI")],
    ),
    ("Panglima TNI Jenderal Agus Subiyanto mengatakan hal itu.", "id", [("Agus Subiyanto", "Panglima TNI")]),
    # Police offices; units and bodies in offices are no names.
    (
        "Kasat Reskrim Polrestabes Medan Kompol Bayu Putro Wijayanto mengatakan hal itu.",
        "id",
        [("Bayu Putro Wijayanto", "Kasat Reskrim Polrestabes Medan")],
    ),
    (
        "Kanit Gakkum Satlantas Polres Bogor Ipda Angga Saputra mengatakan hal itu.",
        "id",
        [("Angga Saputra", "Kanit Gakkum Satlantas Polres Bogor")],
    ),
    ("Dirjen Dikti Khairul Munadi meresmikan gedung itu.", "id", [("Khairul Munadi", "Dirjen Dikti")]),
    # A sentence's last word and the next sentence's first are no name.
    (
        "Ia mengenang Presiden Sukarno. Djarot Saiful Hidayat lalu berpidato.",
        "id",
        [("Sukarno", "Presiden"), ("Djarot Saiful Hidayat", None)],
    ),
    # A title's dot does not end the name's run.
    (
        "Rektor Universitas Mataram, Prof. Sukardi, menandatangani MoU itu.",
        "id",
        [("Sukardi", "Rektor Universitas Mataram")],
    ),
    # A signature in capitals is the same person.
    (
        "President Joseph R. Biden Jr. signed it.\n\nJOSEPH R. BIDEN JR.",
        "en",
        [("Joseph R. Biden Jr.", "President")],
    ),
    # Places and bodies named after people are no one.
    ("Pasien itu dirujuk dari RS Cipto Mangunkusumo ke rumah sakit lain.", "id", []),
    ("Ia tiba di Bandara Internasional Soekarno Hatta pada pagi hari.", "id", []),
    ("Pertunjukan di Taman Ismail Marzuki ramai pengunjung.", "id", []),
    ("Pelari akan berbelok ke Jalan Arif Rahman Hakim.", "id", []),
    (
        "Governor Kathy Hochul praised the Abraham Accords and Abbott Laboratories.",
        "en",
        [("Kathy Hochul", "Governor")],
    ),
    # A title right after a place word names the place after a person: no one is there.
    ("Mahasiswa Universitas Sultan Ageng Tirtayasa mengikuti lomba debat.", "id", []),
    ("Kantor yayasan itu berada di Jalan KH Ahmad Dahlan nomor 5.", "id", []),
    ("Jemaah mendarat di Bandara Internasional Raja Fahd kemarin.", "id", []),
    ("Ia menempuh studi di Universitas Islam Negeri K.H. Abdurrahman Wahid Pekalongan.", "id", []),
    ("Pasien dirujuk ke RSUD Dr. Soetomo di Surabaya.", "id", []),
    ("Pilots trained at King Abdulaziz International Airport last year.", "en", []),
    # Ordinary words between the name and the word that ends a body's name.
    ("Residents met at the Mayor Hannibal Tavares Community Center on Friday.", "en", []),
    ("The grant goes to the Ann Smith Elementary School in Ridgeland.", "en", []),
    # The three duties of higher education are no one.
    ("Kegiatan ini wujud Tri Dharma Perguruan Tinggi di kampus.", "id", []),
    # A street's name carries its person's initials, after "Jalan" written either way.
    ("Arus lalu lintas di sepanjang jalan MH Thamrin dialihkan.", "id", []),
    ("Kantor itu pindah ke Jalan HR Rasuna Said.", "id", []),
    # A name word in a body's name ("Al-Azhar") is still a name word.
    (
        "Dirjen Kesehatan Lanjutan Kemenkes Azhar Jaya menyesalkan tindakan itu.",
        "id",
        [("Azhar Jaya", "Dirjen Kesehatan Lanjutan Kemenkes")],
    ),
    # ... but a title after the place's own name starts a person.
    (
        "Rektor Universitas Ratu Samban Dr. Faisal Alhabib membuka acara.",
        "id",
        [("Faisal Alhabib", "Rektor Universitas Ratu Samban")],
    ),
    (
        "Rektor Universitas Diponegoro Prof. Dr. Suharnomo, S.E., M.Si., menegaskan hal itu.",
        "id",
        [("Suharnomo", "Rektor Universitas Diponegoro")],
    ),
    (
        "Kepala Penerangan Kodam Cenderawasih Kolonel Infanteri Candra Kurniawan mengatakan hal itu.",
        "id",
        [("Candra Kurniawan", "Kepala Penerangan Kodam Cenderawasih")],
    ),
    # A well-known short name followed by another name word is someone else's first name.
    ("Ketua MUI KH Anwar Iskandar membuka musyawarah.", "id", [("Anwar Iskandar", "Ketua MUI")]),
    ("Wapres Gibran Rakabuming menghadiri acara itu.", "id", [("Gibran", "Wapres")]),
    # A place's own name, then a person.
    ("Wali Kota Surabaya Eri Cahyadi hadir.", "id", [("Eri Cahyadi", "Wali Kota Surabaya")]),
    # Every regency is a place: its head's office ends with it.
    ("Bupati Blora Arief Rohman membuka acara.", "id", [("Arief Rohman", "Bupati Blora")]),
    # A deputy minister's abbreviation is an office.
    ("Wamendagri Bima Arya meninjau banjir.", "id", [("Bima Arya", "Wamendagri")]),
    ("Kepala Desa Sukamaju Ahmad Yani hadir.", "id", [("Ahmad Yani", "Kepala Desa Sukamaju")]),
    # "Tom" is a name: the "Tomé" of São Tomé is no office word.
    ("Senator Tom Cotton said it.", "en", [("Tom Cotton", "Senator")]),
    (
        "Mantan Menteri Perdagangan Tom Lembong hadir di pengadilan.",
        "id",
        [("Tom Lembong", "Menteri Perdagangan")],
    ),
    ("House Majority Whip Tom Emmer said the vote was close.", "en", [("Tom Emmer", "Majority Whip")]),
    (
        "National Security Advisor Jake Sullivan spoke by phone with his counterpart.",
        "en",
        [("Jake Sullivan", "National Security Advisor")],
    ),
    # Places and councils are no one; a Second Gentleman is an office.
    (
        "In St. Louis and along the Hudson River, Second Gentleman Doug Emhoff met farmers.",
        "en",
        [("Doug Emhoff", "Second Gentleman")],
    ),
    # Companies named after people are companies.
    (
        "The deal was fair, said Merrill Lynch and Morgan Stanley, and Secretary Janet Yellen agreed.",
        "en",
        [("Janet Yellen", "Secretary")],
    ),
    (
        "Freddie Mac said mortgage rates fell, Secretary Janet Yellen noted.",
        "en",
        [("Janet Yellen", "Secretary")],
    ),
    # A body's acronym inside a run ends the body's name; a Roman numeral is the name's.
    (
        "Ketua Program Studi Penjas UMBS Mar’atul Afifah membuka acara.",
        "id",
        [("Mar’atul Afifah", "Ketua Program Studi Penjas UMBS")],
    ),
    ("Secretary Lonnie G. Bunch III spoke at the museum.", "en", [("Lonnie G. Bunch III", "Secretary")]),
    # A signature in capitals alone is the well-known person it spells.
    ("The memorandum takes effect today.\n\nJOSEPH R. BIDEN JR.", "en", [("JOSEPH R. BIDEN JR.", None)]),
    # Ireland's offices.
    (
        "President Biden hosted Taoiseach Micheál Martin.",
        "en",
        [("Biden", "President"), ("Micheál Martin", "Taoiseach")],
    ),
    # A possessive after a final s is no part of the name.
    ("Vice President Kamala Harris’ plan was praised.", "en", [("Kamala Harris", "Vice President")]),
]


@pytest.mark.parametrize(("text", "lang", "people"), PEOPLE_AND_OFFICES)
def test_people_and_their_offices(text: str, lang: str, people: list[tuple[str, str | None]]) -> None:
    assert [(p["name"], p["role"]) for p in extract_text(text, lang=lang)["people"]] == people


def test_a_signature_in_capitals_is_a_well_known_persons() -> None:
    (person,) = extract_text("The order takes effect.\n\nDONALD J. TRUMP", lang="en")["people"]
    assert (person["name"], person["country"]) == ("DONALD J. TRUMP", "USA")


def test_a_name_in_foreign_spelling_is_not_made_indonesian_by_default() -> None:
    text = "Rektor Universitas Padjadjaran Arief Kartasasmita dan Rektor Universitas Göttingen, Jürgen Müller, meneken MoU."
    people = {p["name"]: p["country"] for p in extract_text(text, lang="id")["people"]}
    assert people == {"Arief Kartasasmita": "IDN", "Jürgen Müller": None}


@pytest.mark.parametrize(
    ("text", "lang", "person"),
    [
        # A region or city in the office gives its country ...
        ("Gubernur Queensland Steven Miles bertemu Menteri Perdagangan.", "id", ("Steven Miles", "AUS")),
        (
            "Kerry Nettle, Senator for New South Wales, spoke against the treaty.",
            "en",
            ("Kerry Nettle", "AUS"),
        ),
        # ... but not where the holder is posted, nor a city's name that is a first name.
        ("Atase Pertahanan di Canberra Kolonel Budi Hartono hadir.", "id", ("Budi Hartono", "IDN")),
        ("Rep. Sydney Kamlager-Dove spoke on the bill.", "en", ("Kamlager-Dove", None)),
    ],
)
def test_a_place_in_the_office_gives_its_country(
    text: str, lang: str, person: tuple[str, str | None]
) -> None:
    assert person in [(p["name"], p["country"]) for p in extract_text(text, lang=lang)["people"]]


def test_a_country_named_right_after_the_name_is_the_persons() -> None:
    text = "The President welcomed President Nayib Bukele of El Salvador and Prime Minister Jacinda Ardern of New Zealand."
    people = {p["name"]: p["country"] for p in extract_text(text, lang="en")["people"]}
    assert people == {"Nayib Bukele": "SLV", "Jacinda Ardern": "NZL"}


def test_an_office_holder_in_english_news_about_one_state_is_of_that_state() -> None:
    text = (
        "Indonesia will keep its oil output steady, Energy Minister Subroto told reporters. "
        "Indonesia produced 1.2 mln barrels a day last year."
    )
    (person,) = extract_text(text, lang="en")["people"]
    assert (person["name"], person["country"]) == ("Subroto", "IDN")
    # A story about two states says nothing of whose minister he is.
    text = text.replace("last year.", "last year and sold most of it to Japan and Japan's refiners.")
    (person,) = extract_text(text, lang="en")["people"]
    assert person["country"] is None


def test_the_last_word_of_an_offices_field_is_no_part_of_the_name() -> None:
    text = "Director of the Office of National Drug Control Policy Rahul Gupta said the plan would help."
    assert [p["name"] for p in extract_text(text, lang="en")["people"]] == ["Rahul Gupta"]


def test_a_noun_that_starts_a_sentence_before_a_verb_of_saying_is_no_name() -> None:
    text = "Polisi mengatakan pelaku sudah ditangkap. Kasus itu ditangani polisi sejak pekan lalu."
    assert extract_text(text, lang="id")["people"] == []
    text = "Prabowo mengatakan kerja sama itu penting bagi kedua negara."
    assert [p["name"] for p in extract_text(text, lang="id")["people"]] == ["Prabowo"]


def test_the_short_form_of_a_body_is_no_person() -> None:
    text = (
        "Rektor Universitas Sultan Ageng Tirtayasa (Untirta) hadir. Rektor Untirta mengatakan kampus siap. "
        "Kepala Pusat Penerangan Hukum (Puspenkum) mengatakan kasus itu ditangani."
    )
    names = {p["name"] for p in extract_text(text, lang="id")["people"]}
    assert not names & {"Untirta", "Puspenkum"}
    # A person's short name in parentheses stays the person's: Ahok is Basuki Tjahaja Purnama.
    text = "Mantan Gubernur Basuki Tjahaja Purnama (Ahok) hadir. Ahok mengatakan ia mendukung program itu."
    (person,) = extract_text(text, lang="id")["people"]
    assert person["name"] == "Basuki Tjahaja Purnama"


@pytest.mark.parametrize(
    "text",
    [
        # A street named after a person and rank is no person.
        "Ia ditemui di Jalan Kapten P Tendean, Jakarta Selatan, kemarin.",
        # Units written short are no names ("Kabag Ops", "Kasubdit Renakta Ditreskrimum").
        "Kabag Ops Korlantas Polri menginstruksikan petugas berjaga.",
        "Laporan itu ditangani Kasubdit Renakta Ditreskrimum.",
    ],
)
def test_streets_and_units_are_not_people(text: str) -> None:
    assert extract_text(text, lang="id")["people"] == []


def test_a_name_after_a_verb_of_saying_is_read_whole_or_not_at_all() -> None:
    # "kata Mu'ti saat ...": not "Mu", the part of the word before its apostrophe.
    text = "Menteri Abdul Mu'ti hadir. \"Itu dimungkinkan,\" kata Mu\\'ti saat berkunjung."
    names = {p["name"] for p in extract_text(text, lang="id")["people"]}
    assert names == {"Abdul Mu'ti"}


@pytest.mark.parametrize(
    "text",
    [
        "Students can apply for a Pell Grant. The grant pays part of the tuition.",
        "Guardian Bikes said it would open a plant. Its bikes are sold across the country.",
        "Silver Hills Bakery said sales rose. The bakery employs 300 people.",
        # A company's designator or trade word ends a company's name (name_tails.tsv).
        "Norstar Bancorp said it agreed to buy Irving Trust and Sandoz AG.",
        "Butler Manufacturing said profits fell.",
    ],
)
def test_things_named_like_people_are_not_people(text: str) -> None:
    # No given name opens them and their last word is written in lower case too.
    assert extract_text(text, lang="en")["people"] == []


def test_a_person_whose_surname_is_a_word_is_still_a_person() -> None:
    text = "John Baker said the bakery would reopen. A baker was hired."
    names = {p["name"] for p in extract_text(text, lang="en")["people"]}
    assert names == {"John Baker"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The President named the representatives to the 80th Session of the General Assembly of the "
            "United Nations. Senator Jane Moore, Representative of the United States to the 80th Session of "
            "the General Assembly of the United Nations. Senator John Park, Representative of the United "
            "States to the 80th Session of the General Assembly of the United Nations.",
            "en",
        ),
        (
            "Presiden Prabowo Subianto menghadiri KTT ASEAN ke-46 di Kuala Lumpur. Perdana Menteri Malaysia "
            "Anwar Ibrahim membuka KTT ASEAN ke-46 itu dengan pidato. Presiden Filipina Ferdinand Marcos juga "
            "berbicara di KTT ASEAN ke-46.",
            "id",
        ),
    ],
)
def test_one_named_event_is_one_meeting_whoever_is_named_at_it(text: str, lang: str) -> None:
    (meeting,) = extract_text(text, lang=lang)["meetings"]
    assert meeting["kind"] == "multilateral" and len(meeting["participants"]) >= 2


def test_a_list_number_glued_to_a_name_is_no_part_of_it_and_a_name_holds_no_digit() -> None:
    text = (
        "Daftar menteri: 1. Menteri Kebudayaan Fadli Zon2. Menteri HAM Natalius Pigai3. Selesai. "
        "CEO Auto2000 Anton Jimmi Suwandy mengatakan penjualan naik. Kadar CO2 naik, kata peneliti."
    )
    names = {p["name"] for p in extract_text(text, lang="id")["people"]}
    assert names == {"Fadli Zon", "Natalius Pigai", "Anton Jimmi Suwandy"}


def test_english_forms_of_address_are_no_part_of_the_name() -> None:
    text = (
        "Former Texas Gov. Rick Perry spoke first. Rev. Jim Wallis and His Holiness Pope Francis "
        "sent messages, and the Reverend Doctor Martin Luther King Jr. was remembered."
    )
    names = {p["name"] for p in extract_text(text, lang="en")["people"]}
    assert names == {"Rick Perry", "Jim Wallis", "Pope Francis", "Martin Luther King Jr."}


def test_an_office_word_before_an_english_name_is_no_part_of_it() -> None:
    text = (
        "Judge Ketanji Brown Jackson was confirmed. Judge Jackson thanked the Senate. "
        "Correspondent James Longman reported from Kyiv. Julie Bishop met Mike Judge."
    )
    names = {p["name"] for p in extract_text(text, lang="en")["people"]}
    assert names == {"Ketanji Brown Jackson", "James Longman", "Julie Bishop", "Mike Judge"}


def test_places_and_storms_are_not_people() -> None:
    text = (
        "After Hurricane Ian, the leaders met at Camp David and later visited Fort Wayne and Lake Charles, "
        "the White House said."
    )
    assert extract_text(text, lang="en")["people"] == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Kedua presiden bertemu di St Peterseburg, Kamis (19/6/2025).", "id"),
        ("Murid itu bersekolah di SD Katolik St Yoseph Kuaputu.", "id"),
        ("The company moved its plant to St. Augustine last year.", "en"),
        ("Talks were held at St Andrews.", "en"),
        ("St. Jude Medical Inc declared a dividend. St. Jude said the rights may be exercised later.", "en"),
        ("Newcastle kalah di St James Park.", "id"),
    ],
)
def test_a_place_named_after_a_saint_is_no_person(text: str, lang: str) -> None:
    # "St" opens a place's name (place_heads.tsv), even one the gazetteer lacks or misspelt.
    assert extract_text(text, lang=lang)["people"] == []


def test_an_office_reads_on_through_a_bodys_english_name() -> None:
    text = (
        "Direktur Eksekutif Center of Economic and Law Studies Bhima Yudhistira mengatakan ekspor akan naik."
    )
    people = [(p["name"], p["role"]) for p in extract_text(text, lang="id")["people"]]
    assert people == [("Bhima Yudhistira", "Direktur Eksekutif Center of Economic and Law Studies")]


@pytest.mark.parametrize(
    ("text", "lang", "person"),
    [
        # A rank is no part of the name; in Indonesian news it marks an Indonesian.
        ("Upacara dipimpin Kolonel Inf Didin Nasruddin di Bandung.", "id", ("Didin Nasruddin", "IDN")),
        ("Admiral Linda Fagan said the Coast Guard would help.", "en", ("Linda Fagan", None)),
    ],
)
def test_ranks_are_not_names(text: str, lang: str, person: tuple[str, str | None]) -> None:
    assert [(p["name"], p["country"]) for p in extract_text(text, lang=lang)["people"]] == [person]


def test_a_possessive_is_no_part_of_a_name() -> None:
    text = "Secretary of Transportation Sean Duffy’s plan was welcomed by the Meat Institute’s members."
    assert [p["name"] for p in extract_text(text, lang="en")["people"]] == ["Sean Duffy"]


def test_an_offices_field_written_in_lower_case_elsewhere_is_no_name() -> None:
    text = (
        "Direktur Transformasi Ahmad Subagja membuka acara. Menurut Direktur Transformasi, transformasi "
        "digital menjadi prioritas tahun ini."
    )
    assert [p["name"] for p in extract_text(text, lang="id")["people"]] == ["Ahmad Subagja"]


def test_short_mentions_join_the_full_name() -> None:
    text = "Menteri Perdagangan Budi Santoso membuka pameran. Budi mengatakan ekspor naik. Santoso juga meninjau stan."
    people = extract_text(text, lang="id")["people"]
    assert [p["name"] for p in people] == ["Budi Santoso"]


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        # A faculty, an academy or a polytechnic is named by the words after its head word.
        (
            "Dekan Fakultas Teknik Sipil, Rina Maharani, membuka Akademi Kebidanan Harapan Bangsa di Kupang.",
            "id",
            ["Rina Maharani"],
        ),
        (
            "Politeknik Cahaya Nusantara menerima kunjungan Wakil Rektor Darmawan Suryo.",
            "id",
            ["Darmawan Suryo"],
        ),
        # English puts the head word last: the person before or after it is still one.
        (
            "Vice Dean of the Faculty Helen Marsh spoke at the Tanjung Academy in Perth.",
            "en",
            ["Helen Marsh"],
        ),
    ],
)
def test_schools_and_faculties_are_not_people(text: str, lang: str, names: list[str]) -> None:
    assert [p["name"] for p in extract_text(text, lang=lang)["people"]] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Nouns of pe-/ke-...-an name a field of an office, not a person.
        ("Wakil Rektor Bidang Kemahasiswaan Agus Sjafari membuka acara itu.", ["Agus Sjafari"]),
        (
            "Direktur Pembelajaran dan Kemahasiswaan Beny Bandanadjaja hadir di Bandung.",
            ["Beny Bandanadjaja"],
        ),
        # Foreign spelling and the Javanese "-wan" ending stay names.
        ("Presiden Iran Masoud Pezeshkian tiba di Jakarta.", ["Masoud Pezeshkian"]),
        ("“Kami siap,” kata Andri Kesmawan di Bandung.", ["Andri Kesmawan"]),
    ],
)
def test_indonesian_nominalisations_are_not_names(text: str, names: list[str]) -> None:
    assert [p["name"] for p in extract_text(text, lang="id")["people"]] == names


def test_honorifics_are_not_names() -> None:
    people = extract_text(
        "Rektor Universitas Tanjung Harapan, Prof. Dr. Rina Maharani, S.E., M.Si., membuka acara.", lang="id"
    )["people"]
    assert [p["name"] for p in people] == ["Rina Maharani"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Religious forms of address are honorifics too.
        ("Ustadz Rahmat Hidayat mengatakan pengajian digelar malam ini.", ["Rahmat Hidayat"]),
        ("Romo Benediktus Sutrisno memimpin misa, kata panitia.", ["Benediktus Sutrisno"]),
        ("Buya Ahmad Rasyid mengatakan masjid itu dibangun pada 1920.", ["Ahmad Rasyid"]),
        # A takbir is no one's name; an office's "PDT" is no pastor.
        (
            'Massa meneriakkan "Allahu Akbar" di depan gedung itu, kata Kapolres Budi Santosa.',
            ["Budi Santosa"],
        ),
        ("Menteri Desa dan PDT Rudi Hasibuan mengatakan dana desa naik.", ["Rudi Hasibuan"]),
    ],
)
def test_religious_forms_of_address_are_not_names(text: str, names: list[str]) -> None:
    people = extract_text(text, lang="id")["people"]
    assert [p["name"] for p in people] == names
    assert people[-1]["role"] != "Menteri Desa dan"


@pytest.mark.parametrize(
    ("sentence", "countries"),
    [
        ("Indonesia dan Korea Selatan menandatangani MoU tentang baterai kendaraan listrik.", ["IDN", "KOR"]),
        (
            "MoU antara Kementerian Perindustrian dan Kementerian Industri Jepang ditandatangani di Tokyo.",
            ["IDN", "JPN"],
        ),
        ("Universitas Gadjah Mada menandatangani nota kesepahaman dengan PT Sinar Abadi.", ["IDN"]),
        ("RI dan Uni Eropa menyepakati perjanjian kemitraan ekonomi komprehensif.", ["EU", "IDN"]),
        # A list of countries: the comma after a country is the list's, not "Kota, Negara".
        (
            "Kanada, Denmark, Prancis dan Jerman menandatangani pernyataan bersama dengan Indonesia.",
            ["CAN", "DEU", "DNK", "FRA", "IDN"],
        ),
        # Names that are also something else, resolved when the article gives no sign of it.
        (
            "Kementerian Pertahanan dan Sekretariat Industri Pertahanan Turki menandatangani nota kesepahaman.",
            ["IDN", "TUR"],
        ),
        ("Indonesia dan PBB menandatangani nota kesepahaman tentang bantuan pangan.", ["IDN", "UN"]),
        (
            "Pemerintah Indonesia dan Georgia mempercepat finalisasi MoU kerja sama pendidikan tinggi.",
            ["GEO", "IDN"],
        ),
        # Indonesian parties alone, abroad: the host is the other side.
        (
            "Kunjungan kenegaraan Presiden RI Joko Widodo ke Singapura menghasilkan kesepakatan kerja sama pendidikan.",
            ["IDN", "SGP"],
        ),
        (
            "PT Dirgantara Indonesia menandatangani kontrak payung dengan sebuah perusahaan di Jerman.",
            ["DEU", "IDN"],
        ),
        # A Canadian province, not Britain.
        (
            "Kemdiktisaintek membahas MoU dengan Kementerian Pendidikan Provinsi British Columbia, Kanada.",
            ["CAN", "IDN"],
        ),
        # A city in the agreement's name is no side; one in a party's name gives its country.
        ("Kedua negara menandatangani Kesepakatan Kuala Lumpur untuk gencatan senjata.", ["IDN"]),
        (
            "Universitas Nusa meneken MoU dengan Osaka Medical College tentang riset kedokteran.",
            ["IDN", "JPN"],
        ),
    ],
)
def test_agreement_countries(sentence: str, countries: list[str]) -> None:
    (agreement,) = extract_text(sentence, lang="id")["agreements"]
    assert agreement["countries"] == countries


def test_a_party_named_as_a_foreign_institution_is_of_the_country_the_story_is_about() -> None:
    text = (
        "Kerja sama pendidikan Indonesia dan Inggris terus tumbuh. Mahasiswa Inggris belajar di Bandung. "
        "Universitas Airlangga menandatangani nota kesepahaman dengan University of Northmoor tentang gelar ganda."
    )
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["countries"] == ["GBR", "IDN"]


def test_a_foreign_institution_in_a_story_about_several_countries_gives_none() -> None:
    text = (
        "Indonesia menjalin hubungan dengan Inggris dan Jepang. Mahasiswa Inggris dan Jepang belajar di "
        "Bandung. Universitas Airlangga menandatangani nota kesepahaman dengan University of Northmoor."
    )
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["countries"] == ["IDN"]


def test_a_country_after_its_city_is_a_place_and_one_in_a_list_a_party() -> None:
    (agreement,) = extract_text(
        "Indonesia, Japan, Norway and Italy signed a joint statement on energy in Bali, Indonesia.", lang="en"
    )["agreements"]
    assert agreement["countries"] == ["IDN", "ITA", "JPN", "NOR"]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Klub itu memperpanjang kontrak pemain asing hingga 2027.", "id"),
        (
            "Pemerintah kota menyetujui rancangan peraturan daerah tentang parkir, dengan persetujuan DPRD.",
            "id",
        ),
        ("Warga mengurus Persetujuan Bangunan Gedung di kantor kecamatan.", "id"),
        ("The minister said he was in agreement with the plan.", "en"),
        ("Harga emas naik karena kesepakatan pasar yang belum jelas.", "id"),
        ("Gelandang itu meneken kontrak tiga tahun bersama klub barunya dengan status bebas transfer.", "id"),
        ("Pembelian kembali saham dimulai sejak persetujuan pemegang saham diberikan.", "id"),
        ("Pemerintah tengah menyusun rencana aksi nasional hak asasi manusia.", "id"),
        ("The buyback began after shareholder approval was granted.", "en"),
        # A health protocol, a performance contract within one government.
        ("Semua peserta wajib mematuhi protokol kesehatan yang disepakati panitia.", "id"),
        ("Kementerian menandatangani kontrak kinerja dengan para rektor perguruan tinggi negeri.", "id"),
        # Protocol as an office and as a road; an office's own plan of action.
        ("Kepala Biro Humas dan Protokol kementerian itu mengatakan formulir harus ditandatangani.", "id"),
        ("Konvoi melintas di jalan protokol yang disepakati panitia.", "id"),
        ("Pemohon menyerahkan formulir yang ditandatangani dan surat persetujuan dari kreditor.", "id"),
        # Approval asked for or given; a protocol area; an idol's agency contract.
        ("Permintaan PBSI itu kini sudah mendapatkan persetujuan dari BWF.", "id"),
        ("Anggaran itu ditetapkan sesuai persetujuan Presiden sejak Januari 2025.", "id"),
        ("Car Free Night akan diberlakukan di kawasan protokol yang disepakati.", "id"),
        (
            "Agensi mengumumkan sang idol keluar dari grup dan mengakhiri kontrak sebelum debut album barunya.",
            "id",
        ),
        ("Satgas bertugas merumuskan rencana aksi pembangunan kawasan industri yang telah disepakati.", "id"),
        # An amendment of a constitution or a law; a firm that is a partnership.
        ("Pengunjuk rasa meminta pemerintah mencabut amandemen kedelapan konstitusi negara itu.", "id"),
        ("Komisi VI DPR mendukung rencana amandemen UU Nomor 5 Tahun 1999 tentang persaingan usaha.", "id"),
        ("The regulator let Harbor Managing Partnership L.P. withdraw as a registered broker.", "en"),
        # "deal" as a verb.
        ("He hoped the community could deal with the proposal the United States agreed to review.", "en"),
        # An organisation named after its treaty is a body, not the treaty.
        (
            "The minister met the Secretary General of the Southeast Asia Treaty Organization, "
            "who proposed new talks.",
            "en",
        ),
        # A union's collective agreement, an exchange's futures contract, a fixed-term job.
        ("The union negotiated strong collective bargaining agreements with the airlines.", "en"),
        ("The exchange approved the new futures contract last month.", "en"),
        ("Hak pekerja sudah diatur dalam perjanjian kerja bersama yang diteken tahun lalu.", "id"),
        # "PKS" without its long form is the party.
        ("Adapun PKS mendapat bantuan tertinggi yang sudah disepakati, kemudian Gerindra.", "id"),
    ],
)
def test_not_agreements(sentence: str, lang: str) -> None:
    assert extract_text(sentence, lang=lang)["agreements"] == []


def test_listed_agreements_are_separate_items() -> None:
    text = (
        "Kedua menteri menyepakati dua nota kesepahaman, yakni MoU on Cooperation in the Field of Fisheries "
        "dan MoU on Cooperation in the Field of Tourism."
    )
    agreements = extract_text(text, lang="id")["agreements"]
    assert sorted(a["name"] for a in agreements) == [
        "MoU on Cooperation in the Field of Fisheries",
        "MoU on Cooperation in the Field of Tourism",
    ]
    assert {a["status"] for a in agreements} == {"agreed"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The United States and Japan signed a memorandum of cooperation. Both nations also agreed on "
            "the Customs Mutual Assistance Agreement (CMAA).",
            "en",
        ),
        (
            "Kedua menteri menandatangani MoU. Selain itu disepakati pula Kesepakatan Kerja Sama Perikanan.",
            "id",
        ),
    ],
)
def test_a_named_generic_agreement_after_an_unnamed_mou_is_another_agreement(text: str, lang: str) -> None:
    # An unnamed generic noun takes a specific name that follows ("kesepakatan ini
    # dituangkan dalam MoU ..."); an unnamed MoU does not take a generic agreement's name.
    kinds = sorted((a["kind"], a["name"] is None) for a in extract_text(text, lang=lang)["agreements"])
    assert kinds == [("agreement", False), ("mou", True)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Pertamina and a partner have signed a $2 billion agreement to study a carbon capture hub. "
            "Separately, the Education Cooperation MOU signed by the two countries last year is being expanded.",
            "en",
        ),
        (
            "Bank Nusantara telah meneken kesepakatan senilai Rp 2 triliun untuk proyek tambang nikel. "
            "Di sisi lain, Nota Kesepahaman Kerja Sama Pendidikan Vokasi diteken tahun lalu.",
            "id",
        ),
    ],
)
def test_a_name_of_another_field_does_not_name_an_earlier_unnamed_agreement(text: str, lang: str) -> None:
    # "Kesepakatan ini dituangkan dalam MoU ...": a name may name the unnamed agreement
    # before it, but not when it describes a field the unnamed one's sentence never speaks of.
    agreements = extract_text(text, lang=lang)["agreements"]
    assert len(agreements) == 2
    unnamed = next(a for a in agreements if a["name"] is None)
    assert "education" not in unnamed["sectors"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Kedua lembaga meneken kesepakatan untuk memperkuat pendidikan vokasi. "
            "Kesepakatan itu dituangkan dalam Nota Kesepahaman tentang Pendidikan Vokasi.",
            "id",
        ),
        (
            "The two ministries signed an agreement on vocational education. "
            "It takes the form of a Memorandum of Understanding on Vocational Education.",
            "en",
        ),
    ],
)
def test_a_name_of_the_same_field_names_the_earlier_unnamed_agreement(text: str, lang: str) -> None:
    (agreement,) = extract_text(text, lang=lang)["agreements"]
    assert agreement["kind"] == "mou" and agreement["name"] is not None


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        (
            "Universitas Nusa menjalin kerja sama akademik dengan Kyoto Institute melalui penandatanganan "
            "Agreement on Joint Degree Program di Yogyakarta.",
            "id",
            "agreement",
        ),
        (
            "Politeknik Harapan menjalin kerja sama dengan PT Data Kampus. "
            "Kerja sama ini ditandai dengan penandatanganan nota kesepahaman (MoU) secara daring.",
            "id",
            "mou",
        ),
        (
            "Pelabuhan Tanjung Emas menjalin kerja sama strategis dengan Pelabuhan Rotterdam, Senin. "
            "Kolaborasi tersebut diwujudkan melalui penandatanganan Memorandum of Understanding on Green Shipping.",
            "id",
            "mou",
        ),
    ],
)
def test_a_cooperation_and_the_instrument_it_takes_shape_in_are_one_agreement(
    text: str, lang: str, kind: str
) -> None:
    (agreement,) = extract_text(text, lang=lang)["agreements"]
    assert agreement["kind"] == kind and agreement["status"] == "signed"
    assert not {"Senin", "Kamis"} & set(agreement["parties"])  # the day it was signed, no party


def test_a_cooperation_two_sentences_before_an_instrument_is_not_taken_for_it() -> None:
    text = (
        "Politeknik Harapan menjalin kerja sama dengan PT Data Kampus. Mahasiswa akan magang di sana. "
        "Kerja sama ini ditandai dengan penandatanganan nota kesepahaman (MoU) secara daring."
    )
    assert len(extract_text(text, lang="id")["agreements"]) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Indonesia menyelesaikan perundingan Indonesia-Eurasian Economic Union Free Trade Agreement "
        "(I-EAEU FTA). Perjanjian perdagangan dengan EAEU segera diratifikasi DPR.",
        "Indonesia dan Uni Eropa menyepakati IEU-CEPA pada Minggu. Menurut Prabowo, perjanjian "
        "perdagangan bebas telah disepakati setelah sembilan tahun.",
        "Negara ASEAN telah menyepakati ASEAN Petroleum Security Agreement (APSA), perjanjian solidaritas energi "
        "untuk menghadapi krisis pasokan.",
        # An economic partnership is a trade pact, "komprehensif" or not.
        'Indonesia dan Kanada menyepakati ICA-CEPA pada Minggu. "Kita sudah sepakat memiliki perjanjian '
        'kemitraan ekonomi yang komprehensif," kata Presiden.',
    ],
)
def test_a_description_of_the_one_named_pact_of_its_field_is_that_pact(text: str) -> None:
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["name"] is not None and agreement["name"][:1].isupper()  # the pact's own name


@pytest.mark.parametrize(
    "text",
    [
        # With another country: another pact.
        "Indonesia meneken Indonesia-Chile CEPA. Perjanjian dagang dengan Peru masih dirundingkan.",
        # With a body: its own agreement.
        "Bank Mega meneken Perjanjian Kerja Sama Pembiayaan Tambang. Selain itu perjanjian kerja sama "
        "pembiayaan dengan PT Len Railway Systems juga diteken.",
        # Two named pacts of the field: which one it cannot say.
        "Indonesia meneken IEU-CEPA dan I-EAEU FTA tahun ini. Perjanjian perdagangan bebas lain masih "
        "dirundingkan.",
    ],
)
def test_a_description_that_may_be_another_pact_stays_apart(text: str) -> None:
    assert len(extract_text(text, lang="id")["agreements"]) >= 2


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Trump akan menegosiasikan kembali perjanjian perdagangan bebas di Amerika Utara (North American "
            "Free Trade Agreement) yang telah dikritik.",
            "North American Free Trade Agreement",
        ),
        (
            "Indonesia akan menandatangani perjanjian kemitraan ekonomi komprehensif dengan Kanada "
            "(Indonesia-Canada Comprehensive Economic Partnership Agreement/ICA-CEPA) tahun ini.",
            "Indonesia-Canada Comprehensive Economic Partnership Agreement/ICA-CEPA",
        ),
    ],
)
def test_a_name_given_again_in_parentheses_is_the_same_agreement(text: str, name: str) -> None:
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["name"] == name
    assert all("(" not in party for party in agreement["parties"])  # not "Kanada (Indonesia-Canada ..."


def test_items_of_one_list_stay_apart_and_a_bare_noun_after_them_is_none_of_them() -> None:
    text = (
        "Bank Nusantara meneken PKS (Perjanjian Kerja Sama) dengan Pemerintah Kota Batang, Kamis (19/6/2025). "
        "Selanjutnya, PKS akan dilaksanakan dengan Pemerintah Kota Tegal, Pemerintah Kabupaten Tegal "
        "dan Pemerintah Kabupaten Brebes. Kegiatan penandatanganan PKS dihadiri para pejabat daerah."
    )
    by_name = {a["name"]: a for a in extract_text(text, lang="id")["agreements"]}
    assert by_name.keys() == {
        "PKS (Perjanjian Kerja Sama) dengan Pemerintah Kota Batang",  # not ", Kamis (19/6/2025)"
        "PKS dengan Pemerintah Kota Tegal",
        "PKS dengan Pemerintah Kabupaten Tegal",  # not one with Kota Tegal
        "PKS dengan Pemerintah Kabupaten Brebes",
    }
    assert (
        by_name["PKS dengan Pemerintah Kabupaten Brebes"]["status"] == "proposed"
    )  # the signing was Batang's


def test_a_title_is_named_without_the_parties_that_follow_it() -> None:
    text = (
        "The Kuala Lumpur Accord was signed with Prime Minister Hun Manet of Cambodia and Prime Minister "
        "Anutin Charnvirakul of Thailand. The Kuala Lumpur Accord ends the border clashes."
    )
    (agreement,) = extract_text(text, lang="en")["agreements"]
    assert agreement["name"] == "Kuala Lumpur Accord"


def test_a_pointer_back_is_not_a_new_agreement() -> None:
    text = (
        "Indonesia dan Mesir menandatangani nota kesepahaman tentang pendidikan tinggi. "
        "Nota kesepahaman tersebut mencakup pertukaran dosen dan mahasiswa."
    )
    assert len(extract_text(text, lang="id")["agreements"]) == 1


@pytest.mark.parametrize(
    ("sentence", "kind", "countries"),
    [
        (
            "Menteri Luar Negeri Sugiono melakukan percakapan telepon dengan Menteri Luar Negeri Mesir Badr Abdelatty.",
            "call",
            ["EGY", "IDN"],
        ),
        (
            "Presiden Prabowo Subianto menggelar pertemuan bilateral dengan Perdana Menteri Jepang Shigeru Ishiba di Tokyo.",
            "bilateral",
            ["IDN", "JPN"],
        ),
        ("Sidang Komisi Bersama Indonesia-Vietnam digelar di Hanoi.", "commission", ["IDN", "VNM"]),
        # One minister's meeting with an ambassador is bilateral; a ministers' meeting is not.
        (
            "Hal itu dibahas dalam pertemuan Menteri Perdagangan Budi Santoso dengan Duta Besar Peru "
            "untuk Indonesia, Luis Tsuboyama, di Jakarta.",
            "bilateral",
            ["IDN", "PER"],
        ),
        (
            "Dalam pertemuan menteri ekonomi di Lima, para menteri Indonesia, Peru dan Chile membahas perdagangan.",
            "multilateral",
            ["CHL", "IDN", "PER"],
        ),
    ],
)
def test_meetings(sentence: str, kind: str, countries: list[str]) -> None:
    (meeting,) = extract_text(sentence, lang="id")["meetings"]
    assert (meeting["kind"], meeting["countries"]) == (kind, countries)


def test_a_meeting_during_a_visit_of_several_days_is_dated_by_its_month() -> None:
    text = (
        "Perdana Menteri Jepang Shigeru Ishiba melakukan kunjungan kerja ke Indonesia pada 12-13 Juni 2025. "
        "Di Istana Bogor, Ishiba mengadakan pertemuan bilateral dengan Presiden Indonesia Prabowo Subianto."
    )
    meetings = extract_text(text, lang="id")["meetings"]
    assert meetings
    assert {m["date"] for m in meetings} == {"2025-06"}  # which of the two days, the text does not say


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Habitual: every meeting of a kind, not one that took place.
        (
            "Kerja sama pendidikan selalu dibahas setiap dilaksanakannya pertemuan bilateral antara Indonesia dan Mesir.",
            "id",
        ),
        (
            "Isu perikanan dibahas tiap kali Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Jepang.",
            "id",
        ),
        ("Trade comes up every time the leaders of Indonesia and Japan meet.", "en"),
        ("Presiden Indonesia telah beberapa kali berkunjung ke Jepang sejak dilantik.", "id"),
        (
            "Menteri Luar Negeri Indonesia dan Menteri Luar Negeri Jepang sering bertemu untuk membahas perikanan.",
            "id",
        ),
        # Membership of a standing body named a forum or a working group.
        (
            "Indonesia has committed to join the Global Forum on Fisheries Subsidies with Japan and Canada.",
            "en",
        ),
        ("Indonesia resmi bergabung dengan Forum Kerja Sama Maritim bersama Jepang dan Australia.", "id"),
        # "meet" of a goal or a need, "received" of a thing: not of people.
        ("Japan and Indonesia will work together to meet the growing demand for clean energy.", "en"),
        ("The United States and Canada are committed to meeting the goals of the Paris Agreement.", "en"),
        ("Indonesia received a shipment of rice from Vietnam and Thailand last week.", "en"),
        # "received" of a degree, "called on X to" do something, "he talks about", a port visit.
        ("Raised along the U.S.-Mexico border, she received a Ph.D. in political science.", "en"),
        ("China called on the United States to remove curbs on its exports.", "en"),
        ("He talks about how Russia wants to move into Ukraine.", "en"),
        ("A U.S. submarine completed a port visit to Australia last month.", "en"),
        # A press conference, a meeting room, the DPR's plenary.
        (
            "“Kami akan memperlihatkan produk baru,” kata Direktur Toyota asal Jepang dalam konferensi pers "
            "di Jakarta.",
            "id",
        ),
        ("Duta Besar Malaysia memberi keterangan di ruang rapat Kementerian Luar Negeri, Jakarta.", "id"),
        ("Perjanjian haji dengan Arab Saudi disahkan dalam Rapat Paripurna DPR RI pada Selasa.", "id"),
        # An envoy's posting is no side; room for talks; a forum being set up.
        (
            "Menteri Pendidikan Tinggi menerima kunjungan Duta Besar Republik Indonesia untuk Kazakhstan "
            "di Jakarta, Senin.",
            "id",
        ),
        (
            "Trump menetapkan tarif 32 persen bagi Indonesia, namun masih membuka ruang dialog hingga 9 Juli.",
            "id",
        ),
        ("Indonesia dan Australia mendorong pembentukan forum kajian kebijakan bersama.", "id"),
        # ... also by the English name it is given in brackets.
        (
            "Duta Besar Norwegia mengusulkan pembentukan kelompok kerja bersama (joint working group) "
            "dengan Indonesia.",
            "id",
        ),
        # A standing body set up, what must happen, a website visited.
        ("In October, the United States and Australia announced a new Pacific Banking Forum.", "en"),
        ("Iran must engage in serious dialogue with the United States.", "en"),
        ("Americans in Japan can visit Vaccines.gov to find locations.", "en"),
        # A meeting that did not or could not happen; "menemui" of an obstacle.
        ("“Kami belum bisa bertemu dengan dua mahasiswa itu,” kata Duta Besar Indonesia untuk Mesir.", "id"),
        (
            "Pasangan ganda campuran Indonesia tak menemui kendala berarti saat menghadapi pasangan Jepang.",
            "id",
        ),
        ("Lini depan Indonesia menemui jalan buntu saat menghadapi pertahanan Jepang.", "id"),
        # "ditemui" after "saat" or a verb of saying: the reporter met the source.
        ("“Kami siap menambah ekspor,” kata Duta Besar Jepang saat ditemui di Jakarta, Rabu.", "id"),
        ("“Kami siap menambah ekspor,” ujar Duta Besar Korea Selatan ditemui di Jakarta.", "id"),
        # ... or opening the sentence or a clause.
        (
            "Indonesia dan Prancis sepakat memperluas perdagangan. Ditemui di Jakarta, Rabu, Menteri"
            " Perdagangan Budi Santoso mengatakan ekspor ke Prancis naik.",
            "id",
        ),
        (
            "Indonesia dan Prancis sepakat memperluas perdagangan. Menteri Perdagangan Budi Santoso,"
            " ditemui di Jakarta, Rabu, mengatakan ekspor ke Prancis naik.",
            "id",
        ),
        # Tourists' visits, counted or hoped for.
        ("Pada Maret 2025, kunjungan wisman dari Thailand ke Jawa Timur tercatat 15.647 kunjungan.", "id"),
        ("Kemudahan visa diberikan karena tingginya animo WNI yang berkunjung ke Uni Emirat Arab.", "id"),
        # A central bank's policy meeting, a leader with his own security team, a meeting point.
        ("Pasar Asia menunggu hasil pertemuan The Fed pekan ini di tengah ketegangan Iran dan Israel.", "id"),
        ("President Trump met with his national security team after Iran struck Israel.", "en"),
        ("Presiden AS menggelar pertemuan dengan tim keamanan nasionalnya setelah serangan Iran.", "id"),
        ("Relawan Indonesia gagal mencapai titik pertemuan di perbatasan Mesir.", "id"),
        # Received, not met; a meeting with no plans for it; meeting a country's needs.
        ("Threats to the American people from Iran will be met with strength and resolve.", "en"),
        ("Kuwait's oil minister said there were no plans for an emergency OPEC meeting.", "en"),
        ("Japan will make sure assistance meets Ukraine’s highest priority needs.", "en"),
        # A cabinet's meeting, a news conference, a leader with his commanders, an idiom.
        ("At today's Cabinet meeting, Nakasone told the minister to calm U.S. anger over trade.", "en"),
        (
            "Mousavi told a news conference in Damascus that Iran would retaliate against the United States.",
            "en",
        ),
        ("Saddam Hussein presided over a meeting of his top military commanders after Iran attacked.", "en"),
        ("New rules for farm workers from Mexico are meeting with objections in the U.S. Congress.", "en"),
        # A source talking to a news outlet; crowds; teams facing each other.
        (
            "Kepada detikcom melalui sambungan telepon dari Kairo, Mesir, pengusaha Indonesia itu menjelaskan "
            "rencananya.",
            "id",
        ),
        (
            "“Tarif AS menekan ekspor Indonesia,” kata Gubernur BI dalam pengumuman hasil RDG secara virtual.",
            "id",
        ),
        ("Warga Rusia diimbau menghindari pertemuan publik di dekat perbatasan Ukraina.", "id"),
        ("Untuk pertama kalinya Indonesia dan Selandia Baru bertemu di ajang AVC Nations Cup.", "id"),
        (
            "Di babak pertama, pasangan Indonesia akan bertemu dengan pasangan Malaysia, Chang Peng Soon/Goh "
            "Liu Ying.",
            "id",
        ),
        # Their record against each other.
        (
            "Kemenangan itu merevisi rekor pertemuan pasangan Indonesia dengan pasangan Malaysia menjadi 3-5.",
            "id",
        ),
        ("Sebelumnya, rekor pertemuan kedua pasangan Indonesia dan Korea Selatan imbang 1-1.", "id"),
        ("Laga itu merupakan pertemuan keenam dua tim Indonesia dan Malaysia di ajang ini.", "id"),
        ("Partai itu menjadi pertemuan ketiga kedua pasangan Indonesia dan Jepang tahun ini.", "id"),
        (
            "Speaking to reporters by phone from Tokyo, the Japanese minister said the United States would act.",
            "en",
        ),
        # Negotiating as a skill to learn, in a story about two countries.
        (
            "Sejak kuliah di Universitas Jember, Rina Wulandari Kusuma ingin belajar di luar negeri.\n"
            "Selama program magang berlangsung, Rina memiliki target, yaitu menguasai ilmu pemasaran, "
            "meningkatkan skill negosiasi, dan mengasah skill editing.\n"
            "Ia berharap dapat memperkenalkan kampusnya kepada KBRI di Tunisia dan kepada masyarakat Tunisia.\n"
            "Ia ingin membawa nama Indonesia ke dunia.",
            "id",
        ),
    ],
)
def test_words_around_a_meeting_word_can_say_it_reports_no_meeting(text: str, lang: str) -> None:
    assert extract_text(text, lang=lang)["meetings"] == []


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        # The same words, with a meeting that took place: still meetings.
        ("Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Jepang di Tokyo.", "id", "bilateral"),
        (
            "President Prabowo joined the leaders of Japan and Canada at the summit in Tokyo.",
            "en",
            "multilateral",
        ),
        (
            "Japanese Prime Minister Shigeru Ishiba received Indonesian President Prabowo Subianto in Tokyo.",
            "en",
            "bilateral",
        ),
        (
            "Indonesia's foreign minister will meet the Japanese foreign minister in Tokyo on Monday.",
            "en",
            "bilateral",
        ),
        ("Japan's trade minister received a delegation from Indonesia in Tokyo.", "en", "bilateral"),
        # A forum in lower case is an event, not a body's name: joining it is taking part.
        ("Indonesia bergabung dalam forum di Tokyo bersama Jepang dan Australia.", "id", "multilateral"),
        (
            "Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Malaysia dalam rapat di Kuala Lumpur.",
            "id",
            "bilateral",
        ),
        (
            "Menteri Luar Negeri Indonesia bertemu Duta Besar Jepang untuk Indonesia di Jakarta.",
            "id",
            "bilateral",
        ),
        # A session of such a body is a meeting.
        (
            "The United States and Australia held the first Pacific Banking Forum in Brisbane in October.",
            "en",
            "multilateral",
        ),
        # "called on" someone to talk is a call.
        (
            "The Chinese ambassador called on the United States Secretary of State to discuss trade.",
            "en",
            "bilateral",
        ),
        # One side met by the other, not by the reporter.
        ("Presiden Prabowo ditemui Presiden Rusia Vladimir Putin di Moskow.", "id", "bilateral"),
    ],
)
def test_a_meeting_word_without_such_words_is_still_a_meeting(text: str, lang: str, kind: str) -> None:
    assert [m["kind"] for m in extract_text(text, lang=lang)["meetings"]] == [kind]


@pytest.mark.parametrize(
    ("text", "lang", "countries", "place"),
    [
        (
            "Presiden Joko Widodo bertemu Perdana Menteri Australia Malcolm Turnbull di KTT G20, Hamburg, Jerman.",
            "id",
            ["AUS", "IDN"],
            "Hamburg",
        ),
        (
            "President Prabowo Subianto met Prime Minister Anthony Albanese of Australia in Jeddah, Saudi Arabia.",
            "en",
            ["AUS", "IDN"],
            "Jeddah",
        ),
        # The country's abbreviation after it is the same place again.
        (
            "Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Jepang di New York, Amerika Serikat (AS).",
            "id",
            ["IDN", "JPN"],
            "New York",
        ),
        # A meeting held during a visit is between its own sides, not the visited country.
        (
            "Presiden Prabowo Subianto dalam rangkaian kunjungan ke Belgia melangsungkan pertemuan dengan "
            "Presiden Komisi Eropa Ursula von der Leyen di Brussel.",
            "id",
            ["EU", "IDN"],
            "Brussel",
        ),
        # A body's building is a place too.
        (
            "Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Swiss di Gedung PBB Jenewa.",
            "id",
            ["CHE", "IDN"],
            "Jenewa",
        ),
    ],
)
def test_the_country_of_a_meetings_venue_is_not_a_side(
    text: str, lang: str, countries: list[str], place: str
) -> None:
    (meeting,) = extract_text(text, lang=lang)["meetings"]
    assert (meeting["countries"], meeting["place"]) == (countries, place)


BLOC_NEWS = "Uni Eropa menyambut baik usulan Indonesia. Uni Eropa juga menyetujui bantuan. "


def test_a_body_the_article_is_about_is_not_the_other_side_of_every_one_sided_meeting() -> None:
    text = BLOC_NEWS + "Menteri Perdagangan Indonesia bertemu para nelayan di Cirebon."
    assert extract_text(text, lang="id")["meetings"] == []


def test_a_body_the_article_is_about_is_the_other_side_of_its_sessions() -> None:
    text = BLOC_NEWS + "Menteri Perdagangan Indonesia menghadiri sidang pleno di Brussel."
    meetings = extract_text(text, lang="id")["meetings"]
    assert [(m["kind"], m["countries"]) for m in meetings] == [("multilateral", ["EU", "IDN"])]


FOOTBALL = (
    "Klub Liga Inggris itu mencapai kesepakatan dengan klub asal Jerman untuk transfer sang gelandang. "
    "Pemain berusia 22 tahun itu meneken kontrak berdurasi lima tahun. "
)


def test_pks_is_an_agreement_where_the_article_spells_it_out_or_signs_it() -> None:
    spelled = "Perjanjian Kerja Sama (PKS) itu diteken kemarin. PKS dengan Pemkot Bogor berlaku lima tahun."
    assert [a["kind"] for a in extract_text(spelled, lang="id")["agreements"]] == ["agreement"]
    signed = "Pemkot Bogor menandatangani PKS dengan PT Sinar Abadi."
    assert [a["status"] for a in extract_text(signed, lang="id")["agreements"]] == ["signed"]


def test_club_football_deals_are_not_agreements() -> None:
    assert extract_text(FOOTBALL, lang="id")["agreements"] == []


@pytest.mark.parametrize(
    "text",
    [
        # A short transfer story: players, the squad, a match, no club word.
        "Persib Bandung mulai merampungkan skuad. Tiga pemain baru tinggal menandatangani kontrak "
        "sebelum laga perdana.",
        "Sang gelandang mencetak gol di laga terakhirnya. Kontrak pemain itu berakhir pada 30 Juni.",
    ],
)
def test_a_short_football_story_is_known_by_its_words(text: str) -> None:
    record = extract_text(text, lang="id")
    assert (record["agreements"], record["meetings"]) == ([], [])


def test_a_strong_noun_in_a_football_article_is_still_an_agreement() -> None:
    text = (
        FOOTBALL
        + "PSSI dan Asosiasi Sepak Bola Jepang menandatangani nota kesepahaman tentang pelatihan wasit."
    )
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["kind"] == "mou"


def test_mou_as_a_managers_nickname_is_not_an_agreement() -> None:
    text = (
        FOOTBALL
        + "Mou, sapaan akrab sang pelatih, sudah sepakat soal rencana transfer itu. Mou merasa terharu."
    )
    assert extract_text(text, lang="id")["agreements"] == []


def test_mou_written_so_in_other_news_is_still_an_agreement() -> None:
    text = "Kedua pihak menandatangani Mou tentang pengelolaan sampah."
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert (agreement["kind"], agreement["status"]) == ("mou", "signed")


def test_a_contract_in_other_news_is_still_an_agreement() -> None:
    text = "PT PAL menandatangani kontrak pembangunan dua kapal dengan Kementerian Pertahanan Filipina."
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["kind"] == "contract"


def test_matches_in_a_football_story_are_not_meetings() -> None:
    text = (
        "Timnas Indonesia menjamu Jepang di stadion utama. Pelatih kepala dan gelandang andalan siap. "
        "Jepang unggul atas Indonesia pada pertemuan pertama, dan tiga hari kemudian mereka bertemu Filipina "
        "dalam laga liga."
    )
    assert extract_text(text, lang="id")["meetings"] == []
    # The same words in a story that is no football story still make a meeting.
    assert extract_text("Menteri Indonesia bertemu Menteri Jepang di Tokyo.", lang="id")["meetings"]


def test_a_domestic_event_is_not_a_meeting() -> None:
    text = "Menteri Perindustrian menghadiri rapat koordinasi dengan para gubernur di Jakarta."
    assert extract_text(text, lang="id")["meetings"] == []


# --- a document that is an agreement itself (extract/titled.py) ---------------------

LEADERS_MET = (
    "The President of Indonesia and the Prime Minister of Japan met in Tokyo on Monday and issued the "
    "following statement. The two leaders welcomed closer cooperation on clean energy and fisheries."
)


def test_a_release_titled_as_a_joint_statement_is_that_statement() -> None:
    (agreement,) = extract_text(LEADERS_MET, title="Indonesia-Japan Joint Leaders’ Statement", lang="en")[
        "agreements"
    ]
    assert (agreement["name"], agreement["kind"], agreement["status"]) == (
        "Indonesia-Japan Joint Leaders’ Statement",
        "statement",
        "agreed",
    )
    assert agreement["countries"] == ["IDN", "JPN"]
    assert agreement["date"] == "2025-06-16"  # the Monday the body names
    assert agreement["evidence"].startswith("The President of Indonesia and the Prime Minister of Japan met")


@pytest.mark.parametrize(
    "title",
    [
        "Fact Sheet: The Jakarta Declaration on Ocean Health",  # about a document
        "Statement from the Press Secretary on the Joint Statement of Indonesia and Japan",  # ditto
        "Statement by the President on Indonesia and Japan",  # one side's statement
    ],
)
def test_a_title_about_a_statement_or_of_one_side_is_no_agreement(title: str) -> None:
    assert extract_text(LEADERS_MET, title=title, lang="en")["agreements"] == []


def test_the_body_speaking_of_the_document_is_the_same_statement_and_another_one_stays_apart() -> None:
    text = (
        "Indonesia and Japan reaffirmed their partnership. This Joint Statement sets out the steps both "
        "governments will take on fisheries. Both sides recalled the joint statement their ministers issued in 2019."
    )
    agreements = extract_text(
        text, title="Indonesia-Japan Joint Statement on Maritime Cooperation", lang="en"
    )["agreements"]
    assert [(a["name"], a["date"]) for a in agreements] == [
        ("Indonesia-Japan Joint Statement on Maritime Cooperation", "2025-06-18"),
        (None, "2019"),
    ]
    assert agreements[0]["evidence"].startswith("This Joint Statement sets out")


def test_a_declaration_that_closes_with_its_signing_line_is_signed() -> None:
    text = (
        "Indonesia and Japan decide to work together on hydrogen, ammonia and geothermal power in the years "
        "ahead. Both governments will report on progress every year. Signed in Jakarta, on 3 March 2025."
    )
    (agreement,) = extract_text(text, title="Indonesia-Japan Joint Declaration on Clean Energy", lang="en")[
        "agreements"
    ]
    assert (agreement["status"], agreement["date"]) == ("signed", "2025-03-03")
    assert agreement["evidence"] == "Signed in Jakarta, on 3 March 2025."


MINISTERS_MET = (
    "Menteri Luar Negeri Indonesia dan Menteri Luar Negeri Vietnam bertemu di Hanoi pada Senin. "
    "Kedua menteri sepakat memperkuat kerja sama perikanan dan keamanan laut."
)


def test_an_indonesian_release_opening_with_pernyataan_bersama_is_that_statement() -> None:
    title = "Pernyataan Bersama Indonesia dan Vietnam tentang Kerja Sama Maritim"
    (agreement,) = extract_text(MINISTERS_MET, title=title, lang="id")["agreements"]
    assert (agreement["name"], agreement["status"], agreement["countries"]) == (
        title,
        "agreed",
        ["IDN", "VNM"],
    )


def test_an_indonesian_headline_that_reports_a_statement_is_not_the_statement() -> None:
    # Indonesian headlines capitalise every word: only a title that opens with the head counts.
    title = "Kedua Menteri Keluarkan Pernyataan Bersama"
    assert extract_text(MINISTERS_MET, title=title, lang="id")["agreements"] == []


@pytest.mark.parametrize(
    ("text", "lang", "countries"),
    [
        # Two pacts in one sentence: each name says its own sides.
        (
            "Kementerian Perdagangan membahas Indonesia-Chile CEPA dan Indonesia-Mesir CEPA pekan ini. "
            "Perundingan Indonesia-Chile CEPA dimulai pada 2019.",
            "id",
            [["CHL", "IDN"], ["EGY", "IDN"]],
        ),
        (
            "Officials discussed the Canada-Peru Free Trade Agreement and the Japan-Mexico Economic "
            "Partnership Agreement at the meeting.",
            "en",
            [["CAN", "PER"], ["JPN", "MEX"]],
        ),
        # "between X and Y" names both sides; the country where it was said is neither.
        (
            "Di Roma, para diplomat menyambut nota kesepahaman antara Kenya dan Tanzania yang diteken pekan lalu.",
            "id",
            [["KEN", "TZA"]],
        ),
    ],
)
def test_a_name_that_joins_two_sides_gives_its_countries(
    text: str, lang: str, countries: list[list[str]]
) -> None:
    agreements = extract_text(text, lang=lang)["agreements"]
    assert sorted(a["countries"] for a in agreements) == countries


def test_an_agreement_with_someone_names_one_side_only() -> None:
    # "with X and Y" names the counterparts: the signer is a side too.
    text = "Kenya has signed an agreement with Dutch and Belgian firms to build a new port."
    (agreement,) = extract_text(text, lang="en")["agreements"]
    assert agreement["countries"] == ["BEL", "KEN", "NLD"]


@pytest.mark.parametrize("both", ["kedua pihak", "kedua belah pihak"])
def test_both_sides_are_the_two_countries_of_the_article(both: str) -> None:
    text = (
        "Menteri Pendidikan Tinggi menerima Duta Besar Oman di Jakarta. "
        f"Kemendiktisaintek memastikan {both} memperbarui nota kesepahaman "
        "pendidikan tinggi yang diteken pada 2021."
    )
    (agreement,) = extract_text(text, title="Indonesia dan Oman Bahas Kerja Sama Pendidikan", lang="id")[
        "agreements"
    ]
    assert agreement["countries"] == ["IDN", "OMN"]


@pytest.mark.parametrize(
    ("sentence", "lang", "status"),
    [
        # "after signing" inside a clause that looks ahead: the signing is ahead too.
        (
            "Kedua negara akan menikmati tarif nol persen usai meneken perjanjian dagang itu.",
            "id",
            "proposed",
        ),
        (
            "Kedua negara akan menikmati tarif nol persen setelah menandatangani perjanjian dagang itu.",
            "id",
            "proposed",
        ),
        ("Both countries will enjoy lower tariffs after signing the trade agreement.", "en", "proposed"),
        # After the signing, what comes next is ahead; the signing is done.
        ("Usai meneken perjanjian dagang itu, kedua menteri akan memberi keterangan.", "id", "signed"),
        ("Kedua menteri memberi keterangan usai meneken perjanjian dagang itu.", "id", "signed"),
    ],
)
def test_after_signing_in_a_clause_that_looks_ahead_is_ahead(sentence: str, lang: str, status: str) -> None:
    (agreement,) = extract_text(sentence, lang=lang)["agreements"]
    assert agreement["status"] == status


def test_a_word_that_starts_sentences_is_no_signing_party() -> None:
    (agreement,) = extract_text("Usai meneken MoU kebudayaan, kedua menteri makan siang bersama.", lang="id")[
        "agreements"
    ]
    assert agreement["parties"] == []
    (agreement,) = extract_text(
        "Pemerintah Indonesia dan Pemerintah Oman menandatangani MoU kebudayaan.", lang="id"
    )["agreements"]
    assert agreement["parties"] == ["Pemerintah Indonesia", "Pemerintah Oman"]


@pytest.mark.parametrize("term", ["berlaku selama lima tahun", "berlaku lima tahun", "berlaku 3 tahun"])
def test_the_term_an_agreement_runs_is_not_its_entry_into_force(term: str) -> None:
    text = (
        "Universitas Sungai Biru dan Universitas Bukit Hijau menandatangani nota kesepahaman pada Selasa. "
        f"Nota kesepahaman ini {term} dan dapat diperpanjang."
    )
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["status"] == "signed"
    (agreement,) = extract_text("Perjanjian dagang itu berlaku mulai 1 Januari 2026.", lang="id")[
        "agreements"
    ]
    assert agreement["status"] == "ratified"


def test_a_press_conference_is_no_sector() -> None:
    sentence = "Kedua perusahaan menandatangani kontrak pengadaan kapal dalam konferensi pers di Surabaya."
    (agreement,) = extract_text(sentence, lang="id")["agreements"]
    assert agreement["sectors"] == ["shipbuilding"]


@pytest.mark.parametrize(
    "text",
    [
        "Kementerian Perdagangan membahas Indonesia-Chile CEPA dan Indonesia-Peru CEPA pekan ini.",
        "Kementerian Perdagangan membahas Indonesia-Chile CEPA pekan ini. Menteri juga membahas Indonesia-Peru CEPA.",
    ],
)
def test_pacts_of_one_kind_with_other_countries_are_two(text: str) -> None:
    agreements = extract_text(text, lang="id")["agreements"]
    assert sorted(a["name"] for a in agreements) == ["Indonesia-Chile CEPA", "Indonesia-Peru CEPA"]


def test_a_pact_named_by_its_sides_twice_is_one() -> None:
    text = (
        "Indonesia dan Uni Eropa membahas Indonesia-EU CEPA pekan ini. "
        "Kedua pihak menargetkan CEPA antara Indonesia dan Uni Eropa rampung tahun ini."
    )
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["countries"] == ["EU", "IDN"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # The first word of the noun ("Free", "Letter", "Implementing") is no stop.
        (
            "Officials reviewed the Canada-Peru Free Trade Agreement on Monday.",
            "Canada-Peru Free Trade Agreement",
        ),
        ("They signed the Harbour City Letter of Intent on Monday.", "Harbour City Letter of Intent"),
        (
            "They signed the Lunar Rover Implementing Arrangement on Monday.",
            "Lunar Rover Implementing Arrangement",
        ),
        # A name with an en dash is whole.
        (
            "They signed the Japan\u2013Mexico Economic Partnership Agreement on Monday.",
            "Japan\u2013Mexico Economic Partnership Agreement",
        ),
    ],
)
def test_words_before_an_english_noun_of_several_words_name_it(sentence: str, name: str) -> None:
    (agreement,) = extract_text(sentence, lang="en")["agreements"]
    assert agreement["name"] == name


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Indonesia dan Kanada merundingkan ICA-CEPA sejak 2021. Pada Minggu, kedua pihak akhirnya "
            "mencapai kesepakatan politik.",
            "id",
        ),
        (
            "Perundingan ICA-CEPA dimulai pada 2021. Kedua pihak telah mencapai kesepakatan substantif "
            "pada seluruh area negosiasi.",
            "id",
        ),
        (
            "Canada and Ecuador began talks on the Canada-Ecuador Free Trade Agreement in 2022. "
            "On Sunday the two sides reached a political agreement.",
            "en",
        ),
    ],
)
def test_a_political_agreement_is_the_stage_of_the_pact_not_another(text: str, lang: str) -> None:
    (agreement,) = extract_text(text, lang=lang)["agreements"]
    assert agreement["status"] == "agreed"
    assert agreement["name"] in ("ICA-CEPA", "Canada-Ecuador Free Trade Agreement")


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        (
            "Northwind Aero and Selatan Dirgantara have signed a MoU on engine parts.",
            ["Northwind Aero", "Selatan Dirgantara"],
        ),
        (
            "Harbor Foods has signed an agreement with Mekar Tani to buy cocoa.",
            ["Harbor Foods", "Mekar Tani"],
        ),
        # An office alone is nobody's name.
        ("The President has also signed an agreement on port security.", []),
    ],
)
def test_the_subject_of_has_signed_is_a_party(sentence: str, parties: list[str]) -> None:
    (agreement,) = extract_text(sentence, lang="en")["agreements"]
    assert agreement["parties"] == parties


def test_bodies_joined_by_bersama_before_the_signing_are_two_parties() -> None:
    text = (
        "BNPT bersama PT Kereta Sentosa resmi menandatangani nota kesepahaman tentang pencegahan terorisme."
    )
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["parties"] == ["BNPT", "PT Kereta Sentosa"]


def test_an_engineers_title_is_not_the_bloc() -> None:
    # "ASEAN Eng." (ASEAN Engineer) after a rector's name: the MoU is between two Indonesian universities.
    text = (
        "Nota kesepahaman diteken Rektor Universitas Nusa Bangsa, Prof. Dr. Ir. Ani Lestari, IPM., "
        "ASEAN Eng., dan Rektor Universitas Bukit Hijau."
    )
    record = extract_text(text, lang="id")
    assert [a["countries"] for a in record["agreements"]] == [["IDN"]]
    assert [p["country"] for p in record["people"]] == ["IDN"]


@pytest.mark.parametrize(
    ("sentence", "lang", "parties"),
    [
        (
            "Grab menjalin kerja sama strategis dengan PT KAI dan menempatkan kios di 49 stasiun.",
            "id",
            ["PT KAI"],
        ),
        ("Penandatanganan nota kesepahaman dilakukan oleh Jamil dan dihadiri para dekan.", "id", ["Jamil"]),
        (
            "Taiwan plans to seek joint production agreements with Japan and diversify into repairs.",
            "en",
            ["Japan"],
        ),
    ],
)
def test_a_joining_word_after_the_last_party_is_none_of_it(
    sentence: str, lang: str, parties: list[str]
) -> None:
    (agreement,) = extract_text(sentence, lang=lang)["agreements"]
    assert agreement["parties"] == parties


@pytest.mark.parametrize(
    "sentence",
    [
        "Pegawai yang diangkat berdasarkan perjanjian kerja perorangan bertugas di kantor gubernur.",
        # A settlement between persons; the minutes of a meeting.
        "Penyanyi itu berhasil mencapai kesepakatan damai dengan korban pada Senin.",
        "Guru tersebut menandatangani surat damai dengan wali murid di kantor polisi.",
        "Ketua DPRD tidak menandatangani berita acara kesepakatan rapat anggaran.",
    ],
)
def test_a_job_contract_a_settlement_or_minutes_are_no_agreements(sentence: str) -> None:
    assert extract_text(sentence, lang="id")["agreements"] == []


def test_a_peace_agreement_between_sides_is_one() -> None:
    (agreement,) = extract_text("Israel dan Hamas mencapai kesepakatan damai pada Senin.", lang="id")[
        "agreements"
    ]
    assert agreement["status"] == "agreed"


@pytest.mark.parametrize(
    "sentence",
    [
        "A high command communique said the attackers were repulsed east of the river.",
        "A military communique said enemy positions were shelled overnight.",
        "Employers get incentives to offer short-term work contracts of at least two years.",
    ],
)
def test_a_war_report_or_a_work_contract_is_no_agreement(sentence: str) -> None:
    assert extract_text(sentence, lang="en")["agreements"] == []


def test_a_joint_communique_is_a_statement() -> None:
    (agreement,) = extract_text("The two leaders issued a joint communique on trade.", lang="en")[
        "agreements"
    ]
    assert agreement["kind"] == "statement"


def test_an_agreement_whose_sentence_names_no_sector_takes_the_headlines() -> None:
    text = "Kedua menteri menandatangani tiga nota kesepahaman di Jakarta pada Senin."
    (agreement,) = extract_text(text, title="Indonesia dan Oman Perkuat Kerja Sama Perikanan", lang="id")[
        "agreements"
    ]
    assert agreement["sectors"] == ["agriculture"]
    # The sentence's own sector comes first.
    text = "Kedua menteri menandatangani nota kesepahaman pendidikan vokasi di Jakarta pada Senin."
    (agreement,) = extract_text(text, title="Indonesia dan Oman Perkuat Kerja Sama Perikanan", lang="id")[
        "agreements"
    ]
    assert agreement["sectors"] == ["education"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "President Ana Ruiz of Chile met today with President Omar Kibet of Kenya on the margins of the G20 Summit.",
            "en",
        ),
        (
            "Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Chile di sela-sela KTT APEC di Lima, Senin.",
            "id",
        ),
    ],
)
def test_a_meeting_on_the_margins_of_a_summit_is_bilateral(text: str, lang: str) -> None:
    (meeting,) = extract_text(text, lang=lang)["meetings"]
    assert meeting["kind"] == "bilateral"


def test_a_summit_with_no_other_meeting_in_its_sentence_is_still_one() -> None:
    text = "Presiden Indonesia dan Perdana Menteri Jepang menghadiri KTT G20 di Osaka, Senin."
    (meeting,) = extract_text(text, lang="id")["meetings"]
    assert meeting["kind"] == "multilateral"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Dirjen ILO mengapresiasi kontribusi aktif Indonesia dalam berbagai forum ketenagakerjaan internasional.",
            "id",
        ),
        ("The ILO praised Indonesia's role in various international forums on labour.", "en"),
    ],
)
def test_meetings_of_a_kind_spoken_of_together_are_none(text: str, lang: str) -> None:
    assert extract_text(text, lang=lang)["meetings"] == []


def test_a_visit_elsewhere_is_no_part_of_a_meeting_that_shares_only_the_visitor() -> None:
    text = (
        "Presiden Prabowo Subianto bertemu Presiden Komisi Eropa Ursula von der Leyen di Brussel, "
        "Minggu (13/7/2025). Prabowo juga mampir ke Belarus pada Senin (14/7/2025)."
    )
    meetings = extract_text(text, lang="id")["meetings"]
    assert [(m["kind"], m["countries"], m["place"]) for m in meetings] == [
        ("bilateral", ["EU", "IDN"], "Brussel"),
        ("visit", ["BLR", "IDN"], "Belarus"),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Wisatawan asal Prancis menduduki peringkat teratas dalam daftar kunjungan terbanyak ke Indonesia.",
            "id",
        ),
        ("He has taught as a Visiting Professor at Kyoto University in Japan since 2010.", "en"),
    ],
)
def test_tourists_counted_and_an_academic_title_are_no_visits(text: str, lang: str) -> None:
    assert extract_text(text, lang=lang)["meetings"] == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Pesawat angkut buatan Prancis itu akhirnya tiba di Lanud Halim Perdanakusuma, Jakarta, Senin.",
            "id",
        ),
        ("Kapal perang buatan Jerman itu tiba di Indonesia setelah berlayar 57 hari.", "id"),
        ("Para jemaah haji asal Indonesia telah tiba di Arab Saudi pekan lalu.", "id"),
        ("More than four million tourists from Canada visit Mexico each year.", "en"),
    ],
)
def test_what_arrives_without_a_visitor_is_no_visit(text: str, lang: str) -> None:
    assert extract_text(text, lang=lang)["meetings"] == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Delegasi Prancis tiba di Jakarta untuk kunjungan kerja, Senin.", "id"),
        ('"Ini kunjungan kedua saya ke Indonesia," ujar Menteri Luar Negeri Prancis.', "id"),
        ("The Kenya State Visit to the United States opened a new chapter.", "en"),
        ("Trade was the main topic during my recent visit to Saudi Arabia from the United States.", "en"),
    ],
)
def test_a_visit_by_a_delegation_an_office_or_the_speaker_stays(text: str, lang: str) -> None:
    assert [m["kind"] for m in extract_text(text, lang=lang)["meetings"]] == ["visit"]


def test_a_signing_told_without_the_instruments_noun_is_a_meeting_of_its_signers() -> None:
    text = (
        "Kementerian Pendidikan Tinggi menandatangani perjanjian beasiswa dengan University of Sydney. "
        "Penandatanganan dilakukan oleh Pelaksana Tugas (Plt.) Sekretaris Jenderal Kemdiktisaintek, "
        "Badri Munir Sukoco bersama Vice-Chancellor University of Sydney, Mark Scott di Jakarta, Selasa (14/4)."
    )
    meetings = extract_text(text, lang="id")["meetings"]
    assert [(m["kind"], m["countries"], m["participants"]) for m in meetings] == [
        ("bilateral", ["AUS", "IDN"], ["Badri Munir Sukoco", "Mark Scott"])
    ]


def test_atau_glued_before_a_nickname_is_cut_off() -> None:
    text = "Menteri Perumahan dan Kawasan Permukiman Rudi Hasibuanatau Ara menyambangi gedung KPK."
    people = extract_text(text, lang="id")["people"]
    assert [p["name"] for p in people] == ["Rudi Hasibuan"]


@pytest.mark.parametrize(
    ("sentence", "lang", "name"),
    [
        # The reading stopped after a number whose noun is in lower case beyond it.
        (
            "Kedua negara menyepakati perjanjian dagang 90 hari yang berlaku pekan lalu.",
            "id",
            "perjanjian dagang",
        ),
        (
            "Kemenperin meneken MoU antara Kemenperin dengan Institut Otomotif Indonesia (IOI) dan 22 perguruan tinggi.",
            "id",
            "MoU antara Kemenperin dengan Institut Otomotif Indonesia (IOI)",
        ),
        # A number that is the name's own stays.
        (
            "Kejaksaan meneken Nota Kesepahaman Nomor 12 tentang pengamanan.",
            "id",
            "Nota Kesepahaman Nomor 12",
        ),
        (
            "The airline signed a deal for the purchase of ten new 787s on Monday.",
            "en",
            "deal for the purchase of ten new 787s",
        ),
    ],
)
def test_a_number_before_its_noun_is_no_part_of_the_name(sentence: str, lang: str, name: str) -> None:
    (agreement,) = extract_text(sentence, lang=lang)["agreements"]
    assert agreement["name"] == name


@pytest.mark.parametrize(
    "sentence",
    [
        "Perusahaan itu belum menandatangani perjanjian definitif apa pun dengan pesaingnya.",
        "Rancangan undang-undang mengatur kewajiban perjanjian kerja tertulis bagi pekerja rumah tangga.",
        "Platform wajib memastikan adanya persetujuan orang tua sebelum anak membuat akun.",
    ],
)
def test_any_agreement_a_written_job_contract_and_consent_are_none(sentence: str) -> None:
    assert extract_text(sentence, lang="id")["agreements"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "He championed ratification of the 15th Amendment and worked for civil rights.",
        "He urged passage of a balanced budget amendment to the U.S. Constitution.",
        "Review consent decrees and out-of-court agreements involving local police departments.",
        "The President signed the Honoring our Veterans (PACT) Act into law in August.",
    ],
)
def test_a_constitutions_amendment_a_court_settlement_or_an_act_are_no_agreements(sentence: str) -> None:
    assert extract_text(sentence, lang="en")["agreements"] == []


def test_an_amendment_to_an_agreement_is_one() -> None:
    (agreement,) = extract_text(
        "The parties ratified an amendment to the trade agreement on Monday.", lang="en"
    )["agreements"]
    assert agreement["kind"] == "arrangement"


@pytest.mark.parametrize(
    "text",
    [
        "Menteri PKP Rudi Hasibuan atau Ucok menyambangi gedung KPK. Ucok mengatakan kerja sama itu penting.",
        "Gubernur Riau Rudi Hasibuan atau yang akrab disapa Ucok hadir di Medan. Ucok mengatakan hal itu.",
        "Menteri Perumahan dan Kawasan Permukiman Rudi Hasibuanatau Ucok hadir. Ucok mengatakan hal itu.",
        # In brackets, with a form of address.
        "Menteri Sosial Rudi Hasibuan (Gus Ucok) membagikan bantuan. Gus Ucok mengatakan bantuan tepat sasaran.",
    ],
)
def test_a_nickname_given_after_atau_is_the_same_person(text: str) -> None:
    people = extract_text(text, lang="id")["people"]
    assert [p["name"] for p in people] == ["Rudi Hasibuan"]


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        # A given name clipped: the person named in full before.
        (
            'Sekretaris Kemenko Perekonomian Hermawijono Sastro menjelaskan tarif itu. "Hampir semua produk," kata Herma.',
            "id",
            ["Hermawijono Sastro"],
        ),
        (
            'Menteri Kesehatan Yohanes Melkiades Tanu meninjau rumah sakit. "Layanan membaik," kata Melki.',
            "id",
            ["Yohanes Melkiades Tanu"],
        ),
        (
            "Treasurer Alexander Brandt met the delegation. Alex said the talks went well.",
            "en",
            ["Alexander Brandt"],
        ),
        # A father's name in a patronymic is another person.
        (
            'Ketua Umum Diah Soekarnoputri hadir di Blitar. Ia mengenang ayahnya. "Bangsa harus bersatu," kata Soekarno.',
            "id",
            ["Diah Soekarnoputri", "Soekarno"],
        ),
        # Two names that open with the word: which one it cannot say.
        (
            "Hermawan Sastro dan Hermansyah Lubis hadir. Rapat dibuka oleh Ketua Panitia Budi Santosa, kata Herma.",
            "id",
            ["Hermawan Sastro", "Hermansyah Lubis", "Budi Santosa", "Herma"],
        ),
    ],
)
def test_a_clipped_name_is_the_person_named_in_full(text: str, lang: str, names: list[str]) -> None:
    assert [p["name"] for p in extract_text(text, lang=lang)["people"]] == names


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Sekjen Golkar Rudi Hasibuan mengatakan rapat itu penting.", "Rudi Hasibuan", "Sekjen Golkar"),
        (
            "Anggota Komisi XI DPR RI Fraksi Golkar Galih Sukmana mengatakan tarif itu tinggi.",
            "Galih Sukmana",
            "Anggota Komisi XI DPR RI Fraksi Golkar",
        ),
        ("Ketum NasDem Rudi Hasibuan hadir di Senayan.", "Rudi Hasibuan", "Ketum NasDem"),
        (
            "Wakil Ketua Umum Partai Gerindra Rudi Hasibuan menyambut baik kerja sama itu.",
            "Rudi Hasibuan",
            "Wakil Ketua Umum Partai Gerindra",
        ),
    ],
)
def test_a_political_party_is_of_the_office_not_of_the_name(text: str, name: str, role: str) -> None:
    (person,) = extract_text(text, lang="id")["people"]
    assert (person["name"], person["role"]) == (name, role)


def test_a_partys_name_holds_words_people_are_named() -> None:
    text = "Menteri Perhubungan Budi Karya Sumadi meninjau bandara. Rektor Wa Ode Nurani Dianta hadir."
    names = [p["name"] for p in extract_text(text, lang="id")["people"]]
    assert names == ["Budi Karya Sumadi", "Wa Ode Nurani Dianta"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Sen. Bill Hartley said the bill would pass next week.", [("Bill Hartley", "Sen.")]),
        (
            'The "Big Beautiful Bill" passed the House, Congressman Bill Owens said.',
            [("Bill Owens", "Congressman")],
        ),
        (
            "Lawmakers debated the Farm Bill Act on Friday, spokesman Bill Peltz said.",
            [("Bill Peltz", "spokesman")],
        ),
    ],
)
def test_bill_opens_a_persons_name_and_closes_a_bills(text: str, names: list[tuple[str, str]]) -> None:
    people = extract_text(text, lang="en")["people"]
    assert [(p["name"], p["role"]) for p in people] == names


def test_a_state_or_province_abroad_is_its_countrys() -> None:
    gubernur = extract_text("Gubernur California Rudi Newsome mengatakan hal itu.", lang="id")["people"]
    assert [(p["name"], p["role"], p["country"]) for p in gubernur] == [
        ("Rudi Newsome", "Gubernur California", "USA")
    ]
    (senator,) = extract_text("New Mexico Senator Rudi Lujan said the bill would pass.", lang="en")["people"]
    assert senator["name"] == "Rudi Lujan" and senator["country"] != "MEX"
    text = "Universitas Harapan menandatangani nota kesepahaman dengan Asosiasi Pendidikan Guangdong."
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["countries"] == ["CHN", "IDN"]


def test_a_working_group_spoken_of_after_a_meeting_is_a_session_of_its_own() -> None:
    text = (
        "Menteri Pendidikan Rudi Hasibuan bertemu Duta Besar Turki untuk Indonesia Ahmet Yilmaz di Jakarta. "
        "Indonesia dan Turki juga tengah mempersiapkan Joint Working Group (JWG) bidang pendidikan tinggi."
    )
    meetings = extract_text(text, lang="id")["meetings"]
    assert [(m["kind"], m["participants"]) for m in meetings] == [
        ("bilateral", ["Rudi Hasibuan", "Ahmet Yilmaz"]),
        ("commission", []),
    ]


def test_a_date_in_a_since_clause_after_the_meeting_is_not_its_date() -> None:
    text = (
        "Dewan Keamanan PBB menggelar sidang tertutup pada Jumat (25/7/2025). Pertemuan darurat dengan PBB itu "
        "digelar setelah pecahnya perang Thailand-Kamboja sejak Kamis (24/7/2025), yang melibatkan jet tempur."
    )
    (meeting,) = extract_text(text, lang="id", published="2025-07-26T10:00:00+07:00")["meetings"]
    assert meeting["date"] == "2025-07-25"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Menlu Sugiono bertemu Menlu Aljazair Ahmed Attaf di Jakarta untuk memperkuat hubungan yang terjalin"
            " sejak tahun 1963.",
            "id",
        ),
        (
            "Foreign Minister Sugiono met Algerian Foreign Minister Ahmed Attaf in Jakarta to strengthen ties"
            " that have grown since 1963.",
            "en",
        ),
    ],
)
def test_a_year_that_takes_its_since_along_is_not_the_meetings(text: str, lang: str) -> None:
    # The date expression is "sejak tahun 1963" itself: the meeting is not of 1963 (and
    # so not too old to be news).
    (meeting,) = extract_text(text, lang=lang, published="2025-06-20T10:00:00+07:00")["meetings"]
    assert meeting["date"] is None
    assert meeting["participants"] == ["Sugiono", "Ahmed Attaf"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Perundingan Indonesia dan Kanada, yang telah berlangsung sejak tahun 2016, kembali dibahas"
            " pejabat kedua negara.",
            "id",
        ),
        ("Talks between Indonesia and Canada, which have been stalled since 2016, were raised again.", "en"),
    ],
)
def test_talks_that_have_run_since_a_year_are_history(text: str, lang: str) -> None:
    # How long the talks themselves have run: they started then, background, not news.
    assert extract_text(text, lang=lang, published="2025-06-20T10:00:00+07:00")["meetings"] == []


@pytest.mark.parametrize(
    "text",
    [
        "President Biden and Prime Minister Kishida took stock of the talks since their joint September 27 "
        "meeting in Washington.",
        "Since the joint September 27 meeting of President Biden and Prime Minister Kishida in Washington, "
        "trade has grown.",
    ],
)
def test_a_since_clause_holding_the_meeting_dates_it(text: str) -> None:
    (meeting,) = extract_text(text, lang="en", published="2022-10-05T10:00:00+00:00")["meetings"]
    assert meeting["date"] == "2022-09-27"


@pytest.mark.parametrize(
    ("text", "lang", "published", "dates"),
    [
        (
            "Menlu Sugiono melawat ke Tokyo, Jepang, pada 10-12 Juni untuk bertemu Menlu Jepang Takeshi Iwaya"
            " pada Rabu siang, kemudian menghadiri Forum Ekonomi Asia, Kamis (12/6).",
            "id",
            "2025-06-14T10:00:00+07:00",
            {"bilateral": "2025-06-11", "multilateral": "2025-06-12"},
        ),
        (
            "Foreign Minister Sugiono traveled to Tokyo on June 10-12, where he met Japanese Foreign Minister"
            " Takeshi Iwaya on June 11.",
            "en",
            "2025-06-14T10:00:00+00:00",
            {"bilateral": "2025-06-11"},
        ),
    ],
)
def test_a_day_named_after_the_meeting_dates_it_within_a_trips_range(
    text: str, lang: str, published: str, dates: dict[str, str]
) -> None:
    meetings = extract_text(text, lang=lang, published=published)["meetings"]
    assert {m["kind"]: m["date"] for m in meetings} == dates


def test_a_range_of_days_still_dates_the_visit() -> None:
    text = "Presiden Prabowo melakukan kunjungan kenegaraan ke Jepang pada 10-12 Juni, Rabu (11/6) di Tokyo."
    (meeting,) = extract_text(text, lang="id", published="2025-06-14T10:00:00+07:00")["meetings"]
    assert meeting["date"] == "2025-06-10"  # the visit is the trip: its first day


def test_a_second_meeting_of_two_states_is_no_sports_record() -> None:
    text = "Pertemuan kedua antara Indonesia dan Malaysia membahas batas laut kedua negara."
    (meeting,) = extract_text(text, lang="id")["meetings"]
    assert meeting["countries"] == ["IDN", "MYS"]


def test_a_city_is_a_more_precise_place_than_its_province() -> None:
    text = "Menlu Sugiono bertemu Menlu Jepang Takeshi Iwaya di Jawa Barat, tepatnya di Bandung, Senin."
    (meeting,) = extract_text(text, lang="id")["meetings"]
    assert meeting["place"] == "Bandung"


@pytest.mark.parametrize(
    ("text", "place", "countries"),
    [
        (
            "President Biden met Prime Minister Kishida of Japan at the White House on Friday.",
            "White House",
            ["JPN", "USA"],
        ),
        # The host of a third country is where they met, no side of it.
        (
            "President Prabowo met Prime Minister Modi in the United Arab Emirates on Monday.",
            "United Arab Emirates",
            ["IDN", "IND"],
        ),
        # A country's name inside a longer name or before a noun is no place.
        (
            "President Biden met Prime Minister Modi of India at the U.S.-India Summit on Friday.",
            None,
            ["IND", "USA"],
        ),
    ],
)
def test_a_place_after_in_the_or_at_the(text: str, place: str | None, countries: list[str]) -> None:
    (meeting,) = extract_text(text, lang="en")["meetings"]
    assert (meeting["place"], meeting["countries"]) == (place, countries)


@pytest.mark.parametrize(
    ("text", "lang", "countries"),
    [
        (
            "Foreign Minister Sugiono met Japanese Foreign Minister Takeshi Iwaya in Tokyo to discuss North"
            " Korea and Myanmar.",
            "en",
            ["IDN", "JPN"],
        ),
        (
            "Menlu Sugiono bertemu Menlu Jepang Takeshi Iwaya di Tokyo membahas situasi Korea Utara dan Myanmar.",
            "id",
            ["IDN", "JPN"],
        ),
        (
            "President Biden met Secretary General Jens Stoltenberg of NATO ahead of the NATO Summit to address"
            " Russia's invasion of Ukraine.",
            "en",
            ["NATO", "USA"],
        ),
        # Without it the meeting would have one side: then what it is about names the other.
        (
            "Presiden Prabowo menggelar pertemuan bilateral membahas kerja sama dengan Jepang.",
            "id",
            ["IDN", "JPN"],
        ),
    ],
)
def test_countries_a_meeting_is_about_are_no_sides(text: str, lang: str, countries: list[str]) -> None:
    (meeting,) = extract_text(text, lang=lang)["meetings"]
    assert meeting["countries"] == countries


@pytest.mark.parametrize(
    ("text", "lang", "name", "role"),
    [
        # The role read from inside brackets: the short form, and a body after it up to a
        # rank or a comma.
        (
            "Staf Angkatan Laut (Kasal) Laksamana TNI Muhammad Ali menyampaikan bahwa kapal tiba.",
            "id",
            "Muhammad Ali",
            "Kasal",
        ),
        (
            "Menurut Umum (Ketum) PSSI Erick Thohir, timnas siap bertanding.",
            "id",
            "Erick Thohir",
            "Ketum PSSI",
        ),
        (
            "Also present were (former National Security Adviser) Adm John Poindexter and others.",
            "en",
            "John Poindexter",
            "National Security Adviser",
        ),
    ],
)
def test_a_role_is_never_cut_inside_brackets(text: str, lang: str, name: str, role: str) -> None:
    people = {p["name"]: p["role"] for p in extract_text(text, lang=lang)["people"]}
    assert people[name] == role


@pytest.mark.parametrize(
    ("text", "lang", "roles"),
    [
        # Indonesian lists put each office before its name: the office after a name is
        # the next one's.
        (
            "Hadir Menteri Kesehatan Nila Moeloek, Menteri Pendidikan dan Kebudayaan Muhadjir Effendy, dan"
            " Wakil Menteri ESDM Arcandra Tahar.",
            "id",
            {
                "Nila Moeloek": "Menteri Kesehatan",
                "Muhadjir Effendy": "Menteri Pendidikan dan Kebudayaan",
                "Arcandra Tahar": "Wakil Menteri ESDM",
            },
        ),
        (
            "Panel diskusi ini turut dihadiri Menteri Sosial (Mensos), Syaifullah Yusuf, Menteri Komunikasi"
            " dan Digital (Menkomdigi), Meutya Viada Hafid, serta pejabat lain.",
            "id",
            {"Syaifullah Yusuf": "Menteri Sosial", "Meutya Viada Hafid": "Menteri Komunikasi dan Digital"},
        ),
        # English lists put it after: "Name, Office, Name, Office".
        (
            "The discussion included Ali Zaidi, National Climate Advisor, John Podesta, Senior Advisor for"
            " Clean Energy Innovation, and Brenda Mallory, Chair of the Council on Environmental Quality.",
            "en",
            {"John Podesta": "Senior Advisor for Clean Energy Innovation"},
        ),
    ],
)
def test_offices_in_a_list_of_names(text: str, lang: str, roles: dict[str, str]) -> None:
    people = {p["name"]: p["role"] for p in extract_text(text, lang=lang)["people"]}
    assert {name: people.get(name) for name in roles} == roles


def test_an_office_short_form_in_brackets_is_no_person() -> None:
    text = (
        "Direktur Jenderal Potensi Pertahanan Kementerian Pertahanan (Dirjen Pothan) Laksamana Muda TNI"
        " Sri Yanto menuturkan pameran berhasil."
    )
    assert [p["name"] for p in extract_text(text, lang="id")["people"]] == ["Sri Yanto"]


def test_two_full_names_joined_by_atau_are_two_people() -> None:
    text = "Pelatih memilih Rudi Hasibuan atau Budi Santosa untuk laga itu, kata Ketua Umum PSSI Ahmad Yani."
    names = {p["name"] for p in extract_text(text, lang="id")["people"]}
    assert {"Rudi Hasibuan", "Budi Santosa"} <= names


def test_a_cup_is_no_person() -> None:
    text = "Real Madrid menang di final Copa del Rey, kata pelatih Carlo Ancelotti."
    assert [p["name"] for p in extract_text(text, lang="id")["people"]] == ["Carlo Ancelotti"]


@pytest.mark.parametrize(
    ("sentence", "lang", "parties"),
    [
        (
            "Gubernur Aceh Teuku Rahmat dan Gubernur Sumut Dimas Lubis menandatangani nota kesepahaman"
            " tentang batas wilayah di Medan.",
            "id",
            ["Teuku Rahmat", "Dimas Lubis"],
        ),
        (
            "Menteri Perindustrian Agus Gumiwang menandatangani MoU dengan Menteri Industri Rusia"
            " Anton Alikhanov di Moskow.",
            "id",
            ["Agus Gumiwang", "Anton Alikhanov"],
        ),
        (
            "Swedish Prime Minister Karl Berg and Finnish Foreign Minister Aino Virtanen signed"
            " a defence agreement in Helsinki.",
            "en",
            ["Karl Berg", "Aino Virtanen"],
        ),
        # A body is no person: it stays as written.
        (
            "PT Kereta Api Indonesia menandatangani nota kesepahaman dengan PT Len Industri.",
            "id",
            ["PT Kereta Api Indonesia", "PT Len Industri"],
        ),
    ],
)
def test_a_signatory_under_an_office_is_the_party_by_name(
    sentence: str, lang: str, parties: list[str]
) -> None:
    (agreement,) = extract_text(sentence, lang=lang)["agreements"]
    assert agreement["parties"] == parties


@pytest.mark.parametrize(
    "later",
    [
        "Kedua pihak telah mencapai titik akhir pada kesepakatan-kesepakatan tersebut.",
        "Perjanjian-perjanjian tersebut mulai dibahas tahun lalu.",
    ],
)
def test_a_reduplicated_plural_that_points_back_is_no_new_agreement(later: str) -> None:
    text = f"Indonesia dan Jepang menandatangani MoU energi pada Senin (16/6/2025). {later}"
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert (agreement["name"], agreement["status"]) == ("MoU energi", "signed")


def test_a_reduplicated_plural_alone_is_a_group() -> None:
    text = "Indonesia dan Jepang menandatangani perjanjian-perjanjian penting pada Senin (16/6/2025)."
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert (agreement["kind"], agreement["status"], agreement["countries"]) == (
        "agreement",
        "signed",
        ["IDN", "JPN"],
    )


def test_a_counted_pointer_back_is_no_new_agreement() -> None:
    text = (
        "Indonesia dan Jepang menandatangani MoU energi dan MoU pangan pada Senin (16/6/2025). "
        "Kedua MoU tersebut diharapkan memperkuat hubungan kedua negara."
    )
    names = [a["name"] for a in extract_text(text, lang="id")["agreements"]]
    assert names == ["MoU energi", "MoU pangan"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Indonesia dan Uni Ekonomi Eurasia menyepakati Indonesia-Eurasian Economic Union Free Trade"
            " Agreement (I-EAEU FTA) pada Kamis (12/6/2025). Kesepakatan perdagangan ini akan diteken tahun ini.",
            ["Indonesia-Eurasian Economic Union Free Trade Agreement (I-EAEU FTA)"],
        ),
        (
            "Perusahaan itu menandatangani perjanjian opsi dengan Bukit Raya Holdings pada Selasa (10/6/2025)."
            " Perjanjian privat tersebut ditandatangani di Toronto.",
            ["perjanjian opsi"],
        ),
        # The description names another sector: another MoU.
        (
            "Indonesia dan Jepang menandatangani MoU energi pada Senin (16/6/2025)."
            " MoU pangan tersebut akan diteken bulan depan.",
            ["MoU energi", "MoU pangan"],
        ),
    ],
)
def test_a_description_that_points_back_is_the_agreement_before(text: str, names: list[str]) -> None:
    assert [a["name"] for a in extract_text(text, lang="id")["agreements"]] == names


def test_an_abbreviation_spelled_out_otherwise_gives_no_country() -> None:
    text = (
        "Pertamina NRE dan perusahaan asal Filipina Citicore Renewable Energy Corporation (CREC)"
        " menandatangani perjanjian investasi. CREC akan membangun pembangkit surya."
    )
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["countries"] == ["IDN", "PHL"]


@pytest.mark.parametrize(
    ("sentence", "lang", "countries", "parties"),
    [
        # A witness's country is no party when the sentence names two sides.
        (
            "Perjanjian damai Thailand dan Kamboja ditandatangani pada Minggu (15/6/2025) dan disaksikan"
            " oleh Presiden AS Donald Trump.",
            "id",
            ["KHM", "THA"],
            [],
        ),
        # A broker's never is.
        (
            "The ceasefire agreement between Israel and Hamas, brokered by Qatar and Egypt, took effect on Sunday.",
            "en",
            ["ISR"],
            ["Israel", "Hamas"],
        ),
        (
            "Malaysia, China dan AS menengahi perjanjian gencatan senjata Thailand dan Kamboja yang diteken pekan lalu.",
            "id",
            ["KHM", "THA"],
            [],
        ),
        # At a signing ceremony the leaders who witness it are the two sides.
        (
            "Penandatanganan nota kesepahaman energi itu disaksikan oleh Presiden Indonesia dan Perdana"
            " Menteri Singapura di Istana Bogor.",
            "id",
            ["IDN", "SGP"],
            [],
        ),
        # Those who sign it, by "oleh", are its parties.
        (
            "Nota kesepahaman itu ditandatangani oleh Universitas Gadjah Mada dan PT Len Industri.",
            "id",
            ["IDN"],
            ["Universitas Gadjah Mada", "PT Len Industri"],
        ),
    ],
)
def test_witnesses_and_brokers_are_no_parties(
    sentence: str, lang: str, countries: list[str], parties: list[str]
) -> None:
    (agreement,) = extract_text(sentence, lang=lang)["agreements"]
    assert (agreement["countries"], agreement["parties"]) == (countries, parties)


@pytest.mark.parametrize(
    ("sentence", "date", "target"),
    [
        ("The MoU was signed by Indonesia and Japan on Monday.", "2025-06-16", None),
        ("The agreement, signed by both ministers on June 2, covers fisheries.", "2025-06-02", None),
        ("The two sides aim to conclude the agreement by the end of 2026.", None, "2026"),
    ],
)
def test_by_makes_a_target_only_right_before_its_date(
    sentence: str, date: str | None, target: str | None
) -> None:
    (agreement,) = extract_text(sentence, lang="en")["agreements"]
    assert (agreement["date"], agreement.get("target_date")) == (date, target)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The United States and Turkey signed a five-year defence and economic agreement (DECA) that"
            " will channel aid to Ankara.",
            "five-year defence and economic agreement (DECA)",
        ),
        (
            "Japan and Kenya signed the status of forces agreement (SOFA) on Monday.",
            "status of forces agreement (SOFA)",
        ),
        # A kind's own short form names nothing.
        ("Japan and Kenya signed a memorandum of understanding (MoU) on Monday.", None),
    ],
)
def test_a_lower_case_description_with_its_short_form_is_a_name(text: str, name: str | None) -> None:
    (agreement,) = extract_text(text, lang="en")["agreements"]
    assert agreement["name"] == name


def test_a_description_known_by_its_short_form_is_one_agreement_with_it() -> None:
    text = (
        "Agencies signed a memorandum of agreement (MOA) to coordinate stockpiles on Monday."
        " The MOA was signed in Washington. A mining firm also signed a supply agreement with General Motors."
    )
    names = [a["name"] for a in extract_text(text, lang="en")["agreements"]]
    assert names[0] == "memorandum of agreement (MOA)"
    assert len(names) == 2


@pytest.mark.parametrize(
    ("sentence", "lang", "name"),
    [
        ("Menteri Vincent Lim hadir di Jakarta.", "id", "Vincent Lim"),
        ("Sen. Roger Marshall said the bill would pass.", "en", "Roger Marshall"),
        ("Minister Helena Wong met the delegation.", "en", "Helena Wong"),
        # The country's whole name is still an office's.
        ("Presiden Saint Vincent dan Grenadines Ralph Gonsalves tiba di Jakarta.", "id", "Ralph Gonsalves"),
    ],
)
def test_a_given_name_that_a_country_name_holds_is_a_name(sentence: str, lang: str, name: str) -> None:
    assert [p["name"] for p in extract_text(sentence, lang=lang)["people"]] == [name]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Otonomi khusus tidak dibangun atas basis kontrak sosial yang disepakati bersama.", "id"),
        ("Hingga Juni 2025, perseroan telah meraih Nilai Kontrak Baru (NKB) sebesar Rp1,4 triliun.", "id"),
        ("Sudah putus kontrak dari tahun kemarin, ia kini mencari kerja.", "id"),
        ("Nilai kontrak pengadaan itu mencapai Rp 63 triliun.", "id"),
        ("Nilai kontrak baru perseroan mencapai 49,7 persen dari target.", "id"),
        ("The reform renewed the social contract agreed between the state and its citizens.", "en"),
    ],
)
def test_a_social_contract_a_sales_figure_and_a_lost_job_are_no_agreements(sentence: str, lang: str) -> None:
    assert extract_text(sentence, lang=lang)["agreements"] == []


@pytest.mark.parametrize(
    ("sentence", "lang", "parties"),
    [
        # An article before a party is none of it, and where articles open the parties
        # they, not every "and", tell where one ends.
        (
            "The two ministers signed a memorandum of understanding between the Republic of Korinthia "
            "and the Kingdom of Serenia.",
            "en",
            ["Republic of Korinthia", "Kingdom of Serenia"],
        ),
        (
            "The leaders welcomed an MOU between the Trade Department and the Ministry of Trade and Industry "
            "of Malaysia.",
            "en",
            ["Trade Department", "Ministry of Trade and Industry of Malaysia"],
        ),
        (
            "Pertamina signed a supply contract with the Japan Bank for International Cooperation and Mitsui.",
            "en",
            ["Pertamina", "Japan Bank for International Cooperation", "Mitsui"],
        ),
        # Capitalised words that qualify a common noun name no party.
        ("Nordwind reached an agreement with the Japanese government which opens new routes.", "en", []),
        (
            "Kenya Ports Authority signed an agreement with the Hamburg-based shipping line Unimar.",
            "en",
            ["Kenya Ports Authority"],
        ),
        # Those words alone are no one's name.
        ("The Parties signed a protocol on fisheries.", "en", []),
        ("The Presidents signed a joint statement on climate cooperation.", "en", []),
        # The office before a name, after a comma, is that person: one party; degrees none.
        (
            "Menteri Dalam Negeri Tito Karnavian meneken kesepakatan bersama dengan Menteri Pekerjaan "
            "Umum (PU), Dody Hanggodo.",
            "id",
            ["Tito Karnavian", "Dody Hanggodo"],
        ),
        (
            "MoU ini ditandatangani oleh Rektor Universitas Nusa, Prof. Dr. Suharno, S.E., M.Si., dan "
            "Direktur Utama PT Sarana Jaya, Reynaldi Hermawan.",
            "id",
            ["Suharno", "Reynaldi Hermawan"],
        ),
        # A country after a body's name and a comma is where the body is; a list of them stays.
        (
            "UNDIP menandatangani nota kesepahaman dengan RWTH Aachen University, Jerman, pada Senin.",
            "id",
            ["UNDIP", "RWTH Aachen University"],
        ),
        (
            "Indonesia menandatangani MoU dengan Malaysia, Singapura, dan Thailand.",
            "id",
            ["Indonesia", "Malaysia", "Singapura", "Thailand"],
        ),
        # A court's acronym is no degree though a degree is written so without dots.
        (
            "KPK meneken nota kesepahaman dengan MA dan BPK tentang pencegahan korupsi.",
            "id",
            ["KPK", "MA", "BPK"],
        ),
        # A dash or an exclamation ends a party's name.
        ("Trump announced a historic trade deal with the UK—something no one expected.", "en", ["UK"]),
        # A body the gazetteer knows is one party, "dan" inside it or not.
        (
            "MoU antara Kementerian Energi dan Sumber Daya Mineral dan PT Pertamina diteken hari ini.",
            "id",
            ["Kementerian Energi dan Sumber Daya Mineral", "PT Pertamina"],
        ),
    ],
)
def test_parties_after_an_article_or_joined_inside_a_name(
    sentence: str, lang: str, parties: list[str]
) -> None:
    (agreement,) = extract_text(sentence, lang=lang)["agreements"]
    assert agreement["parties"] == parties


def test_a_group_named_after_a_city_is_of_no_country() -> None:
    sentence = "Morocco reached an agreement last week with the Paris Club of creditor governments."
    (agreement,) = extract_text(sentence, lang="en")["agreements"]
    assert (agreement["parties"], agreement["countries"]) == (["Paris Club"], ["MAR"])


def test_a_countrys_government_is_that_country_as_a_party() -> None:
    # One agreement, told with "Indonesia" and then with "the Government of Indonesia".
    text = (
        "Norway signed a forestry agreement with Indonesia on Monday. "
        '"We are proud to launch a new forestry partnership agreement with the Government of Indonesia," '
        "the minister said."
    )
    assert len(extract_text(text, lang="en")["agreements"]) == 1


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        # "end" with another object says nothing of the deal.
        ("Mediators worked to reach a lasting ceasefire deal to help end the war.", "proposed"),
        ("The best way to end this conflict is through a full peace deal, the two sides agreed.", "agreed"),
        # Its own object, or none (a passive, a time after the verb), it does.
        ("The board decided to terminate the merger agreement with Baker Corp.", "ended"),
        ("Export quotas under the International Cocoa Agreement were suspended a year ago.", "ended"),
        ("The grain supply agreement ended this September after ten years.", "ended"),
    ],
)
def test_a_verb_of_ending_with_another_object_ends_no_agreement(sentence: str, status: str) -> None:
    (agreement,) = extract_text(sentence, lang="en")["agreements"]
    assert agreement["status"] == status


@pytest.mark.parametrize(
    ("sentence", "lang", "name"),
    [
        # An ordinary word that Asian names hold, between two name words.
        ("Menteri Energi Singapura Tan See Leng hadir di Jakarta.", "id", "Tan See Leng"),
        (
            "Penyidik menjerat mantan Wakil Ketua DPRD Jatim Sahat Tua Simanjuntak.",
            "id",
            "Sahat Tua Simanjuntak",
        ),
        ("Minister Tan See Leng met the delegation.", "en", "Tan See Leng"),
    ],
)
def test_a_word_that_asian_names_hold_is_a_name_word_between_two(sentence: str, lang: str, name: str) -> None:
    assert name in [p["name"] for p in extract_text(sentence, lang=lang)["people"]]


def test_a_saints_word_and_a_storys_word_stay_out_of_names() -> None:
    text = "Warga berkumpul di Piazza San Carlo. Ia makan di Peter Pan Restaurant bersama Budi Santoso."
    names = {p["name"] for p in extract_text(text, lang="id")["people"]}
    assert not any("San" in n.split() or "Pan" in n.split() for n in names)


@pytest.mark.parametrize(
    ("sentence", "lang", "name", "role"),
    [
        # "A." is an initial, as "B." is, not the article "A".
        ("Its president and chairman Robert A. Larive resigned on Monday.", "en", "Robert A. Larive", None),
        ("Wali Kota Bogor Dedie A. Rachim meresmikan pasar.", "id", "Dedie A. Rachim", "Wali Kota Bogor"),
        # After "of the", a word of the office, then the name.
        (
            "Chancellor of the Exchequer Nigel Lawson said the pound was stable.",
            "en",
            "Nigel Lawson",
            "Chancellor of the Exchequer",
        ),
    ],
)
def test_an_initial_a_and_an_office_of_the_x(sentence: str, lang: str, name: str, role: str | None) -> None:
    people = {p["name"]: p for p in extract_text(sentence, lang=lang)["people"]}
    assert name in people
    if role is not None:
        assert people[name]["role"] == role


@pytest.mark.parametrize(
    ("sentence", "lang", "name", "role"),
    [
        # After an office and "of", the body's words, then a name the lists know.
        ("Robert Mercer, president of Smith Tool, said the deal was done.", "en", "Robert Mercer", None),
        ("John Lowe, a spokesman for Allegheny Beverage, said the deal was done.", "en", "John Lowe", None),
        (
            "Menurut Head of Sales Bukalapak Tri Bagus, penjualan naik.",
            "id",
            "Tri Bagus",
            "Head of Sales Bukalapak",
        ),
    ],
)
def test_a_bodys_name_after_an_office_of_is_no_one(
    sentence: str, lang: str, name: str, role: str | None
) -> None:
    people = {p["name"]: p for p in extract_text(sentence, lang=lang)["people"]}
    assert not {"Smith Tool", "Allegheny Beverage", "Sales Bukalapak Tri Bagus"} & set(people)
    assert name in people
    if role is not None:
        assert people[name]["role"] == role


def test_a_bodys_name_after_of_the_is_no_one_and_the_haji_title_no_initial() -> None:
    text = (
        "Strobe Talbott, President of the Brookings Institution, spoke. "
        "Senators blocked passage of the George Floyd Justice in Policing Act. "
        "Newall Plc said profits rose. Rektor Untirta Prof. Dr. H. Fatah Sulaiman hadir."
    )
    names = {p["name"] for p in extract_text(text, lang="en")["people"]}
    assert not names & {"Brookings Institution", "Institution", "George Floyd", "Newall Plc"}
    assert "H. Fatah Sulaiman" not in names


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # A well-known surname after given names the lists know is that other person's whole name.
        (
            "Menko Infrastruktur dan Pembangunan Agus Harimurti Yudhoyono meninjau proyek itu.",
            "Agus Harimurti Yudhoyono",
            "Menko Infrastruktur dan Pembangunan",
        ),
        # A name the lists know before "dan" holds the first office, not the second.
        (
            "Hal itu terjadi pada era Presiden RI ke-2 Soeharto dan Presiden RI ke-4 Abdurrahman Wahid.",
            "Abdurrahman Wahid",
            "Presiden RI ke-4",
        ),
    ],
)
def test_given_names_before_a_known_surname_and_a_name_before_dan(
    sentence: str, name: str, role: str
) -> None:
    people = {p["name"]: p for p in extract_text(sentence, lang="id")["people"]}
    assert people[name]["role"] == role


@pytest.mark.parametrize(
    ("sentence", "name", "countries"),
    [
        # The one who made a deal "with" a country is of the other side.
        (
            "President Trump signed a critical minerals deal with Thailand on Sunday.",
            "deal with Thailand",
            ["THA", "USA"],
        ),
        # An aside after a dash is no part of the name.
        (
            "Trump announced a landmark economic agreement with Japan—one of America’s closest allies.",
            "agreement with Japan",
            ["JPN", "USA"],
        ),
    ],
)
def test_the_maker_of_a_deal_with_a_country_is_the_other_side(
    sentence: str, name: str, countries: list[str]
) -> None:
    (agreement,) = extract_text(sentence, lang="en")["agreements"]
    assert (agreement["name"], agreement["countries"]) == (name, countries)


def test_a_meeting_after_a_match_is_still_a_meeting() -> None:
    sentence = "Usai laga, Menpora Dito bertemu dengan Duta Besar Jepang Kenji Kanasugi di Jakarta."
    (meeting,) = extract_text(sentence, lang="id")["meetings"]
    assert meeting["countries"] == ["IDN", "JPN"]


@pytest.mark.parametrize(
    ("published", "countries"),
    [
        # Before the Union ended, Moscow and "Russian" were the Soviet Union's.
        ("1987-03-04T10:00:00", ["SUN", "USA"]),
        ("1991-12-25T10:00:00", ["SUN", "USA"]),
        # After it, the same words are Russia's.
        ("1991-12-26T10:00:00", ["RUS", "USA"]),
        ("2025-06-18T10:00:00", ["RUS", "USA"]),
    ],
)
def test_a_country_is_the_state_it_belonged_to_on_the_day_of_the_report(
    published: str, countries: list[str]
) -> None:
    text = (
        "Russian and American negotiators signed a grain supply agreement in Moscow on Tuesday. "
        "Trade Minister Boris Aristov said the talks in Moscow went well."
    )
    record = extract_text(text, published=published, lang="en")
    assert [a["countries"] for a in record["agreements"]] == [countries]
    assert [m["countries"] for m in record["meetings"]] == [countries]


def test_a_czech_body_before_the_split_is_czechoslovakias() -> None:
    text = "Perusahaan Republik Ceko itu menandatangani kontrak pembangunan pabrik dengan Pertamina."
    before = extract_text(text, published="1990-05-02T10:00:00", lang="id")["agreements"]
    after = extract_text(text, published="1995-05-02T10:00:00", lang="id")["agreements"]
    assert [a["countries"] for a in before] == [["CSK", "IDN"]]
    assert [a["countries"] for a in after] == [["CZE", "IDN"]]


@pytest.mark.parametrize(
    ("text", "lang", "people"),
    [
        # Leaders of the past are known by name, with their country, whoever else is named.
        (
            "President Reagan said Japan and Iran must cut their surpluses, and Prime Minister "
            "Margaret Thatcher agreed.",
            "en",
            {"Reagan": "USA", "Margaret Thatcher": "GBR"},
        ),
        (
            "Soviet leader Mikhail Gorbachev met Secretary of State George Shultz in Moscow.",
            "en",
            {"Mikhail Gorbachev": "SUN", "George Shultz": "USA"},
        ),
        (
            "Presiden ke-3 Republik Indonesia, B.J. Habibie, meresmikan jembatan itu.",
            "id",
            {"B.J. Habibie": "IDN"},
        ),
        ("Presiden ke-4 RI Gus Dur dikenal humoris.", "id", {"Gus Dur": "IDN"}),
        # A leader's family name alone is the family's: his children are in the news under it.
        ("Anggota DPR Titiek Soeharto hadir di Cendana.", "id", {"Titiek Soeharto": "IDN"}),
        ("Ketua PII Ilham Akbar Habibie membuka seminar.", "id", {"Ilham Akbar Habibie": "IDN"}),
    ],
)
def test_leaders_of_the_past_are_known(text: str, lang: str, people: dict[str, str]) -> None:
    found = {
        p["name"]: p["country"]
        for p in extract_text(text, published="1987-03-04T10:00:00", lang=lang)["people"]
    }
    assert found == people


LINE_LIST = (
    "Presiden Prabowo dan Perdana Menteri Pakistan menyaksikan penandatanganan kerja sama di Islamabad, "
    "Selasa (9/12/2025).\n"
    "Prabowo menyebut kunjungan ini sangat produktif bagi kedua negara.\n"
    "Adapun dokumen kerja sama yang dipertukarkan, yaitu:\n"
    "1. MoU antara Arsip Nasional Republik Indonesia dan National Archives of Pakistan tentang Kerja Sama "
    "Kearsipan;\n"
    "2. Perjanjian antara Pemerintah Indonesia dan Pemerintah Pakistan tentang Program Beasiswa; dan\n"
    "3. MoU tentang Kerja Sama di Bidang Kesehatan.\n"
    "Kedua pemimpin juga membahas perdagangan."
)


def test_instruments_listed_line_by_line_are_one_item_each() -> None:
    """A numbered list after an opener with a colon: each line is an instrument, signed on
    the day the signing was reported; the unnamed "kerja sama" signed just before is the
    list itself, not one more agreement."""
    agreements = extract_text(LINE_LIST, published="2025-12-10T08:00:00", lang="id")["agreements"]
    assert [(a["name"], a["kind"], a["status"], a["date"]) for a in agreements] == [
        (
            "MoU antara Arsip Nasional Republik Indonesia dan National Archives of Pakistan tentang Kerja Sama "
            "Kearsipan",
            "mou",
            "signed",
            "2025-12-09",
        ),
        (
            "Perjanjian antara Pemerintah Indonesia dan Pemerintah Pakistan tentang Program Beasiswa",
            "agreement",
            "signed",
            "2025-12-09",
        ),
        ("MoU tentang Kerja Sama di Bidang Kesehatan", "mou", "signed", "2025-12-09"),
    ]
    # The parties a line names stop where its topic starts.
    assert agreements[0]["parties"] == ["Arsip Nasional Republik Indonesia", "National Archives of Pakistan"]
    assert all(a["countries"] == ["IDN", "PAK"] for a in agreements)
    assert agreements[2]["evidence"] == "3. MoU tentang Kerja Sama di Bidang Kesehatan."


def test_a_counted_list_of_lines_keeps_the_lines_that_name_no_instrument() -> None:
    text = (
        "Indonesia dan Prancis menandatangani sejumlah kesepakatan di Istana Merdeka, Rabu (28/5/2025).\n"
        "Selain itu, ada empat kerja sama bisnis yang mencakup:\n"
        "1. MoU Badan Gizi Nasional -- Danone\n"
        "2. Danantara -- Eramet\n"
        "3. MoU antara Bank Indonesia -- Banque de France\n"
        "4. Declaration of Intent on Sustainable Forestry\n"
    )
    agreements = extract_text(text, published="2025-05-29T08:00:00", lang="id")["agreements"]
    assert [(a["name"], a["kind"], a["status"]) for a in agreements] == [
        ("MoU Badan Gizi Nasional -- Danone", "mou", "signed"),
        ("Danantara -- Eramet", "agreement", "signed"),
        ("MoU antara Bank Indonesia -- Banque de France", "mou", "signed"),
        ("Declaration of Intent on Sustainable Forestry", "statement", "signed"),
    ]


def test_similar_names_on_the_lines_of_one_list_stay_apart() -> None:
    text = (
        "Today the Secretary signed four agreements with the Pacific Islands Forum.\n"
        "These four agreements are:\n"
        "1. The Agreement Concerning Economic Assistance Between the United States and Palau;\n"
        "2. The Agreement Concerning Economic Assistance Between the United States and Fiji;\n"
        "3. The Agreement Concerning Fisheries Between the United States and Palau; and\n"
        "4. The Agreement Concerning Fisheries Between the United States and Fiji.\n"
    )
    agreements = extract_text(text, published="2023-12-05T08:00:00", lang="en")["agreements"]
    assert [a["name"] for a in agreements] == [
        "Agreement Concerning Economic Assistance Between the United States and Palau",
        "Agreement Concerning Economic Assistance Between the United States and Fiji",
        "Agreement Concerning Fisheries Between the United States and Palau",
        "Agreement Concerning Fisheries Between the United States and Fiji",
    ]
    assert {a["status"] for a in agreements} == {"signed"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # What one agreement holds, listed: no agreements of their own.
        (
            "Kedua pihak menandatangani MoU tentang Ketenagakerjaan di Jakarta, Senin (16/6/2025).\n"
            "Ruang lingkup MoU tersebut meliputi:\n"
            "1. Pertukaran informasi pasar kerja;\n"
            "2. Pelatihan vokasi bagi pekerja.\n",
            ["MoU tentang Ketenagakerjaan"],
        ),
        # A colon before lines of running news, with no instrument in the opener.
        (
            "Kedua pihak menandatangani MoU tentang Ketenagakerjaan di Jakarta, Senin (16/6/2025).\n"
            "Saksikan Live Pagi Ini:\n"
            "Presiden Rusia menyerukan penghentian permusuhan.\n"
            "Putin mengatakan bahwa kesepakatan damai adalah mungkin.\n",
            ["MoU tentang Ketenagakerjaan"],
        ),
    ],
)
def test_lines_after_a_colon_that_list_no_instruments(text: str, names: list[str]) -> None:
    agreements = extract_text(text, published="2025-06-17T08:00:00", lang="id")["agreements"]
    assert [a["name"] for a in agreements] == names


def test_a_minister_receiving_the_countrys_own_envoy_is_no_meeting() -> None:
    """Both sides of "menerima kunjungan Duta Besar RI untuk Kazakhstan" are Indonesian:
    Kazakhstan is where the envoy serves, not a side, and what the article then says of
    "pertemuan tersebut" is still that domestic meeting."""
    text = (
        "Menteri Pendidikan Tinggi, Sains, dan Teknologi Brian Yuliarto menerima kunjungan Duta Besar "
        "Republik Indonesia untuk Kazakhstan, Mochamad Fadjroel Rachman, di Jakarta, Senin (15/6).\n"
        "Pertemuan tersebut membahas peluang kerja sama pendidikan tinggi antara Indonesia dan Kazakhstan.\n"
        "Pertemuan juga membahas beasiswa bagi mahasiswa Indonesia di Kazakhstan.\n"
        "Saat ini puluhan mahasiswa Indonesia belajar di Kazakhstan."
    )
    assert extract_text(text, lang="id")["meetings"] == []


def test_a_foreign_envoy_meeting_the_host_countrys_minister_is_a_meeting() -> None:
    text = (
        "Menteri Koordinator Agus Harimurti Yudhoyono bertemu Duta Besar Rusia untuk Indonesia, "
        "Sergei Tolchenov, di Jakarta, Senin (15/6).\n"
        "Pertemuan tersebut membahas kerja sama infrastruktur antara Indonesia dan Rusia."
    )
    (meeting,) = extract_text(text, lang="id")["meetings"]
    assert (meeting["countries"], meeting["participants"]) == (
        ["IDN", "RUS"],
        ["Agus Harimurti Yudhoyono", "Sergei Tolchenov"],
    )


def test_a_meeting_is_told_by_the_sentence_that_names_those_who_met() -> None:
    """A talk first spoken of in general, then met by name: the evidence is the second."""
    text = (
        "Pemerintah menargetkan negosiasi perjanjian Indonesia-European Union CEPA dengan Uni Eropa "
        "rampung bulan ini.\n"
        "Pada 6 Juni 2025 lalu, Menteri Koordinator Bidang Perekonomian Airlangga Hartarto bertemu dengan "
        "European Union Commissioner for Trade Maros Sefcovic di Brussels."
    )
    (meeting,) = extract_text(text, lang="id")["meetings"]
    assert meeting["participants"] == ["Airlangga Hartarto", "Maros Sefcovic"]
    assert meeting["evidence"].startswith("Pada 6 Juni 2025 lalu, Menteri Koordinator")


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        # Companies of other countries by their designators, banks by their head word.
        (
            "Sweden's Pharmacia AB said it agreed to buy a stake in Hughes Tool, and Banca Nazionale del "
            "Lavoro lent the money, chairman John Smithers said.",
            "en",
            ["John Smithers"],
        ),
        (
            "Kuala Lumpur's Sime Darby Bhd signed with Banque Indosuez, said spokesman Ali Rahman.",
            "en",
            ["Ali Rahman"],
        ),
        # Schools of engineering, technology and medicine are bodies, not people.
        (
            "Hadir pula Prof. Yu Yue, Vice Dean College of Chemical Engineering; Prof. Sun Baochang, serta "
            "jajaran pengelola program.",
            "id",
            ["Yu Yue", "Sun Baochang"],
        ),
        # A Japanese prefecture is a place.
        (
            "Kepolisian Prefektur Shizuoka menerima laporan dari Kepala Polisi Takeshi Yamada.",
            "id",
            ["Takeshi Yamada"],
        ),
        # "SpA" after an Indonesian doctor's name is her title (paediatrician), not a company's.
        (
            "Menurut dokter spesialis anak Damayanti R Sjarif, SpA(K), gizi anak penting.",
            "id",
            ["Damayanti R Sjarif"],
        ),
    ],
)
def test_bodies_of_other_countries_are_no_people(text: str, lang: str, names: list[str]) -> None:
    assert [p["name"] for p in extract_text(text, lang=lang)["people"]] == names


@pytest.mark.parametrize(
    ("text", "lang", "name", "status"),
    [
        # Pulling a party out of an agreement ends it for that party, whatever was signed.
        (
            "Trump menandatangani perintah eksekutif untuk menarik AS dari Perjanjian Paris 2015 "
            "(untuk kedua kalinya).",
            "id",
            "Perjanjian Paris 2015",
            "ended",
        ),
        (
            "Amerika Serikat resmi menarik diri dari Perjanjian Paris pada Januari 2025.",
            "id",
            "Perjanjian Paris",
            "ended",
        ),
        (
            "The President signed an order withdrawing the United States from the Paris Agreement.",
            "en",
            "Paris Agreement",
            "ended",
        ),
        (
            "The withdrawal from the Paris Agreement shocked the delegates.",
            "en",
            "Paris Agreement",
            "ended",
        ),
        # Attracting investors "dari Jepang", withdrawing fighters "from Libya": no agreement ends.
        (
            "Pemerintah berupaya menarik investor dari Jepang melalui MoU Investasi yang diteken Senin.",
            "id",
            None,
            "signed",
        ),
        (
            "The Cairo Ceasefire Agreement, signed in October, requires the withdrawal of all foreign "
            "fighters from Libya.",
            "en",
            "Cairo Ceasefire Agreement",
            "signed",
        ),
    ],
)
def test_withdrawing_from_an_agreement_ends_it(text: str, lang: str, name: str | None, status: str) -> None:
    (agreement,) = extract_text(text, lang=lang)["agreements"]
    assert agreement["status"] == status
    if name is not None:
        assert agreement["name"] == name


@pytest.mark.parametrize(
    "text",
    [
        # The money market's repurchase agreements, an executive's employment agreement, a
        # legislator's amendment to a bill: no agreements between parties to follow.
        "The Federal Reserve is expected to add temporary reserves via customer repurchase agreements, "
        "economists said.",
        "Sen. Jane Doe intends to offer an amendment to one of the bills that would suspend the planting "
        "requirement, an aide said.",
        "Acme Corp said it has signed an employment agreement with its new chief executive.",
        "Banking economists said the changes will enable the Bundesbank to offer securities repurchase pacts "
        "of shorter maturity if it chooses.",
        "Chamberlain said the daily average volume of contracts traded in February almost tripled from last "
        "year, and further rapid growth was expected.",
    ],
)
def test_money_market_deals_job_agreements_and_bill_amendments_are_no_agreements(text: str) -> None:
    assert extract_text(text, lang="en")["agreements"] == []


def test_an_amendment_to_an_agreement_is_still_one() -> None:
    text = "Japan and Canada signed an amendment to their Air Services Agreement on Monday."
    kinds = sorted(a["kind"] for a in extract_text(text, lang="en")["agreements"])
    assert kinds == ["agreement", "arrangement"]


@pytest.mark.parametrize(
    ("text", "lang", "statuses"),
    [
        # What the sides agreed is the clause after "bahwa"/"that": its own verbs tell the stage.
        (
            "Kedua pihak sepakat bahwa MoU antarpemerintah perlu segera diselesaikan sebagai payung kerja sama.",
            "id",
            ["proposed"],
        ),
        ("Kedua negara sepakat bahwa perjanjian itu akan ditandatangani bulan depan.", "id", ["proposed"]),
        ("Kedua negara sepakat bahwa MoU perdagangan telah ditandatangani pada Senin.", "id", ["signed"]),
        (
            "The President and the Speaker agreed that any budget agreement would need to be bipartisan.",
            "en",
            [],
        ),
        ("It was agreed that the best way to end this conflict is through a full peace deal.", "en", []),
    ],
)
def test_agreeing_that_something_holds_is_no_agreement_reached(
    text: str, lang: str, statuses: list[str]
) -> None:
    assert [a["status"] for a in extract_text(text, lang=lang)["agreements"]] == statuses


def test_bodies_named_in_full_before_the_verb_of_signing_are_its_parties() -> None:
    """Long names with commas and "dan" inside, their short forms in parentheses, joined
    by "bersama", after a dateline: the two ministries sign."""
    text = (
        "Jakarta – Kementerian Pendidikan Tinggi, Sains, dan Teknologi (Kemdiktisaintek) bersama Kementerian "
        "Pemuda dan Olahraga (Kemenpora) menandatangani nota kesepahaman tentang olahraga, Jumat (17/4)."
    )
    (agreement,) = extract_text(text, lang="id")["agreements"]
    assert agreement["parties"] == [
        "Kementerian Pendidikan Tinggi, Sains, dan Teknologi",
        "Kementerian Pemuda dan Olahraga",
    ]


def test_a_rapat_is_one_sides_own_meeting_unless_two_sides_are_named_at_it() -> None:
    """No other side is implied for a "rapat": Kim Jong Un's meeting with his officials is
    North Korea's own, whatever else the story is about."""
    text = (
        "Korea Utara mengeksekusi mati dua pejabat tinggi, kata pemerintah Korea Selatan.\n"
        "Pejabat pendidikan Korea Utara Ri Yong Jin dihukum mati karena tertidur dalam rapat yang dihadiri "
        "Kim Jong Un.\n"
        "Kementerian Unifikasi Korea Selatan mengonfirmasi kabar tersebut."
    )
    title = "Tidur di rapat, Kim Jong Un hukum mati pejabat"
    assert extract_text(text, title=title, lang="id")["meetings"] == []


def test_negotiations_of_every_kind_spoken_of_together_are_no_meeting() -> None:
    text = (
        "Kebijakan tarif ini menciptakan ketidakpastian besar terhadap berbagai negosiasi yang sedang "
        "berlangsung dengan Uni Eropa, Tiongkok, dan banyak negara lain."
    )
    assert extract_text(text, lang="id")["meetings"] == []


def test_the_two_leaders_are_the_two_states_not_a_bloc_besides() -> None:
    """ "kedua pemimpin" stands for the article's two states, not for the Eurasian Economic
    Union the story is also about."""
    text = (
        "Indonesia dan Rusia sepakat mempercepat perjanjian dagang Indonesia dengan Uni Ekonomi Eurasia (EAEU).\n"
        "Perjanjian dengan EAEU itu membuka pasar Rusia dan negara EAEU lain bagi produk Indonesia.\n"
        "Hal ini dibahas kala kedua pemimpin itu melakukan pertemuan resmi di Istana Konstantinovsky, "
        "St. Petersburg, Kamis (19/6/2025)."
    )
    title = "Perjanjian Dagang Indonesia-EAEU Bakal Dikebut"
    (meeting,) = extract_text(text, published="2025-06-20", title=title, lang="id")["meetings"]
    assert (meeting["kind"], meeting["countries"]) == ("bilateral", ["IDN", "RUS"])

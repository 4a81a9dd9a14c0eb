"""The gazetteers: names of countries, blocs, organisations, offices and places in text.

Every sentence here is our own, written in the style of the news.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pycountry
import pytest
from babel import Locale

from sepakat.data import load_table
from sepakat.extract.gazetteer import Entry, Gazetteer, country_name, load_gazetteer
from sepakat.models import Mention

SHARED = Path(__file__).resolve().parents[2] / "shared"
AGREEMENTS = SHARED / "corpus" / "agreements.jsonl"


@pytest.fixture(scope="module")
def gid() -> Gazetteer:
    return load_gazetteer("id")


@pytest.fixture(scope="module")
def gen() -> Gazetteer:
    return load_gazetteer("en")


def only(g: Gazetteer, text: str, kind: str) -> list[Mention]:
    return [m for m in g.find(text) if m.kind == kind]


def keys(g: Gazetteer, text: str, kind: str | None = None) -> list[str | None]:
    return [m.key for m in g.find(text) if kind is None or m.kind == kind]


# --- countries -------------------------------------------------------------------------

ID_COUNTRIES = [
    ("RI", "IDN"),
    ("NKRI", "IDN"),
    ("Republik Indonesia", "IDN"),
    ("Tanah Air", "IDN"),
    ("Rusia", "RUS"),
    ("Federasi Rusia", "RUS"),
    ("Tiongkok", "CHN"),
    ("China", "CHN"),
    ("Cina", "CHN"),
    ("RRT", "CHN"),
    ("RRC", "CHN"),
    ("Negeri Tirai Bambu", "CHN"),
    ("AS", "USA"),
    ("Amerika", "USA"),
    ("Amerika Serikat", "USA"),
    ("Negeri Paman Sam", "USA"),
    ("Inggris", "GBR"),
    ("Britania Raya", "GBR"),
    ("Inggris Raya", "GBR"),
    ("UEA", "ARE"),
    ("PEA", "ARE"),
    ("Persatuan Emirat Arab", "ARE"),
    ("Uni Emirat Arab", "ARE"),
    ("Korsel", "KOR"),
    ("Korea Selatan", "KOR"),
    ("Korea", "KOR"),
    ("Korut", "PRK"),
    ("Korea Utara", "PRK"),
    ("Jepang", "JPN"),
    ("Negeri Sakura", "JPN"),
    ("Negeri Jiran", "MYS"),
    ("Negeri Kanguru", "AUS"),
    ("Arab Saudi", "SAU"),
    ("Saudi", "SAU"),
    ("Belanda", "NLD"),
    ("Prancis", "FRA"),
    ("Perancis", "FRA"),
    ("Jerman", "DEU"),
    ("Selandia Baru", "NZL"),
    ("Timor Leste", "TLS"),
    ("Timor-Leste", "TLS"),
    ("Papua Nugini", "PNG"),
    ("Vietnam", "VNM"),
    ("Filipina", "PHL"),
    ("Turki", "TUR"),
    ("Turkiye", "TUR"),
    ("Yordania", "JOR"),
    ("Chili", "CHL"),
    ("Palestina", "PSE"),
    ("Hong Kong", "HKG"),
    ("Singapura", "SGP"),
    ("Mesir", "EGY"),
    ("Afrika Selatan", "ZAF"),
    ("Swiss", "CHE"),
    ("Kosovo", "XKX"),
    ("Slowakia", "SVK"),
    ("Pantai Gading", "CIV"),
    ("Srilanka", "LKA"),
    # English names are known to the Indonesian gazetteer too.
    ("Russian Federation", "RUS"),
    ("United States", "USA"),
    ("Indonesian", "IDN"),
]


@pytest.mark.parametrize(("surface", "code"), ID_COUNTRIES)
def test_indonesian_country_names_resolve(gid: Gazetteer, surface: str, code: str) -> None:
    text = f"Delegasi {surface} tiba di Jakarta pada Senin pagi."
    found = only(gid, text, "country")
    assert [(m.text, m.key) for m in found] == [(surface, code)]


EN_COUNTRIES = [
    ("U.S.", "USA"),
    ("US", "USA"),
    ("USA", "USA"),
    ("United States", "USA"),
    ("America", "USA"),
    ("UK", "GBR"),
    ("Britain", "GBR"),
    ("Great Britain", "GBR"),
    ("United Kingdom", "GBR"),
    ("Russia", "RUS"),
    ("Russian Federation", "RUS"),
    ("PRC", "CHN"),
    ("China", "CHN"),
    ("South Korea", "KOR"),
    ("ROK", "KOR"),
    ("Republic of Korea", "KOR"),
    ("North Korea", "PRK"),
    ("DPRK", "PRK"),
    ("UAE", "ARE"),
    ("Emirates", "ARE"),
    ("Saudi Arabia", "SAU"),
    ("Turkey", "TUR"),
    ("Türkiye", "TUR"),
    ("Netherlands", "NLD"),
    ("Czech Republic", "CZE"),
    ("Ivory Coast", "CIV"),
    ("East Timor", "TLS"),
    ("Timor-Leste", "TLS"),
    ("Viet Nam", "VNM"),
    ("Republic of Indonesia", "IDN"),
    ("Papua New Guinea", "PNG"),
    ("DRC", "COD"),
]


@pytest.mark.parametrize(("surface", "code"), EN_COUNTRIES)
def test_english_country_names_resolve(gen: Gazetteer, surface: str, code: str) -> None:
    text = f"Officials from {surface} met on Tuesday."
    assert [(m.text, m.key) for m in only(gen, text, "country")] == [(surface, code)]


EN_DEMONYMS = [
    ("Russian", "RUS"),
    ("Chinese", "CHN"),
    ("American", "USA"),
    ("British", "GBR"),
    ("Japanese", "JPN"),
    ("Indonesian", "IDN"),
    ("Malaysian", "MYS"),
    ("Australian", "AUS"),
    ("South Korean", "KOR"),
    ("North Korean", "PRK"),
    ("Emirati", "ARE"),
    ("Saudi", "SAU"),
    ("French", "FRA"),
    ("German", "DEU"),
    ("Dutch", "NLD"),
    ("Turkish", "TUR"),
    ("Singaporean", "SGP"),
    ("Vietnamese", "VNM"),
    ("Filipino", "PHL"),
    ("Indian", "IND"),
]


@pytest.mark.parametrize(("surface", "code"), EN_DEMONYMS)
def test_english_demonyms_resolve(gen: Gazetteer, surface: str, code: str) -> None:
    text = f"The {surface} delegation signed the memorandum."
    found = only(gen, text, "country")
    assert [(m.text, m.key) for m in found] == [(surface, code)]
    assert gen.lookup(surface) is not None
    assert gen.lookup(surface).extra["form"] in {"demonym", "alias"}  # type: ignore[union-attr]


def test_demonym_is_marked_as_such(gen: Gazetteer) -> None:
    entry = gen.lookup("Russian")
    assert entry is not None
    assert (entry.key, entry.extra["form"], entry.canonical) == ("RUS", "demonym", "Russia")


@pytest.mark.parametrize(
    "text",
    [
        "Ia datang ke kantor sebagai perwakilan, dan akan kembali besok.",  # as, dan, akan
        "Mereka mengenakan jersey baru saat laga di New Jersey.",
        "Kerja sama ASEAN dibahas oleh KASAD dan KSAL.",  # AS inside words
        "Nilai kontrak mencapai US$ 5 juta atau setara dolar AS tahun lalu.",
        "Nilai investasi US$120 juta, US $45 juta dan USD 3 juta.",  # a shadow ending in "$"
        "Peserta wajib fasih berbahasa Inggris dan bahasa Indonesia.",
        "Pasar Amerika Latin dan Amerika Selatan tumbuh pesat.",
        "Kapal patroli melintas di Laut China Selatan.",
        "Pemain AS Roma itu mencetak dua gol.",
        "Dokumen Panama Papers kembali dibicarakan.",
        "Dia lahir di tanah air yang jauh dari kota.",  # lower-case: the common noun
        "Dan akan tetapi, Akan tetapi.",  # ISO language names, capitalised
    ],
)
def test_ambiguous_words_do_not_fire_as_countries(gid: Gazetteer, text: str) -> None:
    assert only(gid, text, "country") == []


@pytest.mark.parametrize(
    "text",
    [
        "Let us meet in New Jersey, said the governor.",
        "He bought a US$ 40 jersey and a turkey for us.",
        "The deal is worth US$120 million, or US $0.1 billion.",
        "Exports to Latin America rose, in US dollars.",
        "The Washington Post reported from the Indian Ocean.",
        # Of a region of the Americas, not of the United States.
        "Latin American and Central American producers met the Inter-American Development Bank.",
        "North American traffic fell; South American and Pan American routes and Anglo American shares rose.",
    ],
)
def test_ambiguous_words_do_not_fire_in_english(gen: Gazetteer, text: str) -> None:
    assert only(gen, text, "country") == []


@pytest.mark.parametrize(
    ("surface", "code"),
    [("Georgia", "GEO"), ("Chad", "TCD"), ("Korea", "KOR"), ("Kongo", "COD"), ("Turki", "TUR")],
)
def test_kept_ambiguous_names_carry_their_reason(gid: Gazetteer, surface: str, code: str) -> None:
    # Georgia is resolved to the country even after "Atlanta": the gazetteer does not read
    # context; rules that build facts check extra["ambiguous"] and look around.
    entry = gid.lookup(surface)
    assert entry is not None
    assert entry.key == code
    assert entry.extra["ambiguous"]


@pytest.mark.parametrize(
    ("lang", "surface", "plain", "otherwise"),
    [
        (
            "id",
            "Turki",
            "Indonesia dan Turki menandatangani MoU.",
            "Pangeran Turki bin Faisal tiba di Jakarta.",
        ),
        (
            "id",
            "PBB",
            "Sekjen PBB tiba di Jakarta.",
            "Warga membayar PBB sebelum jatuh tempo, kata petugas pajak.",
        ),
        ("id", "PBB", "Sekjen PBB tiba di Jakarta.", "Partai Bulan Bintang (PBB) menggelar rapat."),
        ("id", "Korea", "Indonesia dan Korea sepakat.", "Korea Utara menembakkan rudal ke laut."),
        ("id", "Georgia", "Indonesia dan Georgia sepakat.", "Polisi di Atlanta, Georgia, AS menangkapnya."),
        ("en", "Turkey", "Turkey and Greece held talks.", "Turkey is roasted for Thanksgiving dinner."),
        ("en", "Indian", "The Indian minister arrived.", "The Indian Health Service serves tribal nations."),
        (
            "en",
            "America",
            "America and Japan signed a deal.",
            "Trade with Latin America grew, and America gained.",
        ),
    ],
)
def test_a_resolved_name_stands_for_its_country_unless_the_article_says_otherwise(
    gid: Gazetteer, gen: Gazetteer, *, lang: str, surface: str, plain: str, otherwise: str
) -> None:
    gazetteer = gid if lang == "id" else gen
    entry = gazetteer.lookup(surface)
    assert entry is not None
    assert entry.extra["ambiguous"]
    assert gazetteer.names_country(entry, plain)
    assert not gazetteer.names_country(entry, otherwise)


def test_a_flagged_name_never_stands_for_its_country(gen: Gazetteer) -> None:
    # English news means the US state more often; Indonesian news resolves it (above).
    georgia = gen.lookup("Georgia")
    assert georgia is not None
    assert not gen.names_country(georgia, "Indonesia and Georgia signed an MoU.")
    indonesia = gen.lookup("Indonesia")
    assert indonesia is not None
    assert gen.names_country(indonesia, "Indonesia and Georgia signed an MoU.")


def test_dropped_names_are_not_looked_up(gid: Gazetteer, gen: Gazetteer) -> None:
    assert gid.lookup("Jersey") is None
    assert gen.lookup("Jersey") is None
    assert gid.lookup("Jordan") is None  # a given name in Indonesian text; "Yordania" is the country
    assert gen.lookup("Jordan") is not None
    assert gid.lookup("AU") is None  # "TNI AU"
    assert gen.lookup("AU") is not None
    assert gen.lookup("English") is None


def test_shadowed_phrase_in_the_middle_keeps_names_around_it(gid: Gazetteer) -> None:
    text = "Rusia dan Jepang membahas kurs dolar AS di Moskow."
    assert keys(gid, text) == ["RUS", "JPN", "city:moskow"]


@pytest.mark.parametrize(
    "text", ["hubungan Indonesia–Rusia", "hubungan Indonesia-Rusia", "hubungan Indonesia—Rusia"]
)
def test_dashed_pairs_give_both_countries(gid: Gazetteer, text: str) -> None:
    assert keys(gid, text, "country") == ["IDN", "RUS"]


def test_reversed_pair_and_possessive(gid: Gazetteer, gen: Gazetteer) -> None:
    assert keys(gid, "Komisi Bersama Rusia-Indonesia", "country") == ["RUS", "IDN"]
    assert keys(gen, "Russia's trade with Indonesia's firms", "country") == ["RUS", "IDN"]


def test_longest_match_wins(gid: Gazetteer) -> None:
    text = "Menteri Industri dan Perdagangan Federasi Rusia hadir."
    countries = only(gid, text, "country")
    assert [(m.text, m.key) for m in countries] == [("Federasi Rusia", "RUS")]
    assert keys(gid, "Korea Selatan dan Korea Utara", "country") == ["KOR", "PRK"]
    assert keys(gid, "Papua Nugini bertetangga dengan Papua", None) == ["PNG", "city:papua"]


def test_mentions_are_offsets_into_the_text(gid: Gazetteer) -> None:
    text = "Pada 2025, Presiden RI bertemu Presiden Rusia di Kremlin."
    found = gid.find(text)
    assert found
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    starts = [m.start for m in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_find_in_a_window(gid: Gazetteer) -> None:
    text = "Rusia. Jepang. Belanda."
    assert keys(gid, text) == ["RUS", "JPN", "NLD"]
    window = gid.find(text, 7, 14)
    assert [(m.start, m.key) for m in window] == [(7, "JPN")]


@pytest.mark.parametrize(
    ("gazetteer", "text", "found"),
    [
        ("en", "The Soviet Union and the USSR signed; so did the U.S.S.R.", ["SUN", "SUN", "SUN"]),
        ("en", "Soviet negotiators told the Soviets' partners", ["SUN", "SUN"]),
        ("en", "East German and Yugoslav delegates from Czechoslovakia", ["DDR", "YUG", "CSK"]),
        ("id", "Amerika Serikat dan Uni Soviet, Jerman Timur, Yugoslavia dan Cekoslowakia", None),
        ("en", "Trade with former Soviet republics and post-Soviet states in the Soviet-era", []),
        ("en", "the former Yugoslav Republic of Macedonia", ["MKD"]),
        ("id", "lima negara bekas Uni Soviet, yaitu Rusia dan Armenia, sejak era Soviet", ["RUS", "ARM"]),
    ],
)
def test_dissolved_states_have_the_codes_they_had(
    gid: Gazetteer, gen: Gazetteer, gazetteer: str, text: str, found: list[str] | None
) -> None:
    """The Soviet Union is not Russia: an agreement of 1987 with it keeps its own code
    (SUN, from ISO 3166-3), and so do Yugoslavia, Czechoslovakia and East Germany. The
    states that came after them are not the Union ("former Soviet republics")."""
    g = gid if gazetteer == "id" else gen
    expected = ["USA", "SUN", "DDR", "YUG", "CSK"] if found is None else found
    assert [m.key for m in only(g, text, "country")] == expected


def test_every_iso_country_is_known_in_both_languages(gid: Gazetteer, gen: Gazetteer) -> None:
    for country in pycountry.countries:
        assert gid.entry(country.alpha_3).kind == "country"
        assert gen.entry(country.alpha_3).kind == "country"


def test_language_names_do_not_sneak_in(gid: Gazetteer, gen: Gazetteer) -> None:
    territories = {name for lang in ("id", "en") for name in Locale(lang).territories.values()}
    aliases = {row[0] for lang in ("id", "en") for row in load_table(lang, "country_aliases")}
    for lang, g in (("id", gid), ("en", gen)):
        for name in Locale(lang).languages.values():
            entry = g.lookup(name)
            if entry is not None and entry.kind == "country":
                assert name in territories | aliases, (lang, name)
    for word in ("Dan", "Akan", "Jawa", "Melayu", "Sunda", "Bali"):
        entry = gid.lookup(word)
        assert entry is None or entry.kind != "country"


@pytest.mark.parametrize(
    ("code", "lang", "name"),
    [
        ("RUS", "id", "Rusia"),
        ("RUS", "en", "Russia"),
        ("USA", "id", "Amerika Serikat"),
        ("GBR", "id", "Inggris"),
        ("COD", "en", "Democratic Republic of the Congo"),
        ("EU", "id", "Uni Eropa"),
        ("EU", "en", "European Union"),
        ("UN", "id", "Perserikatan Bangsa-Bangsa"),
        ("SUN", "id", "Uni Soviet"),
        ("SUN", "en", "Soviet Union"),
        ("DDR", "en", "East Germany"),
    ],
)
def test_country_name(code: str, lang: str, name: str) -> None:
    assert country_name(code, lang) == name


def test_country_name_of_unknown_code() -> None:
    with pytest.raises(KeyError):
        country_name("XXX", "id")
    with pytest.raises(KeyError):
        country_name("org:kemenperin", "id")


# --- blocs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "key", "belongs"),
    [
        ("Uni Eropa", "EU", "EU"),
        ("European Union", "EU", "EU"),
        ("UE", "EU", "EU"),
        ("Komisi Eropa", "EC", "EU"),
        ("ASEAN", "ASEAN", "ASEAN"),
        ("Uni Ekonomi Eurasia", "EAEU", "EAEU"),
        ("Eurasian Economic Union", "EAEU", "EAEU"),
        ("EEU", "EAEU", "EAEU"),
        ("Dewan Kerja Sama Teluk", "GCC", "GCC"),
        ("Gulf Cooperation Council", "GCC", "GCC"),
        ("Uni Afrika", "AU", "AU"),
        ("PBB", "UN", "UN"),
        ("Perserikatan Bangsa-Bangsa", "UN", "UN"),
        ("United Nations", "UN", "UN"),
        ("ILO", "ILO", "UN"),
        ("UNESCO", "UNESCO", "UN"),
        ("UNICEF", "UNICEF", "UN"),
        ("UNDP", "UNDP", "UN"),
        ("FAO", "FAO", "UN"),
        ("Organisasi Kesehatan Dunia", "WHO", "UN"),
        ("UNHCR", "UNHCR", "UN"),
        ("IOM", "IOM", "UN"),
        ("IAEA", "IAEA", "UN"),
        ("APEC", "APEC", "APEC"),
        ("OECD", "OECD", "OECD"),
        ("OKI", "OIC", "OIC"),
        ("BRICS", "BRICS", "BRICS"),
        ("G20", "G20", "G20"),
        ("WTO", "WTO", "WTO"),
        ("IMF", "IMF", "UN"),
        ("Bank Dunia", "WB", "UN"),
        ("World Bank", "WB", "UN"),
        ("ADB", "ADB", "ADB"),
        ("AIIB", "AIIB", "AIIB"),
        ("NATO", "NATO", "NATO"),
        ("Bank Pembangunan Islam", "IsDB", "IsDB"),
        ("D-8", "D-8", "D-8"),
    ],
)
def test_blocs_resolve_to_their_record_code(gid: Gazetteer, surface: str, key: str, belongs: str) -> None:
    found = only(gid, f"Kerja sama dengan {surface} diperluas.", "bloc")
    assert [(m.text, m.key) for m in found] == [(surface, key)]
    assert gid.entry(key).country == belongs


def test_african_union_abbreviation_only_in_english(gid: Gazetteer, gen: Gazetteer) -> None:
    assert keys(gen, "The AU summit opened.", "bloc") == ["AU"]
    assert keys(gid, "Pesawat TNI AU mendarat.", "bloc") == []


# --- organisations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "surface",
    [
        "Kemenperin",
        "Kementerian Perindustrian",
        "Ministry of Industry",
        "Kementrian Perindustrian",
        "Kemenperin RI",
        "Kementerian Perindustrian Republik Indonesia",
        "Industry Ministry",
    ],
)
def test_organisation_forms_share_one_key(gid: Gazetteer, gen: Gazetteer, surface: str) -> None:
    for g in (gid, gen):
        found = only(g, f"Pernyataan {surface} diterima Senin.", "organisation")
        assert [(m.text, m.key) for m in found] == [(surface, "org:kemenperin")]
    entry = gid.lookup(surface)
    assert entry is not None
    assert (entry.country, entry.abbreviation, entry.extra["type"]) == ("IDN", "Kemenperin", "ministry")


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("Kemendag", "org:kemendag"),
        ("Kemenlu", "org:kemenlu"),
        ("Kemlu", "org:kemenlu"),
        ("Kemenkeu", "org:kemenkeu"),
        ("Kemenko Perekonomian", "org:kemenko-perekonomian"),
        ("Kementerian ESDM", "org:kesdm"),
        ("KKP", "org:kkp"),
        ("Kementan", "org:kementan"),
        ("Kemenhan", "org:kemhan"),
        ("Kemhan", "org:kemhan"),
        ("Kemenkes", "org:kemenkes"),
        ("Kemnaker", "org:kemnaker"),
        ("Kemenpar", "org:kemenpar"),
        ("Komdigi", "org:komdigi"),
        ("Kementerian BUMN", "org:kemenbumn"),
        ("Kementerian Investasi/BKPM", "org:kemeninvestasi"),
        ("BKPM", "org:kemeninvestasi"),
        ("Kementerian PU", "org:kemenpu"),
        ("BP2MI", "org:bp2mi"),
        ("Kementerian P2MI", "org:kemenp2mi"),
        ("Bappenas", "org:bappenas"),
        ("BRIN", "org:brin"),
        ("BPOM", "org:bpom"),
        ("BPS", "org:bps"),
        ("Bank Indonesia", "org:bi"),
        ("OJK", "org:ojk"),
        ("LPS", "org:lps"),
        ("KPK", "org:kpk"),
        ("Polri", "org:polri"),
        ("TNI", "org:tni"),
        ("TNI AL", "org:tni-al"),
        ("Kejaksaan Agung", "org:kejagung"),
        ("DPR RI", "org:dpr"),
        ("MPR", "org:mpr"),
        ("DPD", "org:dpd"),
        ("Otorita IKN", "org:oikn"),
        ("Danantara", "org:danantara"),
        ("LKPP", "org:lkpp"),
        ("BMKG", "org:bmkg"),
        ("BNPB", "org:bnpb"),
        ("BSSN", "org:bssn"),
        ("Basarnas", "org:basarnas"),
        ("Bakamla", "org:bakamla"),
        ("Kadin", "org:kadin"),
        ("Setneg", "org:kemensetneg"),
        ("Pertamina", "org:pertamina"),
        ("PLN", "org:pln"),
        ("Telkom", "org:telkom"),
        ("PT Pindad", "org:pindad"),
        ("PT PAL", "org:pal"),
        ("PT DI", "org:ptdi"),
        ("PT Dirgantara Indonesia", "org:ptdi"),
        ("PT Len Industri", "org:len"),
        ("Bank Mandiri", "org:mandiri"),
        ("BRI", "org:bri"),
        ("BNI", "org:bni"),
        ("BSI", "org:bsi"),
        ("Garuda Indonesia", "org:garuda"),
        ("Inalum", "org:inalum"),
        ("MIND ID", "org:mind-id"),
        ("Antam", "org:antam"),
        ("PT Freeport Indonesia", "org:freeport-indonesia"),
    ],
)
def test_indonesian_bodies_resolve(gid: Gazetteer, surface: str, key: str) -> None:
    found = only(gid, f"Kerja sama dengan {surface} ditandatangani.", "organisation")
    assert [(m.text, m.key) for m in found] == [(surface, key)]
    assert gid.entry(key).country == "IDN"


@pytest.mark.parametrize(
    ("surface", "key", "country"),
    [
        ("Rosatom", "org:rosatom", "RUS"),
        ("Roscosmos", "org:roscosmos", "RUS"),
        ("EDGE Group", "org:edge", "ARE"),
        ("Huawei", "org:huawei", "CHN"),
        ("Hyundai", "org:hyundai", "KOR"),
        ("Toyota", "org:toyota", "JPN"),
        ("Foxconn", "org:foxconn", "TWN"),
        ("CATL", "org:catl", "CHN"),
    ],
)
def test_foreign_counterparts_carry_their_country(
    gen: Gazetteer, surface: str, key: str, country: str
) -> None:
    assert keys(gen, f"A deal with {surface} was signed.", "organisation") == [key]
    assert gen.entry(key).country == country


@pytest.mark.parametrize(
    ("old", "successors"),
    [
        ("Kominfo", ("org:komdigi",)),
        ("Kemendikbudristek", ("org:kemendikdasmen", "org:kemdiktisaintek", "org:kemenbud")),
        ("Kemendikbud", ("org:kemendikbudristek",)),
        ("Kementerian PUPR", ("org:kemenpu", "org:kemenpkp")),
        ("BP2MI", ("org:kemenp2mi",)),
        ("Kemenparekraf", ("org:kemenpar", "org:kemenekraf")),
        ("KLHK", ("org:kemenhut", "org:klh")),
        ("Kementerian BUMN", ("org:bp-bumn",)),
    ],
)
def test_renamed_organisations_are_linked(gid: Gazetteer, old: str, successors: tuple[str, ...]) -> None:
    entry = gid.lookup(old)
    assert entry is not None
    assert tuple(entry.extra["successor"].split(",")) == successors
    for key in successors:
        successor = gid.entry(key)
        assert entry.key in successor.extra["predecessor"].split(",")
        assert successor.extra.get("since") or successor.extra.get("until") is None


def test_every_successor_chain_ends_in_a_current_body(gid: Gazetteer) -> None:
    for key in gid.entry_keys("organisation"):
        seen = {key}
        frontier = [key]
        while frontier:
            entry = gid.entry(frontier.pop())
            for nxt in filter(None, entry.extra.get("successor", "").split(",")):
                assert nxt not in seen, f"rename cycle through {nxt}"
                seen.add(nxt)
                frontier.append(nxt)


def test_english_gazetteer_knows_indonesian_body_names(gen: Gazetteer) -> None:
    text = "The MoU was signed by Kemenperin and Rosatom in the presence of BKPM officials."
    assert keys(gen, text, "organisation") == ["org:kemenperin", "org:rosatom", "org:kemeninvestasi"]


def test_generic_english_body_names_are_flagged(gen: Gazetteer) -> None:
    for surface in ("Supreme Court", "Ministry of Industry", "Foreign Ministry", "House of Representatives"):
        entry = gen.lookup(surface)
        assert entry is not None
        assert entry.extra["ambiguous"], surface
    for surface in ("Kemenperin", "Corruption Eradication Commission", "Indonesian Ministry of Industry"):
        entry = gen.lookup(surface)
        assert entry is not None
        assert "ambiguous" not in entry.extra, surface


def test_curly_apostrophe_twin(gen: Gazetteer) -> None:
    assert keys(gen, "the People’s Consultative Assembly met", "organisation") == ["org:mpr"]
    assert keys(gen, "the People's Consultative Assembly met", "organisation") == ["org:mpr"]


# --- titles ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "key", "canonical"),
    [
        ("Menperin", "title:menperin", "Menteri Perindustrian"),
        ("Mendag", "title:mendag", "Menteri Perdagangan"),
        ("Menlu", "title:menlu", "Menteri Luar Negeri"),
        ("Menkeu", "title:menkeu", "Menteri Keuangan"),
        ("Menko Perekonomian", "title:menko-perekonomian", "Menteri Koordinator Bidang Perekonomian"),
        ("Menhan", "title:menhan", "Menteri Pertahanan"),
        ("Menaker", "title:menaker", "Menteri Ketenagakerjaan"),
        ("Menteri ESDM", "title:menteri-esdm", "Menteri Energi dan Sumber Daya Mineral"),
        ("Mentan", "title:mentan", "Menteri Pertanian"),
        ("Menpar", "title:menpar", "Menteri Pariwisata"),
        ("Menkomdigi", "title:menkomdigi", "Menteri Komunikasi dan Digital"),
        ("Mendiktisaintek", "title:mendiktisaintek", "Menteri Pendidikan Tinggi, Sains, dan Teknologi"),
        ("Menteri BUMN", "title:menteri-bumn", "Menteri Badan Usaha Milik Negara"),
        ("Kepala BKPM", "title:menteri-investasi", "Menteri Investasi dan Hilirisasi/Kepala BKPM"),
        ("Seskab", "title:seskab", "Sekretaris Kabinet"),
        ("Mensesneg", "title:mensesneg", "Menteri Sekretaris Negara"),
        ("Wamenlu", "title:wamenlu", "Wakil Menteri Luar Negeri"),
        ("Wamendag", "title:wamendag", "Wakil Menteri Perdagangan"),
        ("Kapolri", "title:kapolri", "Kepala Kepolisian Negara Republik Indonesia"),
        ("Panglima TNI", "title:panglima-tni", "Panglima Tentara Nasional Indonesia"),
        ("KSAL", "title:ksal", "Kepala Staf Angkatan Laut"),
        ("Gubernur BI", "title:gubernur-bi", "Gubernur Bank Indonesia"),
        ("Ketua DPR", "title:ketua-dpr", "Ketua Dewan Perwakilan Rakyat"),
        ("Jaksa Agung", "title:jaksa-agung", "Jaksa Agung"),
    ],
)
def test_indonesian_offices_expand(gid: Gazetteer, surface: str, key: str, canonical: str) -> None:
    found = only(gid, f"Hal itu disampaikan {surface} di Jakarta.", "title")
    assert [(m.text, m.key) for m in found] == [(surface, key)]
    entry = gid.lookup(surface)
    assert entry is not None
    assert (entry.canonical, entry.country, entry.head) == (canonical, "IDN", False)


def test_title_carries_its_organisation_and_country_rule(gid: Gazetteer) -> None:
    menperin = gid.lookup("Menperin")
    menlu_ri = gid.lookup("Menlu RI")
    assert menperin is not None
    assert menlu_ri is not None
    assert menperin.extra["org"] == "org:kemenperin"
    assert menperin.abbreviation == "Menperin"
    assert menperin.english == "Minister of Industry"
    # "Menlu Iran" happens: a country right after overrides the default ...
    assert menperin.extra["country_rule"] == "default"
    # ... but not after a form that names the country itself.
    assert (menlu_ri.key, menlu_ri.extra["country_rule"]) == ("title:menlu", "fixed")


@pytest.mark.parametrize(
    "surface",
    [
        "Presiden",
        "Wakil Presiden",
        "Perdana Menteri",
        "PM",
        "Menteri",
        "Wakil Menteri",
        "Menteri Koordinator",
        "Duta Besar",
        "Dubes",
        "Konsul Jenderal",
        "Raja",
        "Putra Mahkota",
        "Emir",
        "Kanselir",
        "Gubernur",
        "Bupati",
        "Wali Kota",
        "Walikota",
        "Ketua",
        "Kepala",
        "Direktur",
        "Direktur Jenderal",
        "Dirjen",
        "Direktur Utama",
        "Dirut",
        "Presiden Direktur",
        "Presdir",
        "CEO",
        "Komisaris Utama",
        "Sekretaris Jenderal",
        "Sekjen",
        "Deputi",
        "Asisten Deputi",
        "Juru Bicara",
        "Jubir",
        "Rektor",
        "Dekan",
        "Ketua Umum",
        "Staf Khusus",
        "Utusan Khusus",
        "Penasihat",
        "Komisioner",
        "Panglima",
        "Kapolda",
        "Wamen",
    ],
)
def test_generic_offices_are_heads(gid: Gazetteer, surface: str) -> None:
    entry = gid.lookup(surface)
    assert entry is not None, surface
    assert (entry.kind, entry.head, entry.country) == ("title", True, None)


def test_head_then_country_are_two_mentions(gid: Gazetteer) -> None:
    text = "Menteri Industri dan Perdagangan Federasi Rusia Anton Alikhanov"
    found = gid.find(text)
    assert [(m.kind, m.key) for m in found] == [("title", "title:menteri"), ("country", "RUS")]
    text = "Duta Besar Pakistan untuk Indonesia"
    assert [m.key for m in gid.find(text)] == ["title:duta-besar", "PAK", "IDN"]


def test_lowercase_titles_as_indonesian_spelling_writes_them(gid: Gazetteer) -> None:
    found = only(gid, "kata menteri perindustrian kepada wartawan.", "title")
    assert [(m.text, m.key) for m in found] == [("menteri perindustrian", "title:menperin")]
    assert keys(gid, "menteri ESDM menyebut", "title") == ["title:menteri-esdm"]
    assert gid.lookup("kepala") is None  # too common a word ("luka di kepala")


@pytest.mark.parametrize(
    ("text", "surface", "key"),
    [
        ("Utusan khusus AS tiba di Jakarta.", "Utusan khusus", "title:utusan-khusus"),
        ("Menurut jubir KPK, berkas sudah lengkap.", "jubir", "title:juru-bicara"),
        ("Ia diangkat menjadi dirut perusahaan itu.", "dirut", "title:direktur-utama"),
        ("Menteri luar negeri Iran tiba.", "Menteri luar negeri", "title:menlu"),
    ],
)
def test_sentence_case_and_lowercase_generic_abbreviations(
    gid: Gazetteer, text: str, surface: str, key: str
) -> None:
    assert [(m.text, m.key) for m in only(gid, text, "title")] == [(surface, key)]


def test_office_abbreviations_are_not_lowercased(gid: Gazetteer) -> None:
    assert gid.lookup("menperin") is None
    assert gid.lookup("Menperin") is not None


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("President", "title:president"),
        ("Prime Minister", "title:prime-minister"),
        ("Foreign Minister", "title:foreign-minister"),
        ("Secretary of State", "title:secretary-of-state"),
        ("Under Secretary", "title:under-secretary"),
        ("Ambassador", "title:ambassador"),
        ("Consul General", "title:consul-general"),
        ("Crown Prince", "title:crown-prince"),
        ("Chairman", "title:chairman"),
        ("Director General", "title:director-general"),
        ("Managing Director", "title:managing-director"),
        ("Spokesperson", "title:spokesperson"),
        ("Trade Representative", "title:trade-representative"),
        ("Special Envoy", "title:special-envoy"),
        ("President and CEO", "title:ceo"),
        ("foreign minister", "title:foreign-minister"),
    ],
)
def test_english_titles(gen: Gazetteer, surface: str, key: str) -> None:
    found = only(gen, f"said the {surface} on Friday", "title")
    assert [(m.text, m.key) for m in found] == [(surface, key)]
    assert gen.entry(key).head is True


def test_fixed_english_office(gen: Gazetteer) -> None:
    entry = gen.lookup("U.S. Trade Representative")
    assert entry is not None
    assert (entry.key, entry.country, entry.head) == ("title:ustr-title", "USA", False)


# --- places ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "key", "country"),
    [
        ("Moskow", "city:moskow", "RUS"),
        ("Moscow", "city:moskow", "RUS"),
        ("Beijing", "city:beijing", "CHN"),
        ("Peking", "city:beijing", "CHN"),
        ("Washington DC", "city:washington", "USA"),
        ("Washington, D.C.", "city:washington", "USA"),
        ("Jenewa", "city:jenewa", "CHE"),
        ("Geneva", "city:jenewa", "CHE"),
        ("Den Haag", "city:den-haag", "NLD"),
        ("The Hague", "city:den-haag", "NLD"),
        ("Kairo", "city:kairo", "EGY"),
        ("St. Petersburg", "city:st-petersburg", "RUS"),
        ("Sankt Peterburg", "city:st-petersburg", "RUS"),
        ("Kazan", "city:kazan", "RUS"),
        ("Brussel", "city:brussel", "BEL"),
        ("Roma", "city:roma", "ITA"),
        ("Nusa Dua", "city:nusa-dua", "IDN"),
        ("IKN", "city:ikn", "IDN"),
        ("Batam", "city:batam", "IDN"),
        ("Istana Merdeka", "city:istana-merdeka", "IDN"),
        ("Istana Bogor", "city:istana-bogor", "IDN"),
        ("Gedung Putih", "city:gedung-putih", "USA"),
        ("White House", "city:gedung-putih", "USA"),
        ("Kremlin", "city:kremlin", "RUS"),
        ("Gedung Pancasila", "city:gedung-pancasila", "IDN"),
        ("Jawa Barat", "city:jawa-barat", "IDN"),
    ],
)
def test_places_resolve_with_their_country(gid: Gazetteer, surface: str, key: str, country: str) -> None:
    found = only(gid, f"Pertemuan digelar di {surface}, Kamis.", "city")
    assert [(m.text, m.key) for m in found] == [(surface, key)]
    assert gid.entry(key).country == country


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("Madiun", "city:kota-madiun"),
        ("Kabupaten Madiun", "city:kab-madiun"),
        ("Kab. Jepara", "city:kab-jepara"),
        ("Meulaboh", "city:kab-aceh-barat"),  # a regency's seat
        ("Malang", "city:malang"),  # cities.tsv keeps its own
        ("Kota Bima", "city:kota-bima"),
    ],
)
def test_indonesian_regencies_and_cities_are_domestic_places(gid: Gazetteer, surface: str, key: str) -> None:
    found = only(gid, f"Pertemuan digelar di {surface}, Kamis.", "city")
    assert [(m.text, m.key) for m in found] == [(surface, key)]
    assert gid.entry(key).country == "IDN"


@pytest.mark.parametrize(
    "text", ["Wamendagri Bima Arya hadir.", "Kapal melintas di Selat Malaka.", "Batu bara naik."]
)
def test_a_region_that_is_also_a_word_or_a_name_needs_its_head(gid: Gazetteer, text: str) -> None:
    assert only(gid, text, "city") == []


def test_regions_are_indonesian_news_only(gen: Gazetteer) -> None:
    assert only(gen, "The meeting was held in Jepara on Thursday.", "city") == []


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Wamendagri", "Wakil Menteri Dalam Negeri"),
        ("Wamenkes", "Wakil Menteri Kesehatan"),
        ("Wamen ESDM", "Wakil Menteri Energi dan Sumber Daya Mineral"),
        ("Wamenlu", "Wakil Menteri Luar Negeri"),  # listed in titles.tsv itself
    ],
)
def test_every_minister_has_a_deputy(gid: Gazetteer, surface: str, canonical: str) -> None:
    (found,) = only(gid, f"Hal itu disampaikan {surface} di Jakarta.", "title")
    entry = gid.entry(found.key or "")
    assert (found.text, entry.canonical, entry.country) == (surface, canonical, "IDN")


def test_city_state_is_a_country_mention(gid: Gazetteer) -> None:
    assert [m.kind for m in gid.find("Pertemuan digelar di Singapura.")] == ["country"]


# --- the gazetteer itself --------------------------------------------------------------


def test_loaded_once_per_language() -> None:
    assert load_gazetteer("id") is load_gazetteer("id")
    assert load_gazetteer("id") is not load_gazetteer("en")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no gazetteer"):
        load_gazetteer("xx")


def test_lookup_and_entry(gid: Gazetteer) -> None:
    assert gid.lookup("Federasi Rusia") == gid.entry("RUS")  # same meaning; form differs
    assert gid.lookup("dolar AS") is None  # a shadow names nothing
    assert gid.lookup("Rusia!") is None
    with pytest.raises(KeyError):
        gid.entry("org:nothing")
    assert "Kemenperin" in gid.surfaces("org:kemenperin")
    assert isinstance(gid.entry("title:menperin"), Entry)


def test_kinds_of_entries(gid: Gazetteer) -> None:
    kinds = {gid.entry(key).kind for key in gid.entry_keys()}
    assert kinds == {"country", "bloc", "organisation", "title", "city", "person"}
    # ISO 3166-1's 249, Kosovo, and four dissolved states (SUN, YUG, CSK, DDR).
    assert sum(1 for _ in gid.entry_keys("country")) == 254


def test_every_ambiguity_row_refers_to_something(gid: Gazetteer, gen: Gazetteer) -> None:
    gazetteers = {"id": [gid], "en": [gen], "*": [gid, gen]}
    for surface, lang, action, *_ in load_table("common", "ambiguous"):
        targets = gazetteers[lang]
        if action in ("flag", "resolve"):
            assert any(g.lookup(surface) is not None for g in targets), f"flag of unknown {surface!r}"
        elif action == "shadow":
            # A shadow must hide a name, or it is dead weight.
            hidden = [
                g._entries[index]
                for g in targets
                for index, _, _ in g._automaton.find_matches_as_indexes(surface, overlapping=True)
                if g._entries[index] is not None
            ]
            assert hidden, f"shadow {surface!r} hides no name"


def test_empty_and_nameless_text(gid: Gazetteer) -> None:
    assert gid.find("") == []
    assert gid.find("tidak ada nama di sini.") == []


@pytest.mark.corpus
@pytest.mark.skipif(not AGREEMENTS.exists(), reason="shared/corpus is absent (it ships beside the repo)")
def test_whole_agreement_corpus(gid: Gazetteer, gen: Gazetteer) -> None:
    articles = [json.loads(line) for line in AGREEMENTS.read_text(encoding="utf-8").splitlines() if line]
    total = 0
    with_country = 0
    for article in articles:
        text = article.get("text") or ""
        g = gen if article.get("language") == "en" else gid
        found = g.find(text)
        total += len(found)
        with_country += any(m.kind == "country" for m in found)
        for mention in found:
            assert text[mention.start : mention.end] == mention.text
    assert total > 10 * len(articles)
    # The last 38 are ordinary news (sport, business) that may name no country.
    assert with_country > 0.75 * len(articles)


def test_every_well_known_person_has_a_record_code(gid: Gazetteer) -> None:
    """common/people.tsv gives a person's country as records write it: an ISO code, or
    the code a body belongs to (the IMF's head is UN, not IMF)."""
    blocs = {row[0]: row[1] for row in load_table("common", "blocs")}
    record_codes = set(blocs.values())
    for name, country, *_ in load_table("common", "people"):
        entry = gid.entry(country) if country not in blocs else None
        assert country in record_codes or (entry is not None and entry.kind == "country"), (name, country)


@pytest.mark.parametrize(
    ("text", "abbreviation"),
    [
        (
            "Pertamina NRE dan Citicore Renewable Energy Corporation (CREC) meneken perjanjian. CREC juga hadir.",
            "CREC",
        ),
        ("Direktur PT Krakatau Sarana Properti (KSP) hadir. KSP mengelola kawasan industri.", "KSP"),
        ("Lulusan Madrasah Aliyah (MA) boleh mendaftar. Ijazah MA dilampirkan.", "MA"),
        ("The Unemployment Insurance (UI) office reopened. UI claims fell.", "UI"),
    ],
)
def test_an_abbreviation_the_article_spells_out_otherwise_is_not_the_entry(
    gid: Gazetteer, gen: Gazetteer, text: str, abbreviation: str
) -> None:
    g = gen if text.startswith("The") else gid
    assert abbreviation in [m.text for m in g.find(text)]
    assert abbreviation not in [m.text for m in g.find_in_article(text)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "China Railway Engineering Corporation (CREC) meneken kontrak. CREC membangun jalur.",
            "org:china-railway",
        ),
        # Spelled out with another spelling or a slip of the pen, it is still the entry.
        ("Data Badan Pusat Statistika (BPS) menunjukkan kenaikan. BPS mencatat inflasi.", "org:bps"),
        ("Peneliti Institut Teknolgi Bandung (ITB) hadir. ITB membuka prodi baru.", "org:itb"),
        ("Kantor Staf Presiden (KSP) memantau program. KSP menerima laporan.", "org:ksp"),
        # Never spelled out: the entry, as the gazetteer knows it.
        ("KSP menerima laporan dari kementerian.", "org:ksp"),
    ],
)
def test_an_abbreviation_spelled_out_as_its_entry_stays(gid: Gazetteer, text: str, key: str) -> None:
    found = [m.key for m in gid.find_in_article(text)]
    assert found.count(key) >= (2 if "(" in text else 1)

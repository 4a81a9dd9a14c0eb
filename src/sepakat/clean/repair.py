"""Character and spacing repairs: entities, odd spaces, wrapped lines, glued sentences.

``normalise_characters`` runs first: HTML entities left in text ("&amp;", "&#9;") are
decoded, non-breaking and zero-width spaces become plain spaces, "\\r\\n" becomes "\\n",
and markdown's backslash escapes (the digests write \\" and \\[) lose their backslash, as
does a backslash that ends a line (markdown's hard break: "disepakati.\\" then a line of
"\\" alone is a paragraph break).

``repair_spacing`` runs last, on text whose boilerplate is gone:

- line breaks. A text hard-wrapped at a fixed width (Reuters, White House releases) is
  unwrapped: a break is a space unless a blank line or a newly indented line starts a
  paragraph, or two spaces end the line before it (markdown's hard break, after a
  heading or a list's line) and no lower-case word follows. Elsewhere a single break
  ends a paragraph, except where a link was cut onto its own line (detik: "KPK
  bakal\\nmelelang barang rampasan\\ndari kasus ..."): a break before a lower-case word
  or a comma, after a line that starts in lower case or a lone dash, is a space.
  Blank-line runs become one blank line.
- spaces: runs become one; spaces at line ends go; "Senin ." becomes "Senin.";
  spaces inside curly quotes ("“ Itu hak mereka ”") go.
- glued sentences, where a link was stripped with its spaces: a space goes after the
  sentence end in "nasional.Salah", "Agus.Ia", "negara.“Kerja", "Selasa .Langkah"
  (only a lower-case letter, digit or closing mark before, and a capitalised word
  after: "8.653", "U.S.", "Kompas.com", "14.05" and "www.kompas.com" stay whole), or an
  acronym of three capitals or more before and a word after ("ASEAN.Melanjutkan").

Every inserted or replaced piece is recorded by ``Draft``; only whitespace and
backslashes are dropped unrecorded.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from sepakat.clean.edits import Edit
from sepakat.clean.spans import camel_words, is_title_like

__all__ = ["normalise_characters", "repair_spacing"]

_ODD_CHARACTERS = (
    "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19"
    "\x1a\x1b\x1c\x1d\x1e\x1f\x7f\xa0\xad\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
)
_CHARACTERS = re.compile(
    r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,9});"
    r"|\r\n?"
    rf"|[{_ODD_CHARACTERS}]"
    r"|\\(?=[\\\"'\[\]|*_#`()<>{}.!+\-~\r\n])"
)
# Testing a few characters with "in" is much faster than one scan with a class; the
# scan then runs when one of the common ones is there (it fixes the rare ones too).
_PROBES = (
    "&",
    "\r",
    "\\",
    "\xa0",
    "\u200b",
    "\ufeff",
    "\xad",
    "\u2009",
    "\u202f",
    "\u3000",
    "\x0b",
    "\x0c",
    "\u2028",
)
_ASCII_PROBES = tuple(char for char in _PROBES if char.isascii())
_DELETED = frozenset("\xad\u200c\u200d\u200e\u200f\u2060")
_LINE_SEPARATORS = frozenset("\r\u2028\u2029")


def normalise_characters(text: str) -> list[Edit]:
    """Edits that decode entities, plain the spaces and drop escape backslashes."""
    edits: list[Edit] = []
    probes = _ASCII_PROBES if text.isascii() else _PROBES
    if not any(char in text for char in probes):
        return edits
    for match in _CHARACTERS.finditer(text):
        found = match.group()
        first = found[0]
        if first == "&":
            decoded = html.unescape(found)
            if decoded == found:
                continue
            replacement = " " if decoded.isspace() or not decoded.isprintable() else decoded
        elif first in _LINE_SEPARATORS:
            replacement = "\n"
        elif first == "\\" or first in _DELETED:
            replacement = ""
        else:
            replacement = " "
        edits.append(Edit(match.start(), match.end(), replacement))
    return edits


# --- spacing ----------------------------------------------------------------------------

# Python's re scans fast only for a pattern that starts with literal text (an alternation
# or a class is tried at every position, ~20 ns a character): hence several small scans,
# each starting with one character, and the decisions in Python.
_NEWLINES = re.compile(r"\n[ \t\n]*+")
_SPACE_HITS = (re.compile(r" (?=[ \t\n,;:!?.”\"]|\Z)"), re.compile(r"\t"))
# A sentence glued to the next: "nasional.Salah", and before an acronym and a word
# "sendiri.OJK juga" (not a name's ".AI," as in "Protect.AI, Astrix").
_GLUED = (
    re.compile(r"\.[.!?]*+[\"”’]?(?=[\"“]?[A-Z](?:[a-z]|[A-Z]+[\s\w]))"),
    re.compile(r"![.!?]*+[\"”’]?(?=[\"“]?[A-Z](?:[a-z]|[A-Z]+[\s\w]))"),
    re.compile(r"\?[.!?]*+[\"”’]?(?=[\"“]?[A-Z](?:[a-z]|[A-Z]+[\s\w]))"),
)
_OPEN_QUOTE = re.compile(r"“[ \t]++")
_START = re.Match.start
_TERMINAL = frozenset('.!?:;"”’)]…')
_SOFT_START = frozenset("-–—")
_NO_SPACE_BEFORE = frozenset(",.;:)]!?”")
_NO_SPACE_AFTER = frozenset("([“")
_GLUE_AFTER = frozenset("abcdefghijklmnopqrstuvwxyz0123456789%)]")
_STRAY_BEFORE = frozenset(",;!?")
_CLOSERS = frozenset('"”’)]')
_BLANKS = " \t"
_HEADING_MAX = 150
_WRAP_MIN_LINES = 4
_WRAP_WIDTH = 110  # a wrapped text has (almost) no line longer than this


def repair_spacing(text: str) -> list[Edit]:
    """Edits that unwrap lines, tidy spaces and separate glued sentences."""
    edits = _line_break_edits(text)
    edits += _space_edits(text)
    if "“" in text:
        edits.extend(Edit(m.start() + 1, m.end(), "") for m in _OPEN_QUOTE.finditer(text))
    for pattern in _GLUED:
        for match in pattern.finditer(text):
            if match.start() > 0 and (
                text[match.start() - 1] in _GLUE_AFTER or _after_an_acronym(text, match.start(), match.end())
            ):
                edits.append(Edit(match.end(), match.end(), " "))  # "nasional.Salah"
    edits += _glued_word_edits(text)
    edits.sort()
    return _without_overlaps(edits)


def _after_an_acronym(text: str, end: int, after: int) -> bool:
    """A sentence that ends in an acronym glued to one that starts with a word: "Menlu
    ASEAN.Melanjutkan", "pukul 10.00 WIB.Sementara" (not "PT.Astra": two letters may be an
    abbreviation's; not "KOMPAS.Com": a site's name goes on in a short word)."""
    return (
        end >= 3
        and text[end - 3 : end].isupper()
        and text[end - 3 : end].isalpha()
        and (end == 3 or text[end - 4] != ".")
        and _WORD_AFTER.match(text, after) is not None
    )


_WORD_AFTER = re.compile(r"[\"“]?[A-Z][a-z]{3,}")


# Letters as their case: "HimpunanKawasan" -> b"aaaaaaaaAaaaaaa". bytes.translate and
# bytes.find run in C, so the glue points are found without a regex scan of every
# position; Latin-1 with "?" for the rest keeps one byte per character (same offsets).
_SHAPE = bytes(
    ord("a") if 97 <= i <= 122 else ord("A") if 65 <= i <= 90 else i if chr(i) in "()" else ord(".")
    for i in range(256)
)


def _glued_word_edits(text: str) -> list[Edit]:
    """Words glued where a link was stripped with its spaces: "HimpunanKawasan",
    "penandatangananMemorandum", "(PKP)Maruarar", "Understanding(MoU)", "KomisarisPLN". Names written
    with an inner capital (camel_words.tsv: PetroChina, AirAsia) and short prefixes
    ("McDonald", "DiCaprio", "YouTube": fewer than three lower-case letters) stay whole;
    "RI" and "PT" are parted from a name glued to them ("RIPrabowo", "PTChandra")."""
    shape = text.encode("latin-1", "replace").translate(_SHAPE)
    edits: list[Edit] = []
    at = shape.find(b"aaaAa")
    while at != -1:
        glue = at + 3
        if not _in_camel_name(text, glue):
            edits.append(Edit(glue, glue, " "))
        at = shape.find(b"aaaAa", at + 1)
    at = shape.find(b"aaaaAA")
    while at != -1:
        # An acronym glued after a word: "KomisarisPLN", "dilansirAFP", "Kapolres Padang
        # PariamanAKBP" (not "MotoGP" or "JakTV": fewer than four lower-case letters).
        glue = at + 4
        if not _in_camel_name(text, glue) and not _has_digit(text, glue):
            edits.append(Edit(glue, glue, " "))
        at = shape.find(b"aaaaAA", at + 1)
    at = shape.find(b"AAAa")
    while at != -1:
        if text[at : at + 2] in _GLUED_ABBREVIATIONS and (at == 0 or text[at - 1] in _OPENS_A_WORD):
            edits.append(Edit(at + 2, at + 2, " "))  # "Presiden RIPrabowo", "PTChandra Asri"
        at = shape.find(b"AAAa", at + 1)
    for probe, offset in ((")Aa", 1), ("aaa(A", 3)):
        at = shape.find(probe.encode())
        while at != -1:
            edits.append(Edit(at + offset, at + offset, " "))
            at = shape.find(probe.encode(), at + 1)
    return edits


# Abbreviations that open a name ("RI", the Republic; "PT", a company) and so are glued to
# it when a link's spaces are stripped.
_GLUED_ABBREVIATIONS = frozenset({"RI", "PT"})
_OPENS_A_WORD = frozenset(" \t\n(\"“'‘")  # not "LAM-PTKes": a body's own acronym


def _in_camel_name(text: str, glue: int) -> bool:
    start, end = _word_around(text, glue)
    return text[start:end].casefold() in camel_words()


def _has_digit(text: str, glue: int) -> bool:
    """A code, not words: "Nw2bfsjTXhA" of a link, "EAIaIQobChMI" with digits after."""
    start, end = _word_around(text, glue)
    return any(c.isdigit() for c in text[start:end])


def _word_around(text: str, glue: int) -> tuple[int, int]:
    start = glue
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-'’"):
        start -= 1
    end = glue
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _line_break_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    size = len(text)
    breaks = list(_NEWLINES.finditer(text)) if "\n" in text else []
    wrapped = _is_hard_wrapped(text, breaks)
    line_start = 0  # where the current line of the repaired text starts
    for match in breaks:
        start, end = match.span()
        while start > 0 and text[start - 1] in _BLANKS:
            start -= 1
        found = text[start:end]
        if start == 0 or end == size:
            replacement = ""
        elif found.count("\n") > 1:
            replacement = "\n\n"
        elif wrapped:
            replacement = _wrapped_break(text, line_start, start, end, found)
        else:
            replacement = _line_break(text, line_start, start, end)
        if replacement != found:
            edits.append(Edit(start, end, replacement))
        if "\n" in replacement:
            line_start = end
        if end + 1 < size and text[end] == '"' and text[end + 1] in _BLANKS:
            _drop_blanks_after(text, end + 1, edits)  # '" Nanti' at a paragraph start
    if size > 1 and text[0] == '"' and text[1] in _BLANKS:
        _drop_blanks_after(text, 1, edits)
    return edits


def _space_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    size = len(text)
    done = 0
    if text[:1] in _BLANKS and text[:1]:
        done = len(text) - len(text.lstrip(_BLANKS))
        if done < size and text[done] != "\n":
            edits.append(Edit(0, done, ""))  # spaces at the very start
    hits = list(_SPACE_HITS[0].finditer(text))
    if "\t" in text:
        hits += _SPACE_HITS[1].finditer(text)
        hits.sort(key=_START)
    for match in hits:
        start = match.start()
        if start < done:
            continue
        end = start + 1
        while end < size and text[end] in _BLANKS:
            end += 1
        while start > 0 and text[start - 1] in _BLANKS:
            start -= 1
        done = end
        if (end < size and text[end] == "\n") or (start > 0 and text[start - 1] == "\n"):
            continue  # the line break's own edit takes these spaces
        if start == 0 or end == size:
            edits.append(Edit(start, end, ""))
        else:
            _space(text, start, end, text[start:end], edits.append)
    return edits


def _drop_blanks_after(text: str, start: int, edits: list[Edit]) -> None:
    end = start
    while end < len(text) and text[end] in _BLANKS:
        end += 1
    if end < len(text) and not text[end].isspace():
        edits.append(Edit(start, end, ""))


def _without_overlaps(edits: list[Edit]) -> list[Edit]:
    """The edits in order, each that overlaps an earlier one dropped."""
    kept: list[Edit] = []
    end = 0
    for edit in edits:
        if edit.start < end or (kept and edit.start == end == edit.end and kept[-1].start == edit.start):
            continue
        kept.append(edit)
        end = edit.end
    return kept


def _space(text: str, start: int, end: int, found: str, append: Callable[[Edit], None]) -> None:
    """A run of spaces inside a line: before punctuation it goes, else it becomes one space."""
    after = text[end]
    following = text[end + 1] if end + 1 < len(text) else ""
    before = text[start - 1]
    if before == "“":
        append(Edit(start, end, ""))  # the opening quote takes no space after it
    elif after in _STRAY_BEFORE and (not following or following.isspace() or following in _CLOSERS):
        append(Edit(start, end, ""))  # "Jakarta , Senin" -> "Jakarta, Senin"
    elif after == ":" and (not following or following.isspace()):
        append(Edit(start, end, ""))
    elif after == ".":
        if not following or following.isspace() or following in _CLOSERS:
            append(Edit(start, end, ""))  # "Senin ." -> "Senin."
        elif following.isupper() or following in '"“':
            append(Edit(start, end, ""))  # "Selasa .Langkah" -> "Selasa. Langkah"
            append(Edit(end + 1, end + 1, " "))
        elif found != " ":
            append(Edit(start, end, " "))
    elif after in '”"' and (not following or not following.isalnum()):
        append(Edit(start, end, ""))  # a closing quote takes no space before it
    elif found != " ":
        append(Edit(start, end, " "))


def _wrapped_break(text: str, line_start: int, start: int, end: int, found: str) -> str:
    """A single line break in a hard-wrapped text: a space, unless a paragraph starts.

    ``text[line_start:start]`` is the line before it as repaired: the paragraph so far,
    copied only for the few breaks the cheap tests leave open.
    """
    before = text[start - 1]
    after = text[end]
    if found.startswith("  ") and not after.islower():
        return "\n\n"  # markdown's hard break (two spaces end the line): a heading, a list's line
    indent = len(found) - found.rindex("\n") - 1
    if indent >= 2 and before in _TERMINAL:
        previous_line = text[line_start:start]
        if indent > len(previous_line) - len(previous_line.lstrip(" \t")):
            return "\n\n"  # a newly indented line after a sentence starts a paragraph (Reuters)
    if (after.isupper() or after.isdigit()) and before not in ",(":
        previous_line = text[line_start:start]
        if len(previous_line.strip()) < 40 and (
            not any(c.islower() for c in previous_line) or sum(c.isdigit() for c in previous_line) >= 4
        ):
            return "\n\n"  # a short line in capitals or figures: a heading or a table row
    return _join(text, before, end)


def _line_break(text: str, line_start: int, start: int, end: int) -> str:
    """A single line break elsewhere: it ends a paragraph, unless the line was cut mid-sentence.

    ``text[line_start:start]`` is the line before it as repaired (earlier breaks that
    became spaces joined it), so that a second cleaning decides the same.
    """
    before = text[start - 1]
    if before in _TERMINAL:
        return "\n"  # the common case: decided without copying the line
    after = text[end]
    previous_line = text[line_start:start]
    stripped = previous_line.lstrip()
    cut = (
        after.islower()
        or after in _SOFT_START
        or after in _NO_SPACE_BEFORE
        or before in _NO_SPACE_AFTER
        or stripped in ("-", "–", "—")
        or stripped[:1].islower()
    )
    # Else a line cut at a link ("Laporan media lokal\nORF yang ..."), unless a heading.
    heading = len(previous_line) <= _HEADING_MAX and len(previous_line.split()) > 1
    if not cut and heading and is_title_like(previous_line, 0.7):
        return "\n"
    return _join(text, before, end)


def _join(text: str, before: str, after_at: int) -> str:
    """What joins two lines: a space, nothing before punctuation, or the break kept.

    The result must be what the space rules would leave, so that cleaning twice
    changes nothing: no space before "," or "”", none after "(" or "“"; the break kept
    before punctuation glued to a word (".Ia", "”Mahasiswa"), which no join leaves alone.
    """
    after = text[after_at]
    if before in _NO_SPACE_AFTER:
        return ""  # "(\nBPS" -> "(BPS"
    if after in _NO_SPACE_BEFORE:
        run_end = after_at + 1
        while run_end < len(text) and text[run_end] in _NO_SPACE_BEFORE:
            run_end += 1
        if run_end < len(text) and text[run_end].isalnum():
            return "\n"  # joined, "!\n”Mahasiswa" would be a glued sentence
        return ""  # "Reuters\n, Selasa" -> "Reuters, Selasa"
    return " "


def _is_hard_wrapped(text: str, breaks: list[re.Match[str]]) -> bool:
    """Whether lines were broken at a fixed width inside paragraphs (most break mid-sentence).

    A break counts as mid-sentence when the unwrapped rules (``_line_break``) would join
    it: on text those rules already repaired none is left, so a second cleaning never
    takes a repaired text for a wrapped one.
    """
    if len(breaks) < _WRAP_MIN_LINES:
        return False
    line_start = 0
    long_lines = 0
    for match in breaks:
        if match.start() - line_start > _WRAP_WIDTH:
            long_lines += 1
            if long_lines > len(breaks) // 20:
                return False
        line_start = match.end()
    singles = []  # (line start, break start, break end) of single breaks inside the text
    line_start = 0
    for match in breaks:
        start, end = match.span()
        while start > 0 and text[start - 1] in _BLANKS:
            start -= 1
        if start > 0 and end < len(text) and match.group().count("\n") == 1:
            singles.append((line_start, start, end))
        line_start = end
    if len(singles) < 3:
        return False
    # Wrapped when at least 30% break mid-sentence: stop as soon as that is settled.
    needed = 0.3 * len(singles)
    mid_sentence = 0
    for seen, (line_start, start, end) in enumerate(singles, 1):
        mid_sentence += "\n" not in _line_break(text, line_start, start, end)
        if mid_sentence >= needed:
            return True
        if mid_sentence + len(singles) - seen < needed:
            return False  # too few left to reach it
    return False

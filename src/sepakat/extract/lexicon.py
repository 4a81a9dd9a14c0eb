"""Word lists of the extract rules, compiled once per language from the data tables.

Every list the agreement, meeting and people rules consult lives in
``sepakat/data/<lang>/*.tsv``; this module turns them into compiled patterns and sets.
Nothing here knows about a particular article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from sepakat.data import load_table

if TYPE_CHECKING:
    from sepakat.extract.context import Doc


@dataclass(frozen=True, slots=True)
class HeadKind:
    kind: str
    strength: str  # strong | weak | verb (see data/id/agreement_heads.tsv)

    @property
    def strong(self) -> bool:
        return self.strength == "strong"


class RowPatterns:
    """The rows of a data table as alternatives of one pattern (group ``<prefix><i>`` per
    row), and each row compiled on its own.

    A sentence holds the literals of a few rows only (``Doc.anchored_rows``), and
    ``finditer`` runs just those rows' own patterns: the matches are those of the whole
    pattern (leftmost first; at one position the first row that matches, as an
    alternation picks it), found while ``re`` tries a few rows at each position instead
    of all of them. Every pattern is compiled once: compiling one per set of rows costs
    more than it saves on a small batch."""

    def __init__(self, parts: Sequence[str], before: str, after: str, flags: int = 0) -> None:
        self.all = re.compile(f"{before}(?:{'|'.join(parts)}){after}", flags)
        self.rows = tuple(re.compile(f"{before}{part}{after}", flags) for part in parts)

    def finditer(
        self, text: str, rows: Sequence[int] | None = None, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """The matches of the whole pattern in ``text[pos:endpos]`` (as ``Pattern.finditer``
        takes them), running only ``rows`` (None: all)."""
        end = len(text) if endpos is None else endpos
        if rows is None:
            yield from self.all.finditer(text, pos, end)
            return
        patterns = [self.rows[i] for i in sorted(rows)]
        # The leftmost match of each row at or after ``pos``, searched again only once
        # ``pos`` has passed where it starts.
        ahead: list[re.Match[str] | None] = [p.search(text, pos, end) for p in patterns]
        while True:
            starts = [m.start() for m in ahead if m is not None]
            if not starts:
                return
            at = min(starts)
            # At ``at`` the first row that matches there wins, as in the alternation.
            found = next(m for p in patterns if (m := p.match(text, at, end)) is not None)
            yield found
            pos = found.end() if found.end() > at else at + 1
            ahead = [
                m if m is None or m.start() >= pos else patterns[k].search(text, pos, end)
                for k, m in enumerate(ahead)
            ]


@dataclass(frozen=True, slots=True)
class AgreementLexicon:
    heads: re.Pattern[str]  # group "h<i>" per head row
    head_rows: RowPatterns  # the same, for some rows only
    head_kinds: dict[str, HeadKind]
    cues: re.Pattern[str]  # group "c<i>" per cue row
    cue_rows: RowPatterns  # the same, for some rows only
    cue_status: dict[str, str]
    cue_scope: dict[str, str]
    modifiers: dict[str, str]
    words: dict[str, frozenset[str]]  # named word lists (anaphora, quantifiers, ...)
    kind_words: tuple[tuple[re.Pattern[str], str], ...]  # topic word -> refined kind
    not_agreements: re.Pattern[str] | None  # noun phrases that are something else
    not_agreement_context: re.Pattern[str] | None  # sentences where weak nouns are not agreements
    off_topic: re.Pattern[str] | None  # words of topics whose articles' weak nouns are not agreements
    attribution: re.Pattern[str]  # a clause that says when something was said, not done
    occasion: re.Pattern[str]  # an occasion of several days (expo, fair, festival)
    own_statement: re.Pattern[str]  # a title of a document whose issuer speaks itself
    spelled_acronyms: dict[str, re.Pattern[str]]  # "PKS" -> its long form, which the article must write
    asides: re.Pattern[str]  # words that bring in witnesses or brokers: groups "<side>_<role>"


def _table(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    return load_table(lang, name)


@cache
def pact_acronyms() -> frozenset[str]:
    """Pacts named by their acronym alone ("AUKUS", "USMCA"; common/pact_acronyms.tsv)."""
    return frozenset(row[0] for row in load_table("common", "pact_acronyms"))


@cache
def agreement_head_rows(lang: str) -> tuple[tuple[str, ...], ...]:
    """The rows of data/<lang>/agreement_heads.tsv, then one for the pacts named by their
    acronym: the head pattern and the anchors' literals are read from the same rows."""
    pacts = "|".join(re.escape(acronym) for acronym in sorted(pact_acronyms()))
    return (*_table(lang, "agreement_heads"), (pacts, "agreement", "strong"))


def word_set(lang: str, name: str) -> frozenset[str]:
    """The first column of a one-word-per-line table, case-folded."""
    return frozenset(row[0].casefold() for row in _table(lang, name))


@cache
def agreement_lexicon(lang: str) -> AgreementLexicon:
    lang = "en" if lang == "en" else "id"
    head_parts: list[str] = []
    head_kinds: dict[str, HeadKind] = {}
    for i, (pattern, kind, strength) in enumerate(agreement_head_rows(lang)):
        head_parts.append(f"(?P<h{i}>{pattern})")
        head_kinds[f"h{i}"] = HeadKind(kind, strength)
    cue_parts: list[str] = []
    cue_status: dict[str, str] = {}
    cue_scope: dict[str, str] = {}
    for i, (pattern, status, scope) in enumerate(_table(lang, "status_cues")):
        cue_parts.append(f"(?P<c{i}>{pattern})")
        cue_status[f"c{i}"] = status
        cue_scope[f"c{i}"] = scope
    modifiers = {word.casefold(): effect for word, effect in _table(lang, "status_modifiers")}
    words = {
        name: word_set(lang, f"agreement_{name}")
        for name in (
            "anaphora",
            "outcomes",
            "distinct",
            "quantifiers",
            "list_openers",
            "stops",
            "complements",
        )
    }
    kind_words = tuple(
        (re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE), kind)
        for pattern, kind in _table(lang, "agreement_kind_words")
    )
    negative = _table(lang, "agreement_negative")
    phrases = [pattern for pattern, kind in negative if kind == "phrase"]
    contexts = [pattern for pattern, kind in negative if kind == "context"]
    topics = [pattern for pattern, kind in negative if kind == "topic"]
    said = [word for word, position in _table(lang, "speech_verbs") if position == "before"]
    said += [row[0] for row in _table(lang, "citation_words")]
    attribution = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(said, key=len, reverse=True)) + r")(?!\w)",
        re.IGNORECASE,
    )
    head_rows = RowPatterns(head_parts, before=r"(?<![\w-])", after=r"(?![\w])")
    cue_rows = RowPatterns(cue_parts, before=r"(?<!\w)", after=r"(?!\w)", flags=re.IGNORECASE)
    occasions = [row[0] for row in _table(lang, "occasions")]
    own_statements = [row[0] for row in _table(lang, "own_statements")]
    return AgreementLexicon(
        spelled_acronyms={
            acronym: re.compile(long_form, re.IGNORECASE)
            for acronym, long_form in _table(lang, "agreement_acronyms")
        },
        own_statement=re.compile(r"(?<!\w)(?:" + "|".join(own_statements) + r")(?!\w)", re.IGNORECASE),
        attribution=attribution,
        occasion=re.compile(r"(?<!\w)(?:" + "|".join(occasions) + r")(?!\w)", re.IGNORECASE),
        not_agreements=re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE) if phrases else None,
        not_agreement_context=re.compile("|".join(f"(?:{p})" for p in contexts), re.IGNORECASE)
        if contexts
        else None,
        off_topic=re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in topics) + r")(?!\w)", re.IGNORECASE)
        if topics
        else None,
        heads=head_rows.all,
        head_rows=head_rows,
        head_kinds=head_kinds,
        cues=cue_rows.all,
        cue_rows=cue_rows,
        cue_status=cue_status,
        cue_scope=cue_scope,
        modifiers=modifiers,
        words=words,
        kind_words=kind_words,
        asides=_asides(lang),
    )


def _asides(lang: str) -> re.Pattern[str]:
    """One pattern of data/<lang>/agreement_asides.tsv, a group per side and role
    ("after_witness", "before_broker", ...)."""
    groups: dict[str, list[str]] = {}
    for pattern, side, role in _table(lang, "agreement_asides"):
        groups.setdefault(f"{side}_{role}", []).append(pattern)
    return re.compile(
        "|".join(rf"(?P<{name}>(?<!\w)(?:{'|'.join(patterns)})(?!\w))" for name, patterns in groups.items()),
        re.IGNORECASE,
    )


_OFF_TOPIC_WORDS = 3  # different words of a topic (agreement_negative.tsv) that make an article about it


def off_topic(doc: Doc, lex: AgreementLexicon) -> bool:
    """The article is about a topic whose deals and meetings are not between states or
    bodies (club football: contracts, transfers, matches; entertainment): three
    different words of it."""
    if lex.off_topic is None:
        return False
    seen: set[str] = set()
    for index in doc.anchored_sentences("topic"):  # most articles have none
        for word in lex.off_topic.finditer(doc.sentences[index].text):
            seen.add(word.group().casefold())
            if len(seen) >= _OFF_TOPIC_WORDS:
                return True
    return False

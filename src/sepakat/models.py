"""The typed values that flow between sepakat's stages.

    RawDocument  --clean-->  Article  --extract-->  Extraction (Mentions + ExtractionRecord)

Every value is a frozen dataclass with no behaviour beyond small derived properties;
this module imports nothing of ours, so every stage may import it.

Offsets: an ``Article`` keeps both the text as given (``source_text``) and the cleaned
text (``text``). Sentences and mentions carry offsets into the cleaned text;
``Article.source_span`` maps them back to the text as given, which is where evidence is
copied from (the extraction record's evidence is always verbatim input text).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

AgreementKind = Literal["mou", "agreement", "treaty", "loi", "contract", "arrangement", "statement", "other"]
AgreementStatus = Literal["proposed", "negotiating", "agreed", "signed", "ratified", "implementing", "ended"]
MeetingKind = Literal["bilateral", "multilateral", "visit", "call", "commission"]

AGREEMENT_KINDS: tuple[AgreementKind, ...] = (
    "mou",
    "agreement",
    "treaty",
    "loi",
    "contract",
    "arrangement",
    "statement",
    "other",
)
# Ordered from least to most advanced; "ended" is last because it closes a history.
AGREEMENT_STATUSES: tuple[AgreementStatus, ...] = (
    "proposed",
    "negotiating",
    "agreed",
    "signed",
    "ratified",
    "implementing",
    "ended",
)
MEETING_KINDS: tuple[MeetingKind, ...] = ("bilateral", "multilateral", "visit", "call", "commission")
SECTORS: tuple[str, ...] = (
    "manufacturing",
    "shipbuilding",
    "defense",
    "aerospace",
    "automotive",
    "electronics",
    "chemicals",
    "mining",
    "energy",
    "agriculture",
    "halal",
    "health",
    "digital",
    "transport",
    "infrastructure",
    "trade",
    "investment",
    "education",
    "research",
    "labor",
    "culture",
    "environment",
    "security",
)


# --- sources ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as a reader found it, before any cleaning.

    Exactly one of ``text`` (plain text) and ``html`` is set. ``origin`` names where it
    came from ("path/to/file.jsonl:12", "https://...", "-:3") for messages and provenance.
    """

    origin: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    text: str | None = None
    html: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Refusal:
    """An input that could not become a document: which one, and why."""

    origin: str
    reason: str


# --- clean -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    """A span of the text as given that cleaning removed (a teaser, a byline, ...)."""

    start: int
    end: int
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the cleaned text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets of a cleaned text back to the text it was cleaned from.

    The cleaned text is a sequence of pieces; piece ``i`` starts at ``clean_starts[i]``
    in the cleaned text and, when ``copied[i]``, is a verbatim copy of the source from
    ``source_starts[i]``; otherwise it was inserted by cleaning (a space between glued
    sentences) and every offset in it maps to ``source_starts[i]``.
    """

    clean_starts: tuple[int, ...] = (0,)
    source_starts: tuple[int, ...] = (0,)
    copied: tuple[bool, ...] = (True,)

    def to_source(self, offset: int) -> int:
        i = bisect_right(self.clean_starts, offset) - 1
        if i < 0:
            return 0
        if not self.copied[i]:
            return self.source_starts[i]
        return self.source_starts[i] + (offset - self.clean_starts[i])

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source span of cleaned ``[start, end)``; the end maps from its last char."""
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned document, ready for extraction.

    ``published`` is ISO 8601 as the record prints it ("2026-01-12T06:49:54", or
    "2025-06-18" when only the day is known), or None.
    """

    id: str
    title: str | None
    published: str | None
    language: str
    source_text: str
    text: str
    sentences: tuple[Sentence, ...]
    removed: tuple[RemovedSpan, ...] = ()
    offsets: OffsetMap = field(default_factory=OffsetMap)
    url: str | None = None
    origin: str = ""

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in ``source_text`` of the cleaned span ``[start, end)``."""
        return self.offsets.span_to_source(start, end)

    def source_slice(self, start: int, end: int) -> str:
        s, e = self.source_span(start, end)
        return self.source_text[s:e]


# --- extract ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """A gazetteer or rule hit in the cleaned text.

    ``kind`` is one of: country, bloc, organisation, company, title, person, date,
    agreement, place. ``key`` is the canonical id where one is known (an ISO alpha-3
    code, an organisation id, a normalised date), else None.
    """

    start: int
    end: int
    kind: str
    text: str
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence (or shortest span) that states a fact, verbatim from the input."""

    text: str
    start: int  # offsets into Article.source_text
    end: int


@dataclass(frozen=True, slots=True)
class AgreementRecord:
    name: str | None
    kind: AgreementKind
    status: AgreementStatus
    date: str | None
    countries: tuple[str, ...]
    parties: tuple[str, ...]
    sectors: tuple[str, ...]
    evidence: Evidence
    target_date: str | None = None


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    kind: MeetingKind
    date: str | None
    place: str | None
    countries: tuple[str, ...]
    participants: tuple[str, ...]
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class PersonRecord:
    name: str
    role: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class ExtractionRecord:
    """The extraction record of one article (shared/spec/EXTRACTION.md, v1)."""

    id: str
    title: str | None
    published: str | None
    language: str
    agreements: tuple[AgreementRecord, ...] = ()
    meetings: tuple[MeetingRecord, ...] = ()
    people: tuple[PersonRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extraction learned of one article: what the registry stores."""

    article: Article
    record: ExtractionRecord
    mentions: tuple[Mention, ...] = ()
    extractor_version: str = ""

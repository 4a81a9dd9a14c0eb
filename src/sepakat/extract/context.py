"""The working state of one article while the extract components run over it.

``Doc`` holds the cleaned article, its gazetteer mentions indexed by sentence, and
lazily computed per-sentence facts (date expressions), so that each component asks for
what it needs and nothing is computed twice.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from sepakat.data import load_table
from sepakat.extract.dates import DateMention, DateValue, find_dates, parse_iso_date
from sepakat.extract.gazetteer import Gazetteer
from sepakat.models import Article, Evidence, Mention, Sentence

MAX_EVIDENCE = 600


@dataclass
class Doc:
    """One article under extraction: shared, read-mostly state of the components."""

    article: Article
    lang: str
    published: date | None
    mentions: list[Mention]
    sentence_starts: list[int] = field(default_factory=list)
    mentions_by_sentence: dict[int, list[Mention]] = field(default_factory=dict)
    _dates: dict[int, list[DateMention]] = field(default_factory=dict)

    @classmethod
    def build(cls, article: Article, mentions: list[Mention]) -> Doc:
        lang = "en" if article.language == "en" else "id"
        doc = cls(article, lang, parse_iso_date(article.published), mentions)
        doc.sentence_starts = [s.start for s in article.sentences]
        for mention in mentions:
            index = doc.sentence_of(mention.start)
            if index is not None:
                doc.mentions_by_sentence.setdefault(index, []).append(mention)
        return doc

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.article.sentences

    def sentence_of(self, offset: int) -> int | None:
        """Index of the sentence holding ``offset`` of the cleaned text, or None."""
        i = bisect_right(self.sentence_starts, offset) - 1
        if i < 0:
            return None
        sentence = self.article.sentences[i]
        return i if sentence.start <= offset < sentence.end else None

    def sentence_at_source(self, source_offset: int) -> int | None:
        """Index of the sentence whose evidence starts at ``source_offset`` of the input."""
        for i, sentence in enumerate(self.article.sentences):
            if self.article.source_span(sentence.start, sentence.end)[0] == source_offset:
                return i
        return None

    def mentions_in(self, index: int, kinds: frozenset[str] | None = None) -> list[Mention]:
        found = self.mentions_by_sentence.get(index, [])
        return found if kinds is None else [m for m in found if m.kind in kinds]

    def dates_in(self, index: int) -> list[DateMention]:
        """Date expressions of sentence ``index``, offsets relative to the cleaned text."""
        if index not in self._dates:
            sentence = self.article.sentences[index]
            self._dates[index] = [
                DateMention(d.start + sentence.start, d.end + sentence.start, d.value, d.relative)
                for d in find_dates(sentence.text, self.lang, self.published)
            ]
        return self._dates[index]

    def published_value(self) -> DateValue | None:
        p = self.published
        return DateValue(p.year, p.month, p.day) if p else None

    def evidence(self, index: int) -> Evidence:
        """Sentence ``index`` verbatim from the input text, cut to the scorer's limit."""
        sentence = self.article.sentences[index]
        return self.evidence_span(sentence.start, sentence.end)

    def evidence_span(self, start: int, end: int) -> Evidence:
        s, e = self.article.source_span(start, end)
        text = self.article.source_text[s:e]
        if len(text) > MAX_EVIDENCE:
            cut = text.rfind(" ", 0, MAX_EVIDENCE)
            e = s + (cut if cut > MAX_EVIDENCE // 2 else MAX_EVIDENCE)
            text = self.article.source_text[s:e].rstrip()
            e = s + len(text)
        return Evidence(text=text, start=s, end=e)


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the article as a whole says, which agreement and meeting records fall back on."""

    countries: tuple[str, ...]
    event_date: DateValue | None
    gazetteer: Gazetteer

    def code_of(self, mention: Mention) -> str | None:
        """The country (or bloc) code a gazetteer mention stands for, if any."""
        entry = self.gazetteer.lookup(mention.text)
        if entry is None and mention.key is not None:
            entry = self.gazetteer.entry(mention.key)
        if entry is None or entry.extra.get("ambiguous") or entry.country in _forums():
            return None
        return entry.country


@cache
def _forums() -> frozenset[str]:
    """Groupings that meet but never take part as one side (data/common/forums.tsv)."""
    return frozenset(row[0] for row in load_table("common", "forums"))

"""The working state of one article while the extract components run over it.

``Doc`` holds the cleaned article, its gazetteer mentions indexed by sentence, and
lazily computed per-sentence facts (date expressions), so that each component asks for
what it needs and nothing is computed twice.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property

from sepakat.data import load_table
from sepakat.extract.anchors import anchors
from sepakat.extract.dates import DateMention, DateValue, dates_a_document, find_dates, parse_iso_date
from sepakat.extract.gazetteer import Gazetteer
from sepakat.models import Article, Evidence, Mention, Sentence

MAX_EVIDENCE = 600
_DIGIT = re.compile(r"\d")


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
    _anchor_index: dict[str, dict[int, set[int]]] | None = None
    _anchors_read: bool = False
    _date_anchored: frozenset[int] | None = None
    _repeats: frozenset[int] | None = None

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

    def of_its_time(self, code: str | None) -> str | None:
        """A country code as it stood on the publication day: Russia, Moscow and "Russian"
        in a report of 1987 are the Soviet Union's (data/common/former_states.tsv)."""
        former = _former_states().get(code) if code else None
        if former is None or self.published is None or self.published >= former[1]:
            return code
        return former[0]

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

    def anchored_sentences(self, name: str) -> list[int]:
        """Sentences that hold a literal of the named patterns ("agreement", "meeting"):
        the only ones those patterns can match in (see ``extract.anchors``)."""
        by_sentence = self._anchored(name)
        if by_sentence is None:
            return [i for i in range(len(self.article.sentences)) if i not in self.repeats]
        return sorted(i for i in by_sentence if i not in self.repeats)

    @property
    def repeats(self) -> frozenset[int]:
        """Sentences that repeat an earlier one word for word: pages scraped with their text
        twice, a lead restated at the end. They state nothing new, so nothing is read
        from them (the first one stays the evidence)."""
        if self._repeats is None:
            seen: set[str] = set()
            repeated = set()
            for i, sentence in enumerate(self.article.sentences):
                key = " ".join(sentence.text.split())
                if len(key) < 40:
                    continue
                if key in seen:
                    repeated.add(i)
                seen.add(key)
            self._repeats = frozenset(repeated)
        return self._repeats

    def anchored_rows(self, name: str, index: int) -> list[int] | None:
        """Rows of the named table ("agreement", "meeting") whose literals sentence
        ``index`` holds, or None when any row may match there."""
        by_sentence = self._anchored(name)
        if by_sentence is None:
            return None
        return sorted(by_sentence.get(index, ()))

    def _anchored(self, name: str) -> dict[int, set[int]] | None:
        """For the patterns called ``name`` (rows "name:<i>", or one pattern "name", row
        -1): sentence -> rows whose literals it holds. One pass of the anchors over the
        article, indexed once; None when the anchors cannot say (every sentence may match)."""
        if not self._anchors_read:
            self._anchors_read = True
            found = anchors(self.lang)
            hits = found.hits(self.article.text)
            if hits is not None:
                self._anchor_index = self._index_anchors(hits, found.always)
        if self._anchor_index is None:
            return None
        return self._anchor_index.get(name, {})

    def _index_anchors(self, hits: dict[str, list[int]], always: set[str]) -> dict[str, dict[int, set[int]]]:
        index: dict[str, dict[int, set[int]]] = {}
        everywhere = range(len(self.article.sentences))
        for key, ends in hits.items():
            name, _, row = key.partition(":")
            number = int(row) if row else -1
            by_sentence = index.setdefault(name, {})
            sentences = everywhere if key in always else (self.sentence_of(end) for end in ends)
            for i in sentences:
                if i is not None:
                    by_sentence.setdefault(i, set()).add(number)
        return index

    def mentions_in(self, index: int, kinds: frozenset[str] | None = None) -> list[Mention]:
        found = self.mentions_by_sentence.get(index, [])
        return found if kinds is None else [m for m in found if m.kind in kinds]

    def dates_in(self, index: int) -> list[DateMention]:
        """Date expressions of sentence ``index``, offsets relative to the cleaned text."""
        if index not in self._dates:
            sentence = self.article.sentences[index]
            if not (_DIGIT.search(sentence.text) or index in self._date_sentences()):
                self._dates[index] = []
                return self._dates[index]
            self._dates[index] = [
                DateMention(d.start + sentence.start, d.end + sentence.start, d.value, d.relative, d.span)
                for d in find_dates(sentence.text, self.lang, self.published)
            ]
        return self._dates[index]

    def _date_sentences(self) -> frozenset[int]:
        if self._date_anchored is None:
            self._date_anchored = frozenset(self.anchored_sentences("date"))
        return self._date_anchored

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


_COUNTED_KINDS = frozenset({"country", "bloc", "organisation", "title"})
LEAD_SENTENCES = 8  # the lead paragraph, where news articles say what happened and when


class ArticleContext:
    """What the article as a whole says, which agreement and meeting records fall back
    on: the countries it is about and the date of the event it reports. Both are worked
    out on first use, so an article with nothing to report pays nothing for them."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.gazetteer = gazetteer

    def code_of(self, mention: Mention) -> str | None:
        """The country (or bloc) code a gazetteer mention stands for, if any."""
        entry = self.gazetteer.lookup(mention.text)
        if entry is None and mention.key is not None:
            entry = self.gazetteer.entry(mention.key)
        if entry is None or entry.country in _forums():
            return None
        if not self.gazetteer.names_country(entry, self.doc.text):
            return None
        return self.doc.of_its_time(entry.country)

    def is_state(self, code: str) -> bool:
        """Whether a record code is a country's, not a bloc's or a body's ("IDN", not "EU")."""
        try:
            return self.gazetteer.entry(code).kind == "country"
        except KeyError:
            return False

    def party_key(self, party: str) -> str:
        """One key for the names of one party ("Kemenhan", "Kementerian Pertahanan"; the
        "Government of Indonesia", "Pemerintah Indonesia" and "Indonesia")."""
        entry = self.gazetteer.lookup(party)
        if entry is None and _GOVERNMENT_OF.match(party):
            entry = self.gazetteer.lookup(_GOVERNMENT_OF.sub("", party))
        if entry is None:
            found = self.gazetteer.find(party)
            if len(found) == 1 and found[0].end - found[0].start >= len(party) - 8:
                return found[0].key or party.casefold()
            return party.casefold()
        return entry.key

    @cached_property
    def countries(self) -> tuple[str, ...]:
        """The countries most named in the title and body (Indonesian bodies count for IDN)."""
        counts: Counter[str] = Counter()
        for m in self.doc.mentions:
            if m.kind not in _COUNTED_KINDS:
                continue  # places
            code = self.code_of(m)
            if code is None:
                continue
            if m.kind in ("country", "bloc"):
                counts[code] += 1
            elif code == "IDN":
                counts["IDN"] += 1
        for m in self.gazetteer.find(self.doc.article.title or ""):
            code = self.code_of(m)
            if code and m.kind in ("country", "bloc"):
                counts[code] += 2
        if not counts:
            return ()
        top = counts.most_common(1)[0][1]
        found = tuple(sorted(code for code, n in counts.most_common(3) if n >= max(2, top * 0.3)))
        return found or (counts.most_common(1)[0][0],)

    @property
    def event_date(self) -> DateValue | None:
        """The first day the lead paragraph names: when the reported event happened."""
        event = self._event
        return event.value if event else None

    @property
    def event_spans_days(self) -> bool:
        """The event lasts several days ("kunjungan kerja pada 12-13 Agustus"): what
        happened at it, with no day of its own, is known to its month only."""
        event = self._event
        return event is not None and event.span

    @cached_property
    def _event(self) -> DateMention | None:
        published = self.doc.published
        for index in range(min(LEAD_SENTENCES, len(self.doc.sentences))):
            for d in self.doc.dates_in(index):
                value = d.value
                if dates_a_document(self.doc.text, d.start):
                    continue  # "Executive Order 14257 of April 2, 2025": no event's day
                if value.precision == 3 and value.month and value.day:
                    if published is not None and (value.year, value.month, value.day) > (
                        published.year,
                        published.month,
                        published.day,
                    ):
                        continue  # a planned day is not the reported event's
                    return d
        return None


@cache
def _former_states() -> dict[str, tuple[str, date]]:
    """Country code -> (the dissolved state it was part of, the day that state ended)."""
    rows = load_table("common", "former_states")
    return {code: (former, date.fromisoformat(until)) for code, former, until in rows}


@cache
def _forums() -> frozenset[str]:
    """Groupings that meet but never take part as one side (data/common/forums.tsv)."""
    return frozenset(row[0] for row in load_table("common", "forums"))


# The words that make a country's name its government's: "Government of", "Pemerintah".
_GOVERNMENT_OF = re.compile(
    r"^(?:(?:the\s+)?(?:Government|Pemerintah(?:an)?|Republic|Republik|Kingdom|Kerajaan)\s+(?:of\s+)?(?:the\s+)?)+"
)

"""The extract stage: a cleaned Article in, an Extraction (mentions + record) out.

The components run in this order over one shared ``Doc`` (``extract.context``):

1. gazetteer   countries, blocs, organisations, offices, places (``extract.gazetteer``)
2. context     the article's own countries and the date of the event it reports
3. people      named persons with their office and country (``extract.people``)
4. agreements  instruments with kind, stage, date, countries, sectors (``extract.agreements``)
5. meetings    meetings, visits, calls and commission sessions (``extract.meetings``)

Dates (``extract.dates``) are read per sentence on demand. Every rule's word lists live
in ``sepakat/data/<lang>/``.
"""

from __future__ import annotations

from collections import Counter

from sepakat.extract.agreements import extract_agreements
from sepakat.extract.context import ArticleContext, Doc
from sepakat.extract.dates import DateValue
from sepakat.extract.gazetteer import Gazetteer, load_gazetteer
from sepakat.extract.meetings import extract_meetings
from sepakat.extract.people import extract_people
from sepakat.models import Article, Extraction, ExtractionRecord, Mention

EXTRACTOR_VERSION = "0.2.0"

__all__ = ["EXTRACTOR_VERSION", "extract_article", "warm_up"]

_LEAD_SENTENCES = 5


def extract_article(article: Article) -> Extraction:
    """Extract agreements, meetings and people from one cleaned article."""
    lang = "en" if article.language == "en" else "id"
    gazetteer = load_gazetteer(lang)
    mentions = gazetteer.find(article.text)
    doc = Doc.build(article, mentions)
    context = article_context(doc, gazetteer)
    people = extract_people(doc, gazetteer)
    agreements = extract_agreements(doc, context)
    meetings = extract_meetings(doc, context, people, agreements)
    record = ExtractionRecord(
        id=article.id,
        title=article.title,
        published=article.published,
        language=article.language,
        agreements=tuple(agreements),
        meetings=tuple(meetings),
        people=tuple(people.records),
    )
    person_mentions = [
        Mention(m.start, m.end, "person", m.name, person.name) for person in people.people for m in person.mentions
    ]
    return Extraction(
        article=article,
        record=record,
        mentions=tuple(sorted([*mentions, *person_mentions], key=lambda m: (m.start, m.end))),
        extractor_version=EXTRACTOR_VERSION,
    )


def article_context(doc: Doc, gazetteer: Gazetteer) -> ArticleContext:
    """The countries the article is about, and the date of the event it reports."""
    counts: Counter[str] = Counter()
    org_country: dict[str, str] = {}
    indonesian_bodies = 0
    for m in doc.mentions:
        if m.key is None:
            continue
        if m.kind in ("country", "bloc"):
            counts[m.key] += 1
        elif m.kind in ("organisation", "title"):
            country = gazetteer.entry(m.key).country
            if country:
                org_country[m.key] = country
                if country == "IDN":
                    indonesian_bodies += 1
    title = doc.article.title or ""
    for m in gazetteer.find(title):
        if m.kind in ("country", "bloc") and m.key:
            counts[m.key] += 2
    if indonesian_bodies:
        counts["IDN"] += indonesian_bodies
    countries: tuple[str, ...] = ()
    if counts:
        top = counts.most_common(1)[0][1]
        countries = tuple(sorted(code for code, n in counts.most_common(3) if n >= max(2, top * 0.3)))
        if not countries:
            countries = (counts.most_common(1)[0][0],)
    return ArticleContext(countries=countries, event_date=_event_date(doc), gazetteer=gazetteer)


def _event_date(doc: Doc) -> DateValue | None:
    """The first day the lead paragraph names: when the reported event happened."""
    for index in range(min(_LEAD_SENTENCES, len(doc.sentences))):
        for d in doc.dates_in(index):
            if d.value.precision == 3:
                return d.value
    return None


def warm_up() -> None:
    """Load every word list once, so the first article pays no loading cost."""
    from sepakat.extract.lexicon import agreement_lexicon
    from sepakat.extract.meetings import meeting_lexicon
    from sepakat.extract.people import people_lexicon

    for lang in ("id", "en"):
        load_gazetteer(lang)
        agreement_lexicon(lang)
        meeting_lexicon(lang)
        people_lexicon(lang)

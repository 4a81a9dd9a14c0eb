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

from sepakat.extract.agreements import extract_agreements
from sepakat.extract.context import ArticleContext, Doc
from sepakat.extract.gazetteer import load_gazetteer
from sepakat.extract.meetings import extract_meetings
from sepakat.extract.people import extract_people
from sepakat.models import Article, Extraction, ExtractionRecord, Mention

EXTRACTOR_VERSION = "0.6.17"  # raised when the rules change what records say: stored reports carry it

__all__ = ["EXTRACTOR_VERSION", "extract_article", "warm_up"]


def extract_article(article: Article) -> Extraction:
    """Extract agreements, meetings and people from one cleaned article."""
    lang = "en" if article.language == "en" else "id"
    gazetteer = load_gazetteer(lang)
    mentions = gazetteer.find_in_article(article.text)
    doc = Doc.build(article, mentions)
    context = ArticleContext(doc, gazetteer)
    people = extract_people(doc, context)
    agreements = extract_agreements(doc, context, people)
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
        Mention(m.start, m.end, "person", m.name, person.name)
        for person in people.people
        for m in person.mentions
    ]
    return Extraction(
        article=article,
        record=record,
        mentions=tuple(sorted([*mentions, *person_mentions], key=lambda m: (m.start, m.end))),
        extractor_version=EXTRACTOR_VERSION,
    )


# One short article per language that goes through every stage: what a stage loads or
# compiles on first use (the language detector, patterns built per row) is loaded here.
_WARM_UP_TEXTS = (
    "Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Jepang di Tokyo, Senin (3/3/2025). "
    "Kedua negara menandatangani nota kesepahaman tentang energi.",
    "The foreign ministers of Indonesia and Japan met in Tokyo on Monday, March 3, 2025, and "
    "signed a memorandum of understanding on energy.",
)


def warm_up() -> None:
    """Load every word list, model and pattern once, so the first article pays no
    loading cost: a pool worker's first document is timed like every other (about
    0.3 s of loading once made it look slow on a busy machine)."""
    from sepakat.clean import clean_document
    from sepakat.extract.lexicon import agreement_lexicon
    from sepakat.extract.meetings import meeting_lexicon
    from sepakat.extract.people import people_lexicon
    from sepakat.models import RawDocument

    for lang in ("id", "en"):
        load_gazetteer(lang)
        agreement_lexicon(lang)
        meeting_lexicon(lang)
        people_lexicon(lang)
    for text in _WARM_UP_TEXTS:
        raw = RawDocument(origin="warm-up", id="warm-up", title="", published="2025-03-04", text=text)
        extract_article(clean_document(raw))

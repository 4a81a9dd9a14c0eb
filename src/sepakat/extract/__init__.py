"""The extract stage: a cleaned Article in, an Extraction (mentions + record) out.

Components run in order over one shared working state (see ``extract.pipeline``):
gazetteer mentions -> dates -> people -> agreements -> meetings -> record.
"""

from __future__ import annotations

from sepakat.models import Article, Extraction, ExtractionRecord

EXTRACTOR_VERSION = "0.1.0"


def extract_article(article: Article) -> Extraction:
    """Extract agreements, meetings and people from one cleaned article."""
    record = ExtractionRecord(
        id=article.id, title=article.title, published=article.published, language=article.language
    )
    return Extraction(article=article, record=record, extractor_version=EXTRACTOR_VERSION)


def warm_up() -> None:
    """Load every word list once, so the first article pays no loading cost."""

"""sepakat: a living registry of international cooperation agreements, read from the news.

The flow, one typed value per stage (see ``sepakat.models``)::

    sources -> clean -> extract -> resolve -> store -> serve

The extractor needs no database: ``extract_document`` turns one ``RawDocument`` into
an ``Extraction`` whose ``record`` is the extraction record of shared/spec/EXTRACTION.md.
"""

from __future__ import annotations

from sepakat.errors import InputRefused, SepakatError, StoreError, UsageError
from sepakat.models import (
    AgreementRecord,
    Article,
    Extraction,
    ExtractionRecord,
    MeetingRecord,
    PersonRecord,
    RawDocument,
    Refusal,
)

__version__ = "0.1.0"

__all__ = [
    "AgreementRecord",
    "Article",
    "Extraction",
    "ExtractionRecord",
    "InputRefused",
    "MeetingRecord",
    "PersonRecord",
    "RawDocument",
    "Refusal",
    "SepakatError",
    "StoreError",
    "UsageError",
    "__version__",
]

"""Helpers for the extraction tests: run the real pipeline on text we write ourselves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sepakat.models import RawDocument
from sepakat.pipeline import extract_document
from sepakat.serialize import record_dict

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = {"reason": f"{SHARED} (the shared corpus and gold records) is absent"}


def extract_text(
    text: str, published: str | None = "2025-06-18T10:00:00", title: str = "Berita", lang: str | None = None
) -> dict[str, Any]:
    """The extraction record (as JSON would give it) of one article we write."""
    raw = RawDocument(origin="test", id="t", title=title, published=published, text=text, language=lang)
    return record_dict(extract_document(raw).record)

"""Which reader an input needs: by its name's extension, else by its first bytes."""

from __future__ import annotations

import os
from typing import Literal

from sepakat.sources.checks import BOM

__all__ = ["EXTENSIONS", "Format", "format_by_name", "sniff_format"]

Format = Literal["text", "jsonl", "html", "gzip"]

# Extension -> format; a directory reads only files named so. ".json" is read as JSON
# Lines (one object per line), or as one object or an array when the file is not.
EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".gz": "gzip",
}

GZIP_MAGIC = b"\x1f\x8b"


def format_by_name(name: str) -> Format | None:
    """The format a file name announces ("a.jsonl.gz" -> "gzip"), or None when unknown."""
    base = os.path.basename(name).lower()
    dot = base.rfind(".")
    if dot <= 0:
        return None
    return EXTENSIONS.get(base[dot:])


def sniff_format(head: bytes) -> Format:
    """The format of an input from its first bytes.

    gzip magic -> gzip; a JSON object's "{" -> JSON Lines; "<" -> HTML; anything else is
    plain text in the seed layout (title, blank line, timestamp, body) or as a whole.
    """
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    start = head.removeprefix(BOM).lstrip()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<"):
        return "html"
    return "text"

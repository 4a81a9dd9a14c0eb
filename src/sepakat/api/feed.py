"""An Atom feed of agreements (a watchlist's changes), built with ElementTree so every value is escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, datetime

from sepakat.store.queries import AgreementRow

ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(rows: Sequence[AgreementRow], base_url: str, title: str) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"{base_url}/watchlist"
    ET.SubElement(feed, f"{{{ATOM}}}link", href=f"{base_url}/watchlist")
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = stamp
    for row in rows:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = f"{row.name or row.id}: {row.status}"
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"{base_url}/agreements/{row.id}#{row.last_date}"
        ET.SubElement(entry, f"{{{ATOM}}}link", href=f"{base_url}/agreements/{row.id}")
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _when(row.last_date)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = (
            f"{row.status} ({row.status_date or 'undated'}); {', '.join(row.countries)}; "
            f"{row.report_count} report(s)"
        )
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode").encode()


def _when(day: str) -> str:
    """An Atom date from a registry date that may be only a year or a month."""
    parts = [*day.split("T", maxsplit=1)[0].split("-"), "01", "01"][:3]
    year, month, dom = (p if p.isdigit() else "01" for p in parts)
    return f"{year}-{month.zfill(2)}-{dom.zfill(2)}T00:00:00Z"

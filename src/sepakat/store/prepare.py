"""Prepare: the part of storing an extraction that needs no registry, computed wherever it ran.

    prepare(extraction) -> PreparedArticle
        id, content hash, source    the article's identity (hash of the URL, else of the content)
        mention entities            the entity each gazetteer mention stands for
        reports                     one per agreement of the article (items listed twice folded),
                                    with its stable key, sort date and blocking keys
        meeting ids                 one per meeting item

Everything here is a function of the one extraction, so ``sepakat batch`` prepares on the
workers, beside extraction, and the serial store is left with what needs the registry:
classifying against stored articles, pks, people across articles, regrouping. ``ingest``
prepares the extractions that arrive unprepared; either way the rows are the same.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from sepakat.models import Article, Extraction
from sepakat.resolve.agreements import blocking_keys, collapse_duplicates, fold, report_features
from sepakat.resolve.entities import EntityRef, mention_entity

__all__ = [
    "PreparedArticle",
    "PreparedReport",
    "article_id",
    "content_hash",
    "meeting_id",
    "normalise_url",
    "prepare",
    "report_key",
    "source_name",
]


@dataclass(frozen=True, slots=True)
class PreparedReport:
    """One agreement report of an article, as stored: its item, key and what blocks it."""

    item: int  # position in the record's agreements
    key: str
    sort_date: str
    blocking_keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An extraction with the ids, references and keys its rows carry."""

    extraction: Extraction
    id: str
    content_hash: str
    source: str
    mention_entities: tuple[EntityRef | None, ...]  # one per mention, in order
    reports: tuple[PreparedReport, ...]
    meeting_ids: tuple[str, ...]  # one per meeting item, in order


def prepare(extraction: Extraction) -> PreparedArticle:
    article = extraction.article
    digest = content_hash(article)
    aid = article_id(article, digest)
    meetings = extraction.record.meetings
    return PreparedArticle(
        extraction=extraction,
        id=aid,
        content_hash=digest,
        source=source_name(article),
        mention_entities=tuple(mention_entity(m.kind, m.text, m.key) for m in extraction.mentions),
        reports=_reports(aid, extraction),
        meeting_ids=tuple(meeting_id(aid, item, extraction) for item in range(len(meetings))),
    )


def normalise_url(url: str) -> str:
    """The URL's identity: host without www, path without trailing slash, query kept."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def content_hash(article: Article) -> str:
    payload = "\x00".join((article.title or "", article.published or "", article.source_text))
    return hashlib.sha256(payload.encode()).hexdigest()


def article_id(article: Article, digest: str | None = None) -> str:
    """The stable public id: a hash of the URL when there is one, else of the content."""
    if article.url:
        return "art-" + hashlib.sha256(normalise_url(article.url).encode()).hexdigest()[:20]
    return "art-" + (digest or content_hash(article))[:20]


def source_name(article: Article) -> str:
    if article.url:
        host = urlsplit(article.url).netloc.lower().removeprefix("www.")
        if host:
            return host
    origin = re.sub(r":\d+$", "", article.origin or "")
    return PurePath(origin).name or "unknown"


def report_key(article: str, item: int, ext: Extraction) -> str:
    record = ext.record.agreements[item]
    digest = hashlib.sha1(
        f"{fold(record.name or '')}|{record.kind}|{record.evidence.start}".encode()
    ).hexdigest()[:10]
    return f"{article}:{digest}"


def meeting_id(article: str, item: int, ext: Extraction) -> str:
    record = ext.record.meetings[item]
    seed = f"{article}|{record.kind}|{record.evidence.start}|{item}"
    return "mtg-" + hashlib.sha1(seed.encode()).hexdigest()[:12]


def _reports(aid: str, ext: Extraction) -> tuple[PreparedReport, ...]:
    features_of = [
        report_features(record, key=report_key(aid, item, ext), article=aid, published=ext.article.published)
        for item, record in enumerate(ext.record.agreements)
    ]
    reports: list[PreparedReport] = []
    seen: set[str] = set()
    # One report per agreement per article, even where the extractor listed one twice.
    for item in collapse_duplicates(features_of):
        features = features_of[item]
        key = features.key
        while key in seen:  # two items alike in name, kind and sentence: keep both
            key += "+"
        seen.add(key)
        reports.append(
            PreparedReport(item, key, features.sort_date, tuple(dict.fromkeys(blocking_keys(features))))
        )
    return tuple(reports)

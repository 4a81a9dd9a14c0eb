"""Extractions of our own writing for the registry's tests: a factory and a generator.

``make_extraction`` builds one Extraction from plain values (the evidence sentence must
be part of the text). ``synthetic_corpus`` writes any number of short articles in the
style of the news, reporting a pool of invented agreements with Indonesian and English
name variants, people with short and full names, and meetings; it is deterministic for
a given seed, so that two runs (or two processes) see the same articles.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sepakat.models import (
    AgreementKind,
    AgreementRecord,
    AgreementStatus,
    Article,
    Evidence,
    Extraction,
    ExtractionRecord,
    MeetingKind,
    MeetingRecord,
    Mention,
    PersonRecord,
    Sentence,
)


@dataclass(frozen=True)
class Agr:
    """One agreement item of a record; ``evidence`` must be a sentence of the article."""

    evidence: str
    name: str | None = None
    kind: AgreementKind = "mou"
    status: AgreementStatus = "signed"
    date: str | None = None
    countries: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Meet:
    evidence: str
    kind: MeetingKind = "bilateral"
    date: str | None = None
    place: str | None = None
    countries: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Doc:
    id: str
    title: str
    published: str
    text: str
    url: str | None = None
    agreements: tuple[Agr, ...] = ()
    meetings: tuple[Meet, ...] = ()
    people: tuple[tuple[str, str | None, str | None], ...] = ()
    mentions: tuple[tuple[str, str, str | None], ...] = field(default=())  # (kind, text, key)


def _sentences(text: str) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(m.start(), m.end(), m.group())
        for m in re.finditer(r"[^.!?]+[.!?]?", text)
        if m.group().strip()
    )


def _evidence(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(sentence, start, start + len(sentence))


def make_extraction(doc: Doc, version: str = "test") -> Extraction:
    article = Article(
        id=doc.id,
        title=doc.title,
        published=doc.published,
        language="id",
        source_text=doc.text,
        text=doc.text,
        sentences=_sentences(doc.text),
        url=doc.url,
        origin=f"synthetic:{doc.id}",
    )
    agreements = tuple(
        AgreementRecord(
            name=a.name,
            kind=a.kind,
            status=a.status,
            date=a.date,
            countries=a.countries,
            parties=a.parties,
            sectors=a.sectors,
            evidence=_evidence(doc.text, a.evidence),
        )
        for a in doc.agreements
    )
    meetings = tuple(
        MeetingRecord(
            kind=m.kind,
            date=m.date,
            place=m.place,
            countries=m.countries,
            participants=m.participants,
            evidence=_evidence(doc.text, m.evidence),
        )
        for m in doc.meetings
    )
    people = tuple(PersonRecord(name, role, country) for name, role, country in doc.people)
    mentions = []
    for kind, surface, key in doc.mentions:
        start = doc.text.find(surface)
        if start >= 0:
            mentions.append(Mention(start, start + len(surface), kind, surface, key))
    record = ExtractionRecord(
        id=doc.id,
        title=doc.title,
        published=doc.published,
        language="id",
        agreements=agreements,
        meetings=meetings,
        people=people,
    )
    return Extraction(article=article, record=record, mentions=tuple(mentions), extractor_version=version)


# --- the generator ---------------------------------------------------------------------

PARTNERS = [
    ("RUS", "Rusia", "Russia"),
    ("JPN", "Jepang", "Japan"),
    ("KOR", "Korea Selatan", "South Korea"),
    ("AUS", "Australia", "Australia"),
    ("FRA", "Prancis", "France"),
    ("DEU", "Jerman", "Germany"),
    ("TUR", "Turki", "Turkey"),
    ("IND", "India", "India"),
    ("SGP", "Singapura", "Singapore"),
    ("BRA", "Brasil", "Brazil"),
    ("EGY", "Mesir", "Egypt"),
    ("VNM", "Vietnam", "Vietnam"),
]
TOPICS = [
    ("shipbuilding", "Shipbuilding", "galangan kapal"),
    ("research", "Scientific Research", "riset ilmiah"),
    ("education", "Vocational Education", "pendidikan vokasi"),
    ("health", "Health", "kesehatan"),
    ("energy", "Renewable Energy", "energi terbarukan"),
    ("agriculture", "Fisheries", "perikanan"),
    ("culture", "Tourism", "pariwisata"),
    ("defense", "Defense Industry", "industri pertahanan"),
    ("digital", "Digital Economy", "ekonomi digital"),
    ("mining", "Critical Minerals", "mineral kritis"),
]
PEOPLE = [
    ("Budi Santoso Wirawan", "Menteri Perindustrian"),
    ("Sri Lestari Handayani", "Menteri Luar Negeri"),
    ("Rahmat Hidayat Pratama", "Menteri Perdagangan"),
    ("Dewi Kartika Sari", "Duta Besar"),
    ("Andi Saputra Nugroho", "Wakil Menteri Pertahanan"),
    ("Yusuf Maulana Rasyid", "Menteri Investasi"),
]
STATUS_STEPS: list[tuple[AgreementStatus, str]] = [
    ("proposed", "mengusulkan"),
    ("negotiating", "membahas"),
    ("agreed", "menyepakati"),
    ("signed", "menandatangani"),
    ("implementing", "melaksanakan"),
]
MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def _agreement_pool() -> list[tuple[tuple[str, str, str], tuple[str, str, str]]]:
    return [(partner, topic) for topic in TOPICS for partner in PARTNERS]


def synthetic_doc(i: int, seed: int = 7) -> Doc:
    """Article number ``i`` of the synthetic corpus (the same for a given seed)."""
    rng = random.Random(seed * 1_000_003 + i)
    pool = _agreement_pool()
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    year = 2024 + (i // 336) % 3
    published = f"{year}-{month:02d}-{day:02d}T09:{i % 60:02d}:00"
    sentences: list[str] = [
        f"JAKARTA — Pemerintah Indonesia terus memperluas kerja sama internasional (no. {i})."
    ]
    agreements: list[Agr] = []
    chosen = rng.sample(range(len(pool)), k=rng.choice((0, 1, 1, 2)))
    for n, index in enumerate(sorted(chosen)):
        (code, id_name, _en_name), (sector, topic_en, topic_id) = pool[index]
        step = min(len(STATUS_STEPS) - 1, (i // 200 + index) % len(STATUS_STEPS))
        status, verb = STATUS_STEPS[step]
        if rng.random() < 0.5:
            name = f"MoU on Cooperation in the Field of {topic_en}"
        else:
            name = f"nota kesepahaman kerja sama {topic_id}"
        sentence = f"Indonesia dan {id_name} {verb} {name} pada {day} {MONTHS[month - 1]} {year} ({n})."
        sentences.append(sentence)
        agreements.append(
            Agr(
                evidence=sentence,
                name=name,
                kind="mou",
                status=status,
                date=f"{year}-{month:02d}-{day:02d}",
                countries=tuple(sorted(("IDN", code))),
                sectors=(sector,),
            )
        )
    people: list[tuple[str, str | None, str | None]] = []
    meetings: list[Meet] = []
    if rng.random() < 0.6:
        full, role = PEOPLE[rng.randrange(len(PEOPLE))]
        written = full if rng.random() < 0.5 else " ".join(full.split()[:2])
        sentences.append(f"{role} {written} menyampaikan hal itu di Jakarta.")
        people.append((written, role, "IDN"))
        if agreements and rng.random() < 0.5:
            code = (
                agreements[0].countries[-1]
                if agreements[0].countries[-1] != "IDN"
                else agreements[0].countries[0]
            )
            meeting = f"{written} bertemu mitranya dalam pertemuan bilateral di Jakarta ({i})."
            sentences.append(meeting)
            meetings.append(
                Meet(
                    meeting,
                    date=published[:10],
                    place="Jakarta",
                    countries=tuple(sorted(("IDN", code))),
                    participants=(written,),
                )
            )
    text = " ".join(sentences)
    return Doc(
        id=f"syn-{seed}-{i}",
        title=f"Kerja sama internasional nomor {i}",
        published=published,
        text=text,
        url=f"https://berita.example.id/{seed}/{i}",
        agreements=tuple(agreements),
        meetings=tuple(meetings),
        people=tuple(people),
        mentions=(("country", "Indonesia", "IDN"), ("organisation", "Pemerintah Indonesia", "pemerintah-ri")),
    )


def synthetic_corpus(n: int, seed: int = 7, order: Sequence[int] | None = None) -> Iterator[Extraction]:
    for i in order if order is not None else range(n):
        yield make_extraction(synthetic_doc(i, seed))

"""The API's bodies as pydantic models: what OpenAPI describes and what responses are checked
against. Each mirrors a record of the query layer (built from it with ``from_attributes``)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sepakat.models import AGREEMENT_STATUSES

Status = Literal["proposed", "negotiating", "agreed", "signed", "ratified", "implementing", "ended"]
assert len(Status.__args__) == len(AGREEMENT_STATUSES)  # type: ignore[attr-defined]


class Model(BaseModel):
    model_config = ConfigDict(from_attributes=True, extra="forbid")


class ErrorDetail(Model):
    status: int
    code: str
    message: str
    details: Any = None


class ErrorBody(Model):
    error: ErrorDetail


class Agreement(Model):
    id: str
    name: str | None
    kind: str
    status: str
    status_date: str | None
    first_date: str
    last_date: str
    countries: list[str]
    sectors: list[str]
    parties: list[str]
    report_count: int
    rejected: bool
    curated: list[str]


class AgreementPage(Model):
    items: list[Agreement]
    next_cursor: str | None = Field(description="Pass as `after` for the next page; null on the last.")


class TimelineEvent(Model):
    report_key: str
    date: str | None
    sort_date: str
    status: str
    name: str | None
    kind: str
    evidence: str
    evidence_start: int
    evidence_end: int
    extractor_version: str
    article_id: str
    article_title: str | None
    article_url: str | None
    published: str | None
    source: str | None


class Curation(Model):
    id: str
    created_at: str
    author: str
    reason: str
    action: str
    target_kind: str
    target_id: str
    field: str | None
    value: Any = None
    data: dict[str, Any]


class AgreementDetail(Model):
    agreement: Agreement
    events: list[TimelineEvent]
    extracted: dict[str, Any]
    curations: list[Curation]


class Person(Model):
    id: str
    name: str
    role: str | None
    country: str | None
    role_date: str | None
    reports: int


class PersonPage(Model):
    items: list[Person]
    next_cursor: str | None


class RoleReport(Model):
    role: str | None
    country: str | None
    reported: str | None
    name: str
    article_id: str


class PersonDetail(Model):
    person: Person
    roles: list[RoleReport]


class Meeting(Model):
    id: str
    kind: str
    date: str | None
    place: str | None
    countries: list[str]
    participants: list[str]
    evidence: str
    article_id: str


class MeetingPage(Model):
    items: list[Meeting]
    next_cursor: str | None


class Mark(Model):
    start: int
    end: int
    kind: str
    label: str
    target: str | None


class Report(Model):
    agreement_id: str | None
    status: str
    evidence: str
    evidence_start: int
    evidence_end: int


class Article(Model):
    id: str
    title: str | None
    url: str | None
    published: str | None
    language: str
    source: str | None
    text: str
    marks: list[Mark]
    reports: list[Report]
    extractor_version: str


class SearchHit(Model):
    kind: str
    article_id: str
    title: str | None
    published: str | None
    snippet: str
    agreement_id: str | None


class StatusCount(Model):
    status: str
    count: int


class PartnerCount(Model):
    partner: str
    count: int


class Dashboard(Model):
    today: str
    by_status: list[StatusCount]
    by_partner: list[PartnerCount]
    recent: list[Agreement]
    recent_days: int
    stalled: list[Agreement]
    stalled_months: int
    stalled_since: str


class Country(Model):
    code: str
    by_status: list[StatusCount]
    agreements: list[Agreement]
    stalled: list[Agreement]
    meetings: list[Meeting]
    people: list[Person]


class ChartCell(Model):
    partner: str
    status: str
    year: str
    count: int


class GraphNode(Model):
    id: str
    label: str
    kind: str
    weight: int


class GraphEdge(Model):
    source: str
    target: str
    kind: str
    weight: int


class Graph(Model):
    nodes: list[GraphNode]
    edges: list[GraphEdge]


# --- writes ------------------------------------------------------------------------------

Text = Field(default=None, max_length=200_000)


class ArticleIn(Model):
    title: str | None = Field(default=None, max_length=2000)
    text: str | None = Text
    html: str | None = Field(default=None, max_length=1_000_000)
    published: str | None = Field(default=None, max_length=100)
    url: str | None = Field(default=None, max_length=2000)
    language: str | None = Field(default=None, max_length=8)
    id: str | None = Field(default=None, max_length=300)


class IngestIn(Model):
    articles: list[ArticleIn] = Field(min_length=1, max_length=100)


class Refusal(Model):
    origin: str
    reason: str


class IngestOut(Model):
    articles_new: int
    articles_unchanged: int
    articles_updated: int
    refused: int
    agreements_new: int
    agreements_updated: int
    refusals: list[Refusal]


Reason = Field(default="", max_length=2000)


class SetIn(Model):
    kind: Literal["agreement", "meeting", "person"]
    id: str = Field(min_length=1, max_length=200)
    field: str = Field(min_length=1, max_length=40)
    value: str | list[str] | None = Field(description="Lists for countries, sectors, parties; null clears.")
    reason: str = Reason


class MergeIn(Model):
    survivor: str = Field(min_length=1, max_length=40)
    absorbed: str = Field(min_length=1, max_length=40)
    reason: str = Reason


class SplitIn(Model):
    agreement: str = Field(min_length=1, max_length=40)
    reports: list[str] = Field(min_length=1, max_length=1000)
    reason: str = Reason


class RejectIn(Model):
    agreement: str = Field(min_length=1, max_length=40)
    reason: str = Reason


class UndoIn(Model):
    curation: str = Field(min_length=1, max_length=40)
    reason: str = Reason


class WatchItem(Model):
    kind: Literal["partner", "sector", "agreement"]
    value: str = Field(min_length=1, max_length=200)


class WatchEntry(Model):
    kind: str
    value: str
    created_at: str


class Changes(Model):
    since: str | None = Field(description="The previous visit; null on the first.")
    items: list[Agreement]


class Token(Model):
    id: str
    user: str
    role: str
    created_at: str
    last_used_at: str | None
    revoked_at: str | None


class TokenIn(Model):
    user: str = Field(min_length=1, max_length=200)
    role: Literal["viewer", "editor", "admin"]


class NewToken(Model):
    token: Token
    secret: str = Field(description="Shown once: the registry keeps only its digest.")


class Me(Model):
    user: str | None
    role: str | None
    token_id: str | None
    read_needs_token: bool

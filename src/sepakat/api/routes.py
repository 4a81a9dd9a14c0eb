"""The REST API under ``/api``: each endpoint checks who may call it, calls the query layer
(or a store function for writes) once, and shapes the answer with ``schemas``.

Listings are keyset-paged: ``limit`` rows (at most the server's page cap) and a
``next_cursor`` to pass back as ``after``. Exports stream the whole filtered result.
"""

# ruff: noqa: PLR0917 - an endpoint takes one parameter per query filter, as FastAPI reads them

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response, StreamingResponse

from sepakat.api import schemas
from sepakat.api.auth import (
    Admin,
    Conn,
    Editor,
    Reader,
    Viewer,
    engine_of,
    feed_principal,
    settings_of,
    summaries_of,
)
from sepakat.api.errors import ApiError
from sepakat.api.feed import atom_feed
from sepakat.models import AGREEMENT_STATUSES, SECTORS, RawDocument
from sepakat.store import accounts, curation, overview, queries
from sepakat.store.export import export as export_agreements
from sepakat.store.export import export_table
from sepakat.store.search import search as search_registry

T = TypeVar("T")

router = APIRouter(
    prefix="/api",
    responses={
        400: {"model": schemas.ErrorBody},
        401: {"model": schemas.ErrorBody},
        403: {"model": schemas.ErrorBody},
        404: {"model": schemas.ErrorBody},
        422: {"model": schemas.ErrorBody},
        503: {"model": schemas.ErrorBody},
    },
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json", "xlsx": XLSX}
Sort = Literal["-last_date", "last_date", "-first_date", "first_date", "name", "-report_count"]
assert set(Sort.__args__) == set(queries.AGREEMENT_SORTS)  # type: ignore[attr-defined]
StatusQ = Annotated[Literal[AGREEMENT_STATUSES] | None, Query(description="Current stage.")]  # type: ignore[valid-type]
SectorQ = Annotated[Literal[SECTORS] | None, Query(description="Sector id.")]  # type: ignore[valid-type]
CountryQ = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,8}$", description="ISO alpha-3 or bloc code.")]
DateQ = Annotated[
    str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="2025, 2025-01, 2025-01-31.")
]
TextQ = Annotated[str | None, Query(max_length=200)]
LimitQ = Annotated[int, Query(ge=1, le=200, description="Rows per page.")]
AfterQ = Annotated[str | None, Query(max_length=400, description="`next_cursor` of the previous page.")]
IdPath = Annotated[str, Path(min_length=1, max_length=200)]
CodePath = Annotated[str, Path(pattern=r"^[A-Za-z]{2,8}$")]


def agreement_filter(
    country: str | None,
    status: str | None,
    sector: str | None,
    party: str | None,
    since: str | None,
    until: str | None,
    q: str | None,
) -> queries.AgreementFilter:
    return queries.AgreementFilter(
        country=country.upper() if country else None,
        status=status,
        sector=sector,
        party=party or None,
        since=since,
        until=until,
        text=q or None,
    )


def _agreements(rows: list[Any]) -> list[schemas.Agreement]:
    return [schemas.Agreement.model_validate(r) for r in rows]


def _cached(request: Request, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """A summary from the server's short-lived cache (see api.cache); keys name the summary."""
    return summaries_of(request).get(key, compute)


def _today(request: Request) -> date:
    fixed = settings_of(request).today
    return date.fromisoformat(fixed) if fixed else datetime.now(UTC).date()


@router.get("/agreements", summary="List agreements (filters, sort, cursor pages)")
def list_agreements(
    conn: Conn,
    _: Reader,
    country: CountryQ = None,
    status: StatusQ = None,
    sector: SectorQ = None,
    party: TextQ = None,
    since: DateQ = None,
    until: DateQ = None,
    q: TextQ = None,
    sort: Sort = "-last_date",
    limit: LimitQ = 50,
    after: AfterQ = None,
) -> schemas.AgreementPage:
    flt = agreement_filter(country, status, sector, party, since, until, q)
    page = queries.list_agreements(conn, flt, limit=limit, after=after, sort=sort)
    return schemas.AgreementPage(items=_agreements(page.rows), next_cursor=page.next_cursor)


@router.get("/agreements/{agreement_id}", summary="One agreement: timeline, evidence, curations")
def get_agreement(conn: Conn, _: Reader, agreement_id: IdPath) -> schemas.AgreementDetail:
    detail = queries.get_agreement(conn, agreement_id)
    if detail is None:
        raise ApiError(404, f"no agreement {agreement_id!r}")
    return schemas.AgreementDetail.model_validate(detail)


@router.get(
    "/export/{table}",
    summary="Download agreements, meetings or people (the whole filtered result)",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}, "application/json": {}, XLSX: {}}}},
)
def export(
    conn: Conn,
    _: Reader,
    table: Literal["agreements", "meetings", "people"],
    format: Literal["csv", "json", "xlsx"] = "csv",
    country: CountryQ = None,
    status: StatusQ = None,
    sector: SectorQ = None,
    party: TextQ = None,
    since: DateQ = None,
    until: DateQ = None,
    q: TextQ = None,
    name: TextQ = None,
    sort: Sort = "-last_date",
) -> Response:
    flt = agreement_filter(country, status, sector, party, since, until, q)
    return export_response(conn, table, format, flt, sort, name=name)


def export_response(
    conn: Any, table: str, fmt: str, flt: queries.AgreementFilter, sort: str, *, name: str | None = None
) -> Response:
    """Stream the whole filtered ``table`` in ``fmt`` (spooled to disk past 8 MB, so memory stays flat)."""
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 - the stream closes it
    if table == "agreements":
        export_agreements(conn, fmt, spool, flt, sort=sort)  # type: ignore[arg-type]
    elif table == "meetings":
        export_table(conn, table, fmt, spool, country=flt.country, since=flt.since, until=flt.until)  # type: ignore[arg-type]
    else:
        export_table(conn, table, fmt, spool, name=name, country=flt.country)  # type: ignore[arg-type]
    spool.seek(0)
    return StreamingResponse(
        _chunks(spool),
        media_type=MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="sepakat-{table}.{fmt}"'},
    )


def _chunks(spool: Any) -> Iterator[bytes]:
    try:
        while chunk := spool.read(64 * 1024):
            yield chunk
    finally:
        spool.close()


@router.get("/countries/{code}", summary="A partner: its agreements by stage, stalled ones, meetings, people")
def get_country(request: Request, conn: Conn, _: Reader, code: CodePath) -> schemas.Country:
    code = code.upper()
    flt = queries.AgreementFilter(country=code)
    rows = queries.list_agreements(conn, flt, limit=200).rows
    return schemas.Country(
        code=code,
        by_status=[
            schemas.StatusCount(status=s, count=n)
            for s, n in _cached(
                request, ("by_status", code), lambda: overview.counts_by_status(conn, code)
            ).items()
        ],
        agreements=_agreements(rows),
        stalled=_agreements(
            _cached(request, ("stalled", code), lambda: overview.stalled(conn, _today(request), country=code))
        ),
        meetings=[
            schemas.Meeting.model_validate(m)
            for m in queries.list_meetings(conn, country=code, limit=50).rows
        ],
        people=[
            schemas.Person.model_validate(p) for p in queries.list_people(conn, country=code, limit=50).rows
        ],
    )


@router.get(
    "/countries/{code}/brief",
    summary="The partner brief (Markdown, HTML or PDF)",
    response_class=Response,
    responses={200: {"content": {"text/markdown": {}, "text/html": {}, "application/pdf": {}}}},
)
def get_brief(
    request: Request,
    conn: Conn,
    _: Reader,
    code: CodePath,
    format: Literal["md", "html", "pdf"] = "html",
    since: DateQ = None,
    lang: Literal["id", "en"] = "en",
) -> Response:
    from sepakat.brief import build_brief, render

    brief = build_brief(conn, code.upper(), today=_today(request), since=since)
    body, media = render(brief, format, lang=lang)
    disposition = "inline" if format == "html" else f'attachment; filename="brief-{code.upper()}.{format}"'
    return Response(body, media_type=media, headers={"Content-Disposition": disposition})


@router.get("/people", summary="People, with their latest reported office")
def list_people(
    conn: Conn,
    _: Reader,
    name: TextQ = None,
    country: CountryQ = None,
    limit: LimitQ = 50,
    after: AfterQ = None,
) -> schemas.PersonPage:
    page = queries.list_people(conn, name=name, country=country, limit=limit, after=after)
    return schemas.PersonPage(
        items=[schemas.Person.model_validate(p) for p in page.rows], next_cursor=page.next_cursor
    )


@router.get("/people/{person_id}", summary="One person and every office reported for them")
def get_person(conn: Conn, _: Reader, person_id: IdPath) -> schemas.PersonDetail:
    person = queries.get_person(conn, person_id)
    if person is None:
        raise ApiError(404, f"no person {person_id!r}")
    roles = queries.person_roles_over_time(conn, person_id)
    return schemas.PersonDetail(
        person=schemas.Person.model_validate(person),
        roles=[schemas.RoleReport.model_validate(r) for r in roles],
    )


@router.get("/meetings", summary="Meetings, visits and calls, latest first")
def list_meetings(
    conn: Conn,
    _: Reader,
    country: CountryQ = None,
    since: DateQ = None,
    until: DateQ = None,
    limit: LimitQ = 50,
    after: AfterQ = None,
) -> schemas.MeetingPage:
    page = queries.list_meetings(conn, country=country, since=since, until=until, limit=limit, after=after)
    items = [schemas.Meeting.model_validate(m) for m in page.rows]
    return schemas.MeetingPage(items=items, next_cursor=page.next_cursor)


@router.get("/meetings/{meeting_id}", summary="One meeting")
def get_meeting(conn: Conn, _: Reader, meeting_id: IdPath) -> schemas.Meeting:
    meeting = queries.get_meeting(conn, meeting_id)
    if meeting is None:
        raise ApiError(404, f"no meeting {meeting_id!r}")
    return schemas.Meeting.model_validate(meeting)


@router.get("/articles/{article_id}", summary="One article as given, with its extractions and their offsets")
def get_article(conn: Conn, _: Reader, article_id: IdPath) -> schemas.Article:
    article = queries.get_article(conn, article_id)
    if article is None:
        raise ApiError(404, f"no article {article_id!r}")
    values = asdict(article)
    values["reports"] = [
        {"agreement_id": a, "status": s, "evidence": e, "evidence_start": b, "evidence_end": n}
        for a, s, e, b, n in article.reports
    ]
    return schemas.Article.model_validate(values)


@router.get("/search", summary="Full text over articles and evidence sentences")
def search(
    conn: Conn,
    _: Reader,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> list[schemas.SearchHit]:
    return [schemas.SearchHit.model_validate(h) for h in search_registry(conn, q, limit=limit)]


@router.get("/dashboard", summary="Agreements by stage and partner, recent activity, stalled ones")
def dashboard(
    request: Request,
    conn: Conn,
    _: Reader,
    days: Annotated[int, Query(ge=1, le=366)] = 30,
    months: Annotated[int, Query(ge=1, le=120)] = 6,
) -> schemas.Dashboard:
    board = _cached(
        request,
        ("dashboard", days, months),
        lambda: overview.dashboard(conn, _today(request), recent_days=days, stalled_months=months),
    )
    return schemas.Dashboard(
        today=board.today,
        by_status=[schemas.StatusCount(status=s, count=n) for s, n in board.by_status.items()],
        by_partner=[schemas.PartnerCount(partner=p, count=n) for p, n in board.by_partner],
        recent=_agreements(board.recent),
        recent_days=board.recent_days,
        stalled=_agreements(board.stalled),
        stalled_months=board.stalled_months,
        stalled_since=board.stalled_since,
    )


@router.get("/chart", summary="Agreements by partner, stage and year")
def chart(
    request: Request,
    conn: Conn,
    _: Reader,
    partners: Annotated[int, Query(ge=1, le=40)] = 12,
    country: CountryQ = None,
) -> list[schemas.ChartCell]:
    return [
        schemas.ChartCell.model_validate(c)
        for c in _cached(
            request,
            ("chart", partners, country),
            lambda: overview.agreement_chart(conn, partners=partners, country=country),
        )
    ]


@router.get("/graph", summary="Parties and the people who signed or met")
def graph(
    request: Request,
    conn: Conn,
    _: Reader,
    country: CountryQ = None,
    nodes: Annotated[int, Query(ge=2, le=150)] = 40,
) -> schemas.Graph:
    graph = _cached(
        request,
        ("graph", country, nodes),
        lambda: overview.party_graph(conn, country=country, max_nodes=nodes),
    )
    return schemas.Graph.model_validate(graph)


@router.get("/curations", summary="Every curation of one target, oldest first")
def curations(
    conn: Conn,
    _: Reader,
    kind: Literal["agreement", "meeting", "person", "curation"],
    id: Annotated[str, Query(min_length=1, max_length=200)],
) -> list[schemas.Curation]:
    return [schemas.Curation.model_validate(c) for c in curation.history(conn, kind, id)]


# --- writes --------------------------------------------------------------------------------


@router.post(
    "/articles", summary="Ingest articles (extracted and stored; the same article again changes nothing)"
)
def ingest_articles(request: Request, who: Editor, body: schemas.IngestIn) -> schemas.IngestOut:
    from sepakat.pipeline import extract_stream
    from sepakat.store.ingest import ingest

    for i, a in enumerate(body.articles):
        if not (a.text or a.html) or (a.text and a.html):
            raise ApiError(422, f"article {i}: give exactly one of text and html")
    documents = [
        RawDocument(
            origin=f"api:{who.user}:{i}",
            id=a.id,
            title=a.title,
            published=a.published,
            text=a.text,
            html=a.html,
            url=a.url,
            language=a.language,
        )
        for i, a in enumerate(body.articles)
    ]
    summary = ingest(engine_of(request), extract_stream(documents, workers=1))
    summaries_of(request).clear()
    values = asdict(summary)
    return schemas.IngestOut.model_validate(values)


def _curation(c: Any, request: Request) -> schemas.Curation:
    summaries_of(request).clear()  # what the dashboard counts may have changed
    return schemas.Curation.model_validate(c)


@router.post("/curations/set", summary="Correct one field of an agreement, meeting or person")
def curate_set(request: Request, who: Editor, body: schemas.SetIn) -> schemas.Curation:
    raw = body.value
    text = ",".join(raw) if isinstance(raw, list) else (raw or "")
    value = curation.parse_value(body.kind, body.field, text)
    return _curation(
        curation.set_field(
            engine_of(request), body.kind, body.id, body.field, value, author=who.user, reason=body.reason
        ),
        request,
    )


@router.post("/curations/merge", summary="Make two agreements one")
def curate_merge(request: Request, who: Editor, body: schemas.MergeIn) -> schemas.Curation:
    return _curation(
        curation.merge(engine_of(request), body.survivor, body.absorbed, author=who.user, reason=body.reason),
        request,
    )


@router.post("/curations/split", summary="Move some reports of an agreement into a new one")
def curate_split(request: Request, who: Editor, body: schemas.SplitIn) -> schemas.Curation:
    return _curation(
        curation.split(engine_of(request), body.agreement, body.reports, author=who.user, reason=body.reason),
        request,
    )


@router.post("/curations/reject", summary="Mark an agreement as false")
def curate_reject(request: Request, who: Editor, body: schemas.RejectIn) -> schemas.Curation:
    return _curation(
        curation.reject(engine_of(request), body.agreement, author=who.user, reason=body.reason),
        request,
    )


@router.post("/curations/undo", summary="Cancel a curation")
def curate_undo(request: Request, who: Editor, body: schemas.UndoIn) -> schemas.Curation:
    return _curation(
        curation.undo(engine_of(request), body.curation, author=who.user, reason=body.reason),
        request,
    )


# --- one's own: watchlist, changes, tokens ---------------------------------------------------


@router.get("/me", summary="Who the token belongs to")
def me(request: Request, who: Reader) -> schemas.Me:
    return schemas.Me(
        user=who.user if who else None,
        role=who.role if who else None,
        token_id=who.token_id if who else None,
        read_needs_token=settings_of(request).read_needs_token,
    )


@router.get("/watchlist", summary="What you follow")
def get_watchlist(conn: Conn, who: Viewer) -> list[schemas.WatchEntry]:
    return [schemas.WatchEntry.model_validate(i) for i in accounts.watchlist(conn, who.user_pk)]


@router.post("/watchlist", summary="Follow a partner, sector or agreement")
def add_watch(request: Request, who: Viewer, body: schemas.WatchItem) -> schemas.WatchEntry:
    return schemas.WatchEntry.model_validate(
        accounts.add_watch(engine_of(request), who.user_pk, body.kind, body.value)
    )


@router.delete("/watchlist/{kind}/{value}", summary="Stop following something")
def remove_watch(
    request: Request, who: Viewer, kind: Literal["partner", "sector", "agreement"], value: IdPath
) -> list[schemas.WatchEntry]:
    if not accounts.remove_watch(engine_of(request), who.user_pk, kind, value):
        raise ApiError(404, f"you do not follow {kind} {value!r}")
    with engine_of(request).connect() as conn:
        return [schemas.WatchEntry.model_validate(i) for i in accounts.watchlist(conn, who.user_pk)]


@router.get("/watchlist/changes", summary="What you follow that changed since your last visit")
def changes(request: Request, conn: Conn, who: Viewer) -> schemas.Changes:
    since = accounts.visit(engine_of(request), who.user_pk, "changes")
    rows = overview.changed_since(conn, since, accounts.watch_of(conn, who.user_pk))
    return schemas.Changes(since=since, items=_agreements(rows))


@router.get(
    "/watchlist/feed.atom",
    summary="Atom feed of what you follow (token in the header or ?token=)",
    response_class=Response,
    responses={200: {"content": {"application/atom+xml": {}}}},
)
def feed(
    request: Request, conn: Conn, token: Annotated[str | None, Query(max_length=200)] = None
) -> Response:
    from sepakat.api.auth import check_role

    who = check_role(feed_principal(request), "viewer")
    rows = overview.changed_since(conn, None, accounts.watch_of(conn, who.user_pk), limit=100)
    base = str(request.base_url).rstrip("/")
    return Response(atom_feed(rows, base, f"sepakat: {who.user}"), media_type="application/atom+xml")


@router.get("/tokens", summary="Your tokens (never their secrets)")
def list_tokens(conn: Conn, who: Viewer) -> list[schemas.Token]:
    return [schemas.Token.model_validate(t) for t in accounts.list_tokens(conn, who.user)]


@router.post("/tokens", summary="Make a token for a user (admin); the secret is shown once")
def create_token(request: Request, _: Admin, body: schemas.TokenIn) -> schemas.NewToken:
    info, secret = accounts.create_token(engine_of(request), body.user, body.role)
    return schemas.NewToken(token=schemas.Token.model_validate(info), secret=secret)


@router.delete("/tokens/{token_id}", summary="Revoke a token (yours; anyone's for an admin)")
def revoke_token(request: Request, who: Viewer, token_id: IdPath) -> schemas.Token:
    owner = None if who.role == "admin" else who.user
    try:
        info = accounts.revoke_token(engine_of(request), token_id, owner=owner)
    except Exception as exc:
        raise ApiError(404, f"no token {token_id!r} of yours") from exc
    return schemas.Token.model_validate(info)

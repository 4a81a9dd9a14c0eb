"""The web pages: server-rendered Jinja2 over the same query layer as the API.

Every page is a GET whose whole state is in its URL (filters, sort, page, highlighted
sentence), so any view can be shared by copying the address. Forms that change
something are POSTs carrying a CSRF token, answered with a redirect (so reloading does
not repeat them). Templates autoescape everything; charts are SVG drawn in ``charts``.
"""

# ruff: noqa: PLR0917 - a page takes one parameter per filter of its URL, as FastAPI reads them

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from sepakat.api.auth import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    SESSION_DAYS,
    Conn,
    check_csrf,
    check_role,
    csrf_token,
    engine_of,
    make_session,
    new_csrf_nonce,
    page_principal,
    settings_of,
    summaries_of,
)
from sepakat.api.errors import ApiError
from sepakat.models import AGREEMENT_STATUSES, SECTORS
from sepakat.store import accounts, curation, overview, queries
from sepakat.store.accounts import Principal
from sepakat.store.curation_log import in_force
from sepakat.store.search import search as search_registry
from sepakat.web import charts
from sepakat.web.i18n import DEFAULT_LANGUAGE, LANGUAGES, country_name, translate

LANG_COOKIE = "sepakat_lang"
PAGE_SIZE = 50
CURATABLE = ("status", "status_date", "name", "kind", "countries", "sectors", "parties")

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
# Every template escapes every value ("*.html.j2" is not an extension Jinja autoescapes by default).
templates.env.autoescape = True
router = APIRouter(include_in_schema=False)


def language(request: Request) -> str:
    lang = request.cookies.get(LANG_COOKIE, "")
    if lang in LANGUAGES:
        return lang
    accept = request.headers.get("accept-language", "").lower()
    return "id" if accept.startswith("id") else DEFAULT_LANGUAGE


def page_reader(request: Request) -> Principal | None:
    """The signed-in user, if any; with reading behind tokens, nobody else gets in (401)."""
    principal = page_principal(request)
    if principal is None and settings_of(request).read_needs_token:
        raise ApiError(401, translate(language(request), "login.help"))
    return principal


def page_role(role: str) -> Callable[[Request], Principal]:
    def dependency(request: Request) -> Principal:
        return check_role(page_principal(request), role)

    return dependency


Reader = Annotated[Principal | None, Depends(page_reader)]
Viewer = Annotated[Principal, Depends(page_role("viewer"))]
Editor = Annotated[Principal, Depends(page_role("editor"))]


def _query_string(request: Request, **changes: Any) -> str:
    """This page's query with ``changes`` applied (None removes a key): links that keep the filters."""
    params = {k: v for k, v in request.query_params.items() if v != ""}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return urlencode(params)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page with what every template needs: words, user, CSRF token, links that keep the filters."""
    lang = language(request)
    nonce = request.cookies.get(CSRF_COOKIE) or new_csrf_nonce()
    settings = settings_of(request)
    user = context.pop("user", None)
    if user is None and "user" not in context:
        try:
            user = page_principal(request)
        except Exception:  # an error page must render even when the registry cannot be read
            user = None

    def t(key: str, **values: object) -> str:
        return translate(lang, key, **values)

    response = templates.TemplateResponse(
        request,
        template,
        {
            "t": t,
            "lang": lang,
            "languages": LANGUAGES,
            "user": user,
            "csrf": csrf_token(settings, nonce),
            "statuses": AGREEMENT_STATUSES,
            "sectors": SECTORS,
            "country_name": lambda code: country_name(code, lang),
            "qs": lambda **changes: _query_string(request, **changes),
            "path": request.url.path,
            "full_path": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
            **context,
        },
        status_code=status,
    )
    response.headers["Vary"] = "Cookie, Accept-Language"
    if CSRF_COOKIE not in request.cookies:
        response.set_cookie(
            CSRF_COOKIE, nonce, httponly=True, samesite="strict", secure=settings.secure_cookies
        )
    return response


def render_error(request: Request, status: int, code: str, message: str) -> Response:
    """The error page: the same status, code and message as the JSON shape, in HTML."""
    return render(
        request, "error.html.j2", status=status, status_code=status, code=code, message=message, user=None
    )


def _today(request: Request) -> date:
    fixed = settings_of(request).today
    return date.fromisoformat(fixed) if fixed else datetime.now(UTC).date()


def _local(next_url: str | None) -> str:
    """Only a path on this site may follow a form (no open redirect)."""
    if not next_url or not next_url.startswith("/") or next_url.startswith("//") or "\\" in next_url:
        return "/"
    return next_url


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# --- reading -------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def dashboard_page(request: Request, conn: Conn, user: Reader) -> HTMLResponse:
    board = summaries_of(request).get(("dashboard", 30, 6), lambda: overview.dashboard(conn, _today(request)))
    lang = language(request)
    stage_bars = charts.bars(
        [(translate(lang, f"status.{s}"), n, f"/agreements?status={s}") for s, n in board.by_status.items()],
        translate(lang, "dash.by_stage"),
    )
    partner_bars = charts.bars(
        [(country_name(p, lang), n, f"/countries/{p}") for p, n in board.by_partner],
        translate(lang, "dash.by_partner"),
    )
    return render(
        request, "dashboard.html.j2", user=user, board=board, stage_bars=stage_bars, partner_bars=partner_bars
    )


def _filter_from(
    country: str | None,
    status: str | None,
    sector: str | None,
    party: str | None,
    since: str | None,
    until: str | None,
    q: str | None,
) -> queries.AgreementFilter:
    return queries.AgreementFilter(
        country=(country or "").strip().upper() or None,
        status=status or None,
        sector=sector or None,
        party=(party or "").strip() or None,
        since=(since or "").strip() or None,
        until=(until or "").strip() or None,
        text=(q or "").strip() or None,
    )


Text = Annotated[str | None, Query(max_length=200)]


@router.get("/agreements", response_class=HTMLResponse)
def agreements_page(
    request: Request,
    conn: Conn,
    user: Reader,
    country: Text = None,
    status: Text = None,
    sector: Text = None,
    party: Text = None,
    since: Text = None,
    until: Text = None,
    q: Text = None,
    sort: Text = None,
    after: Annotated[str | None, Query(max_length=400)] = None,
) -> HTMLResponse:
    flt = _filter_from(country, status, sector, party, since, until, q)
    order = sort or "-last_date"
    page = queries.list_agreements(conn, flt, limit=PAGE_SIZE, after=after, sort=order)
    download = _query_string(request, after=None)
    template = "_agreement_rows.html.j2" if request.headers.get("hx-request") else "agreements.html.j2"
    return render(
        request,
        template,
        user=user,
        page=page,
        flt=flt,
        sort=order,
        sorts=queries.AGREEMENT_SORTS,
        download=download,
    )


@router.get("/agreements/{agreement_id}", response_class=HTMLResponse)
def agreement_page(request: Request, conn: Conn, user: Reader, agreement_id: str) -> HTMLResponse:
    detail = queries.get_agreement(conn, agreement_id)
    if detail is None:
        raise ApiError(404, f"no agreement {agreement_id!r}")
    lang = language(request)
    chart = charts.timeline(detail.events, translate(lang, "agr.timeline"))
    active = {c.id for c in in_force(conn, detail.curations)}
    return render(
        request,
        "agreement.html.j2",
        user=user,
        d=detail,
        a=detail.agreement,
        chart=chart,
        fields=CURATABLE,
        in_force=active,
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request,
    conn: Conn,
    user: Reader,
    article_id: str,
    hl: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$")] = None,
) -> HTMLResponse:
    article = queries.get_article(conn, article_id)
    if article is None:
        raise ApiError(404, f"no article {article_id!r}")
    highlight = tuple(int(x) for x in hl.split("-")) if hl else None
    return render(
        request,
        "article.html.j2",
        user=user,
        art=article,
        segments=segments(article.text, article.marks, highlight),
        highlight=highlight,
    )


def segments(
    text: str, marks: list[queries.Mark], highlight: tuple[int, ...] | None
) -> list[tuple[str, list[queries.Mark], bool, str | None]]:
    """The text cut at every mark's edge: (piece, marks covering it, highlighted?, anchor id)."""
    cuts = {0, len(text)}
    for m in marks:
        cuts.update((m.start, m.end))
    if highlight and len(highlight) == 2:
        cuts.update(h for h in highlight if 0 <= h <= len(text))
    ordered = sorted(cuts)
    pieces = []
    anchors = {(m.start): f"s-{m.start}-{m.end}" for m in marks if m.kind in ("evidence", "meeting")}
    for start, end in pairwise(ordered):
        covering = [m for m in marks if m.start <= start and end <= m.end]
        lit = bool(highlight) and highlight[0] <= start and end <= highlight[1]  # type: ignore[index]
        pieces.append((text[start:end], covering, lit, anchors.pop(start, None)))
    return pieces


@router.get("/countries/{code}", response_class=HTMLResponse)
def country_page(request: Request, conn: Conn, user: Reader, code: str) -> HTMLResponse:
    code = code.upper()[:8]
    lang = language(request)
    by_status = summaries_of(request).get(("by_status", code), lambda: overview.counts_by_status(conn, code))
    rows = queries.list_agreements(conn, queries.AgreementFilter(country=code), limit=200).rows
    if not rows and not overview.known_partners(conn, [code]):
        raise ApiError(404, f"no agreement or meeting with {code!r}")
    stage_bars = charts.bars(
        [
            (translate(lang, f"status.{s}"), n, f"/agreements?country={code}&status={s}")
            for s, n in by_status.items()
        ],
        translate(lang, "dash.by_stage"),
    )
    return render(
        request,
        "country.html.j2",
        user=user,
        code=code,
        rows=rows,
        stage_bars=stage_bars,
        stalled=summaries_of(request).get(
            ("stalled", code), lambda: overview.stalled(conn, _today(request), country=code)
        ),
        meetings=queries.list_meetings(conn, country=code, limit=30).rows,
        people=queries.list_people(conn, country=code, limit=50).rows,
    )


@router.get("/people", response_class=HTMLResponse)
def people_page(
    request: Request,
    conn: Conn,
    user: Reader,
    name: Text = None,
    country: Text = None,
    after: Annotated[str | None, Query(max_length=400)] = None,
) -> HTMLResponse:
    page = queries.list_people(conn, name=name or None, country=country or None, limit=PAGE_SIZE, after=after)
    return render(request, "people.html.j2", user=user, page=page, name=name or "", country=country or "")


@router.get("/people/{person_id}", response_class=HTMLResponse)
def person_page(request: Request, conn: Conn, user: Reader, person_id: str) -> HTMLResponse:
    person = queries.get_person(conn, person_id)
    if person is None:
        raise ApiError(404, f"no person {person_id!r}")
    roles = queries.person_roles_over_time(conn, person_id)
    return render(
        request,
        "person.html.j2",
        user=user,
        person=person,
        roles=roles,
        history=curation.history(conn, "person", person_id),
    )


@router.get("/meetings", response_class=HTMLResponse)
def meetings_page(
    request: Request,
    conn: Conn,
    user: Reader,
    country: Text = None,
    since: Text = None,
    until: Text = None,
    after: Annotated[str | None, Query(max_length=400)] = None,
) -> HTMLResponse:
    page = queries.list_meetings(
        conn, country=country or None, since=since or None, until=until or None, limit=PAGE_SIZE, after=after
    )
    return render(
        request,
        "meetings.html.j2",
        user=user,
        page=page,
        country=country or "",
        since=since or "",
        until=until or "",
        today=_today(request).isoformat(),
    )


@router.get("/chart", response_class=HTMLResponse)
def chart_page(request: Request, conn: Conn, user: Reader, country: Text = None) -> HTMLResponse:
    cells = summaries_of(request).get(
        ("chart", 12, country or None), lambda: overview.agreement_chart(conn, country=country or None)
    )
    lang = language(request)
    small = [
        (p, country_name(p, lang), svg)
        for p, svg in charts.partner_years(cells, translate(lang, "chart.title"))
    ]
    return render(request, "chart.html.j2", user=user, cells=cells, small=small, colours=charts.STAGE_COLOURS)


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request, conn: Conn, user: Reader, country: Text = None) -> HTMLResponse:
    code = (country or "").upper() or None
    graph = summaries_of(request).get(("graph", code, 40), lambda: overview.party_graph(conn, country=code))
    svg = charts.network(graph, translate(language(request), "graph.title"))
    labels = {n.id: n.label for n in graph.nodes}
    return render(
        request, "graph.html.j2", user=user, graph=graph, svg=svg, labels=labels, country=country or ""
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, conn: Conn, user: Reader, q: Text = None) -> HTMLResponse:
    hits = search_registry(conn, q, limit=50) if q else []
    return render(request, "search.html.j2", user=user, q=q or "", hits=hits)


@router.get("/download/{table}.{fmt}")
def download(
    request: Request,
    conn: Conn,
    user: Reader,
    table: str,
    fmt: str,
    country: Text = None,
    status: Text = None,
    sector: Text = None,
    party: Text = None,
    since: Text = None,
    until: Text = None,
    q: Text = None,
    sort: Text = None,
    name: Text = None,
) -> Response:
    """Exactly what the listing with the same query shows, every page of it."""
    from sepakat.api.routes import export_response

    if table not in ("agreements", "meetings", "people") or fmt not in ("csv", "xlsx", "json"):
        raise ApiError(404, f"no download {table}.{fmt}")
    flt = _filter_from(country, status, sector, party, since, until, q)
    return export_response(conn, table, fmt, flt, sort or "-last_date", name=name or None)


# --- one's own -------------------------------------------------------------------------------


@router.get("/watchlist", response_class=HTMLResponse)
def watchlist_page(request: Request, conn: Conn, user: Viewer) -> HTMLResponse:
    items = accounts.watchlist(conn, user.user_pk)
    feed = f"{str(request.base_url).rstrip('/')}/api/watchlist/feed.atom?token=..."
    return render(request, "watchlist.html.j2", user=user, items=items, feed=feed, kinds=accounts.WATCH_KINDS)


@router.get("/changes", response_class=HTMLResponse)
def changes_page(request: Request, conn: Conn, user: Viewer) -> HTMLResponse:
    since = accounts.visit(engine_of(request), user.user_pk, "changes")
    watch = accounts.watch_of(conn, user.user_pk)
    rows = overview.changed_since(conn, since, watch)
    return render(request, "changes.html.j2", user=user, since=since, rows=rows, watch=watch)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: Text = None) -> HTMLResponse:
    return render(request, "login.html.j2", next=_local(next), wrong=False)


def _csrf(request: Request, submitted: str) -> None:
    check_csrf(settings_of(request), request.cookies.get(CSRF_COOKIE), submitted)


Field = Annotated[str, Form(max_length=2000)]


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, token: Field, csrf: Field, next: Field = "/") -> Response:
    _csrf(request, csrf)
    with engine_of(request).connect() as conn:
        principal = accounts.authenticate(conn, token.strip())
    if principal is None:
        return render(request, "login.html.j2", status=401, next=_local(next), wrong=True)
    accounts.touch_token(engine_of(request), principal.token_id)
    response = _redirect(_local(next))
    response.set_cookie(
        SESSION_COOKIE,
        make_session(settings_of(request), principal.token_id),
        max_age=SESSION_DAYS * 86400,
        httponly=True,
        samesite="lax",
        secure=settings_of(request).secure_cookies,
    )
    return response


@router.post("/logout")
def logout(request: Request, csrf: Field) -> Response:
    _csrf(request, csrf)
    response = _redirect("/")
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/lang/{code}")
def switch_language(request: Request, code: str, next: Text = None) -> Response:
    """Set the interface language (a preference, kept in a cookie) and go back."""
    if code not in LANGUAGES:
        raise ApiError(404, f"no language {code!r}: one of {', '.join(LANGUAGES)}")
    response = _redirect(_local(next))
    response.set_cookie(
        LANG_COOKIE, code, max_age=365 * 86400, samesite="lax", secure=settings_of(request).secure_cookies
    )
    return response


@router.post("/watchlist")
def watch(
    request: Request, user: Viewer, kind: Field, value: Field, csrf: Field, next: Field = "/watchlist"
) -> Response:
    _csrf(request, csrf)
    accounts.add_watch(engine_of(request), user.user_pk, kind, value)
    return _redirect(_local(next))


@router.post("/watchlist/remove")
def unwatch(request: Request, user: Viewer, kind: Field, value: Field, csrf: Field) -> Response:
    _csrf(request, csrf)
    accounts.remove_watch(engine_of(request), user.user_pk, kind, value)
    return _redirect("/watchlist")


# --- curation in place -------------------------------------------------------------------------


@router.post("/agreements/{agreement_id}/correct")
def correct(
    request: Request,
    user: Editor,
    agreement_id: str,
    field: Field,
    value: Annotated[str, Form(max_length=2000)] = "",
    reason: Field = "",
    csrf: Field = "",
) -> Response:
    _csrf(request, csrf)
    parsed = curation.parse_value("agreement", field, value)
    curation.set_field(
        engine_of(request), "agreement", agreement_id, field, parsed, author=user.user, reason=reason
    )
    summaries_of(request).clear()
    return _redirect(f"/agreements/{agreement_id}#history")


@router.post("/agreements/{agreement_id}/reject")
def reject(
    request: Request, user: Editor, agreement_id: str, reason: Field = "", csrf: Field = ""
) -> Response:
    _csrf(request, csrf)
    curation.reject(engine_of(request), agreement_id, author=user.user, reason=reason)
    summaries_of(request).clear()
    return _redirect(f"/agreements/{agreement_id}#history")


@router.post("/curations/{curation_id}/undo")
def undo(
    request: Request, user: Editor, curation_id: str, csrf: Field, next: Field = "/", reason: Field = ""
) -> Response:
    _csrf(request, csrf)
    curation.undo(engine_of(request), curation_id, author=user.user, reason=reason)
    summaries_of(request).clear()
    return _redirect(_local(next))

"""Every API endpoint x anonymous/viewer/editor/admin -> 200, 401 or 403, with reading open and closed.

Each endpoint names the least role it needs ("read" is open unless the server closes
reading, then it needs a viewer token). Writes get a setup step before every call, so
that each allowed call has something valid to act on (a split to merge, a curation to
undo, a watch to remove) and answers 200. A last test checks that the table covers
every route the app has, so a new endpoint cannot skip the matrix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.routing import APIRoute

from sepakat.api.routes import router as api_router
from sepakat.store import accounts, curation, queries
from web_support import ROLES, Site, client, first_agreement, site_fixture

site = pytest.fixture(scope="module")(site_fixture)
ANONYMOUS = None
RANK = {"read": 0, "viewer": 1, "editor": 2, "admin": 3}


@dataclass
class Ids:
    agreement: str  # the energy agreement (two reports)
    report: str  # its second report
    person: str
    meeting: str
    article: str
    rejectable: str  # the agricultural MoU, rejected again and again (each time a new curation)


@dataclass
class Endpoint:
    method: str
    route: str  # the route's path template, to check coverage
    needs: str  # read, viewer, editor or admin
    path: Callable[[Ids, Site, str | None], str]
    body: Callable[[Ids, Site, str | None], Any] | None = None
    setup: Callable[[Ids, Site, str | None], None] | None = field(default=None)


def _ids(site: Site) -> Ids:
    agreement = first_agreement(site, "energi")
    with site.engine.connect() as c:
        detail = queries.get_agreement(c, agreement)
        assert detail is not None
        person = queries.list_people(c).rows[0].id
        meeting = queries.list_meetings(c).rows[0].id
    return Ids(
        agreement, detail.events[1].report_key, person, meeting, detail.events[0].article_id,
        first_agreement(site, "agricultural"),
    )  # fmt: skip


def _principal(site: Site, role: str | None) -> accounts.Principal | None:
    if role is None:
        return None
    with site.engine.connect() as c:
        return accounts.authenticate(c, site.tokens[role])


def _split_first(ids: Ids, site: Site, _role: str | None) -> None:
    """Give merge something to merge: the energy agreement's second report split off."""
    with site.engine.connect() as c:
        detail = queries.get_agreement(c, ids.agreement)
    if detail is not None and len(detail.events) == 2:
        curation.split(site.engine, ids.agreement, [ids.report], author="setup")


def _merge_first(ids: Ids, site: Site, _role: str | None) -> None:
    """Give split something to split: the energy agreement whole again."""
    with site.engine.connect() as c:
        detail = queries.get_agreement(c, ids.agreement)
        others = queries.list_agreements(c, queries.AgreementFilter(text="energi")).rows
    if detail is not None and len(detail.events) == 1:
        other = next(a.id for a in others if a.id != ids.agreement)
        curation.merge(site.engine, ids.agreement, other, author="setup")


def _a_curation(ids: Ids, site: Site, _role: str | None) -> None:
    curation.set_field(site.engine, "agreement", ids.agreement, "name", "setup name", author="setup")


def _last_curation(site: Site) -> str:
    with site.engine.connect() as c:
        return curation.history(c, "agreement", _IDS[0].agreement)[-1].id


def _watch(ids: Ids, site: Site, role: str | None) -> None:
    principal = _principal(site, role)
    if principal is not None:
        accounts.add_watch(site.engine, principal.user_pk, "partner", "JPN")


_SPARE_TOKENS: dict[str | None, str] = {}


def _spare_token(ids: Ids, site: Site, role: str | None) -> None:
    name = f"{role}-user" if role else "nobody"
    info, _ = accounts.create_token(site.engine, name, "viewer")
    _SPARE_TOKENS[role] = info.id


_IDS: list[Ids] = []

ENDPOINTS = [
    Endpoint("GET", "/api/agreements", "read", lambda i, s, r: "/api/agreements?country=RUS&status=signed"),
    Endpoint(
        "GET", "/api/agreements/{agreement_id}", "read", lambda i, s, r: f"/api/agreements/{i.agreement}"
    ),
    Endpoint("GET", "/api/export/{table}", "read", lambda i, s, r: "/api/export/agreements?format=csv"),
    Endpoint("GET", "/api/countries/{code}", "read", lambda i, s, r: "/api/countries/RUS"),
    Endpoint(
        "GET", "/api/countries/{code}/brief", "read", lambda i, s, r: "/api/countries/RUS/brief?format=md"
    ),
    Endpoint("GET", "/api/people", "read", lambda i, s, r: "/api/people"),
    Endpoint("GET", "/api/people/{person_id}", "read", lambda i, s, r: f"/api/people/{i.person}"),
    Endpoint("GET", "/api/meetings", "read", lambda i, s, r: "/api/meetings?country=RUS"),
    Endpoint("GET", "/api/meetings/{meeting_id}", "read", lambda i, s, r: f"/api/meetings/{i.meeting}"),
    Endpoint("GET", "/api/articles/{article_id}", "read", lambda i, s, r: f"/api/articles/{i.article}"),
    Endpoint("GET", "/api/search", "read", lambda i, s, r: "/api/search?q=energi"),
    Endpoint("GET", "/api/dashboard", "read", lambda i, s, r: "/api/dashboard"),
    Endpoint("GET", "/api/chart", "read", lambda i, s, r: "/api/chart"),
    Endpoint("GET", "/api/graph", "read", lambda i, s, r: "/api/graph"),
    Endpoint(
        "GET", "/api/curations", "read", lambda i, s, r: f"/api/curations?kind=agreement&id={i.agreement}"
    ),
    Endpoint("GET", "/api/me", "read", lambda i, s, r: "/api/me"),
    Endpoint(
        "POST",
        "/api/articles",
        "editor",
        lambda i, s, r: "/api/articles",
        body=lambda i, s, r: {
            "articles": [
                {
                    "title": "Uji",
                    "published": "2025-05-05",
                    "text": "Indonesia dan Mesir menandatangani nota kesepahaman "
                    f"perikanan di Kairo pada 4 Mei 2025 ({r}).",
                }
            ]
        },
    ),
    Endpoint(
        "POST",
        "/api/curations/set",
        "editor",
        lambda i, s, r: "/api/curations/set",
        body=lambda i, s, r: {
            "kind": "agreement",
            "id": i.agreement,
            "field": "status",
            "value": "signed",
            "reason": "matrix",
        },
    ),
    Endpoint(
        "POST",
        "/api/curations/merge",
        "editor",
        lambda i, s, r: "/api/curations/merge",
        body=lambda i, s, r: {"survivor": i.agreement, "absorbed": _split_id_other(i, s)},
        setup=_split_first,
    ),
    Endpoint(
        "POST",
        "/api/curations/split",
        "editor",
        lambda i, s, r: "/api/curations/split",
        body=lambda i, s, r: {"agreement": i.agreement, "reports": [i.report]},
        setup=_merge_first,
    ),
    Endpoint(
        "POST",
        "/api/curations/reject",
        "editor",
        lambda i, s, r: "/api/curations/reject",
        body=lambda i, s, r: {"agreement": i.rejectable, "reason": "matrix"},
    ),
    Endpoint(
        "POST",
        "/api/curations/undo",
        "editor",
        lambda i, s, r: "/api/curations/undo",
        body=lambda i, s, r: {"curation": _last_curation(s)},
        setup=_a_curation,
    ),
    Endpoint("GET", "/api/watchlist", "viewer", lambda i, s, r: "/api/watchlist"),
    Endpoint(
        "POST",
        "/api/watchlist",
        "viewer",
        lambda i, s, r: "/api/watchlist",
        body=lambda i, s, r: {"kind": "partner", "value": "RUS"},
    ),
    Endpoint(
        "DELETE",
        "/api/watchlist/{kind}/{value}",
        "viewer",
        lambda i, s, r: "/api/watchlist/partner/JPN",
        setup=_watch,
    ),
    Endpoint("GET", "/api/watchlist/changes", "viewer", lambda i, s, r: "/api/watchlist/changes"),
    Endpoint("GET", "/api/watchlist/feed.atom", "viewer", lambda i, s, r: "/api/watchlist/feed.atom"),
    Endpoint("GET", "/api/tokens", "viewer", lambda i, s, r: "/api/tokens"),
    Endpoint(
        "POST",
        "/api/tokens",
        "admin",
        lambda i, s, r: "/api/tokens",
        body=lambda i, s, r: {"user": "new-analyst", "role": "viewer"},
    ),
    Endpoint(
        "DELETE",
        "/api/tokens/{token_id}",
        "viewer",
        lambda i, s, r: f"/api/tokens/{_SPARE_TOKENS[r]}",
        setup=_spare_token,
    ),
]


def _split_id_other(ids: Ids, site: Site) -> str:
    with site.engine.connect() as c:
        rows = queries.list_agreements(c, queries.AgreementFilter(text="energi")).rows
    return next(str(a.id) for a in rows if a.id != ids.agreement)


def expected(needs: str, role: str | None, read_closed: bool) -> int:
    least = "viewer" if needs == "read" and read_closed else needs
    if least == "read":
        return 200
    if role is None:
        return 401
    return 200 if RANK[role] >= RANK[least] else 403


@pytest.fixture(scope="module")
def ids(site: Site) -> Iterator[Ids]:
    _IDS.clear()
    _IDS.append(_ids(site))
    yield _IDS[0]


@pytest.mark.parametrize("read_closed", [False, True], ids=["read-open", "read-closed"])
@pytest.mark.parametrize("role", [ANONYMOUS, *ROLES], ids=["anonymous", *ROLES])
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[f"{e.method} {e.route}" for e in ENDPOINTS])
def test_who_may_call_what(
    site: Site, ids: Ids, endpoint: Endpoint, role: str | None, read_closed: bool
) -> None:
    web = client(site, read_needs_token=read_closed)
    if endpoint.setup is not None:
        endpoint.setup(ids, site, role)
    body = endpoint.body(ids, site, role) if endpoint.body else None
    response = web.request(
        endpoint.method, endpoint.path(ids, site, role), json=body, headers=site.headers(role)
    )
    want = expected(endpoint.needs, role, read_closed)
    assert response.status_code == want, response.text[:500]
    if want != 200:
        assert response.json()["error"]["status"] == want


def test_the_matrix_covers_every_api_route() -> None:
    routes = {
        (method, route.path)
        for route in api_router.routes
        if isinstance(route, APIRoute)
        for method in route.methods or ()
    }
    assert routes == {(e.method, e.route) for e in ENDPOINTS}


def test_a_revoked_token_is_refused(site: Site) -> None:
    info, secret = accounts.create_token(site.engine, "leaver", "editor")
    web = client(site)
    assert web.get("/api/me", headers={"Authorization": f"Bearer {secret}"}).json()["user"] == "leaver"
    accounts.revoke_token(site.engine, info.id)
    response = web.get("/api/me", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"

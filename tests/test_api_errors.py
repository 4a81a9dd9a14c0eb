"""One JSON error shape everywhere: every route, every status (404, 405, 401, 403, 413, 422, 400,
500, 503), never a stack trace in the answer."""

from __future__ import annotations

import re
from typing import Annotated, Any

import pytest
from fastapi import Depends
from fastapi.routing import APIRoute
from sqlalchemy import Connection, text

from sepakat.api.auth import get_connection
from sepakat.api.routes import router as api_router
from sepakat.web.pages import router as page_router
from web_support import Site, client, site_fixture

site = pytest.fixture(scope="module")(site_fixture)
JSON = {"Accept": "application/json"}


def assert_error_shape(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message", "details"}
    assert error["status"] == status and isinstance(error["code"], str) and isinstance(error["message"], str)
    assert "Traceback" not in response.text and 'File "' not in response.text
    return dict(error)


def _routes() -> list[tuple[str, str]]:
    return sorted(
        (method, route.path)
        for router in (api_router, page_router)
        for route in router.routes
        if isinstance(route, APIRoute)
        for method in route.methods or ()
    )


def _missing(path: str) -> str:
    """The route's path with every parameter naming something that does not exist."""
    return re.sub(r"\{[^}]+\}", "zz-does-not-exist", path)


@pytest.mark.parametrize(("method", "path"), _routes(), ids=[f"{m} {p}" for m, p in _routes()])
def test_every_route_answers_errors_in_the_one_shape(site: Site, method: str, path: str) -> None:
    web = client(site)
    # A method the route does not take: 405 in the shape.
    other = "PATCH"
    assert_error_shape(web.request(other, _missing(path), headers=JSON), 405)
    # The route called wrongly (nothing it needs, or ids that do not exist), as an admin so that
    # authorisation passes: whatever the answer, an error is in the shape and never a 500.
    response = web.request(method, _missing(path), headers={**JSON, **site.headers("admin")}, json={})
    assert response.status_code < 500, response.text[:300]
    if response.status_code >= 400:
        assert_error_shape(response, response.status_code)


def test_unknown_paths_are_404_in_the_shape(site: Site) -> None:
    web = client(site)
    assert_error_shape(web.get("/api/no-such-thing"), 404)
    assert_error_shape(web.get("/no-such-page", headers=JSON), 404)


def test_a_browser_gets_the_same_error_as_a_page(site: Site) -> None:
    response = client(site).get("/agreements/agr-nothing", headers={"Accept": "text/html"})
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert "no agreement" in response.text and 'data-code="not_found"' in response.text


def test_validation_errors_name_the_field(site: Site) -> None:
    error = assert_error_shape(client(site).get("/api/agreements?limit=5000&since=last-week"), 422)
    assert {tuple(d["loc"]) for d in error["details"]} == {("query", "limit"), ("query", "since")}


def test_usage_errors_are_400(site: Site) -> None:
    error = assert_error_shape(client(site).get("/api/agreements?after=not-a-cursor"), 400)
    assert "cursor" in error["message"]


def test_a_body_over_the_limit_is_413_before_it_is_read(site: Site) -> None:
    web = client(site, max_body_bytes=1000)
    big = {"articles": [{"text": "kata " * 1000}]}
    assert_error_shape(web.post("/api/articles", json=big, headers=site.headers("editor")), 413)


def test_a_chunked_body_over_the_limit_is_413(site: Site) -> None:
    web = client(site, max_body_bytes=1000)

    def chunks() -> Any:
        for _ in range(10):
            yield b"x" * 500

    response = web.post("/api/articles", content=chunks(), headers={**site.headers("editor"), **JSON})
    assert_error_shape(response, 413)


def test_missing_and_wrong_tokens_are_401_and_roles_403(site: Site) -> None:
    web = client(site)
    body = {"kind": "partner", "value": "RUS"}
    assert_error_shape(web.post("/api/watchlist", json=body), 401)
    assert_error_shape(
        web.post("/api/watchlist", json=body, headers={"Authorization": "Bearer spk_wrong"}), 401
    )
    assert_error_shape(web.post("/api/watchlist", json=body, headers={"Authorization": "Basic abc"}), 401)
    assert_error_shape(
        web.post("/api/tokens", json={"user": "x", "role": "admin"}, headers=site.headers("editor")), 403
    )


def test_an_unexpected_error_is_500_without_its_traceback(
    site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    web = client(site)

    @web.app.get("/api/test-boom")  # type: ignore[attr-defined, untyped-decorator]
    def boom() -> None:
        raise RuntimeError("secret internals /etc/passwd")

    error = assert_error_shape(web.get("/api/test-boom"), 500)
    assert "secret" not in error["message"]
    assert "secret internals" in caplog.text  # logged on the server, not sent


def test_a_slow_query_is_stopped_with_503(site: Site) -> None:
    web = client(site, query_seconds=0.0001)

    @web.app.get("/api/test-slow")  # type: ignore[attr-defined, untyped-decorator]
    def slow_query(conn: Annotated[Connection, Depends(get_connection)]) -> int:
        recursive = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
        return int(conn.execute(text(recursive)).scalar_one())

    error = assert_error_shape(web.get("/api/test-slow"), 503)
    assert error["code"] == "query_timeout"

"""schemathesis over the API's OpenAPI schema: generated requests (valid and not) never get a
5xx, and every answer matches the schema (status codes, content types, bodies).

Bounded: a few examples per operation, derandomised so the suite is repeatable and fast;
calls carry an admin token so that the write endpoints are exercised too. Driven through
hypothesis directly (one test per operation), not schemathesis's pytest plugin.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi.routing import APIRoute
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import positive_data_acceptance

from sepakat.api.routes import router
from web_support import Site, client, fresh_registry

MAX_EXAMPLES = 10
OPERATIONS = sorted(
    (method, route.path)
    for route in router.routes
    if isinstance(route, APIRoute)
    for method in route.methods or ()
)


@pytest.fixture(scope="module")
def api_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    built = fresh_registry(tmp_path_factory.mktemp("schemathesis"))
    try:
        yield built
    finally:
        built.engine.dispose()


@pytest.fixture(scope="module")
def api_schema(api_site: Site) -> Any:
    return schemathesis.openapi.from_asgi("/api/openapi.json", client(api_site).app)


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_the_api_keeps_to_its_schema(api_schema: Any, api_site: Site, method: str, path: str) -> None:
    operation = api_schema[path][method]
    headers = api_site.headers("admin")

    @given(operation.as_strategy())
    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:
        # A request can fit the schema and still name nothing (an id that does not exist, a cursor
        # never issued, a field a person does not have): those are 400/404 on purpose.
        case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

    check()

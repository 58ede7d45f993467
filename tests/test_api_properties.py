"""A property test against the OpenAPI document (the equivalent of a schemathesis run, without
the dependency): hypothesis draws values for every parameter of every GET operation, from the
parameter's schema and from arbitrary text, and no answer may be a server error."""

from __future__ import annotations

from typing import Any, Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacetalks.api import create_app
from peacetalks.store.demo import load_demo

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    app = create_app(str(tmp_path_factory.mktemp("prop") / "prop.db"))
    load_demo(app.state.store)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _value(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values inside the schema (often) or anything (sometimes): both must be answered cleanly."""
    schema = next((s for s in schema.get("anyOf", []) if s.get("type") != "null"), schema)
    kind = schema.get("type")
    if kind == "integer":
        typed: st.SearchStrategy[Any] = st.integers(min_value=-(2**70), max_value=2**70)
    elif kind == "boolean":
        typed = st.booleans()
    else:
        typed = TEXT
    return st.one_of(typed, TEXT, st.sampled_from(["", "RUS", "RUS-UKR", "2025-08-12", "ASSAULT", "-date"]))


def _operations(client: TestClient) -> list[tuple[str, list[dict[str, Any]]]]:
    paths = client.get("/openapi.json").json()["paths"]
    return sorted((p, ops["get"].get("parameters", [])) for p, ops in paths.items() if "get" in ops)


@st.composite
def requests(draw: Any, operations: list[tuple[str, list[dict[str, Any]]]]) -> tuple[str, dict[str, Any]]:
    path, params = draw(st.sampled_from(operations))
    query: dict[str, Any] = {}
    for p in params:
        if p["in"] == "path":
            value = draw(st.one_of(st.sampled_from(["demo-talks", "russia-ukraine", "russia-mfa"]), TEXT))
            path = path.replace("{" + p["name"] + "}", quote(str(value), safe="") or "x")
        elif p.get("required") or draw(st.booleans()):
            query[p["name"]] = draw(_value(p.get("schema", {})))
    return path, query


def test_no_get_operation_answers_with_a_server_error(client: TestClient) -> None:
    operations = _operations(client)
    assert len(operations) >= 15

    @settings(max_examples=400, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(requests(operations))
    def check(request: tuple[str, dict[str, Any]]) -> None:
        path, query = request
        response = client.get(path, params=query)
        assert response.status_code < 500, (path, query, response.text)
        if response.status_code >= 400:
            body = response.json()
            assert set(body) == {"error"} and body["error"]["status"] == response.status_code

    check()

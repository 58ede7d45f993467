"""/api/processes/{name}/meetings and /positions page through every consolidated record
(limit/offset, default 100) and can trim each history to its latest entries (``history``)."""

from __future__ import annotations

from typing import Any, Iterator

import pytest
from fastapi.testclient import TestClient

from peacetalks.records import DocumentResult, Span

from talks_helpers import talks_client, weekly_talks

N = 23


def _doc(i: int) -> tuple[dict[str, Any], list[Span], DocumentResult]:
    return weekly_talks(i, level="ministers", prefix="ministers", verb="met")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with talks_client(tmp_path_factory.mktemp("talks"), N, _doc) as c:
        yield c


def test_meetings_page_through_every_consolidated_meeting(client: TestClient) -> None:
    url = "/api/processes/russia-ukraine/meetings"
    whole = client.get(url).json()
    assert whole["limit"] == 100 and whole["count"] == N and whole["next_offset"] is None
    got, offset = [], 0
    while offset is not None:
        body = client.get(url, params={"limit": 10, "offset": offset}).json()
        got += body["items"]
        offset = body["next_offset"]
    assert got == whole["items"]
    assert client.get(url, params={"limit": 0}).status_code == 422


def test_history_keeps_the_latest_entries_and_says_how_many(client: TestClient) -> None:
    url = "/api/processes/russia-ukraine/positions"
    [full] = client.get(url, params={"issue": "ceasefire"}).json()["items"]
    [short] = client.get(url, params={"issue": "ceasefire", "history": 3}).json()["items"]
    assert len(full["history"]) == N and "history_count" not in full
    assert short["history"] == full["history"][-3:] and short["history_count"] == N
    assert short["evidence"] == full["evidence"][-3:] and short["stance"] == full["stance"]
    [bare] = client.get(url, params={"issue": "ceasefire", "history": 0}).json()["items"]
    assert bare["history"] == [] and bare["history_count"] == N
    # the cached view is not trimmed by a trimmed answer
    assert client.get(url, params={"issue": "ceasefire"}).json()["items"][0] == full
    meetings = client.get("/api/processes/russia-ukraine/meetings", params={"history": 1}).json()["items"]
    assert all(len(m["history"]) == 1 and m["history_count"] >= 1 for m in meetings)
    assert client.get(url, params={"history": -1}).status_code == 422

"""The API's own queries (search, actors, places, timeline, processes) on PostgreSQL."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from peacetalks.api import create_app
from peacetalks.store.demo import load_demo

pytestmark = pytest.mark.postgres


def test_explore_endpoints_on_postgresql(pg_url: str) -> None:
    app = create_app(pg_url)
    load_demo(app.state.store)
    with TestClient(app) as c:
        hits = c.get("/api/search", params={"q": "drones Lviv"}).json()["items"]
        assert {h["id"] for h in hits} == {"demo-talks", "demo-talks-reprint"}  # to_tsvector / plainto_tsquery
        assert c.get("/api/search", params={"q": "' OR 1=1 --"}).status_code == 200
        assert "russia-mfa" in [a["key"] for a in c.get("/api/actors").json()["items"]]
        assert c.get("/api/actors/RUS:MIL").json()["events"]["count"] == 2
        assert [p["name"] for p in c.get("/api/places").json()["items"]] == ["Lviv"]
        weeks = c.get("/api/timeline", params={"dyad": "RUS-UKR"}).json()["weeks"]
        assert weeks and weeks[0]["week"] == "2025-W33"
        assert c.get("/api/processes/russia-ukraine").json()["stage"]["highest_proposed"] == "leaders"
        for page in ("/", "/timeline", "/map", "/meetings", "/positions", "/actors", "/search?q=embassy", "/brief"):
            assert c.get(page).status_code == 200, page
    app.state.store.close()


def test_fulltext_aggregate_and_dyad_pages_on_postgresql(pg_url: str) -> None:
    from peacetalks.api import indicators
    from peacetalks.api.views import view
    from peacetalks.negotiation.process import get_process, weekly_indicators, with_joined_parties
    from peacetalks.store import search

    app = create_app(pg_url)
    store = app.state.store
    load_demo(store)
    with store.engine.connect() as conn:  # the GIN index exists and the query's expression uses it
        assert conn.exec_driver_sql("SELECT 1 FROM pg_indexes WHERE indexname = %s", (search.PG_INDEX,)).first()
    with TestClient(app) as c:
        hits = c.get("/api/search", params={"q": "drone Lviv"}).json()["items"]  # English stemming
        assert {h["id"] for h in hits} == {"demo-talks", "demo-talks-reprint"}
        assert {f["text"].lower() for f in hits[0]["fragments"] if f["hit"]} <= {"drones", "lviv"}
        for q in ("or", "-lviv", '"', "a:*", "!(x)"):  # websearch syntax is never honoured
            assert c.get("/api/search", params={"q": q}).status_code == 200, q
        events = c.get("/api/events", params={"dyad": "UKR-RUS", "order": "-date"}).json()["items"]
        assert events and all({e["actors"][0]["country"], e["recipients"][0]["country"]} == {"RUS", "UKR"}
                              for e in events)
    process = get_process("russia-ukraine")
    meetings = with_joined_parties(store.meetings())  # partyless reports count for the meeting they join
    full = weekly_indicators(process, store.events(), meetings, store.positions())
    with store.engine.connect() as conn:
        assert indicators.weekly(conn, process, meetings, store.positions())[0] == full
    assert view(store, process).weeks == full  # the API's own lean read of the meetings
    store.close()

"""Actors, places, timeline, full-text search and negotiation processes through HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from peacetalks.api import create_app
from peacetalks.store.demo import load_demo


@pytest.fixture()
def client(tmp_path: Path):
    app = create_app(str(tmp_path / "explore.db"))
    load_demo(app.state.store)
    with TestClient(app) as c:
        yield c


def test_actors_are_listed_by_activity_and_open_with_their_events(client: TestClient) -> None:
    page = client.get("/api/actors").json()
    keys = [a["key"] for a in page["items"]]
    assert "russia-mfa" in keys and "RUS:MIL" in keys  # known actors by id, generic ones as COUNTRY:SECTOR
    counts = [a["events"] for a in page["items"]]
    assert counts == sorted(counts, reverse=True)
    assert [a["key"] for a in client.get("/api/actors", params={"q": "foreign"}).json()["items"]] == ["russia-mfa"]
    mfa = client.get("/api/actors/russia-mfa").json()
    assert mfa["name"] == "Russian Foreign Ministry" and mfa["events"]["count"] == 2
    assert {e["event_type"] for e in mfa["events"]["items"]} == {"ACCUSE"}
    generic = client.get("/api/actors/RUS:MIL").json()
    assert {e["event_type"] for e in generic["events"]["items"]} == {"ASSAULT"}
    assert client.get("/api/actors/nobody").status_code == 404


def test_places_give_coordinates_of_located_events(client: TestClient) -> None:
    places = client.get("/api/places").json()["items"]
    assert [p["name"] for p in places] == ["Lviv"]
    lviv = places[0]
    assert lviv["country"] == "UKR" and 49 < lviv["lat"] < 50.5 and 23.5 < lviv["lon"] < 24.5
    assert lviv["quads"] == {"material_conflict": 2}
    assert client.get("/api/places", params={"country": "RUS"}).json()["count"] == 0


def test_timeline_counts_dated_events_per_week_and_quad(client: TestClient) -> None:
    body = client.get("/api/timeline").json()
    total = sum(w["total"] for w in body["weeks"])
    dated = [e for e in client.get("/api/events", params={"limit": 1000}).json()["items"] if e["date"]]
    assert total == len(dated)
    week = body["weeks"][0]
    assert week["week"] == "2025-W33" and week["start"] == "2025-08-11" and week["end"] == "2025-08-17"
    only = client.get("/api/timeline", params={"type": "ASSAULT"}).json()["weeks"]
    assert sum(w["quads"]["material_conflict"] for w in only) == 2
    dyad = client.get("/api/timeline", params={"dyad": "UKR-RUS"}).json()["weeks"]
    assert sum(w["total"] for w in dyad) >= 2
    assert client.get("/api/timeline", params={"dyad": "RUSSIA"}).status_code == 422
    assert client.get("/api/timeline", params={"since": "later"}).status_code == 400


def test_search_needs_every_word_and_returns_snippets(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "drones Lviv"}).json()
    assert {h["id"] for h in hits["items"]} == {"demo-talks", "demo-talks-reprint"}
    assert "drones" in hits["items"][0]["snippet"] and hits["terms"] == ["drones", "lviv"]
    assert client.get("/api/search", params={"q": "drones embassy"}).json()["count"] == 0
    assert client.get("/api/search", params={"q": "EMBASSY"}).json()["items"][0]["id"] == "demo-hostile"
    assert client.get("/api/search", params={"q": "100%_"}).json()["count"] == 0  # LIKE wildcards are escaped
    assert client.get("/api/search").status_code == 422


def test_processes_give_stage_stall_index_and_consolidated_records(client: TestClient) -> None:
    listed = client.get("/api/processes").json()["items"]
    assert "russia-ukraine" in [p["name"] for p in listed]
    proc = client.get("/api/processes/russia-ukraine").json()
    assert proc["stage"]["highest_proposed"] == "leaders" and proc["stage"]["highest_held"] is None
    assert 0 <= proc["stall_index"] <= 1 and proc["indicators"][-1]["dyad"] == "ALL"
    assert client.get("/api/processes/russia-ukraine/indicators", params={"dyad": "ALL"}).json()["weeks"]
    meetings = client.get("/api/processes/russia-ukraine/meetings").json()["items"]
    # the same summit reported by the wire and its reprint is one meeting with a two-entry history
    assert len(meetings) == 1 and [h["doc_id"] for h in meetings[0]["history"]] == ["demo-talks", "demo-talks-reprint"]
    assert meetings[0]["history"][0]["evidence"]["text"].startswith("Moscow said")
    threads = client.get("/api/processes/russia-ukraine/positions", params={"issue": "talks_format"}).json()["items"]
    assert len(threads) == 1 and threads[0]["actor_key"] == "RUS" and len(threads[0]["history"]) == 2
    assert client.get("/api/processes/nowhere").status_code == 404


def test_process_view_follows_new_documents(client: TestClient) -> None:
    from peacetalks.store.demo import TALKS, talks_document

    before = client.get("/api/processes/russia-ukraine").json()["events"]
    doc, sents, result = talks_document("demo-later", text=TALKS + " Officials met again later.", published="2025-08-20")
    assert client.app.state.store.save_document(doc, sents, result) == "stored"
    assert client.get("/api/processes/russia-ukraine").json()["events"] > before


def _country_actor_document() -> tuple[dict, list, "DocumentResult"]:
    """Two events whose actor is Russia with no sector (a country alone) and with sector UNK."""
    from peacetalks.records import ActorMention, DocumentResult, Event, Span

    text = "Russia shelled Kharkiv overnight. Unknown Russian men attacked a convoy."
    sents = [Span(text[:33], 0, 33), Span(text[34:], 34, len(text))]

    def event(sentence: int, trigger: str, actor: ActorMention) -> Event:
        start = text.index(trigger)
        trig = Span(trigger, start, start + len(trigger))
        return Event(id=Event.make_id("unk-doc", sentence, trig, "ASSAULT"), sentence=sentence, event_type="ASSAULT",
                     quad="material_conflict", cameo="190", intensity=-10.0, trigger=trig, evidence=sents[sentence],
                     actors=[actor], recipients=[], date="2025-08-11", date_precision="day")

    russia = ActorMention("Russia", 0, 6, country="RUS", sector=None)
    men = ActorMention("Unknown Russian men", 34, 53, name="Unknown Russian men", country="RUS", sector="UNK")
    result = DocumentResult(id="unk-doc", events=[event(0, "shelled", russia), event(1, "attacked", men)],
                            actors=[russia, men])
    doc = {"id": "unk-doc", "text": text, "title": "Shelling", "published": "2025-08-12", "url": None,
           "author": None, "source": "Example Wire", "lang": "en"}
    return doc, sents, result


def test_an_actor_of_unknown_sector_is_one_row_and_opens_by_its_key(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "unk.db"))
    app.state.store.save_document(*_country_actor_document())
    with TestClient(app) as client:
        rows = [a for a in client.get("/api/actors").json()["items"] if a["key"] == "RUS:UNK"]
        assert len(rows) == 1 and rows[0]["events"] == 2
        assert rows[0]["name"] is None  # not one mention's words standing for every generic actor
        body = client.get("/api/actors/RUS:UNK").json()
        assert body["events"]["count"] == 2
        assert client.get("/actors/RUS:UNK").status_code == 200  # the dashboard's link from the actors page

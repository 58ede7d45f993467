"""The event list's country filter ("any actor or recipient in these countries") and an actor's
events give the same pages in both query shapes (IN over event_actors, or a walk of the order index with a primary-key
EXISTS, store/party_filter.py), equal to filtering the full list in Python, in both date orders,
across page boundaries, undated events included; on SQLite and, when a server is set, PostgreSQL."""

from __future__ import annotations

import random
from typing import Any, Iterator

import pytest
from fastapi.testclient import TestClient

from peacetalks.api import create_app
from peacetalks.records import ActorMention, DocumentResult, Event, Span
from peacetalks.store import Store, party_filter

COUNTRIES = ["RUS", "UKR", "TUR", "USA", "AUT"]


def _doc(i: int, rnd: random.Random) -> tuple[dict[str, Any], list[Span], DocumentResult]:
    """A document of 1-4 sentences "X officials met Y officials."; some events undated, some with
    two actors, some actors without a country, one document in ten without a date."""
    doc_id = f"c-{i:03d}"
    published = None if i % 10 == 9 else f"2025-{1 + i % 12:02d}-{1 + i % 27:02d}"
    text, sents, events = "", [], []
    for k in range(rnd.randint(1, 4)):
        a, r = rnd.choice(COUNTRIES + [None]), rnd.choice(COUNTRIES)
        line = f"{a or 'Some'} officials met {r} officials and TUR observers. "
        at = len(text)
        text += line
        sent = Span(line.strip(), at, at + len(line) - 1)
        sents.append(sent)
        label = f"{a or 'Some'} officials"
        actors = [ActorMention(label, at, at + len(label), country=a, sector="GOV" if a else None,
                               actor_id="rus-government" if a == "RUS" else None)]
        if k == 2:  # a second actor: one event matched by two rows must come back once
            o = at + line.index("TUR observers")
            actors.append(ActorMention("TUR observers", o, o + 13, country="TUR"))
        r_at = at + line.index(f"{r} officials")
        trig = Span("met", at + line.index("met"), at + line.index("met") + 3)
        date = None if rnd.random() < 0.15 else f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        events.append(Event(id=Event.make_id(doc_id, k, trig, "CONSULT"), sentence=k, event_type="CONSULT",
                            quad="verbal_cooperation", cameo="040", intensity=1.0, trigger=trig, evidence=sent,
                            actors=actors, recipients=[ActorMention(f"{r} officials", r_at, r_at + 13, country=r,
                                                                    sector="GOV" if k % 2 else "MIL")],
                            date=date, coder="test"))
    doc = {"id": doc_id, "text": text, "title": f"Report {doc_id}", "published": published}
    return doc, sents, DocumentResult(id=doc_id, events=events)


def _fill(store: Store) -> None:
    rnd = random.Random(7)
    for i in range(80):
        store.save_document(*_doc(i, rnd))


def _involves(event: dict[str, Any], countries: set[str]) -> bool:
    return any(m.get("country") in countries for m in event["actors"] + event["recipients"])


@pytest.fixture(autouse=True)
def _free_shape() -> Iterator[None]:
    yield
    party_filter.FORCE = None


def _check_shapes(store: Store) -> None:
    for order in ("date", "-date"):
        everything = store.events(order=order)
        for country in ("TUR", "AUT", "RUS,UKR", "XXX"):
            wanted = [e for e in everything if _involves(e, set(country.split(",")))]
            assert country == "XXX" or len(wanted) >= 10
            for limit, offset in ((5, 0), (7, 3), (50, 20), (100, 0), (3, max(len(wanted) - 2, 0)), (10, 500)):
                pages = {}
                for shape in ("in", "walk", None):  # None: the store's own choice
                    party_filter.FORCE = shape
                    pages[shape] = store.events(country=country, order=order, limit=limit, offset=offset)
                assert pages["in"] == pages["walk"] == pages[None] == wanted[offset:offset + limit], \
                    (order, country, limit, offset)
            party_filter.FORCE = None
            assert store.events(country=country, order=order) == wanted
            # since/until keep the walk; a type filter takes the IN form: same rows either way
            dated = [e for e in wanted if e.get("date") and "2025-03-01" <= e["date"] <= "2025-08-31"]
            assert store.events(country=country, order=order, since="2025-03-01", until="2025-08-31",
                                limit=len(dated) + 5) == dated
            assert store.events(country=country, order=order, type="CONSULT", limit=1000) == wanted


def test_country_filter_same_pages_in_both_shapes_sqlite(tmp_path: Any) -> None:
    with Store.open(str(tmp_path / "c.db")) as st:
        _fill(st)
        _check_shapes(st)


@pytest.mark.postgres
def test_country_filter_same_pages_in_both_shapes_postgres(pg_url: str) -> None:
    with Store.open(pg_url) as st:
        _fill(st)
        _check_shapes(st)


def test_country_filter_through_http(tmp_path: Any) -> None:
    app = create_app(str(tmp_path / "h.db"))
    _fill(app.state.store)
    with TestClient(app) as client:
        everything = client.get("/api/events", params={"limit": 1000}).json()["items"]
        wanted = [e for e in everything if _involves(e, {"TUR"})]
        first = client.get("/api/events", params={"country": "tur", "limit": 10}).json()
        second = client.get("/api/events", params={"country": "TUR", "limit": 10, "offset": 10}).json()
        assert first["items"] + second["items"] == wanted[:20] and first["next_offset"] == 10


def _is_actor(event: dict[str, Any], key: str) -> bool:
    country, _, sector = key.partition(":")
    return any(m.get("actor_id") == key if not sector else
               (not m.get("actor_id") and m.get("country") == country and m.get("sector") == sector)
               for m in event["actors"] + event["recipients"])


def test_actor_events_same_pages_in_both_shapes(tmp_path: Any) -> None:
    app = create_app(str(tmp_path / "a.db"))
    _fill(app.state.store)
    with TestClient(app) as client:
        newest = client.get("/api/events", params={"limit": 1000, "order": "-date"}).json()["items"]
        for key in ("rus-government", "TUR:GOV", "AUT:MIL"):
            wanted = [e for e in newest if _is_actor(e, key)]
            assert len(wanted) >= 5, key
            for limit, offset in ((4, 0), (6, 5), (100, 0)):
                pages = []
                for shape in ("in", "walk", None):
                    party_filter.FORCE = shape
                    body = client.get(f"/api/actors/{key}", params={"limit": limit, "offset": offset}).json()
                    pages.append([(e["doc_id"], e["id"]) for e in body["events"]["items"]])
                assert pages[0] == pages[1] == pages[2] == \
                    [(e["doc_id"], e["id"]) for e in wanted[offset:offset + limit]], (key, limit, offset)

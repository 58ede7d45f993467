"""The store at scale, through its public interfaces: the weekly aggregate gives the same process
indicators as the full recomputation, the event list reads pages in index order (dated then
undated) with the dyad filter, full-text search ranks and highlights, and a session-1 database
(revision 0002) upgrades in place with search and indicators working."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path
from typing import Any, Iterator

import pytest
from fastapi.testclient import TestClient

from peacetalks.api import create_app, indicators
from peacetalks.api.views import view
from peacetalks.data import sample_inputs
from peacetalks.negotiation.process import Process, get_process, weekly_indicators, with_joined_parties
from peacetalks.records import ActorMention, DocumentResult, Event, Span
from peacetalks.runner import run_ingest
from peacetalks.store import Store
from peacetalks.store.demo import load_demo

RU = ("Russian forces", "RUS", "MIL", None)
UA = ("Ukrainian officials", "UKR", "GOV", None)
US = ("Washington", "USA", "GOV", "usa-government")
DE = ("Berlin", "DEU", "GOV", None)
NOBODY = ("a crowd", None, None, None)  # no country, no id: party key is its text


def _actor(text: str, who: tuple[Any, ...]) -> ActorMention:
    start = text.index(who[0])
    return ActorMention(who[0], start, start + len(who[0]), actor_id=who[3], country=who[1], sector=who[2],
                        name=who[0] if who[3] else None)


def _doc(doc_id: str, published: str | None, specs: list[tuple[Any, ...]]) -> tuple[dict[str, Any], list[Span], DocumentResult]:
    """One document, one sentence per event spec (type, quad, actors, recipients, date, polarity, place)."""
    names = " ".join(w[0] for w in (RU, UA, US, DE, NOBODY))
    lines = [f"{names} met at Lviv, line {i} of {doc_id}. " for i in range(len(specs))]
    text = "".join(lines)
    sents, events, pos = [], [], 0
    for i, (kind, quad, actors, recipients, date, polarity, place) in enumerate(specs):
        sents.append(Span(lines[i].strip(), pos, pos + len(lines[i]) - 1))
        trig = Span("met", pos + lines[i].index("met"), pos + lines[i].index("met") + 3)
        loc = None
        if place:
            from peacetalks.records import PlaceMention
            at = pos + lines[i].index("Lviv")
            loc = PlaceMention("Lviv", at, at + 4, name=place, lat=49.8, lon=24.0, country="UKR")
        sub = text[pos:]
        events.append(Event(id=Event.make_id(doc_id, i, trig, kind), sentence=i, event_type=kind, quad=quad, cameo="000",
                            intensity=-3.5 if "conflict" in quad else 2.25, trigger=trig, evidence=sents[-1],
                            actors=[_shift(_actor(sub, a), pos) for a in actors],
                            recipients=[_shift(_actor(sub, r), pos) for r in recipients],
                            location=loc, date=date, polarity=polarity, coder="test"))
        pos += len(lines[i])
    doc = {"id": doc_id, "text": text, "title": f"Report {doc_id}", "published": published}
    return doc, sents, DocumentResult(id=doc_id, events=events)


def _shift(m: ActorMention, by: int) -> ActorMention:
    return ActorMention(m.text, m.start + by, m.end + by, actor_id=m.actor_id, country=m.country, sector=m.sector,
                        name=m.name)


SPECS = [  # multi-party, negated, undated, non-party, mediator dyads, text-keyed actors
    ("ASSAULT", "material_conflict", [RU], [UA], "2025-05-05", "asserted", "Lviv"),
    ("ASSAULT", "material_conflict", [RU, US], [UA, DE], "2025-05-06", "asserted", "Kharkiv"),
    ("ASSAULT", "material_conflict", [RU], [UA], "2025-05-07", "negated", "Odesa"),
    ("SANCTION", "material_conflict", [US], [RU], "2025-05-14", "asserted", None),
    ("AGREE", "verbal_cooperation", [UA], [RU], None, "asserted", None),
    ("REJECT", "verbal_conflict", [RU], [DE], "2025-06-01", "asserted", None),
    ("CONSULT", "verbal_cooperation", [DE], [US], "2025-06-02", "asserted", None),
    ("ACCUSE", "verbal_conflict", [NOBODY], [RU], "2025-06-03", "asserted", None),
    ("RETREAT", "material_cooperation", [RU], [UA], "2025-06-04", "asserted", None),
]


def _full(store: Store, process: Process) -> list[dict[str, Any]]:
    # partyless reports joined to a meeting count for it, as in the brief and `process show`
    return weekly_indicators(process, store.events(), with_joined_parties(store.meetings()), store.positions())


def _fast(store: Store, process: Process) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return indicators.weekly(conn, process, with_joined_parties(store.meetings()), store.positions())[0]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store.open(str(tmp_path_factory.mktemp("scale") / "sample.db")) as st:
        summary = run_ingest([str(p) for p in sample_inputs()], st, errors_to=io.StringIO())
        assert summary.stored >= 30
        yield st


def test_aggregate_indicators_equal_the_full_computation_on_the_sample_corpus(sample_store: Store) -> None:
    process = get_process("russia-ukraine")
    full = _full(sample_store, process)
    assert len([w for w in full if w["dyad"] == "ALL"]) >= 5 and any(w["assaults"] for w in full)
    assert _fast(sample_store, process) == full
    overall = [w for w in full if w["dyad"] == "ALL"]
    v = view(sample_store, process)
    assert v.overall == overall and v.stall == overall[-1]["stall_index"]  # the "ALL" rows alone
    dyads = sorted({w["dyad"] for w in full} - {"ALL"})
    assert v.dyads == dyads and len(dyads) >= 2
    for d in dyads:  # one dyad at a time, as /api/processes/{name}/indicators?dyad= reads them
        assert v.weeks_of(d) == [w for w in full if w["dyad"] == d]
    assert v.weeks == full


def test_aggregate_covers_every_case_and_survives_rebuild_and_import(tmp_path: Path) -> None:
    process = Process("talks", "Talks", parties=("RUS", "UKR"), mediators=("USA", "a crowd"))
    with Store.open(str(tmp_path / "a.db")) as st:
        st.save_document(*_doc("d1", "2025-05-08", SPECS[:5]))
        st.save_document(*_doc("d2", None, SPECS[4:]))  # an undated event in an undated document
        st.save_document(*_doc("d2", None, SPECS[4:]))  # a duplicate adds nothing
        full = _full(st, process)
        assert _fast(st, process) == full
        ru_ua = [w for w in full if w["dyad"] == "RUS-UKR"]
        assert sum(w["assaults"] for w in ru_ua) == 2 and sum(w["events"] for w in ru_ua) == 5
        assert view(st, process).n_events == 9  # the undated one too; DEU-USA is no party's
        # three parties (inclusion-exclusion up to the triple) and six (the per-signature path)
        for parties in (("RUS", "UKR", "USA"), ("RUS", "UKR", "USA", "DEU", "a crowd", "TUR")):
            other = Process("other", "Other", parties=parties)
            assert _fast(st, other) == _full(st, other), parties
        st.rebuild_aggregates()
        assert _fast(st, process) == full
        st.export(tmp_path / "out")
    with Store.open(str(tmp_path / "b.db")) as copy:
        copy.import_(tmp_path / "out")
        assert _fast(copy, process) == full


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(str(tmp_path / "api.db"))
    st = app.state.store
    load_demo(st)
    st.save_document(*_doc("d1", "2025-05-08", SPECS[:5]))
    st.save_document(*_doc("d2", None, SPECS[4:]))
    with TestClient(app) as c:
        yield c
    st.close()


def test_events_dyad_and_date_filter_either_direction(client: TestClient) -> None:
    got = client.get("/api/events", params={"dyad": "UKR-RUS", "since": "2025-05-01", "until": "2025-05-31"}).json()
    dates = [e["date"] for e in got["items"]]
    assert dates == sorted(dates) and all("2025-05-01" <= d <= "2025-05-31" for d in dates)
    pairs = {tuple(sorted((e["actors"][0]["country"], e["recipients"][0]["country"]))) for e in got["items"]}
    assert pairs == {("RUS", "UKR")} and len(dates) >= 3
    newest = client.get("/api/events", params={"dyad": "RUS-UKR", "order": "-date"}).json()["items"]
    assert [e["date"] for e in newest if e["date"]] == sorted((e["date"] for e in newest if e["date"]), reverse=True)
    assert client.get("/api/events", params={"dyad": "RUSSIA"}).status_code == 422


def test_event_pages_put_undated_last_and_join_up(client: TestClient) -> None:
    every = client.get("/api/events", params={"limit": 1000}).json()["items"]
    keys = [(e["doc_id"], e["id"]) for e in every]
    paged: list[tuple[str, str]] = []
    for offset in range(0, len(every) + 6, 3):  # pages across the dated/undated boundary and past the end
        paged += [(e["doc_id"], e["id"]) for e in
                  client.get("/api/events", params={"limit": 3, "offset": offset}).json()["items"]]
    assert paged == keys
    effective = [e.get("date") or e.get("published") for e in every]
    assert None in effective and all(d is None for d in effective[effective.index(None):])


def test_search_ranks_highlights_and_stays_literal(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "Lviv drones"}).json()["items"]
    assert {h["id"] for h in hits} == {"demo-talks", "demo-talks-reprint"}
    marked = [f["text"].lower() for f in hits[0]["fragments"] if f["hit"]]
    assert set(marked) <= {"lviv", "drones"} and marked
    assert hits[0]["snippet"] == "".join(f["text"] for f in hits[0]["fragments"])
    for q in ('" OR', "NEAR(a b)", "lviv*", "-lviv", "a:b", "{x}"):  # FTS5 syntax is not honoured
        assert client.get("/api/search", params={"q": q}).status_code == 200, q


def test_search_without_fts5_falls_back_to_like(tmp_path: Path) -> None:
    from peacetalks.store import search

    with Store.open(str(tmp_path / "like.db")) as st:
        load_demo(st)
        with st.engine.begin() as conn:
            search.uninstall(conn)
        hits = st.search("drones lviv")
        assert {h["id"] for h in hits} == {"demo-talks", "demo-talks-reprint"}
        assert any(f["hit"] and f["text"].lower() == "drones" for f in hits[0]["fragments"])


def test_a_session_one_database_upgrades_in_place(tmp_path: Path) -> None:
    from alembic import command

    from peacetalks.store.engine import create, normalize_url
    from peacetalks.store.migrate import alembic_config

    path = tmp_path / "old.db"
    # a store at revision 0002 with data, written as session 1 wrote it (no dyad, no aggregate)
    with Store.open(str(tmp_path / "new.db")) as st:
        load_demo(st)
        st.save_document(*_doc("d1", "2025-05-08", SPECS))
        st.export(tmp_path / "dump")
        process = get_process("russia-ukraine")
        expected = _full(st, process)
    engine = create(normalize_url(str(path)))
    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.commit()
    engine.dispose()
    _raw_copy(tmp_path / "new.db", path)
    with Store.open(str(path)) as st:
        assert {h["id"] for h in st.search("drones lviv")} == {"demo-talks", "demo-talks-reprint"}
        assert view(st, process).weeks == expected == _full(st, process)
        assert st.events(dyad="UKR-RUS", limit=3)


def _raw_copy(src: Path, dst: Path) -> None:
    """Rows of the 0002 tables from ``src`` into ``dst`` (revision 0002), without the new column."""
    from peacetalks.store import schema as s
    from peacetalks.store.transfer import TABLES

    with sqlite3.connect(dst) as out:
        out.execute("ATTACH DATABASE ? AS src", (str(src),))
        for table in TABLES:
            cols = ", ".join(f'"{c.name}"' for c in table.columns if not (table is s.events and c.name == "dyad"))
            out.execute(f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM src.{table.name}")
        out.commit()
        out.execute("DETACH DATABASE src")

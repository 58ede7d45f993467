"""The view warmer: after the store changes, the process views are recomputed in the
background, so a reader finds the indicators ready (peacetalks.api.warm)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from peacetalks.api import create_app, queries, views
from peacetalks.api.warm import Warmer, warm
from peacetalks.store import Store
from peacetalks.store.demo import TALKS, load_demo, talks_document


def _current(store: Store) -> object:
    with store.engine.connect() as conn:
        return queries.data_version(conn)


def _wait(pred, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if pred():
            return True
        time.sleep(0.05)
    return False


def _no_recompute() -> None:
    pytest.fail("the view was computed again on request")


def test_warm_computes_what_the_process_endpoints_read(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "w.db"))
    try:
        load_demo(store)
        assert warm(store) >= 1
        process = views.processes()[0]
        v = views.cached(store, ("process", process), _no_recompute)  # a hit: no compute
        assert {"_overall", "_weekly", "stage", "meetings", "positions", "latest_events"} <= set(v.__dict__)
    finally:
        store.close()


def test_warmer_follows_the_store_and_readers_find_the_new_figures(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "w.db"), warm_views=False)
    store = app.state.store
    load_demo(store)
    warmer = Warmer(store, interval=0.05).start()
    try:
        assert _wait(lambda: warmer.warmed_version == _current(store))
        with TestClient(app) as client:
            before = client.get("/api/processes/russia-ukraine").json()
            doc, sents, result = talks_document("demo-talks-later", TALKS + " Envoys met again.", published="2025-09-02")
            store.save_document(doc, sents, result)  # as an ingest in another process would
            assert _wait(lambda: warmer.warmed_version == _current(store))
            process = views.find_process("russia-ukraine")
            views.cached(store, ("process", process), _no_recompute)  # ready before anyone asked
            after = client.get("/api/processes/russia-ukraine").json()
        assert after["meetings"] >= before["meetings"] and after["events"] > before["events"]
    finally:
        warmer.stop()
        store.close()


def test_serve_style_app_starts_and_stops_its_warmer(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "w.db"), warm_views=True)
    load_demo(app.state.store)
    with TestClient(app) as client:
        assert client.get("/api/health").status_code == 200
        store = app.state.store
        process = views.find_process("russia-ukraine")
        assert _wait(lambda: _is_cached(store, process))
        assert client.get("/api/processes/russia-ukraine").status_code == 200


def _is_cached(store: Store, process) -> bool:
    try:
        views.cached(store, ("process", process), _raise)
    except _Miss:
        return False
    return True


class _Miss(Exception):
    pass


def _raise():
    raise _Miss

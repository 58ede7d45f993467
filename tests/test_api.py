"""The HTTP interface: JSON endpoints, error bodies, tokens and the server-rendered pages."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from peacetalks.api import create_app
from peacetalks.store.demo import HOSTILE, load_demo, talks_document


@pytest.fixture()
def app(tmp_path: Path):
    app = create_app(str(tmp_path / "api.db"))
    load_demo(app.state.store)
    return app


@pytest.fixture()
def client(app) -> TestClient:
    with TestClient(app) as c:
        yield c


def _error(response, status: int) -> str:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    return body["error"]["message"]


def test_health(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["database"] == "ok"


def test_documents_list_and_pagination(client: TestClient) -> None:
    page = client.get("/api/documents", params={"limit": 2}).json()
    assert [d["id"] for d in page["items"]] == ["demo-hostile", "demo-talks-reprint"]
    assert page["next_offset"] == 2
    rest = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert [d["id"] for d in rest["items"]] == ["demo-talks"] and rest["next_offset"] is None
    assert "limit" in _error(client.get("/api/documents", params={"limit": 501}), 422)
    assert client.get("/api/documents", params={"q": "embassy"}).json()["count"] == 1


def test_document_detail_and_404(client: TestClient) -> None:
    doc = client.get("/api/documents/demo-talks").json()
    assert doc["id"] == "demo-talks" and len(doc["events"]) == 3 and doc["cluster"]["id"]
    assert "no document" in _error(client.get("/api/documents/nope"), 404)


def test_events_filters_limits_and_errors(client: TestClient) -> None:
    body = client.get("/api/events", params={"country": "USA"}).json()
    assert [e["event_type"] for e in body["items"]] == ["SANCTION", "SANCTION"]
    assert body["items"][0]["polarity"] == "negated" and body["items"][0]["doc_id"].startswith("demo-talks")
    assert client.get("/api/events", params={"type": "ASSAULT,ACCUSE", "since": "2025-08-12"}).json()["count"] == 2
    assert client.get("/api/events", params={"actor": "russia-mfa", "doc": "demo-talks"}).json()["count"] == 1
    newest = client.get("/api/events", params={"order": "-date", "limit": 1}).json()["items"][0]
    assert newest["date"] == "2025-08-14"
    assert "limit" in _error(client.get("/api/events", params={"limit": 1001}), 422)
    assert "not an ISO date" in _error(client.get("/api/events", params={"until": "soon"}), 400)
    assert "order" in _error(client.get("/api/events", params={"order": "random"}), 422)


def test_meetings_positions_stats(client: TestClient) -> None:
    meetings = client.get("/api/meetings", params={"status": "conditional"}).json()["items"]
    assert len(meetings) == 2 and meetings[0]["level"] == "leaders"
    positions = client.get("/api/positions", params={"issue": "talks_format", "actor": "moscow"}).json()["items"]
    assert len(positions) == 2 and positions[0]["stance"] == "condition"
    stats = client.get("/api/stats").json()
    assert stats["counts"]["documents"] == 3 and stats["events_by_type"]["PROTEST"] == 1


def test_openapi_docs_are_served(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text
    assert "cdn" not in docs.text.lower()  # our own page, not Swagger UI from a CDN
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/documents/{doc_id}", "/api/meetings", "/api/positions"} <= set(paths)


def test_unknown_path_and_crash_have_the_error_shape(app, client: TestClient, monkeypatch) -> None:
    _error(client.get("/api/nothing-here"), 404)

    def boom() -> dict:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(app.state.store, "stats", boom)
    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.get("/api/stats")
    assert _error(response, 500) == "internal server error"
    assert "secret internals" not in response.text and "Traceback" not in response.text


def test_read_token(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "tok.db"), read_token="r-token", write_token="w-token")
    with TestClient(app) as c:
        assert client_status(c, "/api/events") == 401
        assert c.get("/api/events", headers={"Authorization": "Bearer r-token"}).status_code == 200
        assert c.get("/api/events", headers={"Authorization": "Bearer w-token"}).status_code == 200
        assert c.get("/api/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/", params={"token": "r-token"}).status_code == 200
        assert c.get("/api/health").status_code == 200  # liveness stays open


def client_status(c: TestClient, path: str) -> int:
    response = c.get(path)
    if response.status_code >= 400:
        _error(response, response.status_code)
    return response.status_code


def test_writing_needs_the_write_token(tmp_path: Path) -> None:
    doc, sents, result = talks_document("posted")
    body = {**{k: v for k, v in doc.items() if v is not None}, "result": result.to_dict(),
            "sentences": [s.to_dict() for s in sents]}
    closed = create_app(str(tmp_path / "closed.db"))
    with TestClient(closed) as c:
        assert "disabled" in _error(c.post("/api/documents", json=body), 403)
    app = create_app(str(tmp_path / "open.db"), write_token="w-token")
    with TestClient(app) as c:
        _error(c.post("/api/documents", json=body, headers={"X-API-Token": "nope"}), 401)
        auth = {"Authorization": "Bearer w-token"}
        first = c.post("/api/documents", json=body, headers=auth)
        assert first.status_code == 201 and first.json() == {"id": "posted", "status": "stored"}
        assert c.post("/api/documents", json=body, headers=auth).json()["status"] == "duplicate"
        assert c.get("/api/events", params={"doc": "posted"}).json()["count"] == 3
        _error(c.post("/api/documents", json={"id": "x"}, headers=auth), 422)


def test_events_page_lists_events_linking_to_their_evidence(client: TestClient) -> None:
    page = client.get("/events")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    links = [unescape(h) for h in re.findall(r'href="(/documents/[^"]+\?event=[^"]+)"', page.text)]
    assert len(links) == 8
    assert "ASSAULT" in page.text and "material conflict" in page.text
    assert "Russian drones" in page.text and "Lviv" in page.text
    assert "<script>alert" not in page.text  # the hostile evidence sentence is escaped here too
    assert client.get("/events", params={"type": "PROTEST"}).text.count("?event=") == 1


def test_document_page_highlights_evidence_and_trigger(client: TestClient) -> None:
    assault = client.get("/api/events", params={"type": "ASSAULT", "doc": "demo-talks"}).json()["items"][0]
    page = client.get(f"/documents/demo-talks?event={assault['id']}")
    assert page.status_code == 200
    marked = re.search(r'<mark id="evidence"[^>]*>(.*?)</mark>', page.text, re.S)
    assert marked is not None
    assert re.sub(r"<[^>]+>", "", marked.group(1)) == assault["evidence"]["text"]
    assert re.search(r'<span class="hl-trigger[^"]*" title="trigger: ASSAULT">struck</span>', marked.group(1))
    assert re.search(r'<span class="hl-place[^"]*" title="place: Lviv \(UKR\)">Lviv</span>', marked.group(1))
    plain = client.get("/documents/demo-talks")
    assert "<mark id=" not in plain.text and "Russian drones struck" in re.sub(r"<[^>]+>", "", plain.text)


def test_document_page_shows_markup_as_text(client: TestClient) -> None:
    event = client.get("/api/events", params={"doc": "demo-hostile", "type": "PROTEST"}).json()["items"][0]
    page = client.get(f"/documents/demo-hostile?event={event['id']}").text
    assert "<script>alert" not in page and "<b>Banner</b>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    shown = unescape(re.sub(r"<[^>]+>", "", re.search(r'<div class="doc-text">(.*?)</div>', page, re.S).group(1)))
    assert shown == HOSTILE


def test_document_page_errors(client: TestClient) -> None:
    missing = client.get("/documents/none", headers={"accept": "text/html"})
    assert missing.status_code == 404 and "no document" in missing.text and "<h1>Error 404</h1>" in missing.text
    _error(client.get("/documents/demo-talks", params={"event": "nope"}), 404)


def test_static_files_are_served_locally(client: TestClient) -> None:
    page = client.get("/").text
    assert "cdn" not in page.lower() and "https://" not in page
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "mark" in css.text
    assert client.get("/static/app.js").status_code == 200

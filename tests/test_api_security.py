"""API security (issue 8, item 5): tokens on writing, CORS off by default, body size limits,
injection strings in every filter, markup in documents shown as text on every page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

import pytest
from fastapi.testclient import TestClient

from peacetalks.api import create_app
from peacetalks.store.demo import TALKS, load_demo, talks_document

INJECTIONS = [
    "' OR '1'='1", "1; DROP TABLE events; --", "\" OR 1=1 --", "%' OR 1=1 --", "_%", "\\", "RUS') OR ('a'='a",
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${7*7}",
    "../../etc/passwd", "\u202eRTL\u200b", "null", "-1", "9" * 40, "a" * 190, "ru,ukr,,", "2025-13-45",
]
PAGES = ["/", "/process/russia-ukraine", "/timeline", "/events", "/meetings", "/positions", "/actors", "/map",
         "/map?place=Lviv", "/search?q=script", "/search?q=alert", "/brief", "/docs"]
SCRIPT = "<script>alert('pwned')</script>"


def _hostile_talks() -> tuple[dict[str, Any], Any, Any]:
    """The demo talks with markup in the text, title, outlet and a javascript: URL."""
    text = TALKS + f" A banner read {SCRIPT} near the <iframe src=x></iframe> gate."
    doc, sents, result = talks_document("evil", text=text, source=f"Evil {SCRIPT} Wire", published="2025-08-15")
    doc.update(title=f"{SCRIPT} <b>title</b>", url="javascript:alert(1)")
    return doc, sents, result


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    app = create_app(str(tmp_path_factory.mktemp("sec") / "sec.db"), write_token="w-token")
    load_demo(app.state.store)
    app.state.store.save_document(*_hostile_talks())
    return app


@pytest.fixture(scope="module")
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _get_operations(client: TestClient) -> list[tuple[str, list[dict[str, Any]]]]:
    paths = client.get("/openapi.json").json()["paths"]
    return [(path, ops["get"].get("parameters", [])) for path, ops in paths.items() if "get" in ops]


def test_injection_strings_in_every_filter_never_break_or_change_the_store(client: TestClient) -> None:
    before = client.get("/api/stats").json()["counts"]
    tried = 0
    for path, params in _get_operations(client):
        for param in params:
            for value in INJECTIONS:
                url, query = path, {}
                if param["in"] == "path":
                    url = path.replace("{" + param["name"] + "}", value.replace("/", "%2F"))
                else:
                    query = {param["name"]: value}
                    url = re.sub(r"\{(\w+)\}", "russia-ukraine" if "processes" in path else "demo-talks", path)
                response = client.get(url, params=query)
                tried += 1
                assert response.status_code < 500, (url, query, response.text)
                if response.status_code >= 400:
                    assert set(response.json()) == {"error"}, (url, query)
                assert "Traceback" not in response.text and "sqlalchemy" not in response.text.lower()
    assert tried > 500
    assert client.get("/api/stats").json()["counts"] == before


def test_injection_strings_in_page_filters(client: TestClient) -> None:
    for page in ("/events", "/timeline", "/actors", "/search", "/map"):
        for name in ("type", "actor", "country", "quad", "dyad", "q", "place", "since"):
            for value in INJECTIONS:
                response = client.get(page, params={name: value}, headers={"accept": "text/html"})
                assert response.status_code < 500, (page, name, value)
                assert "<script>alert(1)" not in response.text and "<img src=x" not in response.text


@pytest.mark.parametrize("path", PAGES)
def test_markup_in_documents_is_shown_as_text_on_every_page(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    html = response.text
    assert SCRIPT not in html and "<iframe" not in html and "<b>title</b>" not in html
    assert 'href="javascript:' not in html
    # our own scripts only: one external file from /static, no inline script
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js" defer>']


def test_hostile_document_reader_escapes_and_drops_the_javascript_link(client: TestClient) -> None:
    page = client.get("/documents/evil").text
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in page
    assert "&lt;b&gt;title&lt;/b&gt;" in page and "javascript:" not in page
    search = client.get("/search", params={"q": "banner pwned"}).text
    assert "&lt;script&gt;" in search and SCRIPT not in search


def test_pages_carry_a_strict_content_security_policy(client: TestClient) -> None:
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_cors_is_off_by_default_and_only_for_named_origins(client: TestClient, tmp_path: Path) -> None:
    response = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    pre = client.options("/api/events", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in pre.headers
    app = create_app(str(tmp_path / "cors.db"), cors_origins=["https://ok.example"])
    with TestClient(app) as c:
        assert c.get("/api/health", headers={"Origin": "https://ok.example"}).headers[
            "access-control-allow-origin"] == "https://ok.example"
        assert "access-control-allow-origin" not in c.get(
            "/api/health", headers={"Origin": "https://evil.example"}).headers


def test_request_bodies_are_limited(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "size.db"), write_token="w", max_body=10_000)
    auth = {"Authorization": "Bearer w"}
    with TestClient(app) as c:
        big = b'{"id": "x", "text": "' + b"a" * 20_000 + b'"}'
        declared = c.post("/api/documents", content=big, headers={**auth, "content-type": "application/json"})
        assert declared.status_code == 413 and declared.json()["error"]["status"] == 413

        def chunks() -> Iterator[bytes]:
            for _ in range(30):
                yield b"a" * 1000

        chunked = c.post("/api/documents", content=chunks(), headers={**auth, "content-type": "application/json"})
        assert chunked.status_code == 413
        small = c.post("/api/documents", json={"id": "x"}, headers=auth)
        assert small.status_code == 422  # parsed, then refused for the missing text


def test_ingest_needs_the_write_token_and_takes_only_http_urls(client: TestClient) -> None:
    assert client.post("/api/ingest", json={"urls": ["https://example.org/feed"]}).status_code == 401
    auth = {"Authorization": "Bearer w-token"}
    for bad in (["/etc/passwd"], ["file:///etc/passwd"], ["ftp://example.org/x"], [], ["https://x/"] * 21):
        response = client.post("/api/ingest", json={"urls": bad}, headers=auth)
        assert response.status_code == 422, bad
        assert set(response.json()) == {"error"}


def test_ingest_refuses_private_addresses(client: TestClient) -> None:
    from peacetalks.ingest.model import IngestConfig

    client.app.state.ingest_config = IngestConfig(resolver=lambda host: ["127.0.0.1"], timeout=2)
    try:
        body = client.post("/api/ingest", json={"urls": ["http://intranet.example/feed.xml"]},
                           headers={"X-API-Token": "w-token"}).json()
    finally:
        client.app.state.ingest_config = None
    assert body["stored"] == 0 and body["failed"] == 1
    assert any("non-public address 127.0.0.1" in f for f in body["failures"]), body["failures"]


def test_read_token_guards_pages_and_api_but_not_health(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "read.db"), read_token="r-token")
    with TestClient(app) as c:
        for path in ("/api/actors", "/api/processes", "/api/search?q=x", "/timeline", "/map", "/"):
            assert c.get(path).status_code == 401, path
        assert c.get("/docs").status_code == 200  # describes the API, holds no data
        page = c.get("/timeline", params={"token": "r-token"})
        assert page.status_code == 200
        assert 'href="/events?token=r-token"' in page.text  # links keep the token
        assert c.get("/api/health").status_code == 200

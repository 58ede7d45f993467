"""Fetching safely (issue 8, item 2): a real HTTP server on loopback, and the gaps the
MockTransport tests of test_ingest_web.py leave (pages linked from feeds, robots settings)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from peacetalks.ingest import Document, IngestConfig, IngestError, iter_items
from peacetalks.store import Store

from hostile.checks import peacetalks
from hostile.corpus import article

PAGE = (f"<html><head><title>Loopback talks</title></head><body><article><p>{article('loopback')}</p>"
        "</article></body></html>")


class _Handler(BaseHTTPRequestHandler):
    seen: list[tuple[str, str]] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        _Handler.seen.append((self.path, self.headers.get("User-Agent", "")))
        if self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(100):  # 100 bytes over 20 s: only a total deadline stops this
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.2)
            return
        body = PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # quiet
        pass


@pytest.fixture()
def loopback() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Handler.seen = []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_real_loopback_server_is_refused_by_default_and_allowed_on_request(loopback: str, tmp_path: Path) -> None:
    db = str(tmp_path / "web.db")
    refused = peacetalks(["ingest", f"{loopback}/story", "--db", db, "-q"])
    assert refused.returncode == 1 and "refusing non-public address 127.0.0.1" in refused.stderr.decode()
    assert _Handler.seen == []  # refused before connecting
    allowed = peacetalks(["ingest", f"{loopback}/story", "--db", db, "-q", "--allow-private"])
    assert allowed.returncode == 0, allowed.stderr.decode()
    [(path, agent)] = _Handler.seen
    assert path == "/story" and agent.startswith("peacetalks/") and "+https://" in agent  # honest User-Agent
    with Store.open(db) as store:
        [doc] = store.documents(limit=None)
    assert doc["title"] == "Loopback talks"


def test_localhost_by_name_is_refused_after_resolution(loopback: str) -> None:
    port = loopback.rsplit(":", 1)[1]
    [err] = list(iter_items([f"http://localhost:{port}/story"], IngestConfig()))
    assert isinstance(err, IngestError) and "refusing non-public address" in err.message
    assert _Handler.seen == []


def test_a_trickling_server_hits_the_total_time_cap(loopback: str) -> None:
    started = time.monotonic()
    [err] = list(iter_items([f"{loopback}/trickle"], IngestConfig(allow_private=True, timeout=1.0)))
    assert isinstance(err, IngestError) and "timed out after 1s" in err.message
    assert time.monotonic() - started < 15  # generous bound: the server would take 20 s


def _feed(tmp_path: Path, link: str) -> str:
    xml = ('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
           f"<item><guid>g1</guid><title>Teaser</title><link>{link}</link>"
           "<description>A teaser only.</description></item></channel></rss>")
    path = tmp_path / "feed.rss"
    path.write_text(xml, encoding="utf-8")
    return str(path)


def _web(pages: dict[str, httpx.Response], seen: list[str], **kw: object) -> IngestConfig:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return pages.get(str(request.url), httpx.Response(404))

    hosts = {"news.example": ["93.184.216.34"], "intranet.example": ["192.168.1.20"],
             "split.example": ["93.184.216.34", "10.1.1.1"]}
    return IngestConfig(transport=httpx.MockTransport(handler),  # type: ignore[arg-type]
                        resolver=lambda h: hosts.get(h, []), **kw)


@pytest.mark.parametrize("link", ["http://intranet.example/story", "http://split.example/story",
                                  "http://169.254.169.254/latest/meta-data/"])
def test_a_feed_cannot_send_the_crawler_to_a_private_address(tmp_path: Path, link: str) -> None:
    seen: list[str] = []
    [doc] = list(iter_items([_feed(tmp_path, link)], _web({}, seen)))
    assert isinstance(doc, Document) and doc.text == "A teaser only."  # the summary is kept
    assert not any("intranet" in u or "split" in u or "169.254" in u for u in seen)


def test_robots_can_be_switched_off(tmp_path: Path) -> None:
    pages = {"https://news.example/robots.txt": httpx.Response(200, text="User-agent: *\nDisallow: /\n"),
             "https://news.example/story": httpx.Response(200, html=PAGE)}
    seen: list[str] = []
    [doc] = list(iter_items([_feed(tmp_path, "https://news.example/story")], _web(pages, seen, respect_robots=False)))
    assert isinstance(doc, Document) and "Report loopback." in doc.text
    assert "https://news.example/robots.txt" not in seen


def test_an_unreachable_robots_txt_disallows_the_page(tmp_path: Path) -> None:
    pages = {"https://news.example/robots.txt": httpx.Response(503),
             "https://news.example/story": httpx.Response(200, html=PAGE)}
    seen: list[str] = []
    [doc] = list(iter_items([_feed(tmp_path, "https://news.example/story")], _web(pages, seen)))
    assert isinstance(doc, Document) and doc.text == "A teaser only."
    assert "https://news.example/story" not in seen

"""The dashboard pages through HTTP (server-rendered: everything here is readable without JS)."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from typing import Any, Iterator

import pytest
from fastapi.testclient import TestClient

from peacetalks.api import create_app
from peacetalks.records import DocumentResult, Span
from peacetalks.store.demo import load_demo
from peacetalks.web import PAGE_SIZE
from peacetalks.web.pages import CELL_SHOWN, HISTORY_SHOWN
from talks_helpers import talks_client, weekly_talks


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    app = create_app(str(tmp_path_factory.mktemp("web") / "web.db"))
    load_demo(app.state.store)
    with TestClient(app) as c:
        yield c


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _links(html: str, prefix: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="(' + re.escape(prefix) + r'[^"]*)"', html)]


def test_overview_shows_stage_ladder_stall_chart_and_cited_developments(client: TestClient) -> None:
    html = client.get("/").text
    assert "<h1>Russia–Ukraine peace talks</h1>" in html
    ladder = re.search(r'<ol class="ladder">(.*?)</ol>', html, re.S).group(1)
    assert [_text(li) .split()[0] for li in re.findall(r"<li.*?</li>", ladder, re.S)][:2] == ["leaders", "ministers"]
    assert 'class="proposed"' in ladder  # the conditional summit
    assert re.search(r'<svg class="chart"[^>]*role="img"', html) and 'class="point"' in html
    assert "Stall index: 0.75" in _text(html)
    latest = re.search(r'<ol class="latest">(.*?)</ol>', html, re.S).group(1)
    assert "Russian drones struck the city of Lviv overnight" in _text(latest)
    assert any("/documents/demo-talks?event=" in h for h in _links(latest, "/documents/"))
    assert any(re.search(r"span=\d+-\d+", h) for h in _links(latest, "/documents/"))  # meeting evidence as a span
    assert client.get("/process/nowhere").status_code == 404


def test_timeline_bars_and_table_link_to_the_week_s_events(client: TestClient) -> None:
    html = client.get("/timeline").text
    bars = _links(html, "/events?")
    assert bars and all("since=2025-08-11" in b and "until=2025-08-17" in b for b in bars)
    events = client.get(next(b for b in bars if "quad=material_conflict" in b)).text
    assert "ASSAULT" in events and "Russian drones" in events
    only = client.get("/timeline", params={"type": "PROTEST"}).text
    assert re.findall(r'<rect class="bar (q-\w+)"', only) == ["q-verbal_conflict"]
    assert client.get("/timeline", params={"dyad": "nonsense"}, headers={"accept": "text/html"}).status_code == 400


def test_events_page_filters_by_dyad_and_pages(client: TestClient) -> None:
    html = client.get("/events", params={"dyad": "RUS-UKR"}).text
    types = re.findall(r'<span class="type">(\w+)</span>', html)
    assert sorted(set(types)) == ["ACCUSE", "ASSAULT"]
    assert "SANCTION" not in types  # USA -> RUS is another dyad


def test_meetings_board_groups_by_level_and_status_with_history(client: TestClient) -> None:
    html = client.get("/meetings").text
    assert re.search(r'<tr id="level-leaders"><th scope="row">leaders</th>', html)
    assert '<th scope="col" class="status-conditional">conditional</th>' in html
    details = re.findall(r'<details class="meeting status-conditional">(.*?)</details>', html, re.S)
    assert len(details) == 1
    history = re.findall(r"<li>.*?</li>", details[0], re.S)
    assert len(history) == 2 and "Preconditions: key issues prepared" in _text(details[0])


def test_positions_matrix_has_actor_rows_issue_columns_and_history(client: TestClient) -> None:
    html = client.get("/positions").text
    assert '<th scope="col">talks format</th>' in html and '<th scope="row">RUS</th>' in html
    cell = re.search(r'<details class="stance stance-condition">(.*?)</details>', html, re.S).group(1)
    assert "condition" in _text(cell) and len(re.findall(r"<li>", cell)) == 2


def test_actor_pages(client: TestClient) -> None:
    html = client.get("/actors").text
    assert '<a href="/actors/russia-mfa">Russian Foreign Ministry</a>' in html
    page = client.get("/actors/russia-mfa").text
    assert "<h1>Russian Foreign Ministry</h1>" in page and "ACCUSE" in page
    generic = client.get("/actors/RUS:MIL").text
    assert "ASSAULT" in generic and "Lviv" in generic
    assert client.get("/actors/nobody").status_code == 404


def test_map_plots_the_lviv_strike_offline(client: TestClient) -> None:
    html = client.get("/map").text
    marker = re.search(r'<circle class="marker q-material_conflict" data-place="Lviv" cx="([\d.]+)" cy="([\d.]+)"', html)
    assert marker is not None
    assert 'class="graticule"' in html and 'class="country-name"' in html  # drawn here, no tiles
    assert "tile" not in html.lower() and "https://" not in html
    listed = client.get("/map", params={"place": "Lviv"}).text
    assert 'id="events"' in listed and "Russian drones struck the city of Lviv" in _text(listed)


def test_document_reader_marks_actors_places_triggers_and_a_span(client: TestClient) -> None:
    html = client.get("/documents/demo-talks", params={"span": "0-100"}).text
    mark = re.search(r'<mark id="evidence"[^>]*>(.*?)</mark>', html, re.S).group(1)
    assert _text(mark) == "Moscow said on Tuesday it would only consider a summit once negotiators had prepared the key issues."
    assert re.search(r'class="hl-actor "[^>]*>Moscow<', mark)
    text = re.search(r'<div class="doc-text">(.*?)</div>', html, re.S).group(1)
    assert re.search(r'class="hl-place "[^>]*>Lviv<', text) and re.search(r'class="hl-trigger "[^>]*>accused<', text)
    assert client.get("/documents/demo-talks", params={"span": "x"}, headers={"accept": "text/html"}).status_code == 422
    far = client.get("/documents/demo-talks", params={"span": "5000-9000"}).text  # out of range: no mark
    assert '<mark id="evidence"' not in far


def test_search_page(client: TestClient) -> None:
    html = client.get("/search", params={"q": "embassy banner"}).text
    assert '<a href="/documents/demo-hostile">' in html and "&lt;script&gt;" in html
    assert "No document contains" in client.get("/search", params={"q": "zzzz"}).text


def test_briefing_page_renders_the_brief(client: TestClient) -> None:
    html = client.get("/brief").text
    assert '<article class="brief">' in html and "Key developments" in html
    assert "<q>Russian drones struck the city of Lviv overnight" in html
    assert client.get("/brief", params={"since": "2099-01-01"}).status_code == 200
    assert client.get("/brief", params={"since": "soon"}, headers={"accept": "text/html"}).status_code == 400


def test_pages_are_semantic_and_load_only_our_assets(client: TestClient) -> None:
    for path in ("/", "/timeline", "/events", "/meetings", "/positions", "/actors", "/actors/RUS:MIL", "/map",
                 "/map?place=Lviv", "/search", "/brief", "/docs"):
        html = client.get(path).text
        assert '<html lang="en">' in html and "<main" in html and 'aria-label="Pages"' in html, path
        assert html.count("<h1") == 1, path
        assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
        assert assets and all(a.startswith("/static/") for a in assets), (path, assets)
        for table in re.findall(r"<table.*?</table>", html, re.S):
            assert "<th" in table, path
            assert "<caption" in table or path == "/brief", path  # the brief's HTML is negotiation/brief.py's
    assert client.get("/static/favicon.svg").status_code == 200


def test_a_timeline_bar_lists_exactly_the_events_it_counts(client: TestClient) -> None:
    for params in ({}, {"dyad": "RUS-UKR"}, {"type": "ASSAULT,ACCUSE"}):
        weeks = client.get("/api/timeline", params=params).json()["weeks"]
        html = client.get("/timeline", params=params).text
        for bar in re.finditer(r'<a href="([^"]+)" class="bar-link"><rect class="bar q-(\w+)"[^>]*><title>([^<]+)</title>', html):
            href, quad, title = unescape(bar.group(1)), bar.group(2), bar.group(3)
            week = next(w for w in weeks if title.startswith(w["week"]))
            rows = re.findall(r'<tr class="quad-(\w+)">', client.get(href).text)
            assert rows == [quad] * week["quads"][quad], (params, href)


def test_search_marks_the_matched_words_escaped_and_pages(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    html = client.get("/search", params={"q": "drones Lviv"}).text
    snippets = re.findall(r'<p class="snippet">(.*?)</p>', html, re.S)
    assert snippets and all("<mark>" in s for s in snippets)
    assert {m.lower() for m in re.findall(r"<mark>([^<]*)</mark>", html)} >= {"drones", "lviv"}
    hostile = client.get("/search", params={"q": "script"}).text  # a document quoting <script>
    assert "&lt;<mark>script</mark>&gt;" in hostile and "<script>" not in hostile.split("</head>", 1)[1]
    from peacetalks.web import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 1)
    first = client.get("/search", params={"q": "the"}).text
    older = re.search(r'<a href="([^"]+)" rel="next">', first)
    assert older is not None and "offset=1" in unescape(older.group(1))
    second = client.get(unescape(older.group(1))).text
    assert '<ol class="hits" start="2"' in second and 'rel="prev"' in second


def test_snippet_parts_prefer_the_store_s_fragments() -> None:
    from peacetalks.web.pages import snippet_parts

    given = {"snippet": "a b c", "fragments": [{"text": "a ", "hit": False}, {"text": "b", "hit": True}]}
    assert snippet_parts(given, ["c"]) == given["fragments"]
    plain = {"snippet": "Talks in Kyiv; KYIV said"}
    assert snippet_parts(plain, ["kyiv"]) == [{"text": "Talks in ", "hit": False}, {"text": "Kyiv", "hit": True},
                                              {"text": "; ", "hit": False}, {"text": "KYIV", "hit": True},
                                              {"text": " said", "hit": False}]
    assert snippet_parts({"snippet": ""}, ["x"]) == []


def test_charts_mark_the_weeks_they_skip() -> None:
    from peacetalks.web import charts

    weeks = [{"week": w, "quads": {"verbal_conflict": 1}, "stall_index": 0.5}
             for w in ("2024-W52", "2025-W01", "2025-W04")]  # W01 follows W52; W02-W03 are skipped
    timeline = charts.timeline_chart(weeks, lambda w, q=None: "#")
    assert [g.label for g in timeline.gaps] == ["2 weeks without records"]
    assert timeline.bars[1].x < timeline.gaps[0].pos < timeline.bars[2].x
    assert [g.label for g in charts.stall_chart(weeks, lambda w: "#").gaps] == ["2 weeks without records"]


# ------------------------------------------------------------------ bounded board and matrix

def _talks_doc(i: int) -> tuple[dict[str, Any], list[Span], DocumentResult]:
    """Leaders of Russia and Ukraine meet on a new date each time; Russia restates its ceasefire stance."""
    return weekly_talks(i)


N_TALKS = PAGE_SIZE + 5


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with talks_client(tmp_path_factory.mktemp("busy"), N_TALKS, _talks_doc) as c:
        yield c


def _cards(html: str) -> list[str]:
    return re.findall(r'<details class="meeting status-held">(.*?)</details>', html, re.S)


def test_meetings_board_shows_the_most_recent_per_cell_and_links_to_all(busy: TestClient) -> None:
    html = busy.get("/meetings").text
    cards = _cards(html)
    days = [(dt.date(2025, 1, 6) + dt.timedelta(days=7 * i)).isoformat() for i in range(N_TALKS)]
    assert len(cards) == CELL_SHOWN and f"{N_TALKS} meetings" in _text(html)
    assert [re.search(r'class="date">([\d-]+)<', c).group(1) for c in cards] == days[::-1][:CELL_SHOWN]
    [more] = [a for a in _links(html, "/meetings?") if "status=held" in a]
    assert f"show all {N_TALKS}" in _text(html) and "level=leaders" in more
    seen: list[str] = []
    while more:  # every meeting of the cell, a page at a time, each entry linked to its sentence
        page = busy.get(more).text
        cards = _cards(page)
        assert 0 < len(cards) <= PAGE_SIZE
        for c in cards:
            [doc] = _links(c, "/documents/")
            assert "span=0-" in doc
            seen.append(doc.split("?")[0])
        older = [a for a in re.findall(r'href="([^"]+)" rel="next"', page)]
        more = unescape(older[0]) if older else ""
    assert sorted(seen) == sorted(f"/documents/talks-{i:03d}" for i in range(N_TALKS))


def test_positions_grid_shows_latest_reports_and_links_to_the_whole_thread(busy: TestClient) -> None:
    html = busy.get("/positions").text
    cell = re.search(r'<details class="stance stance-(?:demand|reject)">(.*?)</details>', html, re.S).group(1)
    assert len(re.findall(r"<li>", cell)) == HISTORY_SHOWN and f"all {N_TALKS} reports" in _text(cell)
    [thread] = _links(cell, "/positions?")
    seen: list[str] = []
    while thread:
        page = busy.get(thread).text
        assert "Position: RUS on ceasefire" in _text(page)
        seen += [d.split("?")[0] for d in _links(page, "/documents/") if "span=" in d]
        older = re.findall(r'href="([^"]+)" rel="next"', page)
        thread = unescape(older[0]) if older else ""
    assert seen == [f"/documents/talks-{i:03d}" for i in reversed(range(N_TALKS))]  # newest first, all of them
    assert busy.get("/positions", params={"actor": "RUS", "issue": "territory"}).status_code == 404

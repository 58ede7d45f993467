"""An offline map of located events: an equirectangular SVG (no tiles, no outlines from a
server) with a graticule, the reference point and name of every country from the places
gazetteer (peacetalks.places), and one circle per place where events happened.

The view fits the located events (padded, at least MIN_SPAN degrees wide) so a strike in Lviv
is readable; with no events it shows the whole world."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

WIDTH, MAX_HEIGHT = 760, 520
MIN_LON_SPAN, MIN_LAT_SPAN, PAD = 24.0, 14.0, 4.0
CORE_LON, CORE_LAT = 25.0, 15.0
LABEL_H, CHAR_W = 14.0, 7.0  # rough label box for the overlap check
QUAD_ORDER = ("material_conflict", "verbal_conflict", "verbal_cooperation", "material_cooperation")


@dataclass
class Extent:
    west: float
    east: float
    south: float
    north: float


@dataclass
class Marker:
    x: float
    y: float
    r: float
    name: str
    label: bool
    country: str
    events: int
    quad: str
    href: str


@dataclass
class Label:
    x: float
    y: float
    text: str


@dataclass
class MapView:
    width: int
    height: int
    extent: Extent
    lines: list[tuple[float, float, float, float, str]] = field(default_factory=list)
    countries: list[Label] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)


@lru_cache(maxsize=1)
def country_points() -> tuple[tuple[str, float, float], ...]:
    """(name, lat, lon) of every country the gazetteer knows."""
    from peacetalks.places.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    out = []
    for idx in gaz.countries.values():
        entry = gaz.entries[idx]
        if entry.lat is not None and entry.lon is not None:
            out.append((entry.name, float(entry.lat), float(entry.lon)))
    return tuple(sorted(out))


def _median(values: list[float], weights: list[int]) -> float:
    pairs = sorted(zip(values, weights))
    half, run = sum(weights) / 2, 0
    for value, weight in pairs:
        run += weight
        if run >= half:
            return value
    return pairs[-1][0]


def core(places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The places within CORE_LON/CORE_LAT degrees of the (event-weighted) median place: a
    far-away outlier (a statement in Washington) must not shrink the theatre to a dot."""
    if not places:
        return []
    weights = [p["events"] for p in places]
    lat0, lon0 = _median([p["lat"] for p in places], weights), _median([p["lon"] for p in places], weights)
    return [p for p in places if abs(p["lat"] - lat0) <= CORE_LAT and abs(p["lon"] - lon0) <= CORE_LON]


def fit(places: list[dict[str, Any]]) -> Extent:
    if not places:
        return Extent(-180.0, 180.0, -60.0, 80.0)
    lons = [p["lon"] for p in places]
    lats = [p["lat"] for p in places]
    west, east = min(lons) - PAD, max(lons) + PAD
    south, north = min(lats) - PAD, max(lats) + PAD
    if east - west < MIN_LON_SPAN:
        mid = (east + west) / 2
        west, east = mid - MIN_LON_SPAN / 2, mid + MIN_LON_SPAN / 2
    if north - south < MIN_LAT_SPAN:
        mid = (north + south) / 2
        south, north = mid - MIN_LAT_SPAN / 2, mid + MIN_LAT_SPAN / 2
    return Extent(max(west, -180.0), min(east, 180.0), max(south, -85.0), min(north, 85.0))


def _step(span: float) -> int:
    return 5 if span <= 40 else 10 if span <= 100 else 30


def build(places: list[dict[str, Any]], href_of: Callable[[dict[str, Any]], str], world: bool = False) -> MapView:
    """The map of ``places``: the theatre of most events, or (``world``) all of them."""
    ext = fit(places if world else core(places))
    lon_span, lat_span = ext.east - ext.west, ext.north - ext.south
    # equirectangular with the scale of the middle latitude, so shapes are not stretched
    squash = math.cos(math.radians((ext.north + ext.south) / 2))
    height = min(MAX_HEIGHT, max(200, int(WIDTH * lat_span / (lon_span * squash))))
    view = MapView(WIDTH, height, ext)

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (WIDTH * (lon - ext.west) / lon_span, height * (ext.north - lat) / lat_span)

    step = _step(lon_span)
    for lon in range(math.ceil(ext.west / step) * step, int(ext.east) + 1, step):
        x, _ = xy(0, lon)
        view.lines.append((x, 0.0, x, float(height), f"{abs(lon)}°{'E' if lon >= 0 else 'W'}"))
    for lat in range(math.ceil(ext.south / step) * step, int(ext.north) + 1, step):
        _, y = xy(lat, 0)
        view.lines.append((0.0, y, float(WIDTH), y, f"{abs(lat)}°{'N' if lat >= 0 else 'S'}"))
    labelled = lon_span <= 60
    for name, lat, lon in country_points():
        if ext.south <= lat <= ext.north and ext.west <= lon <= ext.east:
            x, y = xy(lat, lon)
            view.countries.append(Label(x, y, name if labelled else ""))
    biggest = max([p["events"] for p in places] + [1])
    for p in places:
        if not (ext.south <= p["lat"] <= ext.north and ext.west <= p["lon"] <= ext.east):
            continue
        x, y = xy(p["lat"], p["lon"])
        quad = max(QUAD_ORDER, key=lambda q: (p["quads"].get(q, 0), -QUAD_ORDER.index(q)))
        view.markers.append(Marker(x, y, 5 + 11 * math.sqrt(p["events"] / biggest), p["name"] or "?", False,
                                   p["country"] or "", p["events"], quad, href_of(p)))
    view.markers.sort(key=lambda m: -m.r)  # small circles drawn last stay clickable
    _place_labels(view.markers)
    return view


def _place_labels(markers: list[Marker]) -> None:
    """Label the busiest places first, skipping a label that would overlap one already placed."""
    boxes: list[tuple[float, float, float, float]] = []
    for m in sorted(markers, key=lambda m: (-m.events, m.name)):
        box = (m.x + m.r + 2, m.y - LABEL_H / 2, m.x + m.r + 4 + CHAR_W * len(m.name), m.y + LABEL_H / 2)
        if all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in boxes):
            boxes.append(box)
            m.label = True

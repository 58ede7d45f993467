"""An offline map of located events: an equirectangular SVG (no tiles, nothing from a server) with
land, lakes and country borders read from installed packages (web/outlines.py; without them the map
still draws), a graticule, the name of every country from the places gazetteer (peacetalks.places),
and one circle per place where events happened. Countries with located events are tinted.

The view fits the located events (padded, at least MIN_SPAN degrees wide) so a strike in Lviv
is readable; with no events it shows the whole world. Outlines are clipped to the view (plus a margin
so the cut edges stay outside it) and simplified to about a pixel, so the SVG stays small."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Sequence

from peacetalks.web import outlines as ol

WIDTH, MAX_HEIGHT = 760, 520
MIN_LON_SPAN, MIN_LAT_SPAN, PAD = 24.0, 14.0, 4.0
CORE_LON, CORE_LAT = 25.0, 15.0
LABEL_H, CHAR_W, COUNTRY_CHAR_W = 14.0, 7.0, 5.6  # rough label boxes for the overlap check
PIXEL_TOLERANCE = 0.8  # outline simplification, in pixels of the drawn map
AREA_TOLERANCE = 2.0  # pixels: country areas are hover targets and a faint tint, coarser is fine
SPECK, LAKE_SPECK = 3.0, 8.0  # pixels: islands, lakes smaller than this are left out (lakes matter less)
CLIP_MARGIN_PX = 8.0  # clip boxes reach this far beyond the view: their cut edges are never seen
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
    left: bool = False  # label on the left of the circle (near the map's right edge)


@dataclass
class Label:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Area:
    """A country's outline in the view: named (its <title>), tinted when events happened there."""
    iso3: str
    name: str
    d: str
    active: bool


@dataclass(frozen=True)
class Layers:
    land: str = ""  # SVG path data, one path per layer: fewer elements, smaller page
    lakes: str = ""
    islands: str = ""
    borders: str = ""
    areas: tuple[Area, ...] = ()


@dataclass
class MapView:
    width: int
    height: int
    extent: Extent
    lines: list[tuple[float, float, float, float, str]] = field(default_factory=list)
    countries: list[Label] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    layers: Layers = field(default_factory=Layers)


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
    active = frozenset(p["country"] for p in places if p.get("country") and
                       ext.south <= p["lat"] <= ext.north and ext.west <= p["lon"] <= ext.east)
    view.layers = layers((ext.west, ext.south, ext.east, ext.north), WIDTH, height, active)
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
    _spread(view.markers)
    view.markers.sort(key=lambda m: -m.r)  # small circles drawn last stay clickable
    _place_labels(view.markers, view.countries, WIDTH)
    return view


def _spread(markers: list[Marker]) -> None:
    """Places at the same spot (a city and its Kremlin, a district geocoded to its city) would hide
    one another: arrange them on a small ring around the spot, busiest first, so each is visible
    and clickable. Their titles still name them; the table lists the exact coordinates."""
    spots: dict[tuple[int, int], list[Marker]] = {}
    for m in markers:
        spots.setdefault((round(m.x / 3), round(m.y / 3)), []).append(m)
    for group in spots.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda m: (-m.events, m.name))
        cx, cy = group[0].x, group[0].y
        ring = max(m.r for m in group) + 2
        for k, m in enumerate(group):
            angle = 2 * math.pi * k / len(group) - math.pi / 2
            m.x, m.y = cx + ring * math.cos(angle), cy + ring * math.sin(angle)


def _place_labels(markers: list[Marker], countries: list[Label], width: float) -> None:
    """Label the busiest places first (right of the circle, or left where the map ends), skipping a
    label that would overlap one already placed; then the country names, which also keep off the
    circles (dense theatres put circles everywhere: the place names must win there)."""
    boxes: list[tuple[float, float, float, float]] = []

    def free(box: tuple[float, float, float, float]) -> bool:
        return all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in boxes)

    for m in sorted(markers, key=lambda m: (-m.events, m.name)):
        wide = CHAR_W * len(m.name)
        box = (m.x + m.r + 2, m.y - LABEL_H / 2, m.x + m.r + 4 + wide, m.y + LABEL_H / 2)
        if box[2] > width:
            box, m.left = (m.x - m.r - 4 - wide, box[1], m.x - m.r - 2, box[3]), True
        if box[0] >= 0 and free(box):
            boxes.append(box)
            m.label = True
    boxes += [(m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r) for m in markers]
    for c in countries:  # small grey names: the places matter more
        box = (c.x + 3, c.y - 13, c.x + 5 + COUNTRY_CHAR_W * len(c.text), c.y - 1)
        if c.text and box[2] <= width and free(box):
            boxes.append(box)
        else:
            c.text = ""


# ------------------------------------------------------------------ outlines

Box = tuple[float, float, float, float]  # west, south, east, north


@lru_cache(maxsize=64)  # one entry per view: the theatre, the world, a few filters
def layers(view: Box, width: int, height: int, active: frozenset[str]) -> Layers:
    """The outline layers of a view as SVG path data, in the map's pixel coordinates."""
    data = ol.outlines()
    if not data:
        return Layers()
    west, south, east, north = view
    kx, ky = width / (east - west), height / (north - south)
    tol = max(ol.BASE_TOLERANCE, PIXEL_TOLERANCE / kx)
    speck = SPECK / kx
    mx, my = CLIP_MARGIN_PX / kx, CLIP_MARGIN_PX / ky
    box = (west - mx, south - my, east + mx, north + my)

    def path(line: Sequence[ol.Point], closed: bool, tolerance: float = tol) -> str:
        pts = ol.simplify(line, tolerance)
        if len(pts) < (4 if closed else 2):
            return ""
        xy = " ".join(f"{(lon - west) * kx:.1f},{(north - lat) * ky:.1f}" for lon, lat in pts)
        return "M" + xy + ("Z" if closed else "")

    def rings(items: Sequence[ol.Line], tolerance: float = tol, smallest: float = speck) -> str:
        return "".join(path(ol.clip_ring(r, box), True, tolerance) for r in items if _meets(r, box, smallest))

    borders = "".join(path(run, False) for line in data.borders if _meets(line, box, 0)
                      for run in ol.clip_line(line, box))
    coarse = max(tol, AREA_TOLERANCE / kx)
    areas = tuple(Area(c.iso3, c.name, d, c.iso3 in active) for c in data.countries
                  if _overlaps(c.bbox, box) and (d := rings(c.rings, coarse)))
    lakes = rings(data.lakes, smallest=LAKE_SPECK / kx)
    return Layers(rings(data.land), lakes, rings(data.islands), borders, areas)


def _meets(line: Sequence[ol.Point], box: Box, tol: float) -> bool:
    """Whether a line reaches into the box and is more than a speck there."""
    b = ol.bbox(line)
    return _overlaps(b, box) and (b[2] - b[0] > tol or b[3] - b[1] > tol)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and a[2] >= b[0] and a[1] <= b[3] and a[3] >= b[1]

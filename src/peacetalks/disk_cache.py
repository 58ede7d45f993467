"""Tables derived once from installed packages and kept in the user's cache directory
(``$XDG_CACHE_HOME/peacetalks`` or ``~/.cache/peacetalks``): the gazetteer, the actors'
city table, the map outlines. Each is keyed by what it is derived from, so a new package
version or a change of our derivation builds it again; older versions are removed.

A missing, broken or unwritable cache is never an error: the table is built in memory and
the next process tries again."""

from __future__ import annotations

import json
import logging
import os
import pickle
from pathlib import Path
from typing import IO, Any, Callable, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "peacetalks"


# How a table is stored: pickle for our own classes, JSON for plain dicts (readable by anyone).
_FORMATS = {
    "pickle": ("pickle", "rb", "wb", pickle.load,
               lambda value, fh: pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)),
    "json": ("json", "r", "w", json.load, lambda value, fh: json.dump(value, fh, ensure_ascii=False)),
}
def _open(path: Path, mode: str) -> IO[Any]:
    return open(path, mode) if "b" in mode else open(path, mode, encoding="utf-8")


_BROKEN = (OSError, ValueError, pickle.UnpicklingError, EOFError, AttributeError, ImportError)


def load_or_build(name: str, key: str, kind: type, build: Callable[[], T], fmt: str = "pickle") -> T:
    """The ``kind`` object cached as ``<name>-<key>.<fmt>``, else ``build()`` (then cached)."""
    suffix, read_mode, write_mode, load, dump = _FORMATS[fmt]
    path = cache_dir() / f"{name}-{key}.{suffix}"
    try:
        with _open(path, read_mode) as fh:
            cached = load(fh)
        if isinstance(cached, kind):
            return cached  # type: ignore[return-value]
    except _BROKEN:
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")  # written whole, then renamed
        with _open(tmp, write_mode) as fh:
            dump(value, fh)
        os.replace(tmp, path)
        for stale in path.parent.glob(f"{name}-*.{suffix}"):  # older data or package versions
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("%s not cached: %s", name, exc)
    return value

"""Configuration: a TOML file, environment variables and command-line options, in that
order of increasing precedence.

The file is ``$PEACETALKS_CONFIG`` or ``./peacetalks.toml`` when present::

    [store]
    url = "peacetalks.db"            # or postgresql://user@host/db

    [actors]
    files = ["my-actors.yaml"]       # extra actors merged into the knowledge base

    [ingest]
    allow_private = false            # fetch from private/loopback addresses
    respect_robots = true
    timeout = 20
    max_bytes = 20000000

    [api]
    write_token = "change-me"        # needed for POST /api/ingest
    read_token = ""                  # when set, every read endpoint needs it too
    cors_origins = []                # CORS is off unless origins are listed here

    [[process]]                      # negotiation processes (a built-in default exists)
    name = "russia-ukraine"
    parties = ["RUS", "UKR"]
    mediators = ["USA", "TUR"]
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

DEFAULT_DB = "peacetalks.db"


@dataclass
class Config:
    path: Optional[Path] = None
    data: dict[str, Any] = field(default_factory=dict)

    def section(self, name: str) -> dict[str, Any]:
        value = self.data.get(name, {})
        return value if isinstance(value, dict) else {}

    @property
    def db_url(self) -> str:
        return os.environ.get("PEACETALKS_DB") or self.section("store").get("url") or DEFAULT_DB

    @property
    def actor_files(self) -> list[Path]:
        files = [Path(p) for p in self.section("actors").get("files", [])]
        base = self.path.parent if self.path else Path.cwd()
        return [p if p.is_absolute() else base / p for p in files]

    @property
    def processes(self) -> list[dict[str, Any]]:
        value = self.data.get("process", [])
        return value if isinstance(value, list) else []


def load_config(path: Optional[str | Path] = None) -> Config:
    """Read the configuration file (none is fine: defaults apply)."""
    candidate = Path(path) if path else Path(os.environ.get("PEACETALKS_CONFIG", "peacetalks.toml"))
    if not candidate.exists():
        if path or os.environ.get("PEACETALKS_CONFIG"):
            raise FileNotFoundError(f"{candidate}: configuration file not found")
        return Config()
    try:
        data = tomllib.loads(candidate.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{candidate}: not valid TOML: {exc}") from None
    return Config(path=candidate, data=data)

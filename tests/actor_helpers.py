"""Helpers shared by the actor knowledge-base tests (rounds 6 and 7)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any, Optional

from peacetalks.actors.kb import DATA
from peacetalks.actors.resolver import resolve
from peacetalks.yaml_tables import read_yaml


def who(text: str, date: Optional[str]) -> tuple[Any, Any, Any]:
    """(actor id, country, sector) of ``resolve(text, date)``."""
    res = resolve(text, date)
    return res.actor_id, res.country, res.sector


def norm(name: object) -> str:
    """A name folded for comparing spellings: accents, case, hyphens and punctuation dropped."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9 ]", "", text.lower().replace("-", " ")).strip()


def entry_files() -> list[Path]:
    return sorted(DATA.glob("organisations*.yaml")) + sorted((DATA / "people").glob("*.yaml"))


def name_clashes(path: Path) -> list[tuple[str, str, str]]:
    """(name, other entry's id, this file's entry id) for every name or alias of an entry of ``path``
    that an entry of another file already writes the same way (namesakes inside one file, told apart
    by their ids and dates on purpose, are the file's own business)."""
    owner: dict[str, str] = {}
    for other in entry_files():
        if Path(other) == Path(path):
            continue
        for raw in read_yaml(Path(other)) or []:
            for name in [raw["name"], *(raw.get("aliases") or [])]:
                owner.setdefault(norm(name), raw["id"])
    return [(name, owner[norm(name)], raw["id"]) for raw in read_yaml(path) or []
            for name in [raw["name"], *(raw.get("aliases") or [])] if owner.get(norm(name), raw["id"]) != raw["id"]]

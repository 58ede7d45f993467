"""JSON Schemas (draft 2020-12) of every record shape in SPEC.md, shipped with the package.

    from peacetalks.schemas import validate
    validate("code_output", line)      # raises jsonschema.ValidationError
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

HERE = Path(__file__).parent
NAMES = tuple(sorted(p.stem for p in HERE.glob("*.json")))


@functools.lru_cache(maxsize=1)
def _registry() -> Registry:
    resources = []
    for path in HERE.glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


def schema(name: str) -> dict[str, Any]:
    """The schema called ``name`` (e.g. "event", "meeting", "code_output")."""
    if name not in NAMES:
        raise KeyError(f"no schema {name!r}; known: {', '.join(NAMES)}")
    return json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name), registry=_registry())


def validate(name: str, instance: Any) -> None:
    """Raise ``jsonschema.ValidationError`` if ``instance`` is not a valid ``name`` record."""
    validator(name).validate(instance)


def errors(name: str, instance: Any) -> list[str]:
    """Every violation as 'path: message' (empty when valid)."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
            for e in validator(name).iter_errors(instance)]

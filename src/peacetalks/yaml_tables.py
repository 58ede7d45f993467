"""Reading the YAML data tables shipped in the package (lexicons, knowledge base, gazetteer
additions) and users' own YAML files.

PyYAML's pure-Python loader spends about a second per process on our tables; its C loader
(libyaml, bundled in PyYAML's wheels) reads the same YAML ten times faster, which matters
for every worker process of ``code --workers N`` and for short CLI runs. The result is the
same: both are safe loaders of the same YAML 1.1 schema."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any, Union

import yaml

try:  # pragma: no branch - depends on how PyYAML was built
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader


def load_yaml(source: Union[str, bytes, IO[str], IO[bytes]]) -> Any:
    """Parse YAML text or an open file, like ``yaml.safe_load``."""
    return yaml.load(source, Loader=_Loader)  # noqa: S506 - a safe loader


def read_yaml(path: Union[str, Path]) -> Any:
    """Read and parse one YAML file (UTF-8). A syntax error is a ValueError that names the file
    and the line (PyYAML's own message says "<unicode string>")."""
    try:
        return load_yaml(Path(path).read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}, line {mark.line + 1}" if mark is not None else str(path)
        raise ValueError(f"{where}: not valid YAML: {exc.problem or exc}") from None

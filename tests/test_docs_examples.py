"""Every example in docs/ runs: ```python blocks execute in order (one namespace per page),
and ```console lines starting with `$ peacetalks` run as commands and must succeed.

A block preceded by the line `<!-- no-run -->` is shown but not run (e.g. `peacetalks serve`).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
BLOCK = re.compile(r"(<!-- no-run -->\s*\n)?```(python|console)\n(.*?)```", re.S)
PAGES = sorted(p for p in DOCS.glob("*.md") if BLOCK.search(p.read_text(encoding="utf-8")))

pytestmark = pytest.mark.slow


def blocks(page: Path) -> list[tuple[str, str]]:
    return [(kind, body) for skip, kind, body in BLOCK.findall(page.read_text(encoding="utf-8")) if not skip]


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PEACETALKS_DB", str(tmp_path / "peacetalks.db"))
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for kind, body in blocks(page):
        if kind == "python":
            exec(compile(body, f"{page.name}", "exec"), namespace)  # noqa: S102 - our own docs
            continue
        for line in body.splitlines():
            if not line.startswith("$ peacetalks "):
                continue
            args = shlex.split(line[2:])[1:]
            proc = subprocess.run([sys.executable, "-m", "peacetalks", *args], capture_output=True, text=True,
                                  timeout=900, env=os.environ.copy(), shell=False)
            assert proc.returncode == 0, f"{page.name}: `{line[2:]}` exited {proc.returncode}\n{proc.stderr[-2000:]}"

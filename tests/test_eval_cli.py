"""``peacetalks eval`` through the CLI (needs ../shared's gold sets; skipped in a user's clone)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from peacetalks import cli_commands  # noqa: F401  (registers eval on the app, as main() does)
from peacetalks.cli import app


def test_eval_actors_reports_strings_and_running_text_on_the_dev_half(shared: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "actors", "--half", "dev", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout.strip().splitlines()[-1])
    strings, text = report["actors"]["dev"], report["actors_running_text"]["dev"]
    assert strings["country"]["n"] > 100 and 0.0 < strings["sector"]["accuracy"] <= 1.0
    assert text["spans"] > 100
    for field in ("country", "sector"):
        assert 0 < text[field]["agreed"] <= text[field]["n"] <= text["spans"]


def test_eval_rejects_an_unknown_evaluation() -> None:
    result = CliRunner().invoke(app, ["eval", "actorz"])
    assert result.exit_code != 0
    assert "choose one of" in result.output

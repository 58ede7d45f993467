"""``peacetalks actors`` through Typer's test runner; and the gold evaluation when ../shared exists."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from peacetalks.actors import configure
from peacetalks.actors.cli import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def _default_kb():
    configure([])
    yield
    configure([])


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_resolve_spec_example() -> None:
    lines = "\n".join(json.dumps({"id": d, "text": "Trump", "date": d}) for d in ("2019-04-01", "2022-04-01", "2025-06-01"))
    res = runner.invoke(app, ["resolve", "-"], input=lines + "\n")
    assert res.exit_code == 0, res.output
    out = _lines(res.output)
    assert [o["sector"] for o in out] == ["GOV", "ELI", "GOV"]
    for o in out:
        assert {"id", "actor_id", "name", "country", "sector", "confidence"} <= set(o)
        assert o["country"] == "USA" and o["actor_id"] == "donald-trump"


def test_resolve_reads_a_file_and_uses_context(tmp_path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "1", "text": "Pakistani Army"}) + "\n"
                 + json.dumps({"id": "2", "text": "Zorblax Front", "context": "Fighting in Somalia"}) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["resolve", str(f)])
    assert res.exit_code == 0
    out = _lines(res.output)
    assert (out[0]["country"], out[0]["sector"]) == ("PAK", "MIL")
    assert out[1]["country"] == "SOM"


def test_bad_lines_give_errors_and_exit_1() -> None:
    inp = "not json\n" + json.dumps({"id": "x"}) + "\n" + json.dumps({"id": "ok", "text": "NATO"}) + "\n"
    res = runner.invoke(app, ["resolve", "-"], input=inp)
    assert res.exit_code == 1
    out = _lines(res.output)
    assert "error" in out[0] and out[1] == {"id": "x", "error": "missing 'text' (a string)"}
    assert out[2]["actor_id"] == "nato"


def test_show_and_date() -> None:
    res = runner.invoke(app, ["show", "Lavrov", "--date", "2020-01-01"])
    assert res.exit_code == 0
    entry = json.loads(res.output)
    assert entry["id"] == "sergey-lavrov" and entry["on_date"]["role"] == "foreign minister"
    assert runner.invoke(app, ["show", "Nobody Whatsoever"]).exit_code == 1


def test_actors_option_merges_a_file(tmp_path) -> None:
    f = tmp_path / "extra.yaml"
    f.write_text("- id: petro-testenko\n  name: Petro Testenko\n  country: UKR\n  roles: [[negotiator, 2025-01-01, null]]\n",
                 encoding="utf-8")
    res = runner.invoke(app, ["--actors", str(f), "resolve", "-"],
                        input=json.dumps({"id": "1", "text": "Petro Testenko", "date": "2025-06-01"}) + "\n")
    assert res.exit_code == 0
    assert _lines(res.output)[0]["actor_id"] == "petro-testenko"


@pytest.mark.shared
def test_evaluate_reports_both_fields(shared) -> None:
    from peacetalks.actors.evaluate import evaluate, format_report

    result = evaluate("dev")
    assert result["n"] > 100
    assert result["country"]["accuracy"] > 0.75 and result["sector"]["accuracy"] > 0.75
    assert "country accuracy" in format_report(result)

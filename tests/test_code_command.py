"""`peacetalks code` through its public interface: JSON Lines in, SPEC-valid JSON Lines out."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from peacetalks.schemas import errors


def run_code(stdin: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "peacetalks", "code", *args], input=stdin,
                          capture_output=True, text=True, timeout=300)


def test_seed_article_gives_spec_valid_records(seed_text, seed_published):
    line = json.dumps({"id": "seed", "text": seed_text, "published": seed_published})
    proc = run_code(line + "\n")
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert len(out) == 1
    assert errors("code_output", out[0]) == []
    record = out[0]
    assert record["id"] == "seed"
    for event in record["events"]:
        ev, tr = event["evidence"], event["trigger"]
        assert seed_text[ev["start"]:ev["end"]] == ev["text"]
        assert ev["start"] <= tr["start"] < tr["end"] <= ev["end"]
    for mention in record["actors"] + record["places"]:
        assert seed_text[mention["start"]:mention["end"]] == mention["text"]


def test_bad_lines_are_reported_and_the_run_goes_on():
    good = json.dumps({"id": "a", "text": "Russian drones struck Kharkiv on Tuesday.", "published": "2025-05-06"})
    proc = run_code("\n".join([good, '{"id": "b", "text": ', json.dumps({"id": "c", "title": "no text"}), good]) + "\n")
    assert proc.returncode == 1
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "c", "a"]
    assert "error" in out[1] and ":2:" in out[1]["error"]
    assert "text" in out[2]["error"]
    for o in out:
        assert errors("code_output", o) == []
    assert "line 3" in proc.stderr


def test_plain_text_on_stdin_is_one_document():
    proc = run_code("Sergey Lavrov met Marco Rubio in Riyadh.\nThey discussed talks.\n")
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert len(out) == 1 and errors("code_output", out[0]) == []


@pytest.mark.slow
def test_workers_give_the_same_output_in_the_same_order():
    lines = [json.dumps({"id": f"d{i}", "text": f"Talks number {i} were held in Geneva on Monday. Ukraine rejected the proposal.",
                         "published": "2025-05-05"}) for i in range(12)]
    one = run_code("\n".join(lines) + "\n")
    two = run_code("\n".join(lines) + "\n", "--workers", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout

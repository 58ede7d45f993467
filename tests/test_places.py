"""The places stage: detection, geocoding, metonymy, offsets, the CLI and the GWN evaluation."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peacetalks.pipeline import InputDocument, analyse
from peacetalks.places import lookup, resolve_document
from peacetalks.places import gazetteer
from peacetalks.places.cli import app
from peacetalks.records import PlaceMention


def places(text: str) -> list[PlaceMention]:
    return resolve_document({"id": "t", "text": text})


def by_text(found: list[PlaceMention], text: str) -> list[PlaceMention]:
    return [p for p in found if p.text == text]


def assert_well_formed(text: str, found: list[PlaceMention]) -> None:
    for p in found:
        assert text[p.start:p.end] == p.text
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start, "sorted and non-overlapping"


@pytest.mark.shared
def test_seed_places_in_ukraine_with_admin1(seed_text: str) -> None:
    found = places(seed_text)
    assert_well_formed(seed_text, found)
    lviv, = by_text(found, "Lviv")
    zak, = by_text(found, "Zakarpattia")
    for p in (lviv, zak):
        assert p.country == "UKR" and p.admin1 and p.lat is not None
    assert lviv.admin1 == "Lviv Oblast" and lviv.feature == "city"
    assert zak.feature == "admin1" and zak.admin1 == "Zakarpattia Oblast"
    assert 48 < zak.lat < 49 and 22 < zak.lon < 25
    assert all(p.country == "RUS" for p in by_text(found, "Moscow"))
    assert not by_text(found, "Ukrainian") and not by_text(found, "Russian"), "adjectives are not places"


@pytest.mark.parametrize("name", ["Kyiv", "Kiev"])
def test_kyiv_under_both_spellings(name: str) -> None:
    text = f"Air raid sirens sounded in {name} on Tuesday night."
    p, = by_text(places(text), name)
    assert (p.name, p.country, p.feature) == ("Kyiv", "UKR", "city")
    assert p.admin1 and abs(p.lat - 50.45) < 0.2 and abs(p.lon - 30.52) < 0.2


def test_paris_texas_versus_paris() -> None:
    texas, = by_text(places("The rally took place in Paris, Texas, on Saturday."), "Paris")
    assert texas.country == "USA" and texas.admin1 == "Texas"
    france, = by_text(places("The rally took place in Paris on Saturday."), "Paris")
    assert france.country == "FRA"
    ukr, = by_text(places("Shelling was reported near Lviv, Ukraine."), "Lviv")
    assert ukr.country == "UKR"


@pytest.mark.parametrize("text", [
    "Kharkiv came under fire again overnight.",
    "Kharkiv said the power plant was hit.",
    "Officials in Kharkiv and Odesa reported damage.",
    "Mayor Ihor Terekhov of Kharkiv spoke to reporters.",
])
def test_kharkiv_is_always_a_place(text: str) -> None:
    p, = by_text(places(text), "Kharkiv")
    assert p.country == "UKR" and p.feature == "city"


def test_metonymy_of_capitals_and_countries() -> None:
    found = places("Moscow said it would not allow foreign peacekeepers, and Kyiv rejected the plan. "
                   "The talks were held in Istanbul.")
    assert by_text(found, "Moscow")[0].metonym
    assert by_text(found, "Kyiv")[0].metonym
    assert not by_text(found, "Istanbul")[0].metonym
    assert not by_text(places("He flew from Moscow to Minsk."), "Moscow")[0].metonym


def test_common_words_and_adjectives_are_not_places() -> None:
    text = "Reading the report, she found it nice. Russian troops and Ukrainian officials met."
    found = places(text)
    assert not found, found


def test_offsets_exact_with_unicode_and_possessives() -> None:
    text = "Zürich\u2019s mayor met envoys from Kyiv\u2019s government — then flew to São Paulo and Lviv."
    found = places(text)
    assert_well_formed(text, found)
    assert {"Kyiv", "Lviv"} <= {p.text for p in found}


def test_lookup() -> None:
    kiev = lookup("Kiev")
    assert kiev is not None and kiev.name == "Kyiv" and kiev.country == "UKR"
    assert lookup("Paris", country="USA").admin1 == "Texas"
    zak = lookup("Transcarpathia")
    assert zak.feature == "admin1" and zak.country == "UKR"
    assert lookup("Nowhereville Xyz") is None


def test_annotate_fills_analysis() -> None:
    text = "Russian strikes hit Lviv and Zakarpattia."
    analysis = analyse(InputDocument(id="x", text=text), stages=("places",))
    assert [p.text for p in analysis.places] == ["Lviv", "Zakarpattia"]


def test_cli_resolve() -> None:
    lines = [json.dumps({"id": "a", "text": "Moscow said it rejects the plan."}), "not json", json.dumps({"id": "c"})]
    result = CliRunner().invoke(app, ["resolve", "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0]["id"] == "a" and out[0]["places"][0]["country"] == "RUS" and out[0]["places"][0]["metonym"]
    assert "error" in out[1] and out[2] == {"id": "c", "error": "missing 'text' (a string)"}
    ok = CliRunner().invoke(app, ["resolve", "-"], input=lines[0] + "\n")
    assert ok.exit_code == 0


def test_gazetteer_works_with_a_read_only_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv("XDG_CACHE_HOME", str(ro))
    gazetteer.get_gazetteer.cache_clear()
    try:
        gaz = gazetteer.get_gazetteer()
        assert gaz.candidates("Lviv")[0].country == "UKR"
        if os.geteuid() != 0:  # root can write anyway
            assert not any(ro.iterdir())
    finally:
        ro.chmod(stat.S_IRWXU)
        gazetteer.get_gazetteer.cache_clear()


@pytest.mark.shared
def test_gwn_evaluation_runs(shared: Path) -> None:
    from peacetalks.places.evaluate import evaluate, format_report

    result = evaluate("dev", limit=4)
    assert result["documents"] == 4 and result["gold_toponyms"] > 0
    assert 0.0 <= result["within_161km"] <= result["recall"] <= 1.0
    plain = result["toponyms_only"]
    assert plain["documents"] == 4 and plain["recall"] <= result["recall"], "demonyms only add"
    report = format_report(result)
    assert "places resolve default" in report and "toponyms only" in report and "nouns only" in report


def test_acronyms_compounds_and_function_words() -> None:
    text = "The UN met under Lend-Lease rules. Than ever, the EU backed a US-Russia-Ukraine summit."
    found = places(text)
    assert_well_formed(text, found)
    assert [p.text for p in found] == ["EU", "US", "Russia", "Ukraine"]
    assert [p.country for p in found[1:]] == ["USA", "RUS", "UKR"]


def test_place_the_model_calls_a_person_is_kept_but_a_named_person_is_not() -> None:
    assert by_text(places("The train stops in Hilversum and Almelo."), "Almelo")
    assert not by_text(places("John Bolton met officials. Bolton said the talks failed."), "Bolton")

"""Actor mentions on the seed article (needs ../shared): exact offsets and the expected actors."""

from __future__ import annotations

import pytest

from peacetalks.pipeline import InputDocument, analyse
from tests.conftest import SEED_PUBLISHED

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_actors(seed_text: str):
    return analyse(InputDocument(id="seed", text=seed_text, published=SEED_PUBLISHED), stages=("actors",)).actors


def test_offsets_are_exact(seed_text: str, seed_actors) -> None:
    assert seed_actors
    for m in seed_actors:
        assert seed_text[m.start:m.end] == m.text
    assert all(a.end <= b.start for a, b in zip(seed_actors, seed_actors[1:]))


def test_expected_people_and_bodies(seed_actors) -> None:
    by_text = {m.text: m for m in seed_actors}
    lavrov = by_text["Russian Foreign Minister Sergey Lavrov"]
    assert (lavrov.actor_id, lavrov.country, lavrov.sector, lavrov.role) == ("sergey-lavrov", "RUS", "GOV", "foreign minister")
    assert by_text["Ukrainian President Zelensky"].actor_id == "volodymyr-zelensky"
    assert by_text["President Putin"].actor_id == "vladimir-putin"
    assert by_text["Donald Trump"].sector == "GOV"  # in office on 2025-08-10
    medvedev = by_text["Former Russian president Medvedev"]
    assert (medvedev.actor_id, medvedev.country, medvedev.sector) == ("dmitry-medvedev", "RUS", "GOV")
    assert (by_text["Moscow"].country, by_text["Moscow"].sector) == ("RUS", "GOV")
    assert by_text["Kremlin"].country == "RUS"


def test_surnames_point_back_to_people(seed_actors) -> None:
    ids = {m.actor_id for m in seed_actors if m.text in ("Lavrov", "Putin", "Zelensky", "Trump")}
    assert ids == {"sergey-lavrov", "vladimir-putin", "volodymyr-zelensky", "donald-trump"}


def test_countries_are_actors_without_a_sector(seed_actors) -> None:
    russia = [m for m in seed_actors if m.text == "Russia"]
    assert russia and all((m.country, m.sector) == ("RUS", None) for m in russia)
    assert any(m.text == "China" and m.country == "CHN" for m in seed_actors)
    assert not any(m.text in ("Lviv", "Zakarpattia") for m in seed_actors)  # places, not actors

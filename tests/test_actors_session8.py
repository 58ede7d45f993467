"""Session 8: protesters are civilians unless a side is named; plurals of -ss and -man nouns; more
group nouns; "bin Salman"."""

from __future__ import annotations

import pytest

from peacetalks.actors import actor_mentions, resolve
from peacetalks.actors.kb import _plural
from peacetalks.nlp import parse

DAY = "2024-03-01"


@pytest.mark.parametrize("text, sector", [
    ("protesters", "CVL"),
    ("the demonstrators", "CVL"),
    ("rioters", "CVL"),
    ("student protesters", "CVL"),
    ("anti-war demonstrators", "OPP"),
    ("antiwar protesters", "OPP"),
    ("anti-government marchers", "OPP"),
    ("anti-Putin protesters", "OPP"),
    ("pro-democracy demonstrators", "OPP"),
    ("opposition protesters", "OPP"),
])
def test_protesters_take_a_side_only_when_it_is_named(text: str, sector: str) -> None:
    assert resolve(text, DAY).sector == sector


def test_protesters_keep_their_country() -> None:
    res = resolve("Georgian demonstrators", DAY)
    assert (res.country, res.sector) == ("GEO", "CVL")


def test_running_text_reads_the_side_before_protesters() -> None:
    text = "Anti-war demonstrators gathered in the square while police detained other protesters."
    found = {(m.text, m.sector) for m in actor_mentions(text, parse(text), None)}
    assert ("demonstrators", "OPP") in found
    assert ("protesters", "CVL") in found


@pytest.mark.parametrize("word, plural", [
    ("witness", "witnesses"), ("boss", "bosses"), ("caucus", "caucuses"), ("airman", "airmen"),
    ("policewoman", "policewomen"), ("german", "germans"), ("human", "humans"), ("religious", "religious"),
    ("homeless", "homeless"), ("forces", "forces"), ("church", "churches"), ("monarch", "monarchs"),
])
def test_plural_of_a_sector_noun(word: str, plural: str) -> None:
    assert _plural(word) == plural


@pytest.mark.parametrize("text, country, sector", [
    ("witnesses", None, "CVL"),
    ("policewomen", None, "COP"),
    ("Spanish Socialists", "ESP", "PTY"),
    ("Iranian hardliners", "IRN", "PTY"),
    ("North Korean defectors", "PRK", "OPP"),
    ("mutineers", None, "MIL"),
    ("taxpayers", None, "CVL"),
    ("creditors", None, "BUS"),
    ("a television presenter", None, "JRN"),
])
def test_more_group_nouns(text: str, country: str | None, sector: str) -> None:
    res = resolve(text, DAY)
    assert (res.country, res.sector) == (country, sector)


def test_adjectives_of_political_tendency_do_not_head_a_phrase() -> None:
    assert resolve("a liberal newspaper", DAY).sector == "JRN"
    assert resolve("a conservative cleric", DAY).sector == "REL"


def test_bin_salman_alone_is_the_crown_prince_not_his_brothers() -> None:
    assert resolve("bin Salman", DAY).actor_id == "mohammed-bin-salman"
    assert resolve("Khalid bin Salman", DAY).actor_id == "khalid-bin-salman"
    assert resolve("Turki bin Salman", DAY).actor_id is None  # another son no table knows


@pytest.mark.parametrize("text, country, sector", [
    ("Russian-backed separatists", None, "REB"),
    ("Russian-backed separatists in Donetsk", "UKR", "REB"),
    ("Iranian-backed militias in Iraq", "IRQ", "PRM"),
    ("US-funded forces", None, "MIL"),
    ("the UN-backed government in Tripoli", "LBY", "GOV"),
    ("the Saudi-led coalition", "SAU", "MIL"),  # who leads a force is whose it is
    ("the Hamas-run health ministry", "PSE", "GOV"),
])
def test_a_backer_is_not_the_country_of_those_it_backs(text: str, country: str | None, sector: str) -> None:
    res = resolve(text, DAY)
    assert (res.country, res.sector) == (country, sector)


@pytest.mark.parametrize("text, country, sector", [
    ("Ugandan opposition candidates", "UGA", "OPP"),
    ("an opposition politician", None, "OPP"),
    ("an opposition lawmaker", None, "LEG"),  # a legislator acts as one, in or out of power
    ("party candidates", None, "PTY"),
])
def test_opposition_before_a_party_noun(text: str, country: str | None, sector: str) -> None:
    res = resolve(text, DAY)
    assert (res.country, res.sector) == (country, sector)


@pytest.mark.parametrize("text, country", [("Bosnian Serbs", "BIH"), ("Kosovo Albanians", "XKX"),
                                           ("Turkish Cypriots", "CYP")])
def test_a_people_named_by_where_they_live(text: str, country: str) -> None:
    res = resolve(text, DAY)
    assert (res.country, res.sector) == (country, "CVL")
    sentence = f"{text} demanded guarantees."
    assert [(m.text, m.country, m.sector) for m in actor_mentions(sentence, parse(sentence), None)] == [
        (text, country, "CVL")]


def test_a_list_of_countries_is_not_one_people() -> None:
    text = "The United States Russians and Chinese met."
    assert "United States" in {m.text for m in actor_mentions(text, parse(text), None)}


@pytest.mark.parametrize("text, country, sector", [
    ("Russian speakers", None, "CVL"),
    ("Russian speakers in Latvia", "LVA", "CVL"),
    ("Russian-speaking residents of Donbas", "UKR", "CVL"),
    ("the speaker", None, "LEG"),
])
def test_a_language_is_not_a_state(text: str, country: str | None, sector: str) -> None:
    res = resolve(text, DAY)
    assert (res.country, res.sector) == (country, sector)


@pytest.mark.parametrize("sentence, expected", [
    ("Rebels in northern Mali seized the town.", ("Rebels in northern Mali", "MLI", "REB")),
    ("Militants in north-west Pakistan attacked a checkpoint.", ("Militants in north-west Pakistan", "PAK", "REB")),
    ("Ethnic Albanians in south Serbia asked for autonomy.", ("Albanians in south Serbia", "SRB", "CVL")),
])
def test_a_compass_word_does_not_cut_the_country_a_group_is_in(sentence: str, expected: tuple) -> None:
    assert expected in {(m.text, m.country, m.sector) for m in actor_mentions(sentence, parse(sentence), None)}


def test_diplomats_in_a_region_still_get_no_country() -> None:
    sentence = "Diplomats in eastern Ukraine met."
    found = {(m.text, m.country) for m in actor_mentions(sentence, parse(sentence), None)}
    assert ("Diplomats", None) in found


@pytest.mark.parametrize("text, day, actor_id, sector", [
    ("Palestinian Authority police", DAY, None, "COP"),
    ("Palestinian Authority security forces", DAY, None, "COP"),
    ("the Palestinian Authority", DAY, "palestinian-authority", "GOV"),
    ("Taliban forces", DAY, None, "MIL"),  # the government's forces since 2021
    ("Taliban forces", "2019-01-01", "taliban", "REB"),  # before, the group itself
])
def test_a_governments_armed_or_police_arm(text: str, day: str, actor_id: str | None, sector: str) -> None:
    res = resolve(text, day)
    assert (res.actor_id, res.sector) == (actor_id, sector)


@pytest.mark.parametrize("sentence, expected", [
    ("The former communist country joined the alliance.", set()),
    ("He was a socialist in his youth.", set()),
    ("Communists marched through the capital.", {("Communists", "PTY")}),
    ("A former president spoke.", {("former president", "ELI")}),
])
def test_a_political_camp_is_an_actor_only_as_a_noun(sentence: str, expected: set) -> None:
    assert {(m.text, m.sector) for m in actor_mentions(sentence, parse(sentence), None)} == expected


@pytest.mark.parametrize("text, actor_id", [
    ("LeT", "lashkar-e-taiba"), ("Let", None), ("JeM", "jaish-e-mohammed"), ("Jem", None),
    ("CoE", "council-of-europe"), ("Sebastian Coe", None), ("MEPs", "european-parliament"),
])
def test_a_short_name_with_a_capital_inside_is_written_so_only(text: str, actor_id: str | None) -> None:
    assert resolve(text, DAY).actor_id == actor_id


def test_let_at_the_start_of_a_sentence_is_no_armed_group() -> None:
    text = "Let us work for peace. LeT militants attacked a post."
    assert [(m.text, m.actor_id) for m in actor_mentions(text, parse(text), None)] == [
        ("LeT militants", "lashkar-e-taiba")]


@pytest.mark.parametrize("text, actor_id", [("Nato", "nato"), ("Opec", "opec"), ("Isis", "isis"),
                                            ("Tass", "tass"), ("NATO", "nato")])
def test_acronyms_said_as_words_in_british_style(text: str, actor_id: str) -> None:
    assert resolve(text, DAY).actor_id == actor_id


def test_spelt_out_acronyms_stay_in_capitals() -> None:
    assert resolve("Osce", DAY).actor_id is None
    assert resolve("OSCE", DAY).actor_id == "osce"


@pytest.mark.parametrize("text, day, actor_id", [
    ("Johnson", "2022-04-01", "boris-johnson"),  # a prime minister then, Mike Johnson a congressman
    ("British Prime Minister Johnson", "2022-04-01", "boris-johnson"),
    ("Johnson", "2024-04-01", "mike-johnson"),  # the Speaker then; Boris Johnson out of office
    ("Mike Johnson", "2022-04-01", "mike-johnson"),
])
def test_of_people_sharing_a_surname_the_one_in_the_higher_post_on_the_date(text: str, day: str,
                                                                           actor_id: str) -> None:
    assert resolve(text, day).actor_id == actor_id


def test_a_surname_in_capitals_amid_ordinary_text_is_an_acronym() -> None:
    text = "They asked to disconnect Russia from SWIFT, and Mr PUTIN replied."
    found = {(m.text, m.actor_id) for m in actor_mentions(text, parse(text), None)}
    assert ("SWIFT", "swift") in found
    assert ("Mr PUTIN", "vladimir-putin") in found or ("PUTIN", "vladimir-putin") in found


@pytest.mark.parametrize("text, actor_id, country", [
    ("Russian leaders", None, "RUS"),
    ("Russian leader", "vladimir-putin", "RUS"),
    ("Kremlin spokesmen", None, "RUS"),
    ("Russian foreign ministers", None, "RUS"),
    ("the Prime Ministers of Estonia, Latvia and Lithuania", "kaja-kallas", "EST"),  # one each, the first here
    ("the prime ministers of Belgium", None, "BEL"),
])
def test_a_plural_title_is_never_one_holder_unless_one_per_country(text: str, actor_id: str | None,
                                                                   country: str) -> None:
    res = resolve(text, "2022-04-01")
    assert (res.actor_id, res.country, res.sector) == (actor_id, country, "GOV")


@pytest.mark.parametrize("sentence, absent", [
    ("I spoke to the people of Denmark on Liberation Day.", "Liberation"),
])
def test_a_common_word_name_running_on_into_another_name_is_not_the_body(sentence: str, absent: str) -> None:
    assert absent not in {m.text for m in actor_mentions(sentence, parse(sentence), None)}


@pytest.mark.parametrize("text, actor_id", [("Memorial", "memorial"), ("Hamas Monday", "hamas"),
                                            ("Wagner Group", "wagner-group"), ("Freedom House", "freedom-house")])
def test_names_that_go_on_into_their_own_words_or_dates_are_kept(text: str, actor_id: str) -> None:
    assert resolve(text, DAY).actor_id == actor_id


def test_an_unknown_entity_the_gazetteer_knows_as_a_place_is_no_actor() -> None:
    text = "Mayor Ivan Fedorov spoke about Nova Kakhovka and the shelling near Rostov."
    found = {m.text for m in actor_mentions(text, parse(text), None)}
    assert "Nova Kakhovka" not in found and "Rostov" not in found


def test_session8_readings_through_the_cli() -> None:
    """The same readings through ``peacetalks actors resolve`` (SPEC §1 lines in, lines out)."""
    import json

    from typer.testing import CliRunner

    from peacetalks.actors.cli import app

    rows = [("1", "Johnson", "2022-04-01"), ("2", "protesters", DAY), ("3", "anti-war demonstrators", DAY),
            ("4", "Let", DAY), ("5", "Nato", DAY), ("6", "Russian-backed separatists in Donetsk", DAY)]
    lines = "".join(json.dumps({"id": i, "text": t, "date": d}) + "\n" for i, t, d in rows)
    res = CliRunner().invoke(app, ["resolve", "-"], input=lines)
    assert res.exit_code == 0, res.output
    out = {o["id"]: o for o in map(json.loads, res.output.splitlines())}
    assert out["1"]["actor_id"] == "boris-johnson"
    assert (out["2"]["sector"], out["3"]["sector"]) == ("CVL", "OPP")
    assert out["4"]["actor_id"] is None and out["5"]["actor_id"] == "nato"
    assert (out["6"]["country"], out["6"]["sector"]) == ("UKR", "REB")

"""Actors, third round: the fast paths give the same answers as the plain ones, and the
phenomena added this round (unknown head nouns, ministries, appositives, gold-date protocol)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from peacetalks.actors import actor_mentions, resolve
from peacetalks.actors.kb import KnowledgeBase, get_kb
from peacetalks.actors.match import Match, find
from peacetalks.actors.text import Tok, tokenize

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "peacetalks" / "data" / "sample" / "articles.jsonl"


def _sample_texts(n: int = 8) -> list[str]:
    with open(SAMPLE, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line, _ in zip(fh, range(n))]


def _find_every_length(tokens: list[Tok], kb: KnowledgeBase, strict: bool) -> list[Match]:
    """The matcher before prefix pruning: try every length at every position."""
    from peacetalks.actors.match import _allowed

    out: list[Match] = []
    i, n = 0, len(tokens)
    while i < n:
        found = None
        for length in range(min(kb.max_len, n - i), 0, -1):
            items = kb.phrases.get(tuple(t.norm for t in tokens[i:i + length]))
            allowed = _allowed(items, tokens[i:i + length], strict) if items else ()
            if allowed:
                found = Match(i, i + length, allowed)
                break
        if found:
            out.append(found)
            i = found.j
        else:
            i += 1
    return out


@pytest.mark.parametrize("strict", [True, False])
def test_prefix_pruned_matching_finds_what_trying_every_length_finds(strict: bool) -> None:
    kb = get_kb()
    for text in _sample_texts() + ["the Russian Foreign Minister of the Russian Federation Sergey Lavrov"]:
        tokens = tokenize(text)
        assert find(tokens, kb, strict=strict) == _find_every_length(tokens, kb, strict)


def test_doc_arrays_give_the_tags_of_the_tokens() -> None:
    from peacetalks.actors.annotate import _DocView
    from peacetalks.nlp import parse

    doc = parse(_sample_texts(1)[0])
    view = _DocView.of(doc)
    assert view.pos == {t.idx: t.pos_ for t in doc}
    assert view.entity_at == {t.idx: (e.label_, e.start_char, e.end_char) for e in doc.ents for t in e}
    assert view.ents == [(e.label_, e.start_char, e.end_char) for e in doc.ents]


def test_city_table_is_cached_on_disk_and_reads_back_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from peacetalks.actors import cities

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cities.city_countries.cache_clear()
    try:
        built = cities.city_countries()
        assert list(tmp_path.glob("peacetalks/actor-cities-*.json"))
        cities.city_countries.cache_clear()
        assert cities.city_countries() == built
        assert resolve("Shanghai authorities").country == "CHN"
    finally:
        cities.city_countries.cache_clear()


def test_a_broken_city_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from peacetalks.actors import cities

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cities.city_countries.cache_clear()
    try:
        path = cities._cache_path()
        path.parent.mkdir(parents=True)
        path.write_text("{not json", encoding="utf-8")
        assert cities.city_countries().get("shanghai") == "CHN"
    finally:
        cities.city_countries.cache_clear()


@pytest.mark.parametrize("text,country,sector", [
    ("Syrian island", "SYR", "UNK"),        # a country word before a head noun that is no actor
    ("the Russian economy", "RUS", "UNK"),
    ("Russia", "RUS", None),                # a country alone keeps sector null
    ("US-led", "USA", None),                # a hyphenated participle is no head noun
    ("Chinese nationals", "CHN", "CVL"),
    ("Russian troops in Ukraine", "RUS", "MIL"),
    ("the health ministry", None, "GOV"),   # a ministry is government, whatever it runs
    ("Kenya's Ministry of Justice", "KEN", "GOV"),
    ("indigenous groups", None, "CVL"),
    ("a Russian analyst", "RUS", "EDU"),
    ("Stanford researchers", "USA", "EDU"),
])
def test_generic_phrases(text: str, country: object, sector: object) -> None:
    res = resolve(text, "2022-06-01")
    assert (res.country, res.sector) == (country, sector)


def test_lower_case_title_is_not_a_surname() -> None:
    res = resolve("the king", "2022-06-01")
    assert res.actor_id is None and res.role == "king"


@pytest.mark.parametrize("text,date,actor_id,sector", [
    ("Kirby", "2022-03-01", "john-kirby", "MIL"),     # Pentagon press secretary
    ("Kirby", "2023-03-01", "john-kirby", "GOV"),     # then at the White House
    ("World Bank president", "2022-06-01", "david-malpass", "GOV"),
    ("World Bank president", "2024-06-01", "ajay-banga", "GOV"),
    ("Sukhvinder Singh Sukhu", "2023-01-01", "sukhvinder-singh-sukhu", "GOV"),
    ("Nicola Sturgeon", "2024-01-01", "nicola-sturgeon", "ELI"),
])
def test_new_people_by_date(text: str, date: str, actor_id: str, sector: str) -> None:
    res = resolve(text, date)
    assert (res.actor_id, res.sector) == (actor_id, sector)


def test_appositive_title_gives_an_unknown_person_their_reading() -> None:
    from peacetalks.nlp import parse

    text = "Juan Perez, the Nigerian finance minister, said talks would resume. Perez added more."
    found = {m.text: m for m in actor_mentions(text, parse(text), dt.date(2022, 5, 1))}
    assert (found["Juan Perez"].country, found["Juan Perez"].sector, found["Juan Perez"].role) == (
        "NGA", "GOV", "finance minister")
    assert found["Perez"].country == "NGA"


def test_undated_gold_items_are_read_on_the_gold_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from peacetalks.actors import evaluate as ev

    (tmp_path / "gold").mkdir()
    (tmp_path / "SPEC.md").write_text("x", encoding="utf-8")
    rows = [{"id": "own-1", "text": "Liz Truss", "context": None, "date": None, "country": "GBR", "sector": "GOV"}]
    (tmp_path / "gold" / ev.GOLD).write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    monkeypatch.setenv("PEACETALKS_SHARED", str(tmp_path))
    assert ev.evaluate("all")["sector"]["correct"] == 1          # prime minister on 2022-10-20
    assert ev.evaluate("all", today=dt.date(2024, 1, 1))["sector"]["correct"] == 0  # ELI since

"""The bundled sample corpus: files parse, metadata is sane, and every item listed in
tests/data/sample_expectations.yaml is really stated in the article it names."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone
from pathlib import Path

import feedparser
import pytest
import yaml

from peacetalks.data import SampleDocument, sample_dir, sample_documents, sample_inputs

EXPECTATIONS = Path(__file__).parent / "data" / "sample_expectations.yaml"
START, END = date(2025, 4, 20), date(2025, 6, 21)

# Value sets from the SPEC (Meeting, Position).
LEVELS = {"leaders", "ministers", "delegations", "working_groups", "envoys", "technical", "unspecified"}
FORMATS = {"bilateral", "trilateral", "multilateral"}
STATUSES = {"proposed", "conditional", "planned", "held", "postponed", "unlikely", "cancelled", "rejected"}
ISSUES = {"security_guarantees", "peacekeepers", "territory", "sanctions", "legitimacy", "ceasefire",
          "talks_format", "prisoners", "nato_membership", "military_aid", "elections", "other"}
STANCES = {"demand", "reject", "accept", "condition", "claim"}
FRENCH = {"le", "la", "les", "des", "une", "et", "du", "est", "pour", "sur", "avec", "a"}
ENGLISH = {"the", "and", "of", "to", "in", "said", "on", "was", "that", "with"}


@pytest.fixture(scope="module")
def expected() -> dict:
    return yaml.safe_load(EXPECTATIONS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def docs() -> dict[str, SampleDocument]:
    return {d.id: d for d in sample_documents()}


@pytest.fixture(scope="module")
def english(docs: dict[str, SampleDocument], expected: dict) -> list[SampleDocument]:
    foreign = {item["article"] for item in expected["non_english"]}
    return [d for i, d in docs.items() if i not in foreign]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ']+", text.lower())


def _shingles(text: str, n: int = 3) -> set[tuple[str, ...]]:
    w = _words(text)
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


def _jaccard(a: str, b: str) -> float:
    sa, sb = _shingles(a), _shingles(b)
    return len(sa & sb) / len(sa | sb)


def _history_items(expected: dict):
    """(section, key, entry) for every dated history entry of meetings and stances."""
    for section in ("meetings", "stances"):
        for item in expected[section]:
            for entry in item["history"]:
                yield section, item["key"], entry


def _flat_items(expected: dict):
    for section in ("strikes", "sanctions", "prisoner_exchanges", "ceasefire_proposals", "aid"):
        for entry in expected[section]:
            yield section, entry


# --- files and metadata -------------------------------------------------------------------

def test_inputs_cover_every_format() -> None:
    names = [p.name for p in sample_inputs()]
    assert names[0] == "articles.jsonl"
    assert "README.md" not in names
    assert sum(n.endswith(".html") for n in names) == 3
    assert sum(n.endswith(".txt") for n in names) == 2
    assert "feed.xml" in names
    formats = [d.format for d in sample_documents()]
    assert formats.count("rss") == 3 and formats.count("html") == 3 and formats.count("txt") == 2


def test_jsonl_lines_have_the_documented_fields_and_are_in_time_order() -> None:
    rows = [json.loads(line) for line in (sample_dir() / "articles.jsonl").read_text("utf-8").splitlines()]
    fields = {"id", "title", "published", "url", "source", "author", "text"}
    assert all(set(r) == fields for r in rows)
    times = [datetime.fromisoformat(r["published"]) for r in rows]
    assert times == sorted(times)


def test_feed_is_valid_rss_with_full_text() -> None:
    feed = feedparser.parse(str(sample_dir() / "feed.xml"))
    assert not feed.bozo
    assert feed.version == "rss20" and len(feed.entries) == 3
    for entry in feed.entries:
        assert entry.id.startswith("sample-")
        assert len(_words(entry.content[0].value)) > 250


def test_html_pages_carry_metadata_and_boilerplate() -> None:
    for page in sample_dir().glob("*.html"):
        raw = page.read_text(encoding="utf-8")
        assert 'property="article:published_time"' in raw and '<meta name="author"' in raw
        assert "<nav" in raw and "<footer" in raw and "<article" in raw


def test_ids_unique_and_metadata_plausible(docs: dict[str, SampleDocument]) -> None:
    all_ids = [d.id for d in sample_documents()]
    assert len(all_ids) == len(set(all_ids))
    for d in docs.values():
        assert d.published.tzinfo is not None
        assert START <= d.published.astimezone(timezone.utc).date() <= END, d.id
        assert d.url.startswith("https://example.org/"), d.id
        assert d.title and d.source and d.author, d.id
        assert "\n\n" in d.text, f"{d.id}: paragraphs must be separated by blank lines"


def test_documents_come_in_publication_order() -> None:
    times = [d.published for d in sample_documents()]
    assert times == sorted(times)
    span = (times[-1] - times[0]).days
    assert 49 <= span <= 63  # roughly eight weeks


def test_enough_english_articles_of_wire_length(english: list[SampleDocument]) -> None:
    assert len(english) >= 30
    for d in english:
        assert 250 <= len(d.text.split()) <= 600, d.id


def test_language_of_articles(docs: dict[str, SampleDocument], expected: dict,
                              english: list[SampleDocument]) -> None:
    for item in expected["non_english"]:
        words = _words(docs[item["article"]].text)
        assert sum(w in FRENCH for w in words) > 3 * sum(w in ENGLISH for w in words)
    for d in english:
        words = _words(d.text)
        assert sum(w in ENGLISH for w in words) > 5 * sum(w in FRENCH - {"a"} for w in words), d.id


def test_readme_marks_the_corpus_as_illustrative() -> None:
    readme = (sample_dir() / "README.md").read_text(encoding="utf-8")
    assert "illustrative articles written by the peacetalks developers" in readme.lower()
    assert "events are stylised, not reporting" in readme


# --- expectations -------------------------------------------------------------------------

def test_every_expectation_phrase_is_in_its_article(expected: dict, docs: dict[str, SampleDocument]) -> None:
    missing = []
    for section, key, entry in _history_items(expected):
        doc = docs.get(entry["article"])
        if doc is None or entry["phrase"] not in doc.text:
            missing.append((section, key, entry["article"], entry["phrase"]))
    for section, entry in _flat_items(expected):
        doc = docs.get(entry["article"])
        if doc is None or entry["phrase"] not in doc.text:
            missing.append((section, "", entry["article"], entry["phrase"]))
    assert not missing


def test_history_dates_match_articles_and_run_forward(expected: dict, docs: dict[str, SampleDocument]) -> None:
    for _, key, entry in _history_items(expected):
        assert docs[entry["article"]].published.date() == entry["published"], (key, entry["article"])
    for section in ("meetings", "stances"):
        for item in expected[section]:
            dates = [e["published"] for e in item["history"]]
            assert dates == sorted(dates), item["key"]


def test_expectation_values_use_the_spec_vocabulary(expected: dict) -> None:
    for m in expected["meetings"]:
        assert m["level"] in LEVELS and m["format"] in FORMATS, m["key"]
        assert all(len(c) == 3 and c.isupper() for c in m["participants"])
        assert {e["status"] for e in m["history"]} <= STATUSES, m["key"]
    for s in expected["stances"]:
        assert s["issue"] in ISSUES and {e["stance"] for e in s["history"]} <= STANCES, s["key"]


def test_corpus_has_the_required_meeting_histories(expected: dict) -> None:
    meetings = expected["meetings"]
    histories = [m for m in meetings if len({e["status"] for e in m["history"]}) >= 2]
    assert len(histories) >= 3
    statuses = {e["status"] for m in meetings for e in m["history"]}
    assert {"proposed", "conditional", "planned", "postponed", "held", "unlikely"} <= statuses
    assert statuses & {"cancelled", "rejected"}
    assert {"working_groups", "delegations", "ministers", "envoys", "leaders"} <= {m["level"] for m in meetings}
    round1 = next(m for m in meetings if m["key"] == "istanbul-delegations-round-1")
    assert [e["status"] for e in round1["history"]][:4] == ["proposed", "planned", "postponed", "held"]


def test_corpus_has_stance_changes_and_steady_positions(expected: dict) -> None:
    changing = [s for s in expected["stances"] if len({e["stance"] for e in s["history"]}) >= 2]
    assert len(changing) >= 3
    ukr_territory = next(s for s in expected["stances"] if s["key"] == "ukr-territory")
    assert {e["stance"] for e in ukr_territory["history"]} == {"reject"}


def test_strikes_cover_the_required_regions(expected: dict) -> None:
    regions = {s["admin1"] for s in expected["strikes"]}
    for needed in ("Kyiv City", "Kharkiv Oblast", "Odesa Oblast", "Lviv Oblast", "Zaporizhzhia Oblast",
                   "Dnipropetrovsk Oblast", "Sumy Oblast", "Zakarpattia Oblast"):
        assert needed in regions
    for s in expected["strikes"]:
        assert START <= s["date"] <= END


def _normalise(text: str) -> str:
    return " ".join(text.split())


def test_exact_duplicate_differs_only_in_whitespace_and_title(expected: dict, docs: dict[str, SampleDocument]) -> None:
    for pair in expected["duplicates"]["exact"]:
        a, b = (docs[i] for i in pair["articles"])
        assert a.text != b.text and _normalise(a.text) == _normalise(b.text)
        assert a.title != b.title


def test_near_duplicate_is_reworded_but_close(expected: dict, docs: dict[str, SampleDocument]) -> None:
    for pair in expected["duplicates"]["near"]:
        a, b = (docs[i] for i in pair["articles"])
        assert _normalise(a.text) != _normalise(b.text)
        assert 0.3 < _jaccard(a.text, b.text) < 0.95
    # No other two English articles are that close: the pairs above are the only ones.
    listed = {tuple(sorted(p["articles"])) for kind in ("exact", "near") for p in expected["duplicates"][kind]}
    texts = sorted((d.id, d.text) for d in docs.values() if not d.id.startswith("sample-fr"))
    for i, (ia, ta) in enumerate(texts):
        for ib, tb in texts[i + 1:]:
            if (ia, ib) not in listed:
                assert _jaccard(ta, tb) < 0.2, (ia, ib)

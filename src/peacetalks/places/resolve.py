"""Disambiguation: which known place does each toponym mean, and is it a metonym?

Each gazetteer reading of a mention gets a score (log-population prior, feature, our own table,
preferred vs alternate name) plus context: countries and US states named elsewhere in the
document boost their places, and an explicit qualifier right after the name ("Paris, Texas",
"Lviv, Ukraine") decides. The best reading wins; confidence is its softmax share.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from typing import Optional

import yaml
from spacy.tokens import Doc, Token

from peacetalks.places.detect import Candidate
from peacetalks.places.gazetteer import DATA, Entry, Gazetteer, normalise
from peacetalks.records import PlaceMention

_FEATURE_BONUS = {"country": 4.0, "admin1": 1.0, "city": 0.0, "other": 0.5}
_OURS_BONUS = 1.0
_ALTERNATE_PENALTY = 1.5
_UNLOCATED_PENALTY = 3.0
_DOC_COUNTRY_BONUS = 2.5
_DOC_ADMIN1_BONUS = 2.0
_QUALIFIER_BONUS = 8.0
# Capitals and million-cities are named in news far more often than their population says,
# and more often than same-named regions ("Washington", "New York").
_CAPITAL_BONUS = 2.0
_BIG_CITY_POP = 1_000_000
_BIG_CITY_BONUS = 1.0
UNRESOLVED_CONFIDENCE = 0.3
# Unknown names of these kinds are placed in the document's focus city (see _located_in_focus).
FOCUS_LABELS = ("FAC", "LOC", "GPE")
FOCUS_CONFIDENCE = 0.2
FOCUS_COUNTRY_WEIGHT = 0.5
SECOND_PASS = True


def _prior(gaz: Gazetteer, entry_index: int, key: str) -> float:
    e = gaz.entries[entry_index]
    score = math.log10(e.population + 10) + _FEATURE_BONUS.get(e.feature, 0.0)
    if e.source == "ours":
        score += _OURS_BONUS
    if e.capital:
        score += _CAPITAL_BONUS
    if e.feature == "city" and e.population >= _BIG_CITY_POP:
        score += _BIG_CITY_BONUS
    if gaz.is_alternate(key, entry_index):
        score -= _ALTERNATE_PENALTY
    if e.lat is None:
        score -= _UNLOCATED_PENALTY
    return score


def _qualifier(doc: Doc, cand: Candidate, gaz: Gazetteer) -> list[Entry]:
    """Readings of a ", X" right after the mention (up to three tokens): "Paris, Texas"."""
    after = cand.last_token + 1
    if after + 1 >= len(doc) or doc[after].text != ",":
        return []
    for n in (3, 2, 1):
        span = doc[after + 1: after + 1 + n]
        if len(span) == n and span[0].text[:1].isupper():
            found = gaz.candidates(span.text)
            if found:
                return [e for e in found if e.feature in ("country", "admin1")]
    return []


def _context(gaz: Gazetteer, cands: list[Candidate]) -> tuple[Counter[str], Counter[str], dict[str, Entry]]:
    """Countries and admin1 regions the document names (countries and unambiguous places),
    one vote per distinct name, and which reading each name voted with."""
    countries: Counter[str] = Counter()
    admin1s: Counter[str] = Counter()
    voted: dict[str, Entry] = {}
    for cand in cands:
        if cand.key in voted:
            continue
        readings = [gaz.entries[i] for i in gaz.index.get(cand.key, ())]
        located = [e for e in readings if e.lat is not None]
        top = located[0] if len(located) == 1 else next((e for e in located if e.feature == "country"), None)
        if top is None:
            continue
        voted[cand.key] = top
        if top.country:
            countries[top.country] += 1
        if top.feature == "admin1" and top.admin1:
            admin1s[top.admin1] += 1
    return countries, admin1s, voted


def _acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return 0 < len(letters) <= 4 and all(ch.isupper() for ch in letters)


def choose(gaz: Gazetteer, doc: Doc, cand: Candidate, countries: Counter[str],
           admin1s: Counter[str], own: Optional[Entry] = None) -> tuple[Optional[Entry], float]:
    """The best reading of a candidate and its confidence (None for an unknown name).

    ``own`` is the reading this mention itself contributed to the context counts: a mention
    is no evidence for itself, so its vote is taken out."""
    indices = gaz.index.get(cand.key, [])
    if _acronym(cand.text):
        # "UN", "EU", "UAE": only names written in our tables, never a small town called "Un".
        indices = [i for i in indices if gaz.entries[i].source != "geonames"]
    if not indices:
        return None, UNRESOLVED_CONFIDENCE
    qualifiers = _qualifier(doc, cand, gaz)
    own_country = own.country if own is not None else None
    own_admin1 = own.admin1 if own is not None else None
    scored: list[tuple[float, int]] = []
    for i in indices:
        e = gaz.entries[i]
        s = _prior(gaz, i, cand.key)
        if e.country and e.feature != "country" and countries[e.country] - (e.country == own_country) > 0:
            s += _DOC_COUNTRY_BONUS
        if e.admin1 and e.feature == "city" and admin1s[e.admin1] - (e.admin1 == own_admin1) > 0:
            s += _DOC_ADMIN1_BONUS
        if any(q.country == e.country and (q.feature == "country" or q.admin1 == e.admin1)
               for q in qualifiers):
            s += _QUALIFIER_BONUS
        scored.append((s, i))
    scored.sort(key=lambda x: -x[0])
    best_score, best = scored[0]
    total = sum(math.exp(s - best_score) for s, _ in scored)
    return gaz.entries[best], round(1.0 / total, 3)


# --------------------------------------------------------------------------- metonymy

@functools.lru_cache(maxsize=1)
def _metonymy_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    with open(DATA / "metonymy.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return frozenset(data["verbs"]), frozenset(data["nouns"]), frozenset(data.get("seats", ()))


def _root(doc: Doc, cand: Candidate) -> Token:
    span = doc[cand.first_token: cand.last_token + 1]
    return span.root


def is_metonym(doc: Doc, cand: Candidate, entry: Optional[Entry]) -> bool:
    """A country or capital as the subject of a speech/decision verb, or the possessor of a
    stance noun, stands for its government ("Moscow said", "Kyiv's position")."""
    if entry is None:
        return False
    verbs, nouns, seats = _metonymy_words()
    if not (entry.feature == "country" or entry.capital or entry.name in seats):
        return False
    root = _root(doc, cand)
    if root.dep_ in ("nsubj", "nsubjpass", "agent") or (root.dep_ == "conj" and root.head.dep_ == "nsubj"):
        verb = root.head if root.dep_ != "conj" else root.head.head
        if root.dep_ == "agent":
            verb = root.head.head
        return verb.lemma_.lower() in verbs
    if root.dep_ == "poss":
        return root.head.lemma_.lower() in nouns
    return False


# --------------------------------------------------------------------------- output

def mention(doc: Doc, cand: Candidate, entry: Optional[Entry], confidence: float) -> PlaceMention:
    if entry is None:
        return PlaceMention(text=cand.text, start=cand.start, end=cand.end, name=cand.text,
                            feature="other", confidence=confidence)
    return PlaceMention(
        text=cand.text, start=cand.start, end=cand.end, name=entry.name, geonameid=entry.geonameid,
        lat=entry.lat, lon=entry.lon, country=entry.country, admin1=entry.admin1,
        feature=entry.feature, confidence=confidence, metonym=is_metonym(doc, cand, entry),
    )


def _focus(resolved: list[tuple[Candidate, Optional[Entry]]]) -> Optional[Entry]:
    """The document's local focus: the city named most often, counting also (at half weight)
    every mention of a place in the same country, so that a city of the country the article
    is about beats a foreign city named twice in passing (first named wins a tie)."""
    entries = [e for _, e in resolved if e is not None]
    cities: Counter[Entry] = Counter(e for e in entries if e.feature == "city")
    if not cities:
        return None
    countries: Counter[Optional[str]] = Counter(e.country for e in entries)
    return max(cities, key=lambda c: cities[c] + FOCUS_COUNTRY_WEIGHT * countries[c.country])


def _located_in_focus(cand: Candidate, focus: Entry) -> PlaceMention:
    """An unknown facility ("City Hall", "Barclays Center") placed in the document's focus city:
    local news names local buildings. Low confidence, feature 'other', the facility's own name."""
    return PlaceMention(
        text=cand.text, start=cand.start, end=cand.end, name=cand.text, lat=focus.lat, lon=focus.lon,
        country=focus.country, admin1=focus.admin1, feature="other", confidence=FOCUS_CONFIDENCE,
    )


def _second_context(resolved: list[tuple[Candidate, Optional[Entry], float]]
                    ) -> tuple[Counter[str], Counter[str], dict[str, Entry]]:
    """Countries and admin1 regions of the first pass's readings (one vote per distinct name)."""
    countries: Counter[str] = Counter()
    admin1s: Counter[str] = Counter()
    voted: dict[str, Entry] = {}
    for cand, entry, _ in resolved:
        if entry is None or cand.key in voted:
            continue
        voted[cand.key] = entry
        if entry.country:
            countries[entry.country] += 1
        if entry.admin1 and entry.feature in ("admin1", "city"):
            admin1s[entry.admin1] += 1
    return countries, admin1s, voted


def resolve_all(doc: Doc, gaz: Gazetteer, cands: list[Candidate]) -> list[PlaceMention]:
    countries, admin1s, voted = _context(gaz, cands)
    resolved = [(c, *choose(gaz, doc, c, countries, admin1s, voted.get(c.key))) for c in cands]
    if SECOND_PASS:
        # Readings chosen in the first pass become context for the second ("Gloucester" in an
        # article that also names Swindon and Bristol is the English one).
        countries, admin1s, voted = _second_context(resolved)
        resolved = [(c, *choose(gaz, doc, c, countries, admin1s, voted.get(c.key))) for c in cands]
    focus = _focus([(c, e) for c, e, _ in resolved])
    out = []
    for cand, entry, conf in resolved:
        if entry is None and focus is not None and cand.label in FOCUS_LABELS:
            out.append(_located_in_focus(cand, focus))
        else:
            out.append(mention(doc, cand, entry, conf))
    return out


def lookup_entry(gaz: Gazetteer, name: str, country: Optional[str] = None) -> Optional[Entry]:
    """The most likely reading of a bare name, optionally within one country (ISO3)."""
    key = normalise(name)
    indices = [i for i in gaz.index.get(key, ())
               if country is None or gaz.entries[i].country == country.upper()]
    if not indices:
        return None
    return gaz.entries[max(indices, key=lambda i: _prior(gaz, i, key))]

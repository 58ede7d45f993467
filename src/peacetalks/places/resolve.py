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

from peacetalks.yaml_tables import load_yaml
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
# Unknown names of these kinds are placed in the document's focus city (see _located_in).
FOCUS_LABELS = ("FAC", "LOC", "GPE")
# Confidence of an unknown name placed by what the text says around it ("Visbek, Germany",
# "Le Bernardin in New York") and of one merely guessed to be in the document's focus. A
# guess helps a toponym count (GWN) but must not put a strike in the wrong town on the map:
# event locations skip guesses (peacetalks.coding.location).
FOCUS_CONFIDENCE = 0.2
GUESS_CONFIDENCE = 0.1
FOCUS_COUNTRY_WEIGHT = 0.5
FOCUS_ADMIN1_WEIGHT = 0.5
FOCUS_REGIONS = True
# Choose the focus country first (by all its mentions), then the focus city within it.
FOCUS_BY_COUNTRY = True
SECOND_PASS = True
# An unknown name followed by "in/at/near <known place>" is placed there (before the focus).
HOST_PLACES = True
_HOST_WORDS = frozenset({"in", "at", "near"})


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


def prior_share(gaz: Gazetteer, indices: list[int], key: str) -> tuple[int, float]:
    """The reading with the best prior among ``indices`` and its softmax share of the priors."""
    scored = sorted(((_prior(gaz, i, key), i) for i in indices), reverse=True)
    top, best = scored[0]
    return best, 1.0 / sum(math.exp(s - top) for s, _ in scored)


def _qualifier_span(doc: Doc, cand: Candidate, gaz: Gazetteer) -> tuple[list[Entry], int]:
    """Country and admin1 readings of a ", X" right after the mention (up to three tokens):
    "Paris, Texas"; and the index of the token after X."""
    after = cand.last_token + 1
    if after + 1 >= len(doc) or doc[after].text != ",":
        return [], after
    for n in (3, 2, 1):
        span = doc[after + 1: after + 1 + n]
        if len(span) == n and span[0].text[:1].isupper():
            found = gaz.candidates(span.text)
            if found:
                return [e for e in found if e.feature in ("country", "admin1")], span.end
    return [], after


def _qualifier(doc: Doc, cand: Candidate, gaz: Gazetteer) -> list[Entry]:
    return _qualifier_span(doc, cand, gaz)[0]


def _placing_qualifier(doc: Doc, cand: Candidate, gaz: Gazetteer) -> Optional[Entry]:
    """The region a name is explicitly put in: "Visbek, Germany, EW Nutrition ...", "Gainesville,
    Va." Only when the region closes the phrase: not a list ("Kharkiv, Donetsk and Luhansk",
    "Vinnytsia, Zhytomyr, Kyiv") and not a new clause ("In Donbas, Russia shelled ...")."""
    found, end = _qualifier_span(doc, cand, gaz)
    found = [e for e in found if e.lat is not None]
    if not found or not _closes(doc, end, gaz):
        return None
    return max(found, key=lambda e: math.log10(e.population + 10) + _FEATURE_BONUS.get(e.feature, 0.0))


def _closes(doc: Doc, end: int, gaz: Gazetteer) -> bool:
    """The qualifier ending before token ``end`` ends its phrase: an abbreviation ("Va."), the
    end of the text, or punctuation that does not go on to another place name."""
    if end >= len(doc) or doc[end - 1].text.endswith("."):
        return True
    if not doc[end].is_punct:
        return False
    nxt = doc[end + 1] if end + 1 < len(doc) else None
    return not (doc[end].text == "," and nxt is not None and nxt.text[:1].isupper()
                and normalise(nxt.text) in gaz.index)


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


def _in(entry: Entry, region: Entry) -> bool:
    return region.country == entry.country and (region.feature == "country" or region.admin1 == entry.admin1)


def _elsewhere(gaz: Gazetteer, indices: list[int], region: Entry) -> bool:
    """A GeoNames town none of whose readings lies in the country or US state explicitly named
    after it ("Gainesville, Va.": ours are in Florida and Georgia): the one meant is a town we
    do not have. Our own names and regions are left alone."""
    readings = [gaz.entries[i] for i in indices]
    return ((region.feature == "country" or region.source == "table")
            and all(e.source == "geonames" and e.feature == "city" for e in readings)
            and not any(_in(e, region) for e in readings))


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
    region = _placing_qualifier(doc, cand, gaz) if qualifiers else None
    if region is not None and _elsewhere(gaz, indices, region):
        return None, UNRESOLVED_CONFIDENCE  # placed in that region by resolve_all
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
        if any(_in(e, q) for q in qualifiers):
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
        data = load_yaml(fh)
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
    every mention of a place in the same country and admin1 region, so that a city of the
    country the article is about beats a foreign city named twice in passing (first named wins
    a tie). With ``FOCUS_BY_COUNTRY`` the country is chosen first, by all its mentions, and the
    city within it: three mentions of a London district (a house model named "Norbury") do not
    outweigh seven places in Virginia."""
    entries = [e for _, e in resolved if e is not None]
    countries: Counter[Optional[str]] = Counter(e.country for e in entries)
    if FOCUS_BY_COUNTRY and any(countries):
        top = max((c for c in countries if c), key=lambda c: countries[c])
        entries = [e for e in entries if e.country == top]
    cities: Counter[Entry] = Counter(e for e in entries if e.feature == "city")
    if not cities:
        return _region_focus(entries) if FOCUS_REGIONS else None
    regions: Counter[tuple[Optional[str], str]] = Counter((e.country, e.admin1) for e in entries if e.admin1)
    return max(cities, key=lambda c: cities[c] + FOCUS_COUNTRY_WEIGHT * countries[c.country]
               + (FOCUS_ADMIN1_WEIGHT * regions[(c.country, c.admin1)] if c.admin1 else 0.0))


def _region_focus(entries: list[Entry]) -> Optional[Entry]:
    """Without any city: the admin1 region or country (first named wins a tie) named most often."""
    regions: Counter[Entry] = Counter(e for e in entries if e.feature in ("admin1", "country") and e.lat is not None)
    return max(regions, key=lambda r: regions[r]) if regions else None


def _located_in(cand: Candidate, where: Entry, confidence: float = FOCUS_CONFIDENCE) -> PlaceMention:
    """An unknown name placed in a known place: a facility ("City Hall", "Barclays Center") in
    the document's focus city (local news names local buildings), a town in the region named
    right after it ("Visbek, Germany"). Low confidence, feature 'other', the mention's own name."""
    return PlaceMention(
        text=cand.text, start=cand.start, end=cand.end, name=cand.text, lat=where.lat, lon=where.lon,
        country=where.country, admin1=where.admin1, feature="other", confidence=confidence,
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
    starts = {c.first_token: e for c, e, _ in resolved if e is not None and e.lat is not None}
    out = []
    for cand, entry, conf in resolved:
        where, placed_conf = _where(doc, gaz, cand, starts, focus) if entry is None else (None, 0.0)
        out.append(_located_in(cand, where, placed_conf) if where is not None else mention(doc, cand, entry, conf))
    return out


def _where(doc: Doc, gaz: Gazetteer, cand: Candidate, starts: dict[int, Entry],
           focus: Optional[Entry]) -> tuple[Optional[Entry], float]:
    """Where to put a name we do not know: the region named right after it ("Visbek, Germany"),
    else the known place it is said to be in ("Le Bernardin in New York", "Agriculture Park at
    Wana"), else (for place-tagged names) the document's focus. (Placing a facility in the town
    it is named after was measured on the dev half: as often wrong as right, "Rogers Centre"
    is not in Rogers, Arkansas.)"""
    region = _placing_qualifier(doc, cand, gaz)
    if region is not None:
        return region, FOCUS_CONFIDENCE
    host = _host(doc, cand, starts) if HOST_PLACES else None
    if host is not None:
        return host, FOCUS_CONFIDENCE
    return (focus, GUESS_CONFIDENCE) if cand.label in FOCUS_LABELS else (None, 0.0)


def _host(doc: Doc, cand: Candidate, starts: dict[int, Entry]) -> Optional[Entry]:
    """The known place right after "in", "at" or "near" (and an optional "the")."""
    i = cand.last_token + 1
    if i >= len(doc) or doc[i].lower_ not in _HOST_WORDS:
        return None
    i += 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    return starts.get(i)


def lookup_entry(gaz: Gazetteer, name: str, country: Optional[str] = None) -> Optional[Entry]:
    """The most likely reading of a bare name, optionally within one country (ISO3)."""
    key = normalise(name)
    indices = [i for i in gaz.index.get(key, ())
               if country is None or gaz.entries[i].country == country.upper()]
    if not indices:
        return None
    return gaz.entries[max(indices, key=lambda i: _prior(gaz, i, key))]

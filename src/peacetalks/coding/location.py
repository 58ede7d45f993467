"""Where an event happened: the place mention attached to its trigger in the parse.

Only places inside a locative prepositional phrase of the trigger ("strikes on Lviv", "talks in
Geneva", "fighting near Bakhmut") or, for material events, its object ("struck Lviv") count, not
every place in the sentence; metonyms ("Moscow
said") are actors, never locations, and unknown names the gazetteer merely guessed to be in
the document's focus city are not used either (a wrong town on the map is worse than none). A phrase naming a country and places inside it keeps the
more specific places.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from spacy.tokens import Token

from peacetalks.places.resolve import GUESS_CONFIDENCE
from peacetalks.records import PlaceMention

LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "throughout", "within"})
# Targets of force are where it happens ("strikes on Lviv", "shelling across the front"); for
# statements these prepositions name a topic instead ("insists on Istanbul guarantees").
MATERIAL_PREPS = LOCATIVE_PREPS | {"on", "into", "across", "over", "along", "off", "against"}


# The target of force named as its object is where it happened ("struck Lviv", "Kharkiv was
# shelled"); a statement's object is what it is about ("criticised Moscow").
TARGET_DEPS = frozenset({"dobj", "nsubjpass"})


def _locative_ranges(tokens: Iterable[Token], preps: frozenset[str], material: bool = False) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for tok in tokens:
        for child in tok.children:
            if (child.dep_ == "prep" and child.lower_ in preps) or (material and child.dep_ in TARGET_DEPS):
                ranges.append((child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)))
            elif child.dep_ == "npadvmod" and child.ent_type_ in ("GPE", "LOC"):
                ranges.append((child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)))
    return ranges


def _guessed(place: PlaceMention) -> bool:
    """An unknown name the gazetteer put in the document's focus city for want of better."""
    return place.feature == "other" and place.confidence <= GUESS_CONFIDENCE


def locations(tokens: Sequence[Token], places: Sequence[PlaceMention], material: bool = False) -> list[PlaceMention]:
    """Non-metonymic places inside locative phrases of the trigger tokens, most specific first;
    ``material`` events also take their target phrase ("on", "against", "into")."""
    ranges = _locative_ranges(tokens, MATERIAL_PREPS if material else LOCATIVE_PREPS, material)
    if not ranges:
        return []
    found = [p for p in places if not p.metonym and not _guessed(p)
             and any(a <= p.start and p.end <= b for a, b in ranges)]
    specific = [p for p in found if p.feature != "country"]
    return specific or found

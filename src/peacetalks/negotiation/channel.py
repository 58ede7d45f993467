"""How the parties of a meeting meet (``Meeting.channel``): by call, by a visit, or in person.

A phone call and a summit of the same two leaders are different meetings even when they
fall in the same week ("a future meeting between Putin and Trump" is not the call they
held later); consolidation keeps a call apart from a visit or an in-person meeting. The
cue words are in ``data/meetings.yaml: channels``.
"""

from __future__ import annotations

from typing import Iterator, Optional

from spacy.tokens import Token

from peacetalks.negotiation import lexicon

CALL, VISIT, IN_PERSON = "call", "visit", "in_person"
# Channel rank: a call cue beats a visit cue beats an in-person cue ("met by video link" is a call).
_RANK = {CALL: 0, VISIT: 1, IN_PERSON: 2}
_CUE_DEPS = frozenset({"amod", "compound", "advmod", "npadvmod", "prt"})


def channel_of(trig: Token, has_place: bool) -> Optional[str]:
    """The channel the words on the meeting word state, else in_person when it has a place
    ("talks in Istanbul"), else None."""
    cues = lexicon.meetings().channel_cues
    found = [cues[w] for w in _cue_words(trig) if w in cues]
    if found:
        return min(found, key=_RANK.__getitem__)
    if has_place:
        return IN_PERSON
    if trig.pos_ == "VERB" and _names_the_call(trig):
        return CALL  # "Trump, due to speak with Putin on Monday, wrote that the call would ..."
    return None


def _names_the_call(verb: Token) -> bool:
    """The sentence of a meeting verb refers to "the call" (a definite call, not "a call for")."""
    return any(t.lemma_.lower() == "call" and t.pos_ == "NOUN" and t.i != verb.i
               and any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in t.children)
               and not any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in t.children)
               for t in verb.sent)


def _cue_words(trig: Token) -> Iterator[str]:
    """The meeting word, its modifiers, and the objects of its prepositions with their
    modifiers ("by phone", "via video link", "in person"); the noun a host verb governs
    ("held a call") is the trigger itself."""
    yield trig.lemma_.lower()
    for c in trig.children:
        if c.dep_ in _CUE_DEPS and not c.tag_.startswith("VB"):  # "so-called peace talks" is no call
            yield c.lemma_.lower()
        elif c.dep_ == "prep":
            for obj in c.children:
                if obj.dep_ == "pobj":
                    yield obj.lemma_.lower()
                    yield from (g.lemma_.lower() for g in obj.children if g.dep_ in ("compound", "amod"))


def compatible(a: Optional[str], b: Optional[str]) -> bool:
    """A call is never the same meeting as a visit or an in-person meeting; an unstated
    channel fits any."""
    return not a or not b or (a == CALL) == (b == CALL)

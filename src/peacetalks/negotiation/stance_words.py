"""Stance words shared by the stance reader (positions.py), the issue finder (issue_words.py) and the
holder finder (position_holders.py)."""

from __future__ import annotations

from spacy.tokens import Token


# Appeals a speaker makes in their own voice ("called for new sanctions").
APPEALS = frozenset({"call for", "call on", "urge", "appeal", "appeal for", "press for", "push for", "demand"})

# Nouns for someone's proposal: as the subject of a verdict they are what is judged, not who judges.
PROPOSAL_NOUNS = frozenset({"demand", "proposal", "plan", "offer", "idea", "call", "request", "condition",
                             "ultimatum", "initiative", "suggestion", "presence", "deployment",
                             "deal", "agreement", "settlement", "accord", "treaty", "solution"})

# "there is no role/place/room for X": a refusal written as an absence.
ROOM_NOUNS = frozenset({"role", "place", "room", "question", "way", "intention", "plan", "desire", "interest",
                         "need", "willingness", "hurry", "rush", "say", "part"})

# Verbs of a measure held up: in the passive with the measure as subject, its owner is no holder.
STALL = frozenset({"block", "veto", "reject", "oppose", "delay", "freeze", "hold", "stall", "deny", "refuse"})


def stance_phrase(tok: Token) -> str:
    """The word with its adjective/compound modifiers ("red line"), else the lemma."""
    mods = [c.lemma_.lower() for c in tok.lefts if c.dep_ in ("amod", "compound")]
    return " ".join(mods + [tok.lemma_.lower()]) if mods else tok.lemma_.lower()

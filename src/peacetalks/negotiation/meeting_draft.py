"""The working record of one meeting while meetings.py reads it (see meetings.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Token

from peacetalks.records import ActorMention, PlaceMention, Span


@dataclass
class Draft:
    """A meeting while it is being read."""

    sentence: int
    trigger: Token
    level: str
    status: str
    participants: list[ActorMention] = field(default_factory=list)
    proposer: Optional[ActorMention] = None
    preconditions: list[str] = field(default_factory=list)
    place: Optional[PlaceMention] = None
    evidence: list[Span] = field(default_factory=list)
    order: Optional[int] = None
    format_cue: Optional[str] = None
    level_explicit: bool = False
    speaker: Optional[str] = None
    date: Optional[str] = None
    anaphoric: bool = False
    status_marked: bool = True
    historical: bool = False
    channel: Optional[str] = None
    host: Optional[str] = None  # the party hosting it ("Turkey ... host the negotiations"): not a participant
    destination: Optional[str] = None  # set when one trip to several parties is split per destination

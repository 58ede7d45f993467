"""Who acts and who is acted on, read from the parse and mapped onto the actor stage's mentions.

Actor: the subject (with its conjuncts), the agent of a passive ("by X"), the possessor or
national adjective of a nominal trigger ("Russia's strikes", "Russian strikes"); a clause without
its own subject takes its governor's ("Israel agreed to withdraw"). Recipient: the object, the
passive subject, and the objects of "with", "to", "on", "against", "at".
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable, Optional, Sequence

from spacy.tokens import Token

from peacetalks.records import ActorMention, PlaceMention

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "nsubjpass"})
RECIPIENT_PREPS = frozenset({"with", "to", "on", "against", "at", "toward", "towards", "into", "upon", "from", "of"})
NOMINAL_ACTOR_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its", "their", "his", "her", "our", "i"})


class MentionIndex:
    """Actor mentions sorted by start, for overlap look-ups by character range."""

    def __init__(self, mentions: Sequence[ActorMention], places: Sequence[PlaceMention] = ()):
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.places = sorted((p for p in places if p.country), key=lambda p: p.start)

    def place_actor(self, tok: Token) -> Optional[ActorMention]:
        """A country standing in for an actor when no actor mention is there: "strikes on
        Ukrainian regions, including Lviv" targets Ukraine (PLOVER codes places by country)."""
        lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
        inside = [p for p in self.places if lo <= p.start and p.end <= hi]
        if not inside or len({p.country for p in inside}) != 1:
            return None
        p = next((q for q in inside if q.feature == "country"), inside[0])
        return ActorMention(p.text, p.start, p.end, name=p.name, country=p.country, confidence=0.5)

    def overlapping(self, start: int, end: int) -> list[ActorMention]:
        hi = bisect_right(self.starts, end - 1)
        # Mentions are short: look back a bounded window instead of scanning from the start.
        lo = bisect_right(self.starts, start - 200)
        return [m for m in self.mentions[lo:hi] if m.end > start]

    def for_token(self, tok: Token) -> Optional[ActorMention]:
        """The mention of the noun phrase headed by ``tok``: the one covering the head word,
        else the longest one in its left modifiers ("Russian Foreign Minister Lavrov")."""
        left = tok.left_edge.idx
        end = tok.idx + len(tok.text)
        found = self.overlapping(left, end)
        if not found:
            return None
        covering = [m for m in found if m.start <= tok.idx < m.end]
        pool = covering or found
        return max(pool, key=lambda m: (m.end - m.start, -m.start))


def conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


def _mentions(tokens: Iterable[Token], index: MentionIndex, places: bool = False) -> list[ActorMention]:
    out: list[ActorMention] = []
    seen: set[tuple[int, int]] = set()
    for tok in tokens:
        for conj in conjuncts(tok):
            m = index.for_token(conj)
            if places and (m is None or m.country is None):
                # A country-less name (an entity the actor stage did not know) gives way to the
                # country of the places in the phrase.
                m = index.place_actor(conj) or m
            if m is not None and (m.start, m.end) not in seen:
                seen.add((m.start, m.end))
                out.append(m)
    return out


def subject_of(verb: Token) -> list[Token]:
    """The subject of a verb, inherited through xcomp/conj/advcl chains when it has none."""
    cur: Optional[Token] = verb
    for _ in range(6):
        if cur is None:
            break
        subj = [c for c in cur.children if c.dep_ in SUBJECT_DEPS]
        agent = [g for c in cur.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return agent
        if subj:
            return subj
        if cur.dep_ in ("xcomp", "conj", "advcl", "acomp", "pcomp", "ccomp") and cur.head.i != cur.i:
            cur = cur.head if cur.head.dep_ != "prep" else cur.head.head
        else:
            break
    return []


def _nominal_actors(noun: Token) -> list[Token]:
    out = [c for c in noun.children if c.dep_ in NOMINAL_ACTOR_DEPS and (c.ent_type_ or c.pos_ in ("PROPN", "PRON"))]
    out += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
    return out


def _objects(tok: Token, skip_preps: frozenset[str] = frozenset()) -> list[Token]:
    out = [c for c in tok.children if c.dep_ in OBJECT_DEPS and not (c.dep_ == "nsubjpass" and tok.pos_ != "VERB")]
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS and c.lower_ not in skip_preps):
        out += [g for g in prep.children if g.dep_ == "pobj"]
    return out


def roles(anchor: Token, word: Token, index: MentionIndex, speaker: Optional[ActorMention] = None,
          governor_actors: Sequence[ActorMention] = (), content_preps: frozenset[str] = frozenset(),
          ) -> tuple[list[ActorMention], list[ActorMention]]:
    """(actors, recipients) of the event anchored at ``anchor`` with trigger word ``word``."""
    if anchor.pos_ == "ADJ" and anchor.dep_ in ("ccomp", "oprd", "xcomp") and anchor.head.lemma_ != "be":
        # "Putin considers Zelensky illegitimate": the judge acts, the judged receives.
        own = [c for c in anchor.children if c.dep_ in SUBJECT_DEPS]
        actors = _mentions(subject_of(anchor.head), index) or list(governor_actors)
        return actors, [m for m in _mentions(own, index) if m not in actors]
    if anchor.pos_ in ("NOUN", "PROPN"):
        actor_toks = _nominal_actors(anchor)
        if not actor_toks and anchor.dep_ in ("dobj", "pobj"):
            actor_toks = subject_of(anchor.head if anchor.dep_ == "dobj" else anchor.head.head)
    else:
        actor_toks = subject_of(anchor)
    # A governing word's "insist on X" / "call for X" names its content, not a recipient.
    recip_toks = _objects(anchor, content_preps) + (_objects(word) if word.i != anchor.i else [])
    actors = _mentions(actor_toks, index)
    if not actors and actor_toks and actor_toks[0].lower_ in PRONOUNS and speaker is not None:
        actors = [speaker]  # "Iraq said it would allow ...": the pronoun is the speaker
    if not actors and governor_actors:
        actors = list(governor_actors)
    recipients = [m for m in _mentions(recip_toks, index, places=True) if m not in actors]
    return actors, recipients

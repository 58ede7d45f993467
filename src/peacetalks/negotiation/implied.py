"""Parties a meeting implies without naming them.

Two readings, both documented in docs/negotiation.md:

- a definite plural of a kind of party ("the two presidents meet", "both sides", "a meeting
  of the two leaders"): the two latest distinct parties of that kind mentioned earlier in the
  document (``meetings.yaml: plural_parties``). The mentions returned are the earlier ones, so
  their offsets are the evidence of who is meant.
- a three-way meeting that names only two parties ("asked about a three-way meeting with
  Trump, Peskov said ..."): the third is the one party of a configured process
  (``data/processes.yaml``) that is missing, when exactly one process involving the two
  offers exactly one such party and the document mentions it.

Round 5 adds two readings of what a meeting word's surroundings imply:

- ``plural_pronoun``: "They later held a joint call with Trump" after a sentence whose
  subject is a list of named people ("Macron, Merz, Starmer and Tusk ... met Zelensky"):
  "they" are those people, not the latest state named before it.
- ``host_of``: "Turkey was ready to host the negotiations": the host is no party of the
  meeting it hosts, so that meeting is not one the host takes part in (anaphora skips it).
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Optional

from spacy.tokens import Token

from peacetalks.negotiation import lexicon
from peacetalks.negotiation.parties import PartyIndex, country_key, rank_of
from peacetalks.negotiation.process import load_processes
from peacetalks.negotiation.status import HOSTING
from peacetalks.negotiation.syntax import subject_of
from peacetalks.records import NON_STATE_COUNTRIES, ActorMention

_NUMBER = frozenset({"two", "both"})


@functools.lru_cache(maxsize=1)
def _plural_kinds() -> dict[str, str]:
    raw = lexicon._load("meetings.yaml")
    return {str(k): str(v) for k, v in (raw.get("plural_parties") or {}).items()}


def plural_definite(tok: Token, index: PartyIndex, exclude: frozenset[str] = frozenset()) -> list[ActorMention]:
    """"the two presidents" / "both sides" -> the two latest distinct parties of that kind
    before ``tok``, other than ``exclude`` (the other side: "Trump would attend a meeting with
    both leaders"), or [] when the phrase is no such plural or fewer than two are found."""
    kind = _plural_kinds().get(tok.lemma_.lower())
    if kind is None or tok.tag_ != "NNS" or index.at(tok) is not None:
        return []
    words = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet")}
    if not (words & _NUMBER and ("the" in words or "both" in words)):
        return []
    found: dict[str, ActorMention] = {}
    for m in reversed(index.mentions):
        if m.end > tok.idx or not m.country or m.country in NON_STATE_COUNTRIES or m.country in exclude:
            continue
        if kind != "states" and (m.actor_id is None or rank_of(m, index.doc) != kind):
            continue
        found.setdefault(country_key(m), m if kind != "states" else as_state(m))
        if len(found) == 2:
            return list(found.values())
    return []


def third_party(parts: list[ActorMention], trig: Token, index: PartyIndex) -> Optional[ActorMention]:
    """The missing party of a three-way meeting with two named sides, as a state mention
    taken from the document (the latest mention of that country before the meeting word,
    else the first after it), or None when no single process says who it is."""
    keys = {country_key(m) for m in parts}
    if len(keys) != 2:
        return None
    missing = {p for proc in load_processes() if keys & set(proc.parties) and keys <= proc.members
               for p in proc.parties if p not in keys}
    if len(missing) != 1:
        return None
    return _state_mention(next(iter(missing)), trig, index)


def _state_mention(country: str, trig: Token, index: PartyIndex) -> Optional[ActorMention]:
    """The document's mention of ``country`` as a state: the latest before the meeting word, else
    the first after it."""
    mentions = [m for m in index.mentions if m.country == country]
    before = [m for m in mentions if m.end <= trig.idx]
    pick = before[-1] if before else (mentions[0] if mentions else None)
    return as_state(pick) if pick is not None else None


def process_counterpart(owner: ActorMention, trig: Token, index: PartyIndex) -> Optional[ActorMention]:
    """"Kallas said *Moscow's* proposal of talks was ...": the talks a party owns are with the
    other party of its one configured process (Russia -> Ukraine), as a state mention from the
    document (as ``third_party``), or None when no single process names one."""
    own = country_key(owner)
    missing = {p for proc in load_processes() if own in proc.parties for p in proc.parties if p != own}
    if len(missing) != 1:
        return None
    return _state_mention(next(iter(missing)), trig, index)


def as_state(m: ActorMention) -> ActorMention:
    """A person's mention standing for the state (the implied side, not the person)."""
    if m.actor_id is None:
        return m
    return replace(m, actor_id=None, name=m.country, sector="GOV", role=None)


_PLURAL_PRONOUNS = frozenset({"they", "them"})


def plural_pronoun(pron: Token, index: PartyIndex) -> list[ActorMention]:
    """A sentence-opening "they" -> the named people of the previous sentence's main subject
    when it lists two or more of them; else [] (the caller's usual reading applies)."""
    if pron.lower_ not in _PLURAL_PRONOUNS or pron.sent.start == 0 or \
            any(t.i < pron.i and index.at(t) is not None for t in pron.sent):
        return []
    prev = pron.doc[pron.sent.start - 1].sent
    subj = next((t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == prev.root.i), None)
    if subj is None:
        return []
    people = [m for m in index.in_tokens(subj.subtree) if m.actor_id is not None and m.country]
    return people if len({m.actor_id for m in people}) >= 2 else []


def host_of(trig: Token, index: PartyIndex) -> Optional[str]:
    """The party that hosts a meeting noun ("Turkey was ready to host the negotiations",
    "Erdogan, who hosted the talks"), as a country key, or None."""
    verb = trig.head
    if trig.dep_ != "dobj" or verb.lemma_.lower() not in HOSTING or verb.dep_ in ("pcomp", "acl"):
        return None  # "speak to Erdogan about hosting the talks": who hosts is not said
    subj = subject_of(verb)
    if subj is None:
        return None
    if subj.tag_ == "WP" and verb.dep_ == "relcl":
        subj = verb.head  # "Carney, who hosted the summit": the relative clause's noun hosts
    m = index.resolve_pronoun(subj) if subj.pos_ == "PRON" else index.of_subtree(subj)
    return country_key(m) if m is not None else None


def outside_commentator(owner: ActorMention, reporter: ActorMention) -> bool:
    """"Kallas said Moscow's proposal of talks was ...": the reporter is no side of the owner's
    conflict when a configured process has the owner among its parties and the reporter only
    as a mediator or not at all (Peskov on "Ukraine's proposal of a summit" is the other side)."""
    own, rep = country_key(owner), country_key(reporter)
    procs = [p for p in load_processes() if own in p.parties]
    return bool(procs) and rep != own and all(rep not in p.parties for p in procs)

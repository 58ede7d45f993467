"""Across the meeting words of a document: two words for one meeting in a sentence are merged,
and a meeting without parties ("such a meeting") takes them from its antecedent. Used by meetings.py."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from peacetalks.negotiation import channel, implied, lexicon, meeting_parties
from peacetalks.negotiation.meeting_draft import Draft
from peacetalks.negotiation.parties import country_key
from peacetalks.negotiation.status import HOSTING, UNMARKED
from peacetalks.records import ActorMention



def merge_same(drafts: list[Draft]) -> list[Draft]:
    """Two meeting words in one sentence with the same parties and level are one meeting."""
    out: list[Draft] = []
    prio = lexicon.meetings().status_priority
    for d in drafts:
        keyset = frozenset(country_key(m) for m in d.participants)
        twin = next((o for o in out if o.order is None and d.order is None and keyset and _same_level(o, d)
                     and not o.anaphoric and not d.anaphoric and o.historical == d.historical
                     and (o.status == d.status or not o.status_marked or not d.status_marked)
                     and channel.compatible(o.channel, d.channel)
                     and frozenset(country_key(m) for m in o.participants) == keyset), None)
        if twin is None:
            out.append(d)
            continue
        if prio.index(d.status) < prio.index(twin.status) and d.status_marked:
            twin.status = d.status
        if twin.level == "unspecified":
            twin.level, twin.level_explicit = d.level, d.level_explicit
        twin.status_marked = twin.status_marked or d.status_marked
        twin.preconditions += [p for p in d.preconditions if p not in twin.preconditions]
        twin.proposer = twin.proposer or d.proposer
        twin.place = twin.place or d.place
        twin.date = twin.date or d.date
        twin.channel = twin.channel or d.channel
    return out


def _open(d: Draft) -> bool:
    """A bare mention that says neither level nor status ("their first direct talks")."""
    return d.level == "unspecified" and not d.level_explicit and not d.status_marked


def _same_level(a: Draft, b: Draft) -> bool:
    """Same level, or one of them a bare restatement of the other ("met on Monday, their first
    direct talks since 2022")."""
    return a.level == b.level or _open(a) or _open(b)


def resolve_anaphora(drafts: list[Draft]) -> list[Draft]:
    done: list[Draft] = []
    for d in drafts:
        if len({country_key(m) for m in d.participants}) >= 2:
            done.append(d)
            continue
        partner = _other_side(d, done)
        if partner:  # "Russia was ready to hold a third round of direct talks": with the side it meets
            d.participants = meeting_parties.dedupe(d.participants + partner)
            d.anaphoric = True
            done.append(d)
            continue
        if not (d.level_explicit or _has_anaphor(d.trigger)):
            continue  # "pushing for talks": a bare meeting word with no parties refers to nothing
        ante = _antecedent(d, done)
        if ante is None:
            if _partyless_report(d):
                done.append(d)  # consolidation joins it to the one meeting it can be (consolidate.py)
            continue
        d.anaphoric = True
        same_level = not d.level_explicit or d.level == ante.level
        if not same_level and d.order is None and not _has_anaphor(d.trigger):
            continue  # "offered to host a new round of talks": not the call just reported
        if same_level and not d.status_marked and d.order is None:
            # "... and described the talks as extensive": nothing new about that meeting
            ante.evidence += [e for e in d.evidence if e not in ante.evidence]
            continue
        d.participants = ante.participants if same_level else [implied.as_state(m) for m in ante.participants]
        d.level = ante.level if not d.level_explicit else d.level
        if same_level:
            d.proposer = d.proposer or ante.proposer
            d.preconditions = d.preconditions or list(ante.preconditions)
            d.channel = d.channel or ante.channel  # "Trump, due to speak with Putin, said the call ..."
        d.format_cue = d.format_cue or (ante.format_cue if same_level else None)
        d.evidence = d.evidence + [e for e in ante.evidence if e not in d.evidence]
        done.append(d)
    return done


def _partyless_report(d: Draft) -> bool:
    """"A planned meeting of foreign ministers in London was cancelled": a report on a meeting
    that names no party but says its level, place and what happened to it is kept without
    parties; across documents it joins the single earlier meeting it can be."""
    return d.level_explicit and d.place is not None and d.status_marked and d.status != UNMARKED \
        and not d.historical and d.order is None


_TWO_SIDED = frozenset({"direct", "bilateral", "face-to-face", "one-on-one", "peace"})


def _other_side(d: Draft, done: list[Draft]) -> list[ActorMention]:
    """For a one-party meeting that says it has another side ("direct talks", "bilateral
    talks", "peace talks"): the other parties of the latest earlier meeting of this party
    in the document, as states (the level may differ)."""
    own = {country_key(m) for m in d.participants}
    if len(own) != 1 or d.trigger.head.lemma_.lower() in HOSTING:
        return []
    if not any(t.dep_ in ("amod", "compound") and t.lower_ in _TWO_SIDED for t in d.trigger.subtree):
        return []
    for o in reversed(done):
        keys = {country_key(m) for m in o.participants}
        if own < keys and not o.historical:
            return [implied.as_state(m) for m in o.participants if country_key(m) not in own]
    return []


def _has_anaphor(trig: Token) -> bool:
    anaphora = lexicon.meetings().anaphora
    return any(c.dep_ in ("det", "predet", "poss") and c.lower_ in anaphora | {"its", "their", "his", "her"}
               for c in trig.children)


def _antecedent(d: Draft, done: list[Draft]) -> Optional[Draft]:
    cands = [o for o in done if o.participants and (o.sentence, o.trigger.i) < (d.sentence, d.trigger.i)
             and d.host not in {country_key(m) for m in o.participants}]  # a host hosts others' meeting
    if not cands:
        return None
    if d.speaker is not None:
        same = [o for o in cands if o.speaker == d.speaker and o.sentence < d.sentence]
        if same:
            return same[-1]
    if d.level_explicit:
        level = [o for o in cands if o.level == d.level]
        if level:
            return level[-1]
    # "... ready to provide every facility for *the negotiations*" after a report of a visit:
    # the repeated meeting noun names the meeting last called so, not the trip or call
    last = cands[-1]
    word = [o for o in cands if o.trigger.pos_ != "VERB" and o.trigger.lemma_ == d.trigger.lemma_]
    if word and d.channel is None and last.channel in (channel.VISIT, channel.CALL) and _has_anaphor(d.trigger):
        return word[-1]
    return last

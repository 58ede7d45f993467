"""Meetings (SPEC section 2): summits, rounds of talks, working groups, calls and visits.

Reading order, per sentence: find meeting words (nouns like "summit", verbs like "met"
or "spoke with"), read their parties from the words around them, their level from cue
words or from the participants' rank, their status from cue words on the path to the
sentence root, preconditions from conditional clauses. A stated sequence ("first working
groups, then delegations, afterwards a summit") gives one meeting per stage with order
1, 2, 3. Then, across sentences, a meeting without parties ("such a meeting") takes them
from its antecedent: the last meeting reported by the same speaker, else the last one.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc as SpacyDoc, Span as SpacySpan, Token

from peacetalks.negotiation import channel, dates, doccache, history, implied, lexicon
from peacetalks.negotiation.parties import LEVEL_RANK, PartyIndex, country_key, rank_of
from peacetalks.negotiation.speakers import meeting_format
from peacetalks.negotiation.status import (
    HOSTING, TIME_PREPS, UNMARKED, answered_status, frame_token, future_or_modal, preconditions_of, proposer_of,
    status_of, strong_proposal,
)
from peacetalks.negotiation.syntax import ancestors, is_negated, speaker, subject_of, trimmed
from peacetalks.records import NON_STATE_COUNTRIES, ActorMention, Meeting, PlaceMention, Span, stable_id

if TYPE_CHECKING:  # pragma: no cover
    from peacetalks.pipeline import Analysis

_STOP_RIGHT = frozenset({"VERB", "AUX", "SCONJ", "PUNCT"})


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


def extract(analysis: "Analysis", index: PartyIndex) -> list[Meeting]:
    drafts: list[Draft] = []
    gatherings: set[str] = set()
    for si, sent in enumerate(analysis.doc.sents):
        drafts.extend(_read_sentence(analysis, index, si, sent, gatherings))
    resolved = [d for d in _resolve_anaphora(drafts) if not _own_gathering(d)]
    merged: list[Draft] = []
    for si in sorted({d.sentence for d in resolved}):
        merged.extend(_merge_same([d for d in resolved if d.sentence == si]))
    return [_to_meeting(analysis.doc_id, d) for d in merged]


# ---------------------------------------------------------------- one sentence

def _read_sentence(analysis: "Analysis", index: PartyIndex, si: int, sent: SpacySpan,
                   gatherings: set[str]) -> list[Draft]:
    """The drafts of one sentence; ``gatherings`` collects (and is read for) the meeting words
    the document has used for an organisation's own event ("the G7 summit")."""
    triggers = _triggers(sent, index)
    seq = _sequence(sent)
    seq_ids = {t.i for t in seq}
    spk = speaker(sent)
    spk_key = country_key(index.of_subtree(spk)) if spk is not None and index.of_subtree(spk) else None
    out: list[Draft] = []
    for trig in triggers:
        if trig.i in seq_ids or _gathering(trig, index, gatherings):
            continue
        d = _draft(analysis, index, si, sent, trig)
        for one in _split_trip(d, index) if d is not None else []:
            one.speaker = spk_key
            out.append(one)
    for order, tok in enumerate(seq, start=1):
        level = _level_cue([tok] + list(tok.children)) or "unspecified"
        status = "planned" if any(t.lemma_.lower() in ("agree", "plan", "schedule") for t in sent) else "proposed"
        d = Draft(sentence=si, trigger=tok, level=level, status=status, order=order,
                  evidence=[trimmed(sent, analysis.text)], level_explicit=True, speaker=spk_key)
        d.participants = _dedupe(index.in_tokens(_left_window(tok)) + index.in_tokens(_right_window(tok)))
        out.append(d)
    return out


def _triggers(sent: SpacySpan, index: PartyIndex) -> list[Token]:
    lex = lexicon.meetings()
    doc, w, nouns = sent.doc, doccache.words(sent.doc), _noun_heads() | _SPECIAL_NOUNS
    found: list[Token] = []
    for i in range(sent.start, sent.end):  # the word table first: a Token only for a candidate
        pos, lemma = w.pos[i], w.lemma[i]
        if pos in ("NOUN", "PROPN") and lemma in nouns and _is_meeting_noun(doc[i], lex):
            found.append(doc[i])
        elif pos == "VERB" and lemma in lex.verbs and _is_meeting_verb(doc[i], index):
            found.append(doc[i])
    return found


_SPECIAL_NOUNS = frozenset({"group", "team", "conference"})  # meeting nouns only with a modifier


def _is_meeting_noun(tok: Token, lex: lexicon.MeetingLexicon) -> bool:
    lemma = tok.lemma_.lower()
    if lemma == "group":
        return any(c.lemma_.lower() in ("work", "working") for c in tok.children)
    if lemma == "conference" and any(c.lemma_.lower() in ("press", "news") for c in tok.children):
        return False  # "told a news conference": a briefing, not talks
    if lemma == "team":  # "technical teams", "expert teams": a working level, not any team
        return any(c.lemma_.lower() in ("technical", "expert", "working") for c in tok.children)
    if lemma not in _noun_heads():
        return False
    if tok.dep_ in ("compound", "amod") and tok.head.lemma_.lower() != "summit":
        return False  # "negotiation process", "summit talks" -> the head decides
    if lemma == "call":  # "a phone call", "a call with Trump"; not "a call for a ceasefire"
        if any(c.lemma_.lower() in ("phone", "telephone", "video", "conference") for c in tok.children):
            return True
        return any(c.lower_ in ("with", "between") for c in tok.children) and not any(c.lower_ == "for" for c in tok.children)
    if lemma in ("talk", "negotiation", "consultation") and tok.dep_ == "pobj" and tok.head.head.lemma_.lower() == "round":
        return False  # the round carries the meeting
    if lemma == "round" and not any(c.lower_ == "of" for c in tok.children):
        return False
    return True


@functools.lru_cache(maxsize=1)
def _noun_heads() -> frozenset[str]:
    """Last words of the meeting nouns ("call" of "phone call"), computed once, not per token."""
    return frozenset(p[-1] for p in lexicon.meetings().nouns)


def _is_meeting_verb(tok: Token, index: PartyIndex) -> bool:
    lemma = tok.lemma_.lower()
    objs = [c for c in tok.children if c.dep_ in ("dobj", "prep")]
    if lemma in ("call", "host", "visit", "receive", "telephone"):
        if any(c.dep_ == "dobj" and _is_meeting_noun(c, lexicon.meetings()) for c in tok.children):
            return False  # "host a meeting": the meeting word is the trigger
        if any(c.dep_ in ("oprd", "ccomp", "xcomp", "acomp") for c in tok.children):
            return False  # "called him illegitimate", "called on"
        if lemma == "call" and any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in tok.children):
            return False  # "called for", "called on"
        return any(index.of_subtree(c) for c in objs if c.dep_ == "dobj")
    if lemma in ("travel", "fly"):  # "Witkoff will travel to Moscow": a visit to a party
        # ... but "travel to the G7 summit": the gathering is the meeting word, not a host
        return not _goes_to_known_meeting(tok) and any(
            c.dep_ == "prep" and c.lower_ == "to" and _pobj_actor(c, index)
            and not any(_is_meeting_noun(o, lexicon.meetings()) for o in c.children if o.dep_ == "pobj")
            for c in tok.children)
    if lemma == "arrive":  # "Zelensky arrived in Washington for talks"
        return any(c.dep_ == "prep" and c.lower_ in ("in", "at") and _pobj_actor(c, index) for c in tok.children)
    if lemma in ("convene", "reconvene", "sit"):  # "negotiators from Kyiv and Moscow will reconvene / sat down"
        if lemma == "sit" and not any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
            return False
        subj = subject_of(tok)
        return subj is not None and len({country_key(m) for m in index.in_tokens(subj.subtree)}) > 1
    if lemma == "discuss":  # "Sybiha and Fidan discussed ...": a meeting of the subjects
        return len({country_key(index.of_subtree(t)) for t in _conj_subjects(tok) if index.of_subtree(t)}) > 1
    if lemma in ("speak", "talk", "confer", "negotiate"):
        return any(c.dep_ == "prep" and c.lower_ in ("with", "to") and _pobj_actor(c, index) for c in tok.children) \
            or any(index.at(t) for t in _conj_subjects(tok)) and len(_conj_subjects(tok)) > 1
    return True


def _goes_to_known_meeting(verb: Token) -> bool:
    """"Sybiha will travel to London for the meeting": the trip is attendance at a meeting the
    text already named (a definite meeting noun without parties of its own), not a visit to
    the host; "travel to Moscow for talks with Putin" stays a visit."""
    lex = lexicon.meetings()
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and _is_meeting_noun(obj, lex) \
                    and any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in obj.children) \
                    and not any(c.dep_ == "prep" and c.lower_ in ("with", "between", "of") for c in obj.children):
                return True
    return False


def _pobj_actor(prep: Token, index: PartyIndex) -> bool:
    """A party as the object ("travel to Moscow"); not one inside a relative clause on it
    ("flew to Geneva, where negotiators from Armenia and Azerbaijan will meet")."""
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        aside = {t.i for c in obj.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        if index.in_tokens(t for t in obj.subtree if t.i not in aside):
            return True
    return False


def _conj_subjects(tok: Token) -> list[Token]:
    subj = subject_of(tok)
    if subj is None:
        return []
    return [subj] + [c for c in subj.conjuncts]


def _draft(analysis: "Analysis", index: PartyIndex, si: int, sent: SpacySpan, trig: Token) -> Optional[Draft]:
    is_verb = trig.pos_ == "VERB"
    if is_verb and is_negated(trig) and future_or_modal(trig) is None:
        return None  # "have not met since July": no meeting, and no refusal either
    if not is_verb and _denied_past(trig):
        return None
    parts = _verb_parties(trig, index) if is_verb else _noun_parties(trig, index)
    of_phrase = [t for c in trig.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    kids = [c for c in trig.children if not (is_verb and c.dep_ == "dobj" and trig.lemma_.lower() == "discuss")]
    window = [trig] + kids + _left_window(trig) + _right_window(trig) + of_phrase \
        + _subject_tokens(trig, is_verb)
    level_cue = _level_cue(window)
    marked = status_of(trig, is_verb) or answered_status(trig)
    status = marked or UNMARKED
    proposer = proposer_of(trig, index)
    if proposer is not None and status in ("held",):
        proposer = None
    d = Draft(sentence=si, trigger=trig, level=level_cue or "unspecified", status=status,
              participants=parts, proposer=proposer, evidence=[trimmed(sent, analysis.text)],
              level_explicit=level_cue is not None, format_cue=_format_cue(window), status_marked=bool(marked))
    d.host = None if is_verb else implied.host_of(trig, index)
    d.preconditions = preconditions_of(trig)
    if d.preconditions and d.status in ("proposed", "planned"):
        d.status = "conditional"
    own = len({country_key(m) for m in d.participants})
    if not d.participants and proposer is not None and strong_proposal(trig):
        d.participants = [proposer]  # "Putin's offer of direct talks": the proposer takes part
    named = list(d.participants)
    d.participants = _complete(d, index, sent)
    if _third_party(d, named, index) and not level_cue:
        d.level = _level_from_ranks(named, analysis) or "unspecified"  # the side named at the meeting word
    elif not level_cue and own:  # ranks say nothing when no party is named at the meeting word
        d.level = _level_from_ranks(d.participants, analysis, _visitor(trig, index) if is_verb else None) or lexicon.meetings().nouns.get((trig.lemma_.lower(),), "unspecified")
    d.place = _place(analysis, trig)
    d.channel = channel.channel_of(trig, d.place is not None)
    d.date = dates.resolve(sent, analysis.published, trig, d.status)
    d.date, d.historical = history.judge(trig, d.date, analysis.published, d.status)
    if d.historical and (not d.status_marked or history.past_reference(trig)):
        d.status = "held"  # a past meeting recalled as a reference point took place
    return d


def _third_party(d: Draft, named: list[ActorMention], index: PartyIndex) -> bool:
    """"Asked about a three-way meeting with Trump, Peskov said ...": two sides and a trilateral
    cue; the third is the process's one missing party (``implied.third_party``). The sides not
    named at the meeting word (the speaker's) stand for their states. True when it was added."""
    if d.format_cue != "trilateral":
        return False
    extra = implied.third_party(d.participants, d.trigger, index)
    if extra is None:
        return False
    ids = {id(m) for m in named}
    d.participants = _dedupe(named + [implied.as_state(m) for m in d.participants if id(m) not in ids] + [extra])
    return True


_TRIP_VERBS = frozenset({"travel", "fly", "visit"})


def _split_trip(d: Draft, index: PartyIndex) -> list[Draft]:
    """"Merz travelled to Paris and Warsaw": one trip, but a visit to each host (two bilateral
    visits, not a trilateral meeting of the visitor and two capitals that never sat together)."""
    trig = d.trigger
    visitor = _visitor(trig, index) if trig.lemma_.lower() in _TRIP_VERBS else None
    if visitor is None:
        return [d]
    heads = [c for c in trig.children if c.dep_ == "dobj"] if trig.lemma_.lower() == "visit" else \
        [o for c in trig.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
    dests = [t for h in heads for t in [h, *(c for c in h.children if c.dep_ == "conj")]]
    hosts = _dedupe([m for t in dests if (m := index.at(t)) is not None and country_key(m) != country_key(visitor)])
    if len({country_key(m) for m in hosts}) < 2 or len(hosts) != len(dests):
        return [d]  # one host, or a destination that is no party ("to Paris and the G7 summit")
    own = [m for m in d.participants if country_key(m) == country_key(visitor)]
    return [replace(d, participants=own + [h], destination=country_key(h), evidence=list(d.evidence)) for h in hosts]


def _gathering(trig: Token, index: PartyIndex, gatherings: set[str]) -> bool:
    """An organisation's own event ("the NATO summit", "the Group of Seven summit") is no
    meeting of the process; a later bare definite mention of the same word ("Carney, who hosted
    *the summit*") is that event again, not a new meeting nor a report on another one."""
    if trig.pos_ == "VERB":
        return False
    lemma = trig.lemma_.lower()
    if _organisation_event(trig, index):
        gatherings.add(lemma)
        return True
    return lemma in gatherings and _bare_definite(trig, index)


def _bare_definite(trig: Token, index: PartyIndex) -> bool:
    """"the summit": a definite meeting noun naming no party of its own."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in trig.children)
    own = _left_window(trig) + _right_window(trig) + [
        t for c in trig.children if c.dep_ == "prep" and c.lower_ in ("of", "with", "between") for t in c.subtree]
    return definite and not index.in_tokens(own)


def _own_gathering(d: Draft) -> bool:
    """"EU foreign ministers approved the package at a meeting in Brussels": the only party is
    one organisation or bloc (a bloc counts as one party), so this is the body's internal
    meeting (a council, its ministers), not a meeting of the process: no record. Two named
    people of one organisation code ("Rutte met Guterres": both IGO) are two bodies and stay;
    a state is no bloc (its factions are another matter)."""
    keys = {country_key(m) for m in d.participants}
    if len(keys) != 1 or next(iter(keys)) not in NON_STATE_COUNTRIES:
        return False
    return len({m.actor_id or m.text.lower() for m in d.participants}) == 1 or not any(
        m.actor_id for m in d.participants)


def _denied_past(trig: Token) -> bool:
    """"have not held direct talks since ...": a statement that none took place, like
    "have not met"; not a meeting, and not a refusal either."""
    verb = trig.head
    denied = is_negated(verb) or any(c.dep_ == "det" and c.lower_ == "no" for c in trig.children)  # "held no talks"
    return trig.dep_ == "dobj" and verb.lemma_.lower() in lexicon.meetings().host_verbs \
        and denied and future_or_modal(verb) is None and verb.tag_ in ("VBD", "VBN")


def _organisation_event(trig: Token, index: PartyIndex) -> bool:
    """"The NATO summit", "an EU meeting": an organisation's own gathering, not talks between
    parties; likewise "EU leaders ... at their summit" (one party's own meeting, no other side)."""
    named = index.in_tokens(_left_window(trig))
    if named and all(m.country in NON_STATE_COUNTRIES for m in named):
        return True
    if any(c.lower_ in ("with", "between") for c in trig.children):
        return False
    poss = next((c for c in trig.children if c.dep_ == "poss" and c.lower_ in ("their", "its")), None)
    verb = next((a for a in ancestors(trig) if a.pos_ in ("VERB", "AUX") and subject_of(a) is not None), None)
    if poss is None or verb is None:
        return False
    owners = {country_key(m) for m in _subject_parties(verb, index)}
    return len(owners) == 1 and subject_of(verb).tag_ == "NNS"  # type: ignore[union-attr]


def _left_window(trig: Token) -> list[Token]:
    """The modifiers written before a meeting noun: "trilateral US-Russia-Ukraine", "Putin-Zelensky"."""
    out = []
    for tok in reversed(list(trig.lefts)):
        if tok.dep_ in ("det", "predet") and tok.lower_ in ("a", "an", "the", "such", "this", "that", "any"):
            continue
        out.extend(_without_apposition(tok))
    return out


def _right_window(trig: Token) -> list[Token]:
    """Parties after "between"/"with", read linearly: the parse of long name lists is unreliable."""
    doc = trig.doc
    out: list[Token] = []
    i = trig.i + 1
    if i < len(doc) and doc[i].lower_ in ("between", "with", "among"):
        i += 1
        while i < len(doc) and i < trig.sent.end:
            tok = doc[i]
            if tok.lower_ in ("himself", "herself"):
                out.append(tok)
                i += 1
                continue
            if tok.lower_ == "," and i + 1 < trig.sent.end and doc[i + 1].pos_ == "PROPN" \
                    and _list_goes_on(doc, i + 1, trig.sent.end):
                i += 1  # "between himself, Putin and Zelensky": a list goes on
                continue
            if tok.lower_ in (",", ";", ":", "'s", "’s") or (tok.pos_ in _STOP_RIGHT and tok.lower_ not in ("-", "'") and tok.dep_ != "compound"):
                break
            if tok.pos_ == "ADP" and tok.lower_ not in ("of",):
                break
            out.append(tok)
            i += 1
    return out


def _list_goes_on(doc: "SpacyDoc", start: int, end: int) -> bool:
    """"between himself, Putin and Zelensky": names and commas up to an "and"/"or" make a list;
    "a meeting with Trump, Peskov said" is a new clause after the comma."""
    for k in range(start, end):
        if doc[k].pos_ == "CCONJ":
            return True
        if doc[k].pos_ != "PROPN" and doc[k].text not in (",", "-"):
            return False
    return False


def _noun_parties(trig: Token, index: PartyIndex) -> list[ActorMention]:
    window = _right_window(trig)
    found = index.in_tokens(_left_window(trig)) + index.in_tokens(window)
    if not found and window:  # "would attend a meeting with both leaders": two others than the subject
        holder = trig.head if trig.dep_ == "dobj" else None
        own = frozenset(country_key(m) for m in (_subject_parties(holder, index) if holder is not None else []))
        found = [m for tok in window for m in implied.plural_definite(tok, index, exclude=own)]
    for tok in window:  # "a meeting between himself and Putin": the speaker
        if tok.lower_ in ("himself", "herself") and (owner := _reflexive_owner(tok, window, index)) is not None:
            found.append(owner)
    for c in trig.children:  # "his call with Putin": the possessor is a party
        if c.dep_ == "poss" and c.pos_ == "PRON":
            owners = _possessors(c, index) if c.lower_ == "their" else [_possessor(c, index)]
            found += [o for o in owners if o is not None]
    frame = frame_token(trig)  # "after weeks of negotiations" frames like "after negotiations"
    if frame.dep_ == "pobj" and frame.head.lower_ in ("during", "at", "after", "following"):
        found += _subject_parties(frame.head.head, index)  # "agreed during a phone call"
    if trig.lemma_.lower() in ("visit", "trip"):  # "a visit by Fidan to Moscow": visitor and visited
        found += [m for c in trig.children if c.dep_ == "prep" and c.lower_ in ("by", "to")
                  for o in c.children if o.dep_ == "pobj" if (m := index.of_subtree(o)) is not None]
    if _call_frame(trig):  # "Erdogan told Putin in a phone call": speaker and addressee
        verb = trig.head.head
        found += _subject_parties(verb, index) + [m for c in verb.children if c.dep_ in ("dobj", "dative")
                                                  if (m := index.of_subtree(c)) is not None]
    for prep in (c for c in trig.children if c.dep_ == "prep" and c.lower_ == "of"):
        for inner in (p for p in prep.children if p.dep_ == "pobj"):  # "a round of talks with Moscow"
            found += index.in_tokens(_left_window(inner)) + index.in_tokens(_right_window(inner))
            # "a summit of Putin and Zelensky": named people (or states) as the of-object
            found += [m for t in [inner, *inner.conjuncts] if (m := index.at(t)) is not None] \
                or implied.plural_definite(inner, index)  # "a meeting of the two presidents"
    host = trig.head if trig.dep_ in ("dobj", "nsubjpass", "pobj") else None
    own = {country_key(m) for m in found}
    # "Erdogan offered to host a meeting between Putin and Zelensky": with two parties of
    # its own the meeting does not take in the host; "Lavrov held talks with Rubio" does.
    joins = host is not None and host.lemma_.lower() in ("join", "attend", "have")
    hosting = host is not None and host.lemma_.lower() in HOSTING  # the host is not a party
    if host is not None and host.lemma_.lower() in lexicon.meetings().host_verbs and not hosting \
            and (len(own) < 2 or joins):
        found += _subject_parties(host, index)
    return _dedupe(found)


def _call_frame(trig: Token) -> bool:
    """A call or conversation as the channel of a speech verb: "told X in a phone call"."""
    return trig.dep_ == "pobj" and trig.head.lower_ in ("in", "by", "over") \
        and trig.lemma_.lower() in ("call", "conversation") and trig.head.head.pos_ == "VERB"


def _reflexive_owner(pron: Token, listed: list[Token], index: PartyIndex) -> Optional[ActorMention]:
    """"Trump said he believed a meeting between himself, Putin and Zelensky could ...": the
    subject of the nearest clause above, skipping a subject the parser took from the list
    itself ("Putin ... could get it done"); a pronoun subject is resolved."""
    inside = {t.i for t in listed}
    for anc in ancestors(pron):
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        subj = subject_of(anc)
        if subj is None or subj.i in inside:
            continue
        if subj.pos_ == "PRON":
            return index.resolve_pronoun(subj)
        if index.of_subtree(subj) is not None:
            return index.of_subtree(subj)
    return index.resolve_pronoun(pron)


def _possessor(pron: Token, index: PartyIndex) -> Optional[ActorMention]:
    """"his"/"their" -> the nearest named subject up the tree, else the latest mention before it."""
    for anc in ancestors(pron):
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        subj = subject_of(anc)
        if subj is not None and subj.pos_ != "PRON" and index.of_subtree(subj) is not None:
            return index.of_subtree(subj)
    return index.resolve_pronoun(pron)


def _possessors(pron: Token, index: PartyIndex) -> list[Optional[ActorMention]]:
    """"their talks" -> every party of the nearest named subject ("Trump and Zelensky")."""
    for anc in ancestors(pron):
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        subj = subject_of(anc)
        if subj is not None and subj.pos_ != "PRON" and index.in_tokens(subj.subtree):
            return list(index.in_tokens(subj.subtree))
    return [index.resolve_pronoun(pron)]


def _subject_parties(verb: Token, index: PartyIndex) -> list[ActorMention]:
    subj = subject_of(verb)
    if subj is None:
        return []
    if subj.pos_ == "PRON":
        listed = implied.plural_pronoun(subj, index)  # "They later held a call": the people just listed
        if listed:
            return listed
        m = index.resolve_pronoun(subj)
        return [m] if m else []
    return index.in_tokens(subj.subtree) or implied.plural_definite(subj, index)  # "the two presidents meet"


def _verb_parties(trig: Token, index: PartyIndex) -> list[ActorMention]:
    found = _subject_parties(trig, index)
    for c in trig.children:
        if c.dep_ == "dobj" and trig.lemma_.lower() == "discuss":
            continue  # what they discussed is the topic, not a party
        if c.dep_ == "dobj" or (c.dep_ == "npadvmod" and index.of_subtree(c)):
            found += index.in_tokens(c.subtree)
        elif c.dep_ == "prep" and c.lower_ in ("with", "to", "between") and index.in_tokens(c.subtree):
            found += index.in_tokens(t for p in c.children if p.dep_ == "pobj" for t in p.subtree)
    return _dedupe(found)


def _dedupe(mentions: list[ActorMention]) -> list[ActorMention]:
    """One mention per actor; a bare nationality word goes when a named actor of its country is there."""
    named = {m.country for m in mentions if m.actor_id}
    out: list[ActorMention] = []
    seen: set[str] = set()
    for m in mentions:
        key = m.actor_id or f"{m.country}:{m.sector}"
        if key in seen or (not m.actor_id and m.country in named):
            continue
        seen.add(key)
        out.append(m)
    return out


def _complete(d: Draft, index: PartyIndex, sent: SpacySpan) -> list[ActorMention]:
    """Add the implied party: the proposer, else the nearest actor of another country."""
    parts = list(d.participants)
    countries = {country_key(m) for m in parts}
    if len(countries) == 1 and d.proposer is not None and country_key(d.proposer) not in countries \
            and d.trigger.head.lemma_.lower() not in HOSTING:
        return _dedupe(parts + [d.proposer])
    trig = d.trigger
    inner = [g for c in trig.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    # "his meeting" has another side; "its summit" (an alliance's own summit) does not
    implies_other = trig.pos_ == "VERB" or any(c.lower_ in ("with", "between") or (c.dep_ == "poss" and c.lower_ != "its")
                                               for c in [*trig.children, *(g for i in inner for g in i.children)]) \
        or (frame_token(trig).dep_ == "pobj" and frame_token(trig).head.lower_ in TIME_PREPS) or d.proposer is not None
    nxt = trig.doc[trig.i + 1] if trig.i + 1 < len(trig.doc) else trig
    if nxt.lower_ == "between" and len(index.in_tokens(_right_window(trig))) >= 2:
        return parts  # "talks between the Sudanese army and the RSF": both sides named, one country
    holder = _holder(trig, index, sent, parts) if len(countries) >= 2 else None
    if holder is not None and country_key(holder) not in countries:
        return _dedupe(parts + [holder])  # "He said talks with Britain and France were continuing"
    if len(countries) == 1 and implies_other:  # "a meeting with Zelensky" has another side; "the Kremlin talks" may not
        verb = next((a for a in ancestors(trig) if a.pos_ in ("VERB", "AUX")), None)
        subj = subject_of(verb) if verb is not None and trig.pos_ != "VERB" else None
        owner = index.of_subtree(subj) if subj is not None and subj.pos_ != "PRON" else None
        if owner is not None and country_key(owner) not in countries:
            return _dedupe(parts + [owner])  # "Zelensky travelled ... to revive talks with Russia"
        reporter = _reporter_of(trig, sent, index)
        counterpart = implied.process_counterpart(parts[0], trig, index) if reporter is not None else None
        if counterpart is not None and country_key(counterpart) not in countries:
            return _dedupe(parts + [counterpart])  # an outsider's comment on a party's talks
        others = [m for m in index.in_span(sent) if country_key(m) not in countries and m is not reporter]
        if others:
            near = min(others, key=lambda m: abs(m.start - trig.idx))
            spk = speaker(sent)
            if spk is not None and _owner(trig) is not None and near is index.of_subtree(spk) and near.actor_id:
                near = _as_state(near)  # "Peskov said Ukraine's proposal of a summit ...": his side, not he
            return _dedupe(parts + [near])
    return parts


def _holder(trig: Token, index: PartyIndex, sent: SpacySpan, parts: list[ActorMention]) -> Optional[ActorMention]:
    """"(Yermak) said talks *with Britain and France* were continuing": a noun meeting whose
    parties all stand in its "with" list has a holder besides them: the subject of the verb
    it is the object of, else the speaker of the report (a pronoun resolved)."""
    if trig.pos_ == "VERB" or trig.lower_ == "with":
        return None
    listed = {t.i for c in trig.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree}
    others = _left_window(trig) + [c for c in trig.children if c.dep_ == "poss"]
    named = {id(m) for m in index.in_tokens(t for t in trig.doc if t.i in listed)}
    if not listed or index.in_tokens(others) or any(id(m) not in named for m in parts):
        return None
    verb = trig.head if trig.dep_ == "dobj" else None
    subj = subject_of(verb) if verb is not None else speaker(sent)
    if subj is None or subj.i in listed:
        return None
    return index.resolve_pronoun(subj) if subj.pos_ == "PRON" else index.of_subtree(subj)


def _owner(trig: Token) -> Optional[Token]:
    """The named possessor a meeting belongs to ("*Russia's* peace talks", "*Moscow's* proposal
    of talks"), when the meeting names no other side ("with", "between"); else None."""
    noun = trig.head.head if trig.dep_ == "pobj" and trig.head.lower_ == "of" else trig
    if any(c.lower_ in ("with", "between") for c in trig.children):
        return None
    return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)


def _reporter_of(trig: Token, sent: SpacySpan, index: PartyIndex) -> Optional[ActorMention]:
    """The speaker of a report the meeting word sits in, when the meeting is owned by its one
    named party ("Kallas said *Moscow's* proposal of talks was ...", "Sybiha said the strike
    came after *Russia's* peace talks"): a commentator on the meeting, not its other side
    ("Trump said a meeting with Putin was arranged" keeps Trump)."""
    owner = _owner(trig)
    if owner is None:
        return None  # only a meeting owned by its one party ("Moscow's proposal of talks")
    spk = speaker(sent)
    if spk is None or trig.i in {t.i for t in spk.subtree} or not any(
            a.dep_ == "ccomp" and a.head.i == sent.root.i for a in [trig, *ancestors(trig)]):
        return None
    reporter, owned = index.of_subtree(spk), index.of_subtree(owner)
    if reporter is None or owned is None or not implied.outside_commentator(owned, reporter):
        return None
    return reporter


def _subject_tokens(trig: Token, is_verb: bool) -> list[Token]:
    """The subject phrase of the meeting verb, of the verb holding the meeting noun, or of
    the verb a meeting is the purpose or frame of ("the delegation will travel for talks")."""
    if is_verb:
        verb: Optional[Token] = trig
    elif trig.dep_ in ("dobj", "nsubjpass"):
        verb = trig.head if trig.head.lemma_.lower() in lexicon.meetings().host_verbs else None
    elif trig.dep_ == "pobj" and trig.head.lower_ in ("for", "during", "at", "after"):
        verb = trig.head.head
    else:
        verb = None
    if verb is None:
        return []
    subj = subject_of(verb)
    if subj is not None and subj.tag_ == "WP" and verb.dep_ == "relcl":
        subj = verb.head  # "European leaders, who joined a call with Trump": the relative's noun
    return _without_apposition(subj) if subj is not None else []


def _without_apposition(tok: Token) -> list[Token]:
    """``tok``'s phrase without its appositions: "Yermak, the head of the presidential office,
    met officials" is no leaders' meeting; an apposition describes a party, not the meeting
    (the party's own rank counts, through the rank rule)."""
    aside = {t.i for c in tok.children if c.dep_ == "appos" for t in c.subtree}
    return [t for t in tok.subtree if t.i not in aside]


def _visitor(trig: Token, index: PartyIndex) -> Optional[ActorMention]:
    """Who travels or calls: the subject of "visit", "call", "phone" sets the level."""
    if trig.lemma_.lower() not in ("visit", "call", "phone", "telephone", "travel", "fly", "arrive"):
        return None
    subj = subject_of(trig)
    if subj is not None and subj.tag_ == "WP" and trig.dep_ == "relcl":
        subj = trig.head  # "Sybiha, who travelled to London": the relative clause's noun travels
    return index.of_subtree(subj) if subj is not None else None


def _level_cue(tokens: list[Token]) -> Optional[str]:
    cues = lexicon.meetings().level_cues
    found = [cues[w] for t in tokens if not _person_title(t) for w in (t.lower_, t.lemma_.lower()) if w in cues]
    if not found:
        return None
    if "working_groups" in found and any(t.lemma_.lower() == "group" for t in tokens):
        return "working_groups"
    return found[0]


def _person_title(tok: Token) -> bool:
    """"President" in "Russian President Vladimir Putin": a named person's rank, which the
    rank rule weighs against the other side's ("Putin met envoy Witkoff" -> envoys)."""
    head = tok.head
    return tok.dep_ in ("compound", "nmod", "amod") and head.pos_ == "PROPN" and head.ent_type_ == "PERSON" \
        and tok.i < head.i


def _level_from_ranks(parts: list[ActorMention], analysis: "Analysis",
                      visitor: Optional[ActorMention] = None) -> Optional[str]:
    """The lowest rank at the table, when every party's rank is known ("Putin and Witkoff"
    -> envoys); a visitor's or caller's own rank otherwise ("Witkoff visited Moscow")."""
    ranks = [rank_of(m, analysis.doc) for m in parts]
    if ranks and all(ranks):
        return min((r for r in ranks if r), key=lambda r: LEVEL_RANK[r])
    if visitor is not None:
        return rank_of(visitor, analysis.doc)
    return None


def _format_cue(tokens: list[Token]) -> Optional[str]:
    cues = lexicon.meetings().format_cues
    for t in tokens:
        for word in (t.lower_, _hyphenated(t)):
            if word in cues:
                return cues[word]
    return None


def _hyphenated(t: Token) -> str:
    """"three - way" as the tokenizer splits it -> "three-way" (else "")."""
    doc = t.doc
    if t.i >= 2 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_ and not doc[t.i - 2].whitespace_:
        return f"{doc[t.i - 2].lower_}-{t.lower_}"
    return ""


def _place(analysis: "Analysis", trig: Token) -> Optional[PlaceMention]:
    """A place written as "in/at X" on the meeting word or its verb."""
    heads = [trig] + ([trig.head] if trig.head.i != trig.i else []) \
        + [c for c in trig.children if c.dep_ == "dobj"] \
        + [o for c in trig.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    where = _where_antecedent(trig)  # "London, where the ministers are due to meet"
    if where is not None and (place := _place_at(analysis, where)) is not None:
        return place
    # "a meeting of ministers planned for Brussels": an arranging participle on the meeting's phrase
    heads += [a for h in list(heads) for a in h.children if a.dep_ == "acl" and a.lemma_.lower() in _ARRANGED]
    for h in heads:
        for prep in h.children:
            if prep.dep_ != "prep" or prep.lower_ not in (("in", "at", "for") if h.lemma_.lower() in _ARRANGED
                                                            else ("in", "at")):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                place = _place_at(analysis, obj)
                if place is not None:
                    return place
    return None


_ARRANGED = frozenset({"plan", "schedule", "set"})


def _where_antecedent(trig: Token) -> Optional[Token]:
    """The noun a "where" relative clause around the meeting word hangs on, within its clause."""
    for node in [trig, *ancestors(trig)]:
        if node.dep_ == "relcl":
            return node.head if any(c.lower_ == "where" for c in node.children) else None
        if node.dep_ in ("ccomp", "conj", "advcl") or node.head.i == node.i:
            return None
    return None


def _place_at(analysis: "Analysis", tok: Token) -> Optional[PlaceMention]:
    for p in analysis.places:
        if p.start <= tok.idx < p.end and not p.metonym:
            return p
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end and e.label_ in ("GPE", "LOC", "FAC")), None)
    if ent is None:
        return None
    return PlaceMention(text=ent.text, start=ent.start_char, end=ent.end_char, name=ent.text, confidence=0.4)


# ---------------------------------------------------------------- sequences

def _sequence(sent: SpacySpan) -> list[Token]:
    """Meeting stages after "first ... then ... afterwards", in text order (empty if no sequence)."""
    lex = lexicon.meetings()
    w = doccache.words(sent.doc)
    first = next((i for i in range(sent.start, sent.end) if w.lower[i] in lex.first_markers), None)
    if first is None or not any(w.lower[i] in lex.later_markers for i in range(first + 1, sent.end)):
        return []
    stages: list[Token] = []
    for tok in sent.doc[first:sent.end]:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if _level_cue([tok] + [c for c in tok.children if c.dep_ in ("amod", "compound", "poss")]) is None:
            continue
        if tok.lemma_.lower() in ("leader", "minister", "president") and tok.dep_ in ("poss", "compound"):
            continue  # "leaders' summit": the summit is the stage
        stages.append(tok)
    return stages if len(stages) >= 2 else []


# ---------------------------------------------------------------- merging and anaphora

def _merge_same(drafts: list[Draft]) -> list[Draft]:
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


def _resolve_anaphora(drafts: list[Draft]) -> list[Draft]:
    done: list[Draft] = []
    for d in drafts:
        if len({country_key(m) for m in d.participants}) >= 2:
            done.append(d)
            continue
        partner = _other_side(d, done)
        if partner:  # "Russia was ready to hold a third round of direct talks": with the side it meets
            d.participants = _dedupe(d.participants + partner)
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
        d.participants = ante.participants if same_level else [_as_state(m) for m in ante.participants]
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
            return [_as_state(m) for m in o.participants if country_key(m) not in own]
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


def _as_state(m: ActorMention) -> ActorMention:
    """A leader's mention reused for a lower-level meeting stands for the state, not the person."""
    if m.actor_id is None:
        return m
    return replace(m, actor_id=None, name=m.country, sector="GOV", role=None)


def _format(d: Draft) -> str:
    return meeting_format(len({country_key(m) for m in d.participants}), [d.format_cue] if d.format_cue else [])


def _to_meeting(doc_id: str, d: Draft) -> Meeting:
    return Meeting(
        id=stable_id(doc_id, d.sentence, d.level, d.trigger.idx, d.status, *([d.destination] if d.destination else [])),
        level=d.level, format=_format(d), status=d.status, participants=d.participants,
        proposer=d.proposer, preconditions=d.preconditions, place=d.place, date=d.date,
        evidence=d.evidence, sentence=d.sentence, order=d.order, historical=d.historical,
        channel=d.channel,
    )

"""Meetings (SPEC section 2): summits, rounds of talks, working groups, calls and visits.

Reading order, per sentence: find meeting words (nouns like "summit", verbs like "met"
or "spoke with"), read their parties from the words around them, their level from cue
words or from the participants' rank, their status from cue words on the path to the
sentence root, preconditions from conditional clauses. A stated sequence ("first working
groups, then delegations, afterwards a summit") gives one meeting per stage with order
1, 2, 3. Then, across sentences, a meeting without parties ("such a meeting") takes them
from its antecedent: the last meeting reported by the same speaker, else the last one.
Parties are read in meeting_parties.py, merging and antecedents in meeting_merge.py.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Span as SpacySpan, Token

from peacetalks.negotiation import channel, dates, doccache, history, implied, lexicon, meeting_merge, meeting_parties
from peacetalks.negotiation.meeting_draft import Draft
from peacetalks.negotiation.parties import LEVEL_RANK, PartyIndex, country_key, rank_of
from peacetalks.negotiation.speakers import meeting_format
from peacetalks.negotiation.status import (
    UNMARKED, answered_status, future_or_modal, preconditions_of, proposer_of, status_of, strong_proposal,
)
from peacetalks.negotiation.syntax import ancestors, is_negated, speaker, subject_of, trimmed
from peacetalks.records import NON_STATE_COUNTRIES, ActorMention, Meeting, PlaceMention, stable_id

if TYPE_CHECKING:  # pragma: no cover
    from peacetalks.pipeline import Analysis


def extract(analysis: "Analysis", index: PartyIndex) -> list[Meeting]:
    drafts: list[Draft] = []
    gatherings: set[str] = set()
    for si, sent in enumerate(analysis.doc.sents):
        drafts.extend(_read_sentence(analysis, index, si, sent, gatherings))
    resolved = [d for d in meeting_merge.resolve_anaphora(drafts) if not _own_gathering(d)]
    merged: list[Draft] = []
    for si in sorted({d.sentence for d in resolved}):
        merged.extend(meeting_merge.merge_same([d for d in resolved if d.sentence == si]))
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
        d.participants = meeting_parties.dedupe(index.in_tokens(meeting_parties.left_window(tok)) + index.in_tokens(meeting_parties.right_window(tok)))
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
    parts = meeting_parties.verb_parties(trig, index) if is_verb else meeting_parties.noun_parties(trig, index)
    of_phrase = [t for c in trig.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    kids = [c for c in trig.children if not (is_verb and c.dep_ == "dobj" and trig.lemma_.lower() == "discuss")]
    window = [trig] + kids + meeting_parties.left_window(trig) + meeting_parties.right_window(trig) + of_phrase \
        + meeting_parties.subject_tokens(trig, is_verb)
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
    d.participants = meeting_parties.complete(d, index, sent)
    if _third_party(d, named, index) and not level_cue:
        d.level = _level_from_ranks(named, analysis) or "unspecified"  # the side named at the meeting word
    elif not level_cue and own:  # ranks say nothing when no party is named at the meeting word
        d.level = _level_from_ranks(d.participants, analysis, meeting_parties.visitor(trig, index) if is_verb else None) or lexicon.meetings().nouns.get((trig.lemma_.lower(),), "unspecified")
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
    d.participants = meeting_parties.dedupe(named + [implied.as_state(m) for m in d.participants if id(m) not in ids] + [extra])
    return True


_TRIP_VERBS = frozenset({"travel", "fly", "visit"})


def _split_trip(d: Draft, index: PartyIndex) -> list[Draft]:
    """"Merz travelled to Paris and Warsaw": one trip, but a visit to each host (two bilateral
    visits, not a trilateral meeting of the visitor and two capitals that never sat together)."""
    trig = d.trigger
    visitor = meeting_parties.visitor(trig, index) if trig.lemma_.lower() in _TRIP_VERBS else None
    if visitor is None:
        return [d]
    heads = [c for c in trig.children if c.dep_ == "dobj"] if trig.lemma_.lower() == "visit" else \
        [o for c in trig.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
    dests = [t for h in heads for t in [h, *(c for c in h.children if c.dep_ == "conj")]]
    hosts = meeting_parties.dedupe([m for t in dests if (m := index.at(t)) is not None and country_key(m) != country_key(visitor)])
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
    own = meeting_parties.left_window(trig) + meeting_parties.right_window(trig) + [
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
    named = index.in_tokens(meeting_parties.left_window(trig))
    if named and all(m.country in NON_STATE_COUNTRIES for m in named):
        return True
    if any(c.lower_ in ("with", "between") for c in trig.children):
        return False
    poss = next((c for c in trig.children if c.dep_ == "poss" and c.lower_ in ("their", "its")), None)
    verb = next((a for a in ancestors(trig) if a.pos_ in ("VERB", "AUX") and subject_of(a) is not None), None)
    if poss is None or verb is None:
        return False
    owners = {country_key(m) for m in meeting_parties.subject_parties(verb, index)}
    return len(owners) == 1 and subject_of(verb).tag_ == "NNS"  # type: ignore[union-attr]


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

"""The status of a meeting, its proposer and its preconditions, read from the words on the
path from the meeting word to the sentence root (rules in docs/negotiation.md)."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from peacetalks.negotiation import lexicon
from peacetalks.negotiation.parties import PartyIndex
from peacetalks.negotiation.syntax import ancestors, is_negated, phrasal, subject_of
from peacetalks.records import ActorMention

_PROPOSAL = frozenset({"propose", "suggest", "raise", "offer", "invite", "call for", "push for", "float",
                       "urge", "seek", "want", "initiate", "proposal", "invitation", "offer"})
_STRONG_PROPOSAL = frozenset({"propose", "suggest", "offer", "invite", "urge", "float"})
_HELD_TAGS = frozenset({"VBD", "VBN"})
# Verbs whose that-clause is the meeting's own status, not a report of someone's words:
# "dismissed / denied that ...", "agreed / decided / confirmed that the teams would meet" (planned).
_ARRANGING = frozenset({"dismiss", "deny", "reject", "rule", "agree", "decide", "confirm"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_MODAL_PROPOSED = frozenset({"could", "might", "may", "would", "can"})

_HAPPEN = frozenset({"take place", "end", "conclude", "wrap up", "begin", "start", "open", "close", "finish", "last"})
_AGENDA = frozenset({"agenda", "card", "cards", "table", "horizon"})
UNMARKED = "proposed"  # a meeting word with no cue at all: talked about, not arranged
# Relative time words that say "still to come" only with a verb that is not in the past:
# "will meet later this week" is planned, "spoke to Putin by phone later on Sunday" was held.
_RELATIVE_TIME = frozenset({"later"})
# "Putin's statement followed the Kyiv visit": a past verb of sequence puts the meeting before it.
_FOLLOWS = frozenset({"follow"})
TIME_PREPS = {"after": "held", "during": "held", "following": "held", "at": "held",
               "before": "planned", "ahead": "planned"}


def status_of(trig: Token, is_verb: bool) -> Optional[str]:
    """The status the words around the meeting give it, or None when they give none."""
    lex = lexicon.meetings()
    framed = _time_frame(trig)
    if framed is not None:
        return framed
    if _followed(trig):
        return "held"
    found: set[str] = set()
    nodes = [trig] + list(ancestors(trig))
    if trig.dep_ == "nsubj":
        found |= {s for c in _passive_predicates(trig.head) for s in _node_cues(c, lex, own=False, may_hold=False)}
    for n, node in enumerate(nodes):
        # Only the meeting's own verb, or the verb it is the object/subject of, can say it happened.
        may_hold = n == 0 or (n == 1 and trig.dep_ in ("dobj", "nsubj", "nsubjpass")
                              and (phrasal(node) in lex.host_verbs or phrasal(node) in _HAPPEN))
        if not (node.dep_ == "xcomp" and node.head.lemma_.lower() in ("fail", "refuse")):
            found |= _node_cues(node, lex, own=(n == 0), may_hold=may_hold)
        if n > 0 and "planned" in found and node.lemma_.lower() in _STRONG_PROPOSAL and node.pos_ == "VERB":
            found.discard("planned")  # "proposed setting up a working group": arranging is the proposal
        if node.dep_ == "ccomp" and node.head.lemma_.lower() not in _ARRANGING:
            break  # a reported clause: the reporter's words are not the meeting's status
        if node.dep_ == "conj":
            break  # "X spoke with Y but failed to agree on a summit": the first clause is another matter
    if any(_negates_meeting(n) for n in nodes[:3] if n is trig or n.pos_ != "NOUN"):  # not "no role in the talks"
        found.add("rejected")
    for status in lex.status_priority:
        if status in found:
            return status
    return None


def _passive_predicates(verb: Token) -> list[Token]:
    """"Talks planned for Thursday were postponed": the parser takes "planned" for the main
    verb and hangs the real one ("were postponed") under it as a clause without a subject."""
    return [c for c in verb.children if c.dep_ == "ccomp" and c.tag_ == "VBN" and c.i > verb.i
            and any(g.dep_ == "auxpass" for g in c.children)
            and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)]


_SPAN_NOUNS = frozenset({"week", "month", "day", "hour", "year", "round", "series", "months", "weeks"})


def frame_token(trig: Token) -> Token:
    """"after weeks of negotiations": the span noun stands where the meeting word would."""
    if trig.dep_ == "pobj" and trig.head.lower_ == "of" and trig.head.head.lemma_.lower() in _SPAN_NOUNS \
            and trig.head.head.dep_ == "pobj":
        return trig.head.head
    return trig


def _time_frame(trig: Token) -> Optional[str]:
    """A meeting named as a time frame ("during his call with Trump", "after talks in Jeddah",
    "ahead of the summit") took place, or is still to come, whatever the main verb says."""
    trig = frame_token(trig)
    prep = trig.head
    if trig.dep_ == "pobj" and prep.lower_ in ("in", "by", "over") and trig.lemma_.lower() in ("call", "conversation"):
        prep_status = "held"  # "told Putin in a phone call": the channel of what was said
    elif trig.dep_ != "pobj" or prep.lower_ not in TIME_PREPS and prep.lower_ != "of":
        return None
    else:
        prep_status = TIME_PREPS.get(prep.lower_, "")
    if prep.lower_ == "of":  # "ahead of", "on the sidelines of" -> look one step up
        up = prep.head
        if up.lower_ != "ahead":
            return None
        prep, prep_status = up, "planned"
    status = prep_status
    if status != "held":
        # "Ahead of the talks, Rubio met the delegation" told after the fact: the frame says
        # only that the meeting came later, not whether it is still to come (no status).
        return None if _past_main_verb(prep) and not _days_ahead(prep) else status
    verb = prep.head
    if verb.dep_ == "xcomp" and verb.tag_ not in _HELD_TAGS:  # "agreed during a call to meet"
        verb = verb.head
    verb = _finite_verb(verb)
    if not (verb.tag_ in _HELD_TAGS and not future_or_modal(verb)):
        return None  # "at a summit next week": the tense decides as usual
    return status


def _finite_verb(verb: Token) -> Token:
    """"Vance, *speaking* during a visit to India, *said* ...": a participle clause takes the
    tense of the clause it hangs on."""
    seen = 0
    while verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl") and seen < 4:
        verb, seen = verb.head, seen + 1
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb and seen < 4:
            verb, seen = verb.head, seen + 1
    return verb


def _past_main_verb(prep: Token) -> bool:
    """The verb a time phrase ("before the talks", "ahead of the talks") modifies is in the
    past, without a future or modal auxiliary."""
    verb = prep.head
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ not in ("ROOT",) and verb.head is not verb:
        verb = verb.head
    return verb.tag_ == "VBD" and future_or_modal(verb) is None


_DAY_UNITS = frozenset({"day", "week", "month"})


def _days_ahead(prep: Token) -> bool:
    """"killed 12 soldiers on Sunday, *a day before* a second round of talks": a gap of a day or
    more after a past event (reported when it happened) puts the meeting still to come; "hours
    before the Kremlin meeting" does not say whether it has happened by the report."""
    gaps = [c for c in prep.children if c.dep_ == "npadvmod"] + ([prep.head] if prep.head.dep_ == "npadvmod" else [])
    return any(g.lemma_.lower() in _DAY_UNITS for g in gaps)


def _followed(trig: Token) -> bool:
    """"Putin's statement followed the Kyiv visit": the object of a past "follow" took place."""
    verb = trig.head
    return trig.dep_ == "dobj" and verb.lemma_.lower() in _FOLLOWS and verb.tag_ == "VBD" \
        and future_or_modal(verb) is None


HOSTING = frozenset({"host", "mediate", "facilitate", "broker", "organise", "organize"})


def strong_proposal(trig: Token) -> bool:
    """Propose/offer/suggest/invite (not "want", "push for"): the proposer would take part,
    unless it offers to host ("Erdogan offered to host a new round")."""
    if trig.head.lemma_.lower() in HOSTING:
        return False
    for node in ancestors(trig, limit=4):
        if node.lemma_.lower() in ("propose", "offer", "suggest", "invite", "proposal", "invitation"):
            return True
    return False


def _negates_meeting(node: Token) -> bool:
    lemma = node.lemma_.lower()
    lex = lexicon.meetings()
    if lemma in lex.verbs or lemma in lex.host_verbs or lemma == "take":
        return is_negated(node)
    return node.pos_ == "NOUN" and any(c.lower_ == "no" and c.dep_ == "det" for c in node.children)


def _node_cues(node: Token, lex: lexicon.MeetingLexicon, own: bool, may_hold: bool = True) -> set[str]:
    out: set[str] = set()
    key = phrasal(node)
    deps = {"aux", "neg", "acomp", "advmod", "prt", "auxpass", "amod", "compound", "xcomp"} if own else \
        {"aux", "neg", "acomp", "advmod", "prt", "auxpass", "xcomp"}
    kids = [c for c in node.children if c.dep_ in deps]
    if node.lemma_.lower() in ("fail", "refuse"):  # "failed to agree": no agreement
        kids = [c for c in kids if c.dep_ != "xcomp"]
    if node.lemma_.lower() == "be":  # "was not on the agenda and would be unlikely"
        kids += [g for c in node.children if c.dep_ == "conj" for g in c.children if g.dep_ == "acomp"]
    own_words = {key, node.lemma_.lower()}
    words = list(own_words) + [c.lemma_.lower() for c in kids] + [c.lower_ for c in kids]
    past = node.tag_ == "VBD" and future_or_modal(node) is None
    for w in words:
        if past and w in _RELATIVE_TIME:
            continue  # "spoke ... later on Sunday": when it happened, not that it is to come
        for status in lex.status_cues.get(w, ()):
            if status == "held" and (w not in own_words or not may_hold):
                continue  # "offered to host": only the node's own verb can say it happened
            if status == "held":
                if (node.tag_ in _HELD_TAGS or _progressive(node)) and not future_or_modal(node) and node.dep_ != "amod":
                    out.add("held")
                elif future_or_modal(node) == "future":
                    out.add("planned")
            elif status == "planned" and w in own_words and node.pos_ == "VERB" and is_negated(node):
                out.add("unlikely")  # "a meeting is not expected / not planned soon"
            else:
                out.add(status)
    if future_or_modal(node) == "future" and (key in lex.verbs or key in lex.host_verbs or key == "take place"):
        out.add("planned")
    if future_or_modal(node) == "modal":
        out.add("proposed")
    if any(c.dep_ == "prep" and c.lower_ == "on" and any(
            o.lemma_.lower() in ("hold", "ice") for o in c.children) for c in node.children):
        out.add("postponed")  # "put on hold", "talks are on hold", "put on ice"
    if any(c.dep_ == "prep" and c.lower_ == "on" and (is_negated(node) or is_negated(c)) and any(
            o.lemma_.lower() in _AGENDA for o in c.children) for c in node.children):
        out.add("unlikely")  # "a summit is not on the agenda / on the cards" (the parser may hang "not" on "on")
    if _condition_clause(node) is not None:
        out.add("conditional")
    return out


def _progressive(node: Token) -> bool:
    """"was visiting", "are meeting": going on or gone on (not "will be meeting")."""
    return node.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in node.children)


def future_or_modal(node: Token) -> Optional[str]:
    for c in node.children:
        if c.dep_ == "aux":
            if c.lower_ in _FUTURE_AUX:
                return "future"
            if c.lower_ in _MODAL_PROPOSED:
                return "modal"
    return None


def _condition_clause(node: Token) -> Optional[Token]:
    marks = lexicon.meetings().condition_marks
    for c in node.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children):
            return c
    return None


def preconditions_of(trig: Token) -> list[str]:
    out = []
    for node in [trig] + list(ancestors(trig)):
        clause = _condition_clause(node)
        if clause is not None:
            words = [t.text for t in clause.subtree
                     if not (t.dep_ == "mark" or (t.dep_ == "advmod" and t.lower_ == "only") or t.lemma_ == "be")]
            text = " ".join(words).strip(" ,.")
            if text:
                out.append(text)
        if node.dep_ == "ccomp":
            break
    return out


def proposer_of(trig: Token, index: PartyIndex) -> Optional[ActorMention]:
    for node in [trig] + list(ancestors(trig, limit=5)):
        if node is not trig and (node.dep_ == "ccomp" or node.dep_ == "conj" and node.pos_ in ("VERB", "AUX")) \
                and phrasal(node) not in _PROPOSAL:
            break  # another clause proposes something else ("proposed a summit and technical teams": one proposal)
        key = phrasal(node)
        if key in _PROPOSAL or node.lemma_.lower() in _PROPOSAL:
            for c in node.children:
                if c.dep_ == "poss" and index.of_subtree(c):
                    return index.of_subtree(c)
            subj = subject_of(node)
            if subj is not None:
                return index.resolve_pronoun(subj) if subj.pos_ == "PRON" else index.of_subtree(subj)
            return None
    return None


def answered_status(trig: Token) -> Optional[str]:
    """"Asked about a three-way meeting with Trump, Peskov said it was not on the agenda": the
    meeting is the question's topic, and the answer's subject pronoun ("it", "that") stands for
    it, so the answer's cues are the meeting's status."""
    prep = trig.head
    if trig.dep_ != "pobj" or prep.lower_ != "about" or prep.head.lemma_.lower() != "ask":
        return None
    for clause in (c for c in prep.head.head.children if c.dep_ == "ccomp"):
        subj = next((s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")
                     and s.lower_ in ("it", "that", "this")), None)
        if subj is not None:
            return status_of(subj, False)
    return None

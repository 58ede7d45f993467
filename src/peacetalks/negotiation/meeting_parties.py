"""Who takes part in a meeting: the names around a meeting word, the subject of a meeting verb,
possessors ("their talks"), a visitor and its hosts. Used by meetings.py."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc as SpacyDoc, Span as SpacySpan, Token

from peacetalks.negotiation import implied, lexicon
from peacetalks.negotiation.meeting_draft import Draft
from peacetalks.negotiation.parties import PartyIndex, country_key
from peacetalks.negotiation.status import HOSTING, TIME_PREPS, frame_token
from peacetalks.negotiation.syntax import ancestors, speaker, subject_of
from peacetalks.records import ActorMention


_STOP_RIGHT = frozenset({"VERB", "AUX", "SCONJ", "PUNCT"})


def left_window(trig: Token) -> list[Token]:
    """The modifiers written before a meeting noun: "trilateral US-Russia-Ukraine", "Putin-Zelensky"."""
    out = []
    for tok in reversed(list(trig.lefts)):
        if tok.dep_ in ("det", "predet") and tok.lower_ in ("a", "an", "the", "such", "this", "that", "any"):
            continue
        out.extend(_without_apposition(tok))
    return out


def right_window(trig: Token) -> list[Token]:
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


def noun_parties(trig: Token, index: PartyIndex) -> list[ActorMention]:
    window = right_window(trig)
    found = index.in_tokens(left_window(trig)) + index.in_tokens(window)
    if not found and window:  # "would attend a meeting with both leaders": two others than the subject
        holder = trig.head if trig.dep_ == "dobj" else None
        own = frozenset(country_key(m) for m in (subject_parties(holder, index) if holder is not None else []))
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
        found += subject_parties(frame.head.head, index)  # "agreed during a phone call"
    if trig.lemma_.lower() in ("visit", "trip"):  # "a visit by Fidan to Moscow": visitor and visited
        found += [m for c in trig.children if c.dep_ == "prep" and c.lower_ in ("by", "to")
                  for o in c.children if o.dep_ == "pobj" if (m := index.of_subtree(o)) is not None]
    if _call_frame(trig):  # "Erdogan told Putin in a phone call": speaker and addressee
        verb = trig.head.head
        found += subject_parties(verb, index) + [m for c in verb.children if c.dep_ in ("dobj", "dative")
                                                  if (m := index.of_subtree(c)) is not None]
    for prep in (c for c in trig.children if c.dep_ == "prep" and c.lower_ == "of"):
        for inner in (p for p in prep.children if p.dep_ == "pobj"):  # "a round of talks with Moscow"
            found += index.in_tokens(left_window(inner)) + index.in_tokens(right_window(inner))
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
        found += subject_parties(host, index)
    return dedupe(found)


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


def subject_parties(verb: Token, index: PartyIndex) -> list[ActorMention]:
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


def verb_parties(trig: Token, index: PartyIndex) -> list[ActorMention]:
    found = subject_parties(trig, index)
    for c in trig.children:
        if c.dep_ == "dobj" and trig.lemma_.lower() == "discuss":
            continue  # what they discussed is the topic, not a party
        if c.dep_ == "dobj" or (c.dep_ == "npadvmod" and index.of_subtree(c)):
            found += index.in_tokens(c.subtree)
        elif c.dep_ == "prep" and c.lower_ in ("with", "to", "between") and index.in_tokens(c.subtree):
            found += index.in_tokens(t for p in c.children if p.dep_ == "pobj" for t in p.subtree)
    return dedupe(found)


def dedupe(mentions: list[ActorMention]) -> list[ActorMention]:
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


def complete(d: Draft, index: PartyIndex, sent: SpacySpan) -> list[ActorMention]:
    """Add the implied party: the proposer, else the nearest actor of another country."""
    parts = list(d.participants)
    countries = {country_key(m) for m in parts}
    if len(countries) == 1 and d.proposer is not None and country_key(d.proposer) not in countries \
            and d.trigger.head.lemma_.lower() not in HOSTING:
        return dedupe(parts + [d.proposer])
    trig = d.trigger
    inner = [g for c in trig.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    # "his meeting" has another side; "its summit" (an alliance's own summit) does not
    implies_other = trig.pos_ == "VERB" or any(c.lower_ in ("with", "between") or (c.dep_ == "poss" and c.lower_ != "its")
                                               for c in [*trig.children, *(g for i in inner for g in i.children)]) \
        or (frame_token(trig).dep_ == "pobj" and frame_token(trig).head.lower_ in TIME_PREPS) or d.proposer is not None
    nxt = trig.doc[trig.i + 1] if trig.i + 1 < len(trig.doc) else trig
    if nxt.lower_ == "between" and len(index.in_tokens(right_window(trig))) >= 2:
        return parts  # "talks between the Sudanese army and the RSF": both sides named, one country
    holder = _holder(trig, index, sent, parts) if len(countries) >= 2 else None
    if holder is not None and country_key(holder) not in countries:
        return dedupe(parts + [holder])  # "He said talks with Britain and France were continuing"
    if len(countries) == 1 and implies_other:  # "a meeting with Zelensky" has another side; "the Kremlin talks" may not
        verb = next((a for a in ancestors(trig) if a.pos_ in ("VERB", "AUX")), None)
        subj = subject_of(verb) if verb is not None and trig.pos_ != "VERB" else None
        owner = index.of_subtree(subj) if subj is not None and subj.pos_ != "PRON" else None
        if owner is not None and country_key(owner) not in countries:
            return dedupe(parts + [owner])  # "Zelensky travelled ... to revive talks with Russia"
        reporter = _reporter_of(trig, sent, index)
        counterpart = implied.process_counterpart(parts[0], trig, index) if reporter is not None else None
        if counterpart is not None and country_key(counterpart) not in countries:
            return dedupe(parts + [counterpart])  # an outsider's comment on a party's talks
        others = [m for m in index.in_span(sent) if country_key(m) not in countries and m is not reporter]
        if others:
            near = min(others, key=lambda m: abs(m.start - trig.idx))
            spk = speaker(sent)
            if spk is not None and _owner(trig) is not None and near is index.of_subtree(spk) and near.actor_id:
                near = implied.as_state(near)  # "Peskov said Ukraine's proposal of a summit ...": his side, not he
            return dedupe(parts + [near])
    return parts


def _holder(trig: Token, index: PartyIndex, sent: SpacySpan, parts: list[ActorMention]) -> Optional[ActorMention]:
    """"(Yermak) said talks *with Britain and France* were continuing": a noun meeting whose
    parties all stand in its "with" list has a holder besides them: the subject of the verb
    it is the object of, else the speaker of the report (a pronoun resolved)."""
    if trig.pos_ == "VERB" or trig.lower_ == "with":
        return None
    listed = {t.i for c in trig.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree}
    others = left_window(trig) + [c for c in trig.children if c.dep_ == "poss"]
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


def subject_tokens(trig: Token, is_verb: bool) -> list[Token]:
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


def visitor(trig: Token, index: PartyIndex) -> Optional[ActorMention]:
    """Who travels or calls: the subject of "visit", "call", "phone" sets the level."""
    if trig.lemma_.lower() not in ("visit", "call", "phone", "telephone", "travel", "fly", "arrive"):
        return None
    subj = subject_of(trig)
    if subj is not None and subj.tag_ == "WP" and trig.dep_ == "relcl":
        subj = trig.head  # "Sybiha, who travelled to London": the relative clause's noun travels
    return index.of_subtree(subj) if subj is not None else None

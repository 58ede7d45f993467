"""Who holds a stance: the stance word's subject resolved to a party, the reporter of a clause
without its own subject, the party laying down an obligation. Used by positions.py."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span as SpacySpan, Token

from peacetalks.negotiation import lexicon, stance_words
from peacetalks.negotiation.issue_words import IssueMatch
from peacetalks.negotiation.parties import PartyIndex
from peacetalks.negotiation.syntax import REPORTING, ancestors, phrasal, quote_speaker, speaker, subject_of
from peacetalks.records import ActorMention


def party_modifier(node: Token, index: PartyIndex) -> Optional[ActorMention]:
    """"the Qatari demand", "a US proposal", "the Hamas demand": a party written before the noun."""
    for c in node.lefts:
        if c.dep_ in ("amod", "compound", "nmod") and index.at(c) is not None:
            return index.at(c)
    return None


def imposed(node: Token) -> bool:
    """"Ukraine would have to give up Crimea", "Russia must withdraw": an obligation laid on a party."""
    if any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in node.children):
        return True
    return node.lemma_.lower() in ("have", "need") and any(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in node.children)


def imposer(node: Token, index: PartyIndex) -> list[ActorMention]:
    """Who lays the obligation down: the subject of the verb whose that-clause states it
    ("..., Trump said", "the Kremlin insists that ..."), when the obliged party is another
    country; the obliged party itself otherwise (the usual actor)."""
    clause = next((a for a in [node, *ancestors(node)] if a.dep_ == "ccomp"), None)
    spk = subject_of(clause.head) if clause is not None else None
    subj = subject_of(node)
    if spk is None or subj is None or spk.i == subj.i:
        return []
    boss, obliged = _party_of(spk, index), _party_of(subj, index)
    if boss is None or (obliged is None and subj.pos_ != "NOUN"):
        return []
    if obliged is not None and boss.country == obliged.country:
        return []
    return [boss]  # "Peskov said weapons deliveries would have to stop": a thing, not a party, is obliged


_DEMAND_VERBS = frozenset({"demand", "insist", "require", "want", "ask", "propose", "offer", "set", "put"})


def condition_setter(node: Token, index: PartyIndex) -> list[ActorMention]:
    """"Russia demanded that Ukraine withdraw ... as a condition for a ceasefire": a condition noun inside
    a demanded clause is the demander's condition, not the party told to act."""
    if node.pos_ != "NOUN":
        return []
    clause = next((a for a in ancestors(node) if a.dep_ == "ccomp"), None)
    if clause is None or clause.head.lemma_.lower() not in _DEMAND_VERBS:
        return []
    spk = subject_of(clause.head)
    boss = _party_of(spk, index) if spk is not None else None
    return [boss] if boss is not None else []


def _party_of(tok: Token, index: PartyIndex) -> Optional[ActorMention]:
    """A subject's party; a pronoun resolved backwards ("he said ... it must cease fire")."""
    return index.resolve_pronoun(tok) if tok.pos_ == "PRON" else index.of_subtree(tok)


def holders_of(node: Token, match: IssueMatch, index: PartyIndex, sent: SpacySpan,
            issue_heads: set[int] = frozenset()) -> list[ActorMention]:  # type: ignore[assignment]
    """Who holds the stance: the possessor or subject of its word (with conjuncts:
    "Britain and France"), a pronoun resolved backwards, else the reporter."""
    if node.lemma_.lower() in lexicon.issues().rebuttal_nouns:
        return _reporter_of(sent, index)  # "Putin's lies about ...": Putin made the claim, the speaker rebuts it
    if node.pos_ == "NOUN" and (mod := party_modifier(node, index)) is not None:
        return [mod]  # "the Hamas demand for guarantees", "a US proposal"
    if node.lemma_.lower() in lexicon.issues().threat_nouns and not any(c.dep_ == "poss" for c in node.children) \
            and (mod := party_modifier(match.head, index)) is not None:
        return [mod]  # "the clearest threat of new US sanctions": the threatener's own measure
    for c in node.children:
        if c.dep_ == "poss" and index.of_subtree(c):
            return [index.of_subtree(c)]  # type: ignore[list-item]
        if c.dep_ == "agent":  # "was rejected by Moscow"
            by = [index.of_subtree(g) for g in c.children if g.dep_ == "pobj" and index.of_subtree(g)]
            if by:
                return by  # type: ignore[return-value]
    holder = _experiencer(node, index)
    if holder is not None:
        return [holder]
    if node.lemma_.lower() in stance_words.ROOM_NOUNS and node.head.lemma_.lower() == "have":
        excluder = imposer(node.head, index)  # "Brussels should have no role, the Hungarian minister said"
        if excluder:
            return excluder
    subj = _reporter_subject(node) or subject_of(node)
    if subj is None and node.pos_ == "NOUN":  # "as a condition for ...": the governing verb's subject
        verb = next((a for a in ancestors(node) if a.pos_ in ("VERB", "AUX")), None)
        subj = subject_of(verb) if verb is not None else None
    # "a ceasefire would be possible only if Ukraine withdrew from the regions": another issue as
    # the subject is the topic, not a holder; the speaker holds the stance
    issue_ids = {t.i for t in match.tokens} | set(issue_heads)
    if subj is not None and subj.i not in issue_ids:
        if subj.pos_ == "PRON":
            spk = speaker(sent)
            if subj.lower_ in ("they", "we") and spk is not None and spk.i != subj.i:
                if spk.pos_ == "PRON":  # '"We will not withdraw from our own land," he said'
                    return [m for m in [index.resolve_pronoun(spk)] if m]
                return _with_conjuncts(spk, index)
            m = index.resolve_pronoun(subj)
            return [m] if m else []
        if subj.dep_ == "nsubjpass" and subj.head.i == node.i and subj.pos_ == "NOUN" and index.at(subj) is None \
                and node.lemma_.lower() in stance_words.STALL:
            return []  # "the EU's sanctions package remained blocked": a stalled measure, not its owner's refusal
        spk = speaker(sent)
        if subj.pos_ == "NOUN" and index.at(subj) is None and spk is not None and spk.i != subj.i \
                and (subj.lemma_.lower() in stance_words.PROPOSAL_NOUNS or _verdict_on_thing(node, subj)):
            # "Zelensky said the Russian demand ... was unacceptable": the verdict is the speaker's
            return _with_conjuncts(spk, index) if spk.pos_ != "PRON" else [m for m in [index.resolve_pronoun(spk)] if m]
        return _with_conjuncts(subj, index)
    spk = speaker(sent)
    if spk is None:
        return []
    if spk.pos_ == "PRON":
        m = index.resolve_pronoun(spk)
        return [m] if m else []
    return _with_conjuncts(spk, index)


def _reporter_subject(node: Token) -> Optional[Token]:
    """"Zelensky said Russia had sent a low-level delegation and called for sanctions": the parser
    joins the reporter's own appeal to the reported clause; an appeal verb in the past tense,
    conjoined without a subject inside the clause of a reporting verb, is the reporter's."""
    if node.dep_ != "conj" or node.tag_ != "VBD" or phrasal(node) not in stance_words.APPEALS \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        return None
    for tok in ancestors(node, 4):
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORTING:
            return subject_of(tok.head)
        if tok.dep_ not in ("conj", "ccomp"):
            return None
    return None


def _verdict_on_thing(node: Token, subj: Token) -> bool:
    """"Any appearance of contingents from NATO countries ... is unacceptable," Lavrov said: a
    verdict copula on a thing (not a party) is the speaker's, not the party named inside it."""
    lex = lexicon.issues()
    return node.lemma_.lower() in ("be", "remain") and subj.head.i == node.i and any(
        c.dep_ in ("acomp", "attr") and stance_words.stance_phrase(c) in lex.stance_verbs and c.lemma_.lower() not in _ATTITUDES
        for c in node.children)


# Adjectives of a subject's own attitude ("the coalition would be ready"), not verdicts on a thing.
_ATTITUDES = frozenset({"ready", "willing", "unwilling", "open", "prepared", "interested", "receptive", "amenable",
                        "opposed"})


def _reporter_of(sent: SpacySpan, index: PartyIndex) -> list[ActorMention]:
    """Who says ``sent``: the subject of its reporting verb, else the reporter named where a
    quotation it opens closes ('"...," Sybiha wrote' in a later sentence)."""
    spk = speaker(sent) or quote_speaker(sent)
    if spk is None:
        return []
    if spk.pos_ == "PRON":
        return [m for m in [index.resolve_pronoun(spk)] if m]
    return _with_conjuncts(spk, index)


def _experiencer(node: Token, index: PartyIndex) -> Optional[ActorMention]:
    """"For Moscow, X remains a red line", "X is unacceptable to Russia": who the verdict is for,
    when the subject is the thing judged rather than a party."""
    subj = subject_of(node)
    if subj is not None and (index.at(subj) is not None or subj.pos_ == "PRON"):
        return None
    for word in [node, *[c for c in node.children if c.dep_ in ("acomp", "attr")]]:
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "to"):
                obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in ("PROPN", "NOUN") and index.at(obj) is not None:
                    return index.at(obj)
                if obj is not None and obj.lower_ in ("us", "me"):  # "unacceptable to us", said Lavrov
                    spk = speaker(node.sent)
                    return index.of_subtree(spk) if spk is not None and spk.pos_ != "PRON" else None
    return None


def _with_conjuncts(tok: Token, index: PartyIndex) -> list[ActorMention]:
    out: list[ActorMention] = []
    for t in [tok, *tok.conjuncts]:
        m = index.at(t) or (index.of_subtree(t) if t is tok else None)
        if m is not None and (m.country or m.actor_id) and m not in out:
            out.append(m)
    return out

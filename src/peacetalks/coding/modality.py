"""Polarity and modality of an event, from the words around its trigger in the parse.

Polarity: ``negated`` when the trigger's clause (or a clause governing it through xcomp, as in
"did not agree to withdraw") carries "not"/"never", or a nominal trigger has "no".
Modality, strongest first: conditional ("only if", "unless", "provided that") > hypothetical
("would", "could", "may", "might"; obligations "must", "need to", "sanctions are needed"; the
"if" clause itself) > expected ("possible", "unlikely", "expected") > intended ("will", "plans
to", "intends to"; "would" in reported speech) > historical (resolved date years before
publication) > actual.
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Token

from peacetalks.coding.lexicon import Lexicon

NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "provided", "providing", "once"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "may", "might", "can"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
ORDER = ("conditional", "hypothetical", "expected", "intended", "historical", "actual")


def clause_chain(anchor: Token, limit: int = 4) -> list[Token]:
    """The anchor's verb and the verbs above it through xcomp/acomp links (not across clauses);
    a noun anchor starts from the verb it belongs to."""
    cur = anchor
    if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj"):
        cur = cur.head if cur.dep_ != "pobj" else cur.head.head
    chain = [anchor] if cur.i != anchor.i else []
    for _ in range(limit):
        chain.append(cur)
        if cur.dep_ in ("xcomp", "acomp", "oprd") and cur.head.i != cur.i:
            cur = cur.head
        elif (cur.dep_ == "conj" and cur.tag_ in ("VB", "VBN", "VBG")
              and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in cur.children)):
            # A non-finite conjunct shares its head's auxiliaries; a finite one ("did not attack
            # Kyiv and shelled Kharkiv") does not.
            cur = cur.head  # "cannot be defeated and destroyed": the conjunct shares aux and negation
        else:
            break
    return chain


def _negated_token(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ == "neg" or (child.lower_ in ("never", "no") and child.dep_ in ("advmod", "det")):
            return True
    return False


def polarity(anchor: Token) -> str:
    if anchor.dep_ == "pcomp" and anchor.head.lower_ == "without":  # "without demanding payment"
        return "negated"
    return "negated" if any(_negated_token(t) for t in clause_chain(anchor)) else "asserted"


def _has_condition(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "provided":
            return True
    return False


# How an intent word takes the action it puts in the future: "plans to attack", "plans an
# attack", "ready for talks"; not a setting phrase ("set fire ... following the killing").
INTENT_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "acomp", "oprd", "attr", "nsubjpass"})


def _takes_as_content(word: Token, prev: Token) -> bool:
    if prev.head.i == word.i:
        return prev.dep_ in INTENT_COMPLEMENT_DEPS
    # "ready for talks": the noun hangs on a preposition of the intent word
    return prev.dep_ == "pobj" and prev.head.head.i == word.i and word.pos_ == "ADJ"


def _reported(chain: Sequence[Token], lex: Lexicon) -> bool:
    """The clause is the content of a speech verb ("said it would strike")."""
    top = chain[-1]
    for _ in range(3):  # "announced it would prohibit aid and would deny entry"
        if top.dep_ != "conj" or top.head.i == top.i:
            break
        top = top.head
    return top.dep_ == "ccomp" and top.head.lemma_.lower() in lex.speech_verbs


def _first_person(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)


def _performative(word: Token, chain: Sequence[Token], lex: Lexicon) -> bool:
    """"I want to thank X", "we would like to congratulate": the act itself, not an intention."""
    return (word.lemma_.lower() in lex.performative_frames and chain[0].lemma_.lower() in lex.performative_verbs
            and _first_person(word))


def _modal_cues(chain: Sequence[Token], lex: Lexicon) -> set[str]:
    cues: set[str] = set()
    prev = None
    backshifted = _reported(chain, lex)
    for tok in chain:
        if _has_condition(tok):
            cues.add("conditional")
        if tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in tok.children):
            cues.add("hypothetical")  # the condition itself: "if the West sends tanks"
        for child in tok.children:
            low = child.lower_
            if child.dep_ in ("aux", "auxpass"):
                if low == "would" and backshifted:
                    cues.add("intended")  # "said it would strike": the future of the past
                elif low in HYPOTHETICAL_AUX or low in lex.deontic_aux:
                    cues.add("hypothetical")
                elif low in FUTURE_AUX:
                    cues.add("intended")
            if child.dep_ in ("acomp", "advmod", "amod") and child.lemma_.lower() in lex.expect_words:
                cues.add("expected")
        lemma = tok.lemma_.lower()
        if (lemma in lex.intent_words and prev is not None and _takes_as_content(tok, prev)
                and not _performative(tok, chain, lex)):
            cues.add("intended")
        if lemma in lex.deontic_verbs and prev is not None and prev.dep_ == "xcomp" and prev.head.i == tok.i:
            cues.add("hypothetical")  # "we need to arm", "they have to withdraw"
        if lemma in lex.expect_words:
            cues.add("expected")
        prev = tok
    return cues


def is_deontic(anchor: Token, lex: Lexicon) -> bool:
    """An obligation ("must arm", "need to withdraw", "sanctions are needed"): the action has
    not happened, and it is neither a promise nor a threat."""
    chain = clause_chain(anchor)
    prev = None
    for tok in chain:
        if any(c.dep_ == "aux" and c.lower_ in lex.deontic_aux for c in tok.children):
            return True
        if prev is not None and tok.lemma_.lower() in lex.deontic_verbs and prev.dep_ == "xcomp" and prev.head.i == tok.i:
            return True
        prev = tok
    return _needed(anchor, lex)


def _needed(anchor: Token, lex: Lexicon) -> bool:
    """"New sanctions are needed", "a ceasefire is necessary": a nominal event as the subject
    of an obligation predicate."""
    if anchor.dep_ not in ("nsubj", "nsubjpass") or anchor.pos_ not in ("NOUN", "PROPN"):
        return False
    head = anchor.head
    return head.lemma_.lower() in lex.deontic_heads or head.lower_ in lex.deontic_heads or any(
        c.dep_ == "acomp" and c.lemma_.lower() in lex.deontic_heads for c in head.children)


def modality(anchor: Token, lex: Lexicon, governed: bool = False, historical: bool = False) -> str:
    """The modality of the event at ``anchor``; ``governed`` when a promise/threat word takes it
    as content (its action is then intended), ``historical`` when its date is long past."""
    chain = clause_chain(anchor)
    cues = _modal_cues(chain, lex)
    # A subject noun of "is possible"/"is unlikely" ("a meeting is possible only if ...").
    if anchor.dep_ in ("nsubj", "nsubjpass") and anchor.pos_ in ("NOUN", "PROPN"):
        cues |= _modal_cues([anchor.head], lex) | ({"expected"} if any(
            c.dep_ == "acomp" and c.lemma_.lower() in lex.expect_words for c in anchor.head.children) else set())
    if _needed(anchor, lex):
        cues.add("hypothetical")
    if governed:
        cues.add("intended")
    if historical:
        cues.add("historical")
    return next((m for m in ORDER if m in cues), "actual")

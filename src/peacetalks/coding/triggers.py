"""Trigger detection: which words of a sentence carry an event, read off the dependency parse.

Four kinds of trigger, all looked up by lemma in the lexicon (``data/triggers.yaml``):
- ``verb``: a lexicon verb ("shelled", "demanded");
- ``support``: a support verb with a noun trigger as object ("held talks", "launched an attack",
  "imposed sanctions"); the noun gives the type unless the pair has an override ("lift sanctions");
- ``noun`` / ``adj``: a nominal or predicative trigger ("Russian strikes on Lviv", "illegitimate");
- ``deontic``: reported speech whose content is an obligation ("said Iraq must cooperate"): a request;
- ``permission``: allow/permit/accept: coded as REJECT when refused, AGREE when promised.
Governing words ("agreed to", "threatened to", "refused to") are linked to the trigger of their
complement, which gives them their mode.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from peacetalks.coding.lexicon import Lexicon, Sense, load_lexicon

VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Dependencies through which a governing word takes its content.
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pcomp", "oprd"})
# Prepositions whose object is part of a governing word's content ("call for", "insist on").
COMPLEMENT_PREPS = frozenset({"for", "on", "upon", "to", "of"})
# Prepositions that tie a bare noun to an actor, target or place ("strikes on Lviv").
LICENSING_PREPS = frozenset({"on", "against", "by", "with", "between", "in", "at", "near", "into",
                             "across", "over", "of", "from", "among"})
ACTOR_ENTS = frozenset({"NORP", "GPE", "ORG", "PERSON"})
NAMED_ENTS = ACTOR_ENTS | {"LOC", "FAC"}
DEONTIC = frozenset({"must", "should"})


@dataclass
class Trigger:
    """One detected trigger; ``anchor`` is the token whose clause the event lives in."""

    anchor: Token
    word: Token
    tokens: tuple[Token, ...]
    sense: Sense
    kind: str
    governor: Optional["Trigger"] = None
    embedded: list["Trigger"] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min(t.idx for t in self.tokens)

    @property
    def end(self) -> int:
        return max(t.idx + len(t.text) for t in self.tokens)


# A sense's ``with`` list may name "@actor": an object that is a named actor.
ACTOR_MARK = "@actor"
PLACE_MARK = "@place"
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
ACTOR_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "dative"})
# Types whose abstract objects make the verb figurative ("destroyed our dream").
MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE", "RETREAT", "AID", "COOPERATE", "MOBILIZE", "PROTEST"})
# Demonstrative subjects are things, not actors ("this will allow us to ...").
DEMONSTRATIVES = frozenset({"this", "these", "those", "that"})
# Prepositions that make a noun the topic of what governs it ("discussions about sanctions") or
# deny it ("uses its arsenal without restrictions").
TOPIC_PREPS = frozenset({"about", "regarding", "concerning", "without"})
# Nominal dependencies: an adjective in one of them is used as a noun ("the offensive on X").
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
# Prepositions whose object belongs to the phrase it modifies ("a mission of observers",
# "tons of medicine", "families as human shields", "access to websites"), for the lemmas senses
# may require.
PHRASE_PREPS = frozenset({"of", "as", "to"})


def _lemma(tok: Token) -> str:
    """The token's lemma; a verb's is checked against the lexicon, because the lemmatizer
    sometimes cuts too much ("staged" -> "stag")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        return load_lexicon().verb_lemma(tok.lower_, lemma)
    return lemma


def _add_phrase(out: set[str], tok: Token) -> None:
    """Add ``tok`` and the lemmas of its modifiers and of/as objects ("tons of medicine")."""
    out.add(_lemma(tok))
    out.add(tok.lower_)
    for g in tok.children:
        if g.dep_ in ("compound", "amod"):
            out.add(_lemma(g))
        elif g.dep_ == "prep" and g.lower_ in PHRASE_PREPS:
            for obj in g.children:
                if obj.dep_ == "pobj":
                    out.add(_lemma(obj))
                    out.update(_lemma(m) for m in obj.children if m.dep_ in ("compound", "amod"))


def _time_adjunct(prep: Token) -> bool:
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") for o in objs)


def context_lemmas(tok: Token) -> set[str]:
    """Lemmas near a trigger that its senses may require: children, objects of its
    prepositions, and modifiers of its object ("send food aid", "hold as human shields")."""
    out: set[str] = set()
    for child in tok.children:
        if child.dep_ == "prep" and _time_adjunct(child):
            continue  # "called his counterpart on Tuesday" is no "call on"
        out.add(_lemma(child))
        if child.dep_ in ACTOR_OBJECT_DEPS and child.ent_type_:
            # "recognised Kosovo", "freed Griner"; "defended Mariupol" is no verbal defence
            out.add(PLACE_MARK if child.ent_type_ in PLACE_ENTS else ACTOR_MARK if child.ent_type_ in ACTOR_ENTS else "")
        out.add(child.lower_)
        if child.dep_ in ("prep", "dobj", "agent", "dative", "nsubj", "nsubjpass"):
            for grand in child.children:
                if grand.dep_ in ("pobj", "dobj", "conj"):
                    _add_phrase(out, grand)  # "deployed as peacekeeping forces"
                elif grand.dep_ in ("compound", "amod"):
                    out.add(_lemma(grand))
                    out.add(grand.lower_)
                elif grand.dep_ == "prep" and grand.lower_ in PHRASE_PREPS and child.dep_ != "prep":
                    for obj in grand.children:  # "a mission of observers", "families as shields"
                        if obj.dep_ == "pobj":
                            _add_phrase(out, obj)
    return out


def sense_for(tok: Token, senses: Iterable[Sense]) -> Optional[Sense]:
    """The first sense whose conditions hold at ``tok`` (None if none does)."""
    lemmas: Optional[set[str]] = None
    deps: Optional[set[str]] = None
    for sense in senses:
        if sense.with_ or sense.without or sense.and_with:
            lemmas = lemmas if lemmas is not None else context_lemmas(tok)
        if sense.with_ and not (sense.with_ & lemmas):  # type: ignore[operator]
            continue
        if sense.and_with and not (sense.and_with & lemmas):  # type: ignore[operator]
            continue
        if sense.without and (sense.without & lemmas):  # type: ignore[operator]
            continue
        if sense.with_dep or sense.without_dep:
            deps = deps if deps is not None else {c.dep_ for c in tok.children}
            if sense.with_dep and not (sense.with_dep & deps):
                continue
            if sense.without_dep & deps:
                continue
        if sense.head and _lemma(tok.head) not in sense.head:
            continue
        if sense.dep and tok.dep_ not in sense.dep:
            continue
        return sense
    return None


def _support_head(noun: Token, lex: Lexicon) -> Optional[Token]:
    """The support verb taking ``noun`` as object ("held talks", "went on strike"), if any."""
    if noun.dep_ == "compound":  # "launched a mediation effort"
        if _lemma(noun.head) not in lex.frame_nouns:
            return None
        noun = noun.head
    head = noun.head
    if noun.dep_ == "conj":  # "launched artillery, mortar and rocket fire"
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        noun_dep, head = head.dep_, head.head
    else:
        noun_dep = noun.dep_
    carriers = lex.carrier_verbs
    if noun_dep in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX") and _lemma(head) in carriers:
        return head
    if (noun_dep == "pobj" and head.dep_ == "prep" and head.lower_ not in TOPIC_PREPS
            and head.head.pos_ in ("VERB", "AUX") and _lemma(head.head) in carriers):
        return head.head
    return None


def _noun_licensed(noun: Token, lex: Lexicon) -> bool:
    """A light noun is an event only with something attached: an actor, a target, a place,
    or a verb that governs it ("demanded the withdrawal")."""
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return True
    if noun.head.i != noun.i and noun.head.pos_ in ("VERB", "AUX") and _lemma(noun.head) in lex.verbs:
        return True
    for child in noun.children:
        if child.dep_ == "poss":
            return True
        if child.dep_ in ("amod", "compound", "nmod") and (child.ent_type_ in ACTOR_ENTS or child.pos_ == "PROPN"):
            return True
        if child.dep_ == "prep" and child.lower_ in LICENSING_PREPS and _licenses(child):
            return True
    return _harm_cause(noun, lex)


def _licenses(prep: Token) -> bool:
    """"of" attaches content as often as a participant ("the threat of nuclear strikes"): it
    licenses only a named actor or place ("the invasion of Ukraine")."""
    if prep.lower_ != "of":
        return True
    return any(o.dep_ == "pobj" and (o.ent_type_ in NAMED_ENTS or o.pos_ == "PROPN") for o in prep.children)


def _harm_cause(noun: Token, lex: Lexicon) -> bool:
    """"died as a result of torture", "killed in shelling": the noun is the cause of a harm,
    so the action took place even without an attached actor."""
    cur = noun
    for _ in range(4):
        if cur.dep_ != "pobj" or cur.head.dep_ != "prep":
            return False
        cur = cur.head.head
        if _lemma(cur) in lex.harm_words:
            return True
    return False


def _noun_trigger(tok: Token, lex: Lexicon) -> Optional[Trigger]:
    senses = lex.nouns.get(_lemma(tok)) or lex.nouns.get(tok.lower_)
    if not senses:
        return None
    sense = sense_for(tok, senses)
    if sense is None:
        return None
    support = _support_head(tok, lex)
    override = override_for(support, tok, lex) if support is not None else None
    if support is not None and override is None and _lemma(support) not in lex.support_verbs:
        support = None  # an override verb carries only its own nouns ("ended mediation efforts")
    if support is not None:
        own = lex.verbs.get(_lemma(support))
        own_sense = sense_for(support, own) if own else None
        if override is not None:
            return Trigger(support, tok, (support, tok), override, "support")
        if own_sense is not None and not own_sense.governs:
            # The verb is the trigger ("provided aid", "launched drone attacks"); the noun joins
            # its span and the verb's sense is kept.
            return Trigger(support, tok, (support, tok), own_sense, "support")
        if own_sense is None:
            return Trigger(support, tok, (support, tok), sense, "support")
    if sense.light and not _noun_licensed(tok, lex):
        return None
    if _mentioned(tok):
        return None
    return Trigger(tok, tok, (tok,), sense, "noun")


def _mentioned(noun: Token) -> bool:
    """A bare event noun that is the topic of talk ("discussions about sanctions", "talks on a
    ceasefire") or a predicate ("Russia is the greatest threat") names no action of the sentence."""
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_ == "be":
        return True
    if noun.dep_ != "pobj" or head.dep_ != "prep":
        return False
    prep = head.lower_
    return prep in TOPIC_PREPS or (prep == "on" and head.head.pos_ == "NOUN")


def _objects(verb: Token) -> Iterable[Token]:
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            yield child
            yield from child.conjuncts


# Particles that keep a verb's meaning ("open up the border"); others make a new verb ("call
# off a strike" is no "call a strike"), looked up in the overrides as "call off".
NEUTRAL_PARTICLES = frozenset({"up"})


def override_for(verb: Token, noun: Token, lex: Lexicon) -> Optional[Sense]:
    """The sense of a verb + object pair from the overrides table, particle-aware."""
    lemma, noun_lemma = _lemma(verb), _lemma(noun)
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if particle is not None:
        sense = lex.overrides.get((f"{lemma} {particle}", noun_lemma))
        if sense is not None or particle not in NEUTRAL_PARTICLES:
            return sense
    return lex.overrides.get((lemma, noun_lemma))


def _override_trigger(tok: Token, lex: Lexicon) -> Optional[Trigger]:
    """A verb + object pair with its own meaning ("opened the border", "signed a treaty"),
    also when the object noun is no trigger by itself."""
    if _lemma(tok) not in lex.override_verbs:
        return None
    for obj in _objects(tok):
        sense = override_for(tok, obj, lex)
        if sense is not None:
            return Trigger(tok, obj, (tok, obj), sense, "support")
    return None


def _verbal(tok: Token, lex: Lexicon) -> Optional[Trigger]:
    return _override_trigger(tok, lex) or _verb_trigger(tok, lex)


def _verb_trigger(tok: Token, lex: Lexicon) -> Optional[Trigger]:
    if tok.dep_ in ("amod", "compound"):  # "armed militia", "the proposed talks"
        return None
    lemma = _lemma(tok)
    senses = lex.verbs.get(lemma)
    sense = sense_for(tok, senses) if senses else None
    if sense is not None:
        if sense.type in MATERIAL_TYPES and _figurative(tok, lex):
            return None
        return None if _thing_subject(tok) else Trigger(tok, tok, (tok,), sense, "verb")
    if lemma in lex.permission_verbs and not _thing_subject(tok):
        return Trigger(tok, tok, (tok,), Sense(type="AGREE", cameo="030"), "permission")
    return None


def _figurative(verb: Token, lex: Lexicon) -> bool:
    """"destroyed our dream", "returned peace to Ukraine": an abstract object."""
    return any(c.dep_ in ("dobj", "nsubjpass") and _lemma(c) in lex.figurative_objects for c in verb.children)


def _thing_subject(verb: Token) -> bool:
    """A demonstrative subject ("this will allow us", "these helped") is a thing, not an
    actor; relative "that" ("forces that attacked") is not one."""
    return verb.dep_ != "relcl" and any(c.dep_ == "nsubj" and c.lower_ in DEMONSTRATIVES for c in verb.children)


def _adj_trigger(tok: Token, lex: Lexicon) -> Optional[Trigger]:
    senses = lex.adjectives.get(_lemma(tok)) or lex.adjectives.get(tok.lower_)
    if not senses or tok.dep_ == "amod":
        return None
    sense = sense_for(tok, senses)
    return Trigger(tok, tok, (tok,), sense, "adj") if sense else None


def reports_speech(tok: Token, lex: Lexicon) -> bool:
    """The clause at ``tok`` is the content of a speech verb ("said Iraq must cooperate") or of
    a speech noun ("a reminder to Iraq that it must cooperate")."""
    dep = tok.dep_
    if dep not in ("ccomp", "acl"):  # most tokens: skip building the head Token
        return False
    head = tok.head
    if dep == "ccomp" and head.pos_ in VERB_POS | {"AUX"}:
        return _lemma(head) in lex.speech_verbs
    if head.pos_ == "NOUN":  # ccomp or acl of a speech noun
        return _lemma(head) in lex.speech_nouns
    return False


def _deontic_trigger(tok: Token, lex: Lexicon) -> Optional[Trigger]:
    """"X said Y must do Z": the speaker requests Z of Y."""
    if not reports_speech(tok, lex):
        return None
    modal = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ in DEONTIC), None)
    if modal is None:
        return None
    return Trigger(tok, tok, (modal, tok), Sense(type="REQUEST", cameo="100", governs=True), "deontic")


def _complements(tok: Token) -> Iterable[Token]:
    for child in tok.children:
        if child.dep_ in COMPLEMENT_DEPS:
            yield child
        elif child.dep_ == "prep" and child.lower_ in COMPLEMENT_PREPS:
            yield from (g for g in child.children if g.dep_ in ("pobj", "pcomp"))


def _link(triggers: list[Trigger]) -> None:
    """Attach each governing trigger to the triggers of its complement."""
    by_token: dict[int, Trigger] = {}
    for trig in triggers:
        by_token.setdefault(trig.anchor.i, trig)
        by_token.setdefault(trig.word.i, trig)
    for trig in triggers:
        if not trig.sense.governs:
            continue
        for comp in _complements(trig.anchor):
            inner = by_token.get(comp.i)
            if inner is not None and inner is not trig and inner.governor is None:
                inner.governor = trig
                trig.embedded.append(inner)


def find_triggers(sent: SpacySpan, lex: Optional[Lexicon] = None) -> list[Trigger]:
    """Every trigger of one sentence, in text order, with governing links set."""
    lex = lex or load_lexicon()
    found: list[Trigger] = []
    taken: set[int] = set()
    for tok in sent:
        trig: Optional[Trigger] = _deontic_trigger(tok, lex)
        if trig is not None:  # the obligation's own action is its content
            inner = _verbal(tok, lex) if tok.pos_ in VERB_POS else _adj_trigger(tok, lex)
            if inner is not None:
                inner.governor = trig
                trig.embedded.append(inner)
                found.append(inner)
        elif tok.pos_ in VERB_POS:
            trig = _verbal(tok, lex)
        elif (tok.pos_ == "NOUN" and (tok.i == sent.start or not tok.text[:1].isupper())) or (
                tok.pos_ == "PROPN" and tok.text.islower()):
            # Capitalised nouns inside a sentence are names or headline words ("Peace Talks").
            trig = _noun_trigger(tok, lex)
        elif tok.pos_ == "ADJ":
            # "a regime offensive on the bastion": the tagger's adjective used as a noun
            nominal = tok.dep_ in NOMINAL_DEPS and not tok.text[:1].isupper()
            trig = (_noun_trigger(tok, lex) if nominal else None) or _adj_trigger(tok, lex)
        if trig is None:
            continue
        key = trig.anchor.i if trig.kind == "support" else -1 - trig.word.i
        if key in taken:
            continue
        taken.add(key)
        found.append(trig)
    found = _drop_shadowed(found)
    _link(found)
    return sorted(found, key=lambda t: t.start)


def _drop_shadowed(triggers: list[Trigger]) -> list[Trigger]:
    """A support construction replaces a plain verb trigger on the same verb (its override is
    more specific: "reject the offer" keeps one REJECT)."""
    support_anchors = {t.anchor.i for t in triggers if t.kind == "support"}
    return [t for t in triggers if not (t.kind in ("verb", "permission") and t.anchor.i in support_anchors)]

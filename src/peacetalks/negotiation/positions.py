"""Positions (SPEC section 2): who demands, rejects, accepts, conditions or claims what.

Per sentence: find issue words (``data/issues.yaml``: "security guarantees",
"peacekeeping forces", "illegitimate" ...), then walk from the issue word up the
dependency tree to the first word that carries a stance ("insists on", "will not
allow", "ready to accept", "only if", "considers ... illegitimate"). The stance word's
subject is the actor, resolved through the actor mentions, so metonyms count ("the
Kremlin" -> RUS); a reported clause without its own subject belongs to the reporter.
Issue words are found in issue_words.py, holders in position_holders.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Optional

from spacy.tokens import Span as SpacySpan, Token

from peacetalks.negotiation import dates, lexicon, position_holders, stance_words
from peacetalks.negotiation.issue_words import IssueMatch, find_issues
from peacetalks.negotiation.parties import PartyIndex
from peacetalks.negotiation.syntax import REPORTING, ancestors, is_negated, phrasal, speaker, trimmed
from peacetalks.records import ActorMention, Position, stable_id

if TYPE_CHECKING:  # pragma: no cover
    from peacetalks.pipeline import Analysis

_TIME_FRAMES = frozenset({"after", "before", "during", "until", "following", "since"})
_PREDICATIVE = frozenset({"acomp", "oprd", "ccomp", "xcomp", "conj", "ROOT", "attr"})
_DROP_WORDS = frozenset({"any", "the", "a", "an", "its", "their", "his", "her", "such", "those", "these", "all"})
_QUOTES = frozenset({"'", '"', "\u2018", "\u2019", "\u201c", "\u201d", "``", "''"})


def extract(analysis: "Analysis", index: PartyIndex) -> list[Position]:
    out: list[Position] = []
    prev: list[IssueMatch] = []
    for si, sent in enumerate(analysis.doc.sents):
        seen: set[tuple[str, str, str]] = set()
        matches = find_issues(sent)
        heads = {m.head.i for m in matches}
        found = [pos for match in matches for pos in _read(analysis, index, si, sent, match, heads)]
        if not matches:
            found = restated(analysis, index, si, sent, prev)
        for pos in found:
            key = (pos.actor.country or pos.actor.key, pos.issue, pos.stance)
            if key not in seen:
                seen.add(key)
                out.append(pos)
        prev = matches
    return out


def restated(analysis: "Analysis", index: PartyIndex, si: int, sent: SpacySpan,
             prev: list[IssueMatch]) -> list[Position]:
    """"All for all. That is our position": a sentence without an issue whose subject is
    "that/this" and whose complement is an aim noun states a demand on the previous
    sentence's issues, held by the complement's possessor ("our" -> the speaker's side)."""
    if not prev:  # checked first: most sentences follow one without an issue
        return []
    aim = _restating_aim(sent)
    if aim is None:
        return []
    holder = _possessor_party(aim, index, sent)
    if holder is None:
        return []
    out: list[Position] = []
    for match in prev:
        if match.issue in {p.issue for p in out}:
            continue
        out.append(Position(
            id=stable_id(analysis.doc_id, si, match.head.idx, match.issue, "demand", holder.key),
            actor=holder, issue=match.issue, stance="demand", statement=f"demands {_phrase(match)}".strip(),
            evidence=trimmed(sent, analysis.text), date=dates.resolve(sent, analysis.published, aim, "held"),
            sentence=si))
    return out


def _restating_aim(sent: SpacySpan) -> Optional[Token]:
    for tok in sent:
        if tok.lemma_.lower() in ("be", "remain") and any(
                c.dep_ == "nsubj" and c.lower_ in ("that", "this") for c in tok.children):
            attr = next((c for c in tok.children if c.dep_ == "attr"), None)
            if attr is not None and attr.lemma_.lower() in lexicon.issues().aim_nouns:
                return attr
    return None


def _possessor_party(noun: Token, index: PartyIndex, sent: SpacySpan) -> Optional[ActorMention]:
    """The party a possessive names: a named one, else "our/my" -> the speaker's party."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    if poss.pos_ != "PRON":
        return index.of_subtree(poss)
    if poss.lower_ in ("our", "my"):
        spk = speaker(sent)
        if spk is not None:
            return index.resolve_pronoun(spk) if spk.pos_ == "PRON" else index.of_subtree(spk)
    return None


def _read(analysis: "Analysis", index: PartyIndex, si: int, sent: SpacySpan, match: IssueMatch,
          issue_heads: set[int]) -> list[Position]:  # noqa: D401
    out: list[Position] = []
    # A stance noun with its own holder ("Kyiv welcomed the Hamas demand ...") is read first, then
    # the verb that takes it may give another party's stance.
    owner: Optional[Token] = None
    for stance, node in _stances(match.head, match.issue, issue_heads):
        if owner is not None and node.i != owner.head.i:
            break  # only the verb that takes the noun itself ("Israel rejected the Hamas demand")
        if match.issue == "sanctions" and stance == "accept" and node.lemma_.lower() in _ENACT:
            return out  # "the EU approved a sanctions package": an act of sanctioning, coded as an event
        if match.issue == "sanctions" and stance == "accept" and _proposes_measure(node, match.head):
            return out  # "the Commission proposed a package of sanctions": a step in enacting them
        imposed = stance in ("demand", "condition", "accept") and position_holders.imposed(node)
        actors = position_holders.imposer(node, index) if imposed else None
        if actors and stance == "accept":
            stance = "demand"  # "Moscow insists that Kyiv must recognise the annexation": Moscow demands it
        if not actors and stance == "condition":
            actors = position_holders.condition_setter(node, index)
        # in "a ceasefire would be possible only if Ukraine withdrew from the regions" the ceasefire
        # (another issue) is the topic of the condition, not its holder
        actors = actors or position_holders.holders_of(node, match, index, sent, issue_heads if stance == "condition" else set())
        actors = [a for a in actors if a.country not in {p.actor.country for p in out}]
        if not actors:
            continue  # "a plan that would require ...": no actor here, the governing verb decides
        if match.insisted and stance == "accept":
            stance = "demand"  # "ready to start talks without preconditions": insists on the format
        statement = f"{_verb(stance, node)} {_phrase(match)}".strip()
        date = dates.resolve(sent, analysis.published, node, "held")
        out += [Position(
            id=stable_id(analysis.doc_id, si, match.head.idx, match.issue, stance, actor.key),
            actor=actor, issue=match.issue, stance=stance, statement=statement,
            evidence=trimmed(sent, analysis.text), date=date, sentence=si,
            basis="act" if _enacted(stance, node, match) else "statement",
        ) for actor in actors]
        if owner is not None or not _own_holder(node, index, match.issue):
            break
        owner = node
    return out


def _enacted(stance: str, node: Token, match: IssueMatch) -> bool:
    """"Putin declared a unilateral ceasefire": a truce put into effect, the side's act (the accept
    ``_stances`` reads from a declare verb over the ceasefire), not a statement of its position."""
    return stance == "accept" and match.issue == "ceasefire" and node.lemma_.lower() in _DECLARE \
        and match.head.dep_ == "dobj" and match.head.head.i == node.i


def _proposes_measure(node: Token, head: Token) -> bool:
    """"proposed an 18th package of sanctions": a propose verb whose object is the measure itself
    (no verb between: "proposed lifting sanctions" is a stance on the sanctions)."""
    if node.lemma_.lower() not in lexicon.issues().propose_verbs:
        return False
    path = list(ancestors(head))
    between = path[:path.index(node)] if node in path else path
    return not any(t.pos_ in ("VERB", "AUX") and t.dep_ != "prep" for t in between)  # "including" is a prep


def _own_holder(node: Token, index: PartyIndex, issue: str) -> bool:
    """A stance held by a party named on the stance word itself ("the Hamas demand", "Kyiv's
    refusal"), so the verb governing it may state another party's ("Israel rejected ...").
    Not for a claim: dismissing someone's claim is no position on the issue, except on an
    issue whose positions are claims ("Kyiv dismissed Moscow's claims that Zelensky is not
    legitimate": Kyiv rejects the legitimacy challenge; ``rebuttal_issues``)."""
    lex = lexicon.issues()
    return node.pos_ == "NOUN" and (node.lemma_.lower() not in lex.claim_verbs or issue in lex.rebuttal_issues) \
        and (any(c.dep_ == "poss" for c in node.children) or position_holders.party_modifier(node, index) is not None)


def _stances(head: Token, issue: str, issue_heads: set[int] = frozenset()) -> Iterator[tuple[str, Token]]:  # type: ignore[assignment]
    """Candidate stances on the way from the issue word to the root, nearest first."""
    lex = lexicon.issues()
    if head.dep_ == "pobj" and head.head.lower_ in _TIME_FRAMES:
        duty = _obligation_over(head.head.head) if head.head.lower_ == "during" and issue == "ceasefire" else None
        if duty is not None:  # "deliveries would have to stop during any truce": a term of the truce
            yield "condition", duty
        return  # "the deployment of troops after a ceasefire": the ceasefire only dates it
    if _place_qualifier(head, issue):
        return  # "deployment of troops near Russia's borders": the border only places the troops
    if head.dep_ == "pobj" and head.head.lower_ == "without" and head.head.head.pos_ in ("VERB", "AUX") \
            and _negated(head.head.head):
        yield "condition", head.head.head  # "would not agree to any settlement without security guarantees"
        return
    if (rebuttal := _rebuttal_noun(head, issue, lex)) is not None:
        yield "reject", rebuttal  # "Putin's lies about legitimacy are an excuse": the claim is rebutted
        return
    nodes = [head] + list(ancestors(head))
    cond = next((n for n in nodes if (n.dep_ in ("advcl", "ccomp") and _is_condition(n, lex)) or _is_exchange(n)
                 or _prior_to(n)), None)
    if cond is not None:  # inside "only if ..." / "in exchange for ...": a condition of the main clause's actor
        yield "condition", cond.head
        return
    # "ready to stop strikes if Moscow did the same": a condition on the issue verb itself
    own_condition = head.pos_ == "VERB" and any(c.dep_ == "advcl" and _is_condition(c, lex) for c in head.children)
    for prev, node in zip([None] + nodes, nodes):
        if prev is not None and prev.dep_ == "conj" and prev.pos_ in ("VERB", "AUX", "ADJ"):
            break  # "ready to talk, but ... illegitimate": a conjoined clause has its own stance
        if node is head:
            yield from _head_stances(node)
            continue
        if _attributed_gerund(node):
            return  # "accused Russia of rejecting a ceasefire", "the cost of rejecting a ceasefire": not the speaker's
        if node.dep_ == "relcl" and node.head.lemma_.lower() in stance_words.PROPOSAL_NOUNS and _relative_subject(node):
            continue  # "rejected any settlement that would recognise Russia's annexation": the settlement's terms
        if node.dep_ == "relcl" and node.head.lemma_.lower() in lex.label_nouns:
            continue  # "'realities on the ground', a phrase Kyiv regards as a demand to cede ...": Kyiv's reading
        if issue == "sanctions" and prev is head and head.dep_ == "dobj" and node.lemma_.lower() in lex.weigh_verbs:
            yield "condition", node  # "is considering new sanctions": a measure held over the other side
            return
        if prev is head and prev.dep_ == "dobj" and issue == "ceasefire" and node.lemma_.lower() in _DECLARE \
                and node.head.lower_ != "without":
            yield "accept", node  # "Zelensky declared a unilateral ceasefire": a truce of its own
            continue
        if node.i in issue_heads and not (prev is not None and prev.dep_ == "conj"):
            return  # "a ceasefire along the front line": the line only qualifies the ceasefire
        if node.i in issue_heads:
            continue  # "security guarantees and air defence": coordinated issues share the stance
        if any(c is not prev and ((c.dep_ == "advcl" and _is_condition(c, lex)) or _is_exchange(c))
               for c in node.children) and node.pos_ in ("VERB", "AUX"):
            yield "condition", node  # "threatened sanctions if no deal is made"
            return
        found = "demand" if _states_aim(node, prev, lex) else _node_stance(node, lex)
        if found == "demand" and node.lemma_.lower() == "insist" and prev is not None and prev.dep_ == "ccomp" \
                and not ({c.lower_ for c in prev.children if c.dep_ == "aux"} & _OBLIGATION):
            found = "claim"  # "insisted that his mandate had expired": an assertion, not a demand
        if found is not None and node.dep_ in ("xcomp", "ccomp") and _demanding(node.head, lex) \
                and (node.dep_ == "xcomp" or node.head.lemma_.lower() in _WANTING):
            yield "demand", node.head  # "urged Zelensky to accept ...": the urger demands it
            continue
        if found == "accept" and own_condition:
            found = "condition"
        if found == "demand" and prev is head and head.dep_ in ("nsubj", "nsubjpass") and node.lemma_.lower() in _REQUIRE:
            found = "condition"  # "a longer ceasefire would require answers first": terms set for it
        if found == "claim" and issue != "legitimacy" and _verdict_of_illegitimacy(node):
            found = "reject"  # "called the sanctions illegitimate": a verdict against the measure
        if found in _FLIP and _limited(head, node):
            found = _FLIP[found]  # "would no longer impose range restrictions on weapons": for the weapons
        if found is not None:
            yield found, node
    if issue == "legitimacy":  # "X is illegitimate", reported: a claim of the reporter
        yield "claim", nodes[-1]


_FLIP = {"accept": "reject", "reject": "accept"}


# Nouns and verbs that lay a stance at another's door: "the cost of rejecting a truce", "accused
# Russia of rejecting a truce", "blamed Kyiv for refusing talks". The gerund's stance is someone else's.
_CONSEQUENCE_NOUNS = frozenset({"cost", "price", "consequence", "risk", "danger", "penalty", "accusation", "charge",
                                "responsibility", "blame", "peril"})
_ACCUSE_VERBS = frozenset({"accuse", "blame", "charge", "suspect", "criticise", "criticize", "condemn", "fault",
                           "punish", "reproach"})


def _attributed_gerund(node: Token) -> bool:
    if node.tag_ != "VBG" or node.dep_ != "pcomp" or node.head.lower_ not in ("of", "for"):
        return False
    owner = node.head.head
    lemma = owner.lemma_.lower()
    return (owner.pos_ == "NOUN" and lemma in _CONSEQUENCE_NOUNS) or (owner.pos_ == "VERB" and lemma in _ACCUSE_VERBS)


def _verdict_of_illegitimacy(node: Token) -> bool:
    """A claim verb whose complement declares its object illegitimate ("called the measures
    'illegitimate'"); on the legitimacy issue the same words are the claim itself."""
    return any(c.lemma_.lower() == "illegitimate" for c in _complements(node))


def _complements(node: Token) -> list[Token]:
    """What a claim verb says of its object ("considers the deployment [unacceptable]")."""
    return [c for c in node.children if c.dep_ in ("oprd", "ccomp", "acomp", "xcomp")]


# Nouns of a limit put on something: a stance on the limit is the opposite stance on the thing.
_LIMIT_NOUNS = frozenset({"restriction", "limit", "limitation", "cap", "curb", "ban", "constraint"})


def _relative_subject(verb: Token) -> bool:
    """The relative clause's subject is its relative pronoun ("a deal that would recognise ...")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in verb.children)


def _limited(head: Token, node: Token) -> bool:
    """The issue is what a limit noun on the way to ``node`` restricts ("restrictions on weapons")."""
    for tok in [head, *ancestors(head)]:
        if tok.i == node.i:
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "of") and tok.head.head.lemma_.lower() in _LIMIT_NOUNS:
            return True
    return False


def _rebuttal_noun(head: Token, issue: str, lex: lexicon.IssueLexicon) -> Optional[Token]:
    """The noun calling a claim on ``issue`` false, with the issue as its topic ("lies about
    legitimacy"), for the issues whose positions are claims (``rebuttal_issues``)."""
    prep = head.head
    if issue not in lex.rebuttal_issues or head.dep_ != "pobj" or prep.lower_ not in ("about", "on", "over", "regarding"):
        return None
    return prep.head if prep.head.lemma_.lower() in lex.rebuttal_nouns else None


def _head_stances(head: Token) -> Iterator[tuple[str, Token]]:
    """Stances written on the issue word itself."""
    if head.pos_ == "VERB" and head.lemma_.lower() in _COMMIT and _commits(head):
        yield ("reject" if _negated(head) else "accept"), head  # "we will not withdraw"
    if head.pos_ == "VERB" and position_holders.imposed(head) and not _negated(head):
        yield "demand", head  # "if Russia wants peace, it must cease fire": the speaker demands it
    if head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        if any(c.dep_ == "prep" and c.lower_ == "without" for c in head.children):
            yield "condition", head  # "no exchange of prisoners without a full list"
        elif head.lemma_.lower() in stance_words.ROOM_NOUNS:
            yield "reject", head  # "should have no role in the talks"


def _states_aim(node: Token, prev: Optional[Token], lex: lexicon.IssueLexicon) -> bool:
    """"Russia's aim was a sustainable peace that took into account the realities on the
    ground": the issue in the complement of a copula whose subject is someone's aim."""
    return prev is not None and prev.dep_ in ("attr", "acomp") and node.lemma_.lower() in ("be", "remain") \
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in lex.aim_nouns and any(g.dep_ == "poss" for g in c.children)
                for c in node.children)


def _demanding(node: Token, lex: lexicon.IssueLexicon) -> bool:
    return lex.stance_verbs.get(phrasal(node), lex.stance_verbs.get(node.lemma_.lower())) == "demand"


def _node_stance(node: Token, lex: lexicon.IssueLexicon) -> Optional[str]:
    return _node_stance_word(node, lex)


def _node_stance_word(node: Token, lex: lexicon.IssueLexicon) -> Optional[str]:
    lemma = node.lemma_.lower()
    if node.pos_ in ("AUX", "VERB") and any(c.lower_ == "out" and "of the question" in c.doc[c.i:c.i + 4].text.lower()
                                            for c in node.children):
        return "reject"  # "a ceasefire is out of the question"
    if node.pos_ == "NOUN" and lemma in stance_words.ROOM_NOUNS and any(c.lower_ == "no" for c in node.children):
        return "reject"  # "no role for European peacekeepers", "no intention of withdrawing"
    if lemma in _DELIBERATE and not any(c.dep_ in ("oprd", "ccomp", "xcomp", "acomp") for c in node.children):
        return None  # "ready to consider a truce": weighing it, the governing word decides
    if node.pos_ == "NOUN" and lex.stance_verbs.get(lemma) == "condition":
        return "condition"  # "as a condition for a ceasefire"
    owned = node.pos_ == "NOUN" and (any(c.dep_ == "poss" for c in node.children) or (
        (lemma in lex.stance_verbs or phrasal(node) in lex.stance_verbs) and _modified_by_party(node)))
    if node.pos_ == "NOUN" and not owned and not (node.dep_ == "dobj" and node.head.lemma_.lower() in _EXPRESS):
        return None  # "rejected calls for a ceasefire": a bare noun's stance is not the speaker's
    for word in (phrasal(node), lemma):
        if word in lex.stance_verbs:
            return _adjust(lex.stance_verbs[word], node, lex)
    if _obliged(node) or ((node.dep_ == "ccomp" or lemma in ("have", "need")) and position_holders.imposed(node)):
        return "demand"  # "any deal must include ...", "Ukraine would have to give up Crimea"
    if lemma in _COMMIT and _commits(node):
        # "would send more weapons": a commitment, unless negated ("ready to provide" is read at "ready")
        return "reject" if _negated(node) else "accept"
    acomp = next((c for c in node.children if c.dep_ in ("acomp", "attr") and stance_words.stance_phrase(c) in lex.stance_verbs),
                 None)
    if acomp is not None:  # "is unacceptable", "remains a red line", "is a non-starter"
        return _adjust(lex.stance_verbs[stance_words.stance_phrase(acomp)], node, lex)
    if lemma in lex.claim_verbs and lemma not in REPORTING:
        # "considers the deployment unacceptable": the complement carries the stance
        comps = _complements(node)
        objs = [node] + [c for c in node.children if c.dep_ == "dobj"]  # the parser may hang "as" on the object
        comps += [g for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                  if g.dep_ in ("pobj", "acomp", "amod")]  # "described the plan as unacceptable"
        # "considers the deployment a red line": the complement with its modifiers first
        verdicts = [lex.stance_verbs.get(stance_words.stance_phrase(c)) or lex.stance_verbs.get(c.lemma_.lower()) for c in comps]
        return next((v for v in verdicts if v is not None), "claim")
    return None


def _modified_by_party(node: Token) -> bool:
    """A nationality or party name before the noun ("the Qatari demand"): spaCy marks them as
    NORP/GPE/ORG entities or proper nouns; the actor lookup itself happens in position_holders.holders_of."""
    return any(c.dep_ in ("amod", "compound", "nmod") and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN")
               for c in node.lefts)


def _is_exchange(prep: Token) -> bool:
    """"in exchange for X", "in return for X": a price, i.e. a condition."""
    return prep.dep_ == "prep" and prep.lower_ == "in" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in ("exchange", "return") for o in prep.children)


# Verbs that put a truce into effect when it is their object.
_DECLARE = frozenset({"declare", "announce", "order", "proclaim"})
# Verbs of weighing something, not of holding an opinion on it, when they have a bare object.
_DELIBERATE = frozenset({"consider", "study", "examine", "discuss", "review"})
# Verbs that voice their object: "signalled readiness to ...", "expressed support for ...".
_EXPRESS = frozenset({"signal", "express", "show", "voice", "confirm", "reaffirm", "announce", "declare",
                      "state", "reiterate", "indicate"})
_OBLIGATION = frozenset({"must", "should", "need", "has", "have"})
# Demand verbs whose that-clause is the thing demanded ("wants Ukraine to recognise ...").
_WANTING = frozenset({"want", "demand", "urge", "ask", "press", "require", "expect"})
# Verbs whose subject is what is conditioned and whose object is the condition.
_REQUIRE = frozenset({"require", "need", "depend", "presuppose", "hinge"})
_CONTAIN = frozenset({"include", "contain", "cover", "ensure", "guarantee", "provide"})
_ENACT = frozenset({"approve", "adopt", "impose", "agree", "introduce", "pass"})
_COMMIT = frozenset({"send", "supply", "provide", "deliver", "give", "finance", "fund", "deploy", "lift", "ease",
                     "hold", "organise", "organize", "release", "contribute",
                     "impose", "intensify", "tighten", "toughen", "expand", "increase",
                     "withdraw", "cede", "surrender", "relinquish"})
_COMMIT_AUX = frozenset({"will", "would", "shall", "could", "might", "may", "'ll", "wo"})


def _obligation_over(verb: Token) -> Optional[Token]:
    """The verb laying down an obligation on ``verb``: itself ("must stop") or the "have/need"
    it depends on ("would have to stop")."""
    if position_holders.imposed(verb):
        return verb
    if verb.dep_ == "xcomp" and position_holders.imposed(verb.head):
        return verb.head
    return None


def _prior_to(clause: Token) -> bool:
    """"Ukraine must abandon its NATO bid before any ceasefire": what has to come first is a
    condition of the later thing, so the later thing is conditioned."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "before" for c in clause.children) \
        and (position_holders.imposed(clause.head) or lexicon.issues().stance_verbs.get(clause.head.lemma_.lower()) == "demand")


def _obliged(node: Token) -> bool:
    """"Any deal must include ...": what a settlement has to contain is demanded."""
    return node.lemma_.lower() in _CONTAIN and bool(_aux(node) & {"must", "should"})


def _commits(node: Token) -> bool:
    """"will/would (not) send", "is not intensifying": a commitment or its refusal."""
    return bool(_aux(node) & _COMMIT_AUX) or (node.tag_ == "VBG" and _negated(node))


def _aux(node: Token) -> set[str]:
    return {c.lower_ for c in node.children if c.dep_ == "aux"}


def _adjust(stance: str, node: Token, lex: lexicon.IssueLexicon) -> str:
    if stance in lex.negatable and _negated(node):
        return "reject"
    if stance == "reject" and node.pos_ == "VERB" and any(c.dep_ == "neg" for c in node.children):
        return "accept"  # "has not ruled out a new exchange": the door is open
    holders = [node] + ([node.head] if node.dep_ == "acomp" else [])  # "was open to X once Y": on the copula
    if stance == "accept" and any(c.dep_ == "advcl" and _is_condition(c, lex) for h in holders for c in h.children):
        return "condition"
    if stance == "accept" and any(c.dep_ == "prep" and any(g.lower_ == "only" for g in c.children)
                                  or (c.dep_ == "advmod" and c.lower_ == "only") for c in node.children):
        return "condition"  # "will accept peacekeepers only under a UN mandate"
    return stance


def _negated(node: Token) -> bool:
    """Negated itself or through the words that govern it: "is not ready to accept",
    "is not prepared to accept" (the negation sits on the copula above the adjective)."""
    cur = node
    for _ in range(3):
        if is_negated(cur):
            return True
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in _REFUSE:
            return True  # "refused to accept a ceasefire", "declined to agree to ..."
        if cur.dep_ == "acl" and cur.head.lemma_.lower() in stance_words.ROOM_NOUNS:
            cur = cur.head  # "in no hurry to accept", "no intention to allow"
            continue
        if cur.dep_ not in ("xcomp", "acomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


# Verbs whose infinitive complement is refused: "declined to agree" reads as "would not agree".
_REFUSE = frozenset({"refuse", "decline"})
# Locative prepositions: an issue word after them places another thing ("troops near the border").
_LOCATIVE = frozenset({"near", "at", "on", "in", "inside", "around", "beyond", "within"})  # not "along": a line of contact is the issue
# Words just before a "that"-clause that make it a condition ("provided that ...").
_CONDITION_LEADS = ("provided that", "providing that", "on condition that", "on the condition that")
_CONDITION_LEAD_WORDS = frozenset({"provided", "providing", "condition"})


def _before(clause: Token) -> str:
    """The clause's first word with the three before it, lower case."""
    return clause.doc[max(clause.left_edge.i - 3, 0):clause.left_edge.i + 1].text.lower()


def _place_qualifier(head: Token, issue: str) -> bool:
    """A territory word in a locative phrase of a noun only places that noun."""
    prep = head.head
    if issue != "territory" or head.dep_ != "pobj" or prep.lower_ not in _LOCATIVE:
        return False
    owner = prep.head
    if owner.pos_ in ("VERB", "AUX"):
        # "the bodies, which (he said) were waiting in trucks at the border": a clause describing a thing
        return _describing(owner) and owner.lemma_.lower() not in lexicon.issues().stance_verbs
    return owner.pos_ in ("NOUN", "PROPN") and owner.lemma_.lower() not in lexicon.issues().stance_verbs


def _describing(verb: Token) -> bool:
    """The verb is (inside) a relative or participial clause on a noun."""
    for tok in [verb, *ancestors(verb, 3)]:
        if tok.dep_ in ("relcl", "acl"):
            return True
        if tok.dep_ not in ("ccomp", "xcomp", "conj") or tok.pos_ not in ("VERB", "AUX"):
            return False
    return False


def _is_condition(clause: Token, lex: lexicon.IssueLexicon) -> bool:
    # the parser reads a clause-opening "once" as an adverb ("once a ceasefire took hold")
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"
             or (c.dep_ == "advmod" and c.i == clause.left_edge.i and c.lower_ == "once")]
    if clause.dep_ == "ccomp":  # "... provided that Azerbaijan withdraws": parsed as a reported clause
        edge = clause.left_edge.i
        return edge > 0 and clause.doc[edge - 1].lower_ in _CONDITION_LEAD_WORDS \
            and any(lead in _before(clause) for lead in _CONDITION_LEADS)
    if any(m in lex.condition_marks for m in marks):
        return True
    if any(m in ("after", "when") for m in marks) and "only" in _before(clause).split():
        return True  # "could be deployed only after a peace agreement is signed"
    left = clause.doc[max(clause.left_edge.i - 2, 0):clause.left_edge.i + 3].text.lower()
    return any(w in left for w in ("as long as", "on condition", "in exchange for", "provided", "providing"))


def _verb(stance: str, node: Token) -> str:
    if stance != "claim":
        return lexicon.issues().verbs_3sg.get(stance, stance)
    lemma = node.lemma_.lower()
    if lemma in lexicon.issues().claim_verbs and lemma not in REPORTING:
        return lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
    return "claims"


def _phrase(match: IssueMatch) -> str:
    """The issue as written, without determiners and quotes: "Istanbul security guarantees"."""
    if match.qualifier:  # "talks without any preconditions"
        head = match.head  # a modifier before the talks word ("unconditional talks") is already written
        qual = [t.text for t in match.qualifier if not t.is_punct and t.text not in _QUOTES
                and not head.left_edge.i <= t.i <= head.i]
        return " ".join(_plain_phrase(match).split() + qual)
    return _plain_phrase(match)


def _plain_phrase(match: IssueMatch) -> str:
    head = match.head
    if head.pos_ == "VERB" and head in match.tokens:  # "cease fire", "stop long-range strikes"
        obj = [t.text for t in match.tokens[-1].subtree if not t.is_punct and t.text not in _QUOTES] \
            if len(match.tokens) > 1 and match.tokens[-1].head is head else [t.text for t in match.tokens[1:]]
        return " ".join([head.text] + obj[:8])
    if head.pos_ == "ADJ":  # "consider Zelensky illegitimate": keep the one it is said of
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is None and head.head.pos_ in ("AUX", "VERB"):
            subj = next((c for c in head.head.children if c.dep_ in ("nsubj", "dobj")), None)
        parts = ([subj.text] if subj is not None else []) + [head.text]
        return " ".join(parts)
    left = [t for t in head.subtree if t.i <= head.i and t.i >= head.left_edge.i]
    right: list[Token] = []
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "on", "from", "to"):
            right = list(c.subtree)[:6]
            break
    words = [t.text for t in left + right if t.lower_ not in _DROP_WORDS and t.text not in _QUOTES and not t.is_punct]
    return " ".join(words[-10:])

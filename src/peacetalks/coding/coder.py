"""The event coder: triggers -> PLOVER ``Event`` records with roles, polarity, modality,
location, date, intensity and a calibrated confidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from peacetalks import __version__
from peacetalks.coding.confidence import SETTING_PREPS, calibrated
from peacetalks.coding.lexicon import Lexicon, load_contexts, load_intensity, load_lexicon
from peacetalks.coding.location import locations
from peacetalks.coding.modality import is_deontic, modality, polarity
from peacetalks.coding.roles import MentionIndex, roles, subject_of
from peacetalks.coding.triggers import COMPLEMENT_PREPS, Trigger, context_lemmas, find_triggers, reports_speech
from peacetalks.nlp.temporal import resolve_date
from peacetalks.records import ActorMention, Event, PlaceMention, Source, Span

if TYPE_CHECKING:  # pragma: no cover
    from peacetalks.pipeline import Analysis

# The governing types whose complement did not happen and is not coded on its own:
# "refused to withdraw" and "demanded the withdrawal" are no RETREAT.
SWALLOWING = frozenset({"REJECT", "REQUEST"})
# PLOVER codes promised material cooperation as AGREE ("will provide food aid").
PROMISABLE = frozenset({"AID", "COOPERATE", "RETREAT", "CONCEDE", "SUPPORT"})
# ... and announced or conditional force as THREATEN, with the threat's content as mode.
THREATENABLE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
FUTURE = frozenset({"intended", "hypothetical", "conditional"})
ACTOR_ENTS = ("ORG", "GPE", "NORP", "PERSON")
CLAIMANT_PRONOUNS = frozenset({"they", "he", "she", "it", "we", "i"})
PLACE_ENTS = ("GPE", "LOC", "FAC")

def coder_name() -> str:
    return f"peacetalks {__version__} rules/{load_intensity().name}"


def mode_from_content(governor_type: str, inner_type: str, inner_mode: Optional[str]) -> Optional[str]:
    """The mode of a request, refusal or threat, from the action it is about."""
    if governor_type in ("REQUEST", "REJECT"):
        if inner_type in ("CONSULT", "AGREE"):
            return "meet"
        if inner_type in ("RETREAT", "CONCEDE"):
            return "yield"
        if inner_type in ("AID", "COOPERATE", "SUPPORT"):
            return "assist"
        return "change"
    if governor_type == "THREATEN":
        if inner_type in ("ASSAULT", "MOBILIZE"):
            return "violence"
        if inner_type == "SANCTION":
            return "expel" if inner_mode == "expel" else "relations"
        if inner_type == "COERCE":
            return {"arrest": "arrest", "deport": "expel", "seize": "territory"}.get(inner_mode or "", "restrict")
        if inner_type == "PROTEST":
            return "restrict"
    return None


@dataclass
class Coded:
    """The decisions about one trigger before it becomes one or more Event records."""

    event_type: str
    mode: Optional[str]
    cameo: str
    polarity: str
    modality: str


def _decide(trig: Trigger, lex: Lexicon, historical: bool) -> Optional[Coded]:
    sense = trig.sense
    pol = polarity(trig.anchor)
    # An obligation in reported speech is a request made by the speaker: its modality is the
    # speech act's ("said Iran must release" is an actual request), not the obligation's.
    where = trig.anchor.head if trig.kind == "deontic" else trig.anchor
    mod = modality(where, lex, governed=trig.governor is not None and trig.governor.sense.type in ("AGREE", "THREATEN"),
                   historical=historical)
    etype, mode, cameo = sense.type, sense.mode, sense.cameo
    if sense.needs_content and not trig.embedded:
        return None
    if etype == "AGREE" and trig.embedded and trig.embedded[0].sense.type in THREATENABLE:
        # "prepared to impose martial law", "vowed to strike back": a threat, not an offer.
        inner = trig.embedded[0].sense
        etype, mode, cameo = "THREATEN", mode_from_content("THREATEN", inner.type, inner.mode), "130"
    if trig.embedded and sense.type in ("REQUEST", "REJECT", "THREATEN"):
        inner = trig.embedded[0].sense
        mode = mode_from_content(sense.type, inner.type, inner.mode) or mode
    if trig.kind == "permission" or (etype == "AGREE" and pol == "negated"):
        # "will not allow foreign forces" / "did not agree": a refusal, coded as asserted REJECT.
        if pol == "negated":
            return Coded("REJECT", None, "120", "asserted", mod)
        if trig.kind == "permission" and mod in ("hypothetical", "expected", "conditional"):
            return None  # "should be allowed", "could allow": neither a grant nor a promise
        if trig.kind == "permission" and mod not in FUTURE and trig.governor is None:
            # "allowed aid convoys into Gaza": access actually granted; "this allows us to ..."
            # or a bare "allowed" is nothing.
            if _grants_access(trig.anchor, lex):
                return Coded("RETREAT", "access", "0861", pol, mod)
            return None
    if etype in ("RETREAT", "CONCEDE") and pol == "negated" and mod == "intended" and trig.governor is None:
        # "will not lift the embargo", "won't release the hostages": declining to yield (CAMEO 124)
        return Coded("REJECT", "yield", "124", "asserted", mod)
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in trig.anchor.children)
    # "may have launched": a guess about the past, neither a promise nor a threat; "must arm",
    # "sanctions are needed": an obligation, neither either. A bare "could/can" is a
    # possibility: only an announced ("will") or conditional action is a promise or a threat.
    # A bare noun takes no promise or threat from the clause around it ("would prohibit all aid").
    if (trig.governor is None and mod in ("intended", "conditional") and pol == "asserted" and not perfect
            and trig.kind != "noun" and not is_deontic(trig.anchor, lex)):
        if etype in PROMISABLE and mod == "intended":
            etype, mode, cameo = "AGREE", None, "030"
        elif etype in THREATENABLE or (etype == "PROTEST" and mod == "conditional"):
            mode = mode_from_content("THREATEN", etype, mode)
            etype, cameo = "THREATEN", "130"
    return Coded(etype, mode, cameo, pol, mod)


def _grants_access(anchor: Token, lex: Lexicon) -> bool:
    """"allowed aid convoys into Gaza", "let the ship dock": the permission is about passage
    or deliveries (``cues.yaml: access_words``)."""
    words = context_lemmas(anchor)
    for child in anchor.children:
        if child.dep_ in ("xcomp", "ccomp"):
            words |= context_lemmas(child)
    return bool(words & lex.access_words)


def _speaker(anchor: Token, lex: Lexicon, index: MentionIndex) -> Optional[ActorMention]:
    """The subject of a speech verb whose reported clause contains the anchor, or of the verb
    that issues a speech noun ("Scholz sent a reminder that ...")."""
    cur = anchor
    for _ in range(8):
        head = cur.head
        if head.i == cur.i:
            return None
        if (cur.dep_ == "parataxis" and head.lemma_.lower() in lex.speech_verbs) or reports_speech(cur, lex):
            subj = subject_of(head if head.pos_ != "NOUN" else head.head)
            return index.for_token(subj[0]) if subj else None
        cur = head
    return None


def claims_own_action(anchor: Token) -> bool:
    """"The Houthis claimed that they had attacked the airport": a claim of responsibility
    (CAMEO 015, a statement, like "claimed responsibility for the attack"), when the subject
    of the claimed action is a pronoun for the claimant."""
    cur = anchor
    for _ in range(4):
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() == "claim":
            return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in CLAIMANT_PRONOUNS for c in cur.children)
        if cur.dep_ not in ("conj", "xcomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def in_statement_frame(anchor: Token, lex: Lexicon) -> bool:
    """True when the action is only the topic of a comment ("claimed responsibility for the
    attack", "voiced concern about the fighting"): a public statement, not an event."""
    cur = anchor
    for _ in range(6):
        if cur.head.i == cur.i:
            return False
        child, cur = cur, cur.head
        lemma = cur.lemma_.lower()
        if cur.pos_ in ("NOUN", "ADJ") and lemma in lex.statement_heads:
            return True
        if cur.pos_ == "VERB" and lemma in lex.deliberation_verbs and child.dep_ in ("xcomp", "dobj", "pcomp"):
            return True  # "is considering sending aid": a policy option, not an action
        if child.dep_ == "prep" and any(c.dep_ in ("dobj", "acomp", "attr") and c.lemma_.lower() in lex.statement_heads
                                        for c in cur.children):
            return True  # the parser hangs "over the fire" on "expressed condolences"
    return False


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 12:
        tok, d = tok.head, d + 1
    return d


def _evidence(text: str, sent: SpacySpan) -> Optional[Span]:
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(text[start:end], start, end) if end > start else None


def fallback_actors(doc: Doc, known: Sequence[ActorMention] = ()) -> list[ActorMention]:
    """Entity-based actor mentions (no country, confidence 0.3) for named entities the actor
    stage left out, so that an unknown name still fills a role."""
    covered = MentionIndex(known)
    return [ActorMention(e.text, e.start_char, e.end_char, confidence=0.3) for e in doc.ents
            if e.label_ in ACTOR_ENTS and not covered.overlapping(e.start_char, e.end_char)]


def fallback_places(doc: Doc) -> list[PlaceMention]:
    """Entity-based place mentions, used only when the places stage found none."""
    return [PlaceMention(e.text, e.start_char, e.end_char, confidence=0.3) for e in doc.ents if e.label_ in PLACE_ENTS]


@dataclass
class SentenceContext:
    index: int
    sent: SpacySpan
    evidence: Span
    lemmas: frozenset[str]


def _contexts(etype: str, lemmas: frozenset[str]) -> list[str]:
    table = load_contexts()
    found = list(table.by_type.get(etype, ()))
    for lemma in sorted(lemmas):  # sorted: the same order in every process
        for ctx in table.by_lemma.get(lemma, ()):
            if ctx not in found:
                found.append(ctx)
    return found


def _is_historical(date: Optional[str], published: Optional[dt.date]) -> bool:
    if not date or published is None:
        return False
    try:
        return dt.date.fromisoformat(date[:10]) < published - dt.timedelta(days=365)
    except ValueError:
        return False


def _events_for(trig: Trigger, ctx: SentenceContext, analysis: "Analysis", lex: Lexicon,
                index: MentionIndex, places: Sequence[PlaceMention]) -> list[Event]:
    gov = trig.governor
    if gov is not None and gov.sense.type in SWALLOWING and trig.sense.type not in gov.sense.yields_to:
        return []
    if trig.embedded and trig.embedded[0].sense.type in trig.sense.yields_to:
        return []  # "ordered patrols": the complement is coded instead
    if in_statement_frame(trig.anchor, lex) or claims_own_action(trig.anchor):
        return []
    # The date expression attached to (or nearest) the trigger, resolved against `published`.
    date, precision = resolve_date(ctx.sent, analysis.published, trig.start)
    coded = _decide(trig, lex, _is_historical(date, analysis.published))
    if coded is None:
        return []
    speaker = _speaker(trig.anchor, lex, index)
    if trig.kind == "deontic":
        actors = [speaker] if speaker else []
        recipients = [m for t in subject_of(trig.anchor) if (m := index.for_token(t)) and m not in actors]
    else:
        gov_actors: list[ActorMention] = []
        if trig.governor is not None:
            gov_actors, _ = roles(trig.governor.anchor, trig.governor.word, index, speaker)
        actors, recipients = roles(trig.anchor, trig.word, index, speaker, gov_actors,
                                   COMPLEMENT_PREPS if trig.sense.governs else frozenset())
    if trig.kind == "permission" and not actors:
        return []  # "supplies that will allow us to hold out": a thing permits nothing
    quad, default_cameo, intensity = load_intensity().score(coded.event_type, coded.mode)
    where = locations(trig.tokens, places, material=quad.startswith("material"))
    # ASSAULT on several places is one event per place (SPEC §3); others keep the first place.
    spots: list[Optional[PlaceMention]] = list(where) if coded.event_type == "ASSAULT" and where else [where[0] if where else None]
    trigger = Span(analysis.text[trig.start:trig.end], trig.start, trig.end)
    governed = gov is not None and trig.sense.type not in gov.sense.yields_to
    setting = trig.kind == "noun" and trig.anchor.dep_ == "pobj" and trig.anchor.head.lower_ in SETTING_PREPS
    conf = calibrated(trig.kind, _depth(trig.anchor), bool(actors), governed,
                      bool(trig.sense.with_ or trig.sense.head), setting)
    out = []
    for place in spots:
        type_key = coded.event_type if len(spots) == 1 else f"{coded.event_type}@{place.start if place else ''}"
        out.append(Event(
            id=Event.make_id(analysis.doc_id, ctx.index, trigger, type_key), sentence=ctx.index,
            event_type=coded.event_type, quad=quad, cameo=coded.cameo or default_cameo,
            intensity=intensity, trigger=trigger, evidence=ctx.evidence, mode=coded.mode,
            contexts=_contexts(coded.event_type, ctx.lemmas), actors=actors, recipients=recipients,
            location=place, date=date, date_precision=precision if date else None,
            polarity=coded.polarity, modality=coded.modality,
            source=Source(speaker),  # who reports it, also when the speaker is the actor
            confidence=conf, coder=coder_name(),
        ))
    return out


def code_sentence(analysis: "Analysis", index_no: int, sent: SpacySpan, lex: Lexicon,
                  index: MentionIndex, places: Sequence[PlaceMention]) -> list[Event]:
    triggers = find_triggers(sent, lex)
    if not triggers:
        return []
    evidence = _evidence(analysis.text, sent)
    if evidence is None:
        return []
    ctx = SentenceContext(index_no, sent, evidence, frozenset(t.lemma_.lower() for t in sent))
    events: list[Event] = []
    for trig in triggers:
        events.extend(_events_for(trig, ctx, analysis, lex, index, places))
    return events


def annotate(analysis: "Analysis") -> None:
    """Append the document's events to ``analysis.events``."""
    lex = load_lexicon()
    places = analysis.places or fallback_places(analysis.doc)
    index = MentionIndex([*analysis.actors, *fallback_actors(analysis.doc, analysis.actors)], places)
    for i, sent in enumerate(analysis.doc.sents):
        analysis.events.extend(code_sentence(analysis, i, sent, lex, index, places))

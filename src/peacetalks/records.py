"""The record shapes of SPEC.md section 2, as typed dataclasses.

Every stage of the pipeline produces these; every output (JSON Lines, the store,
the API) is their ``to_dict()``. Field names are the contract: add, never rename.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal, Optional

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
SECTORS = (
    "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "REB", "OPP", "ELI", "CVL", "BUS", "MED",
    "JRN", "LAB", "EDU", "REL", "REF", "AGR", "CRM", "UAF", "PRE", "SOC", "MNC", "UNK", "PRM",
)
NON_STATE_COUNTRIES = ("IGO", "UNO", "EUR", "NGO", "MNC", "ISM", "IMG")
FEATURES = ("country", "admin1", "city", "other")
POLARITIES = ("asserted", "negated")
MODALITIES = ("actual", "intended", "conditional", "hypothetical", "expected", "historical")
DATE_PRECISIONS = ("day", "month", "year")
MEETING_LEVELS = (
    "leaders", "ministers", "delegations", "working_groups", "envoys", "technical", "unspecified",
)
MEETING_FORMATS = ("bilateral", "trilateral", "multilateral")
MEETING_STATUSES = (
    "proposed", "conditional", "planned", "held", "postponed", "unlikely", "cancelled", "rejected",
)
ISSUES = (
    "security_guarantees", "peacekeepers", "territory", "sanctions", "legitimacy", "ceasefire",
    "talks_format", "prisoners", "nato_membership", "military_aid", "elections", "other",
)
STANCES = ("demand", "reject", "accept", "condition", "claim")

Polarity = Literal["asserted", "negated"]
Modality = Literal["actual", "intended", "conditional", "hypothetical", "expected", "historical"]


def stable_id(*parts: Any, length: int = 16) -> str:
    """A short hex digest of the parts: the same inputs give the same id on every machine."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


class Record:
    """Mixin: plain-dict conversion that keeps field order and nests records."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass
class Span(Record):
    """A piece of the document's text: ``text == document_text[start:end]``."""

    text: str
    start: int
    end: int

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Span":
        return cls(text=d["text"], start=int(d["start"]), end=int(d["end"]))


@dataclass
class ActorMention(Record):
    text: str
    start: int
    end: int
    actor_id: Optional[str] = None
    name: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    confidence: float = 1.0
    role: Optional[str] = None  # the role title held on the date, e.g. "foreign minister"

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "ActorMention":
        return cls(**{f.name: d.get(f.name, f.default) for f in dataclasses.fields(cls)})  # type: ignore[misc]

    @property
    def key(self) -> str:
        """Who this is, for grouping: the actor id, or country+sector for generic actors."""
        return self.actor_id or f"{self.country or 'UNK'}:{self.sector or 'UNK'}"


@dataclass
class PlaceMention(Record):
    text: str
    start: int
    end: int
    name: Optional[str] = None
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    feature: Optional[str] = None
    confidence: float = 1.0
    metonym: bool = False  # a capital standing for its government ("Moscow said")
    demonym: bool = False  # an adjective read as its place ("Russian troops"): not a toponym, opt-in

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "PlaceMention":
        return cls(**{f.name: d.get(f.name, f.default) for f in dataclasses.fields(cls)})  # type: ignore[misc]


@dataclass
class Source(Record):
    actor: Optional[ActorMention] = None

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor.to_dict()} if self.actor else {}


@dataclass
class Event(Record):
    id: str
    sentence: int
    event_type: str
    quad: str
    cameo: str
    intensity: float
    trigger: Span
    evidence: Span
    mode: Optional[str] = None
    contexts: list[str] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    recipients: list[ActorMention] = field(default_factory=list)
    location: Optional[PlaceMention] = None
    date: Optional[str] = None
    date_precision: Optional[str] = None
    polarity: str = "asserted"
    modality: str = "actual"
    source: Source = field(default_factory=Source)
    confidence: float = 0.5
    coder: str = ""

    @staticmethod
    def make_id(doc_id: str, sentence: int, trigger: Span, event_type: str) -> str:
        return stable_id(doc_id, sentence, trigger.start, trigger.end, event_type)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        src = d.get("source") or {}
        return cls(
            id=d["id"], sentence=d["sentence"], event_type=d["event_type"], quad=d["quad"],
            cameo=d["cameo"], intensity=d["intensity"], trigger=Span.from_dict(d["trigger"]),
            evidence=Span.from_dict(d["evidence"]), mode=d.get("mode"),
            contexts=list(d.get("contexts") or []),
            actors=[ActorMention.from_dict(a) for a in d.get("actors") or []],
            recipients=[ActorMention.from_dict(a) for a in d.get("recipients") or []],
            location=PlaceMention.from_dict(d["location"]) if d.get("location") else None,
            date=d.get("date"), date_precision=d.get("date_precision"),
            polarity=d.get("polarity", "asserted"), modality=d.get("modality", "actual"),
            source=Source(ActorMention.from_dict(src["actor"]) if src.get("actor") else None),
            confidence=d.get("confidence", 0.5), coder=d.get("coder", ""),
        )


@dataclass
class Meeting(Record):
    id: str
    level: str
    format: str
    status: str
    participants: list[ActorMention] = field(default_factory=list)
    proposer: Optional[ActorMention] = None
    preconditions: list[str] = field(default_factory=list)
    place: Optional[PlaceMention] = None
    date: Optional[str] = None
    evidence: list[Span] = field(default_factory=list)
    sentence: Optional[int] = None
    order: Optional[int] = None  # position in a stated sequence ("first ..., then ...")
    historical: bool = False  # a past meeting recalled ("the 2022 Istanbul talks"), not one of the current phase
    channel: Optional[str] = None  # "call" | "visit" | "in_person" | None (not stated)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Meeting":
        return cls(
            id=d["id"], level=d["level"], format=d["format"], status=d["status"],
            participants=[ActorMention.from_dict(a) for a in d.get("participants") or []],
            proposer=ActorMention.from_dict(d["proposer"]) if d.get("proposer") else None,
            preconditions=list(d.get("preconditions") or []),
            place=PlaceMention.from_dict(d["place"]) if d.get("place") else None,
            date=d.get("date"), evidence=[Span.from_dict(e) for e in d.get("evidence") or []],
            sentence=d.get("sentence"), order=d.get("order"), historical=bool(d.get("historical", False)),
            channel=d.get("channel"),
        )


@dataclass
class Position(Record):
    id: str
    actor: ActorMention
    issue: str
    stance: str
    statement: str
    evidence: Span
    date: Optional[str] = None
    sentence: Optional[int] = None
    # "statement": the side says where it stands; "act": read from a measure it put into effect
    # ("declared a unilateral ceasefire"). Consolidation prefers a report's statements.
    basis: str = "statement"

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Position":
        return cls(
            id=d["id"], actor=ActorMention.from_dict(d["actor"]), issue=d["issue"],
            stance=d["stance"], statement=d["statement"], evidence=Span.from_dict(d["evidence"]),
            date=d.get("date"), sentence=d.get("sentence"), basis=d.get("basis") or "statement",
        )


@dataclass
class DocumentResult(Record):
    """What ``peacetalks code`` prints for one document (SPEC section 1)."""

    id: str
    events: list[Event] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "DocumentResult":
        return cls(
            id=d["id"],
            events=[Event.from_dict(e) for e in d.get("events") or []],
            actors=[ActorMention.from_dict(a) for a in d.get("actors") or []],
            places=[PlaceMention.from_dict(p) for p in d.get("places") or []],
            meetings=[Meeting.from_dict(m) for m in d.get("meetings") or []],
            positions=[Position.from_dict(p) for p in d.get("positions") or []],
        )

"""A small invented corpus with hand-built records, for tests, demos and trying the web pages
without the NLP stages (``Store.open(url)`` then ``load_demo(store)``). The texts are our own."""

from __future__ import annotations

from typing import Any, Optional

from peacetalks.records import (
    ActorMention, DocumentResult, Event, Meeting, PlaceMention, Position, Source, Span, stable_id,
)

Demo = tuple[dict[str, Any], list[Span], DocumentResult]

TALKS = (
    "Moscow said on Tuesday it would only consider a summit once negotiators had prepared the key "
    "issues. The Russian foreign ministry accused Kyiv of stalling the process. "
    "Russian drones struck the city of Lviv overnight, the regional governor said. "
    "Washington is not imposing new sanctions on Russia for now, an official said."
)
# The same wire story as printed by a second outlet: a new headline line and a reporter credit.
TALKS_REPRINT = "UPDATE 1 - " + TALKS + " Reporting by a staff correspondent; editing by the desk."
HOSTILE = ("Protesters carried a banner reading <script>alert('x')</script> & \"quotes\" outside the "
           "embassy, and police detained several people.")


def _span(text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(needle, start, start + len(needle))


def _sentences(text: str) -> list[Span]:
    """Cut after '. ' (good enough for these texts)."""
    out, start = [], 0
    while start < len(text):
        cut = text.find(". ", start)
        end = len(text) if cut < 0 else cut + 1
        out.append(Span(text[start:end], start, end))
        start = end + 1 if cut >= 0 else len(text)
    return out


def _actor(text: str, needle: str, country: str, sector: str, actor_id: Optional[str] = None,
           name: Optional[str] = None, after: int = 0) -> ActorMention:
    sp = _span(text, needle, after)
    return ActorMention(sp.text, sp.start, sp.end, actor_id=actor_id, name=name, country=country, sector=sector)


def _event(doc_id: str, text: str, sents: list[Span], trigger: str, etype: str, quad: str, cameo: str,
           intensity: float, actors: list[ActorMention], recipients: list[ActorMention], **kw: Any) -> Event:
    trig = _span(text, trigger)
    idx = next(i for i, s in enumerate(sents) if s.start <= trig.start < s.end)
    return Event(id=Event.make_id(doc_id, idx, trig, etype), sentence=idx, event_type=etype, quad=quad,
                 cameo=cameo, intensity=intensity, trigger=trig, evidence=sents[idx], actors=actors,
                 recipients=recipients, coder="peacetalks demo", **kw)


def talks_document(doc_id: str = "demo-talks", text: str = TALKS, source: str = "Example Wire",
                   published: str = "2025-08-12") -> Demo:
    sents = _sentences(text)
    moscow = _actor(text, "Moscow", "RUS", "GOV", "russia-government", "Government of Russia")
    ministry = _actor(text, "The Russian foreign ministry", "RUS", "GOV", "russia-mfa", "Russian Foreign Ministry")
    kyiv = _actor(text, "Kyiv", "UKR", "GOV", "ukraine-government", "Government of Ukraine")
    drones = _actor(text, "Russian drones", "RUS", "MIL")
    washington = _actor(text, "Washington", "USA", "GOV", "usa-government", "Government of the United States")
    russia = _actor(text, "Russia", "RUS", "GOV", after=text.index("sanctions"))
    governor = _actor(text, "the regional governor", "UKR", "GOV")
    lviv_sp = _span(text, "Lviv")
    lviv = PlaceMention(lviv_sp.text, lviv_sp.start, lviv_sp.end, name="Lviv", geonameid=702550, lat=49.83826,
                        lon=24.02324, country="UKR", admin1="Lviv Oblast", feature="city")
    events = [
        _event(doc_id, text, sents, "accused", "ACCUSE", "verbal_conflict", "112", -2.0, [ministry], [kyiv],
               date="2025-08-12", date_precision="day", contexts=["diplomatic"]),
        _event(doc_id, text, sents, "struck", "ASSAULT", "material_conflict", "195", -10.0, [drones],
               [_actor(text, "Lviv", "UKR", "CVL")], location=lviv, mode="drone", date="2025-08-11",
               date_precision="day", source=Source(governor), contexts=["military"]),
        _event(doc_id, text, sents, "imposing", "SANCTION", "material_conflict", "163", -8.0, [washington],
               [russia], polarity="negated", date=None),
    ]
    summit = Meeting(id=stable_id(doc_id, "summit"), level="leaders", format="bilateral", status="conditional",
                     participants=[moscow, kyiv], preconditions=["key issues prepared"],
                     evidence=[sents[0]], sentence=0, date=None)
    position = Position(id=stable_id(doc_id, "position"), actor=moscow, issue="talks_format", stance="condition",
                        statement="a summit only once the key issues are prepared", evidence=sents[0],
                        date="2025-08-12", sentence=0)
    result = DocumentResult(id=doc_id, events=events, actors=[moscow, ministry, kyiv, drones, washington, russia],
                            places=[lviv], meetings=[summit], positions=[position])
    doc = {"id": doc_id, "text": text, "title": "Moscow sets conditions for a summit", "published": published,
           "url": f"https://news.example.org/{doc_id}", "author": None, "source": source, "lang": "en"}
    return doc, sents, result


def hostile_document(doc_id: str = "demo-hostile") -> Demo:
    """Markup in the text: it must be shown as text everywhere."""
    text = HOSTILE
    sents = _sentences(text)
    protesters = _actor(text, "Protesters", "UKR", "CVL")
    police = _actor(text, "police", "UKR", "COP")
    events = [
        _event(doc_id, text, sents, "carried a banner", "PROTEST", "verbal_conflict", "141", -6.5, [protesters], [],
               date="2025-08-14", date_precision="day"),
        _event(doc_id, text, sents, "detained", "COERCE", "material_conflict", "173", -5.0, [police],
               [protesters], date="2025-08-14", date_precision="day"),
    ]
    doc = {"id": doc_id, "text": text, "title": "<b>Banner</b> at the embassy", "published": "2025-08-14",
           "url": None, "source": "Example Daily", "lang": "en"}
    return doc, sents, DocumentResult(id=doc_id, events=events, actors=[protesters, police])


def demo_documents() -> list[Demo]:
    return [talks_document(), talks_document("demo-talks-reprint", TALKS_REPRINT, "Example Daily", "2025-08-13"),
            hostile_document()]


def load_demo(store: Any) -> dict[str, str]:
    """Save the demo corpus into a store; returns each document's outcome (stored/duplicate)."""
    return {doc["id"]: store.save_document(doc, sents, result) for doc, sents, result in demo_documents()}

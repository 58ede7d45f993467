"""From a document and its DocumentResult to the rows of each table (pure: no database)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Optional

from sqlalchemy import Table

from peacetalks.ingest import content_hash  # noqa: F401 (one hash for ingest and store)
from peacetalks.nlp.dates import parse_published as to_date  # noqa: F401 (queries import it here)
from peacetalks.records import ActorMention, DocumentResult, Event, Meeting, Position, Span
from peacetalks.store import schema as s

Rows = dict[Table, list[dict[str, Any]]]


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def document_row(doc: dict[str, Any], cluster_id: Optional[str], now: str) -> dict[str, Any]:
    text = doc["text"]
    return {
        "id": str(doc["id"]), "content_hash": doc.get("content_hash") or content_hash(text),
        "text": text, "title": doc.get("title"), "published": to_date(doc.get("published")),
        "url": doc.get("url"), "author": doc.get("author"), "source": doc.get("source"),
        "lang": doc.get("lang"), "cluster_id": cluster_id, "ingested_at": now,
    }


def record_rows(doc_id: str, published: Optional[dt.date], sentences: Iterable[Span],
                result: DocumentResult) -> Rows:
    """Rows of every per-document table (except the MinHash ones) for one coded document."""
    rows: Rows = {t: [] for t in s.DOCUMENT_TABLES}
    rows[s.sentences] = [{"doc_id": doc_id, "idx": i, "start": sp.start, "end": sp.end}
                         for i, sp in enumerate(sentences)]
    for i, a in enumerate(result.actors):
        rows[s.actor_mentions].append({"doc_id": doc_id, "idx": i, **_actor_cols(a),
                                       "start": a.start, "end": a.end, "record": a.to_dict()})
    for i, p in enumerate(result.places):
        rows[s.place_mentions].append({
            "doc_id": doc_id, "idx": i, "start": p.start, "end": p.end, "text": p.text, "name": p.name,
            "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon, "country": p.country,
            "admin1": p.admin1, "feature": p.feature, "record": p.to_dict()})
    for event in _unique(result.events):
        rows[s.events].append(_event_row(doc_id, published, event))
        rows[s.event_actors].extend(_event_actor_rows(doc_id, event))
    for meeting in _unique(result.meetings):
        rows[s.meetings].append(_meeting_row(doc_id, published, meeting))
        rows[s.meeting_participants].extend(_participant_rows(doc_id, meeting))
    for position in _unique(result.positions):
        rows[s.positions].append(_position_row(doc_id, published, position))
    return rows


def _unique(records: Iterable[Any]) -> list[Any]:
    """Drop repeated ids (the primary key); the first record of an id wins."""
    seen: set[str] = set()
    out = []
    for r in records:
        if r.id not in seen:
            seen.add(r.id)
            out.append(r)
    return out


def _actor_cols(a: ActorMention) -> dict[str, Any]:
    return {"text": a.text, "actor_id": a.actor_id, "name": a.name, "country": a.country, "sector": a.sector}


def _event_row(doc_id: str, published: Optional[dt.date], e: Event) -> dict[str, Any]:
    first_actor = e.actors[0] if e.actors else None
    first_recipient = e.recipients[0] if e.recipients else None
    date = to_date(e.date)
    loc = e.location
    return {
        "doc_id": doc_id, "id": e.id, "sentence": e.sentence, "date": date,
        "effective_date": date or published, "event_type": e.event_type, "quad": e.quad,
        "cameo": e.cameo, "mode": e.mode, "polarity": e.polarity, "modality": e.modality,
        "intensity": e.intensity, "confidence": e.confidence,
        "actor_key": first_actor.key if first_actor else None,
        "recipient_key": first_recipient.key if first_recipient else None,
        "actor_country": first_actor.country if first_actor else None,
        "recipient_country": first_recipient.country if first_recipient else None,
        "dyad": dyad_key(first_actor.country if first_actor else None,
                         first_recipient.country if first_recipient else None),
        "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
        "location_geonameid": loc.geonameid if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "record": e.to_dict(),
    }


def dyad_key(a: Optional[str], b: Optional[str]) -> Optional[str]:
    """The two countries in alphabetical order, "RUS-UKR"; None unless both are known."""
    if not a or not b:
        return None
    return "-".join(sorted((a, b)))


def _event_actor_rows(doc_id: str, e: Event) -> list[dict[str, Any]]:
    groups = [("actor", e.actors), ("recipient", e.recipients),
              ("source", [e.source.actor] if e.source.actor else [])]
    return [{"doc_id": doc_id, "event_id": e.id, "role": role, "idx": i, **_actor_cols(a)}
            for role, actors in groups for i, a in enumerate(actors)]


def _meeting_row(doc_id: str, published: Optional[dt.date], m: Meeting) -> dict[str, Any]:
    date = to_date(m.date)
    return {
        "doc_id": doc_id, "id": m.id, "sentence": m.sentence, "level": m.level, "format": m.format,
        "status": m.status, "date": date, "effective_date": date or published,
        "place_name": m.place.name if m.place else None,
        "place_country": m.place.country if m.place else None, "record": m.to_dict(),
    }


def _participant_rows(doc_id: str, m: Meeting) -> list[dict[str, Any]]:
    groups = [("participant", m.participants), ("proposer", [m.proposer] if m.proposer else [])]
    return [{"doc_id": doc_id, "meeting_id": m.id, "role": role, "idx": i, **_actor_cols(a)}
            for role, actors in groups for i, a in enumerate(actors)]


def _position_row(doc_id: str, published: Optional[dt.date], p: Position) -> dict[str, Any]:
    date = to_date(p.date)
    return {
        "doc_id": doc_id, "id": p.id, "sentence": p.sentence, "actor_id": p.actor.actor_id,
        "actor_name": p.actor.name, "actor_text": p.actor.text, "actor_country": p.actor.country,
        "actor_sector": p.actor.sector, "issue": p.issue, "stance": p.stance, "date": date,
        "effective_date": date or published, "record": p.to_dict(),
    }

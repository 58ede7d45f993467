"""JSON endpoints to explore the store: actors, places, per-week timeline, full-text search."""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from peacetalks.api import queries, views
from peacetalks.api.auth import require_read
from peacetalks.api.routes import MAX_EVENTS, MAX_OFFSET, page, store_of

MAX_ROWS = 500
MAX_ACTORS = 5000  # rows an aggregate keeps (most active first); pages are cut from it
router = APIRouter(prefix="/api", dependencies=[Depends(require_read)])

DYAD = r"^[A-Za-z]{3}(-[A-Za-z]{3})?$"


def parse_day(value: Optional[str], name: str) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f"{name}: not an ISO date: {value!r}") from None


def many(value: Optional[str]) -> list[str]:
    return [v.strip().upper() for v in (value or "").split(",") if v.strip()]


# Aggregates over every event: cached until the store changes (peacetalks.api.views.cached).

def all_actors(store: Any, q: Optional[str], country: Optional[str]) -> list[dict[str, Any]]:
    def compute() -> list[dict[str, Any]]:
        with store.engine.connect() as conn:
            return queries.actors(conn, q, country, MAX_ACTORS, 0)
    return views.cached(store, ("actors", q, country), compute)


def all_places(store: Any, country: Optional[str]) -> list[dict[str, Any]]:
    def compute() -> list[dict[str, Any]]:
        with store.engine.connect() as conn:
            return queries.places(conn, country, MAX_ACTORS, 0)
    return views.cached(store, ("places", country), compute)


def weekly(store: Any, types: list[str], actor: Optional[str], dyad: Optional[str], since: Optional[dt.date],
           until: Optional[dt.date]) -> list[dict[str, Any]]:
    def compute() -> list[dict[str, Any]]:
        with store.engine.connect() as conn:
            return queries.timeline(conn, type=types, actor=actor, dyad=dyad, since=since, until=until)
    return views.cached(store, ("timeline", tuple(types), actor, dyad, since, until), compute)


@router.get("/actors", tags=["actors"])
def list_actors(request: Request, q: Optional[str] = Query(None, max_length=200, description="id or part of a name"),
                country: Optional[str] = Query(None, max_length=8), limit: int = Query(100, ge=1, le=MAX_ROWS),
                offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
    """Actors and recipients of events, most active first; ``key`` is the actor id or COUNTRY:SECTOR."""
    return page(all_actors(store_of(request), q, country)[offset:offset + limit], limit, offset)


@router.get("/actors/{key}", tags=["actors"])
def get_actor(request: Request, key: str, limit: int = Query(100, ge=1, le=MAX_EVENTS),
              offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
    """One actor with the events it takes part in (newest first) and its positions."""
    store = store_of(request)
    with store.engine.connect() as conn:
        info = queries.actor_info(conn, key)
        if info is None:
            raise HTTPException(404, f"no actor {key!r}")
        events = queries.actor_events(conn, key, limit, offset)
    positions = store.positions(actor=info["actor_id"] or info["country"], limit=MAX_ROWS)
    return {**info, "events": page(events, limit, offset), "positions": positions}


@router.get("/places", tags=["places"])
def list_places(request: Request, country: Optional[str] = Query(None, max_length=8),
                limit: int = Query(100, ge=1, le=MAX_ROWS), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
    """Where located events happened: name, coordinates, event counts per quad class."""
    return page(all_places(store_of(request), country)[offset:offset + limit], limit, offset)


@router.get("/timeline", tags=["records"])
def get_timeline(request: Request, type: Optional[str] = Query(None, max_length=200, description="PLOVER event type(s), comma-separated"),
                 actor: Optional[str] = Query(None, max_length=200, description="actor id, or part of a name"),
                 dyad: Optional[str] = Query(None, max_length=20, pattern=DYAD,
                                             description="ISO3-ISO3: events between the two, either direction"), since: Optional[str] = None,
                 until: Optional[str] = None) -> dict[str, Any]:
    """Dated events per ISO week and quad class (undated events are left out)."""
    weeks = weekly(store_of(request), many(type), actor, dyad, parse_day(since, "since"), parse_day(until, "until"))
    return {"weeks": weeks, "quads": list(queries.QUADS)}


@router.get("/search", tags=["documents"])
def search(request: Request, q: str = Query(..., min_length=1, max_length=200, description="words, all required"),
           limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
    """Full-text search over documents' titles and texts (see docs/api.md for the backends)."""
    with store_of(request).engine.connect() as conn:
        hits = queries.search_documents(conn, q, limit, offset)
    return {**page(hits, limit, offset), "terms": queries.terms(q)}

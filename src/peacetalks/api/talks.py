"""JSON endpoints of negotiation processes: stage, weekly indicators with the stall index,
consolidated meetings (status history) and position threads (stance history)."""

from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from peacetalks.api import views
from peacetalks.api.auth import require_read
from peacetalks.api.routes import MAX_OFFSET, page, store_of
from peacetalks.negotiation.process import Process

router = APIRouter(prefix="/api/processes", dependencies=[Depends(require_read)], tags=["processes"])


def process_or_404(name: str) -> Process:
    found = views.find_process(name)
    if found is None:
        raise HTTPException(404, f"no process {name!r}")
    return found


@router.get("")
def list_processes(request: Request) -> dict[str, Any]:
    store = store_of(request)
    items = [views.view(store, p).summary() for p in views.processes()]
    return {"items": items, "count": len(items)}


@router.get("/{name}")
def get_process(request: Request, name: str) -> dict[str, Any]:
    """Stage, latest stall index and the overall ("ALL") weekly indicators."""
    v = views.view(store_of(request), process_or_404(name))
    return {**v.summary(), "indicators": v.overall}


@router.get("/{name}/indicators")
def indicators(request: Request, name: str,
               dyad: Optional[str] = Query(None, max_length=20, description='"ALL", or a dyad such as RUS-UKR')
               ) -> dict[str, Any]:
    v = views.view(store_of(request), process_or_404(name))
    rows = v.weeks if dyad is None else v.weeks_of(dyad.upper())
    dyads = sorted(set(v.dyads) | ({"ALL"} if v.overall else set()))
    return {"process": name, "dyads": dyads, "weeks": rows}


HISTORY = Query(None, ge=0, le=100_000, description="keep the latest N entries of each item's history and "
                                                    "evidence (history_count: how many there are); default all")


@router.get("/{name}/meetings")
def meetings(request: Request, name: str, status: Optional[str] = Query(None, max_length=100),
             level: Optional[str] = Query(None, max_length=100), limit: int = Query(100, ge=1, le=500),
             offset: int = Query(0, ge=0, le=MAX_OFFSET), history: Optional[int] = HISTORY) -> dict[str, Any]:
    """Meetings consolidated across documents, each with its status history and evidence."""
    v = views.view(store_of(request), process_or_404(name))
    statuses, levels = set(_list(status)), set(_list(level))
    rows = [m for m in v.meetings if (not statuses or m["status"] in statuses) and (not levels or m["level"] in levels)]
    return page(_latest(rows[offset:offset + limit], history), limit, offset)


@router.get("/{name}/positions")
def positions(request: Request, name: str, issue: Optional[str] = Query(None, max_length=100),
              actor: Optional[str] = Query(None, max_length=100), limit: int = Query(100, ge=1, le=500),
              offset: int = Query(0, ge=0, le=MAX_OFFSET), history: Optional[int] = HISTORY) -> dict[str, Any]:
    """Position threads per (party, issue), with stance history, changes and evidence."""
    v = views.view(store_of(request), process_or_404(name))
    issues = set(_list(issue))
    rows = [t for t in v.positions if (not issues or t["issue"] in issues)
            and (not actor or t["actor_key"].lower() == actor.lower())]
    return page(_latest(rows[offset:offset + limit], history), limit, offset)


def _latest(items: list[dict[str, Any]], n: Optional[int]) -> list[dict[str, Any]]:
    """Each item with only the latest ``n`` history and evidence entries (copies: the cached view
    stays whole). A thread reaches a thousand reports at 1M events; a client showing the latest
    stance needs a few, and the full list stays one request away (no ``history``)."""
    if n is None:
        return items
    return [{**i, "history_count": len(i.get("history") or []),
             "history": (i.get("history") or [])[-n:] if n else [],
             "evidence": (i.get("evidence") or [])[-n:] if n else []} for i in items]


def _list(value: Optional[str]) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]

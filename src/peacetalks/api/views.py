"""Process views shared by the JSON API and the pages: consolidated meetings, position threads,
stage and weekly indicators of a negotiation process, computed by peacetalks.negotiation.

Computing them reads every event, meeting and position of the store, which takes seconds on
100k events; the result is cached per process until the store changes (``data_version``: count
and latest ingestion time of the documents), so pages stay fast between ingests.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Optional
from urllib.parse import urlsplit

from peacetalks.api import queries
from peacetalks.negotiation.brief import render_brief
from peacetalks.negotiation.consolidate import consolidate_meetings, consolidate_positions, party_key
from peacetalks.negotiation.process import LEVEL_ORDER, Process, load_processes, stage, weekly_indicators
from peacetalks.store import Store


@dataclass(frozen=True)
class ProcessView:
    process: Process
    stage: dict[str, Any]
    weeks: list[dict[str, Any]]  # weekly_indicators rows (all dyads and "ALL")
    meetings: list[dict[str, Any]]  # consolidated, with history
    positions: list[dict[str, Any]]  # threads, with history
    events: list[dict[str, Any]]  # the process's events, newest first (for latest developments)
    documents: dict[str, dict[str, Any]]

    @property
    def overall(self) -> list[dict[str, Any]]:
        return [w for w in self.weeks if w["dyad"] == "ALL"]

    @property
    def stall(self) -> Optional[float]:
        return self.overall[-1]["stall_index"] if self.overall else None

    def summary(self) -> dict[str, Any]:
        p = self.process
        return {"name": p.name, "title": p.title, "parties": list(p.parties), "mediators": list(p.mediators),
                "stage": self.stage, "stall_index": self.stall, "levels": list(LEVEL_ORDER),
                "meetings": len(self.meetings), "positions": len(self.positions), "events": len(self.events),
                "weeks": len(self.overall)}


_lock = threading.Lock()
_cache: dict[tuple[int, str], tuple[Any, ProcessView]] = {}


def processes() -> list[Process]:
    return load_processes()


def find_process(name: str) -> Optional[Process]:
    return next((p for p in processes() if p.name == name), None)


def _involves(process: Process, actors: list[dict[str, Any]]) -> bool:
    return bool({party_key(a) for a in actors} & set(process.parties))


def _build(store: Store, process: Process) -> ProcessView:
    events = store.events(order="-date")
    meetings = store.meetings()
    positions = store.positions()
    mine_m = [m for m in meetings if _involves(process, m.get("participants") or [])]
    mine_p = [p for p in positions if party_key(p.get("actor")) in process.members]
    mine_e = [e for e in events if _involves(process, (e.get("actors") or []) + (e.get("recipients") or []))]
    merged = consolidate_meetings(mine_m)
    docs = {d["id"]: d for d in store.documents(limit=None)}
    return ProcessView(process=process, stage=stage(merged), weeks=weekly_indicators(process, events, meetings, positions),
                       meetings=merged, positions=consolidate_positions(mine_p), events=mine_e, documents=docs)


def view(store: Store, process: Process) -> ProcessView:
    """The (cached) view of ``process`` over the store's current contents."""
    with store.engine.connect() as conn:
        version = queries.data_version(conn)
    key = (id(store), process.name)
    with _lock:
        hit = _cache.get(key)
    if hit is not None and hit[0] == version:
        return hit[1]
    built = _build(store, process)
    with _lock:
        _cache[key] = (version, built)
    return built


def safe_url(url: Optional[str]) -> Optional[str]:
    """Only http(s) links are rendered: a stored javascript: URL must not become a link."""
    if not url:
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


def brief_html(store: Store, process: Process, since: Optional[str]) -> str:
    """render_brief's HTML (it escapes every text); documents' URLs are limited to http(s) first."""
    v = view(store, process)
    docs = [dict(d, url=safe_url(d.get("url"))) for d in v.documents.values()]
    events = [e for e in v.events]
    meetings = store.meetings()
    positions = store.positions()
    _, html = render_brief(process, events, meetings, positions, docs, since=since)
    return html

"""Process views shared by the JSON API and the pages: consolidated meetings, position threads,
stage and weekly indicators of a negotiation process, computed by peacetalks.negotiation.

Computing them reads every event, meeting and position of the store, which takes seconds on
100k events; the result is cached per process until the store changes (``data_version``: count
and latest ingestion time of the documents), so pages stay fast between ingests. Aggregates over
all events (places, actors, timeline) use the same cache through ``cached``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Optional, TypeVar
from urllib.parse import urlsplit

from peacetalks.api import queries
from peacetalks.negotiation.brief import render_brief
from peacetalks.negotiation.consolidate import consolidate_meetings, consolidate_positions, party_key
from peacetalks.negotiation.process import LEVEL_ORDER, Process, load_processes, stage, weekly_indicators
from peacetalks.store import Store


T = TypeVar("T")


@dataclass(frozen=True)
class ProcessView:
    process: Process
    stage: dict[str, Any]
    weeks: list[dict[str, Any]]  # weekly_indicators rows (all dyads and "ALL")
    meetings: list[dict[str, Any]]  # consolidated, with history
    positions: list[dict[str, Any]]  # threads, with history
    latest_events: list[dict[str, Any]]  # full records of the process's newest events
    n_events: int  # events involving a party of the process
    brief_events: list[dict[str, Any]]  # lean events, with full records for those the brief quotes
    all_meetings: list[dict[str, Any]]
    all_positions: list[dict[str, Any]]
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
                "meetings": len(self.meetings), "positions": len(self.positions), "events": self.n_events,
                "weeks": len(self.overall)}


_lock = threading.Lock()
_cache: "OrderedDict[tuple[Any, ...], tuple[Any, Any]]" = OrderedDict()
CACHE_SIZE = 256  # entries (process views, aggregates per filter), least recently used dropped first


def cached(store: Store, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """``compute()``, remembered for this store until its contents change (see data_version)."""
    with store.engine.connect() as conn:
        version = queries.data_version(conn)
    full_key = (id(store),) + key
    with _lock:
        hit = _cache.get(full_key)
        if hit is not None and hit[0] == version:
            _cache.move_to_end(full_key)
            return hit[1]  # type: ignore[no-any-return]
    value = compute()
    with _lock:
        _cache[full_key] = (version, value)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return value


def processes() -> list[Process]:
    return load_processes()


def find_process(name: str) -> Optional[Process]:
    return next((p for p in processes() if p.name == name), None)


def _involves(process: Process, actors: list[dict[str, Any]]) -> bool:
    return bool({party_key(a) for a in actors} & set(process.parties))


BRIEF_TYPES = ["ASSAULT", "SANCTION", "THREATEN", "MOBILIZE"]  # the events render_brief quotes
LATEST = 200  # full records kept for quoting: the newest of the process


def _build(store: Store, process: Process) -> ProcessView:
    with store.engine.connect() as conn:
        events = queries.lean_events(conn)  # every event, without decoding 100k JSON records
        latest = queries.latest_events(conn, [], list(process.parties), LATEST)
        quoted = queries.latest_events(conn, BRIEF_TYPES, list(process.members), LATEST)
    meetings = store.meetings()
    positions = store.positions()
    mine_m = [m for m in meetings if _involves(process, m.get("participants") or [])]
    mine_p = [p for p in positions if party_key(p.get("actor")) in process.members]
    n_events = sum(1 for e in events if _involves(process, e["actors"] + e["recipients"]))
    merged = consolidate_meetings(mine_m)
    docs = {d["id"]: d for d in store.documents(limit=None)}
    full = {(e["doc_id"], e["id"]): e for e in quoted}
    for_brief = [full.get((e["doc_id"], e["id"]), e) for e in events]
    return ProcessView(process=process, stage=stage(merged), weeks=weekly_indicators(process, events, meetings, positions),
                       meetings=merged, positions=consolidate_positions(mine_p), latest_events=latest,
                       n_events=n_events, brief_events=for_brief, all_meetings=meetings, all_positions=positions,
                       documents=docs)


def view(store: Store, process: Process) -> ProcessView:
    """The (cached) view of ``process`` over the store's current contents."""
    return cached(store, ("process", process), lambda: _build(store, process))


def safe_url(url: Optional[str]) -> Optional[str]:
    """Only http(s) links are rendered: a stored javascript: URL must not become a link."""
    if not url:
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


def brief_html(store: Store, process: Process, since: Optional[str]) -> str:
    """render_brief's HTML (it escapes every text); documents' URLs are limited to http(s) first."""
    v = view(store, process)
    docs = [dict(d, url=safe_url(d.get("url"))) for d in v.documents.values()]
    _, html = render_brief(process, v.brief_events, v.all_meetings, v.all_positions, docs, since=since)
    return html

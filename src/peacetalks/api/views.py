"""Process views shared by the JSON API and the pages: consolidated meetings, position threads,
stage and weekly indicators of a negotiation process, computed by peacetalks.negotiation.

The weekly indicators come from the store's weekly aggregate (api/indicators.py: no event is
read), meetings and positions from the process's own records; each part of a view is computed
on first use and the view is cached per process until the store changes (``data_version``:
count and latest ingestion time of the documents). Aggregates over all events (places, actors,
timeline) use the same cache through ``cached``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import cached_property
from typing import Any, Callable, Optional, TypeVar
from urllib.parse import urlsplit

from peacetalks.api import indicators, queries
from peacetalks.negotiation.brief import render_brief
from peacetalks.negotiation.consolidate import consolidate_meetings, consolidate_positions, party_key
from peacetalks.negotiation import process as P
from peacetalks.negotiation.process import LEVEL_ORDER, Process, load_processes, stage
from peacetalks.store import Store


T = TypeVar("T")


class ProcessView:
    """A process over the store's current contents; each part is computed when first read.

    The overview and /api/processes need the weekly indicators (from the weekly aggregate: no
    event is read), the consolidated meetings and position threads (the process's own records
    only) and the newest events; the brief alone needs every event, meeting, position and
    document (``brief_events``, ``all_meetings``, ``all_positions``, ``all_documents``)."""

    def __init__(self, store: Store, process: Process) -> None:
        self.store, self.process = store, process

    def _conn(self) -> Any:
        return self.store.engine.connect()

    @cached_property
    def _my_meetings(self) -> list[dict[str, Any]]:
        """The process's meeting records, with the partyless reports joined to one of its
        meetings (kept as stored: consolidation joins them to that meeting again, as the
        brief's and ``process show``'s consolidation over every row does)."""
        p = self.process
        with self._conn() as conn:
            meetings = queries.party_meetings(conn, list(p.parties))
            joined = self._joined_keys(conn)
            extra = queries.meetings_by_key(conn, joined) if joined else []
        return [m for m in meetings if p.involves(m.get("participants") or [])] + extra

    def _joined_keys(self, conn: Any) -> list[tuple[str, str]]:
        """(doc_id, id) of the partyless reports that count for the process (see _my_lean_meetings)."""
        if "_my_lean_meetings" not in self.__dict__ and not queries.has_partyless_meetings(conn):
            return []  # the common case: no lean read needed for the meeting list
        return [(m["doc_id"], m["id"]) for m in self._my_lean_meetings if m.get("joined")]

    @cached_property
    def _my_positions(self) -> list[dict[str, Any]]:
        p = self.process
        with self._conn() as conn:
            positions = queries.party_positions(conn, list(p.members))
        return [x for x in positions if party_key(x.get("actor")) in p.members]

    @cached_property
    def _my_conditions(self) -> list[dict[str, Any]]:
        """The positions the indicators count (stance "condition"): few, read on their own."""
        if "_my_positions" in self.__dict__:
            return [x for x in self._my_positions if x.get("stance") == "condition"]
        p = self.process
        with self._conn() as conn:
            positions = queries.party_positions(conn, list(p.members), stance="condition")
        return [x for x in positions if party_key(x.get("actor")) in p.members]

    @cached_property
    def _my_lean_meetings(self) -> list[dict[str, Any]]:
        """The process's meetings as the indicators read them (no record decoded whole), with the
        reports naming no party that consolidation joins to one of its meetings given that
        meeting's participants, as the brief and ``peacetalks process show`` count them."""
        p = self.process
        with self._conn() as conn:
            meetings = P.with_joined_parties(queries.lean_party_meetings(conn, list(p.parties)))
        return [m for m in meetings if p.involves(m.get("participants") or [])]

    @property
    def _mine(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The process's meetings and the positions its indicators count."""
        return self._my_lean_meetings, self._my_conditions

    @cached_property
    def _weekly(self) -> tuple[list[dict[str, Any]], int]:
        mine_m, mine_p = self._mine
        with self._conn() as conn:
            return indicators.weekly(conn, self.process, mine_m, mine_p)

    @cached_property
    def _overall(self) -> tuple[list[dict[str, Any]], int]:
        mine_m, mine_p = self._mine
        with self._conn() as conn:
            return indicators.weekly(conn, self.process, mine_m, mine_p, only="")

    @property
    def weeks(self) -> list[dict[str, Any]]:
        """weekly_indicators rows (all dyads and "ALL")."""
        return self._weekly[0]

    def weeks_of(self, dyad: str) -> list[dict[str, Any]]:
        """The rows of one dyad ("ALL" for the overall rows), without computing the others."""
        if "_weekly" in self.__dict__ or dyad == "ALL":
            return [w for w in (self.weeks if "_weekly" in self.__dict__ else self.overall) if w["dyad"] == dyad]
        return _remember(self, ("weeks", dyad), lambda: self._one_dyad(dyad))

    def _one_dyad(self, dyad: str) -> list[dict[str, Any]]:
        mine_m, mine_p = self._mine
        with self._conn() as conn:
            rows, _ = indicators.weekly(conn, self.process, mine_m, mine_p, only=dyad)
        return [w for w in rows if w["dyad"] == dyad]

    @cached_property
    def dyads(self) -> list[str]:
        """The dyads with weekly rows."""
        if "_weekly" in self.__dict__:
            return sorted({w["dyad"] for w in self.weeks} - {"ALL"})
        with self._conn() as conn:
            return indicators.dyads(conn, self.process, self._my_lean_meetings)

    @property
    def n_events(self) -> int:
        """Events involving a party of the process."""
        return self._overall[1]

    @cached_property
    def meetings(self) -> list[dict[str, Any]]:
        """Consolidated, with history (read and consolidated without the cyclic collector: see
        queries.gc_paused; at 1M events this part took 0.58 s with it, 0.33 s without)."""
        with queries.gc_paused():
            return consolidate_meetings(self._my_meetings)

    @cached_property
    def positions(self) -> list[dict[str, Any]]:
        """Threads, with history (as meetings, without the cyclic collector)."""
        with queries.gc_paused():
            return consolidate_positions(self._my_positions)

    @cached_property
    def stage(self) -> dict[str, Any]:
        return stage(self.meetings)

    @cached_property
    def latest_events(self) -> list[dict[str, Any]]:
        """Full records of the process's newest events."""
        with self._conn() as conn:
            return queries.latest_events(conn, [], list(self.process.parties), LATEST)

    @cached_property
    def documents(self) -> dict[str, dict[str, Any]]:
        """Metadata of the documents the process's records cite (what the overview links to)."""
        ids = {e["doc_id"] for e in self.latest_events}
        for m in self.meetings:
            ids.update(h.get("doc_id") for h in m.get("history") or [])
        for t in self.positions:
            ids.update(h.get("doc_id") for h in t.get("history") or [])
        with self._conn() as conn:
            return queries.document_metas(conn, sorted(i for i in ids if i))

    @cached_property
    def all_meetings(self) -> list[dict[str, Any]]:
        return list(self.store.meetings())

    @cached_property
    def all_positions(self) -> list[dict[str, Any]]:
        return list(self.store.positions())

    @cached_property
    def all_documents(self) -> dict[str, dict[str, Any]]:
        return {d["id"]: d for d in self.store.documents(limit=None)}

    @cached_property
    def brief_events(self) -> list[dict[str, Any]]:
        """Every event (lean), with full records for those the brief quotes."""
        with self._conn() as conn:
            events = queries.lean_events(conn)
            quoted = queries.latest_events(conn, BRIEF_TYPES, list(self.process.members), LATEST)
        full = {(e["doc_id"], e["id"]): e for e in quoted}
        return [full.get((e["doc_id"], e["id"]), e) for e in events]

    @property
    def overall(self) -> list[dict[str, Any]]:
        return self._overall[0]

    @property
    def stall(self) -> Optional[float]:
        return self.overall[-1]["stall_index"] if self.overall else None

    def summary(self) -> dict[str, Any]:
        p = self.process
        return {"name": p.name, "title": p.title, "parties": list(p.parties), "mediators": list(p.mediators),
                "stage": self.stage, "stall_index": self.stall, "levels": list(LEVEL_ORDER),
                "meetings": len(self.meetings), "positions": len(self.positions), "events": self.n_events,
                "weeks": len(self.overall)}


def _remember(v: ProcessView, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """A per-view memo for parts with an argument (the view itself is per store version)."""
    memo = v.__dict__.setdefault("_memo", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]  # type: ignore[no-any-return]


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


BRIEF_TYPES = ["ASSAULT", "SANCTION", "THREATEN", "MOBILIZE"]  # the events render_brief quotes
LATEST = 200  # full records kept for quoting: the newest of the process


def view(store: Store, process: Process) -> ProcessView:
    """The (cached) view of ``process`` over the store's current contents."""
    return cached(store, ("process", process), lambda: ProcessView(store, process))


def safe_url(url: Optional[str]) -> Optional[str]:
    """Only http(s) links are rendered: a stored javascript: URL must not become a link."""
    if not url:
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


def brief_html(store: Store, process: Process, since: Optional[str]) -> str:
    """render_brief's HTML (it escapes every text); documents' URLs are limited to http(s) first."""
    v = view(store, process)
    docs = [dict(d, url=safe_url(d.get("url"))) for d in v.all_documents.values()]
    _, html = render_brief(process, v.brief_events, v.all_meetings, v.all_positions, docs, since=since)
    return html

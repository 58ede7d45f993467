"""Negotiation processes and their weekly indicators.

A ``Process`` names the parties and mediators of one negotiation. ``stage`` reads how
far its meetings have climbed; ``weekly_indicators`` counts, per ISO week and per dyad,
what moved the talks forward or held them back, and condenses it in ``stall_index``
(0 = moving, 1 = stalled; formula in docs/negotiation.md).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any, Iterable, Optional

from peacetalks.yaml_tables import load_yaml

from peacetalks.negotiation.consolidate import consolidate_meetings, joined_participants, party_key
from peacetalks.negotiation.periods import is_old

DATA = Path(__file__).parent / "data"
LEVEL_ORDER = ("technical", "working_groups", "delegations", "envoys", "ministers", "leaders")
PROPOSED = frozenset({"proposed", "conditional", "planned"})
SETBACK = frozenset({"postponed", "cancelled", "rejected"})
ALL = "ALL"

# stall_index weights (documented in docs/negotiation.md)
W_POSTPONED, W_CANCELLED, W_UNLIKELY = 1.0, 1.0, 0.5
W_PRECONDITION, W_UNMET_PROPOSAL, W_ASSAULT, W_REJECT = 0.5, 0.5, 0.25, 0.25
W_HELD, W_AGREE = 1.5, 1.0
ASSAULT_CAP = 20


@dataclass(frozen=True)
class Process:
    name: str
    title: str
    parties: tuple[str, ...]
    mediators: tuple[str, ...] = ()
    keywords: tuple[str, ...] = field(default_factory=tuple)

    @property
    def members(self) -> frozenset[str]:
        return frozenset(self.parties) | frozenset(self.mediators)

    def involves(self, actors: Iterable[dict[str, Any]]) -> bool:
        """Whether any of ``actors`` (ActorMention dicts) is one of the process's parties."""
        from peacetalks.negotiation.consolidate import party_key

        return bool({party_key(a) for a in actors} & set(self.parties))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Process":
        return cls(name=str(d["name"]), title=str(d.get("title") or d["name"]),
                   parties=tuple(d.get("parties") or ()), mediators=tuple(d.get("mediators") or ()),
                   keywords=tuple(d.get("keywords") or ()))


def load_processes(path: Optional[Path] = None) -> list[Process]:
    """Processes from a YAML file (a list, or {processes: [...]}); the built-in ones by default."""
    return list(_load(str(path) if path else str(DATA / "processes.yaml")))


@functools.lru_cache(maxsize=8)
def _load(path: str) -> tuple[Process, ...]:
    with open(path, encoding="utf-8") as fh:
        raw = load_yaml(fh) or []
    if isinstance(raw, dict):
        raw = raw.get("processes") or [raw]
    return tuple(Process.from_dict(d) for d in raw)


def get_process(name: str = "russia-ukraine", path: Optional[Path] = None) -> Process:
    for p in load_processes(path):
        if p.name == name:
            return p
    raise KeyError(f"unknown process {name!r}")


DEFAULT_PROCESS = get_process("russia-ukraine")


# ------------------------------------------------------------------ stage

def stage(meetings: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Highest level held and highest level still proposed/planned, with counts per status, over
    real meetings: store rows (one per report) are consolidated first, so a call reported by five
    articles counts once, as in the API's process view."""
    rows = list(meetings)
    if rows and not any("history" in m for m in rows):
        rows = consolidate_meetings(rows)
    held, proposed = [], []
    counts: dict[str, int] = defaultdict(int)
    for m in rows:
        if m.get("historical"):
            continue  # "the 2022 Istanbul talks": not a step of the current phase
        if not m.get("participants"):
            continue  # a report naming no party that joined no meeting: nobody's talks
        counts[m.get("status") or "unknown"] += 1
        level = m.get("level")
        if level not in LEVEL_ORDER:
            continue
        if m.get("status") == "held":
            held.append(level)
        elif m.get("status") in PROPOSED:
            proposed.append(level)
    top = lambda levels: max(levels, key=LEVEL_ORDER.index) if levels else None  # noqa: E731
    return {"highest_held": top(held), "highest_proposed": top(proposed), "counts": dict(sorted(counts.items()))}


# ------------------------------------------------------------------ weekly indicators

def iso_week(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    try:
        d = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def week_of(row: dict[str, Any]) -> Optional[str]:
    """The week a record counts in: its day date, else its report's; None for a past thing
    recalled (a historical meeting or event), which no week of the current phase counts.
    A day date long before the report that is not marked historical belongs to something
    else in the sentence ("resume the talks broken off in 2022"): the report's week."""
    if row.get("historical") or row.get("modality") == "historical":
        return None
    date, published = row.get("date"), row.get("published")
    if date and len(str(date)) >= 10 and not is_old(str(date), _day(published)):
        return iso_week(date)
    return iso_week(published or date)


def _day(value: Any) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _dyads(countries: Iterable[str]) -> list[str]:
    cs = sorted({c for c in countries if c})
    return ["-".join(p) for p in combinations(cs, 2)]


def _new_row(week: str, dyad: str) -> dict[str, Any]:
    return {"week": week, "dyad": dyad, "meetings_proposed": 0, "meetings_held": 0, "postponements": 0,
            "cancellations": 0, "unlikely": 0, "new_preconditions": 0, "quads": defaultdict(int),
            "intensity_sum": 0.0, "events": 0, "assaults": 0, "assault_places": set(), "sanctions": 0,
            "rejections": 0, "agreements": 0}


def with_joined_parties(meetings: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The meeting rows with each partyless report that consolidation joins to a meeting
    ("A planned meeting of foreign ministers in London was cancelled", joined to the London
    meeting of the parties named elsewhere) given that meeting's participants (a copy of the
    row, marked ``joined: true``), so it counts for the meeting's process and dyads in the
    stage, the weekly indicators and the stall index. A partyless report that stays alone
    keeps ``participants: []`` and counts for no process. Call it on every row (not only a
    process's own), since the meeting it joins is found among the others, and before
    ``weekly_indicators`` / ``stage`` / a ``Process.involves`` filter; ``weekly_indicators``
    itself counts the rows as given, so it stays equal to the API's aggregate path
    (``api/indicators.weekly``), which reads the same rows."""
    rows = list(meetings)
    joined = joined_participants(rows)
    if not joined:
        return rows
    return [dict(r, participants=joined[id(r)], joined=True) if id(r) in joined else r for r in rows]


def weekly_indicators(process: Process, events: Iterable[dict[str, Any]], meetings: Iterable[dict[str, Any]],
                      positions: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per ISO week, one row per dyad of the process plus an "ALL" row, sorted by week and dyad."""
    table: dict[tuple[str, str], dict[str, Any]] = {}

    def rows_for(week: str, dyads: list[str]) -> list[dict[str, Any]]:
        return [table.setdefault((week, d), _new_row(week, d)) for d in dyads + [ALL]]

    seen_pre: set[str] = set()
    for m in sorted(meetings, key=lambda r: (r.get("published") or "", r.get("id") or "")):
        countries = {party_key(p) for p in m.get("participants") or []}
        week = week_of(m)
        if week is None or not countries & set(process.parties):
            continue
        for row in rows_for(week, _dyads(countries & process.members)):
            _count_meeting(row, m, seen_pre)
        seen_pre |= set(m.get("preconditions") or [])
    for e in events:
        _add_event(table, rows_for, process, e)
    for p in positions:
        week = week_of(p)
        if week and p.get("stance") == "condition" and party_key(p.get("actor")) in process.members:
            for row in rows_for(week, []):
                row["new_preconditions"] += 1
    return [_finish(table[k]) for k in sorted(table)]


def _count_meeting(row: dict[str, Any], m: dict[str, Any], seen_pre: set[str]) -> None:
    status = m.get("status")
    if status == "held":
        row["meetings_held"] += 1
    elif status in PROPOSED:
        row["meetings_proposed"] += 1
    elif status == "postponed":
        row["postponements"] += 1
    elif status in ("cancelled", "rejected"):
        row["cancellations"] += 1
    elif status == "unlikely":
        row["unlikely"] += 1
    row["new_preconditions"] += len([p for p in m.get("preconditions") or [] if p not in seen_pre])


def _add_event(table: dict, rows_for: Any, process: Process, e: dict[str, Any]) -> None:
    actors = {party_key(a) for a in e.get("actors") or []}
    recipients = {party_key(a) for a in e.get("recipients") or []}
    involved = (actors | recipients) & process.members
    week = week_of(e)
    if week is None or not involved & set(process.parties):
        return
    dyads = sorted({"-".join(sorted((a, r))) for a in actors & process.members
                    for r in recipients & process.members if a != r})
    asserted = e.get("polarity", "asserted") == "asserted"
    for row in rows_for(week, dyads):
        row["events"] += 1
        row["quads"][e.get("quad") or "unknown"] += 1
        row["intensity_sum"] += float(e.get("intensity") or 0.0)
        if not asserted:
            continue
        kind = e.get("event_type")
        if kind == "ASSAULT":
            row["assaults"] += 1
            loc = e.get("location") or {}
            if loc.get("name") or loc.get("text"):
                row["assault_places"].add(loc.get("name") or loc.get("text"))
        elif kind == "SANCTION":
            row["sanctions"] += 1
        elif kind == "REJECT":
            row["rejections"] += 1
        elif kind == "AGREE" or (kind == "RETREAT" and e.get("mode") == "ceasefire"):
            row["agreements"] += 1


def stall_index(row: dict[str, Any]) -> float:
    """0..1: setbacks, new conditions, unmet proposals and violence against held meetings and agreements."""
    pressure = (W_POSTPONED * row["postponements"] + W_CANCELLED * row["cancellations"]
                + W_UNLIKELY * row["unlikely"] + W_PRECONDITION * row["new_preconditions"]
                + W_UNMET_PROPOSAL * max(0, row["meetings_proposed"] - row["meetings_held"])
                + W_ASSAULT * min(row["assaults"], ASSAULT_CAP) + W_REJECT * row["rejections"])
    relief = W_HELD * row["meetings_held"] + W_AGREE * row["agreements"]
    return round(pressure / (pressure + relief + 1.0), 4)


def _finish(row: dict[str, Any]) -> dict[str, Any]:
    n = row.pop("events")
    total = row.pop("intensity_sum")
    row["quads"] = dict(sorted(row["quads"].items()))
    row["events"] = n
    row["mean_intensity"] = round(total / n, 3) if n else None
    row["assault_places"] = sorted(row["assault_places"])
    row["stall_index"] = stall_index(row)
    return row

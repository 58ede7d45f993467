"""Consolidation across documents: one record per real meeting, one thread per position.

Pure functions over plain dicts (the store calls them): each input row is a
``Meeting.to_dict()`` / ``Position.to_dict()`` plus "doc_id", "published" (ISO date or
None), "url" and "title". Rules (also in docs/negotiation.md):

Meetings match when they have the same party set (participants' countries, else actor
ids), the same level (a row whose level is "unspecified" joins a meeting of any level when
both are dated, a same-level meeting first, and the first stated level fixes the meeting's), and compatible dates: either undated; or one's date lies inside the
other's (reduced-precision ISO: "2025-08" contains "2025-08-15"); or two day dates at most
``DAY_TOLERANCE`` days apart. An undated row joins the latest compatible meeting unless
that meeting was already held before the row's publication (then it is a new meeting).
A call never joins a visit or an in-person meeting (``channel``; an unstated channel fits any).
Three more rules (docs/negotiation.md, "Consolidation"): an open proposal (level unspecified,
not held) is joined by a later row with a level, same parties, compatible place, within
``OPEN_DAYS``; a working group is a standing body whose sessions extend one meeting whatever
their dates; a row without parties joins the single meeting of its level, place and date,
and stays apart when there is none or more than one. A meeting's status is the latest
report's most decisive one (``current_status``).
Positions thread by (actor's country else actor id, issue); a stance change is
"hardening" when it moves up the scale accept < condition < demand < reject, "softening"
when it moves down; "claim" is off the scale and labels nothing. Changes are read between
reports: each document counts with one stance per side (``_report_stance``: statements before
acts, the highest-ranked named speaker when speakers disagree, else the stance stated most often).
An undated proposal after the meeting was turned down, called off or its set day went by is
another meeting (``_over_before``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, Optional

from peacetalks.negotiation.channel import compatible as channels_compatible
from peacetalks.negotiation.speakers import LEVEL_RANK, meeting_format, speaker_level
from peacetalks.records import stable_id

DAY_TOLERANCE = 3
OPEN_DAYS = 14  # an open proposal is taken up by a meeting with a level reported within two weeks
STANDING = frozenset({"working_groups"})  # bodies whose sessions are one meeting's history
UNSPECIFIED = "unspecified"
STANCE_SCALE = {"accept": 0, "condition": 1, "demand": 2, "reject": 3}
# How decisive a status is, for the status a single report gives when it states several: an
# outcome (held, called off, put off, turned down) outranks an intention, a condition outranks
# a bare proposal.
STATUS_WEIGHT = {"proposed": 0, "planned": 1, "conditional": 2, "unlikely": 3, "rejected": 4, "postponed": 5,
                 "cancelled": 6, "held": 7}
_PAST_STATUSES = frozenset({"held"})
# Outcomes that end a proposed or planned meeting: a later report's fresh proposal ("ready to hold
# a third round of direct talks") is another meeting, not the turned-down one revived.
_CLOSING_STATUSES = frozenset({"rejected", "cancelled"})
# Statuses that fix a day ("set to meet on Thursday", "delayed to Friday"): once that day has gone
# by, a later undated proposal is talk of another meeting. A mere proposal's date stays open.
_SCHEDULED_STATUSES = frozenset({"planned", "postponed"})
_HISTORICAL = "\x00historical"  # a marker in the party set: historical rows cluster apart


def party_key(actor: Optional[dict[str, Any]]) -> str:
    if not actor:
        return ""
    return actor.get("country") or actor.get("actor_id") or (actor.get("text") or "").lower()


def actor_key(actor: Optional[dict[str, Any]]) -> str:
    if not actor:
        return ""
    return actor.get("actor_id") or f"{actor.get('country') or 'UNK'}:{actor.get('sector') or 'UNK'}"


def _sort_key(row: dict[str, Any]) -> tuple[str, str, int, str]:
    return (row.get("published") or "", row.get("doc_id") or "", row.get("sentence") or 0, row.get("id") or "")


# ------------------------------------------------------------------ dates

def dates_compatible(a: Optional[str], b: Optional[str], tolerance: int = DAY_TOLERANCE) -> bool:
    """True when two (reduced-precision) ISO dates can name the same day."""
    if not a or not b:
        return True
    if a.startswith(b) or b.startswith(a):
        return True
    if len(a) >= 10 and len(b) >= 10:
        try:
            da, db = dt.date.fromisoformat(a[:10]), dt.date.fromisoformat(b[:10])
        except ValueError:
            return False
        return abs((da - db).days) <= tolerance
    return False


def _more_precise(a: Optional[str], b: Optional[str]) -> Optional[str]:
    if not a:
        return b
    if not b:
        return a
    return b if len(b) > len(a) else a


# ------------------------------------------------------------------ meetings

def consolidate_meetings(rows: list[dict[str, Any]], include_historical: bool = False) -> list[dict[str, Any]]:
    """One dict per real meeting, in order of first appearance. Past meetings recalled in the
    news (``historical`` rows: "the 2022 Istanbul talks") are left out unless asked for; then
    they form meetings of their own, never joined with the current phase's."""
    return [_meeting_out(c) for c in _clusters(rows, include_historical)]


def joined_participants(rows: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    """For each row that names no party but that consolidation joined to a meeting with
    parties ("A planned meeting of foreign ministers in London was cancelled"), keyed by
    ``id(row)``: that meeting's participants (from its other rows). A partyless row that
    stays a meeting of its own is not listed: it belongs to no one's talks."""
    if all(r.get("participants") for r in rows):
        return {}  # the common case: no consolidation needed
    out: dict[int, list[dict[str, Any]]] = {}
    for c in _clusters(rows, include_historical=False):
        if not c["parties"]:
            continue
        named = _unique_actors(p for r in c["rows"] for p in r.get("participants") or [])
        out.update((id(r), named) for r in c["rows"] if not r.get("participants"))
    return out


def _clusters(rows: list[dict[str, Any]], include_historical: bool) -> list[dict[str, Any]]:
    clusters: list[dict[str, Any]] = []
    # Only meetings of the same parties can match: candidates are looked up by parties
    # (in creation order), not scanned among all clusters (quadratic at thousands of rows).
    by_parties: dict[frozenset[str], list[dict[str, Any]]] = {}
    for row in sorted(rows, key=_sort_key):
        if row.get("historical") and not include_historical:
            continue
        parties = frozenset(party_key(p) for p in row.get("participants") or [] if party_key(p))
        if row.get("historical"):
            parties = parties | {_HISTORICAL}
        same_parties = by_parties.setdefault(parties, [])
        target = _find_cluster(same_parties, parties, row) if parties else _unique_candidate(clusters, row)
        if target is None:
            target = {"parties": parties, "level": row.get("level"), "rows": [], "date": None, "last_held": None,
                      "last_closed": None, "scheduled": False, "channel": None, "places": set(), "open": True}
            clusters.append(target)
            same_parties.append(target)
        _add_row(target, row)
    return clusters


def _add_row(cluster: dict[str, Any], row: dict[str, Any]) -> None:
    cluster["rows"].append(row)
    if cluster["level"] in (UNSPECIFIED, None):  # the first row that names the level fixes it
        cluster["level"] = row.get("level")
    cluster["date"] = _more_precise(cluster["date"], row.get("date"))
    cluster["channel"] = cluster["channel"] or row.get("channel")  # the first row that says it fixes it
    if place := _place_name(row):
        cluster["places"].add(place)
    cluster["open"] = cluster["open"] and cluster["level"] in (UNSPECIFIED, None) \
        and row.get("status") not in _PAST_STATUSES
    if row.get("status") in _PAST_STATUSES:  # kept up to date for _held_before
        when = row.get("date") or row.get("published") or ""
        cluster["last_held"] = when if cluster["last_held"] is None else max(cluster["last_held"], when)
    cluster["scheduled"] = cluster["scheduled"] or row.get("status") in _SCHEDULED_STATUSES
    if row.get("status") in _CLOSING_STATUSES:  # kept up to date for _closed_before (by report date)
        when = row.get("published") or ""
        cluster["last_closed"] = when if cluster["last_closed"] is None else max(cluster["last_closed"], when)


def _find_cluster(clusters: list[dict[str, Any]], parties: frozenset[str], row: dict[str, Any]) -> Optional[dict[str, Any]]:
    # A dated row goes first to a meeting on the same days (same level, then an open level):
    # a matching date says more than a missing one. Then a same-level meeting either side
    # leaves undated.
    if row.get("level") in STANDING and (body := _standing(clusters, row)) is not None:
        return body
    if row.get("date"):
        hit = _find(clusters, parties, row, exact=True, dated=True) or _find(clusters, parties, row, exact=True) \
            or _find(clusters, parties, row, exact=False)
        if hit is not None:
            return hit
    return _find(clusters, parties, row, exact=True) or _open_proposal(clusters, row)


def _place_name(row: dict[str, Any]) -> Optional[str]:
    return (row.get("place") or {}).get("name") or None


def _places_compatible(cluster: dict[str, Any], row: dict[str, Any]) -> bool:
    return not cluster["places"] or not _place_name(row) or _place_name(row) in cluster["places"]


def _standing(clusters: list[dict[str, Any]], row: dict[str, Any]) -> Optional[dict[str, Any]]:
    """"The working group on prisoner exchanges met again": a standing body's later session
    extends the body's meeting (the latest one of these parties at that level), whatever the date."""
    return next((c for c in reversed(clusters) if c["level"] == row.get("level")
                 and channels_compatible(c["channel"], row.get("channel"))), None)


def _open_proposal(clusters: list[dict[str, Any]], row: dict[str, Any]) -> Optional[dict[str, Any]]:
    """"Putin proposed that Russia and Ukraine resume direct negotiations in Istanbul" (no level),
    then "the delegations are set to meet in Istanbul on Thursday": the later row with a level
    and a status other than proposed (planned, postponed, held, rejected ...) takes up the open proposal of the same parties reported within ``OPEN_DAYS`` when places
    agree (an open proposal's dates are those of the talk about it, so the window decides). A proposal naming only states is no leaders' meeting (a summit names the
    leaders or says "summit")."""
    level = row.get("level")
    if level in (UNSPECIFIED, None) or row.get("status") in ("proposed", None):
        return None  # a second proposal is another idea; an arrangement, a delay, a refusal takes one up
    for c in reversed(clusters):
        if not c["open"] or not channels_compatible(c["channel"], row.get("channel")) \
                or not _places_compatible(c, row):  # its dates are when it was spoken of: the window decides
            continue
        if level == "leaders" and not any(p.get("actor_id") for r in c["rows"] for p in r.get("participants") or []):
            continue
        if _days_between(c["rows"][-1].get("published"), row.get("published")) <= OPEN_DAYS:
            return c
    return None


def _days_between(a: Optional[str], b: Optional[str]) -> int:
    try:
        return abs((dt.date.fromisoformat(str(b)[:10]) - dt.date.fromisoformat(str(a)[:10])).days)
    except ValueError:
        return OPEN_DAYS + 1


def _unique_candidate(clusters: list[dict[str, Any]], row: dict[str, Any]) -> Optional[dict[str, Any]]:
    """"A planned meeting of foreign ministers in London was cancelled" (no party named): the
    single earlier meeting with parties of the same level, place and (both dated) day; none
    when there is no such meeting or more than one (then the row stays a meeting of its own)."""
    place = _place_name(row)
    if not place or not row.get("date"):
        return None
    found = [c for c in clusters if c["parties"] and _HISTORICAL not in c["parties"] and c["level"] == row.get("level")
             and place in c["places"] and c["date"] and dates_compatible(c["date"], row.get("date"))
             and channels_compatible(c["channel"], row.get("channel"))]
    return found[0] if len(found) == 1 else None


def levels_compatible(a: Optional[str], b: Optional[str]) -> bool:
    """Same level, or one side does not say ("talks between Russia and Ukraine" is the delegations' round)."""
    return a == b or UNSPECIFIED in (a, b) or not a or not b


def _find(clusters: list[dict[str, Any]], parties: frozenset[str], row: dict[str, Any],
          exact: bool, dated: bool = False) -> Optional[dict[str, Any]]:
    level = row.get("level")
    for c in reversed(clusters):
        if c["parties"] != parties or not (c["level"] == level if exact else levels_compatible(c["level"], level)):
            continue
        if not channels_compatible(c["channel"], row.get("channel")):
            continue  # a phone call is not the summit the same leaders planned
        if (dated or not exact) and not (c["date"] and row.get("date")):
            continue  # an open level only joins a meeting when both dates name the same days
        if not dates_compatible(c["date"], row.get("date")):
            continue
        if not row.get("date") and _held_before(c, row.get("published")) and row.get("status") != "held":
            continue  # talk of a new meeting after this one took place
        if not row.get("date") and row.get("status") == "proposed" and _over_before(c, row.get("published")):
            continue  # a new proposal after this one was turned down, called off or its set day went by
        return c
    return None


def _held_before(cluster: dict[str, Any], published: Optional[str]) -> bool:
    """The meeting was reported held (or over) before ``published``."""
    held = cluster["last_held"]
    return held is not None and bool(published) and held[:10] < str(published)[:10]


def _closed_before(cluster: dict[str, Any], published: Optional[str]) -> bool:
    """A report earlier than ``published`` said the meeting was rejected or cancelled."""
    closed = cluster["last_closed"]
    return bool(closed) and bool(published) and closed[:10] < str(published)[:10]


def _over_before(cluster: dict[str, Any], published: Optional[str]) -> bool:
    """Turned down or called off in an earlier report, or its set day went by before ``published``."""
    return _closed_before(cluster, published) or (cluster["scheduled"] and _day_passed(cluster["date"], published))


def _day_passed(date: Optional[str], published: Optional[str]) -> bool:
    """The meeting's day lies more than ``DAY_TOLERANCE`` days before ``published``: an undated
    proposal made then looks ahead to another meeting (reporting lag stays within the tolerance)."""
    if not date or len(date) < 10 or not published:
        return False
    try:
        return (dt.date.fromisoformat(str(published)[:10]) - dt.date.fromisoformat(date[:10])).days > DAY_TOLERANCE
    except ValueError:
        return False


def _meeting_out(c: dict[str, Any]) -> dict[str, Any]:
    rows = c["rows"]
    participants = _unique_actors(p for r in rows for p in r.get("participants") or [])
    published = [r.get("published") for r in rows if r.get("published")]
    formats = Counter(r.get("format") for r in rows if r.get("format"))
    return {
        "key": stable_id("meeting", *sorted(c["parties"]), c["level"], c["date"] or (published[0] if published else "")),
        "historical": _HISTORICAL in c["parties"],
        "level": c["level"],
        "format": _format(c["parties"], formats),
        "channel": c["channel"],
        "participants": participants,
        "proposer": next((r["proposer"] for r in rows if r.get("proposer")), None),
        "status": current_status(rows),
        "history": [{"status": r.get("status"), "date": r.get("published") or r.get("date"),
                     "doc_id": r.get("doc_id"), "evidence": (r.get("evidence") or [None])[0]} for r in rows],
        "preconditions": _unique(p for r in rows for p in r.get("preconditions") or []),
        "place": next((r["place"] for r in reversed(rows) if r.get("place")), None),
        "date": c["date"],
        "evidence": [dict(e, doc_id=r.get("doc_id"), url=r.get("url"), title=r.get("title"), published=r.get("published"))
                     for r in rows for e in r.get("evidence") or []],
        "first_seen": min(published) if published else None,
        "last_seen": max(published) if published else None,
        "doc_ids": _unique(r.get("doc_id") for r in rows if r.get("doc_id")),
    }


def _format(parties: frozenset[str], formats: Counter) -> Optional[str]:
    """From the meeting's distinct parties, as for one report (``speakers.meeting_format``)."""
    n = len(parties - {_HISTORICAL, ""})
    if n == 0:
        return formats.most_common(1)[0][0] if formats else None
    return meeting_format(n, formats)


def current_status(rows: list[dict[str, Any]]) -> Optional[str]:
    """The meeting's status now: what the latest report says, and when that report gives several
    (its news and the background: "the meeting, planned for Tuesday, was cancelled"), the most
    decisive of them (``STATUS_WEIGHT``), not merely the last sentence's."""
    if not rows:
        return None
    last_doc = rows[-1].get("doc_id")
    statuses = [r.get("status") for r in rows if r.get("doc_id") == last_doc and r.get("status")]
    if not statuses:
        return rows[-1].get("status")
    return max(statuses, key=lambda s: STATUS_WEIGHT.get(s, -1))


def _unique_actors(actors: Any) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for a in actors:
        out.setdefault(actor_key(a), a)
    return list(out.values())


def _unique(values: Any) -> list[Any]:
    return list(dict.fromkeys(values))


# ------------------------------------------------------------------ positions

def stance_change(old: str, new: str) -> Optional[str]:
    """'hardening', 'softening' or None (same rank, or a claim involved)."""
    if old not in STANCE_SCALE or new not in STANCE_SCALE or old == new:
        return None
    diff = STANCE_SCALE[new] - STANCE_SCALE[old]
    return "hardening" if diff > 0 else "softening" if diff < 0 else None


def _document_stances(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One stance per document, in order (``_report_stance``).

    A change of position is a change between reports. Within one article a side can refuse one
    thing and set a condition on a related one ("will not cede land"; "talks on territory only
    after a ceasefire"): that is a nuance of one position, not a hardening followed by a softening."""
    by_doc: dict[Any, list[dict[str, Any]]] = {}
    for h in history:
        if h["stance"] in STANCE_SCALE:
            by_doc.setdefault(h["doc_id"], []).append(h)
    return [_report_stance(rows) for rows in by_doc.values()]


def _report_stance(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A side's stance in one report: from its statements before its acts ("Putin declared a
    unilateral ceasefire", an act, says less of the terms than the spokesman's condition); when
    named speakers of the side disagree, the highest-ranked one's (a president's refusal over his
    minister's condition); else the stance stated most often, ties to the last stated (an
    article's body spells out, and qualifies, what its opening summarises)."""
    rows = [r for r in rows if r.get("basis") != "act"] or rows
    return _most_often(_top_speaker_rows(rows) or rows)


def _top_speaker_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows of the single highest-ranked named speaker, when named speakers state different
    stances; [] otherwise (one speaker, agreement, or a tie at the top rank)."""
    named = [r for r in rows if (r.get("actor") or {}).get("actor_id")]
    if len({r["stance"] for r in named}) < 2:
        return []
    ranks = {r["actor"]["actor_id"]: LEVEL_RANK.get(speaker_level(r["actor"]) or "", -1) for r in named}
    top = max(ranks.values())
    leaders = [a for a, rank in ranks.items() if rank == top]
    return [r for r in named if r["actor"]["actor_id"] == leaders[0]] if len(leaders) == 1 and top >= 0 else []


def _most_often(rows: list[dict[str, Any]]) -> dict[str, Any]:
    counts = Counter(r["stance"] for r in rows)
    top = max(counts.values())
    return [r for r in rows if counts[r["stance"]] == top][-1]


def consolidate_positions(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One thread per (actor's party, issue), with its stance history and changes."""
    threads: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in sorted(rows, key=_sort_key):
        key = (party_key(row.get("actor")), row.get("issue") or "other")
        threads.setdefault(key, []).append(row)
    return [_position_out(key, rs) for key, rs in threads.items()]


def _position_out(key: tuple[str, str], rows: list[dict[str, Any]]) -> dict[str, Any]:
    history = [{"stance": r.get("stance"), "statement": r.get("statement"), "date": r.get("published") or r.get("date"),
                "doc_id": r.get("doc_id"), "actor": r.get("actor"), "evidence": r.get("evidence"),
                "basis": r.get("basis") or "statement"} for r in rows]
    changes = []
    last: Optional[dict[str, Any]] = None
    for h in _document_stances(history):
        if last is not None and last["stance"] != h["stance"]:
            changes.append({"from": last["stance"], "to": h["stance"], "date": h["date"], "doc_id": h["doc_id"],
                            "label": stance_change(last["stance"], h["stance"])})
        last = h
    published = [r.get("published") for r in rows if r.get("published")]
    latest = rows[-1]
    now = last if last is not None and last["doc_id"] == latest.get("doc_id") else None  # the latest report's stance
    return {
        "key": stable_id("position", key[0], key[1]),
        "actor_key": key[0], "actor": latest.get("actor"), "issue": key[1],
        "stance": (now or latest).get("stance"), "statement": (now or latest).get("statement"),
        "history": history, "changes": changes,
        "evidence": [dict(r["evidence"], doc_id=r.get("doc_id"), url=r.get("url"), title=r.get("title"),
                          published=r.get("published")) for r in rows if r.get("evidence")],
        "first_seen": min(published) if published else None,
        "last_seen": max(published) if published else None,
    }

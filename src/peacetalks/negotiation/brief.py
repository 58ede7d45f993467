"""Briefings: a deterministic Markdown and HTML summary of a negotiation.

Every statement in the brief is a sentence quoted from a document's evidence span,
followed by its citation (source title, date, link); our own words are limited to
headings, labels and counts. The same list of blocks renders to both formats, and HTML
output escapes every piece of text.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, Union

from peacetalks.negotiation.consolidate import consolidate_meetings, consolidate_positions, party_key
from peacetalks.negotiation.process import Process, stage, weekly_indicators, with_joined_parties

MAX_ITEMS = 12
Since = Union[str, dt.date, None]


@dataclass
class Cited:
    """A label (ours) and a quoted evidence sentence with its source."""

    label: str
    quote: Optional[str] = None
    title: Optional[str] = None
    date: Optional[str] = None
    url: Optional[str] = None


@dataclass
class Block:
    kind: str  # "h1" | "h2" | "p" | "list" | "table"
    text: str = ""
    items: list[Cited] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


def render_brief(process: Process, events: list[dict[str, Any]], meetings: list[dict[str, Any]],
                 positions: list[dict[str, Any]], documents: list[dict[str, Any]],
                 since: Since = None) -> tuple[str, str]:
    """(Markdown, HTML) briefing on ``process`` from records published on or after ``since``."""
    cutoff = str(since)[:10] if since else ""
    keep = lambda r: (r.get("published") or "")[:10] >= cutoff  # noqa: E731
    events = [e for e in events if keep(e)]
    meetings = [m for m in meetings if keep(m)]
    positions = [p for p in positions if keep(p)]
    docs = {d.get("id"): d for d in documents}
    blocks = _blocks(process, events, meetings, positions, docs, cutoff)
    return _markdown(blocks), _html(blocks)


def _blocks(process: Process, events: list[dict[str, Any]], meetings: list[dict[str, Any]],
            positions: list[dict[str, Any]], docs: dict[Any, dict[str, Any]], cutoff: str) -> list[Block]:
    merged = consolidate_meetings(meetings)
    threads = consolidate_positions(positions)
    # a report naming no party that joined a meeting counts for it, as in the meeting list above
    weeks = [w for w in weekly_indicators(process, events, with_joined_parties(meetings), positions)
             if w["dyad"] == "ALL"]
    st = stage(merged)
    stall = weeks[-1]["stall_index"] if weeks else None
    headline = (f"{process.title}: {sum(1 for m in merged if m['status'] == 'held')} meetings held, "
                f"{sum(1 for m in merged if m['status'] in ('postponed', 'cancelled', 'rejected', 'unlikely'))} "
                f"set back; highest level held: {st['highest_held'] or 'none'}, proposed: {st['highest_proposed'] or 'none'}"
                + (f"; stall index {stall:.2f}" if stall is not None else ""))
    blocks = [Block("h1", headline)]
    if cutoff:
        blocks.append(Block("p", f"Records published on or after {cutoff}."))
    blocks += [Block("h2", "Key developments"), Block("list", items=_key_developments(merged, threads, docs))]
    blocks += [Block("h2", "Meetings"), Block("list", items=[_meeting_item(m, docs) for m in merged[-MAX_ITEMS:]])]
    blocks += [Block("h2", "Positions"), Block("list", items=_position_items(threads, docs))]
    blocks += [Block("h2", "Escalation and sanctions"), Block("list", items=_event_items(process, events, docs))]
    blocks += [Block("h2", "Stall reading"), _stall_table(weeks)]
    return blocks


def _cite(evidence: Optional[dict[str, Any]], doc_id: Any, docs: dict[Any, dict[str, Any]], label: str) -> Cited:
    d = docs.get(doc_id) or {}
    quote = " ".join(((evidence or {}).get("text") or "").split()) or None
    return Cited(label=label, quote=quote, title=d.get("title") or d.get("source") or str(doc_id),
                 date=(d.get("published") or "")[:10] or None, url=d.get("url"))


def _parties(actors: Iterable[dict[str, Any]]) -> str:
    keys = sorted({party_key(a) for a in actors if party_key(a)})
    return "–".join(keys) if keys else "parties not named"  # a report that joined no meeting


def _meeting_item(m: dict[str, Any], docs: dict[Any, dict[str, Any]]) -> Cited:
    seq = [h["status"] for h in m["history"]]
    statuses = " → ".join(s for i, s in enumerate(seq) if i == 0 or seq[i - 1] != s)
    label = f"{m['level'].replace('_', ' ')} ({_parties(m['participants'])}, {m['format']}): {m['status']}"
    if statuses != m["status"]:
        label += f" (reported {statuses})"
    if m.get("date"):
        label += f", date {m['date']}"
    if m.get("preconditions"):
        label += f"; preconditions: {'; '.join(m['preconditions'])}"
    cited = _latest_with(m["history"], "status", m["status"])
    return _cite(cited.get("evidence"), cited.get("doc_id"), docs, label)


def _latest_with(history: list[dict[str, Any]], field: str, value: Any) -> dict[str, Any]:
    """The latest history entry that states ``value`` (the sentence the current reading rests on),
    else the latest entry: the brief cites what supports its claim, not merely the last mention."""
    return next((h for h in reversed(history) if h.get(field) == value), history[-1])


def _position_items(threads: list[dict[str, Any]], docs: dict[Any, dict[str, Any]]) -> list[Cited]:
    out = []
    for t in sorted(threads, key=lambda t: (t["actor_key"], t["issue"]))[:MAX_ITEMS * 2]:
        label = f"{t['actor_key']} on {t['issue'].replace('_', ' ')}: {t['stance']}"
        if t["changes"]:
            c = t["changes"][-1]
            label += f" (latest change {c['from']}→{c['to']}"
            label += f", {c['label']}" if c["label"] else ""
            label += f", {str(c['date'])[:10]}" if c.get("date") else ""
            n = len(t["changes"])
            label += f"; {n} changes since {str(t['first_seen'])[:10]})" if n > 1 and t.get("first_seen") else ")"
        cited = _latest_with(t["history"], "stance", t["stance"])
        out.append(_cite(cited.get("evidence"), cited.get("doc_id"), docs, label))
    return out


def _key_developments(merged: list[dict[str, Any]], threads: list[dict[str, Any]],
                      docs: dict[Any, dict[str, Any]]) -> list[Cited]:
    """Latest status of the highest-level meetings, then stance changes, newest first."""
    rank = {"leaders": 0, "ministers": 1, "envoys": 2, "delegations": 3}
    top = sorted(merged, key=lambda m: (rank.get(m["level"], 9), -_day(m.get("last_seen"))))[:4]
    out = [_meeting_item(m, docs) for m in top]
    changed = sorted((t for t in threads if t["changes"]), key=lambda t: -_day(t.get("last_seen")))[:4]
    out += [i for i in _position_items(changed, docs)]
    return out


def _day(value: Optional[str]) -> int:
    try:
        return dt.date.fromisoformat(str(value)[:10]).toordinal()
    except (TypeError, ValueError):
        return 0


def _event_items(process: Process, events: list[dict[str, Any]], docs: dict[Any, dict[str, Any]]) -> list[Cited]:
    out = []
    picked = [e for e in events if e.get("event_type") in ("ASSAULT", "SANCTION", "THREATEN", "MOBILIZE")
              and ({party_key(a) for a in (e.get("actors") or []) + (e.get("recipients") or [])} & process.members)]
    for e in sorted(picked, key=lambda e: (e.get("published") or "", e.get("id") or ""))[-MAX_ITEMS:]:
        who = _parties(e.get("actors") or []) or "?"
        whom = _parties(e.get("recipients") or []) or "?"
        place = (e.get("location") or {}).get("name")
        label = f"{e['event_type']}{' (' + e['mode'] + ')' if e.get('mode') else ''} {who} → {whom}"
        label += f" in {place}" if place else ""
        label += ", negated" if e.get("polarity") == "negated" else ""
        out.append(_cite(e.get("evidence"), e.get("doc_id"), docs, label))
    return out


def _stall_table(weeks: list[dict[str, Any]]) -> Block:
    header = ["week", "held", "proposed", "setbacks", "new conditions", "assaults", "sanctions", "stall index"]
    rows = [[w["week"], str(w["meetings_held"]), str(w["meetings_proposed"]),
             str(w["postponements"] + w["cancellations"] + w["unlikely"]), str(w["new_preconditions"]),
             str(w["assaults"]), str(w["sanctions"]), f"{w['stall_index']:.2f}"] for w in weeks[-8:]]
    return Block("table", header=header, rows=rows)


# ------------------------------------------------------------------ rendering

def _md(text: str) -> str:
    """Markdown renderers pass raw HTML through: neutralise it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _md_item(c: Cited) -> str:
    if not c.quote:
        return f"- {_md(c.label)}"
    title = _md(c.title or "").replace("[", "(").replace("]", ")")
    src = f"[{title}](<{c.url.replace('<', '%3C').replace('>', '%3E')}>)" if c.url else title
    return f"- {_md(c.label)}: “{_md(c.quote)}” ({src}, {c.date or 'undated'})"


def _markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if b.kind == "h1":
            out += [f"# {_md(b.text)}", ""]
        elif b.kind == "h2":
            out += [f"## {_md(b.text)}", ""]
        elif b.kind == "p":
            out += [_md(b.text), ""]
        elif b.kind == "list":
            out += ([_md_item(c) for c in b.items] or ["- (nothing reported)"]) + [""]
        elif b.kind == "table":
            out += ["| " + " | ".join(b.header) + " |", "|" + "---|" * len(b.header)]
            out += ["| " + " | ".join(r) + " |" for r in b.rows] + [""]
    return "\n".join(out).rstrip() + "\n"


def _html_item(c: Cited) -> str:
    e = html.escape
    if not c.quote:
        return f"<li>{e(c.label)}</li>"
    src = f'<a href="{e(c.url, quote=True)}">{e(c.title or "")}</a>' if c.url else e(c.title or "")
    return f"<li>{e(c.label)}: <q>{e(c.quote)}</q> <cite>{src}, {e(c.date or 'undated')}</cite></li>"


def _html(blocks: list[Block]) -> str:
    e = html.escape
    out = ['<article class="brief">']
    for b in blocks:
        if b.kind in ("h1", "h2"):
            out.append(f"<{b.kind}>{e(b.text)}</{b.kind}>")
        elif b.kind == "p":
            out.append(f"<p>{e(b.text)}</p>")
        elif b.kind == "list":
            out.append("<ul>" + ("".join(_html_item(c) for c in b.items) or "<li>(nothing reported)</li>") + "</ul>")
        elif b.kind == "table":
            head = "".join(f"<th>{e(h)}</th>" for h in b.header)
            body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in b.rows)
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    out.append("</article>")
    return "\n".join(out) + "\n"

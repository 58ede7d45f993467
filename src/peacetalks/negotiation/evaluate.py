"""Scoring the negotiation layer on our own annotated sentences.

``tests/data/negotiation_dev.jsonl`` (written by the project, not copied from any
source) holds one sentence per line with the meetings and positions it states. A
meeting counts as found when its participant countries, level and status all match; a
position when its actor (country, else actor id), issue and stance match. Items are
split into 'dev' and 'test' halves by ``evaluation.half_of(id)``: rules are designed on
dev, and both halves are reported.

Meetings that name no party ("A planned meeting of defence ministers in Brussels was
postponed") are scored apart, on both sides: the score keys on who meets, which such a
record cannot say in its sentence (consolidation decides which meeting it reports), and the
set's convention is not to annotate a meeting whose parties the sentence does not name
(docs/negotiation.md, Evaluation). They are counted on their own line (``partyless``:
predicted, annotated, matching level and status) so they stay visible.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Optional

from peacetalks.evaluation import Half, in_half, prf, read_jsonl
from peacetalks.negotiation.parties import country_key
from peacetalks.records import Meeting, Position

DEFAULT_PATH = Path(__file__).resolve().parents[3] / "tests" / "data" / "negotiation_dev.jsonl"
ALL_STAGES = ("actors", "places", "events", "negotiation")

MeetingKey = tuple[frozenset[str], str, str]
PositionKey = tuple[str, str, str]


def meeting_keys(meetings: Iterable[Meeting]) -> set[MeetingKey]:
    """The scored meetings: those with at least one participant."""
    return {(frozenset(country_key(p) for p in m.participants), m.level, m.status) for m in meetings if m.participants}


def _partyless(meetings: Iterable[Meeting]) -> set[tuple[str, str]]:
    return {(m.level, m.status) for m in meetings if not m.participants}


def position_keys(positions: Iterable[Position]) -> set[PositionKey]:
    return {(p.actor.country or p.actor.actor_id or "", p.issue, p.stance) for p in positions}


def _gold_meetings(item: dict[str, Any]) -> set[MeetingKey]:
    return {(frozenset(m["participants"]), m["level"], m["status"]) for m in item.get("meetings") or []
            if m["participants"]}


def _gold_partyless(item: dict[str, Any]) -> set[tuple[str, str]]:
    return {(m["level"], m["status"]) for m in item.get("meetings") or [] if not m["participants"]}


def _gold_positions(item: dict[str, Any]) -> set[PositionKey]:
    return {(p["actor"], p["issue"], p["stance"]) for p in item.get("positions") or []}


def evaluate(path: Optional[Path] = None, half: Half = "all", stages: Iterable[str] = ALL_STAGES) -> dict[str, Any]:
    """Precision/recall of meetings and positions on the annotated sentences of ``half``."""
    from peacetalks.pipeline import InputDocument, analyse

    stages = tuple(stages)
    counts = {"meetings": Counter(), "positions": Counter()}
    partyless: Counter = Counter()
    errors: list[dict[str, Any]] = []
    n = 0
    for item in read_jsonl(Path(path) if path else DEFAULT_PATH):
        if not in_half(item["id"], half):
            continue
        n += 1
        a = analyse(InputDocument(id=item["id"], text=item["text"], published=item.get("published")), stages)
        gold_pl, pred_pl = _gold_partyless(item), _partyless(a.meetings)
        partyless.update(predicted=len(pred_pl), annotated=len(gold_pl), matched=len(gold_pl & pred_pl))
        for kind, gold, pred in (("meetings", _gold_meetings(item), meeting_keys(a.meetings)),
                                 ("positions", _gold_positions(item), position_keys(a.positions))):
            c = counts[kind]
            c["tp"] += len(gold & pred)
            c["fp"] += len(pred - gold)
            c["fn"] += len(gold - pred)
            if gold != pred:
                errors.append({"id": item["id"], "kind": kind, "missed": sorted(map(_show, gold - pred)),
                               "spurious": sorted(map(_show, pred - gold))})
    return {"n": n, "half": half, "stages": list(stages),
            "meetings": prf(counts["meetings"]["tp"], counts["meetings"]["fp"], counts["meetings"]["fn"]),
            "positions": prf(counts["positions"]["tp"], counts["positions"]["fp"], counts["positions"]["fn"]),
            "partyless": {k: partyless[k] for k in ("predicted", "annotated", "matched")},
            "errors": errors}


def _show(key: tuple) -> str:
    first = "+".join(sorted(key[0])) if isinstance(key[0], frozenset) else key[0]
    return " ".join([first, *key[1:]])


def format_report(result: dict[str, Any], show_errors: bool = False) -> str:
    lines = [f"negotiation eval: {result['n']} sentences, half={result['half']}"]
    for kind in ("meetings", "positions"):
        r = result[kind]
        lines.append(f"  {kind:<10} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
                     f"(tp={r['tp']} fp={r['fp']} fn={r['fn']})")
    pl = result.get("partyless")
    if pl:
        lines.append(f"  partyless  predicted={pl['predicted']} annotated={pl['annotated']} matched={pl['matched']} "
                     "(meetings naming no party: not in the meeting score)")
    if show_errors:
        for e in result["errors"]:
            lines.append(f"  {e['id']} {e['kind']}: missed={e['missed']} spurious={e['spurious']}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    import sys

    h = sys.argv[1] if len(sys.argv) > 1 else "all"
    st = tuple(sys.argv[2].split(",")) if len(sys.argv) > 2 else ALL_STAGES
    print(format_report(evaluate(half=h, stages=st), show_errors=True))  # type: ignore[arg-type]

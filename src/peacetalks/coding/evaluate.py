"""Measure the event coder on the gold sets (``python -m peacetalks.coding.evaluate``).

- ``plover_gsr.jsonl``: the top event of each sentence (highest confidence) against the gold
  PLOVER type: macro-F1 over the 16 types, accuracy, any-event recall (share of sentences with
  at least one event) and actor country agreement (top event's actor countries vs gold actors).
- ``quad_train.jsonl``: the top event's quad class, "statement" when no event: macro-F1 over 5.
The whole pipeline runs (``peacetalks.pipeline.analyse``), so the real actor stage is measured.
Halves come from ``evaluation.half_of``: design on 'dev', report 'test'.
"""

from __future__ import annotations

import argparse
import json
from typing import Any, Iterable, Optional

from peacetalks.evaluation import classification_report, gold_path, in_half, read_jsonl
from peacetalks.pipeline import InputDocument, analyse
from peacetalks.records import EVENT_TYPES, QUADS, Event

QUAD_LABELS = ("statement", *QUADS)
BUCKETS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)


def top_event(events: Iterable[Event]) -> Optional[Event]:
    """The sentence's main event: the most confident (a main-clause trigger outranks an
    embedded one through its confidence), the earliest among equals (on the dev half a
    material-over-verbal tie-break picked subordinate clauses: "postponed a trip after martial
    law was imposed")."""
    best: Optional[Event] = None
    for e in events:
        if best is None or e.confidence > best.confidence:
            best = e
    return best


def _code(item: dict[str, Any]) -> list[Event]:
    return analyse(InputDocument(id=item["id"], text=item["text"], published=item.get("published"))).events


def _reliability(pairs: list[tuple[float, bool]]) -> list[dict[str, Any]]:
    rows = []
    for lo, hi in zip(BUCKETS, BUCKETS[1:]):
        inside = [ok for c, ok in pairs if lo <= c < hi]
        if inside:
            rows.append({"bucket": f"[{lo:.1f},{min(hi, 1.0):.1f})", "n": len(inside),
                         "precision": round(sum(inside) / len(inside), 3)})
    return rows


def _plover(half: str, pairs: list[tuple[float, bool]], raw: list[dict[str, Any]]) -> dict[str, Any]:
    path = gold_path("plover_gsr.jsonl")
    if path is None:
        return {}
    gold, pred, any_event, agree, with_actor = [], [], 0, 0, 0
    for item in read_jsonl(path):
        if not in_half(item["id"], half):  # type: ignore[arg-type]
            continue
        events = _code(item)
        top = top_event(events)
        gold.append(item["event_type"])
        pred.append(top.event_type if top else "NONE")
        any_event += bool(events)
        if top:
            pairs.append((top.confidence, top.event_type == item["event_type"]))
            raw.append({"id": item["id"], "gold": item["event_type"], "pred": top.event_type,
                        "trigger": top.trigger.text, "confidence": top.confidence})
        gold_countries = {a.get("country") for a in item.get("actors") or [] if a.get("country")}
        ours = {a.country for a in (top.actors if top else []) if a.country}
        if gold_countries and ours:
            with_actor += 1
            agree += bool(gold_countries & ours)
    report = classification_report(gold, pred, labels=EVENT_TYPES)
    report["any_event_recall"] = round(any_event / len(gold), 4) if gold else 0.0
    report["actor_country_agreement"] = round(agree / with_actor, 4) if with_actor else None
    report["actor_country_n"] = with_actor
    return report


def _quad(half: str, pairs: list[tuple[float, bool]]) -> dict[str, Any]:
    path = gold_path("quad_train.jsonl")
    if path is None:
        return {}
    gold, pred = [], []
    for item in read_jsonl(path):
        if not in_half(item["id"], half):  # type: ignore[arg-type]
            continue
        top = top_event(_code(item))
        gold.append(item["quad"])
        pred.append(top.quad if top else "statement")
        if top:
            pairs.append((top.confidence, top.quad == item["quad"]))
    return classification_report(gold, pred, labels=QUAD_LABELS)


def evaluate(half: str = "test", details: bool = False) -> dict[str, Any]:
    """Scores on one half ('dev', 'test' or 'all'); empty sections when ../shared is absent."""
    pairs: list[tuple[float, bool]] = []
    raw: list[dict[str, Any]] = []
    result: dict[str, Any] = {"half": half, "plover": _plover(half, pairs, raw), "quad": _quad(half, pairs)}
    result["reliability"] = _reliability(pairs)
    if details:
        result["predictions"] = raw
    return result


# Raw scores below every measured bucket belong to embedded events that never win a sentence;
# they are pinned to a low prior (not measured) so that the map stays strictly increasing.
CALIBRATION_PRIOR = (0.05, 0.25)
CALIBRATION_EDGES = (0.0, 0.3, 0.45, 0.55, 0.65, 0.75, 0.85, 0.96)


def _pav(rows: list[list[float]]) -> list[list[float]]:
    """Pool adjacent violators: merge buckets until precision increases with the score."""
    blocks = [list(r) for r in rows]
    i = 0
    while i < len(blocks) - 1:
        a, b = blocks[i], blocks[i + 1]
        if a[1] > b[1]:
            n = a[2] + b[2]
            blocks[i] = [(a[0] * a[2] + b[0] * b[2]) / n, (a[1] * a[2] + b[1] * b[2]) / n, n]
            del blocks[i + 1]
            i = max(0, i - 1)
        else:
            i += 1
    return blocks


def fit_calibration(half: str = "dev") -> list[list[float]]:
    """Calibration points [raw, precision, n] from the top events of a half, with the
    calibration switched off (raw scores), for ``data/calibration.yaml``."""
    from peacetalks.coding import confidence

    saved = confidence._table
    confidence._table = lambda: ([], [])  # type: ignore[assignment]
    try:
        pairs: list[tuple[float, bool]] = []
        _plover(half, pairs, [])
        _quad(half, pairs)
    finally:
        confidence._table = saved  # type: ignore[assignment]
    rows = []
    for lo, hi in zip(CALIBRATION_EDGES, CALIBRATION_EDGES[1:]):
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi]
        if inside:
            rows.append([sum(c for c, _ in inside) / len(inside), sum(ok for _, ok in inside) / len(inside), len(inside)])
    return [[CALIBRATION_PRIOR[0], CALIBRATION_PRIOR[1], 0], *_pav(_merge_small(rows))]


def _merge_small(rows: list[list[float]], min_n: int = 20) -> list[list[float]]:
    """Merge buckets with fewer than ``min_n`` events into their upper neighbour: a precision
    measured on a handful of sentences is noise."""
    out: list[list[float]] = []
    carry: Optional[list[float]] = None
    for row in rows:
        if carry is not None:
            n = carry[2] + row[2]
            row = [(carry[0] * carry[2] + row[0] * row[2]) / n, (carry[1] * carry[2] + row[1] * row[2]) / n, n]
            carry = None
        if row[2] < min_n:
            carry = row
        else:
            out.append(row)
    if carry is not None:
        out.append(carry)
    return out


def write_calibration(points: list[list[float]]) -> None:
    from peacetalks.coding.lexicon import DATA

    lines = [
        "# Confidence calibration: raw coder score -> precision observed on the development half.",
        "# Schema: points: [[raw_score, precision], ...] ascending; scores in between are interpolated",
        "# linearly, scores outside are clamped. Written by `python -m peacetalks.coding.evaluate",
        "# --fit-calibration` (pool-adjacent-violators over the dev top events of plover_gsr, type",
        "# correct, and quad_train, quad correct); n per point in the comment, n=0 is the prior.",
        "points:",
    ]
    lines += [f"  - [{x:.3f}, {y:.3f}]  # n={int(n)}" for x, y, n in points]
    (DATA / "calibration.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def format_report(result: dict[str, Any]) -> str:
    """A short human-readable summary of ``evaluate``'s result."""
    lines = [f"half: {result.get('half')}"]
    p, q = result.get("plover") or {}, result.get("quad") or {}
    if p:
        lines.append(f"PLOVER type  n={p['n']} macro-F1={p['macro_f1']:.3f} accuracy={p['accuracy']:.3f} "
                     f"any-event recall={p['any_event_recall']:.3f} actor-country agreement="
                     f"{p['actor_country_agreement']} (n={p['actor_country_n']})")
        for label, s in p["per_label"].items():
            lines.append(f"  {label:<10} P={s['precision']:.2f} R={s['recall']:.2f} F1={s['f1']:.2f}")
    if q:
        lines.append(f"quad         n={q['n']} macro-F1={q['macro_f1']:.3f} accuracy={q['accuracy']:.3f}")
        for label, s in q["per_label"].items():
            lines.append(f"  {label:<21} P={s['precision']:.2f} R={s['recall']:.2f} F1={s['f1']:.2f}")
    if result.get("reliability"):
        lines.append("reliability (top events: confidence bucket -> observed precision)")
        lines += [f"  {r['bucket']:<11} n={r['n']:<4} precision={r['precision']:.3f}" for r in result["reliability"]]
    if not p and not q:
        lines.append("gold sets not found (../shared absent): nothing measured")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", default="both", choices=("dev", "test", "all", "both"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--fit-calibration", action="store_true", help="refit data/calibration.yaml on dev")
    args = ap.parse_args(argv)
    if args.fit_calibration:
        points = fit_calibration("dev")
        write_calibration(points)
        print(points)
        return
    halves = ("dev", "test") if args.half == "both" else (args.half,)
    for h in halves:
        res = evaluate(h)
        print(json.dumps(res) if args.json else format_report(res))


if __name__ == "__main__":
    main()

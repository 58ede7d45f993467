"""Measure ``resolve`` on the NGEC actor-resolution gold set (shared/gold/actors_ngec.jsonl).

Each gold item is an actor string with optional context and date and the expected ISO3
country and PLOVER sector. Country accuracy is computed over the items whose gold
``country`` is not null, sector accuracy over the items whose gold ``sector`` is not null:
a null gold field means "no answer expected" and is not scored (a prediction there is
neither right nor wrong). Items are split by ``evaluation.half_of(id)``.

An item without a date (or dated "today") is labelled as of the day the tests were written,
not as of the day we run them: a president who has left office since is GOV in the gold and
ELI on today's date. Such items are resolved on ``GOLD_TODAY``, the latest date written in
the gold set (the tests' "today" is no earlier); ``today=None`` uses the real today instead.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from peacetalks.evaluation import gold_path, in_half, read_jsonl

GOLD = "actors_ngec.jsonl"
GOLD_TODAY = dt.date(2022, 10, 20)


def _rows(half: str) -> list[dict[str, Any]]:
    path = gold_path(GOLD)
    if path is None:
        raise FileNotFoundError(
            f"gold set {GOLD} not found: it lives in ../shared/gold (set PEACETALKS_SHARED to its folder)")
    return [r for r in read_jsonl(path) if in_half(str(r["id"]), half)]  # type: ignore[arg-type]


def _date(row: dict[str, Any], today: Optional[dt.date]) -> Any:
    value = row.get("date")
    if today is not None and (value in (None, "") or str(value).strip().lower() == "today"):
        return today
    return value


def evaluate(half: str = "test", today: Optional[dt.date] = GOLD_TODAY) -> dict[str, Any]:
    """Country and sector accuracy of ``resolve`` on one half ('dev', 'test' or 'all')."""
    from peacetalks.actors.resolver import resolve

    rows = _rows(half)
    scored = {"country": [0, 0], "sector": [0, 0]}
    errors: list[dict[str, Any]] = []
    for row in rows:
        res = resolve(row["text"], _date(row, today), row.get("context"))
        pred = {"country": res.country, "sector": res.sector}
        wrong = {}
        for fld in ("country", "sector"):
            if row.get(fld) is None:
                continue
            scored[fld][1] += 1
            if pred[fld] == row[fld]:
                scored[fld][0] += 1
            else:
                wrong[fld] = {"gold": row[fld], "pred": pred[fld]}
        if wrong:
            errors.append({"id": row["id"], "text": row["text"], **wrong})
    return {
        "half": half,
        "n": len(rows),
        "country": {"accuracy": _ratio(*scored["country"]), "correct": scored["country"][0], "n": scored["country"][1]},
        "sector": {"accuracy": _ratio(*scored["sector"]), "correct": scored["sector"][0], "n": scored["sector"][1]},
        "errors": errors,
    }


def _ratio(correct: int, n: int) -> float:
    return round(correct / n, 4) if n else 0.0


def format_report(result: dict[str, Any], show_errors: int = 0) -> str:
    lines = [
        f"actors (NGEC gold, half={result['half']}, n={result['n']})",
        f"  country accuracy {result['country']['accuracy']:.3f}  ({result['country']['correct']}/{result['country']['n']} items with a gold country)",
        f"  sector  accuracy {result['sector']['accuracy']:.3f}  ({result['sector']['correct']}/{result['sector']['n']} items with a gold sector)",
    ]
    for err in result["errors"][:show_errors]:
        lines.append(f"  x {err['id']}: {err['text']!r} " + " ".join(
            f"{k}={v['pred']} (gold {v['gold']})" for k, v in err.items() if isinstance(v, dict)))
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    import sys

    half = sys.argv[1] if len(sys.argv) > 1 else "dev"
    real_today = "--real-today" in sys.argv[2:]  # undated items on the real today, as before
    print(format_report(evaluate(half, today=None if real_today else GOLD_TODAY), show_errors=200))

"""Shared pieces of ``peacetalks eval``: the development/held-out split and the metrics.

Every gold set is split by a hash of each item's id, so the split is the same on every
machine and never depends on file order: we design on ``dev`` and report ``test``.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator, Literal, Optional

Half = Literal["dev", "test", "all"]


def half_of(item_id: str) -> str:
    """'dev' or 'test' for an id: by the parity of its SHA-1's first byte."""
    return "dev" if hashlib.sha1(item_id.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def in_half(item_id: str, half: Half) -> bool:
    return half == "all" or half_of(item_id) == half


def shared_dir() -> Optional[Path]:
    """The read-only ``shared/`` folder (``$PEACETALKS_SHARED`` or ``../shared`` from the
    repository or the working directory), or None when absent (a user's clone)."""
    env = os.environ.get("PEACETALKS_SHARED")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    candidates += [here.parents[3] / "shared" if len(here.parents) > 3 else None,
                   here.parents[2].parent / "shared" if len(here.parents) > 2 else None,
                   Path.cwd().parent / "shared", Path.cwd() / "shared"]
    for c in candidates:
        if c is not None and (c / "SPEC.md").exists():
            return c
    return None


def gold_path(name: str) -> Optional[Path]:
    base = shared_dir()
    if base is None:
        return None
    p = base / "gold" / name
    return p if p.exists() else None


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                yield json.loads(line)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def classification_report(gold: Iterable[str], pred: Iterable[str], labels: Optional[Iterable[str]] = None) -> dict[str, Any]:
    """Per-label precision/recall/F1, accuracy and macro-F1 over the labels present in gold."""
    gold, pred = list(gold), list(pred)
    labels = sorted(set(labels) if labels is not None else set(gold))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    per = {lab: prf(tp[lab], fp[lab], fn[lab]) for lab in labels}
    macro = sum(v["f1"] for v in per.values()) / len(per) if per else 0.0
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold) if gold else 0.0
    return {"n": len(gold), "accuracy": round(acc, 4), "macro_f1": round(macro, 4), "per_label": per}

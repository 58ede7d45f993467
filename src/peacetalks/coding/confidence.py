"""Event confidence: a raw score from how the event was found, mapped to observed precision.

The raw score rewards what makes a coded event trustworthy (a lexical verb over a bare noun,
a main-clause trigger over a deeply embedded one, an identified actor, a sense whose condition
matched) and penalises complements of promises and threats. ``data/calibration.yaml`` maps raw
scores to the precision observed on the development half (see docs/coding.md).
"""

from __future__ import annotations

import functools
from bisect import bisect_right

from peacetalks.yaml_tables import read_yaml

from peacetalks.coding.lexicon import DATA

BASE = {"verb": 0.70, "support": 0.72, "adj": 0.70, "permission": 0.60, "noun": 0.45, "deontic": 0.65}


# Prepositions that make a nominal event the setting of the sentence, not its news
# ("at a meeting in Geneva, X rejected ...", "after the talks").
SETTING_PREPS = frozenset({"at", "during", "after", "before", "ahead", "following", "since", "until",
                           "amid", "amidst", "despite", "in"})


def raw_score(kind: str, depth: int, has_actor: bool, governed: bool, specific: bool,
              setting: bool = False) -> float:
    score = BASE.get(kind, 0.4)
    score -= 0.15 if setting else 0.0
    score += 0.10 if depth == 0 else -0.05 * min(depth - 1, 4)
    score += 0.05 if has_actor else -0.05
    score += 0.05 if specific else 0.0
    score -= 0.30 if governed else 0.0
    return round(min(0.95, max(0.05, score)), 3)


@functools.lru_cache(maxsize=1)
def _table() -> tuple[list[float], list[float]]:
    path = DATA / "calibration.yaml"
    if not path.exists():
        return [], []
    rows = read_yaml(path)["points"]
    return [float(r[0]) for r in rows], [float(r[1]) for r in rows]


def calibrate(raw: float) -> float:
    """Piecewise-linear map of a raw score through the calibration points (identity without)."""
    xs, ys = _table()
    if not xs:
        return raw
    if raw <= xs[0]:
        return ys[0]
    if raw >= xs[-1]:
        return ys[-1]
    k = bisect_right(xs, raw)
    x0, x1, y0, y1 = xs[k - 1], xs[k], ys[k - 1], ys[k]
    return round(y0 + (y1 - y0) * (raw - x0) / (x1 - x0), 3)


def calibrated(kind: str, depth: int, has_actor: bool, governed: bool, specific: bool,
               setting: bool = False) -> float:
    return calibrate(raw_score(kind, depth, has_actor, governed, specific, setting))

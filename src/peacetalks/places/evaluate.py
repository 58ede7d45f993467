"""Toponym detection and geocoding measured on GeoWebNews (``gold/geo_gwn.jsonl``).

GeoWebNews annotates every toponym of 200 articles with a type; it also marks common nouns
("Literal_Expression", "Non_Lit_Expression") and non-toponyms, which we leave out. The gold
toponyms are the annotations of the types in ``TOPONYM_TYPES``; all of them carry coordinates.

- recall: gold toponyms overlapped by a predicted span;
- precision: predicted spans that overlap a gold toponym;
- within_161km: share of ALL gold toponyms whose overlapping prediction lies within 161 km
  (100 miles, the usual geoparsing threshold) of the gold coordinates;
- recall and within_161km are also given per gold type, and for "noun" toponyms (gold types
  that are not adjectival modifiers: we deliberately do not read "French" as France).

Two runs are scored from the same parse. The headline (top-level keys) is what ``peacetalks
places resolve`` outputs by default: toponyms plus demonym references (``places_in(doc,
demonyms=True)``), which credit "French" when we read it as France, as GWN counts adjectival
modifiers as toponyms. Under ``toponyms_only`` is the output without them (``places resolve
--no-demonyms``, ``places_in(doc)``, what the ``code`` pipeline uses); its ``by_type["noun"]``
row is the nouns-only figure (gold adjectives excluded from the denominator).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Any, Iterable, Optional

from peacetalks.evaluation import gold_path, in_half, prf, read_jsonl
from peacetalks.records import PlaceMention

TOPONYM_TYPES = frozenset({
    "Literal", "Mixed", "Metonymic", "Literal_Modifier", "Non_Literal_Modifier",
    "Embedded_Literal", "Embedded_Non_Lit", "Coercion",
})
KM_THRESHOLD = 161.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def gold_toponyms(item: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for t in item["toponyms"] if t["type"] in TOPONYM_TYPES and t.get("lat") is not None]


_ADJECTIVE_ENDINGS = ("ian", "ean", "ese", "ish", "can", "ch", "i", "ic", "ians", "ans", "ek", "ss")


def _is_adjectival(text: str) -> bool:
    """A gold toponym that is a nationality adjective or demonym ("French", "Canadian"), which
    we deliberately do not read as a place: not a known place name, and shaped like one."""
    from peacetalks.places.gazetteer import get_gazetteer, normalise

    return (text[:1].isupper() and text.endswith(_ADJECTIVE_ENDINGS)
            and normalise(text) not in get_gazetteer().index)


def score_document(item: dict[str, Any], predicted: list[PlaceMention], tally: dict[str, Counter]) -> None:
    gold = gold_toponyms(item)
    others = [t for t in item["toponyms"] if t not in gold]
    for g in gold:
        kinds = ["all", g["type"], "adjective" if _is_adjectival(g["text"]) else "noun"]
        hits = [p for p in predicted if _overlap(p.start, p.end, g["start"], g["end"])]
        close = any(p.lat is not None and haversine_km(p.lat, p.lon, g["lat"], g["lon"]) <= KM_THRESHOLD
                    for p in hits)
        for k in kinds:
            tally["gold"][k] += 1
            tally["found"][k] += bool(hits)
            tally["close"][k] += close
    for p in predicted:
        if any(_overlap(p.start, p.end, g["start"], g["end"]) for g in gold):
            tally["pred"]["tp"] += 1
        elif any(_overlap(p.start, p.end, o["start"], o["end"]) for o in others):
            tally["pred"]["fp_other_annotation"] += 1
        else:
            tally["pred"]["fp"] += 1


def evaluate(half: str = "test", limit: Optional[int] = None) -> dict[str, Any]:
    """Recall, precision and 161-km accuracy on one half ('dev', 'test' or 'all') of GWN."""
    from peacetalks.nlp import parse
    from peacetalks.places import places_in

    path = gold_path("geo_gwn.jsonl")
    if path is None:
        raise FileNotFoundError("gold/geo_gwn.jsonl not found (../shared is absent)")
    items = [it for it in read_jsonl(path) if in_half(it["id"], half)][:limit]
    with_demonyms = [places_in(parse(it["text"]), demonyms=True) for it in items]
    result = score_items(items, with_demonyms, half)
    result["toponyms_only"] = score_items(items, ([p for p in found if not p.demonym] for found in with_demonyms),
                                          half)
    return result


def score_items(items: list[dict[str, Any]], predictions: Iterable[list[PlaceMention]], half: str) -> dict[str, Any]:
    tally: dict[str, Counter] = defaultdict(Counter)
    for item, predicted in zip(items, predictions):
        score_document(item, predicted, tally)
    gold, found, close, pred = tally["gold"], tally["found"], tally["close"], tally["pred"]
    fp = pred["fp"] + pred["fp_other_annotation"]
    det = prf(pred["tp"], fp, gold["all"] - found["all"])
    det["recall"] = round(found["all"] / gold["all"], 4) if gold["all"] else 0.0
    by_kind = {k: {"n": gold[k], "recall": round(found[k] / gold[k], 4),
                   "within_161km": round(close[k] / gold[k], 4)} for k in sorted(gold)}
    return {
        "half": half, "documents": len(items), "gold_toponyms": gold["all"],
        "predicted": pred["tp"] + fp, "recall": det["recall"], "precision": det["precision"],
        "within_161km": by_kind.get("all", {}).get("within_161km", 0.0),
        "fp_on_other_annotations": pred["fp_other_annotation"], "by_type": by_kind,
    }


def format_report(result: dict[str, Any]) -> str:
    """The headline (``places resolve`` default, with demonym references), then toponyms only and
    nouns only, then recall and within-161-km by gold type for both runs."""
    lines = [
        f"GeoWebNews {result['half']}: {result['documents']} documents, {result['gold_toponyms']} gold toponyms",
        *_summary("places resolve default (toponyms + demonym references)", result),
    ]
    plain = result.get("toponyms_only")
    if plain:
        lines += _summary("toponyms only (places resolve --no-demonyms; the code pipeline)", plain)
        noun = plain["by_type"].get("noun")
        if noun:
            lines.append(f"  nouns only (toponyms only, gold adjectives excluded, n={noun['n']}): "
                         f"recall {noun['recall']:.3f}  within 161 km {noun['within_161km']:.3f}")
    lines.append("  by type:                n   recall  within161" + ("   | toponyms only: recall  within161"
                                                                       if plain else ""))
    for kind, v in result["by_type"].items():
        row = f"    {kind:<22}{v['n']:>4}   {v['recall']:.3f}   {v['within_161km']:.3f}"
        if plain and kind in plain["by_type"]:
            w = plain["by_type"][kind]
            row += f"   |                {w['recall']:.3f}   {w['within_161km']:.3f}"
        lines.append(row)
    return "\n".join(lines)


def _summary(title: str, result: dict[str, Any]) -> list[str]:
    return [
        f"  {title}: {result['predicted']} predicted",
        f"    recall {result['recall']:.3f}  precision {result['precision']:.3f}  "
        f"within 161 km (of all gold) {result['within_161km']:.3f}  "
        f"(false positives on non-toponym annotations: {result['fp_on_other_annotations']})",
    ]


if __name__ == "__main__":  # pragma: no cover
    import sys

    print(format_report(evaluate(sys.argv[1] if len(sys.argv) > 1 else "test")))

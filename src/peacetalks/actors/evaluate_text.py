"""Actors in running text, measured on the actor spans of shared/gold/plover_gsr.jsonl.

``evaluate.py`` measures ``resolve`` on short actor strings (NGEC's set). This measures the actor
stage itself: each sentence goes through spaCy and ``actor_mentions``, and each gold actor or
recipient span is matched to the first mention overlapping it. A span with no overlapping mention
counts as wrong. Agreement, not accuracy: the spans are labelled with CAMEO-era codes, so

- country codes are mapped to ISO3 where CAMEO differs (JAP, ITL, VTN), and our UN and EU codes
  (UNO, EUR) count as agreeing with the gold's IGO;
- sectors keep their first three letters (GSR writes ethnic and religious suffixes: "CVLalb"),
  CIV is CVL and a religion code (MOS, CHR, JEW...) is REL; "***" is no sector;
- the gold codes a city in target position as an actor ("shelled Kharkiv": UKR CVL), which the actor
  stage leaves to the places stage, and its sentences are from before 2014, when the knowledge base's
  roles begin: both lower the figures for reasons that are not errors of this stage.

Sentences have no date: they are read as of today, as ``peacetalks code`` reads an undated document.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from peacetalks.evaluation import gold_path, in_half, read_jsonl

GOLD = "plover_gsr.jsonl"
_COUNTRY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
_SECTOR = {"CIV": "CVL", "MOS": "REL", "CHR": "REL", "JEW": "REL", "HIN": "REL", "BUD": "REL"}
_IGO_LIKE = frozenset({"IGO", "UNO", "EUR"})


def gold_country(code: Optional[str]) -> Optional[str]:
    return _COUNTRY.get(code, code) if code else None


def gold_sector(code: Optional[str]) -> Optional[str]:
    if not code or code.startswith("*"):
        return None
    head = code[:3].upper()
    return _SECTOR.get(head, head)


def _agrees(field: str, gold: str, ours: Optional[str]) -> bool:
    if field == "country" and gold == "IGO":
        return ours in _IGO_LIKE
    return ours == gold


def evaluate(half: str = "test") -> dict[str, Any]:
    """Country and sector agreement of the actor stage on one half's gold actor spans."""
    from peacetalks.actors import actor_mentions
    from peacetalks.nlp import parse

    path = gold_path(GOLD)
    if path is None:
        raise FileNotFoundError(f"gold set {GOLD} not found: it lives in ../shared/gold")
    scored = {"country": [0, 0], "sector": [0, 0]}
    spans = 0
    for item in read_jsonl(path):
        if not in_half(str(item["id"]), half):  # type: ignore[arg-type]
            continue
        text = item["text"]
        mentions = actor_mentions(text, parse(text), dt.date.today())
        for actor in (item.get("actors") or []) + (item.get("recipients") or []):
            start = text.find(actor["text"])
            if start < 0:
                continue
            spans += 1
            end = start + len(actor["text"])
            ours = next((m for m in mentions if m.start < end and start < m.end), None)
            for field, gold in (("country", gold_country(actor.get("country"))),
                                ("sector", gold_sector(actor.get("sector")))):
                if gold is None:
                    continue
                scored[field][1] += 1
                scored[field][0] += _agrees(field, gold, getattr(ours, field) if ours else None)
    return {"half": half, "spans": spans,
            **{f: {"agreement": round(ok / n, 4) if n else 0.0, "agreed": ok, "n": n} for f, (ok, n) in scored.items()}}


def format_report(result: dict[str, Any]) -> str:
    lines = [f"actors in running text (PLOVER GSR actor spans, half={result['half']}, spans={result['spans']})"]
    for field, label in (("country", "country"), ("sector", "sector ")):
        r = result[field]
        lines.append(f"  {label} agreement {r['agreement']:.3f}  ({r['agreed']}/{r['n']})")
    return "\n".join(lines)

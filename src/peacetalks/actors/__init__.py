"""Who acts: the actor knowledge base, ``resolve`` for actor strings, and the pipeline stage.

Public API:
    resolve(text, date=None, context=None) -> Resolution
    annotate(analysis)                      pipeline stage: fills analysis.actors
    actor_mentions(text, doc, published)    the same on plain text (doc optional)
    configure(extra_files)                  merge user YAML files (also $PEACETALKS_ACTORS)
    show(name, date=None) -> dict | None    a knowledge-base entry with its roles
"""

from __future__ import annotations

from peacetalks.actors.annotate import actor_mentions, annotate
from peacetalks.actors.kb import configure, get_kb
from peacetalks.actors.resolver import Resolution, parse_date, resolve, show

__all__ = ["Resolution", "actor_mentions", "annotate", "configure", "get_kb", "parse_date", "resolve", "show"]

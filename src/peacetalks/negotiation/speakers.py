"""The rank of a speaker from a stored actor record, without the document (for consolidation).

Ranks are meeting levels (``LEVEL_RANK``): a head of state speaks at "leaders", a minister at
"ministers", a spokesman or envoy at "envoys". They come from the fallback lexicon's entries
(``data/parties.yaml``: ``rank`` by ``actor_id``) and else from a title in the actor's role.
"""

from __future__ import annotations

import functools
from typing import Any, Optional

from peacetalks.negotiation import lexicon

LEVEL_RANK = {"leaders": 5, "ministers": 4, "envoys": 3, "delegations": 2, "working_groups": 1, "technical": 0}


@functools.lru_cache(maxsize=1)
def ranks_by_id() -> dict[str, str]:
    return {str(info["actor_id"]): str(info["rank"]) for entries in lexicon.parties().by_first.values()
            for _, info in entries if info.get("actor_id") and info.get("rank")}


def speaker_level(actor: Optional[dict[str, Any]]) -> Optional[str]:
    """"leaders" for a president, "ministers" for a foreign minister ...; None when unknown."""
    if not actor:
        return None
    if actor.get("actor_id") in ranks_by_id():
        return ranks_by_id()[actor["actor_id"]]
    role = (actor.get("role") or "").lower()
    return next((level for title, level in lexicon.parties().titles.items() if role and title in role), None)

"""The rank of a speaker from a stored actor record, without the document (for consolidation).

Ranks are meeting levels (``LEVEL_RANK``): a head of state speaks at "leaders", a minister at
"ministers", a spokesman or envoy at "envoys". They come from the fallback lexicon's entries
(``data/parties.yaml``: ``rank`` by ``actor_id``) and else from a title in the actor's role.
"""

from __future__ import annotations

import functools
from typing import Any, Optional

from peacetalks.negotiation import lexicon
from peacetalks.records import MEETING_FORMATS

LEVEL_RANK = {"leaders": 5, "ministers": 4, "envoys": 3, "delegations": 2, "working_groups": 1, "technical": 0}


@functools.lru_cache(maxsize=1)
def ranks_by_id() -> dict[str, str]:
    return {str(info["actor_id"]): str(info["rank"]) for entries in lexicon.parties().by_first.values()
            for _, info in entries if info.get("actor_id") and info.get("rank")}


def speaker_level(actor: Optional[dict[str, Any]]) -> Optional[str]:
    """"leaders" for a president, "ministers" for a foreign minister ...; None when unknown."""
    return level_of(actor.get("actor_id"), actor.get("role")) if actor else None


def level_of(actor_id: Optional[str], role: Optional[str]) -> Optional[str]:
    """The level of a known person (lexicon rank by id), else of the title in their role."""
    if actor_id and actor_id in ranks_by_id():
        return ranks_by_id()[actor_id]
    role = (role or "").lower()
    return next((level for title, level in lexicon.parties().titles.items() if role and title in role), None)



def meeting_format(n_parties: int, stated: Any = ()) -> str:
    """The format of a meeting of ``n_parties`` distinct parties (a state's several mentions, a
    bloc: one party each). A stated format ("three-way talks") wins only when it says more parties
    than are named (the missing one is implied), never fewer."""
    counted = MEETING_FORMATS[0] if n_parties <= 2 else MEETING_FORMATS[1] if n_parties == 3 else MEETING_FORMATS[2]
    said = max((f for f in stated if f in MEETING_FORMATS), key=MEETING_FORMATS.index, default=counted)
    return said if MEETING_FORMATS.index(said) > MEETING_FORMATS.index(counted) else counted

"""Reduced-precision ISO dates against a publication date (no spaCy: the store and the API use it).

A record dated more than ``HISTORY_DAYS`` before the article that reports it is a past
thing recalled ("the 2022 Istanbul talks", "his term expired in May 2024"), not news of
the current phase: docs/negotiation.md, "Historical meetings".
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

HISTORY_DAYS = 180  # older than half a year before the report: not this phase's news


def period_end(date: str) -> Optional[dt.date]:
    """The last day an ISO date of any precision covers: "2022" -> 2022-12-31."""
    try:
        if len(date) >= 10:
            return dt.date.fromisoformat(date[:10])
        if len(date) == 7:
            y, m = int(date[:4]), int(date[5:7])
            return dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date(int(date[:4]), 12, 31)
    except ValueError:
        return None


def is_old(date: Optional[str], published: Optional[dt.date], days: int = HISTORY_DAYS) -> bool:
    """True when the date ends more than ``days`` before ``published``."""
    if not date or published is None:
        return False
    end = period_end(str(date))
    return end is not None and end < published - dt.timedelta(days=days)

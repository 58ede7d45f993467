"""Reading the dates that documents carry (their ``published`` field)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def parse_published(value: object) -> Optional[dt.date]:
    """The calendar date of an ISO date/datetime string, a date or a datetime; else None.

    A reduced-precision ISO date ('YYYY-MM', 'YYYY') gives the first day of its period."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _ISO.match(str(value))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None

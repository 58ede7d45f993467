"""Publication dates from whatever a source gives, as ISO strings (never shifted or clamped:
a future date stays as given, a missing one is None)."""

from __future__ import annotations

import datetime as dt
import re
import time
from email.utils import parsedate_to_datetime
from typing import Optional

_TIME_RE = re.compile(r"\d:\d\d")
_ISO_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")


def iso_published(value: object) -> Optional[str]:
    """An ISO date/datetime string for a str, number (epoch seconds), date, datetime or
    struct_time; None when absent or unreadable."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return dt.datetime(*value[:6], tzinfo=dt.timezone.utc).isoformat()
    if isinstance(value, (int, float)):
        try:
            return dt.datetime.fromtimestamp(float(value), tz=dt.timezone.utc).isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    return _from_string(str(value).strip())


def _from_string(text: str) -> Optional[str]:
    if not text or len(text) > 100:
        return None
    if _ISO_RE.match(text):
        return text.replace(" ", "T", 1) if " " in text else text
    try:  # RFC 2822, the RSS date format
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        from dateutil import parser  # comes with htmldate (trafilatura)
        parsed = parser.parse(text)
    except (ImportError, ValueError, OverflowError, TypeError):
        return None
    # "10 August 2025" has no time: say so, rather than invent midnight.
    return parsed.isoformat() if _TIME_RE.search(text) else parsed.date().isoformat()

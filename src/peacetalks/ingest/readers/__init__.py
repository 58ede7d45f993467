"""Format readers: each turns bytes (or a byte stream) into ``Raw`` items, Skipped or IngestError."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass
class Raw:
    """What a reader found, before cleaning, language check and id assignment."""

    text: str
    source: str
    id_hint: str  # used for the id when the source has none (a slug base)
    id: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    author: Optional[str] = None

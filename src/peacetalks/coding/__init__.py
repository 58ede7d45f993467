"""Pipeline stage 'events': PLOVER event coding with evidence spans.

``annotate(analysis)`` appends ``Event`` records to ``analysis.events``; see docs/coding.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from peacetalks.pipeline import Analysis

__all__ = ["annotate"]


def annotate(analysis: "Analysis") -> None:
    """Code the document's events (lazy import keeps ``import peacetalks.coding`` cheap)."""
    from peacetalks.coding.coder import annotate as _annotate

    _annotate(analysis)

"""Pipeline stage 'negotiation': meetings and positions of a peace process.

``annotate(analysis)`` fills ``analysis.meetings`` and ``analysis.positions`` from the
spaCy parse and the actor mentions; ``consolidate``, ``process`` and ``brief`` work on
the stored records of many documents. See docs/negotiation.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peacetalks.negotiation.parties import build_index

if TYPE_CHECKING:  # pragma: no cover
    from peacetalks.pipeline import Analysis

__all__ = ["annotate"]


def annotate(analysis: "Analysis") -> None:
    """Fill ``analysis.meetings`` and ``analysis.positions``."""
    from peacetalks.negotiation import meetings, positions

    index = build_index(analysis.doc, analysis.actors)
    analysis.meetings = meetings.extract(analysis, index)
    analysis.positions = positions.extract(analysis, index)

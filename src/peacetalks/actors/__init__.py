"""Pipeline stage 'actors' (placeholder until its first implementation lands)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from peacetalks.pipeline import Analysis


def annotate(analysis: "Analysis") -> None:
    """Fill this stage's part of the analysis."""

"""Property tests: the coder never raises and its spans always index the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import peacetalks

WORDS = ["Russia", "Ukraine", "Lavrov", "said", "that", "forces", "attacked", "Kyiv", "and", "Lviv",
         "talks", "held", "in", "Geneva", "not", "will", "sanctions", "imposed", "on", "refused", "to",
         "meet", "the", "strikes", ".", ",", "\n", "only", "if", "demanded", "withdrawal", "’s", "Moscow"]


def _check(text: str) -> None:
    result = peacetalks.code(text, published="2025-08-10")
    for e in result.events:
        assert e.evidence.text == text[e.evidence.start:e.evidence.end]
        assert e.trigger.text == text[e.trigger.start:e.trigger.end]
        assert e.evidence.start <= e.trigger.start <= e.trigger.end <= e.evidence.end
        assert 0.0 <= e.confidence <= 1.0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=40).map(" ".join))
def test_generated_documents_keep_span_invariants(text: str) -> None:
    _check(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    _check(text)

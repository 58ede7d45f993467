"""No knowledge-base entry writes a name or alias that another entry already writes the same way
(accents, case and punctuation aside): two entries sharing a name would name nobody, or the wrong one.
Checked for the breadth rounds' files (people/r5_* to r8_*), each against the whole knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest

from peacetalks.actors.kb import DATA
from actor_helpers import name_clashes

ROUND_FILES = sorted(p for p in (DATA / "people").glob("r[5-9]_*.yaml"))


def test_the_rounds_files_are_there() -> None:
    assert len(ROUND_FILES) >= 21


@pytest.mark.parametrize("path", ROUND_FILES, ids=lambda p: p.name)
def test_no_name_of_a_rounds_file_repeats_another_entry(path: Path) -> None:
    assert not name_clashes(path)

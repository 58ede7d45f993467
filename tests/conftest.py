"""Shared fixtures: the ../shared folder (skipped when absent) and the seed article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from peacetalks.evaluation import shared_dir

# The hash seed of spawned processes and hypothesis' database stay out of the tree.
os.environ.setdefault("PEACETALKS_TESTING", "1")


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared is absent (a user's clone): gold sets and the seed are not available")
    return path


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    return (shared / "seed" / "peace-talks-article.txt").read_text(encoding="utf-8")


SEED_PUBLISHED = "2025-08-10"

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


SEED_PUBLISHED = "2025-08-10"  # the seed article reads as written in early August 2025


@pytest.fixture(scope="session")
def seed_published() -> str:
    return SEED_PUBLISHED


@pytest.fixture()
def pg_url():
    """A fresh, empty PostgreSQL database on the test server ($PEACETALKS_TEST_PG_URL), dropped afterwards."""
    base = os.environ.get("PEACETALKS_TEST_PG_URL")
    if not base:
        pytest.skip("PEACETALKS_TEST_PG_URL is not set: no PostgreSQL server for this run (make test starts one)")
    import uuid

    import psycopg

    name = f"pt_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    prefix, _, _ = base.rpartition("/")
    yield f"{prefix}/{name}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

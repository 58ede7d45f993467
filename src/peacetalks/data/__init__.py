"""Bundled data shipped with peacetalks: the illustrative sample corpus.

The sample corpus (``sample/``) is a set of news-style articles written by the peacetalks
developers about a stylised Russia-Ukraine negotiation (2025-04-21 .. 2025-06-20). It is
used for demos, the ``ingest`` smoke tests and end-to-end checks; what it was written to
contain is listed in ``tests/data/sample_expectations.yaml``. See ``sample/README.md``.
"""

from __future__ import annotations

from pathlib import Path

from peacetalks.data.corpus import SampleDocument, sample_documents

__all__ = ["SampleDocument", "sample_dir", "sample_documents", "sample_inputs"]

# Files in sample/ that are documentation, not input for ingest.
_NOT_INPUT = {"README.md"}
_INPUT_SUFFIXES = {".jsonl", ".html", ".txt", ".xml"}


def sample_dir() -> Path:
    """The folder holding the sample corpus files (inside the installed package)."""
    return Path(__file__).resolve().parent / "sample"


def sample_inputs() -> list[Path]:
    """Every input file of the sample corpus, ``articles.jsonl`` first, then the rest by name.

    The order is fixed so that a demo ingest always yields the same document order.
    """
    files = [p for p in sample_dir().iterdir()
             if p.is_file() and p.suffix in _INPUT_SUFFIXES and p.name not in _NOT_INPUT]
    return sorted(files, key=lambda p: (p.name != "articles.jsonl", p.name))

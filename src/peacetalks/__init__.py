"""peacetalks: news in, an evidence-backed record of a peace process out.

Python API for notebooks::

    import peacetalks
    result = peacetalks.code("Lavrov said ...", published="2025-08-10")
    result.events[0].event_type

    store = peacetalks.open("sqlite:///peacetalks.db")
    store.events(country="RUS")            # list of dicts
    store.events(country="RUS", as_frame=True)  # pandas DataFrame, if pandas is installed
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # pragma: no cover
    from peacetalks.records import DocumentResult
    from peacetalks.store import Store

__all__ = ["__version__", "code", "open"]


def code(text: str, published: Optional[str] = None, id: str = "doc", title: Optional[str] = None,
         url: Optional[str] = None) -> "DocumentResult":
    """Code one text: events, actors, places, meetings and positions (typed records)."""
    from peacetalks.pipeline import InputDocument, code_document

    return code_document(InputDocument(id=id, text=text, title=title, published=published, url=url))


def open(db_url: Optional[str] = None) -> "Store":  # noqa: A001 - mirrors sqlite3.connect/open
    """Open (and migrate) a store: a SQLite path or URL, or a postgresql:// URL."""
    from peacetalks.store import Store

    return Store.open(db_url)

"""The store: SQLite (WAL, the embedded default) or PostgreSQL, migrated by Alembic.

    from peacetalks.store import Store
    with Store.open("peacetalks.db") as store:
        store.save_document(doc, sentences, result)
        store.events(country="RUS", since="2025-08-01")
"""

from peacetalks.store.core import Store
from peacetalks.store.engine import StoreError

__all__ = ["Store", "StoreError"]

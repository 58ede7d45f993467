"""Reading documents from files, folders, feeds and URLs, ready for the pipeline.

    from peacetalks.ingest import iter_items, Document
    for item in iter_items(["articles/", "https://example.org/feed.xml"]):
        if isinstance(item, Document):
            pipeline.code_document(item.to_input())

Every input yields Documents, Skipped (not English, empty, binary, duplicate...) and
IngestError (one line naming file and line); a bad item never stops the run.
No database here: de-duplication across runs is the store's job (by ``content_hash``).
"""

from __future__ import annotations

from peacetalks.ingest.fetch import FetchError, Response
from peacetalks.ingest.langid import detect_language
from peacetalks.ingest.model import Document, IngestConfig, IngestError, Item, Skipped
from peacetalks.ingest.normalise import content_hash, normalise_text
from peacetalks.ingest.sniff import sniff
from peacetalks.ingest.walk import iter_items

__all__ = [
    "Document", "Skipped", "IngestError", "IngestConfig", "Item", "Response", "FetchError",
    "iter_items", "normalise_text", "content_hash", "detect_language", "sniff",
]

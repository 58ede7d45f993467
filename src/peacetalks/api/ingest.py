"""POST /api/ingest: fetch and store feed or page URLs (write token required).

Only http(s) URLs are accepted, never paths (a request must not read the server's files); the
fetcher itself refuses private, loopback and link-local addresses after DNS resolution and on
every redirect unless the server's ingest config allows them (see docs/ingest.md)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field, field_validator

from peacetalks.api.auth import require_write
from peacetalks.api.routes import store_of

MAX_URLS = 20
router = APIRouter(prefix="/api", dependencies=[Depends(require_write)])


class IngestRequest(BaseModel):
    urls: list[str] = Field(min_length=1, max_length=MAX_URLS, description="feed, OPML or page URLs (http/https)")

    @field_validator("urls")
    @classmethod
    def _http_only(cls, urls: list[str]) -> list[str]:
        for url in urls:
            parts = urlsplit(url)
            if len(url) > 2000 or parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"not an http(s) URL: {url[:100]!r}")
        return urls


@router.post("/ingest", tags=["documents"])
def ingest(request: Request, body: IngestRequest) -> dict[str, Any]:
    """Fetch, code and store the URLs now; the answer is the run's summary (failures included)."""
    from peacetalks.ingest.model import IngestConfig
    from peacetalks.runner import run_ingest

    config = getattr(request.app.state, "ingest_config", None) or IngestConfig()
    summary = run_ingest(list(body.urls), store_of(request), config, errors_to=_Silent())
    return summary.as_dict()


class _Silent:
    """run_ingest prints failures for a terminal; here they are in the response instead."""

    def write(self, _text: str) -> int:
        return 0

    def flush(self) -> None:
        return None

"""The HTTP service: JSON under /api, server-rendered pages at / (see peacetalks.web), the
OpenAPI document at /openapi.json and our own browser of it at /docs (no CDN).

    uvicorn --factory peacetalks.api:create_app
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import AsyncIterator, Optional, Sequence

from fastapi import FastAPI

from peacetalks import __version__
from peacetalks.api import errors, routes
from peacetalks.api.middleware import BodyLimit, SecurityHeaders
from peacetalks.store import Store

MAX_BODY = 4_000_000  # bytes; a bigger request is refused with 413 before it is parsed


def create_app(store_url: Optional[str] = None, *, read_token: Optional[str] = None,
               write_token: Optional[str] = None, cors_origins: Sequence[str] = (),
               max_body: int = MAX_BODY, warm_views: bool = False) -> FastAPI:
    """An app serving the store at ``store_url`` (None: $PEACETALKS_DB or ./peacetalks.db).

    The store is opened (and migrated) now, so a bad URL fails here with a StoreError, not on
    the first request; it is closed when the app shuts down. CORS stays off unless
    ``cors_origins`` names the origins allowed to read (GET only). ``warm_views`` keeps the
    process views recomputed in the background after every change of the store's contents
    (``peacetalks.api.warm``; ``peacetalks serve`` turns it on)."""
    store = Store.open(store_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        from peacetalks.api.warm import Warmer

        warmer = Warmer(store).start() if warm_views else None
        try:
            yield
        finally:
            if warmer is not None:
                warmer.stop()
            store.close()

    # Swagger UI would load from a CDN: /docs is our own page over /openapi.json instead.
    app = FastAPI(title="peacetalks", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="PLOVER events, meetings and positions of a peace process, each with its evidence.")
    app.state.store = store
    app.state.read_token = read_token or None
    app.state.write_token = write_token or None
    errors.install(app)
    _routers(app)
    from peacetalks import web
    web.install(app)
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"],
                           allow_headers=["Authorization", "X-API-Token"])
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_body=max_body)
    return app


def _routers(app: FastAPI) -> None:
    from peacetalks.api import explore, ingest, talks

    for router in (routes.router, routes.read, routes.write, explore.router, talks.router, ingest.router):
        app.include_router(router)


__all__ = ["create_app"]

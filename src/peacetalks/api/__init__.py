"""The HTTP service: JSON under /api, server-rendered pages at / (see peacetalks.web), docs at /docs.

    uvicorn --factory peacetalks.api:create_app
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import AsyncIterator, Optional

from fastapi import FastAPI

from peacetalks import __version__
from peacetalks.api import errors, routes
from peacetalks.store import Store


def create_app(store_url: Optional[str] = None, *, read_token: Optional[str] = None,
               write_token: Optional[str] = None) -> FastAPI:
    """An app serving the store at ``store_url`` (None: $PEACETALKS_DB or ./peacetalks.db).

    The store is opened (and migrated) now, so a bad URL fails here with a StoreError, not on
    the first request; it is closed when the app shuts down."""
    store = Store.open(store_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="peacetalks", version=__version__, lifespan=lifespan,
                  description="PLOVER events, meetings and positions of a peace process, each with its evidence.")
    app.state.store = store
    app.state.read_token = read_token or None
    app.state.write_token = write_token or None
    errors.install(app)
    app.include_router(routes.router)
    app.include_router(routes.read)
    app.include_router(routes.write)
    from peacetalks import web
    web.install(app)
    return app


__all__ = ["create_app"]

"""Optional bearer tokens: a read token guards data, a write token guards changes.

The token may come as ``Authorization: Bearer <token>``, an ``X-API-Token`` header, or a ``token``
query parameter (so a browser can open the pages). Without a read token reading is open; without
a write token writing is disabled."""

from __future__ import annotations

import hmac
from typing import Optional

from fastapi import HTTPException, Request


def _presented(request: Request) -> Optional[str]:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-api-token") or request.query_params.get("token")


def _matches(given: Optional[str], expected: Optional[str]) -> bool:
    return bool(given and expected and hmac.compare_digest(given.encode(), expected.encode()))


def require_read(request: Request) -> None:
    read, write = request.app.state.read_token, request.app.state.write_token
    if read is None:
        return
    given = _presented(request)
    if not (_matches(given, read) or _matches(given, write)):
        raise HTTPException(401, "a valid read token is required", headers={"WWW-Authenticate": "Bearer"})


def require_write(request: Request) -> None:
    write = request.app.state.write_token
    if write is None:
        raise HTTPException(403, "writing is disabled: the server has no write token")
    if not _matches(_presented(request), write):
        raise HTTPException(401, "a valid write token is required", headers={"WWW-Authenticate": "Bearer"})

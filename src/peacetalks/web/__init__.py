"""Server-rendered pages (Jinja2, autoescaped): recent events at /, a document with one event's
evidence highlighted at /documents/{id}?event={event_id}. CSS/JS come from web/static."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from peacetalks.api.auth import require_read
from peacetalks.web.highlight import highlight

HERE = Path(__file__).parent
PAGE_SIZE = 50


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    # autoescape for every template, whatever its extension: document text is untrusted
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True)
    env.filters["names"] = _names
    env.globals["doc_link"] = doc_link
    return Jinja2Templates(env=env)


def _names(actors: list[dict[str, Any]]) -> str:
    return ", ".join(a.get("name") or a.get("text") or "?" for a in actors or []) or "-"


def doc_link(request: Request, doc_id: str, event_id: Optional[str] = None) -> str:
    """Path of a document page (optionally with an event), keeping a token given in the query."""
    params = {"event": event_id} if event_id else {}
    if token := request.query_params.get("token"):
        params["token"] = token
    url = request.app.url_path_for("document_page", doc_id=doc_id)
    return str(url) + ("?" + urlencode(params) if params else "")


def render_error(request: Request, status: int, message: str) -> Response:
    return templates().TemplateResponse(request, "error.html", {"status": status, "message": message},
                                        status_code=status)


def install(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_api_route("/", events_page, methods=["GET"], response_class=HTMLResponse,
                      dependencies=[Depends(require_read)], include_in_schema=False, name="events_page")
    app.add_api_route("/documents/{doc_id}", document_page, methods=["GET"], response_class=HTMLResponse,
                      dependencies=[Depends(require_read)], include_in_schema=False, name="document_page")


def events_page(request: Request, offset: int = Query(0, ge=0), type: Optional[str] = None,
                country: Optional[str] = None, actor: Optional[str] = None) -> Response:
    store = request.app.state.store
    items = store.events(type=type, country=country, actor=actor, order="-date", limit=PAGE_SIZE, offset=offset)
    return templates().TemplateResponse(request, "events.html", {
        "events": items, "offset": offset, "page_size": PAGE_SIZE,
        "filters": {"type": type or "", "country": country or "", "actor": actor or ""},
        "token": request.query_params.get("token")})


def document_page(request: Request, doc_id: str, event: Optional[str] = None) -> Response:
    doc = request.app.state.store.document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    chosen = next((e for e in doc["events"] if e["id"] == event), None) if event else None
    if event and chosen is None:
        raise HTTPException(404, f"document {doc_id!r} has no event {event!r}")
    marked = highlight(doc["text"], chosen["evidence"] if chosen else None, chosen["trigger"] if chosen else None)
    return templates().TemplateResponse(request, "document.html", {
        "doc": doc, "event": chosen, "text": marked, "token": request.query_params.get("token")})

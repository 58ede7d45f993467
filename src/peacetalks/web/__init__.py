"""Server-rendered pages (Jinja2, autoescaped everywhere: document text is untrusted).

Pages: overview of a process (/ and /process/{name}), timeline, events, meetings board,
positions matrix, actors, map, document reader, search, briefing, and /docs (the API). Every
table reads without JavaScript; web/static/app.js only adds conveniences. CSS and JS are
served from web/static, nothing from a CDN. See docs/dashboard.md."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from peacetalks.api.auth import require_read

HERE = Path(__file__).parent
PAGE_SIZE = 50


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    # autoescape for every template, whatever its extension: document text is untrusted
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True)
    env.filters["names"] = _names
    env.filters["label"] = lambda v: str(v or "").replace("_", " ")
    env.filters["outlet"] = outlet
    env.globals["doc_link"] = doc_link
    env.globals["link"] = link
    return Jinja2Templates(env=env)


def _names(actors: list[dict[str, Any]]) -> str:
    return ", ".join(a.get("name") or a.get("text") or "?" for a in actors or []) or "-"


def outlet(source: Optional[str]) -> str:
    """An outlet's name; a document's source that is the file or URL it was read from is not shown."""
    return "" if not source or "/" in source else source


def link(request: Request, name: str, _params: Optional[dict[str, Any]] = None, **path: Any) -> str:
    """Path of a named page with query parameters (empty ones dropped), keeping a token given in the query."""
    params = {k: v for k, v in (_params or {}).items() if v not in (None, "")}
    if token := request.query_params.get("token"):
        params["token"] = token
    url = str(request.app.url_path_for(name, **path))
    return url + ("?" + urlencode(params) if params else "")


def doc_link(request: Request, doc_id: str, event_id: Optional[str] = None,
             span: Optional[dict[str, Any]] = None) -> str:
    """The document reader, with an event's evidence or a span (start-end) highlighted."""
    params: dict[str, Any] = {"event": event_id}
    if span and span.get("start") is not None and span.get("end") is not None:
        params["span"] = f"{span['start']}-{span['end']}"
    return link(request, "document_page", params, doc_id=doc_id)


def render(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> Response:
    context.setdefault("token", request.query_params.get("token"))
    return templates().TemplateResponse(request, template, context, status_code=status_code)


def render_error(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", {"status": status, "message": message}, status_code=status)


def install(app: FastAPI) -> None:
    from peacetalks.web import pages

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for path, handler, name in pages.ROUTES:
        deps = [] if name == "api_docs" else [Depends(require_read)]
        app.add_api_route(path, handler, methods=["GET"], response_class=HTMLResponse, dependencies=deps,
                          include_in_schema=False, name=name)

"""The FastAPI app (``create_app``) and ``newsfuse serve``.

Security: every page is escaped HTML without script under a strict Content-Security-Policy; writes
need the configured token (none configured = writes refused); bodies and batches are limited; CORS
is off unless origins are configured; errors reach clients as short JSON, never as stack traces.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from newsfuse.readers.sanitize import clean_value
from newsfuse.store import open_store
from newsfuse.web import api, pages
from newsfuse.web.ingest import Ingestor
from newsfuse.web.security import BodyLimit, SecurityHeaders
from newsfuse.web.settings import Settings

log = logging.getLogger("newsfuse.web")


def create_app(settings: Settings) -> FastAPI:
    """The app over the store at ``settings.db`` (opened, migrated and brought up to date now)."""
    settings.check()
    store = open_store(settings.db)
    try:
        ingestor = Ingestor(
            store,
            settings.options,
            settings.steps,
            settings.today,
            story_budget=settings.story_budget_seconds,
            story_process=settings.story_process,
            index_process=settings.index_process,
        )
    except Exception:
        store.close()
        raise

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        ingestor.close()
        store.close()

    app = FastAPI(
        title="newsfuse",
        summary="Cross-checked news stories from articles as they arrive.",
        version="0.1.0",
        # Swagger UI and ReDoc load scripts from a CDN, which the CSP forbids; /openapi.json stays.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.ingestor = ingestor
    app.state.page_cache = pages.PageCache()  # story pages (HTML)
    app.state.story_json_cache = pages.PageCache()  # GET /api/stories/{id}

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse({"detail": "internal error (details are in the server log)"}, status_code=500)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        errors = _printable(jsonable_encoder(exc.errors()))
        if request.url.path.startswith("/api/") or request.url.path == "/api":
            return JSONResponse({"detail": errors}, status_code=422)
        return pages.bad_request(errors)  # a page: an HTML answer, not JSON

    app.include_router(api.router)
    app.include_router(pages.router)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def _printable(value: Any) -> Any:
    """Validation errors echo the input: without lone surrogates or NUL, and with NaN/Infinity (which
    Python's JSON parser accepts but strict JSON cannot write) as strings, they can be encoded and shown."""
    if isinstance(value, str):
        return clean_value(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, list):
        return [_printable(v) for v in value]
    if isinstance(value, dict):
        return {clean_value(str(k)): _printable(v) for k, v in value.items()}
    return value


def _load_paths(app: FastAPI, paths: list[str]) -> None:
    """``serve --load PATH...``: ingest files before serving (stored once: re-loading adds nothing)."""
    from newsfuse.pipeline import read_step

    for p in paths:
        if p != "-" and not os.path.exists(p):
            raise FileNotFoundError(f"no such file or directory: {p}")
    docs, rejected = read_step(paths, app.state.settings.options)
    for r in rejected:
        log.warning("rejected %s: %s %s", r.origin, r.reason, r.detail)
    outcomes = app.state.ingestor.add(docs, wait=True)
    log.info("loaded %d documents (%d rejected while reading)", len(outcomes), len(rejected))


def serve(args: argparse.Namespace) -> int:
    """``newsfuse serve``: run the app with uvicorn until interrupted."""
    import uvicorn

    if not 0 < args.port < 65536:
        raise ValueError(f"--port must be between 1 and 65535, not {args.port}")
    token = args.token or os.environ.get("NEWSFUSE_TOKEN") or None
    budget = getattr(args, "story_budget", None)
    if budget is not None and budget < 0:
        raise ValueError(f"--story-budget must be 0 (no limit) or positive, not {budget:g}")
    settings = (
        Settings(db=args.db, token=token)
        if budget is None
        else Settings(db=args.db, token=token, story_budget_seconds=budget or None)
    )
    app = create_app(settings)
    load = list(getattr(args, "load", None) or [])
    if load:
        _load_paths(app, load)
    if not token:
        log.warning("no write token (--token or NEWSFUSE_TOKEN): the API refuses writes; pages and reads work")
    quiet = bool(getattr(args, "quiet", False))
    if not quiet:
        log.info(
            "serving %s on http://%s:%d/",
            settings.db if "://" not in settings.db else "PostgreSQL",
            args.host,
            args.port,
        )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning" if quiet else "info", access_log=not quiet)
    return 0

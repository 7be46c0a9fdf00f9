"""The FastAPI application factory."""

from __future__ import annotations

import logging
import re
import time
import uuid
from typing import Any

from fastapi import FastAPI
from sqlalchemy.orm import Session, sessionmaker
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.auth.routes import router as auth_router
from backend.clock import BusinessClock
from backend.db import make_engine, make_sessionmaker
from backend.errors import install_error_handlers, internal_error_response
from backend.settings import Settings

log = logging.getLogger(__name__)

REQUEST_ID_HEADER = "X-Request-ID"
_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")


class RequestIdMiddleware:
    """Gives every request an id (the caller's `X-Request-ID` if sane, else a uuid4), stores it in
    `request.state.request_id`, echoes it on the response, and turns an error that escaped
    every handler into a 500 problem (logged with its traceback). It also reports the time the
    app spent on the request in a `Server-Timing: app;dur=<ms>` header, which the benchmarks
    read as server time."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = None
        for name, value in scope.get("headers", ()):
            if name == b"x-request-id":
                candidate = value.decode("latin-1")
                if _SANE_REQUEST_ID.match(candidate):
                    request_id = candidate
                break
        if request_id is None:
            request_id = uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        header = (b"x-request-id", request_id.encode("latin-1"))
        started = False
        began = time.perf_counter()

        async def send_with_request_id(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"x-request-id"]
                headers.append(header)
                elapsed_ms = (time.perf_counter() - began) * 1000
                headers.append((b"server-timing", f"app;dur={elapsed_ms:.3f}".encode("latin-1")))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_request_id)
        except Exception:
            method, path = scope.get("method"), scope.get("path")
            log.exception("unhandled error in %s %s (request %s)", method, path, request_id)
            if started:
                raise
            await internal_error_response(request_id)(scope, receive, send_with_request_id)


def create_app(
    settings: Settings | None = None,
    *,
    clock: BusinessClock | None = None,
    session_factory: sessionmaker[Session] | None = None,
) -> FastAPI:
    """The servicing API. Without a `session_factory`, one is made from `settings.database_url`."""
    settings = settings or Settings.from_env()
    clock = clock or BusinessClock.from_env()
    if session_factory is None:
        session_factory = make_sessionmaker(make_engine(settings.database_url))

    app = FastAPI(
        title="CreditDesk servicing API",
        version="1.0.0",
        description="Servicing API of CreditDesk: customers, accounts, bills, installments, cases.",
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.clock = clock
    app.state.session_factory = session_factory

    install_error_handlers(app)
    app.add_middleware(RequestIdMiddleware)

    @app.get("/healthz", tags=["health"])
    async def healthz() -> dict[str, Any]:
        """Liveness; touches no database, so it is the round-trip floor for benchmarks."""
        return {"status": "ok"}

    app.include_router(auth_router)
    from backend.api import router as domain_router

    app.include_router(domain_router)
    return app

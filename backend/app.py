"""The FastAPI application factory."""

from __future__ import annotations

import asyncio
import gc
import inspect
import logging
import re
import time
import uuid
from typing import Any
from urllib.parse import parse_qsl

import anyio.to_thread
from fastapi import FastAPI
from fastapi.routing import APIRoute
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.auth.checked_tokens import CheckedTokens, TokenChangeListener
from backend.auth.routes import router as auth_router
from backend.clock import BusinessClock
from backend.db import make_engine, make_sessionmaker
from backend.deps import in_one_call
from backend.errors import (
    Overloaded,
    Problem,
    ValidationFailed,
    install_error_handlers,
    internal_error_response,
    is_overload,
)
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
        except Exception as exc:
            method, path = scope.get("method"), scope.get("path")
            if is_overload(exc) and not started:
                log.warning("overloaded: %s %s answered 503 (%s)", method, path, exc)
                await Overloaded().to_response(request_id)(scope, receive, send_with_request_id)
                return
            log.exception("unhandled error in %s %s (request %s)", method, path, request_id)
            if started:
                raise
            await internal_error_response(request_id)(scope, receive, send_with_request_id)


# On every answer: nothing is cached by a browser or proxy (tokens, revealed values, customer data),
# and no client guesses a content type.
SECURITY_HEADERS = ((b"cache-control", b"no-store"), (b"x-content-type-options", b"nosniff"))


class BodyTooLarge(StarletteHTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body is over the {limit:,} bytes this server accepts.")


def _repeated_query_parameters(query_string: bytes) -> list[str]:
    """The names given more than once in a query string. No parameter of this API is a list
    (lists are comma lists, `type=purchase,refund`), and FastAPI would silently keep one of the
    values, so a repeated name is refused (422) rather than half read."""
    if b"&" not in query_string:
        return []
    names = [name for name, _value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)]
    return sorted({name for name in names if names.count(name) > 1})


class RequestLimitsMiddleware:
    """Refuses a request body over `max_body_bytes` with 413 before reading it: at once when its
    Content-Length says so, else when the bytes streamed in pass the limit (the handler reading
    the body gets a 413 problem). Also adds `SECURITY_HEADERS` to every answer."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    def _too_large(self, scope: Scope) -> Any:
        problem = Problem(
            f"The request body is over the {self.max_body_bytes:,} bytes this server accepts.",
            status=413, code="payload_too_large", title="Content Too Large",
        )
        return problem.to_response(scope.get("state", {}).get("request_id"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {h[0].lower() for h in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.max_body_bytes:
                    await self._too_large(scope)(scope, receive, send_with_headers)
                    return
        repeated = _repeated_query_parameters(scope.get("query_string", b""))
        if repeated:
            problem = ValidationFailed(
                f"Give each query parameter once: {', '.join(repeated)} came more than once.",
                errors={f"query.{name}": ["given more than once"] for name in repeated},
            )
            await problem.to_response(scope.get("state", {}).get("request_id"))(scope, receive, send_with_headers)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise BodyTooLarge(self.max_body_bytes)
            return message

        try:
            await self.app(scope, counting_receive, send_with_headers)
        except BodyTooLarge:
            if started:
                raise
            await self._too_large(scope)(scope, receive, send_with_headers)


# Headers the API requires though FastAPI declares them optional (missing is answered with its own
# status, 400 idempotency_key_missing / 428, not a generic 422): the OpenAPI says required.
REQUIRED_HEADERS: dict[str, dict[str, Any]] = {
    "Idempotency-Key": {"type": "string", "format": "uuid", "minLength": 36, "maxLength": 36},
    "If-Match": {"type": "string", "maxLength": 200, "pattern": r'^(W/)?"[a-z_]+-[0-9]+-v[0-9]+"$',
                 "examples": ['"case-12-v3"']},
}


def _mark_required_headers(schema: dict[str, Any]) -> dict[str, Any]:
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else ():
                fixed = REQUIRED_HEADERS.get(parameter.get("name", "")) if parameter.get("in") == "header" else None
                if fixed is not None:
                    parameter["required"] = True
                    parameter["schema"] = {**fixed, "title": parameter["name"],
                                           "description": parameter.get("description", "")}
    return schema

# Requests that touch no database and never wait at the door.
_UNGATED_PATHS = frozenset({"/healthz", "/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"})


class AdmissionGate:
    """At most `places` requests of this process in flight at once; the next waits at the door
    (on the event loop, holding nothing) for up to `wait_seconds`, then gets 503 `overloaded`
    with `Retry-After`. With the thread pool and the connection pool as large as `places`, and
    each request holding at most one connection, and that only inside a thread-pool call, no
    thread ever waits for a connection: the wait is here, bounded, and answered."""

    def __init__(self, app: ASGIApp, *, places: int, wait_seconds: float) -> None:
        self.app = app
        self.places = places
        self.wait_seconds = wait_seconds
        self._loop: asyncio.AbstractEventLoop | None = None
        self._semaphore: asyncio.Semaphore | None = None

    def _door(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        if self._semaphore is None or self._loop is not loop:  # a test client may bring a new loop
            self._loop = loop
            self._semaphore = asyncio.Semaphore(self.places)
            # The thread pool has as many threads as there are places (anyio's default is 40).
            anyio.to_thread.current_default_thread_limiter().total_tokens = self.places
        return self._semaphore

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") in _UNGATED_PATHS:
            await self.app(scope, receive, send)
            return
        door = self._door()
        try:
            await asyncio.wait_for(door.acquire(), self.wait_seconds)
        except TimeoutError:
            request_id = scope.get("state", {}).get("request_id")
            log.warning("overloaded: %s %s waited %.1f s at the door", scope.get("method"), scope.get("path"), self.wait_seconds)
            await Overloaded().to_response(request_id)(scope, receive, send)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            door.release()


def _commit_in_the_handlers_call(app: FastAPI) -> None:
    """Every plain `def` handler commits (or rolls back) the request's session at the end of its
    own thread-pool call (`backend.deps.in_one_call`), not in another call after it."""
    _wrap_handlers(app.router.routes)


def _wrap_handlers(routes: list[Any]) -> None:
    for route in routes:
        if isinstance(route, APIRoute):
            call = route.endpoint
            if (
                getattr(call, "creditdesk_in_one_call", False)
                or not inspect.isfunction(call)
                or inspect.iscoroutinefunction(call)
                or inspect.isgeneratorfunction(call)
                or inspect.isasyncgenfunction(call)
            ):
                continue
            wrapped = in_one_call(call)
            route.endpoint = wrapped
            route.dependant.call = wrapped
            continue
        # FastAPI keeps an included router as a reference (`_IncludedRouter`) and derives the
        # effective routes from the original routes' endpoints: wrap those, then let it derive again.
        included = getattr(route, "original_router", None)
        if included is not None:
            _wrap_handlers(included.routes)
            for cache in ("_effective_candidates_version", "_effective_low_priority_routes_version"):
                if hasattr(route, cache):
                    setattr(route, cache, None)


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
        session_factory = make_sessionmaker(engine_for(settings))

    app = FastAPI(
        title="CreditDesk servicing API",
        version="1.0.0",
        description="Servicing API of CreditDesk: customers, accounts, bills, installments, cases.",
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.clock = clock
    app.state.session_factory = session_factory
    app.state.checked_tokens = None  # every token read from the database; see keep_checked_tokens

    install_error_handlers(app)
    app.add_middleware(AdmissionGate, places=settings.db_connections, wait_seconds=settings.db_wait_seconds)
    app.add_middleware(RequestIdMiddleware)
    app.add_middleware(RequestLimitsMiddleware, max_body_bytes=settings.max_body_bytes)  # outermost

    @app.get("/healthz", tags=["health"])
    async def healthz() -> dict[str, Any]:
        """Liveness; touches no database, so it is the round-trip floor for benchmarks."""
        return {"status": "ok"}

    app.include_router(auth_router)
    from backend.api import router as domain_router

    app.include_router(domain_router)

    plain_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _mark_required_headers(plain_openapi())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    _commit_in_the_handlers_call(app)
    return app


def app_from_env() -> FastAPI:
    """The app as `serve` runs it in each worker process (uvicorn `factory=True`): settings from
    the environment, an engine whose pool matches `Settings.db_connections`. `serve` has
    migrated (or checked) the schema before any worker starts."""
    settings = Settings.from_env()
    app = create_app(settings, session_factory=make_sessionmaker(engine_for(settings)))
    keep_checked_tokens(app, settings)
    settle_the_heap()
    return app


def keep_checked_tokens(app: FastAPI, settings: Settings) -> TokenChangeListener | None:
    """On PostgreSQL, let `app` answer recently checked tokens without reading them again, with
    a listener that hears every change to users and tokens (`backend.auth.checked_tokens`). The
    cache keeps nothing until the listener listens. Not on SQLite: another process serving the
    same file could not tell this one of a change."""
    if settings.token_check_seconds <= 0 or not settings.database_url.startswith("postgresql"):
        return None
    checked = CheckedTokens(settings.token_check_seconds)
    app.state.checked_tokens = checked
    listener = TokenChangeListener(settings.listen_database_url or settings.database_url, checked).start()
    app.state.token_change_listener = listener
    return listener


# Collections of the youngest generation: after this many allocations (CPython's default: 700).
GC_YOUNG_THRESHOLD = 10_000


def settle_the_heap() -> None:
    """Keep the garbage collector's full passes off the request path of a serving process.

    What importing and building the app made (the models, the routes, the schemas: ~160k
    objects) lives as long as the process, yet CPython's full collection walked it every few
    seconds under load, stopping every thread for 200–700 ms (measured in `bench/load.py` at
    400 agents: that was the p99). Those objects are moved out of the collector's sight
    (`gc.freeze`), and the young generation is collected less often, so fewer objects reach
    the old one. Garbage in cycles is still collected; docs/reliability.md says more."""
    gc.collect()
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, max(middle, 20), max(old, 50))


def engine_for(settings: Settings) -> Engine:
    """The engine the settings ask for: `db_connections` pooled connections, a checkout waiting
    at most `db_wait_seconds`, SQLite's busy timeout `sqlite_busy_seconds`."""
    return make_engine(
        settings.database_url,
        pool_size=settings.db_connections,
        pool_timeout=settings.db_wait_seconds,
        busy_timeout=settings.sqlite_busy_seconds,
    )

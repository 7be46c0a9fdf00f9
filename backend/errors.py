"""Errors as RFC 9457 problem details (`application/problem+json`).

Route and service code raises `Problem` (or one of its subclasses); `install_error_handlers`
turns it, FastAPI's validation errors, Starlette's HTTP errors and any unexpected exception
into a problem document. A bug is logged with its traceback and answered with a 500 whose
body says only that something went wrong, with the request id to quote.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import compile_path

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://creditdesk.example/problems/"


def problem_type(code: str) -> str:
    return PROBLEM_TYPE_BASE + code


class Problem(Exception):
    """A failure the caller can understand and act on; rendered as problem+json."""

    status: int = 400
    code: str = "bad_request"
    title: str = "Bad request"

    def __init__(
        self,
        detail: str | None = None,
        *,
        status: int | None = None,
        code: str | None = None,
        title: str | None = None,
        errors: Mapping[str, list[str]] | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        if status is not None:
            self.status = status
        if code is not None:
            self.code = code
        if title is not None:
            self.title = title
        self.detail = detail
        self.errors: dict[str, list[str]] | None = dict(errors) if errors is not None else None
        self.headers: dict[str, str] = dict(headers or {})
        # Extension members of the problem document (e.g. `current_etag`, `locked_until`).
        self.extra: dict[str, Any] = dict(extra or {})
        # What the code's sentence needs, for a client to word it (docs/api-wording.md).
        self.params: dict[str, Any] | None = dict(params) if params is not None else None
        super().__init__(detail or self.title)

    def to_dict(self, instance: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": problem_type(self.code),
            "title": self.title,
            "status": self.status,
            "code": self.code,
        }
        if self.detail is not None:
            body["detail"] = self.detail
        if instance is not None:
            body["instance"] = instance
        if self.errors is not None:
            body["errors"] = self.errors
        if self.params is not None:
            body["params"] = self.params
        for key, value in self.extra.items():
            body.setdefault(key, value)
        return body

    def to_response(self, request_id: str | None = None, instance: str | None = None) -> Response:
        body = self.to_dict(instance)
        if request_id is not None:
            body["request_id"] = request_id
        return problem_response(body, self.status, self.headers)


class NotFound(Problem):
    status = 404
    code = "not_found"
    title = "Not found"


class Unauthorized(Problem):
    status = 401
    code = "unauthorized"
    title = "Authentication required"

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        headers = {"WWW-Authenticate": "Bearer", **dict(kwargs.pop("headers", None) or {})}
        super().__init__(detail, headers=headers, **kwargs)


class Forbidden(Problem):
    status = 403
    code = "forbidden"
    title = "Not allowed"


class Conflict(Problem):
    status = 409
    code = "conflict"
    title = "Conflict"


class ValidationFailed(Problem):
    status = 422
    code = "validation_failed"
    title = "The request is not valid"


class PreconditionFailed(Problem):
    """412: the `If-Match` version is stale; carries the current ETag."""

    status = 412
    code = "precondition_failed"
    title = "The resource has changed"

    def __init__(self, detail: str | None = None, *, current_etag: str | None = None, **kwargs: Any) -> None:
        headers = dict(kwargs.pop("headers", None) or {})
        extra = dict(kwargs.pop("extra", None) or {})
        if current_etag is not None:
            headers["ETag"] = current_etag
            extra["current_etag"] = current_etag
        super().__init__(detail, headers=headers, extra=extra, **kwargs)


class PreconditionRequired(Problem):
    status = 428
    code = "precondition_required"
    title = "If-Match header required"


class TooManyRequests(Problem):
    status = 429
    code = "too_many_requests"
    title = "Too many requests"

    def __init__(
        self, detail: str | None = None, *, retry_after_seconds: int | None = None, **kwargs: Any
    ) -> None:
        headers = dict(kwargs.pop("headers", None) or {})
        if retry_after_seconds is not None:
            headers["Retry-After"] = str(max(0, int(retry_after_seconds)))
        super().__init__(detail, headers=headers, **kwargs)


OVERLOADED_RETRY_AFTER_SECONDS = 2


class Overloaded(Problem):
    """503: the server is at capacity (no connection, no place, or the SQLite write lock, within
    a few seconds). Nothing was changed; the same request may be sent again after `Retry-After`."""

    status = 503
    code = "overloaded"
    title = "The server is busy"

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        headers = {"Retry-After": str(OVERLOADED_RETRY_AFTER_SECONDS), **dict(kwargs.pop("headers", None) or {})}
        super().__init__(
            detail or "The server is busy right now. Nothing was changed; try again in a few seconds.",
            headers=headers,
            **kwargs,
        )


def is_overload(exc: BaseException) -> bool:
    """Whether a database error means "too busy" rather than a bug: no pooled connection within
    the pool timeout, SQLite's write lock not free within the busy timeout, PostgreSQL out of
    connection slots, or a pooled connection the server had dropped."""
    from sqlalchemy.exc import DBAPIError, OperationalError
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    if isinstance(exc, PoolTimeout):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True  # the server dropped the connection (e.g. a restart): the retry gets a new one
    if isinstance(exc, OperationalError):
        text = str(exc.orig).lower()
        return any(
            sign in text
            for sign in ("database is locked", "database table is locked", "too many clients", "too many connections")
        )
    return False


class EarlyResponse(Exception):  # noqa: N818 - not an error: a finished response
    """Raised by a dependency to answer the request with `response` without running the handler
    (e.g. an idempotent replay)."""

    def __init__(self, response: Response) -> None:
        self.response = response
        super().__init__("early response")


def problem_response(
    body: Mapping[str, Any], status: int, headers: Mapping[str, str] | None = None
) -> Response:
    return JSONResponse(
        dict(body), status_code=status, headers=dict(headers or {}), media_type=PROBLEM_MEDIA_TYPE
    )


def internal_error_response(request_id: str | None) -> Response:
    body: dict[str, Any] = {
        "type": problem_type("internal_error"),
        "title": "Something went wrong",
        "status": 500,
        "code": "internal_error",
        "detail": "The server hit an unexpected error. Quote the request id when reporting it.",
    }
    headers: dict[str, str] = {}
    if request_id is not None:
        body["request_id"] = request_id
        headers["X-Request-ID"] = request_id
    return problem_response(body, 500, headers)


def _request_id(request: Request) -> str | None:
    return getattr(request.state, "request_id", None)


def _field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(part) for part in loc) or "request"


def _validation_errors(exc: RequestValidationError) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for error in exc.errors():
        errors.setdefault(_field_path(error.get("loc", ())), []).append(str(error.get("msg", "invalid")))
    return errors


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_failed",
    429: "too_many_requests",
}


_HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


def allowed_methods(request: Request) -> list[str]:
    """Every method the API documents for the request's path.

    Starlette's 405 names only the methods of the first route whose path matched, so a path
    served by two routes (GET and POST) would claim to allow one of them. The OpenAPI
    description lists them all, and is built once."""
    methods: set[str] = set()
    matching = [
        (template, operations)
        for template, operations in request.app.openapi().get("paths", {}).items()
        if compile_path(template)[0].match(request.url.path)
    ]
    # A literal path (`/v1/cases/take-next`) is its own resource, not an id of its parametric
    # sibling (`/v1/cases/{case_id}`): when one matches, only its methods are allowed.
    literal = [(template, operations) for template, operations in matching if "{" not in template]
    for _template, operations in literal or matching:
        methods.update(method.upper() for method in operations if method in _HTTP_METHODS)
    return sorted(methods)


def install_error_handlers(app: FastAPI) -> None:
    """Answer every error with problem+json; never leak a stack trace."""

    async def handle_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Problem)
        return exc.to_response(_request_id(request))

    async def handle_early_response(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, EarlyResponse)
        return exc.response

    async def handle_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problem = ValidationFailed("Some fields are missing or not valid.", errors=_validation_errors(exc))
        return problem.to_response(_request_id(request))

    async def handle_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        try:
            title = HTTPStatus(exc.status_code).phrase
        except ValueError:
            title = "HTTP error"
        code = _HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail != title else None
        headers = exc.headers
        if exc.status_code == 405:
            allowed = allowed_methods(request)
            headers = {**(headers or {}), "Allow": ", ".join(allowed)}
            detail = f"Use {', '.join(allowed)}."
        problem = Problem(detail, status=exc.status_code, code=code, title=title, headers=headers)
        if exc.status_code < 200 or exc.status_code in (204, 304):
            return Response(status_code=exc.status_code, headers=exc.headers)
        return problem.to_response(_request_id(request))

    async def handle_unexpected(request: Request, exc: Exception) -> Response:
        request_id = _request_id(request)
        log.error(
            "unhandled error in %s %s (request %s)",
            request.method,
            request.url.path,
            request_id,
            exc_info=exc,
        )
        return internal_error_response(request_id)

    app.add_exception_handler(Problem, handle_problem)
    app.add_exception_handler(EarlyResponse, handle_early_response)
    app.add_exception_handler(RequestValidationError, handle_validation)
    app.add_exception_handler(StarletteHTTPException, handle_http)
    async def handle_database_error(request: Request, exc: Exception) -> Response:
        if is_overload(exc):
            log.warning("overloaded: %s %s answered 503 (%s)", request.method, request.url.path, exc)
            return Overloaded().to_response(_request_id(request))
        return await handle_unexpected(request, exc)

    from sqlalchemy.exc import SQLAlchemyError

    app.add_exception_handler(SQLAlchemyError, handle_database_error)
    app.add_exception_handler(Exception, handle_unexpected)

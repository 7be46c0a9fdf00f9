"""Typed failures of the servicing API, as the console sees them.

Two families, both with a `user_message`: one sentence a person understands, with what to do next.

- `ApiError` and its subclasses: the server answered with an error status. Built from the
  RFC 9457 problem document (`type`, `title`, `status`, `detail`, `code`, `errors`, and the
  extensions `request_id`, `current_etag`) when there is one, and from the status alone when
  the body is not JSON (a proxy's HTML page, an empty body).
- `Offline`: the server could not be reached at all (connection refused, timeout, DNS).

`error_for_status` picks the class for a status; `error_from_response` builds one from a
`requests.Response`. Neither ever raises on a malformed body.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import requests

__all__ = [
    "ApiError",
    "BadRequest",
    "Conflict",
    "EmbeddedBackendError",
    "FieldError",
    "Forbidden",
    "InvalidResponse",
    "NotFound",
    "Offline",
    "PreconditionFailed",
    "PreconditionRequired",
    "RateLimited",
    "ServerError",
    "Unauthorized",
    "ValidationFailed",
    "error_for_status",
    "error_from_response",
]

FieldError = tuple[str, str]
"""(field, message): `field` is the API's dotted path, e.g. `body.reason` or `query.limit`."""

PROBLEM_MEDIA_TYPE = "application/problem+json"


class ApiError(Exception):
    """The server answered with an error status (4xx or 5xx).

    Attributes:
        status: the HTTP status code.
        code: the problem's machine code (`not_found`, `reveal_limit`, …); `http_<status>` when
            the body carried none.
        title: the problem's short, generic title.
        detail: the problem's explanation of this occurrence, or None.
        field_errors: (field, message) pairs of a validation failure, in the server's order.
        request_id: the server's request id to quote in a report (body or `X-Request-ID`).
        problem_type: the problem's `type` URI, or None.
        body: the parsed problem document ({} when the body was not JSON).
    """

    default_status: ClassVar[int] = 0
    default_code: ClassVar[str] = "api_error"
    default_title: ClassVar[str] = "The server refused the request"

    def __init__(
        self,
        status: int | None = None,
        *,
        code: str | None = None,
        title: str | None = None,
        detail: str | None = None,
        field_errors: Sequence[FieldError] = (),
        request_id: str | None = None,
        problem_type: str | None = None,
        body: Mapping[str, Any] | None = None,
    ) -> None:
        self.status: int = status if status is not None else self.default_status
        self.code: str = code or self.default_code
        self.title: str = title or self.default_title
        self.detail: str | None = detail
        self.field_errors: list[FieldError] = list(field_errors)
        self.request_id: str | None = request_id
        self.problem_type: str | None = problem_type
        self.body: dict[str, Any] = dict(body or {})
        super().__init__(self._summary())

    @property
    def params(self) -> dict[str, Any]:
        """What the problem's code needs to be worded (docs/api-wording.md): the document's
        `params` member, {} when it has none."""
        value = self.body.get("params")
        return dict(value) if isinstance(value, Mapping) else {}

    def _summary(self) -> str:
        text = f"{self.status} {self.code}: {self.detail or self.title}"
        if self.request_id:
            text += f" (request {self.request_id})"
        return text

    def _explanation(self) -> str:
        """The server's own sentence for this occurrence, ending in a full stop."""
        text = (self.detail or self.title).strip()
        return text if text.endswith((".", "!", "?", "。")) else text + "."

    @property
    def user_message(self) -> str:
        """One sentence for the person at the desk: what happened and what to do next."""
        return f"{self._explanation()} Check the input and try again."


class BadRequest(ApiError):
    """400: the request is malformed (e.g. a missing Idempotency-Key, a body that is not JSON)."""

    default_status = 400
    default_code = "bad_request"
    default_title = "Bad request"

    @property
    def user_message(self) -> str:
        return f"The server could not accept the request: {self._explanation()} Try again; if it happens again, report it."


class Unauthorized(ApiError):
    """401: wrong username or password, a locked user, or a token that expired or was revoked.

    `session_expired` tells the two cases apart: the UI asks for the password again and
    retries when the session expired, and shows the message at the login form otherwise."""

    default_status = 401
    default_code = "unauthorized"
    default_title = "Authentication required"

    LOGIN_CODES: ClassVar[frozenset[str]] = frozenset(
        {"invalid_credentials", "account_locked", "demo_user_disabled"}
    )

    @property
    def session_expired(self) -> bool:
        """True when a signed-in session ended (not a failed login attempt)."""
        return self.code not in self.LOGIN_CODES

    @property
    def user_message(self) -> str:
        if self.code == "invalid_credentials":
            return "The username or password is wrong. Check them and try again."
        if self.code in self.LOGIN_CODES:
            return f"{self._explanation()} Try again later or ask an administrator."
        return "Your session has ended. Sign in again to continue where you were."


class Forbidden(ApiError):
    """403: the signed-in user's role does not allow this."""

    default_status = 403
    default_code = "forbidden"
    default_title = "Not allowed"

    @property
    def user_message(self) -> str:
        return f"{self._explanation()} Your role does not allow this; ask a supervisor if it is needed."


class NotFound(ApiError):
    """404: the record does not exist (or the path is wrong)."""

    default_status = 404
    default_code = "not_found"
    default_title = "Not found"

    @property
    def user_message(self) -> str:
        return f"{self._explanation()} It may have been removed; refresh and try again."


class Conflict(ApiError):
    """409: the request clashes with the current state (e.g. the same write still in flight)."""

    default_status = 409
    default_code = "conflict"
    default_title = "Conflict"

    @property
    def user_message(self) -> str:
        if self.code == "idempotency_in_flight":
            return "The same request is still being processed. Wait a moment and try again."
        return f"{self._explanation()} Refresh to see the current state, then try again."


class ValidationFailed(ApiError):
    """422: some fields are missing or not valid; see `field_errors`."""

    default_status = 422
    default_code = "validation_failed"
    default_title = "The request is not valid"

    @property
    def user_message(self) -> str:
        if self.field_errors:
            listed = "; ".join(f"{_field_label(field)}: {message}" for field, message in self.field_errors)
            return f"Some fields are not valid ({listed}). Correct them and try again."
        return f"{self._explanation()} Correct the input and try again."


class PreconditionFailed(ApiError):
    """412: the record changed since it was read (a stale `If-Match`).

    `current_etag` is the record's current ETag (from the body or the `ETag` header)."""

    default_status = 412
    default_code = "precondition_failed"
    default_title = "The resource has changed"

    def __init__(self, status: int | None = None, *, current_etag: str | None = None, **kwargs: Any) -> None:
        self.current_etag: str | None = current_etag
        super().__init__(status, **kwargs)

    @property
    def user_message(self) -> str:
        return "Someone else changed this record meanwhile. Reload it to see what changed, then try again."


class PreconditionRequired(ApiError):
    """428: the action needs an `If-Match` header (a bug in the console if it happens)."""

    default_status = 428
    default_code = "precondition_required"
    default_title = "If-Match header required"

    @property
    def user_message(self) -> str:
        return "The record's version was not sent with the change. Reload it and try again."


class RateLimited(ApiError):
    """429: too many requests (e.g. the per-hour reveal limit). `retry_after_seconds` from
    the `Retry-After` header, when the server sent one."""

    default_status = 429
    default_code = "too_many_requests"
    default_title = "Too many requests"

    def __init__(
        self, status: int | None = None, *, retry_after_seconds: int | None = None, **kwargs: Any
    ) -> None:
        self.retry_after_seconds: int | None = retry_after_seconds
        super().__init__(status, **kwargs)

    @property
    def user_message(self) -> str:
        if self.retry_after_seconds is not None:
            minutes, seconds = divmod(self.retry_after_seconds, 60)
            wait = f"{minutes} min {seconds} s" if minutes else f"{seconds} s"
            return f"{self._explanation()} Wait {wait} and try again."
        return f"{self._explanation()} Wait a while and try again."


class ServerError(ApiError):
    """5xx: the server failed; quote `request_id` when reporting it."""

    default_status = 500
    default_code = "internal_error"
    default_title = "Something went wrong"

    @property
    def user_message(self) -> str:
        if self.status in (502, 503, 504):
            return "The server is not available right now. Wait a moment and try again."
        quote = f" and quote request id {self.request_id}" if self.request_id else ""
        return f"The server hit an unexpected problem. Try again; if it persists, report it{quote}."


class InvalidResponse(ApiError):
    """A success status with a body that is not the JSON the API promises (a proxy, a wrong URL)."""

    default_code = "invalid_response"
    default_title = "The server's answer could not be read"

    @property
    def user_message(self) -> str:
        return "The server's answer could not be read. Check the server address, then try again."


class Offline(Exception):  # noqa: N818 - a state of the world, as the UI names it
    """The server could not be reached: connection refused, timed out, or the name did not resolve.

    Attributes:
        url: the URL that was requested.
        reason: `refused`, `timeout`, `dns`, `bad_url` (not an http(s) URL) or `unreachable`.
        idempotency_key: the key the write was sent with, if any, so it can be retried with the
            same key (the outbox).
    """

    def __init__(self, url: str, reason: str = "unreachable", *, idempotency_key: str | None = None) -> None:
        self.url = url
        self.reason = reason
        self.idempotency_key = idempotency_key
        super().__init__(f"cannot reach {url}: {reason}")

    @property
    def user_message(self) -> str:
        if self.reason == "timeout":
            return "The server did not answer in time. Check the network connection and try again."
        if self.reason == "bad_url":
            return "The server address is not valid. Check it (for example https://creditdesk.example.com) and try again."
        if self.reason == "dns":
            return "The server's address could not be found. Check the server address and the network."
        return "Cannot reach the server. Check the network connection or whether the server is running, then try again."


class EmbeddedBackendError(RuntimeError):
    """The embedded backend (the demo server on this computer) could not start, or not stop.

    Attributes:
        reason: `port` (no loopback port could be had), `database` (the SQLite file could not be
            created, opened or upgraded), `stopped` (the server process ended while starting) or
            `failed` (anything else).
        log_path: the server's log file, when there is one.

    `str()` is for the log (it may carry the cause); `user_message` is the sentence to show.
    """

    def __init__(self, message: str, reason: str = "failed", *, log_path: str | None = None) -> None:
        self.reason = reason
        self.log_path = log_path
        super().__init__(message)

    @property
    def user_message(self) -> str:
        if self.reason == "port":
            return "The demo server found no free network port on this computer. Close some programs and try again."
        if self.reason == "database":
            return (
                "The demo data file could not be opened. Check that the data folder is writable "
                "and the disk is not full, then try again."
            )
        if self.reason == "stopped":
            return "The demo server stopped while starting. Try again; its log file in the data folder says why."
        return "The demo server on this computer could not start. Try again; its log file in the data folder says why."


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    412: PreconditionFailed,
    422: ValidationFailed,
    428: PreconditionRequired,
    429: RateLimited,
}


def error_for_status(status: int) -> type[ApiError]:
    """The exception class for an HTTP error status (`ApiError` for the unlisted 4xx)."""
    if status >= 500:
        return ServerError
    return _BY_STATUS.get(status, ApiError)


def error_from_response(response: requests.Response) -> ApiError:
    """Build the typed error for an error response; tolerates any body (JSON or not)."""
    status = response.status_code
    body = _json_object(response)
    headers = response.headers
    detail = _text(body.get("detail"))
    request_id = _text(body.get("request_id")) or headers.get("X-Request-ID")
    kwargs: dict[str, Any] = {
        "code": _text(body.get("code")) or f"http_{status}",
        "title": _text(body.get("title")) or response.reason or None,
        "detail": detail,
        "field_errors": _field_errors(body.get("errors")),
        "request_id": request_id,
        "problem_type": _text(body.get("type")),
        "body": body,
    }
    cls = error_for_status(status)
    if cls is PreconditionFailed:
        kwargs["current_etag"] = _text(body.get("current_etag")) or headers.get("ETag")
    elif cls is RateLimited:
        kwargs["retry_after_seconds"] = _retry_after(headers.get("Retry-After"))
    if not _text(body.get("code")):
        kwargs["code"] = cls.default_code if cls is not ApiError else f"http_{status}"
    return cls(status, **kwargs)


def _json_object(response: requests.Response) -> dict[str, Any]:
    try:
        parsed = json.loads(response.content) if response.content else None
    except (ValueError, UnicodeDecodeError):
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _field_errors(errors: object) -> list[FieldError]:
    """The problem's `errors` ({field: [message, …]}) as (field, message) pairs; also accepts a
    list of {field|loc, message|msg} objects, which other servers send."""
    pairs: list[FieldError] = []
    if isinstance(errors, Mapping):
        for field, messages in errors.items():
            if isinstance(messages, str):
                pairs.append((str(field), messages))
            elif isinstance(messages, Sequence):
                pairs.extend((str(field), str(message)) for message in messages)
    elif isinstance(errors, Sequence) and not isinstance(errors, str):
        for item in errors:
            if isinstance(item, Mapping):
                field = item.get("field", item.get("loc", ""))
                if isinstance(field, Sequence) and not isinstance(field, str):
                    field = ".".join(str(part) for part in field)
                pairs.append((str(field), str(item.get("message", item.get("msg", "invalid")))))
    return pairs


def _retry_after(value: str | None) -> int | None:
    """`Retry-After` in seconds (HTTP dates are not used by this API and read as unknown)."""
    if value is None:
        return None
    try:
        return max(0, int(value.strip()))
    except ValueError:
        return None


def _field_label(field: str) -> str:
    """`body.reason` → `reason`: the location prefix means nothing to a person."""
    parts = field.split(".")
    if len(parts) > 1 and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    return ".".join(parts).replace("_", " ")

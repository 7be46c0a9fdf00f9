"""console.errors: every status maps to its typed error, from problem+json and from anything else."""

from __future__ import annotations

import json
import socket
from typing import Any

import pytest
import requests

from console.api import ApiClient
from console.errors import (
    ApiError,
    BadRequest,
    Conflict,
    Forbidden,
    InvalidResponse,
    NotFound,
    Offline,
    PreconditionFailed,
    PreconditionRequired,
    RateLimited,
    ServerError,
    Unauthorized,
    ValidationFailed,
    error_for_status,
    error_from_response,
)
from tests.helpers.live import LiveBackend


def make_response(
    status: int, body: Any = None, *, headers: dict[str, str] | None = None, raw: bytes | None = None
) -> requests.Response:
    """A `requests.Response` as the transport would build it (the body is bytes)."""
    response = requests.Response()
    response.status_code = status
    response.reason = "Reason"
    response.url = "http://server.test/v1/thing"
    response.headers.update(headers or {})
    if raw is not None:
        response._content = raw
    elif body is not None:
        response._content = json.dumps(body).encode()
        response.headers.setdefault("Content-Type", "application/problem+json")
    else:
        response._content = b""
    return response


def problem(status: int, code: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": f"https://creditdesk.example/problems/{code}",
        "title": f"Title {code}",
        "status": status,
        "code": code,
        "detail": f"Detail of {code}.",
        **extra,
    }


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequest),
        (401, Unauthorized),
        (403, Forbidden),
        (404, NotFound),
        (409, Conflict),
        (412, PreconditionFailed),
        (422, ValidationFailed),
        (428, PreconditionRequired),
        (429, RateLimited),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (418, ApiError),
    ],
)
def test_each_status_maps_to_its_class_with_every_problem_field(status: int, cls: type[ApiError]) -> None:
    body = problem(status, "some_code", request_id="req-1", errors={"body.reason": ["too short"]})
    error = error_from_response(make_response(status, body))
    assert type(error) is cls
    assert error_for_status(status) is cls
    assert error.status == status
    assert error.code == "some_code"
    assert error.title == "Title some_code"
    assert error.detail == "Detail of some_code."
    assert error.problem_type == "https://creditdesk.example/problems/some_code"
    assert error.field_errors == [("body.reason", "too short")]
    assert error.request_id == "req-1"
    message = error.user_message
    assert message and message[0].isupper() and message.endswith(".")
    assert "Traceback" not in message and "{" not in message


@pytest.mark.parametrize(
    "raw",
    [
        b"<html><body><h1>502 Bad Gateway</h1></body></html>",
        b"",
        b"not json {",
        b"[1, 2, 3]",
        b'"a string"',
        b"\xff\xfe\x00garbage",
    ],
)
@pytest.mark.parametrize("status", [400, 404, 412, 429, 500, 502])
def test_a_body_that_is_not_a_problem_still_maps_by_status(raw: bytes, status: int) -> None:
    error = error_from_response(make_response(status, raw=raw, headers={"Content-Type": "text/html"}))
    assert type(error) is error_for_status(status)
    assert error.status == status
    assert error.detail is None
    assert error.field_errors == []
    assert error.code  # the class's default code, never empty
    assert error.user_message.endswith(".")
    assert "<html>" not in error.user_message


def test_request_id_falls_back_to_the_header() -> None:
    error = error_from_response(make_response(500, raw=b"oops", headers={"X-Request-ID": "abc123"}))
    assert isinstance(error, ServerError)
    assert error.request_id == "abc123"
    assert "abc123" in error.user_message


def test_precondition_failed_carries_the_current_etag_from_body_or_header() -> None:
    from_body = error_from_response(make_response(412, problem(412, "precondition_failed", current_etag='"v7"')))
    assert isinstance(from_body, PreconditionFailed)
    assert from_body.current_etag == '"v7"'
    from_header = error_from_response(make_response(412, raw=b"", headers={"ETag": '"v8"'}))
    assert isinstance(from_header, PreconditionFailed)
    assert from_header.current_etag == '"v8"'
    assert "Reload" in from_header.user_message


@pytest.mark.parametrize(("header", "seconds"), [("120", 120), ("0", 0), ("soon", None), (None, None)])
def test_rate_limited_reads_retry_after(header: str | None, seconds: int | None) -> None:
    headers = {"Retry-After": header} if header is not None else {}
    error = error_from_response(make_response(429, problem(429, "reveal_limit"), headers=headers))
    assert isinstance(error, RateLimited)
    assert error.retry_after_seconds == seconds
    if seconds == 120:
        assert "2 min" in error.user_message


def test_validation_lists_the_fields_without_their_location_prefix() -> None:
    body = problem(422, "validation_failed", errors={"body.reason": ["too short", "odd"], "query.limit": ["big"]})
    error = error_from_response(make_response(422, body))
    assert isinstance(error, ValidationFailed)
    assert error.field_errors == [("body.reason", "too short"), ("body.reason", "odd"), ("query.limit", "big")]
    assert "reason: too short" in error.user_message
    assert "body." not in error.user_message


def test_login_refusals_are_not_expired_sessions() -> None:
    wrong = error_from_response(make_response(401, problem(401, "invalid_credentials")))
    assert isinstance(wrong, Unauthorized) and not wrong.session_expired
    assert "password" in wrong.user_message
    expired = error_from_response(make_response(401, problem(401, "unauthorized")))
    assert isinstance(expired, Unauthorized) and expired.session_expired
    assert "Sign in again" in expired.user_message


def test_conflict_of_a_write_in_flight_says_to_wait() -> None:
    error = error_from_response(make_response(409, problem(409, "idempotency_in_flight")))
    assert isinstance(error, Conflict)
    assert "Wait" in error.user_message


# -- against the real backend --------------------------------------------------------------


def test_real_404_422_401_and_400(live_backend: LiveBackend, api_client: ApiClient) -> None:
    with pytest.raises(NotFound) as not_found:
        api_client.get_customer(999_999)
    assert not_found.value.request_id
    with pytest.raises(ValidationFailed) as invalid:
        api_client.reveal(1, "phone", "no")
    assert any(field.endswith("reason") for field, _ in invalid.value.field_errors)
    with pytest.raises(BadRequest) as missing_key:
        api_client.request("POST", "/v1/accounts/1/notes", json={"body": "x"}, keyed=False)
    assert missing_key.value.code == "idempotency_key_missing"
    anonymous = ApiClient(live_backend.base_url)
    with pytest.raises(Unauthorized) as unauthorized:
        anonymous.me()
    assert unauthorized.value.session_expired


def test_real_wrong_password(live_backend: LiveBackend) -> None:
    from tests.helpers.live import LOCKABLE_USER

    client = ApiClient(live_backend.base_url)
    with pytest.raises(Unauthorized) as refused:
        client.login(LOCKABLE_USER, "not-the-password")
    assert refused.value.code == "invalid_credentials"
    assert not refused.value.session_expired
    assert client.token is None


def test_real_method_not_allowed_is_a_plain_api_error(api_client: ApiClient) -> None:
    with pytest.raises(ApiError) as error:
        api_client.request("DELETE", "/v1/customers/1")
    assert error.value.status == 405


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_connection_refused_is_offline() -> None:
    client = ApiClient(f"http://127.0.0.1:{free_port()}", backoff=0.0)
    with pytest.raises(Offline) as offline:
        client.healthz()
    assert offline.value.reason == "refused"
    assert "Cannot reach the server" in offline.value.user_message


def test_a_server_that_never_answers_times_out_as_offline() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # accepts into the backlog, never answers
        port = listener.getsockname()[1]
        client = ApiClient(f"http://127.0.0.1:{port}", timeout=(1.0, 0.2), retries=0)
        with pytest.raises(Offline) as offline:
            client.healthz()
    assert offline.value.reason == "timeout"
    assert "in time" in offline.value.user_message


def test_a_success_that_is_not_json_is_invalid_response() -> None:
    session = requests.Session()
    session.mount("http://html.test", HtmlAdapter())
    client = ApiClient("http://html.test", session=session)
    with pytest.raises(InvalidResponse) as error:
        client.me()
    assert "server address" in error.value.user_message


class HtmlAdapter(requests.adapters.BaseAdapter):
    """A captive portal: answers every request with 200 and an HTML page."""

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        response = make_response(200, raw=b"<html>Sign in to the Wi-Fi</html>", headers={"Content-Type": "text/html"})
        response.request = request
        response.url = request.url or ""
        return response

    def close(self) -> None:
        pass


@pytest.mark.parametrize("url", ["localhost:8000", "ftp://server.test", "http://"])
def test_a_server_address_that_is_not_a_url_is_offline_with_a_hint(url: str) -> None:
    with pytest.raises(Offline) as offline:
        ApiClient(url).healthz()
    assert offline.value.reason == "bad_url"
    assert "address is not valid" in offline.value.user_message

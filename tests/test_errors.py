"""Every error is RFC 9457 problem+json, and a bug never shows its stack trace."""

from __future__ import annotations

from typing import Annotated

import pytest
from fastapi import APIRouter, Query
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from backend.errors import PreconditionFailed, TooManyRequests
from tests.helpers.api import make_client, problem


@pytest.fixture
def client(session_factory: sessionmaker[Session]) -> TestClient:
    client = make_client(session_factory, demo_users=False)
    router = APIRouter(prefix="/test")

    @router.get("/items")
    def items(limit: Annotated[int, Query(ge=1, le=200)] = 50) -> dict[str, int]:
        return {"limit": limit}

    @router.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals: password=hunter2")

    @router.get("/stale")
    def stale() -> None:
        raise PreconditionFailed("The case changed since you loaded it.", current_etag='"7"')

    @router.get("/slow-down")
    def slow_down() -> None:
        raise TooManyRequests("Too many reveals this hour.", retry_after_seconds=120)

    client.app.include_router(router)  # type: ignore[attr-defined]
    return client


def test_unknown_route_is_a_404_problem(client: TestClient) -> None:
    response = client.get("/v1/no-such-thing")

    assert response.status_code == 404
    body = problem(response)
    assert body["status"] == 404
    assert body["code"] == "not_found"
    assert body["type"] == "https://creditdesk.example/problems/not_found"
    assert body["title"]


def test_wrong_method_is_a_405_problem(client: TestClient) -> None:
    response = client.delete("/healthz")

    assert response.status_code == 405
    assert problem(response)["code"] == "method_not_allowed"
    assert "GET" in response.headers["allow"]


@pytest.mark.parametrize("query", ["limit=abc", "limit=0", "limit=201"])
def test_validation_errors_are_422_keyed_by_field(client: TestClient, query: str) -> None:
    response = client.get(f"/test/items?{query}")

    assert response.status_code == 422
    body = problem(response)
    assert body["code"] == "validation_failed"
    assert list(body["errors"]) == ["query.limit"]
    assert all(isinstance(message, str) for message in body["errors"]["query.limit"])


def test_a_bug_is_a_500_problem_without_internals(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    response = client.get("/test/boom", headers={"X-Request-ID": "req-42"})

    assert response.status_code == 500
    body = problem(response)
    assert body["code"] == "internal_error"
    assert body["request_id"] == "req-42"
    assert response.headers["x-request-id"] == "req-42"
    assert "hunter2" not in response.text
    assert "Traceback" not in response.text
    assert "RuntimeError" not in response.text
    # ... but the log has the whole story.
    assert any("req-42" in record.getMessage() and record.exc_info for record in caplog.records)


def test_precondition_failed_carries_the_current_etag(client: TestClient) -> None:
    response = client.get("/test/stale")

    assert response.status_code == 412
    assert response.headers["etag"] == '"7"'
    assert problem(response)["current_etag"] == '"7"'


def test_too_many_requests_says_when_to_retry(client: TestClient) -> None:
    response = client.get("/test/slow-down")

    assert response.status_code == 429
    assert response.headers["retry-after"] == "120"
    assert problem(response)["code"] == "too_many_requests"


def test_request_id_is_echoed_or_generated(client: TestClient) -> None:
    assert client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"] == "abc-123"
    generated = client.get("/healthz", headers={"X-Request-ID": "bad id with spaces\t"}).headers[
        "x-request-id"
    ]
    assert generated != "bad id with spaces\t"
    assert len(generated) == 32


def test_healthz_and_openapi(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    schema = client.get("/openapi.json").json()
    assert schema["info"]["title"] == "CreditDesk servicing API"
    assert "/v1/auth/token" in schema["paths"]

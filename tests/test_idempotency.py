"""The Idempotency-Key convention, on a tiny test-only write route."""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient
from pydantic import BaseModel
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from starlette.responses import Response

from backend.audit.models import AuditRecord
from backend.audit.service import record_audit
from backend.auth.service import get_user_by_username
from backend.common.idempotency import (
    DONE,
    IDEMPOTENCY_RESPONSES,
    IN_FLIGHT,
    IdempotencyDep,
    IdempotencyKey,
    purge_idempotency_keys,
)
from backend.db import make_sessionmaker, transaction
from backend.deps import ContextDep, SessionDep
from backend.errors import Conflict
from tests.helpers.api import FixedClock, committing_engine, idempotency_headers, login, make_client, problem

JSON = {"Content-Type": "application/json"}


class WidgetIn(BaseModel):
    name: str


class WidgetOut(BaseModel):
    id: int
    name: str


def widget_count(session_factory: sessionmaker[Session]) -> int:
    with transaction(session_factory) as session:
        query = select(func.count()).select_from(AuditRecord).where(AuditRecord.entity_type == "widget")
        return int(session.scalar(query) or 0)


@pytest.fixture
def client(session_factory: sessionmaker[Session]) -> TestClient:
    client = make_client(session_factory)
    router = APIRouter(prefix="/test")
    flaky_calls: list[int] = []

    @router.post("/widgets", status_code=201, response_model=WidgetOut, responses=IDEMPOTENCY_RESPONSES)
    def create_widget(body: WidgetIn, session: SessionDep, ctx: ContextDep, idem: IdempotencyDep) -> Response:
        record = record_audit(
            session=session,
            ctx=ctx,
            action="widget.create",
            entity_type="widget",
            entity_id=body.name,
            after={"name": body.name},
        )
        return idem.complete(WidgetOut(id=record.id, name=body.name), headers={"ETag": '"1"'})

    @router.post("/flaky", status_code=201)
    def flaky(session: SessionDep, ctx: ContextDep, idem: IdempotencyDep) -> Response:
        record_audit(
            session=session, ctx=ctx, action="widget.create", entity_type="widget", entity_id="flaky"
        )
        flaky_calls.append(1)
        if len(flaky_calls) == 1:
            raise Conflict("Try again.")
        return idem.complete({"calls": len(flaky_calls)})

    @router.post("/forgetful")
    def forgetful(idem: IdempotencyDep) -> dict[str, str]:
        return {"oops": "never called complete()"}

    client.app.include_router(router)  # type: ignore[attr-defined]
    return client


@pytest.fixture
def agent(client: TestClient) -> dict[str, str]:
    return login(client, "agent1")


def test_same_key_and_body_replays_the_stored_response(
    client: TestClient, agent: dict[str, str], session_factory: sessionmaker[Session]
) -> None:
    headers = idempotency_headers(agent)

    first = client.post("/test/widgets", json={"name": "a"}, headers=headers)
    second = client.post("/test/widgets", json={"name": "a"}, headers=headers)

    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert "idempotent-replayed" not in first.headers
    assert second.headers["idempotent-replayed"] == "true"
    assert second.headers["etag"] == '"1"'
    assert widget_count(session_factory) == 1


def test_the_audit_record_carries_the_request_id_and_key(
    client: TestClient, agent: dict[str, str], session_factory: sessionmaker[Session]
) -> None:
    key = str(uuid.uuid4())
    response = client.post(
        "/test/widgets",
        json={"name": "a"},
        headers={**idempotency_headers(agent, key), "X-Request-ID": "req-7"},
    )

    with transaction(session_factory) as session:
        record = session.get(AuditRecord, response.json()["id"])
        assert record is not None
        assert (record.request_id, record.idempotency_key, record.actor_role) == ("req-7", key, "agent")


def test_same_key_with_another_body_is_422(client: TestClient, agent: dict[str, str]) -> None:
    headers = idempotency_headers(agent)
    client.post("/test/widgets", json={"name": "a"}, headers=headers)

    response = client.post("/test/widgets", json={"name": "b"}, headers=headers)

    assert response.status_code == 422
    assert problem(response)["code"] == "idempotency_key_reused"


def test_missing_key_is_400(
    client: TestClient, agent: dict[str, str], session_factory: sessionmaker[Session]
) -> None:
    response = client.post("/test/widgets", json={"name": "a"}, headers=agent)

    assert response.status_code == 400
    assert problem(response)["code"] == "idempotency_key_missing"
    assert widget_count(session_factory) == 0


@pytest.mark.parametrize("key", ["not-a-uuid", "12345", "{3f2b7c1e-8d4a-4b8e-9a61-2c0f5d7e9b13}", "x" * 200])
def test_non_uuid_key_is_422(client: TestClient, agent: dict[str, str], key: str) -> None:
    response = client.post("/test/widgets", json={"name": "a"}, headers={**agent, "Idempotency-Key": key})

    assert response.status_code == 422
    assert problem(response)["code"] == "idempotency_key_invalid"


def test_keys_are_scoped_per_user(client: TestClient, session_factory: sessionmaker[Session]) -> None:
    key = str(uuid.uuid4())

    first = client.post(
        "/test/widgets", json={"name": "a"}, headers=idempotency_headers(login(client, "agent1"), key)
    )
    second = client.post(
        "/test/widgets", json={"name": "a"}, headers=idempotency_headers(login(client, "agent2"), key)
    )

    assert first.status_code == second.status_code == 201
    assert "idempotent-replayed" not in second.headers
    assert first.json()["id"] != second.json()["id"]
    assert widget_count(session_factory) == 2


def test_a_key_needs_a_user(client: TestClient) -> None:
    response = client.post("/test/widgets", json={"name": "a"}, headers=idempotency_headers({}))

    assert response.status_code == 401


def claim(session_factory: sessionmaker[Session], clock: FixedClock, key: str, *, age: timedelta) -> None:
    """A claim of agent1's, left in flight `age` ago with the fingerprint of widget "a"."""
    from backend.common.idempotency import fingerprint

    with transaction(session_factory) as session:
        user = get_user_by_username(session=session, username="agent1")
        assert user is not None
        session.add(
            IdempotencyKey(
                user_id=user.id,
                key=key,
                request_fingerprint=fingerprint("POST", "/test/widgets", b'{"name":"a"}'),
                state=IN_FLIGHT,
                created_at=clock.now() - age,
                claimed_at=clock.now() - age,
            )
        )


def test_a_request_in_flight_answers_409(
    client: TestClient, agent: dict[str, str], session_factory: sessionmaker[Session]
) -> None:
    key = str(uuid.uuid4())
    claim(session_factory, client.app.state.clock, key, age=timedelta(seconds=5))  # type: ignore[attr-defined]

    response = client.post(
        "/test/widgets", content=b'{"name":"a"}', headers={**idempotency_headers(agent, key), **JSON}
    )

    assert response.status_code == 409
    assert problem(response)["code"] == "idempotency_in_flight"


def test_a_claim_abandoned_by_a_crash_is_taken_over(
    client: TestClient, agent: dict[str, str], session_factory: sessionmaker[Session]
) -> None:
    key = str(uuid.uuid4())
    claim(session_factory, client.app.state.clock, key, age=timedelta(minutes=5))  # type: ignore[attr-defined]

    response = client.post(
        "/test/widgets", content=b'{"name":"a"}', headers={**idempotency_headers(agent, key), **JSON}
    )

    assert response.status_code == 201
    assert widget_count(session_factory) == 1


def test_a_failed_request_releases_its_key(
    client: TestClient, agent: dict[str, str], session_factory: sessionmaker[Session]
) -> None:
    headers = idempotency_headers(agent)

    failed = client.post("/test/flaky", headers=headers)
    assert failed.status_code == 409
    assert widget_count(session_factory) == 0  # the failed request's work was rolled back

    retried = client.post("/test/flaky", headers=headers)
    assert retried.status_code == 201
    assert retried.json() == {"calls": 2}
    replayed = client.post("/test/flaky", headers=headers)
    assert replayed.json() == {"calls": 2}
    assert replayed.headers["idempotent-replayed"] == "true"
    assert widget_count(session_factory) == 1


def test_a_route_that_forgets_complete_fails_loudly(client: TestClient, agent: dict[str, str]) -> None:
    headers = idempotency_headers(agent)

    assert client.post("/test/forgetful", headers=headers).status_code == 500
    # The claim was released: the key is not stuck in flight.
    assert client.post("/test/forgetful", headers=headers).status_code == 500


def test_keys_are_kept_seven_days(
    client: TestClient, agent: dict[str, str], session_factory: sessionmaker[Session]
) -> None:
    clock: FixedClock = client.app.state.clock  # type: ignore[attr-defined]
    client.post("/test/widgets", json={"name": "a"}, headers=idempotency_headers(agent))

    with transaction(session_factory) as session:
        assert session.scalars(select(IdempotencyKey.state)).all() == [DONE]
        assert purge_idempotency_keys(session=session, now=clock.now() + timedelta(days=7)) == 0
        assert purge_idempotency_keys(session=session, now=clock.now() + timedelta(days=7, seconds=1)) == 1


def test_openapi_documents_the_header(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/test/widgets"]["post"]

    assert any(p["name"] == "Idempotency-Key" and p["in"] == "header" for p in operation["parameters"])
    assert {"400", "409", "422"} <= set(operation["responses"])


def test_an_invalid_body_does_not_burn_the_key(client: TestClient, agent: dict[str, str]) -> None:
    headers = idempotency_headers(agent)

    assert client.post("/test/widgets", json={"nom": "a"}, headers=headers).status_code == 422

    assert client.post("/test/widgets", json={"name": "a"}, headers=headers).status_code == 201


def test_concurrent_duplicates_have_one_effect(db_url: str, db_engine: object, tmp_path: Path) -> None:
    """Ten identical requests at once, on a database whose commits are real: one effect; the
    others see the claim (409) or replay the stored response."""
    with committing_engine(db_url, tmp_path) as engine:
        factory = make_sessionmaker(engine)
        client = make_client(factory)
        router = APIRouter()

        @router.post("/test/slow-widgets", status_code=201)
        def slow_widget(
            body: WidgetIn, session: SessionDep, ctx: ContextDep, idem: IdempotencyDep
        ) -> Response:
            record = record_audit(
                session=session, ctx=ctx, action="widget.create", entity_type="widget", entity_id=body.name
            )
            time.sleep(0.05)  # widen the window in which duplicates arrive
            return idem.complete({"id": record.id})

        client.app.include_router(router)  # type: ignore[attr-defined]
        headers = idempotency_headers(login(client, "agent1"))

        def send(_: int) -> tuple[int, dict[str, object]]:
            response = client.post("/test/slow-widgets", json={"name": "a"}, headers=headers)
            return response.status_code, response.json()

        with ThreadPoolExecutor(max_workers=10) as pool:
            results = list(pool.map(send, range(10)))

        assert {status for status, _ in results} <= {201, 409}
        assert len({str(body) for status, body in results if status == 201}) == 1
        assert widget_count(factory) == 1
        assert client.post("/test/slow-widgets", json={"name": "a"}, headers=headers).status_code == 201


def test_a_commit_that_fails_releases_its_key(db_url: str, db_engine: object, tmp_path: Path) -> None:
    """The handler succeeds but the request's commit fails: the claim is released, so a retry
    with the same key runs again instead of being told "in flight" until the claim goes stale."""
    with committing_engine(db_url, tmp_path) as engine:
        factory = make_sessionmaker(engine)
        client = make_client(factory)
        router = APIRouter()
        failures = [1]

        @router.post("/test/commit-fails", status_code=201)
        def commit_fails(session: SessionDep, ctx: ContextDep, idem: IdempotencyDep) -> Response:
            def lost_connection(_session: Session) -> None:
                if failures:
                    failures.pop()
                    raise OperationalError("COMMIT", {}, Exception("server closed the connection"))

            event.listen(session, "before_commit", lost_connection)
            return idem.complete({"ok": True})

        client.app.include_router(router)  # type: ignore[attr-defined]
        quiet = TestClient(client.app, raise_server_exceptions=False)
        headers = idempotency_headers(login(client, "agent1"))

        assert quiet.post("/test/commit-fails", headers=headers).status_code == 500
        with transaction(factory) as session:
            claims = session.scalar(select(func.count()).select_from(IdempotencyKey))
        assert claims == 0
        retried = quiet.post("/test/commit-fails", headers=headers)
        assert retried.status_code == 201
        assert "idempotent-replayed" not in retried.headers

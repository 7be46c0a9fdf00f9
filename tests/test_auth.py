"""Auth: login, lockout, token lifetime, logout, demo mode, /v1/me and role checks."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

import pytest
from fastapi import APIRouter, Depends
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from backend.auth import passwords
from backend.auth.models import User
from backend.auth.service import create_user, get_user_by_username
from backend.db import transaction
from backend.deps import require_roles
from tests.helpers.api import FixedClock, login, make_client, problem

PASSWORD = "correct horse battery staple"


@pytest.fixture
def client(session_factory: sessionmaker[Session]) -> TestClient:
    return make_client(session_factory)


@pytest.fixture
def clock(client: TestClient) -> FixedClock:
    clock = client.app.state.clock  # type: ignore[attr-defined]
    assert isinstance(clock, FixedClock)
    return clock


@pytest.fixture
def real_user(session_factory: sessionmaker[Session]) -> str:
    with transaction(session_factory) as session:
        create_user(
            session=session, username="wang.li", display_name="Wang Li", role="agent", password=PASSWORD
        )
    return "wang.li"


def test_login_returns_a_bearer_token_for_one_shift(client: TestClient, clock: FixedClock) -> None:
    response = client.post("/v1/auth/token", json={"username": "agent1", "password": "demo"})

    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert len(body["access_token"]) >= 40
    assert datetime.fromisoformat(body["expires_at"]) == clock.now() + timedelta(hours=8)
    assert body["user"] == {
        "id": body["user"]["id"],
        "username": "agent1",
        "display_name": "Agent One",
        "role": "agent",
        "must_change_password": False,
    }


def test_me_returns_the_signed_in_user(client: TestClient) -> None:
    response = client.get("/v1/me", headers=login(client, "handler1"))

    assert response.status_code == 200
    assert response.json()["username"] == "handler1"
    assert response.json()["role"] == "dispute_handler"


def test_wrong_password_and_unknown_user_are_indistinguishable(client: TestClient, real_user: str) -> None:
    wrong = client.post("/v1/auth/token", json={"username": real_user, "password": "nope"})
    unknown = client.post("/v1/auth/token", json={"username": "nobody", "password": "nope"})

    assert wrong.status_code == unknown.status_code == 401
    strip = lambda body: {k: v for k, v in body.items() if k != "request_id"}  # noqa: E731
    assert strip(problem(wrong)) == strip(problem(unknown))
    assert problem(wrong)["code"] == "invalid_credentials"
    assert wrong.headers.get("www-authenticate") == unknown.headers.get("www-authenticate")


def fail(client: TestClient, username: str, times: int) -> list[str]:
    codes = []
    for _ in range(times):
        response = client.post("/v1/auth/token", json={"username": username, "password": "wrong"})
        assert response.status_code == 401
        codes.append(problem(response)["code"])
    return codes


def test_four_failures_do_not_lock(client: TestClient, real_user: str) -> None:
    assert fail(client, real_user, 4) == ["invalid_credentials"] * 4

    assert (
        client.post("/v1/auth/token", json={"username": real_user, "password": PASSWORD}).status_code == 200
    )


def test_a_success_resets_the_failure_count(client: TestClient, real_user: str) -> None:
    fail(client, real_user, 4)
    login(client, real_user, PASSWORD)

    assert fail(client, real_user, 4) == ["invalid_credentials"] * 4
    login(client, real_user, PASSWORD)


def test_five_failures_lock_for_fifteen_minutes(
    client: TestClient, clock: FixedClock, real_user: str
) -> None:
    locked_at = clock.now()
    assert fail(client, real_user, 5) == ["invalid_credentials"] * 5

    right = client.post("/v1/auth/token", json={"username": real_user, "password": PASSWORD})
    assert right.status_code == 401
    body = problem(right)
    assert body["code"] == "account_locked"
    until = locked_at + timedelta(minutes=15)
    assert datetime.fromisoformat(body["locked_until"]) == until
    assert until.isoformat() in body["detail"]
    # A sixth attempt is refused as locked too, and does not extend the lock.
    assert fail(client, real_user, 1) == ["account_locked"]

    clock.advance(timedelta(minutes=15) - timedelta(seconds=1))
    relock = client.post("/v1/auth/token", json={"username": real_user, "password": PASSWORD})
    assert problem(relock)["code"] == "account_locked"

    clock.advance(timedelta(seconds=1))
    assert (
        client.post("/v1/auth/token", json={"username": real_user, "password": PASSWORD}).status_code == 200
    )


def test_failures_outside_the_window_do_not_count(
    client: TestClient, clock: FixedClock, real_user: str
) -> None:
    fail(client, real_user, 4)
    clock.advance(timedelta(minutes=15))

    assert fail(client, real_user, 1) == ["invalid_credentials"]
    assert (
        client.post("/v1/auth/token", json={"username": real_user, "password": PASSWORD}).status_code == 200
    )


def test_token_expires_after_eight_hours(client: TestClient, clock: FixedClock) -> None:
    headers = login(client, "agent1")

    clock.advance(timedelta(hours=8) - timedelta(seconds=1))
    assert client.get("/v1/me", headers=headers).status_code == 200

    clock.advance(timedelta(seconds=1))
    expired = client.get("/v1/me", headers=headers)
    assert expired.status_code == 401
    assert problem(expired)["code"] == "unauthorized"


def test_logout_revokes_the_token(client: TestClient) -> None:
    headers = login(client, "agent1")
    other = login(client, "agent1")

    assert client.post("/v1/auth/logout", headers=headers).status_code == 204

    assert client.get("/v1/me", headers=headers).status_code == 401
    assert client.post("/v1/auth/logout", headers=headers).status_code == 401
    assert client.get("/v1/me", headers=other).status_code == 200


def test_demo_users_are_refused_outside_demo_mode(
    session_factory: sessionmaker[Session], real_user: str
) -> None:
    client = make_client(session_factory, demo=False)

    response = client.post("/v1/auth/token", json={"username": "agent1", "password": "demo"})

    assert response.status_code == 401
    assert problem(response)["code"] == "demo_user_disabled"
    assert (
        client.post("/v1/auth/token", json={"username": real_user, "password": PASSWORD}).status_code == 200
    )


def test_a_demo_token_stops_working_outside_demo_mode(session_factory: sessionmaker[Session]) -> None:
    headers = login(make_client(session_factory, demo=True), "agent1")

    assert make_client(session_factory, demo=False).get("/v1/me", headers=headers).status_code == 401


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer", "Bearer not-a-token", "Basic YWdlbnQxOmRlbW8=", "Bearer " + "x" * 2000],
)
def test_missing_or_invalid_token_is_401(client: TestClient, authorization: str | None) -> None:
    headers = {"Authorization": authorization} if authorization is not None else {}

    response = client.get("/v1/me", headers=headers)

    assert response.status_code == 401
    assert problem(response)["code"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("body", [{}, {"username": "agent1"}, {"username": "", "password": "demo"}, []])
def test_bad_login_bodies_are_422(client: TestClient, body: object) -> None:
    response = client.post("/v1/auth/token", json=body)

    assert response.status_code == 422
    assert problem(response)["code"] == "validation_failed"


def test_require_roles_allows_listed_roles_and_forbids_others(client: TestClient) -> None:
    router = APIRouter()

    @router.get("/test/supervisors-only")
    def supervisors_only(
        user: Annotated[User, Depends(require_roles("supervisor", "admin"))],
    ) -> dict[str, str]:
        return {"username": user.username}

    client.app.include_router(router)  # type: ignore[attr-defined]

    assert client.get("/test/supervisors-only", headers=login(client, "super1")).json() == {
        "username": "super1"
    }
    assert client.get("/test/supervisors-only", headers=login(client, "admin1")).status_code == 200
    forbidden = client.get("/test/supervisors-only", headers=login(client, "agent1"))
    assert forbidden.status_code == 403
    assert problem(forbidden)["code"] == "forbidden"
    assert client.get("/test/supervisors-only").status_code == 401


def test_inactive_user_cannot_log_in(
    client: TestClient, session_factory: sessionmaker[Session], real_user: str
) -> None:
    headers = login(client, real_user, PASSWORD)
    with transaction(session_factory) as session:
        user = session.scalars(select(User).where(User.username == real_user)).one()
        user.active = False

    refused = client.post("/v1/auth/token", json={"username": real_user, "password": PASSWORD})
    assert problem(refused)["code"] == "invalid_credentials"
    assert client.get("/v1/me", headers=headers).status_code == 401


def test_passwords_are_hashed_with_argon2id_at_the_interactive_parameters() -> None:
    from argon2 import extract_parameters

    params = extract_parameters(passwords.hash_password("s3cret"))

    assert (params.type.name, params.memory_cost, params.time_cost, params.parallelism) == (
        "ID",
        19 * 1024,
        2,
        1,
    )


def test_an_old_hash_is_upgraded_at_the_next_successful_sign_in(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    from argon2 import PasswordHasher, extract_parameters

    old_hash = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4).hash("old-params")
    with transaction(session_factory) as session:
        create_user(
            session=session,
            username="veteran",
            display_name="V",
            role="agent",
            password="",
            password_hash=old_hash,
        )

    assert client.post("/v1/auth/token", json={"username": "veteran", "password": "wrong"}).status_code == 401
    with transaction(session_factory) as session:
        assert get_user_by_username(session=session, username="veteran").password_hash == old_hash  # type: ignore[union-attr]

    assert (
        client.post("/v1/auth/token", json={"username": "veteran", "password": "old-params"}).status_code
        == 200
    )
    with transaction(session_factory) as session:
        new_hash = get_user_by_username(session=session, username="veteran").password_hash  # type: ignore[union-attr]
    assert new_hash != old_hash
    assert extract_parameters(new_hash).memory_cost == 19 * 1024
    assert (
        client.post("/v1/auth/token", json={"username": "veteran", "password": "old-params"}).status_code
        == 200
    )

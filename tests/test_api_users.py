"""Users managed by admins (DESIGN.md §3 "Users and policy"): create with a password of at least
12 characters that is not the username, change role, disable and enable (a disabled user's token
is refused at once), reset a password (changed by the user at the next sign-in), the last enabled
admin stays, every change audited; and two admins demoting each other at once leave one admin,
on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from backend.audit.models import AuditRecord
from backend.auth.models import User
from backend.db import make_sessionmaker, transaction
from tests.helpers.api import committing_engine, idempotency_headers, login, make_client, problem
from tests.helpers.cases import user_named


@pytest.fixture
def client(session_factory: sessionmaker[Session]) -> TestClient:
    return make_client(session_factory)


@pytest.fixture
def admin(client: TestClient) -> dict[str, str]:
    return login(client, "admin1")


def post(client: TestClient, path: str, headers: dict[str, str], body: Any = None) -> Any:
    return client.post(path, json=body if body is not None else {}, headers=idempotency_headers(headers))


def create(client: TestClient, admin: dict[str, str], username: str, role: str = "agent",
           password: str = "a long enough password") -> Any:
    return post(client, "/v1/users", admin,
                {"username": username, "display_name": username.title(), "role": role, "password": password})


def user_id(client: TestClient, admin: dict[str, str], username: str) -> int:
    users = client.get("/v1/users", headers=admin).json()["items"]
    return int(next(u["id"] for u in users if u["username"] == username))


def ready_user(client: TestClient, admin: dict[str, str], username: str, role: str) -> dict[str, str]:
    """A user created by the admin who has chosen their own password; their signed-in headers."""
    assert create(client, admin, username, role).status_code == 201
    headers = login(client, username, "a long enough password")
    changed = client.post("/v1/me/password", headers=headers,
                          json={"current_password": "a long enough password", "new_password": "my very own password"})
    assert changed.status_code == 200, changed.text
    return headers


def audit_actions(session_factory: sessionmaker[Session], entity_id: int) -> list[str]:
    with session_factory() as session:
        return list(session.scalars(
            select(AuditRecord.action)
            .where(AuditRecord.entity_type == "user", AuditRecord.entity_id == str(entity_id))
            .where(AuditRecord.action.like("user.%"))  # user management; sign-ins are auth.*
            .order_by(AuditRecord.id)
        ))


def test_admins_list_the_users(client: TestClient, admin: dict[str, str]) -> None:
    response = client.get("/v1/users", headers=admin)

    assert response.status_code == 200
    names = [u["username"] for u in response.json()["items"]]
    assert names == sorted(names)
    assert {"agent1", "admin1", "super2"} <= set(names)
    assert "password_hash" not in response.json()["items"][0]


def test_the_list_pages_by_username(client: TestClient, admin: dict[str, str]) -> None:
    first = client.get("/v1/users", params={"limit": 2}, headers=admin).json()
    second = client.get("/v1/users", params={"limit": 2, "cursor": first["next_cursor"]}, headers=admin).json()

    assert [u["username"] for u in first["items"]] == ["admin1", "agent1"]
    assert [u["username"] for u in second["items"]] == ["agent2", "handler1"]


def test_a_new_user_must_choose_a_password_at_the_first_sign_in(
    client: TestClient, admin: dict[str, str], session_factory: sessionmaker[Session]
) -> None:
    created = create(client, admin, "li.na", "agent")
    assert created.status_code == 201, created.text
    assert created.json()["must_change_password"] is True

    headers = login(client, "li.na", "a long enough password")
    me = client.get("/v1/me", headers=headers)
    held = client.get("/v1/customers", params={"q": "王"}, headers=headers)
    assert me.json()["must_change_password"] is True
    assert held.status_code == 403
    assert problem(held)["code"] == "password_change_required"

    changed = client.post("/v1/me/password", headers=headers,
                          json={"current_password": "a long enough password", "new_password": "li na's own secret"})
    assert changed.status_code == 200, changed.text
    assert changed.json()["must_change_password"] is False
    assert client.get("/v1/customers", params={"q": "王"}, headers=headers).status_code == 200
    assert audit_actions(session_factory, created.json()["id"]) == ["user.created", "user.password_changed"]


@pytest.mark.parametrize(
    ("password", "status"),
    [("x" * 11, 422), ("x" * 12, 201), ("x" * 13, 201), ("Zhang.Wei.01", 422), ("zhang.wei.01", 422)],
    ids=["11 characters", "12 characters", "13 characters", "the username", "the username in lower case"],
)
def test_passwords_have_12_characters_and_are_not_the_username(
    client: TestClient, admin: dict[str, str], password: str, status: int
) -> None:
    response = create(client, admin, "Zhang.Wei.01", password=password)

    assert response.status_code == status, response.text
    if status == 422:
        body = problem(response)
        assert body["code"] == "weak_password"
        assert body["detail"] in (
            "The password must be at least 12 characters long.", "The password must not be the username."
        )


def test_a_taken_username_is_409(client: TestClient, admin: dict[str, str]) -> None:
    response = create(client, admin, "agent1")

    assert response.status_code == 409
    assert problem(response)["code"] == "username_taken"


def test_a_role_change_applies_to_the_next_request(
    client: TestClient, admin: dict[str, str], session_factory: sessionmaker[Session]
) -> None:
    agent = login(client, "agent1")
    target = user_id(client, admin, "agent1")
    assert client.get("/v1/cases/assignees", params={"queue": "disputes"}, headers=agent).status_code == 403

    changed = post(client, f"/v1/users/{target}/actions/change_role", admin, {"role": "supervisor"})

    assert changed.status_code == 200
    assert changed.json()["role"] == "supervisor"
    assert client.get("/v1/cases/assignees", params={"queue": "disputes"}, headers=agent).status_code == 200
    with session_factory() as session:
        record = session.scalars(select(AuditRecord).where(AuditRecord.action == "user.role_changed")).one()
        assert (record.before, record.after) == ({"role": "agent"}, {"role": "supervisor"})


def test_a_disabled_users_token_is_refused_at_once_and_enabling_lets_them_back(
    client: TestClient, admin: dict[str, str], session_factory: sessionmaker[Session]
) -> None:
    agent = login(client, "agent1")
    target = user_id(client, admin, "agent1")
    assert client.get("/v1/me", headers=agent).status_code == 200

    assert post(client, f"/v1/users/{target}/actions/disable", admin).json()["active"] is False

    assert client.get("/v1/me", headers=agent).status_code == 401
    refused = client.post("/v1/auth/token", json={"username": "agent1", "password": "demo"})
    assert refused.status_code == 401
    assert post(client, f"/v1/users/{target}/actions/enable", admin).json()["active"] is True
    assert client.get("/v1/me", headers=login(client, "agent1")).status_code == 200
    assert client.get("/v1/me", headers=agent).status_code == 401  # the old token stays revoked
    assert audit_actions(session_factory, target) == ["user.disabled", "user.enabled"]


def test_a_reset_password_ends_the_sessions_and_must_be_changed(
    client: TestClient, admin: dict[str, str], session_factory: sessionmaker[Session]
) -> None:
    agent = login(client, "agent1")
    target = user_id(client, admin, "agent1")

    reset = post(client, f"/v1/users/{target}/actions/reset_password", admin, {"password": "temporary password 1"})

    assert reset.status_code == 200
    assert reset.json()["must_change_password"] is True
    assert client.get("/v1/me", headers=agent).status_code == 401
    assert client.post("/v1/auth/token", json={"username": "agent1", "password": "demo"}).status_code == 401
    fresh = login(client, "agent1", "temporary password 1")
    assert problem(client.get("/v1/cases", headers=fresh))["code"] == "password_change_required"
    with session_factory() as session:
        record = session.scalars(select(AuditRecord).where(AuditRecord.action == "user.password_reset")).one()
        assert "password" not in str(record.after).replace("must_change_password", "")


def test_a_short_reset_password_is_422(client: TestClient, admin: dict[str, str]) -> None:
    target = user_id(client, admin, "agent1")

    response = post(client, f"/v1/users/{target}/actions/reset_password", admin, {"password": "short"})

    assert response.status_code == 422
    assert problem(response)["detail"] == "The password must be at least 12 characters long."


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"current_password": "not the password", "new_password": "a good new password"}, "wrong_current_password"),
        ({"current_password": "demo", "new_password": "too short"}, "weak_password"),
        ({"current_password": "demo", "new_password": "AGENT1"}, "weak_password"),
    ],
    ids=["wrong current", "short", "username"],
)
def test_a_bad_own_password_change_is_422(client: TestClient, body: dict[str, str], code: str) -> None:
    response = client.post("/v1/me/password", headers=login(client, "agent1"), json=body)

    assert response.status_code == 422
    assert problem(response)["code"] == code


def test_the_last_enabled_admin_cannot_be_demoted_or_disabled(client: TestClient, admin: dict[str, str]) -> None:
    me = user_id(client, admin, "admin1")

    demoted = post(client, f"/v1/users/{me}/actions/change_role", admin, {"role": "supervisor"})
    disabled = post(client, f"/v1/users/{me}/actions/disable", admin)

    assert (demoted.status_code, disabled.status_code) == (409, 409)
    assert problem(demoted)["code"] == problem(disabled)["code"] == "last_admin"
    assert client.get("/v1/me", headers=admin).json()["role"] == "admin"


def test_with_a_second_admin_one_may_go_but_not_both(client: TestClient, admin: dict[str, str]) -> None:
    ready_user(client, admin, "admin.two", "admin")
    two, one = user_id(client, admin, "admin.two"), user_id(client, admin, "admin1")

    assert post(client, f"/v1/users/{two}/actions/disable", admin).status_code == 200
    assert problem(post(client, f"/v1/users/{one}/actions/disable", admin))["code"] == "last_admin"
    # A disabled admin does not count: enabling them again lets admin1 step down.
    assert post(client, f"/v1/users/{two}/actions/enable", admin).status_code == 200
    assert post(client, f"/v1/users/{one}/actions/change_role", admin, {"role": "agent"}).status_code == 200


def test_an_unknown_user_is_404(client: TestClient, admin: dict[str, str]) -> None:
    assert post(client, "/v1/users/999999/actions/disable", admin).status_code == 404


def run_at_once(count: int, call: Any) -> list[Any]:
    barrier = threading.Barrier(count)

    def go(i: int) -> Any:
        barrier.wait()
        return call(i)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(go, range(count)))


@pytest.mark.parametrize("action", ["change_role", "disable"])
def test_two_admins_removing_each_other_at_once_leave_one(
    db_url: str, db_engine: object, tmp_path: Path, action: str
) -> None:
    """admin1 demotes (or disables) admin.two while admin.two does the same to admin1, at once,
    ten rounds, on a database whose commits are real: each round exactly one wins and one admin
    stays enabled."""
    with committing_engine(db_url, tmp_path) as engine:
        factory = make_sessionmaker(engine)
        client = make_client(factory)
        admin = login(client, "admin1")
        ready_user(client, admin, "admin.two", "admin")
        ids = {"admin1": user_id(client, admin, "admin1"), "admin.two": user_id(client, admin, "admin.two")}
        body = {"role": "agent"} if action == "change_role" else {}
        outcomes: Counter[int] = Counter()
        for _round in range(10):
            with transaction(factory) as session:  # both admins again, enabled
                for user in session.scalars(select(User).where(User.id.in_(ids.values()))):
                    user.role, user.active = "admin", True
            headers = [login(client, "admin1"), login(client, "admin.two", "my very own password")]
            targets = [ids["admin.two"], ids["admin1"]]
            statuses = run_at_once(2, lambda i, targets=targets, headers=headers: post(
                client, f"/v1/users/{targets[i]}/actions/{action}", headers[i], body).status_code)
            outcomes.update(statuses)
            # The loser is refused as the last admin (409), as no longer an admin (403), or, once
            # disabled, for its revoked token (401).
            assert sorted(statuses)[0] == 200 and sorted(statuses)[1] in (401, 403, 409), statuses
            with factory() as session:
                left = session.scalars(select(User.username).where(User.role == "admin", User.active.is_(True)))
                assert len(list(left)) == 1
        assert outcomes[200] == 10


def test_admins_see_the_trail_without_customer_data(
    client: TestClient, admin: dict[str, str], session_factory: sessionmaker[Session]
) -> None:
    from backend.audit.service import record_audit

    with transaction(session_factory) as session:
        record_audit(session=session, action="note.added", entity_type="note", entity_id=1,
                     after={"account_id": 1, "channel": "phone", "body": "Customer's words"},
                     actor_id=user_named(session, "agent1").id, actor_role="agent")
    supervisor = login(client, "super1")

    as_admin = client.get("/v1/audit", params={"entity_type": "note"}, headers=admin).json()["items"][0]
    as_supervisor = client.get("/v1/audit", params={"entity_type": "note"}, headers=supervisor).json()["items"][0]

    # Only workflow fields (ids, states) reach an admin; the note's words never do.
    assert as_admin["after"]["account_id"] == 1 and as_admin["after"]["body"] == "[withheld]"
    assert as_supervisor["after"]["body"] == "Customer's words"


def test_admins_verify_the_chain(client: TestClient, admin: dict[str, str],
                                 session_factory: sessionmaker[Session]) -> None:
    create(client, admin, "chain.user")

    ok = client.post("/v1/audit/verify", headers=admin).json()
    with transaction(session_factory) as session:
        record = session.scalars(select(AuditRecord).order_by(AuditRecord.id.desc()).limit(1)).one()
        record.after = {"username": "someone else"}
        broken_id = record.id
    broken = client.post("/v1/audit/verify", headers=admin).json()

    assert ok["ok"] is True and ok["first_broken_id"] is None and ok["record_count"] >= 1
    assert broken["ok"] is False and broken["first_broken_id"] == broken_id


def test_admins_read_the_policy_changes_they_run(
    client: TestClient, admin: dict[str, str], session_factory: sessionmaker[Session]
) -> None:
    from backend.audit.service import record_audit

    with transaction(session_factory) as session:
        record_audit(session=session, action="policy.change_proposed", entity_type="policy_change", entity_id=1,
                     after={"limit": "fee_waiver_agent_limit_fen", "old_value": 5000, "new_value": 6000},
                     actor_id=user_named(session, "admin1").id, actor_role="admin")

    as_admin = client.get("/v1/audit", params={"entity_type": "policy_change"}, headers=admin).json()["items"][0]

    assert as_admin["after"] == {"limit": "fee_waiver_agent_limit_fen", "old_value": 5000, "new_value": 6000}

"""Policy limits in the database (DESIGN.md §3 "Users and policy"): the configuration seeds them;
an admin proposes, another approves (never their own: 403), the new value applies from approval
and the services read it on the next request; the history keeps who, when, why; two approvals of
one change at once: exactly one applies, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from backend.arrangements.service import settle_arrangements
from backend.audit.models import AuditRecord
from backend.auth.service import create_user
from backend.db import make_sessionmaker, transaction
from backend.policy.models import PolicyChange, PolicyLimit
from backend.policy.service import current_policy
from backend.settings import Policy, Settings
from tests.helpers.api import committing_engine, idempotency_headers, login, make_client, problem
from tests.helpers.seeded import TODAY

SECOND_ADMIN_PASSWORD = "the second admin's password"


def add_second_admin(session_factory: sessionmaker[Session]) -> None:
    with transaction(session_factory) as session:
        create_user(session=session, username="admin2", display_name="Admin Two", role="admin",
                    password=SECOND_ADMIN_PASSWORD)


@pytest.fixture
def client(session_factory: sessionmaker[Session]) -> TestClient:
    client = make_client(session_factory)
    add_second_admin(session_factory)
    return client


@pytest.fixture
def admins(client: TestClient) -> tuple[dict[str, str], dict[str, str]]:
    return login(client, "admin1"), login(client, "admin2", SECOND_ADMIN_PASSWORD)


def post(client: TestClient, path: str, headers: dict[str, str], body: Any = None) -> Any:
    return client.post(path, json=body if body is not None else {}, headers=idempotency_headers(headers))


def propose(client: TestClient, headers: dict[str, str], name: str, value: int, reason: str = "Seasonal demand.") -> Any:
    return post(client, "/v1/policy/changes", headers, {"name": name, "value": value, "reason": reason})


def limits(client: TestClient, headers: dict[str, str]) -> dict[str, int]:
    return {limit["name"]: limit["value"] for limit in client.get("/v1/policy", headers=headers).json()["limits"]}


def test_before_any_change_the_limits_are_the_configurations(client: TestClient, admins: Any) -> None:
    body = client.get("/v1/policy", headers=admins[0]).json()

    assert {limit["name"]: limit["value"] for limit in body["limits"]} == vars(Policy())
    assert all(limit["seeded"] for limit in body["limits"])
    assert body["pending"] == []


def test_a_change_proposed_and_approved_by_two_admins_applies(
    client: TestClient, admins: Any, session_factory: sessionmaker[Session]
) -> None:
    first, second = admins
    proposed = propose(client, first, "fee_waiver_agent_limit_fen", 8_000, "Agents may waive more.")
    assert proposed.status_code == 201, proposed.text
    change = proposed.json()
    assert (change["status"], change["old_value"], change["new_value"]) == ("pending", 5_000, 8_000)
    assert limits(client, first)["fee_waiver_agent_limit_fen"] == 5_000  # not before approval

    approved = post(client, f"/v1/policy/changes/{change['id']}/actions/approve", second, {"comment": "Agreed."})

    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "approved"
    assert approved.json()["decided_by_name"] == "Admin Two"
    assert approved.json()["effective_from"] is not None
    assert limits(client, first)["fee_waiver_agent_limit_fen"] == 8_000
    history = client.get("/v1/policy/changes", params={"name": "fee_waiver_agent_limit_fen"}, headers=first).json()
    assert [(c["status"], c["new_value"], c["reason"]) for c in history["items"]] == [
        ("approved", 8_000, "Agents may waive more."),
        ("seeded", 5_000, "The first value, from the configuration."),
    ]
    with session_factory() as session:
        actions = list(session.scalars(
            select(AuditRecord.action).where(AuditRecord.entity_type == "policy_change").order_by(AuditRecord.id)))
        assert actions == ["policy.change_proposed", "policy.change_approved"]


def test_approving_ones_own_change_is_403(client: TestClient, admins: Any) -> None:
    first, _second = admins
    change = propose(client, first, "promise_max_days", 21).json()

    response = post(client, f"/v1/policy/changes/{change['id']}/actions/approve", first)

    assert response.status_code == 403
    assert problem(response)["code"] == "four_eyes"
    assert limits(client, first)["promise_max_days"] == 14


def test_a_rejected_change_never_applies_and_a_decided_one_cannot_be_decided_again(
    client: TestClient, admins: Any
) -> None:
    first, second = admins
    change = propose(client, first, "promise_max_days", 21).json()

    rejected = post(client, f"/v1/policy/changes/{change['id']}/actions/reject", second, {"comment": "Too long."})
    again = post(client, f"/v1/policy/changes/{change['id']}/actions/approve", second)

    assert rejected.json()["status"] == "rejected"
    assert again.status_code == 409
    assert problem(again)["code"] == "policy_change_not_pending"
    assert limits(client, first)["promise_max_days"] == 14


def test_one_change_per_limit_waits_at_a_time(client: TestClient, admins: Any) -> None:
    first, second = admins
    waiting = propose(client, first, "promise_max_days", 21).json()

    response = propose(client, second, "promise_max_days", 10)

    assert response.status_code == 409
    assert problem(response)["pending_change_id"] == waiting["id"]
    assert propose(client, second, "fraud_decide_days", 10).status_code == 201  # another limit may


@pytest.mark.parametrize(
    ("name", "value", "code"),
    [
        ("promise_max_days", 14, "policy_unchanged"),
        ("promise_max_days", 0, "invalid_policy_change"),  # below 1 day
        ("promise_max_days", 366, "invalid_policy_change"),  # above 365 days
        ("extension_agent_max_days", 11, "invalid_policy_change"),  # above the supervisors' 10
        ("hardship_agent_max_months", 2, "invalid_policy_change"),  # below the 3-month minimum
        ("no_such_limit", 1, "invalid_policy_change"),
    ],
)
def test_changes_outside_the_rules_are_422(client: TestClient, admins: Any, name: str, value: int, code: str) -> None:
    response = propose(client, admins[0], name, value)

    assert response.status_code == 422, response.text
    assert problem(response)["code"] == code


@pytest.mark.parametrize("value", [1, 365])
def test_the_edges_of_a_limits_range_are_allowed(client: TestClient, admins: Any, value: int) -> None:
    assert propose(client, admins[0], "promise_max_days", value).status_code == 201


def test_the_configuration_only_seeds_the_first_values(session_factory: sessionmaker[Session]) -> None:
    seeded = Settings(database_url="sqlite://", demo_mode=True, policy=replace(Policy(), promise_max_days=20))
    client = make_client(session_factory, settings=seeded)
    add_second_admin(session_factory)
    admin = login(client, "admin1")
    assert limits(client, admin)["promise_max_days"] == 20
    propose(client, admin, "fraud_decide_days", 10)  # the first change writes the seed down

    reconfigured = Settings(database_url="sqlite://", demo_mode=True, policy=replace(Policy(), promise_max_days=30))
    other_process = make_client(session_factory, settings=reconfigured, demo_users=False)

    assert limits(other_process, login(other_process, "admin1"))["promise_max_days"] == 20
    with session_factory() as session:
        assert current_policy(session=session, seed=Policy()).promise_max_days == 20


def test_end_of_day_reads_the_limits_from_the_database(
    client: TestClient, admins: Any, session_factory: sessionmaker[Session]
) -> None:
    first, second = admins
    change = propose(client, first, "hardship_missed_payments_to_break", 3).json()
    post(client, f"/v1/policy/changes/{change['id']}/actions/approve", second)
    seen: list[Policy] = []
    import backend.arrangements.service as arrangements_service

    original = arrangements_service.current_policy

    def spy(**kwargs: Any) -> Policy:
        seen.append(original(**kwargs))
        return seen[-1]

    arrangements_service.current_policy = spy  # type: ignore[assignment]
    try:
        with transaction(session_factory) as session:
            settle_arrangements(session, TODAY)
    finally:
        arrangements_service.current_policy = original
    assert [p.hardship_missed_payments_to_break for p in seen] == [3]


def test_two_approvals_of_one_change_at_once_apply_it_once(db_url: str, db_engine: object, tmp_path: Path) -> None:
    """Two admins (not the proposer) approve the same change at the same moment, five rounds:
    each round exactly one 200 and one 409, and one approval in the history."""
    with committing_engine(db_url, tmp_path) as engine:
        factory = make_sessionmaker(engine)
        try:
            client = make_client(factory)
            with transaction(factory) as session:
                for name in ("admin2", "admin3"):
                    create_user(session=session, username=name, display_name=name, role="admin",
                                password=SECOND_ADMIN_PASSWORD)
            proposer = login(client, "admin1")
            approvers = [login(client, name, SECOND_ADMIN_PASSWORD) for name in ("admin2", "admin3")]
            for value in range(20, 25):
                change = propose(client, proposer, "promise_max_days", value).json()
                barrier = threading.Barrier(2)

                def approve(i: int, change_id: int = change["id"], barrier: threading.Barrier = barrier) -> int:
                    barrier.wait()
                    return int(post(client, f"/v1/policy/changes/{change_id}/actions/approve",
                                    approvers[i]).status_code)

                with ThreadPoolExecutor(max_workers=2) as pool:
                    statuses = sorted(pool.map(approve, range(2)))
                assert statuses == [200, 409]
                assert limits(client, proposer)["promise_max_days"] == value
            with factory() as session:
                approved = session.scalars(select(PolicyChange).where(PolicyChange.status == "approved")).all()
                assert len(approved) == 5
        finally:
            with engine.begin() as connection:
                connection.execute(delete(PolicyChange))
                connection.execute(delete(PolicyLimit))

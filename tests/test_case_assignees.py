"""`GET /v1/cases/assignees`: whom a supervisor can assign cases to (DESIGN.md §3 Cases and queues):
dispute handlers and supervisors for disputes and fraud, supervisors for approvals, each with the
open cases they hold; supervisors only."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import func, select

from backend.accounts.models import Account
from backend.auth.models import User
from backend.cases.models import Case, CaseType
from backend.clock import BUSINESS_TZ
from tests.helpers.api import problem
from tests.helpers.cases import make_case, user_named
from tests.helpers.seeded import NOON, TODAY, SeededApi, seeded_api_fixture, seeded_fixture  # noqa: F401

NOW = datetime.combine(TODAY, NOON, BUSINESS_TZ).astimezone(timezone.utc)


def assignees(api: SeededApi, role: str = "supervisor", **params: Any) -> Any:
    return api.client.get("/v1/cases/assignees", params=params, headers=api.headers[role])


def items(api: SeededApi, **params: Any) -> list[dict[str, Any]]:
    response = assignees(api, **params)
    assert response.status_code == 200, response.text
    result: list[dict[str, Any]] = response.json()["items"]
    return result


def open_held(api: SeededApi) -> dict[int, int]:
    """Open cases per assignee, counted straight from the database."""
    with api.session() as session:
        rows = session.execute(
            select(Case.assignee_id, func.count())
            .where(Case.is_open.is_(True), Case.assignee_id.is_not(None))
            .group_by(Case.assignee_id)
        ).all()
    return {int(uid): int(n) for uid, n in rows}


def users_with_roles(api: SeededApi, *roles: str) -> set[str]:
    with api.session() as session:
        return set(
            session.scalars(select(User.username).where(User.role.in_(roles), User.active.is_(True)))
        )


def test_disputes_lists_every_handler_and_supervisor_with_the_open_cases_they_hold(api: SeededApi) -> None:
    listed = items(api, queue="disputes")
    held = open_held(api)

    assert {item["username"] for item in listed} == users_with_roles(api, "dispute_handler", "supervisor")
    assert {"handler1", "super1", "super2"} <= {item["username"] for item in listed}
    for item in listed:
        assert item["role"] in ("dispute_handler", "supervisor")
        assert item["open_cases"] == held.get(item["id"], 0)
        assert item["display_name"]
    names = [(item["display_name"], item["id"]) for item in listed]
    assert names == sorted(names)


def test_approvals_lists_supervisors_only(api: SeededApi) -> None:
    listed = items(api, queue="approvals")

    assert {item["username"] for item in listed} == users_with_roles(api, "supervisor")
    assert all(item["role"] == "supervisor" for item in listed)


def test_several_queues_list_who_works_every_one_of_them(api: SeededApi) -> None:
    both = assignees(api, queue="fraud, approvals")
    anyone = assignees(api)

    assert both.status_code == 200
    assert both.json()["queues"] == ["fraud", "approvals"]
    assert {item["role"] for item in both.json()["items"]} == {"supervisor"}
    assert anyone.json()["queues"] == ["disputes", "fraud", "approvals"]
    assert {item["username"] for item in anyone.json()["items"]} == users_with_roles(
        api, "dispute_handler", "supervisor"
    )


def test_the_count_follows_open_assignments_and_leaves_out_closed_cases(api: SeededApi) -> None:
    def held_by_handler1() -> int:
        return next(item["open_cases"] for item in items(api, queue="fraud") if item["username"] == "handler1")

    before = held_by_handler1()
    with api.session() as session:
        account = session.scalars(select(Account).order_by(Account.id).limit(1)).one()
        for closed in (False, False, True):
            make_case(
                session,
                account=account,
                opened_at=NOW - timedelta(hours=1),
                due_at=NOW + timedelta(days=1),
                case_type=CaseType.FRAUD_REPORT,
                assignee="handler1",
                closed=closed,
            )
        session.commit()

    assert held_by_handler1() == before + 2


def test_an_inactive_user_is_not_offered(api: SeededApi) -> None:
    with api.session() as session:
        user_named(session, "super2").active = False
        session.commit()

    assert "super2" not in {item["username"] for item in items(api, queue="approvals")}


@pytest.mark.parametrize("role", ["agent", "dispute_handler", "admin"])
def test_only_supervisors_may_ask(api: SeededApi, role: str) -> None:
    response = assignees(api, role, queue="disputes")

    assert response.status_code == 403
    assert problem(response)["code"] == "forbidden"


def test_an_unknown_queue_is_a_validation_problem(api: SeededApi) -> None:
    response = assignees(api, queue="collections")

    assert response.status_code == 422
    assert problem(response)["code"] == "validation_failed"


def test_it_is_in_the_openapi_document(api: SeededApi) -> None:
    operation = api.client.app.openapi()["paths"]["/v1/cases/assignees"]["get"]  # type: ignore[attr-defined]

    assert {"200", "401", "403", "422"} <= set(operation["responses"])
    assert operation["parameters"][0]["name"] == "queue"

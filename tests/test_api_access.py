"""Every read-API endpoint × every role (DESIGN.md §3 Roles), and 401 without a valid token."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from backend.accounts.models import Account
from backend.billing.models import Bill
from backend.installments.models import InstallmentPlan
from tests.helpers.api import problem
from tests.helpers.seeded import SeededApi, seeded_api_fixture, seeded_fixture  # noqa: F401

ALLOWED = ("agent", "dispute_handler", "supervisor")


@dataclass(frozen=True)
class Call:
    method: str
    path: str  # the route's path template
    json: dict[str, Any] | None = None
    params: dict[str, Any] | None = None


CALLS = (
    Call("GET", "/v1/customers", params={"q": "王"}),
    Call("GET", "/v1/customers/{customer_id}", params={"include": "accounts,current_bills,plans,alerts"}),
    Call("POST", "/v1/customers/{customer_id}/reveal", json={"field": "phone", "reason": "identity check"}),
    Call("GET", "/v1/customers/{customer_id}/history", params={"kind": "note,reveal"}),
    Call("GET", "/v1/customers/{customer_id}/alerts"),
    Call("GET", "/v1/accounts/{account_id}"),
    Call("GET", "/v1/accounts/{account_id}/transactions"),
    Call("GET", "/v1/accounts/{account_id}/bills"),
    Call("GET", "/v1/accounts/{account_id}/bills/{bill_id}"),
    Call("GET", "/v1/accounts/{account_id}/installment-plans"),
    Call("GET", "/v1/installment-plans/{plan_id}"),
    Call("GET", "/v1/installment-plans/{plan_id}/payoff-quote"),
    Call("GET", "/v1/accounts/{account_id}/notes"),
    Call("POST", "/v1/accounts/{account_id}/notes", json={"body": "Called back."}),
)


def ids(api: SeededApi) -> dict[str, int]:
    with api.session() as session:
        plan = session.scalars(select(InstallmentPlan).order_by(InstallmentPlan.id).limit(1)).one()
        account = session.get(Account, plan.account_id)
        bill = session.scalars(select(Bill).where(Bill.account_id == plan.account_id).limit(1)).one()
    assert account is not None
    return {
        "customer_id": account.customer_id,
        "account_id": account.id,
        "bill_id": bill.id,
        "plan_id": plan.id,
    }


def send(api: SeededApi, call: Call, headers: dict[str, str]) -> Any:
    headers = {**headers, "Idempotency-Key": str(uuid.uuid4())} if call.method == "POST" else headers
    return api.client.request(
        call.method, call.path.format(**ids(api)), json=call.json, params=call.params, headers=headers
    )


def test_the_matrix_covers_every_customer_data_route(api: SeededApi) -> None:
    paths = api.client.get("/openapi.json").json()["paths"]
    routes = {
        (method.upper(), path)
        for path, operations in paths.items()
        for method, operation in operations.items()
        if set(operation.get("tags", ())) & {"customers", "accounts", "bills", "installments", "notes"}
    }

    assert routes == {(call.method, call.path) for call in CALLS}


@pytest.mark.parametrize("call", CALLS, ids=lambda c: f"{c.method} {c.path}")
@pytest.mark.parametrize("role", ALLOWED)
def test_servicing_roles_may(api: SeededApi, call: Call, role: str) -> None:
    response = send(api, call, api.headers[role])

    assert response.status_code in (200, 201), response.text


@pytest.mark.parametrize("call", CALLS, ids=lambda c: f"{c.method} {c.path}")
def test_admins_may_not_see_customer_data(api: SeededApi, call: Call) -> None:
    response = send(api, call, api.headers["admin"])

    assert response.status_code == 403
    assert problem(response)["code"] == "forbidden"


@pytest.mark.parametrize("call", CALLS, ids=lambda c: f"{c.method} {c.path}")
@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic YTpi"}],
    ids=["none", "bad-token", "basic"],
)
def test_without_a_valid_token_it_is_401(api: SeededApi, call: Call, headers: dict[str, str]) -> None:
    response = send(api, call, headers)

    assert response.status_code == 401
    assert problem(response)["code"] == "unauthorized"


def test_a_revoked_token_is_401(api: SeededApi) -> None:
    from tests.helpers.api import login

    headers = login(api.client, "agent2")
    assert api.client.post("/v1/auth/logout", headers=headers).status_code == 204

    response = api.client.get("/v1/customers", params={"q": "王"}, headers=headers)

    assert response.status_code == 401


def test_admin_is_refused_before_input_is_checked(api: SeededApi) -> None:
    """A 403 says nothing about whether an id exists or an input is valid."""
    for path in ("/v1/customers/987654321", "/v1/customers?q=", "/v1/accounts/0"):
        assert api.client.get(path, headers=api.headers["admin"]).status_code == 403, path

"""A service reads a policy limit from the database on the next request after its approval
(DESIGN.md §3 "Users and policy"), on the seeded demo data."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from backend.accounts.models import Account
from backend.auth.service import create_user
from backend.policy.models import PolicyLimit
from tests.helpers.api import idempotency_headers, login, problem
from tests.helpers.seeded import TODAY, SeededApi, seeded_api_fixture, seeded_fixture  # noqa: F401

SECOND_ADMIN_PASSWORD = "the second admin's password"


def post(client: TestClient, path: str, headers: dict[str, str], body: Any) -> Any:
    return client.post(path, json=body, headers=idempotency_headers(headers))


def test_a_service_reads_the_new_limit_on_the_next_request(api: SeededApi) -> None:
    """A promise to pay 20 days out is refused under the 14-day limit and quoted once 30 days are approved."""
    with api.session() as session:
        create_user(session=session, username="admin2", display_name="Admin Two", role="admin",
                    password=SECOND_ADMIN_PASSWORD)
        session.commit()
        assert session.scalars(select(PolicyLimit.name)).first() is None  # nothing before the first change
    second = login(api.client, "admin2", SECOND_ADMIN_PASSWORD)
    quote_body = {"type": "promise_to_pay", "amount_fen": 100, "promised_date": str(TODAY + timedelta(days=20))}
    account = _an_account_that_owes(api)
    path = f"/v1/accounts/{account}/arrangement-quotes"
    before = api.client.post(path, json=quote_body, headers=api.agent)
    assert before.status_code == 422 and problem(before)["code"] == "invalid_promised_date", before.text

    change = post(api.client, "/v1/policy/changes", api.headers["admin"],
                  {"name": "promise_max_days", "value": 30, "reason": "Customers are paid monthly."}).json()
    assert post(api.client, f"/v1/policy/changes/{change['id']}/actions/approve", second, {}).status_code == 200

    after = api.client.post(path, json=quote_body, headers=api.agent)
    assert after.status_code == 200, after.text


def _an_account_that_owes(api: SeededApi) -> int:
    with api.session() as session:
        return int(session.scalars(
            select(Account.id)
            .where(Account.status == "active", Account.product == "credit_line", Account.past_due_fen > 0)
            .order_by(Account.id)
        ).first() or 0)

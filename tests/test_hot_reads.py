"""The hot reads an agent makes on every call (transactions, bills, plans, the customer open) are
served from plain rows straight to JSON (docs/load.md, "The hot reads"). Two things hold them:

- each answer is exactly what its documented response model says: validated by the model and
  dumped again, it is the same document (no field missing, none extra, every value in the
  model's own JSON form);
- each costs the statements named here, whatever the page holds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter
from sqlalchemy import Connection, event, select

from backend.accounts.models import Account, Transaction
from backend.accounts.schemas import TransactionOut
from backend.billing.schemas import BillOut
from backend.common.pagination import Page
from backend.customers.models import Customer
from backend.customers.schemas import CustomerProfile
from backend.installments.models import InstallmentPlan
from backend.installments.schemas import InstallmentPlanOut
from tests.helpers.api import idempotency_headers
from tests.helpers.seeded import SeededApi, seeded_api_fixture, seeded_fixture  # noqa: F401


def same_as_the_model(body: bytes, model: type[BaseModel] | TypeAdapter[Any]) -> dict[str, Any]:
    """The answer, after checking that the model reads it and writes it back unchanged."""
    document = json.loads(body)
    if isinstance(model, TypeAdapter):
        again = model.dump_python(model.validate_json(body), mode="json", by_alias=True)
    else:
        again = model.model_validate_json(body).model_dump(mode="json", by_alias=True)
    assert again == document
    return document  # type: ignore[no-any-return]


def all_pages(api: SeededApi, path: str, model: type[BaseModel], **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        response = api.client.get(path, params={**params, **({"cursor": cursor} if cursor else {})},
                                  headers=api.agent)
        assert response.status_code == 200, response.text
        page = same_as_the_model(response.content, model)
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return items


def put_claims_on(api: SeededApi) -> set[int]:
    """A dispute on one purchase and a fraud report on two others, on two active credit lines
    (through the API): the transactions they claim."""
    with api.session() as session:
        purchases = session.execute(
            select(Transaction.account_id, Transaction.id)
            .join(Account, Account.id == Transaction.account_id)
            .where(Transaction.type == "purchase", Account.status == "active", Account.product == "credit_line")
            .order_by(Transaction.account_id, Transaction.id)
        ).all()
    by_account: dict[int, list[int]] = {}
    for account_id, transaction_id in purchases:
        by_account.setdefault(account_id, []).append(transaction_id)
    (first, disputed), (second, reported) = [(a, ids) for a, ids in by_account.items() if len(ids) >= 2][:2]
    dispute = api.client.post("/v1/disputes", headers=idempotency_headers(api.agent), json={
        "transaction_id": disputed[0], "category": "consumer_dispute", "reason": "not_received",
        "disputed_amount_fen": 100, "description": "The parcel never arrived.", "channel": "phone"})
    assert dispute.status_code == 201, dispute.text
    report = api.client.post("/v1/fraud-reports", headers=idempotency_headers(api.agent), json={
        "account_id": second, "category": "unknown_transactions", "transaction_ids": reported[:2],
        "description": "Customer did not make these two purchases.", "channel": "phone"})
    assert report.status_code == 201, report.text
    return {disputed[0], *reported[:2]}


def test_transactions_bills_and_plans_of_every_account_read_as_their_models(api: SeededApi) -> None:
    claimed_ids = put_claims_on(api)
    with api.session() as session:
        account_ids = list(session.scalars(select(Account.id).order_by(Account.id)))
    claimed: set[int] = set()
    for account_id in account_ids:
        transactions = all_pages(api, f"/v1/accounts/{account_id}/transactions", Page[TransactionOut], limit=7)
        assert len({t["id"] for t in transactions}) == len(transactions)  # pages neither skip nor repeat
        claimed |= {t["id"] for t in transactions if t["claims"]}
        bills = all_pages(api, f"/v1/accounts/{account_id}/bills", Page[BillOut], limit=2)
        assert [b["statement_date"] for b in bills] == sorted((b["statement_date"] for b in bills), reverse=True)
        response = api.client.get(f"/v1/accounts/{account_id}/installment-plans", headers=api.agent)
        assert response.status_code == 200
        for plan in same_as_the_model(response.content, Page[InstallmentPlanOut])["items"]:
            one = api.client.get(f"/v1/installment-plans/{plan['id']}", headers=api.agent)
            assert same_as_the_model(one.content, InstallmentPlanOut) == plan
    assert claimed == claimed_ids


def test_the_customer_open_with_everything_reads_as_its_model(api: SeededApi) -> None:
    with api.session() as session:
        customer_ids = list(session.scalars(select(Customer.id).order_by(Customer.id)))
        with_plans = set(session.scalars(select(Account.customer_id).join(
            InstallmentPlan, InstallmentPlan.account_id == Account.id)))
    assert with_plans
    for customer_id in customer_ids:
        for include in ("accounts,current_bills,plans,alerts", "plans", None):
            response = api.client.get(f"/v1/customers/{customer_id}", params={"include": include} if include else {},
                                      headers=api.agent)
            assert response.status_code == 200, response.text
            profile = same_as_the_model(response.content, CustomerProfile)
            if include and "plans" in include:
                assert (len(profile["plans"]) > 0) == (customer_id in with_plans)
            else:
                assert profile["plans"] is None


@pytest.mark.parametrize("path", ["/v1/accounts/999999/transactions", "/v1/accounts/999999/bills",
                                  "/v1/accounts/999999/installment-plans", "/v1/installment-plans/999999",
                                  "/v1/customers/999999"])
def test_a_missing_account_plan_or_customer_is_404_problem_json(api: SeededApi, path: str) -> None:
    response = api.client.get(path, headers=api.agent)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


@contextmanager
def counting_selects(connection: Connection) -> Iterator[list[str]]:
    """The SELECTs the server runs meanwhile (the bearer token's own lookup left out)."""
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")) and "auth_tokens" not in statement:
            statements.append(statement)

    event.listen(connection, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(connection, "before_cursor_execute", record)


def test_each_hot_read_costs_the_statements_it_names(
    api: SeededApi, seeded: tuple[Connection, SeededApi]
) -> None:
    connection = seeded[0]
    with api.session() as session:
        account_id, customer_id = session.execute(
            select(Account.id, Account.customer_id).join(InstallmentPlan, InstallmentPlan.account_id == Account.id)
            .order_by(Account.id).limit(1)).one()
    expected = {
        # the page; the account's disputes; its fraud reports
        f"/v1/accounts/{account_id}/transactions?limit=50": 3,
        # the account with its bills, one statement
        f"/v1/accounts/{account_id}/bills": 1,
    }
    for path, count in expected.items():
        with counting_selects(connection) as statements:
            assert api.client.get(path, headers=api.agent).status_code == 200
        assert len(statements) == count, (path, statements)
    with counting_selects(connection) as statements:
        assert api.client.get(f"/v1/customers/{customer_id}", params={"include": "accounts,current_bills,plans,alerts"},
                              headers=api.agent).status_code == 200
    assert len(statements) <= 10, statements

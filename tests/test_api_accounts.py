"""Account overview figures and the transaction history with its filters and cursor."""

from __future__ import annotations

import base64
import json
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from backend.accounts.models import Account, Transaction
from backend.billing import rules
from backend.billing.engine import TRANSACTION_TYPES
from backend.billing.models import Bill
from backend.installments.models import InstallmentPeriod
from tests.helpers.api import problem
from tests.helpers.seeded import TODAY, SeededApi, seeded_api_fixture, seeded_fixture, walk_pages  # noqa: F401


def all_accounts(api: SeededApi) -> list[Account]:
    with api.session() as session:
        return list(session.scalars(select(Account).order_by(Account.id)))


def overview(api: SeededApi, account_id: int) -> dict[str, Any]:
    response = api.client.get(f"/v1/accounts/{account_id}", headers=api.agent)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def latest_bill(api: SeededApi, account_id: int) -> Bill | None:
    with api.session() as session:
        return session.scalars(
            select(Bill).where(Bill.account_id == account_id).order_by(Bill.statement_date.desc()).limit(1)
        ).first()


def scheduled_principal(api: SeededApi, account_id: int) -> int:
    with api.session() as session:
        total = session.scalar(
            select(func.sum(InstallmentPeriod.principal_fen)).where(
                InstallmentPeriod.account_id == account_id, InstallmentPeriod.status == "scheduled"
            )
        )
    return int(total or 0)


# -- overview --------------------------------------------------------------------------------


def test_every_overview_matches_the_database(api: SeededApi) -> None:
    for account in all_accounts(api):
        body = overview(api, account.id)
        used = max(0, account.balance_fen + scheduled_principal(api, account.id))
        dpd = rules.days_past_due(account.overdue_since, TODAY)
        assert body["customer_id"] == account.customer_id
        assert body["account_number"] == account.account_number
        assert body["product"] == account.product
        assert body["status"] == account.status
        assert body["credit_limit_fen"] == account.credit_limit_fen
        assert body["balance_fen"] == account.balance_fen
        assert body["used_fen"] == used
        assert body["available_fen"] == max(0, account.credit_limit_fen - used)
        assert body["past_due_fen"] == account.past_due_fen
        assert body["days_past_due"] == dpd
        assert body["delinquency_bucket"] == rules.delinquency_bucket(dpd)
        assert body["due_day"] == account.due_day
        assert body["daily_rate_ppm"] == account.daily_rate_ppm
        bill = latest_bill(api, account.id)
        if bill is None:
            assert body["current_bill"] is None
        else:
            assert body["current_bill"]["id"] == bill.id
            assert body["current_bill"]["outstanding_fen"] == bill.outstanding_fen


def test_the_seed_covers_installments_and_every_bucket(api: SeededApi) -> None:
    """The figures above mean something only if the data has these cases."""
    buckets = {overview(api, a.id)["delinquency_bucket"] for a in all_accounts(api)}
    assert {"current", "M1", "M2", "M3", "M4+"} <= buckets
    assert any(scheduled_principal(api, a.id) > 0 for a in all_accounts(api))


def test_next_due_before_the_due_date_is_that_date_and_the_rest_of_the_minimum(api: SeededApi) -> None:
    account = next(a for a in all_accounts(api) if a.past_due_fen == 0 and latest_bill(api, a.id))
    bill = latest_bill(api, account.id)
    assert bill is not None
    api.clock.set(
        api.clock.now().replace(year=bill.due_date.year, month=bill.due_date.month, day=bill.due_date.day)
    )

    body = overview(api, account.id)

    assert body["next_due_date"] == bill.due_date.isoformat()
    assert body["next_due_fen"] == max(0, bill.minimum_payment_fen - bill.paid_fen)


def test_next_due_when_past_due_is_today_and_the_past_due_amount(api: SeededApi) -> None:
    account = next(a for a in all_accounts(api) if a.past_due_fen > 0)

    body = overview(api, account.id)

    assert body["next_due_date"] == TODAY.isoformat()
    assert body["next_due_fen"] == account.past_due_fen


def test_next_due_when_nothing_is_owed_now_is_the_next_cycle(api: SeededApi) -> None:
    account = next(a for a in all_accounts(api) if a.past_due_fen == 0 and a.product == "credit_line")

    body = overview(api, account.id)

    assert body["next_due_date"] == date(2026, 12, account.due_day).isoformat()
    assert body["next_due_fen"] == 0


def test_an_unknown_account_is_404(api: SeededApi) -> None:
    response = api.client.get("/v1/accounts/987654321", headers=api.agent)

    assert response.status_code == 404
    assert problem(response)["code"] == "not_found"


@pytest.mark.parametrize("account_id", ["0", str(2**63), "x", "1e3"])
def test_an_account_id_that_cannot_exist_is_422(api: SeededApi, account_id: str) -> None:
    for path in ("", "/transactions", "/bills", "/installment-plans", "/notes"):
        response = api.client.get(f"/v1/accounts/{account_id}{path}", headers=api.agent)
        assert response.status_code == 422, (path, response.text)


# -- transactions --------------------------------------------------------------------------


def busiest_account(api: SeededApi) -> int:
    with api.session() as session:
        query = (
            select(Transaction.account_id)
            .group_by(Transaction.account_id)
            .order_by(func.count().desc(), Transaction.account_id)
            .limit(1)
        )
        account_id = session.scalar(query)
    assert account_id is not None
    return account_id


def transactions_in_db(api: SeededApi, account_id: int) -> list[Transaction]:
    with api.session() as session:
        return list(
            session.scalars(
                select(Transaction)
                .where(Transaction.account_id == account_id)
                .order_by(Transaction.posted_at.desc(), Transaction.id.desc())
            )
        )


def walk_transactions(api: SeededApi, account_id: int, **params: Any) -> list[dict[str, Any]]:
    return walk_pages(api, f"/v1/accounts/{account_id}/transactions", **params)


def test_transactions_walk_newest_first_with_no_gaps_or_duplicates(api: SeededApi) -> None:
    account_id = busiest_account(api)
    expected = transactions_in_db(api, account_id)
    assert len(expected) > 60

    items = walk_transactions(api, account_id, limit=7)

    assert [t["id"] for t in items] == [t.id for t in expected]
    first, row = items[0], expected[0]
    assert first == {
        "id": row.id,
        "account_id": account_id,
        "type": row.type,
        "amount_fen": row.amount_fen,
        "posted_at": first["posted_at"],
        "business_date": row.business_date.isoformat(),
        "merchant": row.merchant,
        "description": row.description,
        "description_code": row.description_code,
        "description_params": row.description_params,
        "plan_id": row.plan_id,
        "claims": [],
    }
    assert first["posted_at"].endswith(("Z", "+00:00"))


def test_the_default_page_is_50(api: SeededApi) -> None:
    account_id = busiest_account(api)

    page = api.client.get(f"/v1/accounts/{account_id}/transactions", headers=api.agent).json()

    assert len(page["items"]) == 50
    assert page["next_cursor"] is not None


def test_the_balance_equals_the_sum_of_the_transactions(api: SeededApi) -> None:
    account_id = busiest_account(api)

    items = walk_transactions(api, account_id, limit=200)

    assert sum(t["amount_fen"] for t in items) == overview(api, account_id)["balance_fen"]


def test_from_and_to_are_inclusive_business_dates(api: SeededApi) -> None:
    account_id = busiest_account(api)
    rows = transactions_in_db(api, account_id)
    day_from, day_to = rows[-1].business_date, rows[len(rows) // 2].business_date
    expected = [t.id for t in rows if day_from <= t.business_date <= day_to]

    items = walk_transactions(
        api, account_id, **{"from": day_from.isoformat(), "to": day_to.isoformat()}, limit=9
    )

    assert [t["id"] for t in items] == expected
    assert any(t["business_date"] == day_to.isoformat() for t in items)
    assert any(t["business_date"] == day_from.isoformat() for t in items)


def test_one_day(api: SeededApi) -> None:
    account_id = busiest_account(api)
    day = transactions_in_db(api, account_id)[0].business_date

    items = walk_transactions(api, account_id, **{"from": day.isoformat(), "to": day.isoformat()})

    assert items and all(t["business_date"] == day.isoformat() for t in items)


def test_type_filters_by_a_comma_list(api: SeededApi) -> None:
    account_id = busiest_account(api)
    rows = transactions_in_db(api, account_id)
    expected = [t.id for t in rows if t.type in ("purchase", "repayment")]
    assert expected

    items = walk_transactions(api, account_id, type="purchase, repayment", limit=20)

    assert [t["id"] for t in items] == expected


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2026-11-02", "to": "2026-11-01"},
        {"from": "2026-13-01"},
        {"to": "yesterday"},
        {"from": "99999-01-01"},
        {"type": "purchase,teleport"},
        {"type": ","},
        {"limit": 0},
        {"limit": 201},
        {"cursor": "not-a-cursor"},
        {
            "cursor": base64.urlsafe_b64encode(
                json.dumps({"k": "bills", "v": ["2026-11-01", 3]}).encode()
            ).decode()
        },
        {
            "cursor": base64.urlsafe_b64encode(
                json.dumps({"k": "transactions", "v": ["noon", 3]}).encode()
            ).decode()
        },
        {
            "cursor": base64.urlsafe_b64encode(
                json.dumps({"k": "transactions", "v": ["2026-11-01T00:00:00", 3]}).encode()
            ).decode()
        },
    ],
)
def test_bad_transaction_filters_are_422(api: SeededApi, params: dict[str, Any]) -> None:
    account_id = busiest_account(api)

    response = api.client.get(f"/v1/accounts/{account_id}/transactions", params=params, headers=api.agent)

    assert response.status_code == 422, response.text
    assert problem(response)["code"] in ("validation_failed", "invalid_cursor")


def test_every_ledger_type_is_accepted(api: SeededApi) -> None:
    account_id = busiest_account(api)

    response = api.client.get(
        f"/v1/accounts/{account_id}/transactions",
        params={"type": ",".join(TRANSACTION_TYPES)},
        headers=api.agent,
    )

    assert response.status_code == 200
    assert len(response.json()["items"]) == 50


def test_transactions_of_an_unknown_account_are_404(api: SeededApi) -> None:
    response = api.client.get("/v1/accounts/987654321/transactions", headers=api.agent)

    assert response.status_code == 404


# -- descriptions as codes (docs/api-wording.md) ------------------------------------------------


def test_every_seeded_transaction_sends_its_description_as_a_code(api: SeededApi) -> None:
    from backend.installments.models import InstallmentPlan

    with api.session() as session:
        plans = {plan.id: plan for plan in session.scalars(select(InstallmentPlan))}
        account_ids = list(session.scalars(
            select(Transaction.account_id).where(Transaction.type == "installment_principal").distinct()
        ))[:3]
    assert account_ids, "the demo data has installment dues"
    seen: set[str] = set()
    for account_id in account_ids:
        for item in walk_pages(api, f"/v1/accounts/{account_id}/transactions", limit=200):
            code, params = item["description_code"], item["description_params"]
            assert code is not None, item  # the demo generator codes every description
            seen.add(code)
            if code in ("purchase", "refund"):
                assert params == {"merchant": item["merchant"]}
            if item["type"] in ("installment_principal", "installment_fee"):
                plan = plans[item["plan_id"]]
                assert code == "installment_due"
                assert params["plan_id"] == plan.id and params["plan_kind"] == plan.kind
                assert params["plan"] == plan.description and 1 <= params["period"] <= params["periods"]
                # The English says which plan too: "transaction installment 1/9: 某商户 9期".
                assert item["description"] == (
                    f"{plan.kind.replace('_', ' ')} {params['period']}/{params['periods']}: {plan.description}"
                )
    assert {"purchase", "installment_due", "installment_conversion"} <= seen

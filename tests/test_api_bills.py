"""Bills of an account, newest first, and one bill with its lines."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from backend.billing.models import Bill, BillLine
from tests.helpers.api import problem
from tests.helpers.seeded import SeededApi, seeded_api_fixture, seeded_fixture, walk_pages  # noqa: F401


def account_with_most_bills(api: SeededApi) -> int:
    with api.session() as session:
        account_id = session.scalar(
            select(Bill.account_id)
            .group_by(Bill.account_id)
            .order_by(func.count().desc(), Bill.account_id)
            .limit(1)
        )
    assert account_id is not None
    return account_id


def bills_in_db(api: SeededApi, account_id: int) -> list[Bill]:
    with api.session() as session:
        return list(
            session.scalars(
                select(Bill).where(Bill.account_id == account_id).order_by(Bill.statement_date.desc())
            )
        )


def walk_bills(api: SeededApi, account_id: int, limit: int) -> list[dict[str, Any]]:
    return walk_pages(api, f"/v1/accounts/{account_id}/bills", limit=limit)


def test_bills_come_newest_first_with_their_figures(api: SeededApi) -> None:
    account_id = account_with_most_bills(api)
    expected = bills_in_db(api, account_id)

    items = walk_bills(api, account_id, limit=200)

    assert [b["id"] for b in items] == [b.id for b in expected]
    for item, bill in zip(items, expected, strict=True):
        assert item == {
            "id": bill.id,
            "account_id": account_id,
            "statement_date": bill.statement_date.isoformat(),
            "due_date": bill.due_date.isoformat(),
            "total_fen": bill.total_fen,
            "minimum_payment_fen": bill.minimum_payment_fen,
            "paid_fen": bill.paid_fen,
            "outstanding_fen": bill.outstanding_fen,
            "status": bill.status,
            "previous_balance_fen": bill.previous_balance_fen,
        }


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_walking_bill_pages_has_no_gaps_or_duplicates(api: SeededApi, limit: int) -> None:
    account_id = account_with_most_bills(api)

    items = walk_bills(api, account_id, limit=limit)

    assert [b["id"] for b in items] == [b.id for b in bills_in_db(api, account_id)]


def test_every_bill_equals_the_sum_of_its_lines_in_line_order(api: SeededApi) -> None:
    account_id = account_with_most_bills(api)
    for bill in bills_in_db(api, account_id):
        response = api.client.get(f"/v1/accounts/{account_id}/bills/{bill.id}", headers=api.agent)
        assert response.status_code == 200
        body = response.json()
        assert body["total_fen"] == bill.total_fen == sum(line["amount_fen"] for line in body["lines"])
        assert [line["line_no"] for line in body["lines"]] == sorted(
            line["line_no"] for line in body["lines"]
        )
        with api.session() as session:
            rows = list(
                session.scalars(
                    select(BillLine).where(BillLine.bill_id == bill.id).order_by(BillLine.line_no)
                )
            )
        assert [(line["transaction_id"], line["type"], line["amount_fen"]) for line in body["lines"]] == [
            (row.transaction_id, row.type, row.amount_fen) for row in rows
        ]
        assert set(body["lines"][0]) == {
            "line_no",
            "transaction_id",
            "posted_at",
            "type",
            "description",
            "description_code",
            "description_params",
            "amount_fen",
        }


def test_a_bill_of_another_account_is_404(api: SeededApi) -> None:
    account_id = account_with_most_bills(api)
    with api.session() as session:
        other = session.scalars(select(Bill).where(Bill.account_id != account_id).limit(1)).one()

    response = api.client.get(f"/v1/accounts/{account_id}/bills/{other.id}", headers=api.agent)

    assert response.status_code == 404
    assert problem(response)["code"] == "not_found"


@pytest.mark.parametrize(
    "path",
    ["/v1/accounts/{a}/bills/987654321", "/v1/accounts/987654321/bills", "/v1/accounts/987654321/bills/{b}"],
)
def test_unknown_bills_and_accounts_are_404(api: SeededApi, path: str) -> None:
    account_id = account_with_most_bills(api)
    bill_id = bills_in_db(api, account_id)[0].id

    response = api.client.get(path.format(a=account_id, b=bill_id), headers=api.agent)

    assert response.status_code == 404


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 201}, {"cursor": "AAAA"}, {"cursor": "e30"}])
def test_bad_bill_list_input_is_422(api: SeededApi, params: dict[str, Any]) -> None:
    account_id = account_with_most_bills(api)

    response = api.client.get(f"/v1/accounts/{account_id}/bills", params=params, headers=api.agent)

    assert response.status_code == 422


def test_a_bill_id_beyond_int64_is_422(api: SeededApi) -> None:
    account_id = account_with_most_bills(api)

    response = api.client.get(f"/v1/accounts/{account_id}/bills/{2**64}", headers=api.agent)

    assert response.status_code == 422


def test_bill_lines_send_their_descriptions_as_codes(api: SeededApi) -> None:
    with api.session() as session:
        bill = session.scalars(select(Bill).where(Bill.previous_balance_fen != 0).order_by(Bill.id).limit(1)).one()
    body = api.client.get(f"/v1/accounts/{bill.account_id}/bills/{bill.id}", headers=api.agent).json()
    first = body["lines"][0]
    assert (first["type"], first["description_code"], first["description_params"]) == (
        "previous_balance", "previous_balance", None)
    assert first["description"] == "上期账单余额"
    # Every other line says what its transaction says, code and parameters included.
    assert all(line["description_code"] is not None for line in body["lines"][1:]), body["lines"]

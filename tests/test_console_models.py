"""console.models parse the real API's JSON for every endpoint, with the right types."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

import pytest

from console.api import ApiClient
from console.models import (
    AccountOverview,
    BillDetail,
    BillSummary,
    CustomerHit,
    CustomerProfile,
    InstallmentPlan,
    LoginResult,
    Note,
    Page,
    Transaction,
    User,
    parse_datetime,
)
from tests.helpers.live import LiveBackend


def assert_typed(obj: Any) -> None:
    """Money fields are int, `*_date`/`*_on` fields dates, `*_at` fields aware datetimes, recursively."""
    for field in dataclasses.fields(obj):
        value = getattr(obj, field.name)
        if value is None:
            continue
        if field.name.endswith("_fen"):
            assert type(value) is int, field.name
        elif field.name.endswith(("_date", "_on")):
            assert type(value) is date, field.name
        elif field.name.endswith("_at"):
            assert isinstance(value, datetime) and value.tzinfo is not None, field.name
        if dataclasses.is_dataclass(value):
            assert_typed(value)
        elif isinstance(value, tuple):
            for item in value:
                if dataclasses.is_dataclass(item):
                    assert_typed(item)


def test_login_and_me(live_backend: LiveBackend, api_client: ApiClient) -> None:
    result = api_client.login("handler1", "demo")
    assert isinstance(result, LoginResult) and result.token_type == "bearer"
    assert_typed(result)
    assert api_client.me() == User(id=result.user.id, username="handler1", display_name="Handler One",
                                   role="dispute_handler")


def test_customer_search_and_profile(api_client: ApiClient) -> None:
    hits = api_client.search_customers("HB0000000001")
    assert isinstance(hits, Page) and [hit.id for hit in hits.items] == [1]
    hit = hits.items[0]
    assert isinstance(hit, CustomerHit) and "*" in hit.phone_masked
    assert hit.accounts[0].account_number == "HB0000000001"

    profile = api_client.get_customer(1)
    assert isinstance(profile, CustomerProfile)
    assert_typed(profile)
    assert profile.account_overviews is not None and profile.current_bills is not None
    assert profile.plans is not None and profile.plans
    assert {o.id for o in profile.account_overviews} == {a.id for a in profile.accounts}
    credit = profile.overview_of(1)
    assert credit is not None and credit.delinquency_bucket == "M1" and credit.days_past_due > 0
    assert credit.available_fen == max(0, credit.credit_limit_fen - credit.used_fen)
    assert {o.product for o in profile.account_overviews} == {"credit_line", "cash_loan"}
    assert profile.current_bill_of(1) == credit.current_bill
    assert all(plan.account_id in {1, 2} for plan in profile.plans)
    assert profile.plans_of(1)

    bare = api_client.get_customer(1, include=())
    assert bare.account_overviews is None and bare.current_bills is None and bare.plans is None
    assert bare.accounts == profile.accounts


def test_account_bills_and_bill_lines(api_client: ApiClient) -> None:
    overview = api_client.get_account(1)
    assert isinstance(overview, AccountOverview)
    assert_typed(overview)
    bills = api_client.list_bills(1, limit=2)
    assert len(bills.items) == 2 and bills.next_cursor is not None
    assert all(isinstance(bill, BillSummary) for bill in bills.items)
    more = api_client.list_bills(1, limit=2, cursor=bills.next_cursor)
    assert more.items and more.items[0].statement_date < bills.items[-1].statement_date
    bill = api_client.get_bill(1, bills.items[0].id)
    assert isinstance(bill, BillDetail)
    assert_typed(bill)
    assert sum(line.amount_fen for line in bill.lines) == bill.total_fen
    assert bill.summary == bills.items[0]
    assert bill.lines[0].transaction_id is None  # the previous balance


def test_transactions(api_client: ApiClient) -> None:
    page = api_client.list_transactions(1, limit=10)
    assert len(page.items) == 10 and page.next_cursor
    for transaction in page.items:
        assert isinstance(transaction, Transaction)
        assert_typed(transaction)
    assert [t.posted_at for t in page.items] == sorted((t.posted_at for t in page.items), reverse=True)
    repayments = api_client.list_transactions(2, types=("repayment",))
    assert repayments.items and all(t.amount_fen < 0 for t in repayments.items)


def test_installment_plans(api_client: ApiClient) -> None:
    plans = api_client.list_installment_plans(1) + api_client.list_installment_plans(2)
    assert {plan.kind for plan in plans} >= {"cash_loan"}
    for plan in plans:
        assert isinstance(plan, InstallmentPlan)
        assert_typed(plan)
        assert sum(p.principal_fen for p in plan.schedule) == plan.principal_fen
        assert sum(p.fee_fen for p in plan.schedule) == plan.fee_fen
        assert all(p.total_fen == p.principal_fen + p.fee_fen for p in plan.schedule)
        assert api_client.get_installment_plan(plan.id) == plan
    loan = next(plan for plan in plans if plan.kind == "cash_loan")
    assert loan.daily_rate_ppm is not None


def test_notes(api_client: ApiClient) -> None:
    note = api_client.add_note(1, "  promised to pay on Friday  ", channel="phone")
    assert isinstance(note, Note)
    assert_typed(note)
    assert note.body == "promised to pay on Friday" and note.author_name == "Agent One"
    page = api_client.list_notes(1, limit=5)
    assert page.items[0] == note


def test_reveal(api_client: ApiClient) -> None:
    phone = api_client.reveal(1, "phone", "caller verification")
    assert phone is not None and phone.isdigit() and len(phone) == 11


def test_unknown_fields_are_ignored_and_missing_optional_ones_tolerated() -> None:
    data = {
        "id": 3, "account_id": 1, "type": "purchase", "amount_fen": 100,
        "posted_at": "2024-06-15T02:00:00Z", "merchant": None, "description": "x",
        "brand_new_field": {"anything": [1, 2]},
    }
    transaction = Transaction.from_json(data)
    assert transaction.posted_at.tzinfo is not None
    assert transaction.business_date == date(2024, 6, 15) and transaction.plan_id is None
    page = Page.from_json({"items": [data], "next_cursor": None, "total_hint": 9}, Transaction.from_json)
    assert page.items == (transaction,) and not page.has_more and len(page) == 1


@pytest.mark.parametrize(
    "text", ["2024-06-15T02:00:00Z", "2024-06-15T02:00:00+00:00", "2024-06-15T10:00:00+08:00", "2024-06-15T02:00:00"]
)
def test_timestamps_are_aware(text: str) -> None:
    moment = parse_datetime(text)
    assert moment.tzinfo is not None
    assert moment == parse_datetime("2024-06-15T02:00:00Z")

"""Repayment arrangements over HTTP: quotes change nothing, limits at their edges, live or waiting
for approval, four eyes, the effects through the billing engine, and end of day.

Each test builds its own account with the real engine: a purchase (and a fee) in April 2024,
statements cut by end of day, the May bill due on the 10th. `current` stops on 2024-05-05 (a
bill before its due date); `overdue` runs to 2024-06-05 (May's minimum missed, penalty
interest billed on June's bill).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from backend.accounts.models import Account, Transaction
from backend.arrangements.models import Arrangement
from backend.audit.models import AuditRecord
from backend.auth.models import User
from backend.billing.engine import Posting
from backend.billing.eod import run_end_of_day
from backend.billing.ledger import balance_from_transactions, latest_bill, post_charge, post_repayment
from backend.billing.models import Bill, BillLine
from backend.cases.models import Case, CaseEvent
from backend.cases.sla import add_business_days
from backend.clock import BUSINESS_TZ
from backend.common.money import fen_text
from backend.customers.models import Customer
from backend.db import transaction
from backend.installments.models import InstallmentPeriod, InstallmentPlan
from tests.helpers.api import FixedClock, idempotency_headers, login, make_client, problem

OPENED = date(2024, 4, 1)
PURCHASE_ON = date(2024, 4, 5)
CURRENT_DAY = date(2024, 5, 5)
OVERDUE_DAY = date(2024, 6, 5)


def at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour), BUSINESS_TZ).astimezone(timezone.utc)


@dataclass
class World:
    factory: sessionmaker[Session]
    clock: FixedClock
    client: Any
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    _accounts: int = 0

    def account(self, *, purchase_fen: int = 100_000, fee_fen: int = 0, through: date, limit_fen: int = 5_000_000,
                product: str = "credit_line") -> int:
        """A customer and an account with a purchase (and a fee) in April, closed by end of day through `through`."""
        self._accounts += 1
        n = self._accounts
        with transaction(self.factory) as session:
            customer = Customer(name=f"测试{n}", phone=f"1380000{n:04d}", national_id=f"11010119900101{n:04d}",
                                national_id_last4=f"{n:04d}", bank_card=None, city="北京", flags=[],
                                created_at=at(OPENED))
            session.add(customer)
            session.flush()
            account = Account(customer_id=customer.id, account_number=f"8800{n:012d}", product=product,
                              status="active", credit_limit_fen=limit_fen, due_day=10, opened_on=OPENED)
            session.add(account)
            session.flush()
            post_charge(session, account, Posting("purchase", purchase_fen, PURCHASE_ON, "蓝鲸数码 消费"),
                        at(PURCHASE_ON))
            if fee_fen:
                post_charge(session, account, Posting("fee", fee_fen, PURCHASE_ON, "Late fee"), at(PURCHASE_ON, 13))
            session.flush()
            run_end_of_day(session, through)
            return account.id

    def on(self, day: date) -> None:
        """Move the business clock to `day`; users sign in again (a token lasts a shift)."""
        self.clock.set(datetime.combine(day, time(10), BUSINESS_TZ))
        self.headers = {}

    def auth(self, user: str) -> dict[str, str]:
        """The signed-in headers of a demo user, signing in on first use (argon2 is slow)."""
        if user not in self.headers:
            self.headers[user] = login(self.client, user)
        return self.headers[user]

    def eod(self, day: date) -> None:
        with transaction(self.factory) as session:
            run_end_of_day(session, day)

    def repay(self, account_id: int, amount_fen: int, day: date) -> None:
        with transaction(self.factory) as session:
            account = session.get(Account, account_id)
            assert account is not None
            post_repayment(session, account, amount_fen, at(day))

    def quote(self, account_id: int, body: dict[str, Any], user: str = "agent1") -> Any:
        return self.client.post(f"/v1/accounts/{account_id}/arrangement-quotes", json=body,
                                headers=self.auth(user))

    def propose(self, account_id: int, body: dict[str, Any], user: str = "agent1", key: str | None = None) -> Any:
        return self.client.post("/v1/arrangements", json={"account_id": account_id, **body},
                                headers=idempotency_headers(self.auth(user), key))

    def get(self, arrangement_id: int, user: str = "agent1") -> Any:
        return self.client.get(f"/v1/arrangements/{arrangement_id}", headers=self.auth(user))

    def act(self, arrangement_id: int, action: str, user: str, body: dict[str, Any] | None = None,
            etag: str | None = None, key: str | None = None) -> Any:
        if etag is None:
            etag = self.get(arrangement_id, user).headers["ETag"]
        headers = idempotency_headers(self.auth(user), key)
        if etag:
            headers["If-Match"] = etag
        return self.client.post(f"/v1/arrangements/{arrangement_id}/actions/{action}", json=body or {},
                                headers=headers)

    def session(self) -> Session:
        return self.factory()


@pytest.fixture
def world(session_factory: sessionmaker[Session]) -> Iterator[World]:
    clock = FixedClock.on(CURRENT_DAY)
    client = make_client(session_factory, clock=clock)
    w = World(factory=session_factory, clock=clock, client=client)
    w.on(CURRENT_DAY)
    yield w


def user_id(session: Session, username: str) -> int:
    return session.scalars(select(User.id).where(User.username == username)).one()


def state_of(world: World, account_id: int) -> dict[str, Any]:
    """Everything a quote could change about an account, to compare before and after."""
    with world.session() as session:
        account = session.get(Account, account_id)
        assert account is not None
        bills = session.scalars(select(Bill).where(Bill.account_id == account_id).order_by(Bill.id)).all()
        return {
            "account": {c.key: getattr(account, c.key) for c in Account.__table__.columns},
            "bills": [{c.key: getattr(b, c.key) for c in Bill.__table__.columns} for b in bills],
            "transactions": session.scalar(select(func.count()).where(Transaction.account_id == account_id)),
            "plans": session.scalar(select(func.count()).where(InstallmentPlan.account_id == account_id)),
            "arrangements": session.scalar(select(func.count()).select_from(Arrangement)),
            "cases": session.scalar(select(func.count()).select_from(Case)),
            # Sign-ins are audited too (auth.*); a quote signs in on first use, and changes nothing.
            "audit": session.scalar(select(func.count()).select_from(AuditRecord)
                                    .where(AuditRecord.action.not_like("auth.%"))),
        }


def assert_ledger_balanced(world: World, account_id: int) -> None:
    with world.session() as session:
        account = session.get(Account, account_id)
        assert account is not None
        assert account.balance_fen == balance_from_transactions(session, account_id)
        for bill in session.scalars(select(Bill).where(Bill.account_id == account_id)):
            lines = session.scalars(select(BillLine).where(BillLine.bill_id == bill.id)).all()
            assert bill.total_fen == sum(line.amount_fen for line in lines)


def the_bill(world: World, account_id: int) -> Bill:
    with world.session() as session:
        bill = latest_bill(session, account_id)
        assert bill is not None
        return bill


def the_account(world: World, account_id: int) -> Account:
    with world.session() as session:
        account = session.get(Account, account_id)
        assert account is not None
        return account


def plan_of(world: World, plan_id: int) -> InstallmentPlan:
    with world.session() as session:
        return session.scalars(select(InstallmentPlan).where(InstallmentPlan.id == plan_id)
                               .options(selectinload(InstallmentPlan.periods))).one()


def overdue_account(world: World, **kwargs: Any) -> int:
    account_id = world.account(through=OVERDUE_DAY - timedelta(days=1), **kwargs)
    world.on(OVERDUE_DAY)
    return account_id


# --- quotes -----------------------------------------------------------------------------------

def test_quotes_of_all_five_types_change_nothing(world: World) -> None:
    # The overdue one first: end of day closes every account through the date it is run for.
    overdue = world.account(through=OVERDUE_DAY - timedelta(days=1))
    current = world.account(fee_fen=6_000, through=CURRENT_DAY - timedelta(days=1))
    bodies = [
        (current, {"type": "bill_installment", "terms": 6}),
        (current, {"type": "due_date_extension", "days": 5}),
        (current, {"type": "fee_waiver", "amount_fen": 6_000, "component": "fees", "reason": "goodwill"}),
        (current, {"type": "promise_to_pay", "amount_fen": 10_000, "promised_date": "2024-05-10"}),
    ]
    before = {a: state_of(world, a) for a in (current, overdue)}
    for account_id, body in bodies:
        response = world.quote(account_id, body)
        assert response.status_code == 200, response.text
        assert response.json()["type"] == body["type"]
    world.on(OVERDUE_DAY)
    response = world.quote(overdue, {"type": "hardship_plan", "months": 24})
    assert response.status_code == 200, response.text
    assert {a: state_of(world, a) for a in (current, overdue)} == before


def test_a_bill_installment_quote_shows_schedule_cost_and_effects(world: World) -> None:
    account_id = world.account(fee_fen=6_000, through=CURRENT_DAY - timedelta(days=1))
    quote = world.quote(account_id, {"type": "bill_installment", "terms": 6}).json()

    assert quote["needs_approval"] is False and quote["approval_reasons"] == []
    assert quote["cost"] == {"principal_fen": 106_000, "fee_fen": 4_770, "waived_fen": 0, "total_fen": 110_770}
    schedule = quote["schedule"]
    assert [p["due_date"] for p in schedule] == ["2024-06-10", "2024-07-10", "2024-08-10", "2024-09-10",
                                                 "2024-10-10", "2024-11-10"]
    assert sum(p["principal_fen"] for p in schedule) == 106_000
    assert sum(p["fee_fen"] for p in schedule) == 4_770
    assert all(p["total_fen"] == p["principal_fen"] + p["fee_fen"] for p in schedule)
    assert quote["effects"]["bill_id"] == the_bill(world, account_id).id
    assert quote["terms"] == {"type": "bill_installment", "terms": 6, "bill_id": None}


def test_quotes_are_for_servicing_roles_only(world: World) -> None:
    account_id = world.account(through=CURRENT_DAY - timedelta(days=1))
    body = {"type": "due_date_extension", "days": 2}
    for user in ("agent1", "handler1", "super1"):
        assert world.quote(account_id, body, user).status_code == 200
    assert problem(world.quote(account_id, body, "admin1"))["status"] == 403
    assert world.client.post(f"/v1/accounts/{account_id}/arrangement-quotes", json=body).status_code == 401
    assert problem(world.quote(999_999, body))["status"] == 404


@pytest.mark.parametrize(("days", "status", "needs"), [(3, 200, False), (4, 200, True), (10, 200, True),
                                                        (11, 422, None)])
def test_extension_limits(world: World, days: int, status: int, needs: bool | None) -> None:
    account_id = world.account(through=CURRENT_DAY - timedelta(days=1))
    response = world.quote(account_id, {"type": "due_date_extension", "days": days})
    assert response.status_code == status, response.text
    if needs is None:
        assert problem(response)["code"] == "over_limit"
    else:
        assert response.json()["needs_approval"] is needs
        assert response.json()["effects"]["new_due_date"] == (date(2024, 5, 10) + timedelta(days=days)).isoformat()


@pytest.mark.parametrize(("days_ago", "allowed"), [(364, False), (365, True)])
def test_one_extension_per_365_days(world: World, days_ago: int, allowed: bool) -> None:
    account_id = world.account(through=CURRENT_DAY - timedelta(days=1))
    earlier = CURRENT_DAY - timedelta(days=days_ago)
    with transaction(world.factory) as session:
        account = session.get(Account, account_id)
        assert account is not None
        session.add(Arrangement(account_id=account_id, customer_id=account.customer_id, type="due_date_extension",
                                status="active", terms={"type": "due_date_extension", "days": 2}, quote={},
                                amount_fen=0, proposed_by=user_id(session, "agent1"), proposed_by_name="Agent One",
                                proposed_at=at(earlier),
                                activated_at=at(earlier), activated_on=earlier))
    response = world.quote(account_id, {"type": "due_date_extension", "days": 2})
    if allowed:
        assert response.status_code == 200, response.text
    else:
        body = problem(response)
        assert (body["status"], body["code"]) == (409, "extension_window")
        assert body["previous_extension_on"] == earlier.isoformat()


@pytest.mark.parametrize(("amount", "earlier", "earlier_days_ago", "outcome"), [
    (5_000, 0, 0, "live"), (5_001, 0, 0, "approval"), (6_000, 0, 0, "approval"), (6_001, 0, 0, 422),
    (2_000, 3_000, 89, "live"), (2_001, 3_000, 89, "approval"), (2_001, 3_000, 90, "live"),
])
def test_fee_waiver_limits(world: World, amount: int, earlier: int, earlier_days_ago: int,
                           outcome: str | int) -> None:
    account_id = world.account(fee_fen=6_000, through=CURRENT_DAY - timedelta(days=1))
    if earlier:
        day = CURRENT_DAY - timedelta(days=earlier_days_ago)
        with transaction(world.factory) as session:
            account = session.get(Account, account_id)
            assert account is not None
            session.add(Arrangement(account_id=account_id, customer_id=account.customer_id, type="fee_waiver",
                                    status="active", terms={}, quote={}, amount_fen=earlier,
                                    proposed_by=user_id(session, "agent1"),
                                    proposed_by_name="Agent One", proposed_at=at(day), activated_at=at(day),
                                    activated_on=day))
    response = world.quote(account_id, {"type": "fee_waiver", "amount_fen": amount, "component": "fees",
                                        "reason": "first late fee"})
    if outcome == 422:
        assert (problem(response)["status"], problem(response)["code"]) == (422, "over_owed")
        return
    assert response.status_code == 200, response.text
    quote = response.json()
    assert quote["needs_approval"] is (outcome == "approval")
    if outcome == "approval":
        assert [r["code"] for r in quote["approval_reasons"]] == ["fee_waiver_amount"]


@pytest.mark.parametrize(("offset", "status"), [(-1, 422), (0, 200), (14, 200), (15, 422)])
def test_promise_date_limits(world: World, offset: int, status: int) -> None:
    account_id = world.account(through=CURRENT_DAY - timedelta(days=1))
    promised = (CURRENT_DAY + timedelta(days=offset)).isoformat()
    response = world.quote(account_id, {"type": "promise_to_pay", "amount_fen": 10_000, "promised_date": promised})
    assert response.status_code == status, response.text
    if status == 200:
        assert response.json()["needs_approval"] is False


@pytest.mark.parametrize(("months", "waiver", "status", "reasons"), [
    (2, 0, 422, None), (3, 0, 200, []), (12, 0, 200, []), (13, 0, 200, ["hardship_months"]),
    (60, 0, 200, ["hardship_months"]), (61, 0, 422, None),
    (12, 20_000, 200, []), (12, 20_001, 200, ["hardship_penalty_waiver"]),
])
def test_hardship_limits(world: World, months: int, waiver: int, status: int, reasons: list[str] | None) -> None:
    account_id = overdue_account(world, purchase_fen=4_000_000)
    response = world.quote(account_id, {"type": "hardship_plan", "months": months, "penalty_waiver_fen": waiver})
    assert response.status_code == status, response.text
    if reasons is not None:
        assert [r["code"] for r in response.json()["approval_reasons"]] == reasons


def test_a_hardship_plan_is_only_for_an_overdue_account(world: World) -> None:
    account_id = world.account(through=CURRENT_DAY - timedelta(days=1))
    body = problem(world.quote(account_id, {"type": "hardship_plan", "months": 6}))
    assert (body["status"], body["code"]) == (409, "not_overdue")


def test_bad_terms_are_422_not_500(world: World) -> None:
    account_id = world.account(through=CURRENT_DAY - timedelta(days=1))
    for body in ({"type": "bill_installment", "terms": 5}, {"type": "nope"}, {"type": "fee_waiver"},
                 {"type": "promise_to_pay", "amount_fen": 0, "promised_date": "2024-05-06"},
                 {"type": "hardship_plan", "months": 6, "penalty_waiver_fen": -1}):
        assert problem(world.quote(account_id, body))["status"] == 422


# --- live at once -----------------------------------------------------------------------------

def test_a_bill_installment_goes_live_with_a_plan_and_the_bill_converted(world: World) -> None:
    account_id = world.account(fee_fen=6_000, through=CURRENT_DAY - timedelta(days=1))
    response = world.propose(account_id, {"type": "bill_installment", "terms": 6})
    assert response.status_code == 201, response.text
    out = response.json()
    assert out["status"] == "active" and out["case_id"] is None and out["version"] == 1
    assert response.headers["ETag"] == f'"arrangement-{out["id"]}-v1"'
    plan = plan_of(world, out["plan_id"])
    assert (plan.kind, plan.principal_fen, plan.fee_fen, plan.terms) == ("bill_installment", 106_000, 4_770, 6)
    assert sum(p.principal_fen for p in plan.periods) == 106_000
    assert sum(p.fee_fen for p in plan.periods) == 4_770
    bill = the_bill(world, account_id)
    assert bill.outstanding_fen == 0 and bill.minimum_payment_fen == 0
    assert the_account(world, account_id).balance_fen == 0
    assert_ledger_balanced(world, account_id)

    # The next statement bills the first period and lists the conversion without netting it twice.
    world.eod(date(2024, 5, 31))
    june = the_bill(world, account_id)
    assert june.statement_date == date(2024, 6, 1)
    first = plan.periods[0]
    assert (june.open_installments_fen, june.open_principal_fen, june.open_fees_fen) == (first.total_fen, 0, 0)
    assert june.total_fen == first.total_fen
    assert the_account(world, account_id).past_due_fen == 0
    assert_ledger_balanced(world, account_id)


def test_a_due_date_extension_moves_the_due_date_that_end_of_day_judges(world: World) -> None:
    account_id = world.account(through=CURRENT_DAY - timedelta(days=1))
    out = world.propose(account_id, {"type": "due_date_extension", "days": 3}).json()
    assert out["status"] == "active"
    assert out["effects"]["new_due_date"] == "2024-05-13"
    assert the_bill(world, account_id).due_date == date(2024, 5, 13)

    world.eod(date(2024, 5, 12))
    assert the_account(world, account_id).past_due_fen == 0
    world.eod(date(2024, 5, 13))
    assert the_account(world, account_id).past_due_fen == 10_000
    assert the_account(world, account_id).overdue_since == date(2024, 5, 13)

    again = world.propose(account_id, {"type": "due_date_extension", "days": 1})
    assert problem(again)["code"] in {"extension_window", "due_date_passed"}


def test_a_fee_waiver_posts_a_credit_and_lowers_the_bill(world: World) -> None:
    account_id = world.account(fee_fen=6_000, through=CURRENT_DAY - timedelta(days=1))
    before = the_bill(world, account_id)
    out = world.propose(account_id, {"type": "fee_waiver", "amount_fen": 5_000, "component": "fees",
                                     "reason": "first late fee"}).json()
    assert out["status"] == "active"
    with world.session() as session:
        txn = session.scalars(select(Transaction).where(Transaction.account_id == account_id,
                                                        Transaction.type == "fee_reversal")).one()
    assert txn.amount_fen == -5_000
    bill = the_bill(world, account_id)
    assert bill.open_fees_fen == before.open_fees_fen - 5_000
    assert bill.minimum_payment_fen == before.minimum_payment_fen - 5_000
    assert_ledger_balanced(world, account_id)
    world.eod(date(2024, 5, 31))
    june = the_bill(world, account_id)
    assert june.open_fees_fen == 1_000  # billed once, waived once: not netted again
    assert_ledger_balanced(world, account_id)


def test_a_proposal_is_audited(world: World) -> None:
    account_id = world.account(through=CURRENT_DAY - timedelta(days=1))
    key = str(uuid.uuid4())
    out = world.propose(account_id, {"type": "due_date_extension", "days": 2}, key=key).json()
    with world.session() as session:
        records = session.scalars(select(AuditRecord).where(AuditRecord.idempotency_key == key)
                                  .order_by(AuditRecord.id)).all()
    actions = [r.action for r in records]
    assert actions == ["arrangement.propose", "bill.arrangement", "arrangement.activate"]
    assert records[1].before == {"due_date": "2024-05-10"} and records[1].after == {"due_date": "2024-05-12"}
    assert records[2].after["status"] == "active" and records[0].entity_id == str(out["id"])


def test_an_idempotent_replay_makes_one_arrangement(world: World) -> None:
    account_id = world.account(through=CURRENT_DAY - timedelta(days=1))
    key = str(uuid.uuid4())
    body = {"type": "promise_to_pay", "amount_fen": 10_000, "promised_date": "2024-05-08"}
    first = world.propose(account_id, body, key=key)
    second = world.propose(account_id, body, key=key)
    assert first.status_code == second.status_code == 201
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.json() == first.json()
    assert second.headers["ETag"] == first.headers["ETag"]
    with world.session() as session:
        assert session.scalar(select(func.count()).select_from(Arrangement)) == 1
    other = world.propose(account_id, {**body, "amount_fen": 9_000}, key=key)
    assert problem(other)["code"] == "idempotency_key_reused"
    assert problem(world.client.post("/v1/arrangements", json={"account_id": account_id, **body},
                                     headers=world.auth("agent1")))["status"] == 400


def test_one_live_promise_at_a_time(world: World) -> None:
    account_id = world.account(through=CURRENT_DAY - timedelta(days=1))
    body = {"type": "promise_to_pay", "amount_fen": 10_000, "promised_date": "2024-05-08"}
    assert world.propose(account_id, body).status_code == 201
    assert problem(world.propose(account_id, body))["code"] == "arrangement_exists"


# --- waiting for approval, four eyes ----------------------------------------------------------

def test_a_24_month_hardship_plan_by_an_agent_waits_for_approval(world: World) -> None:
    account_id = overdue_account(world, purchase_fen=4_000_000)
    before = state_of(world, account_id)
    response = world.propose(account_id, {"type": "hardship_plan", "months": 24, "note": "lost job"})
    assert response.status_code == 201, response.text
    out = response.json()
    assert out["status"] == "pending_approval" and out["needs_approval"] is True
    assert [r["code"] for r in out["approval_reasons"]] == ["hardship_months"]
    assert out["plan_id"] is None and out["allowed_actions"] == ["cancel"]
    with world.session() as session:
        case = session.get(Case, out["case_id"])
        assert case is not None
        assert (case.type, case.queue, case.status, case.subject_id) == (
            "arrangement", "approvals", "pending_approval", out["id"])
        assert case.due_at == add_business_days(world.clock.now(), 1)
        assert "24 months" in case.summary and "needs approval" in case.summary.lower()
    after = state_of(world, account_id)
    assert after["account"] == before["account"] and after["bills"] == before["bills"]
    assert after["plans"] == before["plans"] == 0
    # A supervisor sees approve and reject.
    assert world.get(out["id"], "super1").json()["allowed_actions"] == ["approve", "reject", "cancel"]


def test_approval_applies_the_hardship_plan(world: World) -> None:
    account_id = overdue_account(world, purchase_fen=4_000_000)
    bill_before = the_bill(world, account_id)
    assert bill_before.open_interest_fen == 42_000  # 21 days of penalty interest on ¥40,000
    out = world.propose(account_id, {"type": "hardship_plan", "months": 24, "penalty_waiver_fen": 20_000}).json()
    assert out["cost"] == {"principal_fen": 4_022_000, "fee_fen": 0, "waived_fen": 20_000, "total_fen": 4_022_000}

    response = world.act(out["id"], "approve", "super1", {"comment": "verified hardship"})
    assert response.status_code == 200, response.text
    approved = response.json()
    assert approved["status"] == "active" and approved["decided_by_name"] == "Supervisor One"
    assert response.headers["ETag"] == f'"arrangement-{out["id"]}-v2"'
    plan = plan_of(world, approved["plan_id"])
    assert (plan.kind, plan.fee_fen, plan.terms, plan.principal_fen) == ("hardship_plan", 0, 24, 4_022_000)
    assert sum(p.principal_fen for p in plan.periods) == 4_022_000
    assert plan.periods[0].due_date == date(2024, 7, 10)
    account = the_account(world, account_id)
    assert (account.past_due_fen, account.overdue_since, account.penalty_suspended) == (0, None, True)
    assert the_bill(world, account_id).outstanding_fen == 0
    with world.session() as session:
        types = {t: a for t, a in session.execute(select(Transaction.type, Transaction.amount_fen).where(
            Transaction.account_id == account_id, Transaction.type.in_(["fee_waiver", "hardship_conversion"])))}
        case = session.get(Case, out["case_id"])
        assert case is not None
        assert (case.is_open, case.status) == (False, "active")
        events = session.scalars(select(CaseEvent.action).where(CaseEvent.case_id == case.id)
                                 .order_by(CaseEvent.id)).all()
    assert types == {"fee_waiver": -20_000, "hardship_conversion": -4_022_000}
    assert list(events) == ["opened", "approved"]
    assert_ledger_balanced(world, account_id)


def test_four_eyes(world: World) -> None:
    account_id = overdue_account(world, purchase_fen=4_000_000)
    out = world.propose(account_id, {"type": "hardship_plan", "months": 24}, user="super1").json()
    assert out["status"] == "pending_approval"  # a supervisor's proposal beyond agent authority waits too
    assert out["allowed_actions"] == ["cancel"]

    own = world.act(out["id"], "approve", "super1")
    assert (problem(own)["status"], problem(own)["code"]) == (403, "four_eyes")
    for user in ("agent1", "handler1"):
        assert problem(world.act(out["id"], "approve", user))["status"] == 403
        assert problem(world.act(out["id"], "reject", user, {"comment": "no"}))["status"] == 403
    assert problem(world.act(out["id"], "approve", "admin1", etag=f'"arrangement-{out["id"]}-v1"'))["status"] == 403
    assert world.get(out["id"]).json()["version"] == 1  # nothing refused changed it

    response = world.act(out["id"], "approve", "super2")
    assert response.status_code == 200, response.text
    assert response.json()["decided_by_name"] == "Supervisor Two"
    again = world.act(out["id"], "approve", "super2")
    assert (problem(again)["status"], problem(again)["code"]) == (409, "invalid_transition")


def test_reject_needs_a_comment_and_closes_the_case(world: World) -> None:
    account_id = world.account(fee_fen=6_000, through=CURRENT_DAY - timedelta(days=1))
    out = world.propose(account_id, {"type": "fee_waiver", "amount_fen": 6_000, "component": "fees",
                                     "reason": "goodwill"}).json()
    assert out["status"] == "pending_approval"
    missing = world.act(out["id"], "reject", "super1", {})
    assert (problem(missing)["status"], problem(missing)["code"]) == (422, "comment_required")
    response = world.act(out["id"], "reject", "super1", {"comment": "fee was correct"})
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "rejected"
    assert response.json()["decision_comment"] == "fee was correct"
    with world.session() as session:
        case = session.get(Case, out["case_id"])
        assert case is not None and not case.is_open and case.status == "rejected"
        assert session.scalar(select(func.count()).where(Transaction.type == "fee_reversal")) == 0


def test_cancel_while_pending_by_the_proposer_not_another_agent(world: World) -> None:
    account_id = world.account(through=CURRENT_DAY - timedelta(days=1))
    out = world.propose(account_id, {"type": "due_date_extension", "days": 7}).json()
    assert out["status"] == "pending_approval"
    assert problem(world.act(out["id"], "cancel", "agent2"))["status"] == 403
    response = world.act(out["id"], "cancel", "agent1")
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "cancelled"
    assert the_bill(world, account_id).due_date == date(2024, 5, 10)


def test_approve_refused_when_it_no_longer_applies(world: World) -> None:
    account_id = world.account(fee_fen=6_000, through=CURRENT_DAY - timedelta(days=1))
    out = world.propose(account_id, {"type": "fee_waiver", "amount_fen": 6_000, "component": "fees",
                                     "reason": "goodwill"}).json()
    world.repay(account_id, the_bill(world, account_id).outstanding_fen, CURRENT_DAY)
    response = world.act(out["id"], "approve", "super1")
    assert (problem(response)["status"], problem(response)["code"]) == (409, "arrangement_no_longer_applies")
    assert world.get(out["id"]).json()["status"] == "pending_approval"


def test_412_on_a_stale_etag_and_428_without_one(world: World) -> None:
    account_id = world.account(through=CURRENT_DAY - timedelta(days=1))
    out = world.propose(account_id, {"type": "due_date_extension", "days": 7}).json()
    stale = f'"arrangement-{out["id"]}-v0"'
    response = world.act(out["id"], "approve", "super1", etag=stale)
    assert problem(response)["status"] == 412
    assert response.headers["ETag"] == f'"arrangement-{out["id"]}-v1"'
    assert problem(world.act(out["id"], "approve", "super1", etag=""))["status"] == 428
    assert problem(world.act(999_999, "approve", "super1", etag='"arrangement-999999-v1"'))["status"] == 404
    ok = world.act(out["id"], "approve", "super1", etag=f'"arrangement-{out["id"]}-v1"')
    assert ok.status_code == 200, ok.text
    assert the_bill(world, account_id).due_date == date(2024, 5, 17)


def test_reading_and_listing(world: World) -> None:
    account_id = world.account(through=CURRENT_DAY - timedelta(days=1))
    out = world.propose(account_id, {"type": "promise_to_pay", "amount_fen": 10_000,
                                     "promised_date": "2024-05-08"}).json()
    read = world.get(out["id"], "handler1")
    assert read.status_code == 200 and read.headers["ETag"] == f'"arrangement-{out["id"]}-v1"'
    assert read.json()["allowed_actions"] == []
    assert world.get(out["id"], "super2").json()["allowed_actions"] == ["cancel"]
    assert problem(world.get(out["id"], "admin1"))["status"] == 403
    assert problem(world.get(999_999))["status"] == 404
    page = world.client.get(f"/v1/accounts/{account_id}/arrangements", headers=world.auth("agent1")).json()
    assert [item["id"] for item in page["items"]] == [out["id"]] and page["next_cursor"] is None


# --- end of day -------------------------------------------------------------------------------

@pytest.mark.parametrize(("repaid", "repaid_on", "outcome"), [
    (10_000, date(2024, 5, 8), "kept"), (12_000, date(2024, 5, 6), "kept"),
    (9_999, date(2024, 5, 8), "broken"), (10_000, date(2024, 5, 9), "broken"),
])
def test_a_promise_is_kept_or_broken_at_end_of_day(world: World, repaid: int, repaid_on: date,
                                                   outcome: str) -> None:
    account_id = world.account(through=CURRENT_DAY - timedelta(days=1))
    out = world.propose(account_id, {"type": "promise_to_pay", "amount_fen": 10_000,
                                     "promised_date": "2024-05-08"}).json()
    world.repay(account_id, repaid, repaid_on)
    world.eod(date(2024, 5, 7))
    assert world.get(out["id"]).json()["status"] == "active"
    world.eod(date(2024, 5, 8))
    decided = world.get(out["id"]).json()
    assert decided["status"] == outcome and decided["resolved_on"] == "2024-05-08"
    assert decided["version"] == 2
    world.eod(date(2024, 5, 9))
    assert world.get(out["id"]).json()["version"] == 2  # decided once


def test_a_hardship_plan_breaks_after_two_missed_payments(world: World) -> None:
    account_id = overdue_account(world, purchase_fen=4_000_000)
    out = world.propose(account_id, {"type": "hardship_plan", "months": 6}).json()
    assert out["status"] == "active"
    world.eod(date(2024, 8, 9))  # July's period missed; August's due tomorrow
    assert world.get(out["id"]).json()["status"] == "active"
    assert the_account(world, account_id).penalty_suspended is True
    assert_ledger_balanced(world, account_id)

    world.eod(date(2024, 8, 10))
    broken = world.get(out["id"]).json()
    assert (broken["status"], broken["resolved_on"]) == ("broken", "2024-08-10")
    plan = plan_of(world, out["plan_id"])
    assert plan.status == "broken"
    assert [p.status for p in plan.periods] == ["billed", "billed", "cancelled", "cancelled", "cancelled",
                                                "cancelled"]
    remaining = sum(p.principal_fen for p in plan.periods[2:])
    with world.session() as session:
        adjustments = session.scalars(select(Transaction.amount_fen).where(
            Transaction.account_id == account_id, Transaction.type == "adjustment")).all()
        unbilled = session.scalar(select(func.count()).where(InstallmentPeriod.plan_id == plan.id,
                                                             InstallmentPeriod.status == "scheduled"))
    assert list(adjustments) == [remaining] and unbilled == 0
    assert the_account(world, account_id).penalty_suspended is False
    assert_ledger_balanced(world, account_id)

    world.eod(date(2024, 8, 10))  # rerun of the same date: nothing more
    world.eod(date(2024, 8, 11))
    with world.session() as session:
        assert session.scalar(select(func.count()).where(Transaction.type == "adjustment")) == 1
    assert world.get(out["id"]).json()["version"] == broken["version"]


def test_a_hardship_plan_paid_to_the_end_is_completed(world: World) -> None:
    account_id = overdue_account(world, purchase_fen=300_000)
    out = world.propose(account_id, {"type": "hardship_plan", "months": 3}).json()
    assert out["status"] == "active"
    for statement in (date(2024, 7, 1), date(2024, 8, 1), date(2024, 9, 1)):
        world.eod(statement)
        world.repay(account_id, the_bill(world, account_id).outstanding_fen, statement)
    world.eod(date(2024, 9, 10))
    assert world.get(out["id"]).json()["status"] == "completed"
    assert plan_of(world, out["plan_id"]).status == "completed"
    account = the_account(world, account_id)
    assert (account.penalty_suspended, account.past_due_fen) == (False, 0)
    assert_ledger_balanced(world, account_id)


def test_a_supervisor_cancels_a_live_hardship_plan(world: World) -> None:
    account_id = overdue_account(world, purchase_fen=300_000)
    out = world.propose(account_id, {"type": "hardship_plan", "months": 3}).json()
    assert problem(world.act(out["id"], "cancel", "agent1"))["status"] == 403
    response = world.act(out["id"], "cancel", "super1", {"comment": "customer asked"})
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "cancelled"
    assert the_account(world, account_id).penalty_suspended is False
    assert plan_of(world, out["plan_id"]).status == "broken"
    assert_ledger_balanced(world, account_id)


def test_a_live_one_off_arrangement_cannot_be_cancelled(world: World) -> None:
    account_id = world.account(through=CURRENT_DAY - timedelta(days=1))
    out = world.propose(account_id, {"type": "due_date_extension", "days": 2}).json()
    response = world.act(out["id"], "cancel", "super1")
    assert (problem(response)["status"], problem(response)["code"]) == (409, "invalid_transition")


def test_a_bill_moved_into_a_hardship_plan_agrees_with_the_account_and_says_where_the_money_went(
    world: World,
) -> None:
    """Issue 14 item 14: after a hardship plan the header said "not overdue" while the bill still
    said Overdue, and the bill read total ¥1,185.52, paid ¥0, outstanding ¥173.20 with no line
    saying where the rest went.

    By hand: purchases of 100,000 (5 April) and 17,320 (6 April) are billed on 1 May (minimum
    11,732) and not paid: overdue from 10 May, penalty 0.05% a day on 117,320 for 11–31 May =
    21 × 58.66 = 1,231.86 → 1,232 on the 1 June bill (total 118,552). Its minimum: past due
    11,732 + penalty 1,232 + 10% of (117,320 − 11,732) = 10,558.8 → 10,559: 23,523, not paid by
    10 June: Overdue. On 15 June the 17,320 purchase is disputed (the minimum leaves out 10% of
    it) and a 12-month hardship plan moves the rest, 1,232 + 100,000 = 101,232, into the plan.
    The disputed 17,320 stays on the bill, out of the minimum: minimum 0, not overdue, total
    118,552 − 101,232 = 17,320 = paid 0 + outstanding 17,320, with the plan's line on the bill."""
    account_id = world.account(purchase_fen=100_000, through=PURCHASE_ON)
    with transaction(world.factory) as session:
        account = session.get(Account, account_id)
        assert account is not None
        disputed = post_charge(session, account, Posting("purchase", 17_320, PURCHASE_ON + timedelta(days=1),
                                                         "山海书店 消费"), at(PURCHASE_ON + timedelta(days=1)))
        session.flush()
        disputed_id = disputed.id
    world.eod(date(2024, 6, 14))
    world.on(date(2024, 6, 15))
    bill = the_bill(world, account_id)
    assert (bill.total_fen, bill.minimum_payment_fen, bill.status) == (118_552, 23_523, "overdue")

    def statuses() -> list[tuple[str, str]]:
        listed = world.client.get(f"/v1/accounts/{account_id}/bills", headers=world.auth("agent1")).json()["items"]
        return [(item["statement_date"], item["status"]) for item in listed]

    # The May bill was missed and the delinquency it began (10 May) still runs: Overdue too.
    assert statuses() == [("2024-06-01", "overdue"), ("2024-05-01", "overdue")]

    filed = world.client.post("/v1/disputes", json={
        "transaction_id": disputed_id, "category": "consumer_dispute", "reason": "not_received",
        "disputed_amount_fen": 17_320, "description": "The books never came",
    }, headers=idempotency_headers(world.auth("agent1")))
    assert filed.status_code == 201, filed.text
    out = world.propose(account_id, {"type": "hardship_plan", "months": 12})
    assert out.status_code == 201, out.text
    assert out.json()["status"] == "active"
    assert out.json()["cost"]["principal_fen"] == 101_232

    overview = world.client.get(f"/v1/accounts/{account_id}", headers=world.auth("agent1")).json()
    detail = world.client.get(f"/v1/accounts/{account_id}/bills/{bill.id}", headers=world.auth("agent1")).json()
    assert (overview["past_due_fen"], overview["days_past_due"]) == (0, 0)
    assert overview["current_bill"]["status"] == detail["status"] == "open"
    assert (detail["total_fen"], detail["paid_fen"], detail["outstanding_fen"], detail["minimum_payment_fen"]) == (
        17_320, 0, 17_320, 0)
    # The May bill's rest went on June's, now in the plan: no bill says Overdue beside a cured
    # account (it said Overdue while the header said not overdue).
    assert statuses() == [("2024-06-01", "open"), ("2024-05-01", "carried_over")]
    may = world.client.get(f"/v1/accounts/{account_id}/bills", headers=world.auth("agent1")).json()["items"][1]
    assert world.client.get(f"/v1/accounts/{account_id}/bills/{may['id']}",
                            headers=world.auth("agent1")).json()["status"] == "carried_over"
    plan_line = detail["lines"][-1]
    assert (plan_line["type"], plan_line["amount_fen"]) == ("hardship_conversion", -101_232)
    assert plan_line["description"] == "Hardship plan, 12 months"
    assert sum(line["amount_fen"] for line in detail["lines"]) == detail["total_fen"]
    assert_ledger_balanced(world, account_id)

    # The next cut leaves the plan's credit out of its cycle (it is on the June bill already):
    # July's bill is June's 17,320, the plan's first period (101,232 / 12 = 8,436) and nothing twice.
    world.eod(date(2024, 6, 30))
    july = the_bill(world, account_id)
    with world.session() as session:
        july_lines = session.scalars(select(BillLine).where(BillLine.bill_id == july.id)
                                     .order_by(BillLine.line_no)).all()
    assert [line.type for line in july_lines if line.type == "hardship_conversion"] == []
    assert july_lines[0].amount_fen == 17_320
    assert_ledger_balanced(world, account_id)


# --- Codes and parameters beside the English (docs/api-wording.md) ---------------------------

def test_approval_reasons_and_the_case_summary_carry_their_figures(world: World) -> None:
    account_id = overdue_account(world, purchase_fen=4_000_000)
    quote = world.quote(account_id, {"type": "hardship_plan", "months": 24, "penalty_waiver_fen": 20_001}).json()
    assert quote["approval_reasons"] == [
        {"code": "hardship_months", "message": "24 months is over the 12 months an agent may grant alone.",
         "params": {"months": 24, "agent_max_months": 12}},
        {"code": "hardship_penalty_waiver",
         "message": "A penalty waiver of ¥200.01 is over the ¥200.00 an agent may grant alone.",
         "params": {"waiver_fen": 20_001, "agent_limit_fen": 20_000}},
    ]
    out = world.propose(account_id, {"type": "hardship_plan", "months": 24}).json()
    case = world.client.get(f"/v1/cases/{out['case_id']}", headers=world.auth("super1")).json()
    assert case["summary_code"] == "arrangement"
    assert case["summary_params"] == {
        "type": "hardship_plan", "amount_fen": out["cost"]["principal_fen"], "months": 24,
        "reasons": [{"code": "hardship_months", "params": {"months": 24, "agent_max_months": 12}}],
    }
    assert case["summary"].startswith("Hardship plan: 24 months, ")  # the English stays


@pytest.mark.parametrize(("body", "code", "params"), [
    ({"type": "hardship_plan", "months": 61}, "invalid_months", {"min_months": 3, "max_months": 60}),
    ({"type": "hardship_plan", "months": 2}, "invalid_months", {"min_months": 3, "max_months": 60}),
    ({"type": "due_date_extension", "days": 11}, "over_limit", {"max_days": 10}),
])
def test_a_refusal_carries_the_figures_of_its_sentence(
    world: World, body: dict[str, Any], code: str, params: dict[str, Any]
) -> None:
    overdue = body["type"] == "hardship_plan"
    account_id = overdue_account(world) if overdue else world.account(through=CURRENT_DAY - timedelta(days=1))
    refused = problem(world.quote(account_id, body))
    assert (refused["code"], refused["params"]) == (code, params)


def test_a_promise_over_what_is_owed_names_the_amount_owed(world: World) -> None:
    account_id = world.account(through=CURRENT_DAY - timedelta(days=1))
    owed = world.quote(account_id, {"type": "promise_to_pay", "amount_fen": 200_000,
                                    "promised_date": CURRENT_DAY.isoformat()})
    refused = problem(owed)
    assert refused["code"] == "over_owed"
    assert refused["params"]["subject"] == "promise_to_pay"
    assert refused["detail"] == f"The account owes {fen_text(refused['params']['owed_fen'])}; a promise cannot exceed it."

"""A clean credit line driven over HTTP as the customer and the staff would: the training
sandbox for purchases and repayments, the dispute and fraud endpoints for casework, and end of
day run day by day with a clock that moves with it.

    m = MoneyWorld.open(factory, opened=date(2026, 10, 1))
    big = m.buy(100_000)          # on 5 October (the clock's day)
    m.close_through(date(2026, 10, 31))   # the 1 November bill is cut
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from backend.accounts.models import Account, Transaction
from backend.billing import rules
from backend.billing.engine import Posting
from backend.billing.eod import run_end_of_day
from backend.billing.ledger import post_charge
from backend.billing.models import Bill, BillLine
from backend.billing.reconcile import reconcile
from backend.clock import BUSINESS_TZ
from backend.customers.models import Customer
from backend.db import transaction
from backend.installments.models import InstallmentPeriod, InstallmentPlan
from tests.helpers.api import FixedClock, idempotency_headers, login, make_client

AT = time(10, 0)


class _LazyHeaders(dict[str, dict[str, str]]):
    def __init__(self, client: TestClient) -> None:
        super().__init__()
        self.client = client

    def __missing__(self, user: str) -> dict[str, str]:
        self[user] = login(self.client, user)
        return self[user]


@dataclass
class MoneyWorld:
    client: TestClient
    clock: FixedClock
    factory: sessionmaker[Session]
    account_id: int
    headers: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def open(cls, factory: sessionmaker[Session], opened: date, *, due_day: int = 10,
             limit_fen: int = 5_000_000) -> MoneyWorld:
        with transaction(factory) as session:
            customer = Customer(name="测试 对账", phone=f"139{uuid.uuid4().int % 10**8:08d}",
                                national_id="110101199001011234", national_id_last4="1234", bank_card=None,
                                city="Hangzhou", flags=[], created_at=datetime.combine(opened, AT, BUSINESS_TZ))
            session.add(customer)
            session.flush()
            account = Account(customer_id=customer.id, account_number=f"M{uuid.uuid4().int % 10**15:015d}",
                              product="credit_line", status="active", credit_limit_fen=limit_fen,
                              due_day=due_day, daily_rate_ppm=None, opened_on=opened,
                              eod_through=opened - timedelta(days=1))
            session.add(account)
            session.flush()
            account_id = account.id
        clock = FixedClock.on(opened, AT)
        world = cls(client=make_client(factory, clock=clock), clock=clock, factory=factory, account_id=account_id)
        world.sign_in()
        return world

    def sign_in(self) -> None:
        """Forget the tokens (they last one shift); each user signs in again when next needed."""
        self.headers = _LazyHeaders(self.client)

    @property
    def today(self) -> date:
        return self.clock.today()

    # -- time ------------------------------------------------------------------------------
    def close_through(self, day: date) -> None:
        """End of day through `day`; the clock then stands at 10:00 the day after."""
        with transaction(self.factory) as session:
            run_end_of_day(session, day)
        self.clock.set(datetime.combine(day + timedelta(days=1), AT, BUSINESS_TZ))
        self.sign_in()

    def go_to(self, day: date) -> None:
        """Close every day before `day` and stand at 10:00 on it."""
        self.close_through(day - timedelta(days=1))

    # -- the customer (training sandbox) ---------------------------------------------------
    def _post(self, path: str, body: dict[str, Any], user: str = "agent1", **headers: str) -> Any:
        return self.client.post(path, json=body, headers={**idempotency_headers(self.headers[user]), **headers})

    def buy(self, amount_fen: int, merchant: str = "Shop") -> int:
        response = self._post(f"/v1/demo/accounts/{self.account_id}/purchases",
                              {"amount_fen": amount_fen, "merchant": merchant})
        assert response.status_code == 201, response.text
        return int(response.json()["id"])

    def pay(self, amount_fen: int) -> None:
        response = self._post(f"/v1/demo/accounts/{self.account_id}/repayments", {"amount_fen": amount_fen})
        assert response.status_code == 201, response.text

    def convert(self, transaction_id: int, terms: int) -> int:
        """Convert a purchase to installments as the demo generator does (there is no endpoint)."""
        with transaction(self.factory) as session:
            txn = session.get(Transaction, transaction_id)
            account = session.get(Account, self.account_id)
            assert txn is not None and account is not None
            first_due = rules.due_date_for(rules.first_of_next_month(txn.business_date), account.due_day)
            schedule = rules.installment_schedule(txn.amount_fen, terms, first_due)
            plan = InstallmentPlan(account_id=account.id, customer_id=account.customer_id,
                                   kind="transaction_installment", principal_fen=txn.amount_fen,
                                   fee_fen=sum(p.fee_fen for p in schedule), terms=terms, status="active",
                                   source_transaction_id=txn.id, description=f"{terms}期",
                                   created_at=txn.posted_at)
            session.add(plan)
            session.flush()
            for p in schedule:
                session.add(InstallmentPeriod(plan_id=plan.id, account_id=account.id,
                                              customer_id=account.customer_id, period=p.period,
                                              due_date=p.due_date, principal_fen=p.principal_fen,
                                              fee_fen=p.fee_fen, paid_fen=0, status="scheduled"))
            conversion = Posting("installment_conversion", -txn.amount_fen, txn.business_date, f"转分期 {terms}期",
                                 merchant=txn.merchant)
            posted = post_charge(session, account, conversion, txn.posted_at + timedelta(minutes=1))
            session.flush()
            posted.plan_id = plan.id
            return plan.id

    # -- casework (HTTP) ---------------------------------------------------------------------
    def dispute(self, transaction_id: int, amount_fen: int, *, category: str = "consumer_dispute",
                reason: str = "not_received") -> Any:
        return self._post("/v1/disputes", {
            "transaction_id": transaction_id, "category": category, "reason": reason,
            "disputed_amount_fen": amount_fen, "description": "Never arrived.", "channel": "phone"})

    def filed(self, transaction_id: int, amount_fen: int, **kwargs: Any) -> int:
        response = self.dispute(transaction_id, amount_fen, **kwargs)
        assert response.status_code == 201, response.text
        return int(response.json()["id"])

    def act(self, dispute_id: int, action: str, body: dict[str, Any] | None = None, user: str = "handler1") -> Any:
        etag = self.client.get(f"/v1/disputes/{dispute_id}", headers=self.headers[user]).headers["ETag"]
        return self._post(f"/v1/disputes/{dispute_id}/actions/{action}", body or {}, user, **{"If-Match": etag})

    def done(self, dispute_id: int, action: str, body: dict[str, Any] | None = None,
             user: str = "handler1") -> dict[str, Any]:
        response = self.act(dispute_id, action, body, user)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def win(self, dispute_id: int, amount_fen: int) -> dict[str, Any]:
        """Acknowledge and propose `won` (approved by a second supervisor when it must be)."""
        self.done(dispute_id, "acknowledge")
        state = self.done(dispute_id, "propose_outcome", {"outcome": "won", "amount_fen": amount_fen, "note": "ok"},
                          user="super1")
        if state["status"] == "pending_approval":
            state = self.done(dispute_id, "approve_outcome", {}, user="super2")
        return state

    def report_fraud(self, transaction_ids: list[int], *, freeze: bool = True) -> Any:
        body: dict[str, Any] = {
            "account_id": self.account_id, "category": "unknown_transactions", "transaction_ids": transaction_ids,
            "description": "Not me.", "channel": "phone", "freeze_account": freeze}
        if not freeze:
            body["no_freeze_reason"] = "The card is already blocked."
        return self._post("/v1/fraud-reports", body)

    def fraud_act(self, report_id: int, action: str) -> Any:
        etag = self.client.get(f"/v1/fraud-reports/{report_id}", headers=self.headers["handler1"]).headers["ETag"]
        return self._post(f"/v1/fraud-reports/{report_id}/actions/{action}", {}, "handler1", **{"If-Match": etag})

    # -- arrangements (HTTP) ------------------------------------------------------------------
    def propose(self, body: dict[str, Any], user: str = "agent1") -> Any:
        return self._post("/v1/arrangements", {"account_id": self.account_id, **body}, user)

    def arranged(self, body: dict[str, Any], user: str = "agent1") -> dict[str, Any]:
        response = self.propose(body, user)
        assert response.status_code == 201, response.text
        result: dict[str, Any] = response.json()
        return result

    def arrangement(self, arrangement_id: int) -> dict[str, Any]:
        response = self.client.get(f"/v1/arrangements/{arrangement_id}", headers=self.headers["agent1"])
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def payoff_quote(self, plan_id: int) -> Any:
        return self.client.get(f"/v1/installment-plans/{plan_id}/payoff-quote", headers=self.headers["agent1"])

    def transactions_of(self, type_: str) -> list[int]:
        with self.factory() as session:
            return list(session.scalars(select(Transaction.amount_fen).where(
                Transaction.account_id == self.account_id, Transaction.type == type_).order_by(Transaction.id)))

    def waive(self, amount_fen: int, component: str, user: str = "agent1") -> Any:
        """Propose a fee waiver (an arrangement): live at once within the agent's authority."""
        return self._post("/v1/arrangements", {"type": "fee_waiver", "account_id": self.account_id,
                                               "amount_fen": amount_fen, "component": component,
                                               "reason": "Goodwill."}, user)

    def approve_arrangement(self, arrangement_id: int, user: str = "super1") -> Any:
        etag = self.client.get(f"/v1/arrangements/{arrangement_id}", headers=self.headers[user]).headers["ETag"]
        return self._post(f"/v1/arrangements/{arrangement_id}/actions/approve", {}, user, **{"If-Match": etag})

    # -- reading -----------------------------------------------------------------------------
    def overview(self) -> dict[str, Any]:
        response = self.client.get(f"/v1/accounts/{self.account_id}", headers=self.headers["agent1"])
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def bills(self) -> list[Bill]:
        with self.factory() as session:
            return list(session.scalars(select(Bill).where(Bill.account_id == self.account_id)
                                        .order_by(Bill.statement_date)))

    def bill_lines(self, bill_id: int) -> list[tuple[str, int]]:
        with self.factory() as session:
            return [(line.type, line.amount_fen) for line in session.scalars(
                select(BillLine).where(BillLine.bill_id == bill_id).order_by(BillLine.line_no))]

    def account(self) -> Account:
        with self.factory() as session:
            account = session.get(Account, self.account_id)
            assert account is not None
            return account

    def plan(self, plan_id: int) -> dict[str, Any]:
        response = self.client.get(f"/v1/installment-plans/{plan_id}", headers=self.headers["agent1"])
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def reconciles(self) -> None:
        with self.factory() as session:
            result = reconcile(session, self.today)
        assert result.ok, "\n".join(result.lines())

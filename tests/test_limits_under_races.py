"""Per-account limits under concurrency, over real HTTP on SQLite and PostgreSQL
(docs/reliability.md): 20 proposals at once per limit; exactly what the limit allows goes
live, every loser gets 409 (or 412 for a stale version) with a sentence, the same on both
databases."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from backend.accounts.models import Account
from backend.arrangements.models import Arrangement
from backend.billing.engine import Posting
from backend.billing.eod import run_end_of_day
from backend.billing.ledger import balance_from_transactions, post_charge
from backend.clock import BUSINESS_TZ
from backend.customers.models import Customer
from backend.db import transaction
from backend.settings import Settings
from tests.helpers.api import FixedClock
from tests.helpers.live_server import LiveServer, committed_database, live_server, run_together

OPENED = date(2024, 4, 1)
PURCHASE_ON = date(2024, 4, 5)
TODAY = date(2024, 6, 5)  # May's bill (due 10 May) unpaid: overdue; June's bill due 10 June
RACERS = 20


def at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour), BUSINESS_TZ).astimezone(timezone.utc)


def make_account(factory: sessionmaker[Session], n: int, *, through: date = TODAY - timedelta(days=1)) -> int:
    """A credit line with a ¥1,000 purchase and a ¥100 fee in April, closed by end of day through `through`."""
    with transaction(factory) as session:
        customer = Customer(name=f"竞态{n}", phone=f"1370000{n:04d}", national_id=f"11010119900101{n:04d}",
                            national_id_last4=f"{n:04d}", bank_card=None, city="北京", flags=[],
                            created_at=at(OPENED))
        session.add(customer)
        session.flush()
        account = Account(customer_id=customer.id, account_number=f"7700{n:012d}", product="credit_line",
                          status="active", credit_limit_fen=5_000_000, due_day=10, opened_on=OPENED)
        session.add(account)
        session.flush()
        post_charge(session, account, Posting("purchase", 100_000, PURCHASE_ON, "蓝鲸数码 消费"), at(PURCHASE_ON))
        post_charge(session, account, Posting("fee", 10_000, PURCHASE_ON, "Late fee"), at(PURCHASE_ON, 13))
        session.flush()
        run_end_of_day(session, through)
        return account.id


@dataclass
class Race:
    factory: sessionmaker[Session]
    server: LiveServer

    def propose_together(self, account_id: int, body: dict[str, Any], user: str = "agent1") -> list[tuple[int, dict[str, Any]]]:
        self.server.login(user)

        def send(_: int) -> tuple[int, dict[str, Any]]:
            with self.server.client() as client:
                response = client.post("/v1/arrangements", json={"account_id": account_id, **body},
                                       headers=self.server.write_headers(user))
            return response.status_code, response.json()

        return run_together(RACERS, send)

    def arrangements(self, account_id: int, type_: str) -> list[Arrangement]:
        with self.factory() as session:
            return list(session.scalars(select(Arrangement).where(Arrangement.account_id == account_id,
                                                                  Arrangement.type == type_)))

    def balanced(self, account_id: int) -> bool:
        with self.factory() as session:
            account = session.get(Account, account_id)
            assert account is not None
            return account.balance_fen == balance_from_transactions(session, account_id)


@pytest.fixture
def race(db_url: str, db_engine: object, tmp_path: Path) -> Iterator[Race]:
    with committed_database(db_url, tmp_path) as factory, live_server(factory, FixedClock.on(TODAY)) as server:
        yield Race(factory, server)


def losers_have_sentences(results: list[tuple[int, dict[str, Any]]], winners: int) -> None:
    losers = [body for status, body in results if status not in (200, 201)]
    assert len(losers) == RACERS - winners, results
    for status, body in results:
        if status in (200, 201):
            continue
        assert status == 409, (status, body)
        assert body["code"] and body["detail"].endswith("."), body


def test_20_fee_waivers_at_once_waive_no_more_than_an_agent_may(race: Race) -> None:
    account_id = make_account(race.factory, 1)
    body = {"type": "fee_waiver", "amount_fen": 3_000, "component": "fees", "reason": "goodwill"}

    results = race.propose_together(account_id, body)

    statuses = sorted(body["status"] for status, body in results if status == 201)
    # ¥30 goes live; a second ¥30 would make ¥60 in 90 days, over the agent's ¥50: it waits for a
    # supervisor; every other proposal finds that one waiting (one waiting per type and account).
    assert statuses == ["active", "pending_approval"], results
    losers_have_sentences(results, winners=2)
    live = [a for a in race.arrangements(account_id, "fee_waiver") if a.status == "active"]
    assert sum(a.amount_fen or 0 for a in live) == 3_000
    assert race.balanced(account_id)


def test_20_due_date_extensions_at_once_make_one(race: Race) -> None:
    account_id = make_account(race.factory, 2)

    results = race.propose_together(account_id, {"type": "due_date_extension", "days": 2})

    assert [body["status"] for status, body in results if status == 201] == ["active"], results
    losers_have_sentences(results, winners=1)
    assert len(race.arrangements(account_id, "due_date_extension")) == 1


def test_20_hardship_plans_at_once_make_one(race: Race) -> None:
    account_id = make_account(race.factory, 3)

    results = race.propose_together(account_id, {"type": "hardship_plan", "months": 6})

    assert [body["status"] for status, body in results if status == 201] == ["active"], results
    losers_have_sentences(results, winners=1)
    assert len(race.arrangements(account_id, "hardship_plan")) == 1
    assert race.balanced(account_id)


def test_20_promises_at_once_make_one(race: Race) -> None:
    account_id = make_account(race.factory, 4)
    body = {"type": "promise_to_pay", "amount_fen": 10_000, "promised_date": (TODAY + timedelta(days=3)).isoformat()}

    results = race.propose_together(account_id, body)

    assert [body["status"] for status, body in results if status == 201] == ["active"], results
    losers_have_sentences(results, winners=1)
    assert len(race.arrangements(account_id, "promise_to_pay")) == 1


def test_20_approvals_at_once_one_wins_the_rest_412(race: Race) -> None:
    account_id = make_account(race.factory, 5)
    with race.server.client() as client:
        proposed = client.post("/v1/arrangements", json={"account_id": account_id, "type": "hardship_plan",
                                                          "months": 24},
                               headers=race.server.write_headers("agent1"))
        assert proposed.status_code == 201 and proposed.json()["status"] == "pending_approval", proposed.text
        arrangement_id = proposed.json()["id"]
        etag = client.get(f"/v1/arrangements/{arrangement_id}", headers=race.server.login("super1")).headers["ETag"]

    def approve(_: int) -> tuple[int, dict[str, Any]]:
        with race.server.client() as client:
            response = client.post(f"/v1/arrangements/{arrangement_id}/actions/approve", json={},
                                   headers=race.server.write_headers("super1", **{"If-Match": etag}))
        return response.status_code, response.json()

    results = run_together(RACERS, approve)

    assert sorted(status for status, _ in results) == [200] + [412] * (RACERS - 1), results
    assert all(body["detail"].endswith(".") for status, body in results if status == 412)
    with race.factory() as session:
        assert session.scalar(select(func.count()).select_from(Arrangement).where(
            Arrangement.account_id == account_id, Arrangement.status == "active")) == 1
    assert race.balanced(account_id)


def test_20_reveals_at_once_stay_within_the_hourly_limit(db_url: str, db_engine: object, tmp_path: Path) -> None:
    settings = Settings(database_url="sqlite://", demo_mode=True, reveals_per_user_per_hour=5)
    with committed_database(db_url, tmp_path) as factory, \
            live_server(factory, FixedClock.on(TODAY), settings=settings) as server:
        account_id = make_account(factory, 6)
        with factory() as session:
            account = session.get(Account, account_id)
            assert account is not None
            customer_id = account.customer_id
        server.login("agent1")

        def reveal(_: int) -> tuple[int, dict[str, Any]]:
            with server.client() as client:
                response = client.post(f"/v1/customers/{customer_id}/reveal",
                                       json={"field": "phone", "reason": "customer asked to confirm it"},
                                       headers=server.write_headers("agent1"))
            return response.status_code, response.json()

        results = run_together(RACERS, reveal)

        assert sorted(status for status, _ in results) == [200] * 5 + [429] * (RACERS - 5), results
        assert all(body["code"] == "reveal_limit" for status, body in results if status == 429)


def test_20_payoffs_of_one_plan_at_once_make_one(race: Race) -> None:
    """Twenty agents pay off one plan at once: the account is locked before the plan is read, so
    exactly one payoff goes live; the rest are told it already is (409 `payoff_in_force`)."""
    from backend.billing import rules
    from backend.installments.models import InstallmentPeriod, InstallmentPlan

    with transaction(race.factory) as session:
        customer = Customer(name="竞态提前还款", phone="13700009999", national_id="110101199001019999",
                            national_id_last4="9999", bank_card=None, city="北京", flags=[], created_at=at(OPENED))
        session.add(customer)
        session.flush()
        account = Account(customer_id=customer.id, account_number="7700000000009999", product="credit_line",
                          status="active", credit_limit_fen=5_000_000, due_day=10, opened_on=OPENED)
        session.add(account)
        session.flush()
        run_end_of_day(session, TODAY - timedelta(days=1))
        purchase = post_charge(session, account, Posting("purchase", 60_000, TODAY, "蓝鲸数码 消费"), at(TODAY, 10))
        schedule = rules.installment_schedule(60_000, 6, date(2024, 7, 10))  # 6 × (10,000 + 450)
        plan = InstallmentPlan(account_id=account.id, customer_id=customer.id, kind="transaction_installment",
                               principal_fen=60_000, fee_fen=2_700, terms=6, status="active",
                               source_transaction_id=None, description="6期", created_at=at(TODAY, 10))
        session.add(plan)
        session.flush()
        for p in schedule:
            session.add(InstallmentPeriod(plan_id=plan.id, account_id=account.id, customer_id=customer.id,
                                          period=p.period, due_date=p.due_date, principal_fen=p.principal_fen,
                                          fee_fen=p.fee_fen, paid_fen=0, status="scheduled"))
        post_charge(session, account, Posting("installment_conversion", -60_000, TODAY, "转分期 6期"), at(TODAY, 10))
        session.flush()
        purchase.plan_id = plan.id
        account_id, plan_id = account.id, plan.id

    results = race.propose_together(account_id, {"type": "plan_payoff", "plan_id": plan_id})

    assert [body["status"] for status, body in results if status == 201] == ["active"], results
    losers_have_sentences(results, winners=1)
    assert {body["code"] for status, body in results if status == 409} == {"payoff_in_force"}
    live = race.arrangements(account_id, "plan_payoff")
    assert len(live) == 1 and live[0].amount_fen == 60_000  # nothing billed yet: all principal due at once
    assert race.balanced(account_id)
    with race.factory() as session:
        account = session.get(Account, account_id)
        assert account is not None and account.balance_fen == 60_000  # posted once, not twenty times

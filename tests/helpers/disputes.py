"""A small, known book for the dispute tests: one customer with two credit lines and a few
transactions, the app on it with a clock that stands still, and signed-in headers per demo user.

    world = build_world(factory, clock)
    dispute = world.file(world.purchase_id, 300_00)
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from backend.accounts.models import Account, Transaction
from backend.billing.engine import Posting
from backend.billing.ledger import post_charge, post_repayment
from backend.cases.models import Case, CaseEvent
from backend.clock import BUSINESS_TZ
from backend.customers.models import Customer
from backend.db import transaction
from backend.disputes.models import Dispute, DisputeMoneyEvent
from tests.helpers.api import FixedClock, idempotency_headers, login, make_client

# A Wednesday: one business day later is Thursday, and the statement of 1 July is three weeks out.
TODAY = date(2024, 6, 12)
NOON = time(10, 0)
USERS = ("agent1", "agent2", "handler1", "super1", "super2", "admin1")

PURCHASE_FEN = 500_000  # ¥5,000
SMALL_PURCHASE_FEN = 30_000  # ¥300
FEE_FEN = 5_000
REPAYMENT_FEN = 10_000


def opening_time() -> datetime:
    return datetime.combine(TODAY, NOON, BUSINESS_TZ)


@dataclass
class World:
    client: TestClient
    clock: FixedClock
    factory: sessionmaker[Session]
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    customer_id: int = 0
    account_id: int = 0
    twin_account_id: int = 0  # the same purchase on another account, never disputed
    purchase_id: int = 0
    small_purchase_id: int = 0
    fee_id: int = 0
    repayment_id: int = 0

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self.factory()
        try:
            yield session
        finally:
            session.close()

    def file(self, transaction_id: int, amount_fen: int, *, user: str = "agent1", key: str | None = None,
             **fields: Any) -> Any:
        body = {
            "transaction_id": transaction_id,
            "category": "consumer_dispute",
            "reason": "not_received",
            "disputed_amount_fen": amount_fen,
            "description": "The parcel never arrived.",
            "channel": "phone",
            **fields,
        }
        return self.client.post("/v1/disputes", json=body, headers=idempotency_headers(self.headers[user], key))

    def filed(self, transaction_id: int | None = None, amount_fen: int = 100_000, **fields: Any) -> dict[str, Any]:
        response = self.file(transaction_id or self.purchase_id, amount_fen, **fields)
        assert response.status_code == 201, response.text
        body: dict[str, Any] = response.json()
        return body

    def get(self, dispute_id: int, user: str = "handler1") -> Any:
        return self.client.get(f"/v1/disputes/{dispute_id}", headers=self.headers[user])

    def act(self, dispute: dict[str, Any] | int, action: str, body: dict[str, Any] | None = None, *,
            user: str = "handler1", etag: str | None = None, key: str | None = None) -> Any:
        """Send `action` with the dispute's current ETag (read fresh unless given)."""
        dispute_id = dispute if isinstance(dispute, int) else dispute["id"]
        if etag is None:
            etag = self.get(dispute_id).headers["ETag"]
        headers = {**idempotency_headers(self.headers[user], key), "If-Match": etag}
        return self.client.post(
            f"/v1/disputes/{dispute_id}/actions/{action}", json=body if body is not None else {}, headers=headers
        )

    def done(self, dispute: dict[str, Any] | int, action: str, body: dict[str, Any] | None = None, *,
             user: str = "handler1") -> dict[str, Any]:
        response = self.act(dispute, action, body, user=user)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def travel(self, delta: timedelta) -> None:
        """Move the clock on and sign everyone in again (tokens last one 8-hour shift)."""
        self.clock.advance(delta)
        self.headers = {user: login(self.client, user) for user in USERS}

    def account(self) -> Account:
        with self.session() as session:
            account = session.get(Account, self.account_id)
            assert account is not None
            return account

    def case(self, case_id: int) -> Case:
        with self.session() as session:
            case = session.get(Case, case_id)
            assert case is not None
            return case


def seed_book(session: Session) -> dict[str, int]:
    """One customer, two credit lines opened on 1 June; the first with a ¥5,000 purchase, a ¥300
    purchase, a fee and a repayment; the second (the twin) with the same ¥5,000 purchase only."""
    opened = TODAY.replace(day=1)
    customer = Customer(
        name="测试 争议",
        phone="13900001234",
        national_id="110101199001011234",
        national_id_last4="1234",
        bank_card=None,
        city="Hangzhou",
        flags=[],
        created_at=datetime.combine(opened, NOON, BUSINESS_TZ),
    )
    session.add(customer)
    session.flush()
    ids: dict[str, int] = {"customer_id": customer.id}
    accounts = []
    for name in ("account_id", "twin_account_id"):
        number = f"D{uuid.uuid4().int % 10**15:015d}"
        account = Account(
            customer_id=customer.id,
            account_number=number,
            product="credit_line",
            status="active",
            credit_limit_fen=5_000_000,
            due_day=10,
            daily_rate_ppm=None,
            opened_on=opened,
            eod_through=TODAY - timedelta(days=1),
        )
        session.add(account)
        session.flush()
        ids[name] = account.id
        accounts.append(account)
    main, twin = accounts
    posted = datetime.combine(TODAY - timedelta(days=3), NOON, BUSINESS_TZ)
    day = TODAY - timedelta(days=3)
    ids["purchase_id"] = _charge(session, main, "purchase", PURCHASE_FEN, day, posted, "JD.com")
    ids["small_purchase_id"] = _charge(session, main, "purchase", SMALL_PURCHASE_FEN, day, posted, "Meituan")
    ids["fee_id"] = _charge(session, main, "fee", FEE_FEN, day, posted, None)
    repayment = post_repayment(session, main, REPAYMENT_FEN, posted + timedelta(hours=1))
    session.flush()
    ids["repayment_id"] = repayment.id
    _charge(session, twin, "purchase", PURCHASE_FEN, day, posted, "JD.com")
    return ids


def _charge(session: Session, account: Account, type_: str, amount: int, day: date, at: datetime,
            merchant: str | None) -> int:
    txn = post_charge(session, account, Posting(type_, amount, day, f"{type_} at {merchant}", merchant), at)
    session.flush()
    return txn.id


def build_world(factory: sessionmaker[Session], clock: FixedClock) -> World:
    """The book, the app on `factory` (demo users created) and a login per demo user."""
    with transaction(factory) as session:
        ids = seed_book(session)
    client = make_client(factory, clock=clock)
    world = World(client=client, clock=clock, factory=factory, **ids)
    world.headers = {user: login(client, user) for user in USERS}
    return world


def remove_book(session: Session, world: World) -> None:
    """Delete what `seed_book` and the tests wrote (for databases that really committed)."""
    accounts = [world.account_id, world.twin_account_id]
    case_ids = select(Case.id).where(Case.account_id.in_(accounts))
    session.execute(delete(DisputeMoneyEvent).where(DisputeMoneyEvent.account_id.in_(accounts)))
    session.execute(delete(Dispute).where(Dispute.account_id.in_(accounts)))
    session.execute(delete(CaseEvent).where(CaseEvent.case_id.in_(case_ids)))
    session.execute(delete(Case).where(Case.account_id.in_(accounts)))
    session.execute(delete(Transaction).where(Transaction.account_id.in_(accounts)))
    session.execute(delete(Account).where(Account.id.in_(accounts)))
    session.execute(delete(Customer).where(Customer.id == world.customer_id))

"""Cases for tests, opened with backend/cases/service.open_case as the domains open them, and a
minimal customer with an account for databases that hold nothing else (committing engines)."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.models import Account
from backend.auth.models import User
from backend.cases.models import Case, CaseType, Priority
from backend.cases.service import open_case
from backend.common.context import RequestContext
from backend.customers.models import Customer
from tests.helpers.api import FixedClock

# Subject ids no real dispute, fraud report or arrangement of the seeded data uses.
_subject_ids = itertools.count(900_000)

STATUS_OF_TYPE = {
    CaseType.DISPUTE: "new",
    CaseType.FRAUD_REPORT: "new",
    CaseType.ARRANGEMENT: "pending_approval",
}


def user_named(session: Session, username: str) -> User:
    return session.scalars(select(User).where(User.username == username)).one()


def context_for(session: Session, username: str, at: datetime) -> RequestContext:
    """A request context of `username` on a clock standing at `at`."""
    return RequestContext(
        user=user_named(session, username), request_id=None, idempotency_key=None, clock=FixedClock(at)
    )


def make_case(
    session: Session,
    *,
    account: Account,
    opened_at: datetime,
    due_at: datetime | None,
    by: str = "agent1",
    case_type: CaseType = CaseType.DISPUTE,
    status: str | None = None,
    assignee: str | None = None,
    paused_since: datetime | None = None,
    closed: bool = False,
    amount_fen: int = 10_000,
    priority: Priority = Priority.NORMAL,
) -> Case:
    """Open a case as `by` at `opened_at`, then set what the test needs directly (no timeline)."""
    case = open_case(
        session=session,
        case_type=case_type,
        subject_id=next(_subject_ids),
        account_id=account.id,
        customer_id=account.customer_id,
        status=status or STATUS_OF_TYPE[case_type],
        summary=f"test {case_type.value}",
        due_at=due_at,
        ctx=context_for(session, by, opened_at),
        amount_fen=amount_fen,
        priority=priority,
    )
    if assignee is not None:
        case.assignee_id = user_named(session, assignee).id
    case.paused_since = paused_since
    if closed:
        case.is_open = False
        case.closed_at = opened_at + timedelta(minutes=5)
        case.due_at = None
    session.flush()
    return case


def insert_customer_with_account(session: Session, customer_id: int = 1) -> Account:
    """One customer with one credit line, for a database that holds nothing else."""
    session.add(
        Customer(
            id=customer_id,
            name="测试客户",
            phone=f"1380000{customer_id:04d}",
            national_id=f"11010119900101{customer_id:04d}",
            national_id_last4=f"{customer_id:04d}",
            bank_card=None,
            city=None,
            flags=[],
            created_at=datetime(2024, 1, 1, tzinfo=timezone.utc),
        )
    )
    session.flush()
    account = Account(
        id=customer_id,
        customer_id=customer_id,
        account_number=f"HB{customer_id:010d}",
        product="credit_line",
        status="active",
        credit_limit_fen=1_000_000,
        due_day=10,
        daily_rate_ppm=None,
        opened_on=date(2024, 1, 1),
    )
    session.add(account)
    session.flush()
    return account

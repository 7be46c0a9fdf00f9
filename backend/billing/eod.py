"""End of day: close business days for every account with the billing engine."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from backend.accounts.models import Account, Transaction
from backend.arrangements.service import settle_arrangements
from backend.billing import engine
from backend.billing.ledger import plans_in_play, store_posting, store_statement
from backend.billing.models import Bill, BillLine
from backend.billing.queries import latest_bills
from backend.clock import BUSINESS_TZ
from backend.common.idempotency import purge_idempotency_keys
from backend.common.locking import hold_write_lock
from backend.db import transaction
from backend.installments.models import InstallmentPlan
from backend.settings import Policy


def _end_of_business_day(day: date) -> datetime:
    return datetime.combine(day, time(23, 30), BUSINESS_TZ).astimezone(timezone.utc)


@dataclass
class EndOfDaySummary:
    business_date: date
    accounts: int = 0
    statements: int = 0
    postings: int = 0
    newly_overdue: int = 0
    arrangements: int = 0  # arrangements kept, broken or completed


def close_account_day(session: Session, account: Account, day: date, summary: EndOfDaySummary,
                      bill: Bill | None, plans: list[InstallmentPlan]) -> Bill | None:
    """Run the engine's end of day for one account and store what it produced.

    Returns the account's latest bill afterwards (a new one when a statement was cut).
    """
    was_overdue = account.past_due_fen > 0
    cycle_start = bill.statement_date if bill is not None else None

    def cycle_transactions() -> Sequence[Transaction]:
        stmt = select(Transaction).where(Transaction.account_id == account.id,
                                         Transaction.business_date <= day)
        if cycle_start is not None:
            stmt = stmt.where(Transaction.business_date >= cycle_start)
        if bill is not None:
            # Credits that already went on the previous bill as lines (docs/rules.md, "Credits
            # count at once") are in its total: not again in this cycle.
            on_previous = select(BillLine.id).where(BillLine.bill_id == bill.id,
                                                    BillLine.transaction_id == Transaction.id)
            stmt = stmt.where(~on_previous.exists())
        return list(session.execute(stmt.order_by(Transaction.posted_at, Transaction.id)).scalars())

    result = engine.end_of_day(account, bill, plans, day, cycle_transactions)
    stored: dict[int, Transaction] = {}
    for posting in result.postings:
        stored[id(posting)] = store_posting(session, account, posting, _end_of_business_day(day))
    if stored:
        session.flush()
    if result.statement is not None:
        bill = store_statement(session, account, result.statement, stored)
        summary.statements += 1
    summary.postings += len(result.postings)
    if not was_overdue and account.past_due_fen > 0:
        summary.newly_overdue += 1
    account.eod_through = day
    return bill


def close_batch(session: Session, business_date: date, *, after_id: int, batch_size: int,
                summary: EndOfDaySummary, policy: Policy | None = None) -> int | None:
    """Close the next `batch_size` accounts (by id, after `after_id`) that are not closed through
    `business_date`, each under the lock the API takes (`backend.common.locking`), and settle their
    arrangements. Returns the last account id of the batch, None when there was none left.

    The accounts are locked with the SELECT that finds them (PostgreSQL: FOR UPDATE, in id order,
    so two runs cannot deadlock; SQLite: the transaction began IMMEDIATE, see `backend.db.writes`),
    and their bills and plans are read after the lock, so nothing the API committed before is
    overwritten and nothing it writes meanwhile waits longer than this batch.
    """
    stmt = (
        select(Account)
        .where(Account.id > after_id, Account.status != "closed",
               (Account.eod_through.is_(None)) | (Account.eod_through < business_date))
        .order_by(Account.id)
        .limit(batch_size)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    hold_write_lock(session)
    accounts = list(session.execute(stmt).scalars())
    if not accounts:
        return None
    ids = [account.id for account in accounts]
    bills = latest_bills(session=session, account_ids=ids)
    plans = plans_in_play(session, ids)
    for account in accounts:
        day = (account.eod_through + timedelta(days=1)) if account.eod_through else account.opened_on
        bill = bills.get(account.id)
        while day <= business_date:
            bill = close_account_day(session, account, day, summary, bill, plans.get(account.id, []))
            day += timedelta(days=1)
        summary.accounts += 1
    session.flush()
    summary.arrangements += settle_arrangements(session, business_date, policy=policy, account_ids=ids)
    return ids[-1]


def run_end_of_day(
    session: Session, business_date: date, *, batch_size: int = 500, policy: Policy | None = None
) -> EndOfDaySummary:
    """Close every account's business days up to and including `business_date`, in the caller's
    transaction (tests, seed). Beside live traffic use `run_end_of_day_in_batches`.

    Accounts already closed through that date are skipped, so running it twice changes
    nothing; an account that missed days catches up one day at a time, in order.
    """
    summary = EndOfDaySummary(business_date)
    last_id: int | None = 0
    while last_id is not None:
        last_id = close_batch(session, business_date, after_id=last_id, batch_size=batch_size,
                              summary=summary, policy=policy)
    # Promises to pay kept or broken, hardship plans completed or broken (idempotent per date).
    summary.arrangements += settle_arrangements(session, business_date, policy=policy)
    return summary


def run_end_of_day_in_batches(
    factory: sessionmaker[Session], business_date: date, *, batch_size: int = 100,
    policy: Policy | None = None,
) -> EndOfDaySummary:
    """End of day beside live traffic: one committed transaction per batch of accounts, so an API
    write on an account waits at most for one batch, and a run stopped anywhere resumes where it
    stopped (the accounts of committed batches are closed through the date and skipped)."""
    summary = EndOfDaySummary(business_date)
    last_id: int | None = 0
    while last_id is not None:
        with transaction(factory, write=True) as session:
            last_id = close_batch(session, business_date, after_id=last_id, batch_size=batch_size,
                                  summary=summary, policy=policy)
    with transaction(factory, write=True) as session:
        # Arrangements of accounts that an earlier run closed (each batch settles its own).
        summary.arrangements += settle_arrangements(session, business_date, policy=policy)
    with transaction(factory, write=True) as session:
        purge_idempotency_keys(session=session, now=_end_of_business_day(business_date))
    return summary

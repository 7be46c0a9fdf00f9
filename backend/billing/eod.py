"""End of day: close business days for every account with the billing engine."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.models import Account, Transaction
from backend.arrangements.service import settle_arrangements
from backend.billing import engine
from backend.billing.ledger import active_plans, store_posting, store_statement
from backend.billing.models import Bill, BillLine
from backend.billing.queries import latest_bills
from backend.clock import BUSINESS_TZ
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


def run_end_of_day(
    session: Session, business_date: date, *, batch_size: int = 500, policy: Policy | None = None
) -> EndOfDaySummary:
    """Close every account's business days up to and including `business_date`.

    Accounts already closed through that date are skipped, so running it twice changes
    nothing; an account that missed days catches up one day at a time, in order.
    """
    summary = EndOfDaySummary(business_date)
    last_id = 0
    while True:
        stmt = (
            select(Account)
            .where(Account.id > last_id, Account.status != "closed",
                   (Account.eod_through.is_(None)) | (Account.eod_through < business_date))
            .order_by(Account.id)
            .limit(batch_size)
        )
        accounts = list(session.execute(stmt).scalars())
        if not accounts:
            break
        ids = [account.id for account in accounts]
        bills = latest_bills(session=session, account_ids=ids)
        plans = active_plans(session, ids)
        for account in accounts:
            day = (account.eod_through + timedelta(days=1)) if account.eod_through else account.opened_on
            bill = bills.get(account.id)
            while day <= business_date:
                bill = close_account_day(session, account, day, summary, bill, plans.get(account.id, []))
                day += timedelta(days=1)
            summary.accounts += 1
        session.flush()
        last_id = accounts[-1].id
    # Promises to pay kept or broken, hardship plans completed or broken (idempotent per date).
    summary.arrangements = settle_arrangements(session, business_date, policy=policy)
    return summary

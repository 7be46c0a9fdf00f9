"""The demo data and the end-of-day job against the database (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from backend.accounts.models import Account, Transaction
from backend.billing import rules
from backend.billing.eod import run_end_of_day
from backend.billing.ledger import balance_from_transactions, post_repayment
from backend.billing.models import Bill, BillLine
from backend.clock import BUSINESS_TZ
from backend.common.locking import lock_account
from backend.customers.models import Customer
from backend.installments.models import InstallmentPeriod, InstallmentPlan
from backend.seed.demo import seed_demo, simulate_customer

TODAY = date(2026, 11, 22)


def _check_ledger(session: Session) -> None:
    balances = dict(session.execute(
        select(Transaction.account_id, func.sum(Transaction.amount_fen)).group_by(Transaction.account_id)
    ).all())
    for account in session.execute(select(Account)).scalars():
        assert account.balance_fen == balances.get(account.id, 0), account.id
    line_sums = dict(session.execute(
        select(BillLine.bill_id, func.sum(BillLine.amount_fen)).group_by(BillLine.bill_id)
    ).all())
    for bill in session.execute(select(Bill)).scalars():
        assert bill.total_fen == line_sums.get(bill.id, 0), bill.id
        assert bill.outstanding_fen + bill.paid_fen == max(0, bill.total_fen), bill.id
    plan_sums = session.execute(
        select(InstallmentPlan.id, InstallmentPlan.principal_fen, InstallmentPlan.fee_fen,
               func.sum(InstallmentPeriod.principal_fen), func.sum(InstallmentPeriod.fee_fen))
        .join(InstallmentPeriod, InstallmentPeriod.plan_id == InstallmentPlan.id)
        .group_by(InstallmentPlan.id, InstallmentPlan.principal_fen, InstallmentPlan.fee_fen)
    ).all()
    assert plan_sums
    for _id, principal, fee, period_principal, period_fee in plan_sums:
        assert (principal, fee) == (period_principal, period_fee)


def test_seed_covers_every_case_an_agent_meets(session_factory: sessionmaker[Session]) -> None:
    assert seed_demo(session_factory, customers=40, seed=7, months=8, today=TODAY) == 40
    with session_factory() as session:
        _check_ledger(session)
        accounts = list(session.execute(select(Account)).scalars())
        buckets = Counter(
            rules.delinquency_bucket(rules.days_past_due(a.overdue_since, TODAY)) for a in accounts
        )
        assert {"current", "M1", "M2", "M3", "M4+"} <= set(buckets)
        assert any(a.status == "frozen" for a in accounts)
        assert any(a.product == "cash_loan" for a in accounts)
        kinds = set(session.execute(select(InstallmentPlan.kind)).scalars())
        assert {"transaction_installment", "cash_loan"} <= kinds
        # Revolving: a bill paid at least the minimum but not in full, with interest charged after.
        assert session.execute(select(func.count()).where(Transaction.type == "interest")).scalar_one() > 0
        statuses = set(session.execute(select(Bill.status)).scalars())
        assert {"paid", "partially_paid", "overdue"} <= statuses
        phones = list(session.execute(select(Customer.phone)).scalars())
        assert len(set(phones)) == len(phones)
        assert all(len(p) == 11 and p.startswith("1") for p in phones)


def test_seed_is_deterministic() -> None:
    start = date(2026, 3, 1)
    first = simulate_customer(5, 42, start, TODAY)
    again = simulate_customer(5, 42, start, TODAY)
    other_seed = simulate_customer(5, 43, start, TODAY)
    assert first.fields == again.fields
    assert [p.amount_fen for b in first.accounts for p in b.postings] == [
        p.amount_fen for b in again.accounts for p in b.postings
    ]
    assert first.fields != other_seed.fields


def test_end_of_day_cuts_bills_judges_due_dates_and_is_rerunnable(session_factory: sessionmaker[Session]) -> None:
    seed_demo(session_factory, customers=25, seed=3, months=4, today=TODAY)
    with session_factory() as session:
        bills_before = session.execute(select(func.count(Bill.id))).scalar_one()
        summary = run_end_of_day(session, date(2026, 11, 30))
        session.commit()
        assert summary.statements > 0
        assert summary.postings > 0
        december = list(session.execute(select(Bill).where(Bill.statement_date == date(2026, 12, 1))).scalars())
        assert len(december) == summary.statements
        assert session.execute(select(func.count(Bill.id))).scalar_one() == bills_before + summary.statements
        _check_ledger(session)
        again = run_end_of_day(session, date(2026, 11, 30))
        assert (again.accounts, again.statements, again.postings) == (0, 0, 0)

        # Run through the December due dates: anyone who paid nothing is now overdue.
        run_end_of_day(session, date(2026, 12, 11))
        session.commit()
        _check_ledger(session)
        for bill in session.execute(select(Bill).where(Bill.statement_date == date(2026, 12, 1))).scalars():
            account = session.get(Account, bill.account_id)
            assert account is not None
            if bill.paid_fen < bill.minimum_payment_fen:
                assert bill.status == "overdue"
                assert account.past_due_fen == bill.minimum_payment_fen - bill.paid_fen
                assert account.overdue_since is not None and account.overdue_since <= bill.due_date


def test_repayment_through_the_database_cures_an_overdue_account(session_factory: sessionmaker[Session]) -> None:
    seed_demo(session_factory, customers=12, seed=1, months=6, today=TODAY)
    with session_factory() as session:
        overdue = session.execute(
            select(Account).where(Account.past_due_fen > 0).order_by(Account.id).limit(1)
        ).scalar_one()
        account = lock_account(session, overdue.id)
        assert account is not None
        past_due = account.past_due_fen
        at = datetime.combine(TODAY, time(10), BUSINESS_TZ)
        post_repayment(session, account, past_due - 1, at)
        assert account.past_due_fen == 1
        assert account.overdue_since is not None
        post_repayment(session, account, 1, at + timedelta(minutes=1))
        session.flush()
        assert account.past_due_fen == 0
        assert account.overdue_since is None
        assert balance_from_transactions(session, account.id) == account.balance_fen
        session.commit()


def test_bulk_loaded_timestamps_compare_equal_to_bound_values(session_factory: sessionmaker[Session]) -> None:
    """Seeded timestamps are stored exactly as the ORM binds them, so equality and keyset paging work."""
    seed_demo(session_factory, customers=3, seed=1, months=2, today=TODAY)
    with session_factory() as session:
        for txn in session.execute(select(Transaction).limit(50)).scalars():
            found = session.execute(
                select(func.count()).where(Transaction.id == txn.id, Transaction.posted_at == txn.posted_at)
            ).scalar_one()
            assert found == 1

"""`python -m backend reconcile` (docs/rules.md, "Reconciliation"): a freshly seeded demo book,
its caseload filed and end of day run on, has no break; and each invariant does find a break
when the book is tampered with (so none of them is a check that cannot fail)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import Connection, Engine, select, update
from sqlalchemy.orm import Session, sessionmaker

from backend.accounts.models import Account
from backend.auth.service import ensure_demo_users
from backend.billing.eod import run_end_of_day
from backend.billing.models import Bill
from backend.billing.reconcile import INVARIANTS, reconcile
from backend.installments.models import InstallmentPeriod, InstallmentPlan
from backend.seed.cases import seed_caseload
from backend.seed.demo import seed_demo
from tests.helpers.db import joined_sessionmaker, rolled_back_connection

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def book(db_engine: Engine) -> Iterator[tuple[Connection, sessionmaker[Session]]]:
    with rolled_back_connection(db_engine) as connection:
        factory = joined_sessionmaker(connection)
        seed_demo(factory, customers=60, seed=3, months=8, today=TODAY)
        with factory() as session:
            ensure_demo_users(session=session)
            session.commit()
        assert seed_caseload(factory, today=TODAY) > 10
        with factory() as session:
            # End of day on past the next statement and due dates, with the caseload open.
            run_end_of_day(session, TODAY + timedelta(days=20))
            session.flush()
        yield connection, factory


@pytest.fixture
def session(book: tuple[Connection, sessionmaker[Session]]) -> Iterator[Session]:
    connection, factory = book
    savepoint = connection.begin_nested()
    session = factory()
    try:
        yield session
    finally:
        session.close()
        if savepoint.is_active:
            savepoint.rollback()


def test_a_freshly_seeded_demo_book_reconciles(session: Session) -> None:
    result = reconcile(session, TODAY + timedelta(days=21))

    assert result.accounts > 60 and result.bills > 300 and result.plans > 0
    assert result.ok, "\n".join(result.lines())
    assert result.lines()[-1] == "No breaks."


def _tamper(session: Session, invariant: str) -> None:
    bill = session.scalars(select(Bill).where(Bill.minimum_payment_fen > 0).order_by(Bill.id).limit(1)).one()
    account = session.get(Account, bill.account_id)
    assert account is not None
    if invariant == "bill_total_is_sum_of_lines":
        bill.total_fen += 1
    elif invariant == "balance_is_sum_of_transactions":
        account.balance_fen += 1
    elif invariant == "balance_follows_latest_bill":
        latest = session.scalars(
            select(Bill).where(Bill.account_id == account.id).order_by(Bill.statement_date.desc()).limit(1)
        ).one()
        latest.total_fen += 1
    elif invariant == "schedule_sums_exactly":
        session.execute(update(InstallmentPeriod).where(InstallmentPeriod.period == 2).values(fee_fen=InstallmentPeriod.fee_fen + 1))
    elif invariant == "used_within_bounds":
        account.credit_balance_fen = -1
    elif invariant == "used_and_available":
        _unbill_a_billed_period(session)
    elif invariant == "minimum_from_the_rules":
        bill.minimum_payment_fen += 1
    elif invariant == "past_due_and_bucket":
        account.past_due_fen = 100
        account.overdue_since = None
    elif invariant == "disputed_is_open_disputes":
        account.disputed_fen += 1
    elif invariant == "credited_within_amount":
        from backend.disputes.models import Dispute

        dispute = session.scalars(select(Dispute).order_by(Dispute.id).limit(1)).one()
        dispute.status, dispute.awarded_fen = "resolved", 10**9
        account.disputed_fen -= dispute.disputed_amount_fen - dispute.provisional_credit_fen
    elif invariant == "no_active_plan_fully_paid":
        plan = session.scalars(select(InstallmentPlan).where(InstallmentPlan.status == "active").limit(1)).one()
        session.execute(update(InstallmentPeriod).where(InstallmentPeriod.plan_id == plan.id).values(status="paid"))
    elif invariant == "plan_dues_match_bills":
        latest = session.scalars(
            select(Bill).where(Bill.account_id == account.id).order_by(Bill.statement_date.desc()).limit(1)
        ).one()
        latest.open_installments_fen += 1
    elif invariant == "plan_end_follows_periods":
        plan = session.scalars(select(InstallmentPlan).where(InstallmentPlan.status == "active").limit(1)).one()
        plan.status = "paid_off"  # with periods not paid, and no payoff set up
    elif invariant == "arrangements_in_force":
        account.penalty_suspended = True  # without a hardship plan
    elif invariant == "due_dates_from_rules":
        bill.due_date += timedelta(days=1)  # moved by no extension
    elif invariant == "promises_decided":
        from backend.arrangements.models import Arrangement
        from backend.auth.models import User

        promised = (account.eod_through or TODAY) - timedelta(days=1)
        session.add(Arrangement(
            account_id=account.id, customer_id=account.customer_id, type="promise_to_pay", status="active",
            terms={"type": "promise_to_pay", "amount_fen": 100, "promised_date": promised.isoformat()}, quote={},
            needs_approval=False, amount_fen=100, proposed_by=session.scalars(select(User.id).limit(1)).one(),
            proposed_by_name="test", proposed_at=datetime.now(timezone.utc), version=1))
    session.flush()


@pytest.mark.parametrize("invariant", sorted(INVARIANTS))
def test_each_invariant_finds_its_break(session: Session, invariant: str) -> None:
    _tamper(session, invariant)

    result = reconcile(session, TODAY + timedelta(days=21))

    assert not result.ok
    assert result.breaks[invariant].count >= 1, "\n".join(result.lines())
    assert result.breaks[invariant].examples


def _unbill_a_billed_period(session: Session) -> tuple[Account, InstallmentPeriod]:
    """Corrupt one row: a period a bill already holds marked `scheduled` again, so the overview
    would count its principal twice (in the balance, and as not yet billed)."""
    period = session.scalars(
        select(InstallmentPeriod)
        .join(Account, Account.id == InstallmentPeriod.account_id)
        .where(InstallmentPeriod.status.in_(("billed", "paid")), InstallmentPeriod.principal_fen > 0,
               Account.balance_fen > 0)
        .order_by(InstallmentPeriod.id).limit(1)
    ).one()
    account = session.get(Account, period.account_id)
    assert account is not None
    period.status = "scheduled"
    session.flush()
    return account, period


def test_a_period_marked_unbilled_again_shows_in_used_and_available(session: Session) -> None:
    account, period = _unbill_a_billed_period(session)
    scheduled = session.scalars(
        select(InstallmentPeriod.principal_fen)
        .where(InstallmentPeriod.account_id == account.id, InstallmentPeriod.status == "scheduled")
    ).all()
    # By hand: the overview shows balance + every scheduled period's principal; the ledger has the
    # corrupted period's principal in the balance already (its bill posted it), so it shows the
    # same less that principal.
    shown = account.balance_fen + sum(scheduled)
    ledger = shown - period.principal_fen

    result = reconcile(session, TODAY + timedelta(days=21))

    found = result.breaks["used_and_available"]
    assert found.count == 1, "\n".join(result.lines())
    assert found.examples[0].startswith(
        f"account {account.id}: shown used {shown} / available {max(0, account.credit_limit_fen - shown)}; "
        f"the ledger gives {ledger} / {max(0, account.credit_limit_fen - ledger)}")


@pytest.mark.parametrize("batch", [1, 7])
def test_a_sound_book_reconciles_in_small_batches(
    session: Session, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    from backend.billing import reconcile as module

    whole = reconcile(session, TODAY + timedelta(days=21))
    monkeypatch.setattr(module, "SCAN_BATCH", batch)

    batched = reconcile(session, TODAY + timedelta(days=21))

    assert batched.ok, "\n".join(batched.lines())
    assert (batched.accounts, batched.bills, batched.plans) == (whole.accounts, whole.bills, whole.plans)


@pytest.mark.parametrize("invariant", sorted(INVARIANTS))
def test_a_break_on_a_batch_boundary_is_found(session: Session, monkeypatch: pytest.MonkeyPatch, invariant: str) -> None:
    """Every check reads the book in id batches: in batches of 1 id every row is both the first
    and the last of its batch, and a tampered book shows exactly the breaks it shows read in one
    batch."""
    from backend.billing import reconcile as module

    _tamper(session, invariant)
    whole = reconcile(session, TODAY + timedelta(days=21))
    monkeypatch.setattr(module, "SCAN_BATCH", 1)

    batched = reconcile(session, TODAY + timedelta(days=21))

    assert batched.breaks[invariant].count >= 1, "\n".join(batched.lines())
    for name, found in whole.breaks.items():
        assert batched.breaks[name].count == found.count, name
        assert sorted(batched.breaks[name].examples) == sorted(found.examples) or found.count > module.EXAMPLES


def _arrangement(session: Session, account: Account, kind: str, status: str, **fields: object) -> None:
    from backend.arrangements.models import Arrangement
    from backend.auth.models import User

    session.add(Arrangement(
        account_id=account.id, customer_id=account.customer_id, type=kind, status=status,
        terms={"type": kind}, needs_approval=False, amount_fen=0,
        proposed_by=session.scalars(select(User.id).limit(1)).one(), proposed_by_name="test",
        proposed_at=datetime.now(timezone.utc), version=1, **{"quote": {}, **fields}))


ARRANGEMENT_BREAKS = {
    # case: (invariant, breaks it must show)
    "hardship_plan_without_its_plan": ("arrangements_in_force", 1),
    "hardship_plan_penalty_not_suspended": ("arrangements_in_force", 1),
    "payoff_in_force_plan_not_billed": ("arrangements_in_force", 1),
    "payoff_completed_plan_still_active": ("arrangements_in_force", 1),
    "extension_to_another_date": ("due_dates_from_rules", 1),
    "extension_to_that_date": ("due_dates_from_rules", 0),
}


@pytest.mark.parametrize("batch", [None, 1])
@pytest.mark.parametrize("case", sorted(ARRANGEMENT_BREAKS))
def test_arrangements_in_force_and_extensions(
    session: Session, monkeypatch: pytest.MonkeyPatch, case: str, batch: int | None
) -> None:
    """Invariants 12 and 13 against live arrangements (the seeded book has none in force): each
    corrupt one is one break, read in one batch or in batches of 1; a bill moved where its live
    extension says is none."""
    from backend.billing import reconcile as module

    plan = session.scalars(
        select(InstallmentPlan).where(InstallmentPlan.status == "active",
                                      InstallmentPlan.periods.any(InstallmentPeriod.status == "scheduled"))
        .order_by(InstallmentPlan.id).limit(1)).one()
    account = session.get(Account, plan.account_id)
    assert account is not None
    if case == "hardship_plan_without_its_plan":
        account.penalty_suspended = True
        _arrangement(session, account, "hardship_plan", "active", plan_id=None)
    elif case == "hardship_plan_penalty_not_suspended":
        _arrangement(session, account, "hardship_plan", "active", plan_id=plan.id)
    elif case == "payoff_in_force_plan_not_billed":
        plan.payoff_on = TODAY
        _arrangement(session, account, "plan_payoff", "active", plan_id=plan.id)
    elif case == "payoff_completed_plan_still_active":
        _arrangement(session, account, "plan_payoff", "completed", plan_id=plan.id)
    else:
        bill = session.scalars(select(Bill).where(Bill.account_id == account.id).order_by(Bill.id).limit(1)).one()
        moved_to = bill.due_date + timedelta(days=5)
        said = moved_to if case == "extension_to_that_date" else moved_to + timedelta(days=1)
        bill.due_date = moved_to
        _arrangement(session, account, "due_date_extension", "active", bill_id=bill.id,
                     quote={"effects": {"new_due_date": said.isoformat()}})
    session.flush()
    if batch is not None:
        monkeypatch.setattr(module, "SCAN_BATCH", batch)

    result = reconcile(session, TODAY + timedelta(days=21))

    invariant, expected = ARRANGEMENT_BREAKS[case]
    assert result.breaks[invariant].count == expected, "\n".join(result.lines())
    assert sum(b.count for b in result.breaks.values()) == expected, "\n".join(result.lines())

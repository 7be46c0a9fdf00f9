"""Money invariants, checked by hypothesis over generated schedules and account histories."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from backend.billing import engine, rules
from backend.billing.rules import Components
from tests.helpers.books import Ledger

amounts = st.integers(min_value=1, max_value=10_000_000)


@given(principal=amounts, terms=st.sampled_from(sorted(rules.INSTALLMENT_FEE_BP)))
def test_installment_schedule_sums_exactly(principal: int, terms: int) -> None:
    schedule = rules.installment_schedule(principal, terms, date(2026, 12, 9))
    assert len(schedule) == terms
    assert sum(p.principal_fen for p in schedule) == principal
    assert sum(p.fee_fen for p in schedule) == rules.installment_fee_fen(principal, terms)
    # Even split: later periods equal, the first carries at most terms − 1 fen more.
    assert len({p.principal_fen for p in schedule[1:]}) <= 1
    assert 0 <= schedule[0].principal_fen - schedule[-1].principal_fen < terms


@given(principal=st.integers(min_value=100, max_value=100_000_000),
       terms=st.sampled_from(rules.CASH_LOAN_TERMS),
       rate=st.integers(min_value=rules.CASH_LOAN_DAILY_RATE_MIN_PPM, max_value=rules.CASH_LOAN_DAILY_RATE_MAX_PPM))
def test_cash_loan_schedule_sums_exactly(principal: int, terms: int, rate: int) -> None:
    schedule = rules.cash_loan_schedule(principal, terms, rate, date(2026, 12, 10))
    assert sum(p.principal_fen for p in schedule) == principal
    assert all(p.principal_fen >= 0 and p.fee_fen >= 0 for p in schedule)


components = st.builds(Components, *(st.integers(min_value=0, max_value=1_000_000) for _ in range(4)))


@given(amount=st.integers(min_value=0, max_value=5_000_000), owed=components)
def test_allocation_never_overpays_a_component(amount: int, owed: Components) -> None:
    applied, rest = rules.allocate(amount, owed)
    for name in rules.ALLOCATION_ORDER:
        assert 0 <= getattr(applied, name) <= getattr(owed, name)
    assert applied.total_fen + rest == amount
    assert rest == 0 or applied == owed  # nothing left over while something is still owed
    # Order: a component receives only when every earlier one is fully paid.
    for earlier, later in zip(rules.ALLOCATION_ORDER, rules.ALLOCATION_ORDER[1:], strict=False):
        if getattr(applied, later) > 0:
            assert getattr(applied, earlier) == getattr(owed, earlier)


@given(owed=components, past_due=st.integers(min_value=0, max_value=5_000_000),
       disputed=st.integers(min_value=0, max_value=5_000_000))
def test_minimum_payment_bounded_by_the_bill(owed: Components, past_due: int, disputed: int) -> None:
    minimum = rules.minimum_payment_fen(owed, past_due, disputed)
    assert 0 <= minimum <= owed.total_fen
    assert minimum >= min(past_due, owed.total_fen)


# An account's history: for each of ~100 days, maybe a purchase, a refund, a repayment or a conversion.
day_actions = st.lists(
    st.tuples(
        st.sampled_from(["none", "none", "purchase", "purchase", "refund", "repay", "repay_min", "convert"]),
        st.integers(min_value=1, max_value=500_000),
    ),
    min_size=40,
    max_size=130,
)


@settings(max_examples=60)
@given(actions=day_actions, due_day=st.sampled_from(rules.CREDIT_LINE_DUE_DAYS))
def test_balances_bills_and_plans_stay_consistent(actions: list[tuple[str, int]], due_day: int) -> None:
    ledger = Ledger(date(2026, 1, 3), due_day=due_day, limit_fen=rules.CREDIT_LIMIT_MAX_FEN)
    last_purchase = None
    for action, amount in actions:
        bill = ledger.bill
        if action == "purchase" and ledger.used_fen() + amount <= ledger.account.credit_limit_fen:
            last_purchase = ledger.purchase(amount)
        elif action == "refund" and last_purchase is not None:
            ledger.charge("refund", -min(amount, last_purchase.amount_fen))
            last_purchase = None
        elif action == "repay":
            ledger.repay(amount)
        elif action == "repay_min" and bill is not None and bill.minimum_payment_fen > bill.paid_fen:
            ledger.repay(bill.minimum_payment_fen - bill.paid_fen)
        elif action == "convert" and last_purchase is not None and last_purchase.business_date == ledger.day:
            ledger.convert(last_purchase, 3 + 3 * (amount % 4))
            last_purchase = None
        ledger.close_day()
        _check(ledger)
    ledger.run_until(ledger.day + timedelta(days=40))
    _check(ledger)


def _check(ledger: Ledger) -> None:
    account = ledger.account
    # The balance is the sum of the account's transactions.
    assert account.balance_fen == sum(p.amount_fen for p in ledger.book.postings)
    assert account.credit_balance_fen >= 0
    assert account.past_due_fen >= 0
    for bill in ledger.book.bills:
        # A bill equals its lines, and what is open of it is never negative or more than it.
        assert bill.total_fen == sum(amount for _, amount in bill.lines)
        parts = engine.bill_components(bill)
        assert all(getattr(parts, name) >= 0 for name in rules.ALLOCATION_ORDER)
        assert 0 <= bill.minimum_payment_fen <= max(0, bill.total_fen)
        assert engine.bill_outstanding_fen(bill) + bill.paid_fen == max(0, bill.total_fen)
    latest = ledger.bill
    if latest is not None and account.past_due_fen:
        assert account.past_due_fen <= engine.bill_outstanding_fen(latest)
        assert account.overdue_since is not None
    for plan in ledger.book.plans:
        assert sum(p.principal_fen for p in plan.periods) == plan.principal_fen
        assert sum(p.fee_fen for p in plan.periods) == plan.fee_fen
        assert all(0 <= p.paid_fen <= p.principal_fen + p.fee_fen for p in plan.periods)

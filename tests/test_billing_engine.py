"""The billing engine over one account's month: statements, due dates, interest, penalties."""

from __future__ import annotations

from datetime import date

import pytest

from backend.billing import engine, rules
from tests.helpers.books import Ledger

OCT_5 = date(2026, 10, 5)
NOV_1 = date(2026, 11, 1)
NOV_10 = date(2026, 11, 10)
NOV_11 = date(2026, 11, 11)
DEC_1 = date(2026, 12, 1)


def billed(amount_fen: int = 100_000, due_day: int = 10) -> Ledger:
    """An account with one purchase on 5 October, billed on 1 November, due on the 10th."""
    ledger = Ledger(OCT_5, due_day=due_day)
    ledger.purchase(amount_fen)
    ledger.run_until(NOV_1)
    return ledger


def types_on(ledger: Ledger, bill_index: int = -1) -> dict[str, int]:
    out: dict[str, int] = {}
    for item, amount in ledger.book.bills[bill_index].lines:
        kind = "previous_balance" if item is None else item.type
        out[kind] = out.get(kind, 0) + amount
    return out


class TestStatement:
    def test_bill_cut_on_the_first_holds_the_cycle(self) -> None:
        ledger = billed()
        bill = ledger.bill
        assert bill.statement_date == NOV_1
        assert bill.due_date == NOV_10
        assert bill.total_fen == 100_000
        assert bill.minimum_payment_fen == 10_000
        assert ledger.account.balance_fen == 100_000

    @pytest.mark.parametrize("due_day", [9, 10])
    def test_due_day_per_account(self, due_day: int) -> None:
        assert billed(due_day=due_day).bill.due_date == date(2026, 11, due_day)

    def test_no_activity_no_bill(self) -> None:
        ledger = Ledger(OCT_5)
        ledger.run_until(DEC_1)
        assert ledger.book.bills == []

    def test_purchase_on_the_first_belongs_to_the_next_bill(self) -> None:
        ledger = billed()
        ledger.purchase(5_000)  # 1 November, after the cut
        assert ledger.bill.total_fen == 100_000
        ledger.repay(100_000)
        ledger.run_until(DEC_1)
        assert types_on(ledger)["purchase"] == 5_000


class TestInterest:
    def test_paid_in_full_by_the_due_date_no_interest(self) -> None:
        ledger = billed()
        ledger.run_until(NOV_10)
        ledger.repay(100_000)
        ledger.run_until(DEC_1)
        assert "interest" not in types_on(ledger)
        assert ledger.account.past_due_fen == 0

    def test_paid_the_minimum_rest_accrues_from_the_day_after_due(self) -> None:
        ledger = billed()
        ledger.run_until(NOV_10)
        ledger.repay(10_000)
        ledger.close_day()  # 10 November: no interest on the due date itself
        assert ledger.account.accrued_interest_ufen == 0
        ledger.close_day()  # 11 November: 90,000 fen × 0.05%
        assert ledger.account.accrued_interest_ufen == 90_000 * 500
        ledger.run_until(DEC_1)
        lines = types_on(ledger)
        assert lines["interest"] == 45 * 20  # 11–30 November
        assert "penalty_interest" not in lines
        assert ledger.account.past_due_fen == 0
        assert ledger.book.bills[0].status == "partially_paid"

    def test_paid_one_fen_under_the_minimum_is_overdue_with_penalty(self) -> None:
        ledger = billed()
        ledger.run_until(NOV_10)
        ledger.repay(9_999)
        ledger.close_day()
        assert ledger.account.past_due_fen == 1
        assert ledger.account.overdue_since == NOV_10
        assert ledger.book.bills[0].status == "overdue"
        assert rules.days_past_due(ledger.account.overdue_since, NOV_11) == 1
        ledger.run_until(DEC_1)
        lines = types_on(ledger)
        # 90,001 fen × 0.05% a day for 20 days = 900.01 fen
        assert lines["penalty_interest"] == 900
        assert "interest" not in lines

    def test_paid_one_fen_over_the_minimum_is_not_overdue(self) -> None:
        ledger = billed()
        ledger.run_until(NOV_10)
        ledger.repay(10_001)
        ledger.close_day()
        assert ledger.account.past_due_fen == 0
        assert ledger.account.overdue_since is None

    def test_late_payment_cures(self) -> None:
        ledger = billed()
        ledger.run_until(NOV_11)
        assert ledger.account.past_due_fen == 10_000
        ledger.repay(10_000)
        assert ledger.account.past_due_fen == 0
        assert ledger.account.overdue_since is None

    def test_new_purchases_are_interest_free_until_their_due_date(self) -> None:
        ledger = billed()
        ledger.run_until(NOV_10)
        ledger.repay(10_000)  # 90,000 carried
        ledger.run_until(date(2026, 11, 20))
        ledger.purchase(50_000)
        ledger.run_until(DEC_1)
        ledger.run_until(date(2026, 12, 5))
        # After the December cut only the carried rest bears interest until 10 December.
        interest_before = ledger.account.accrued_interest_ufen
        ledger.close_day()
        carried_unpaid = ledger.bill.carried_fen - ledger.bill.paid_fen
        assert ledger.account.accrued_interest_ufen - interest_before == carried_unpaid * 500

    def test_disputed_amount_bears_no_penalty(self) -> None:
        ledger = billed()
        # 40,000 of this bill's money disputed (as filing a dispute on a billed purchase does).
        ledger.account.disputed_fen = 40_000
        engine.change_bill_disputed(ledger.account, ledger.bill, 40_000, ledger.day)
        ledger.run_until(date(2026, 11, 12))
        # Overdue on 10 November; on the 11th penalty runs on 100,000 − 40,000.
        assert ledger.account.accrued_penalty_ufen == 60_000 * 500


class TestDelinquency:
    def test_buckets_move_with_days_unpaid(self) -> None:
        ledger = billed()
        ledger.run_until(date(2026, 12, 11))  # 31 days after 10 November
        since = ledger.account.overdue_since
        assert since == NOV_10
        assert rules.delinquency_bucket(rules.days_past_due(since, date(2026, 12, 10))) == "M1"
        assert rules.delinquency_bucket(rules.days_past_due(since, date(2026, 12, 11))) == "M2"

    def test_past_due_rolls_into_the_next_minimum(self) -> None:
        ledger = billed()
        ledger.run_until(DEC_1)
        december = ledger.bill
        # All of the November minimum (past due), all the penalty, 10% of the rest of the principal.
        penalty = types_on(ledger)["penalty_interest"]
        assert december.minimum_payment_fen == 10_000 + penalty + 9_000
        ledger.run_until(date(2026, 12, 11))
        assert ledger.account.past_due_fen == december.minimum_payment_fen
        assert ledger.account.overdue_since == NOV_10  # dpd keeps counting from the first miss


class TestRepayments:
    def test_allocation_interest_then_installments_then_principal(self) -> None:
        ledger = Ledger(OCT_5)
        plan = ledger.convert(ledger.purchase(120_000), 3)
        ledger.purchase(10_000)
        ledger.run_until(NOV_1)
        bill = ledger.bill
        assert bill.open_installments_fen == 40_000 + 1_000  # 2.5% fee of 120,000 over 3
        assert bill.open_principal_fen == 10_000
        assert bill.minimum_payment_fen == 41_000 + 1_000
        ledger.repay(20_000)
        assert plan.periods[0].status == "partially_paid"
        assert plan.periods[0].paid_fen == 20_000
        assert bill.open_principal_fen == 10_000
        ledger.repay(31_000)
        assert plan.periods[0].status == "paid"
        assert bill.open_principal_fen == 0
        assert bill.status == "paid"

    def test_overpayment_becomes_credit_and_pays_the_next_bill(self) -> None:
        ledger = billed()
        ledger.repay(130_000)
        assert ledger.account.credit_balance_fen == 30_000
        ledger.purchase(50_000)
        ledger.run_until(DEC_1)
        assert ledger.bill.total_fen == 20_000
        assert ledger.bill.open_principal_fen == 20_000
        assert ledger.account.credit_balance_fen == 0

    def test_installment_plan_keeps_the_limit_used_until_paid(self) -> None:
        ledger = Ledger(OCT_5)
        ledger.convert(ledger.purchase(120_000), 3)
        assert ledger.account.balance_fen == 0
        assert ledger.used_fen() == 120_000
        ledger.run_until(NOV_1)
        assert ledger.used_fen() == 120_000 + 1_000  # the billed period's fee is owed now too

    def test_plan_completes_when_every_period_is_paid(self) -> None:
        ledger = Ledger(OCT_5)
        plan = ledger.convert(ledger.purchase(30_000), 3)
        for statement in (NOV_1, DEC_1, date(2027, 1, 1)):
            ledger.run_until(statement)
            ledger.repay(engine.bill_outstanding_fen(ledger.bill))
        assert plan.status == "completed"
        assert sum(p.paid_fen for p in plan.periods) == 30_000 + plan.fee_fen


class TestFrozen:
    def test_frozen_account_refuses_purchases_but_takes_repayments(self) -> None:
        ledger = billed()
        ledger.account.status = "frozen"
        with pytest.raises(engine.AccountNotOpen):
            ledger.purchase(100)
        ledger.repay(100_000)
        assert ledger.bill.status == "paid"

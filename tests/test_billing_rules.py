"""Every number of DESIGN.md §3 that the billing rules hold, tested at, below and above its edge."""

from __future__ import annotations

from datetime import date

import pytest

from backend.billing import rules
from backend.billing.rules import Components


class TestCreditLimit:
    @pytest.mark.parametrize("limit_fen", [50_000, 50_001, 4_999_999, 5_000_000])
    def test_within_500_to_50000_yuan(self, limit_fen: int) -> None:
        rules.validate_credit_limit(limit_fen)

    @pytest.mark.parametrize("limit_fen", [0, 49_999, 5_000_001])
    def test_outside_is_refused(self, limit_fen: int) -> None:
        with pytest.raises(ValueError):
            rules.validate_credit_limit(limit_fen)


class TestRounding:
    @pytest.mark.parametrize(
        ("numerator", "denominator", "expected"),
        [(4, 10, 0), (5, 10, 1), (6, 10, 1), (15, 10, 2), (-5, 10, -1), (-4, 10, 0), (0, 7, 0)],
    )
    def test_half_up(self, numerator: int, denominator: int, expected: int) -> None:
        assert rules.round_half_up_div(numerator, denominator) == expected

    def test_split_puts_remainder_on_first(self) -> None:
        assert rules.split_evenly(100, 3) == [34, 33, 33]
        assert rules.split_evenly(99, 3) == [33, 33, 33]
        assert rules.split_evenly(101, 3) == [35, 33, 33]


class TestDates:
    def test_due_date_is_the_9th_or_10th_of_the_statement_month(self) -> None:
        assert rules.due_date_for(date(2026, 11, 1), 9) == date(2026, 11, 9)
        assert rules.due_date_for(date(2026, 11, 1), 10) == date(2026, 11, 10)

    def test_add_months_clamps_to_month_end(self) -> None:
        assert rules.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
        assert rules.add_months(date(2026, 11, 10), 2) == date(2027, 1, 10)
        assert rules.add_months(date(2026, 3, 1), -3, 1) == date(2025, 12, 1)


class TestDelinquency:
    @pytest.mark.parametrize(
        ("dpd", "bucket"),
        [(0, "current"), (1, "M1"), (30, "M1"), (31, "M2"), (60, "M2"), (61, "M3"), (90, "M3"),
         (91, "M4+"), (400, "M4+")],
    )
    def test_buckets(self, dpd: int, bucket: str) -> None:
        assert rules.delinquency_bucket(dpd) == bucket

    def test_days_past_due_count_from_the_due_date(self) -> None:
        due = date(2026, 11, 10)
        assert rules.days_past_due(due, date(2026, 11, 9)) == 0
        assert rules.days_past_due(due, date(2026, 11, 10)) == 0
        assert rules.days_past_due(due, date(2026, 11, 11)) == 1
        assert rules.days_past_due(due, date(2026, 12, 10)) == 30
        assert rules.days_past_due(due, date(2026, 12, 11)) == 31
        assert rules.days_past_due(None, date(2026, 12, 11)) == 0


class TestMinimumPayment:
    def test_ten_percent_of_purchase_principal_half_up(self) -> None:
        assert rules.minimum_payment_fen(Components(principal_fen=1000), 0) == 100
        assert rules.minimum_payment_fen(Components(principal_fen=1004), 0) == 100  # 100.4
        assert rules.minimum_payment_fen(Components(principal_fen=1005), 0) == 101  # 100.5
        assert rules.minimum_payment_fen(Components(principal_fen=1006), 0) == 101  # 100.6

    def test_all_of_installments_fees_and_interest(self) -> None:
        comps = Components(interest_fen=300, fees_fen=200, installments_fen=5_000, principal_fen=10_000)
        assert rules.minimum_payment_fen(comps, 0) == 300 + 200 + 5_000 + 1_000

    def test_past_due_counted_once_at_full(self) -> None:
        comps = Components(interest_fen=100, installments_fen=0, principal_fen=10_000)
        # 2,000 of the principal is past due: all of it, plus the interest, plus 10% of the rest.
        # The past-due amount is the oldest debt, so it is taken from interest first, then principal.
        minimum = rules.minimum_payment_fen(comps, 2_000)
        assert minimum == 2_000 + 810  # 10% of the 8,100 principal left

    def test_never_more_than_the_bill(self) -> None:
        comps = Components(principal_fen=500)
        assert rules.minimum_payment_fen(comps, 10_000) == 500

    def test_disputed_amount_left_out(self) -> None:
        comps = Components(principal_fen=10_000)
        assert rules.minimum_payment_fen(comps, 0, disputed_fen=4_000) == 600
        assert rules.minimum_payment_fen(comps, 0, disputed_fen=10_000) == 0
        assert rules.minimum_payment_fen(comps, 0, disputed_fen=20_000) == 0


class TestAllocation:
    def test_order_interest_fees_installments_principal(self) -> None:
        owed = Components(interest_fen=100, fees_fen=200, installments_fen=300, principal_fen=400)
        assert rules.allocate(50, owed) == (Components(50, 0, 0, 0), 0)
        assert rules.allocate(100, owed) == (Components(100, 0, 0, 0), 0)
        assert rules.allocate(101, owed) == (Components(100, 1, 0, 0), 0)
        assert rules.allocate(650, owed) == (Components(100, 200, 300, 50), 0)
        assert rules.allocate(1_000, owed) == (owed, 0)
        assert rules.allocate(1_001, owed) == (owed, 1)

    def test_negative_payment_refused(self) -> None:
        with pytest.raises(ValueError):
            rules.allocate(-1, Components())


class TestInstallments:
    @pytest.mark.parametrize(("terms", "fee_bp"), [(3, 250), (6, 450), (9, 650), (12, 880)])
    def test_fee_rates(self, terms: int, fee_bp: int) -> None:
        assert rules.installment_fee_fen(1_000_000, terms) == 1_000_000 * fee_bp // 10_000

    def test_fee_rounds_half_up_to_the_fen(self) -> None:
        assert rules.installment_fee_fen(19, 3) == 0  # 0.475
        assert rules.installment_fee_fen(20, 3) == 1  # 0.5
        assert rules.installment_fee_fen(21, 3) == 1  # 0.525

    @pytest.mark.parametrize("terms", [0, 1, 2, 4, 24])
    def test_other_terms_refused(self, terms: int) -> None:
        with pytest.raises(ValueError):
            rules.installment_fee_fen(100_000, terms)

    def test_schedule_even_with_remainder_first(self) -> None:
        schedule = rules.installment_schedule(100_001, 3, date(2026, 12, 9))
        assert [p.principal_fen for p in schedule] == [33_335, 33_333, 33_333]
        fee = rules.installment_fee_fen(100_001, 3)  # 2,500.025 → 2,500
        assert fee == 2_500
        assert [p.fee_fen for p in schedule] == [834, 833, 833]
        assert [p.due_date for p in schedule] == [date(2026, 12, 9), date(2027, 1, 9), date(2027, 2, 9)]

    def test_payoff_waives_fees_not_yet_billed(self) -> None:
        # Two periods billed (one paid), two to come: they owe principal only.
        periods = [(1000, 88, 1088, True), (1000, 88, 0, True), (1000, 88, 0, False), (1000, 88, 0, False)]
        assert rules.payoff_fen(periods) == (1088 + 2000, 176)


class TestCashLoan:
    @pytest.mark.parametrize("rate_ppm", [150, 151, 599, 600])
    def test_rate_within_range(self, rate_ppm: int) -> None:
        assert rules.cash_loan_schedule(1_000_000, 12, rate_ppm, date(2026, 12, 10))

    @pytest.mark.parametrize("rate_ppm", [149, 601])
    def test_rate_outside_range_refused(self, rate_ppm: int) -> None:
        with pytest.raises(ValueError):
            rules.cash_loan_schedule(1_000_000, 12, rate_ppm, date(2026, 12, 10))

    @pytest.mark.parametrize("terms", [2, 9, 24])
    def test_terms_other_than_3_6_12_refused(self, terms: int) -> None:
        with pytest.raises(ValueError):
            rules.cash_loan_schedule(1_000_000, terms, 300, date(2026, 12, 10))

    def test_equal_monthly_installments_due_on_the_10th(self) -> None:
        schedule = rules.cash_loan_schedule(1_200_000, 12, 500, date(2026, 12, 10))
        totals = [p.total_fen for p in schedule]
        assert sum(p.principal_fen for p in schedule) == 1_200_000
        assert max(totals[:-1]) - min(totals[:-1]) <= 1  # level payment, fen rounding only
        assert abs(totals[-1] - totals[0]) <= 12  # the last period absorbs the rounding
        assert all(p.due_date.day == 10 for p in schedule)
        # First month's interest: 12,000 yuan × 0.05% × 30 days = 180 yuan.
        assert schedule[0].fee_fen == 18_000


def test_past_due_comes_out_of_the_carried_debt_so_new_charges_stay_whole() -> None:
    carried = Components(principal_fen=100_000)
    now = Components(interest_fen=1_000, principal_fen=100_000)  # a new penalty on top
    assert rules.minimum_payment_fen(now, 10_000, carried=carried) == 10_000 + 1_000 + 9_000

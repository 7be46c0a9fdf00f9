"""The rules of docs/rules.md "Minimum payment", "Credits count at once" and "Claims on a
transaction", on the pure engine and claims functions, each at, below and above its edge with
figures computed by hand."""

from __future__ import annotations

from datetime import date

import pytest

from backend.billing import engine, rules
from backend.billing.book import BookAccount, BookBill
from backend.claims.service import Claim, ClaimExceedsTransaction, TransactionClaims, ensure_fits

DAY = date(2026, 11, 3)


def bill(*, principal: int = 0, fees: int = 0, installments: int = 0, interest: int = 0, fixed: int = 0,
         base: int = 0, disputed: int = 0, paid: int = 0, minimum: int | None = None) -> BookBill:
    total = principal + fees + installments + interest + paid
    b = BookBill(statement_date=date(2026, 11, 1), due_date=date(2026, 11, 10), cycle_start=None,
                 previous_balance_fen=0, carried_fen=0, total_fen=total, minimum_payment_fen=0,
                 open_interest_fen=interest, open_fees_fen=fees, open_installments_fen=installments,
                 open_principal_fen=principal, lines=[], minimum_fixed_fen=fixed, minimum_base_fen=base,
                 disputed_fen=disputed, paid_fen=paid)
    b.minimum_payment_fen = minimum if minimum is not None else rules.minimum_from_parts(
        rules.MinimumParts(fixed, base), disputed, total)
    return b


def account(**fields: int) -> BookAccount:
    return BookAccount("credit_line", 10, 5_000_000, **fields)  # type: ignore[arg-type]


class TestMinimumFromParts:
    @pytest.mark.parametrize(("base", "expected"), [(129_994, 12_999), (129_995, 13_000), (129_996, 13_000)])
    def test_ten_percent_rounds_half_up(self, base: int, expected: int) -> None:
        assert rules.minimum_from_parts(rules.MinimumParts(0, base), 0, 10**9) == expected

    @pytest.mark.parametrize(("ceiling", "expected"), [(5_999, 5_999), (6_000, 6_000), (6_001, 6_000)])
    def test_never_above_what_the_bill_asks(self, ceiling: int, expected: int) -> None:
        # fixed 1,000 + 10% of 50,000
        assert rules.minimum_from_parts(rules.MinimumParts(1_000, 50_000), 0, ceiling) == expected

    @pytest.mark.parametrize(("disputed", "expected"), [(49_999, 1_000), (50_000, 1_000), (50_001, 1_000),
                                                        (40_000, 2_000)])
    def test_disputed_money_leaves_the_base_only(self, disputed: int, expected: int) -> None:
        # 1,000 fixed stays whatever is disputed; 49,999 disputed leaves 1 fen → 0.1 → 0.
        assert rules.minimum_from_parts(rules.MinimumParts(1_000, 50_000), disputed, 10**9) == expected

    def test_the_parts_at_the_cut_match_the_old_formula(self) -> None:
        comps = rules.Components(interest_fen=300, fees_fen=200, installments_fen=5_000, principal_fen=10_000)
        parts = rules.minimum_parts(comps, 0)
        assert parts == rules.MinimumParts(5_500, 10_000)
        assert rules.minimum_payment_fen(comps, 0) == 6_500


class TestCreditBill:
    def test_a_credit_below_the_principal_leaves_the_base(self) -> None:
        acct = account(balance_fen=130_000)
        b = bill(principal=130_000, base=130_000)
        assert b.minimum_payment_fen == 13_000

        taken = engine.credit_bill(acct, b, [], 30_000, DAY)

        assert taken == rules.Components(principal_fen=30_000)
        assert (b.open_principal_fen, b.total_fen, b.minimum_base_fen, b.minimum_payment_fen) == (
            100_000, 100_000, 100_000, 10_000)
        assert acct.credit_balance_fen == 0

    @pytest.mark.parametrize(("credit", "interest_left", "credit_kept"), [
        (100_499, 1, 0),  # 1 fen of interest still owed
        (100_500, 0, 0),  # exactly all the bill owes
        (100_501, 0, 1),  # 1 fen beyond: kept as the account's credit
    ])
    def test_beyond_the_principal_it_takes_the_rest_in_allocation_order_then_is_kept(
        self, credit: int, interest_left: int, credit_kept: int
    ) -> None:
        acct = account()
        b = bill(principal=100_000, interest=500, fixed=500, base=100_000)
        assert b.minimum_payment_fen == 10_500

        engine.credit_bill(acct, b, [], credit, DAY)

        assert (b.open_principal_fen, b.open_interest_fen) == (0, interest_left)
        assert acct.credit_balance_fen == credit_kept
        assert b.minimum_payment_fen == interest_left
        assert b.total_fen == 100_500 - credit

    @pytest.mark.parametrize(("credit", "past_due", "overdue"), [
        (89_995, 1, True),  # base 10,005 → 1,000.5 → 1,001 (half up): 1 fen short of the 1,000 paid
        (89_996, 0, False),  # base 10,004 → 1,000.4 → 1,000: nothing short, cured at once
        (89_997, 0, False),  # base 10,003 → 1,000
    ])
    def test_after_the_due_date_a_lower_minimum_lowers_the_past_due_amount(
        self, credit: int, past_due: int, overdue: bool
    ) -> None:
        acct = account(past_due_fen=9_000, overdue_since=date(2026, 11, 10))  # type: ignore[arg-type]
        b = bill(principal=99_000, base=100_000, paid=1_000)
        b.due_evaluated = True
        assert b.minimum_payment_fen == 10_000

        engine.credit_bill(acct, b, [], credit, DAY)

        assert acct.past_due_fen == past_due
        assert (acct.overdue_since is not None) == overdue

    def test_a_debit_uses_the_kept_credit_first(self) -> None:
        acct = account(credit_balance_fen=500)
        b = bill(principal=0, base=0)

        engine.debit_bill(acct, b, 2_000, DAY)

        assert acct.credit_balance_fen == 0
        assert (b.open_principal_fen, b.minimum_base_fen, b.total_fen, b.minimum_payment_fen) == (1_500, 1_500, 2_000, 150)

    def test_money_put_under_dispute_leaves_the_minimum_and_comes_back(self) -> None:
        acct = account()
        b = bill(principal=130_000, base=130_000)

        engine.change_bill_disputed(acct, b, 30_000, DAY)
        assert (b.disputed_fen, b.minimum_payment_fen) == (30_000, 10_000)
        engine.change_bill_disputed(acct, b, -30_000, DAY)
        assert (b.disputed_fen, b.minimum_payment_fen) == (0, 13_000)


class TestClaims:
    def claims(self) -> TransactionClaims:
        return TransactionClaims(7, [Claim("refunded", 30_000, "dispute", 3)])

    @pytest.mark.parametrize("amount", [9_999, 10_000])
    def test_a_claim_that_fits_what_is_left_passes(self, amount: int) -> None:
        ensure_fits(self.claims(), transaction_amount_fen=40_000, amount_fen=amount, what="a dispute", source=None)

    def test_a_claim_one_fen_beyond_is_refused_naming_the_first(self) -> None:
        with pytest.raises(ClaimExceedsTransaction) as refused:
            ensure_fits(self.claims(), transaction_amount_fen=40_000, amount_fen=10_001, what="a dispute",
                        source=None)
        assert "¥300.00 refunded by dispute 3" in str(refused.value.detail)
        assert "at most ¥100.00 is left" in str(refused.value.detail)

    def test_a_credit_counts_only_money_given_back_by_other_cases(self) -> None:
        claims = TransactionClaims(7, [Claim("disputed", 40_000, "dispute", 4)])
        # The dispute's own award: its own hold is not a second claim.
        ensure_fits(claims, transaction_amount_fen=40_000, amount_fen=40_000, what="the award",
                    source=("dispute", 4), counting="credited")
        assert claims.credited_fen() == 0 and claims.claimed_fen() == 40_000

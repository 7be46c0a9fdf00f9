"""The pure rules of repayment arrangements: every limit at, below and above its edge."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.arrangements import rules
from backend.arrangements.rules import ArrangementType, Refusal, Status
from backend.billing.rules import Components
from backend.settings import Policy

POLICY = Policy()
TODAY = date(2024, 5, 5)


def codes(reasons: tuple[rules.ApprovalReason, ...]) -> list[str]:
    return [r.code for r in reasons]


# --- due_date_extension -----------------------------------------------------------------------

@pytest.mark.parametrize(("days", "needs"), [(1, False), (2, False), (3, False), (4, True), (9, True), (10, True)])
def test_extension_days_within_authority_or_with_a_supervisor(days: int, needs: bool) -> None:
    reasons = rules.extension_reasons(days, POLICY)
    assert bool(reasons) is needs
    if needs:
        assert codes(reasons) == ["extension_days"]


@pytest.mark.parametrize("days", [0, 11, 30])
def test_extension_outside_1_to_10_days_is_refused(days: int) -> None:
    with pytest.raises(Refusal) as refused:
        rules.extension_reasons(days, POLICY)
    assert refused.value.field == "days"
    assert not refused.value.conflict


@pytest.mark.parametrize(("days_ago", "refused"), [(0, True), (364, True), (365, False), (400, False)])
def test_one_extension_per_rolling_365_days(days_ago: int, refused: bool) -> None:
    previous = TODAY - timedelta(days=days_ago)
    if refused:
        with pytest.raises(Refusal) as error:
            rules.check_extension_window(previous, TODAY, POLICY)
        assert error.value.code == "extension_window"
        assert error.value.conflict
        assert error.value.extra["previous_extension_on"] == previous.isoformat()
        assert previous.isoformat() in error.value.message
    else:
        rules.check_extension_window(previous, TODAY, POLICY)
    rules.check_extension_window(None, TODAY, POLICY)


def test_an_extension_moves_the_due_date_by_the_days() -> None:
    quote = rules.quote_due_date_extension(days=3, due_date=date(2024, 5, 10), next_statement_date=date(2024, 6, 1),
                                           previous_on=None, today=TODAY, policy=POLICY)
    assert quote.effects == {"current_due_date": date(2024, 5, 10), "new_due_date": date(2024, 5, 13)}
    assert not quote.needs_approval
    assert quote.schedule == ()


def test_no_extension_after_the_due_date_or_past_the_next_statement() -> None:
    with pytest.raises(Refusal, match="passed"):
        rules.quote_due_date_extension(days=3, due_date=date(2024, 5, 4), next_statement_date=date(2024, 6, 1),
                                       previous_on=None, today=TODAY, policy=POLICY)
    rules.quote_due_date_extension(days=3, due_date=TODAY, next_statement_date=date(2024, 6, 1),
                                   previous_on=None, today=TODAY, policy=POLICY)
    wide = Policy(extension_max_days=40, extension_agent_max_days=40)
    with pytest.raises(Refusal, match="next statement"):
        rules.quote_due_date_extension(days=22, due_date=date(2024, 5, 10), next_statement_date=date(2024, 6, 1),
                                       previous_on=None, today=TODAY, policy=wide)
    ok = rules.quote_due_date_extension(days=21, due_date=date(2024, 5, 10), next_statement_date=date(2024, 6, 1),
                                        previous_on=None, today=TODAY, policy=wide)
    assert ok.effects["new_due_date"] == date(2024, 5, 31)


# --- hardship_plan ----------------------------------------------------------------------------

@pytest.mark.parametrize(("months", "expected"), [(3, []), (12, []), (13, ["hardship_months"]),
                                                   (24, ["hardship_months"]), (60, ["hardship_months"])])
def test_hardship_months(months: int, expected: list[str]) -> None:
    assert codes(rules.hardship_reasons(months, 0, POLICY)) == expected


@pytest.mark.parametrize("months", [0, 1, 2, 61, 120])
def test_hardship_months_outside_3_to_60_are_refused(months: int) -> None:
    with pytest.raises(Refusal) as refused:
        rules.hardship_reasons(months, 0, POLICY)
    assert refused.value.field == "months"


@pytest.mark.parametrize(("waiver", "expected"), [(0, []), (19_999, []), (20_000, []),
                                                   (20_001, ["hardship_penalty_waiver"])])
def test_hardship_penalty_waiver_over_200_yuan_needs_a_supervisor(waiver: int, expected: list[str]) -> None:
    assert codes(rules.hardship_reasons(12, waiver, POLICY)) == expected


def test_both_hardship_reasons_are_listed() -> None:
    assert codes(rules.hardship_reasons(13, 20_001, POLICY)) == ["hardship_months", "hardship_penalty_waiver"]


def test_a_hardship_plan_restructures_the_bill_less_dispute_and_waiver_into_fee_free_periods() -> None:
    owed = Components(interest_fen=42_000, fees_fen=6_000, installments_fen=1_700, principal_fen=100_000)
    quote = rules.quote_hardship_plan(overdue=True, open_parts=owed, disputed_fen=10_000, months=7,
                                      penalty_waiver_fen=2_000, first_due=date(2024, 7, 10), policy=POLICY)
    restructured = 40_000 + 6_000 + 1_700 + 90_000
    assert quote.principal_fen == restructured
    assert quote.fee_fen == 0
    assert quote.waived_fen == 2_000
    assert sum(p.principal_fen for p in quote.schedule) == restructured
    assert all(p.fee_fen == 0 for p in quote.schedule)
    assert [p.due_date for p in quote.schedule][:3] == [date(2024, 7, 10), date(2024, 8, 10), date(2024, 9, 10)]
    assert len(quote.schedule) == 7


def test_a_hardship_plan_needs_an_overdue_account_and_a_waiver_within_what_is_owed() -> None:
    owed = Components(interest_fen=1_000, principal_fen=50_000)
    with pytest.raises(Refusal) as not_overdue:
        rules.quote_hardship_plan(overdue=False, open_parts=owed, disputed_fen=0, months=6, penalty_waiver_fen=0,
                                  first_due=TODAY, policy=POLICY)
    assert not_overdue.value.code == "not_overdue"
    rules.quote_hardship_plan(overdue=True, open_parts=owed, disputed_fen=0, months=6, penalty_waiver_fen=1_000,
                              first_due=TODAY, policy=POLICY)
    with pytest.raises(Refusal) as over:
        rules.quote_hardship_plan(overdue=True, open_parts=owed, disputed_fen=0, months=6,
                                  penalty_waiver_fen=1_001, first_due=TODAY, policy=POLICY)
    assert over.value.field == "penalty_waiver_fen"


# --- fee_waiver -------------------------------------------------------------------------------

@pytest.mark.parametrize(("amount", "earlier", "needs"), [
    (5_000, 0, False), (4_999, 0, False), (5_001, 0, True),
    (2_000, 3_000, False), (2_001, 3_000, True), (1, 5_000, True),
])
def test_fee_waiver_limit_per_account_per_window(amount: int, earlier: int, needs: bool) -> None:
    quote = rules.quote_fee_waiver(amount_fen=amount, component="fees", owed_fen=10_000,
                                   waived_in_window_fen=earlier, policy=POLICY)
    assert quote.needs_approval is needs
    assert quote.effects["posting_type"] == "fee_reversal"


@pytest.mark.parametrize(("amount", "ok"), [(5_999, True), (6_000, True), (6_001, False)])
def test_a_fee_waiver_cannot_exceed_what_is_owed(amount: int, ok: bool) -> None:
    def waive() -> rules.QuoteResult:
        return rules.quote_fee_waiver(amount_fen=amount, component="penalty_interest", owed_fen=6_000,
                                      waived_in_window_fen=0, policy=POLICY)
    if ok:
        assert waive().effects["posting_type"] == "fee_waiver"
    else:
        with pytest.raises(Refusal) as refused:
            waive()
        assert refused.value.field == "amount_fen"


@pytest.mark.parametrize(("days_ago", "inside"), [(0, True), (89, True), (90, False)])
def test_rolling_windows_count_days_back_from_today(days_ago: int, inside: bool) -> None:
    assert rules.in_window(TODAY - timedelta(days=days_ago), TODAY, 90) is inside
    assert not rules.in_window(TODAY + timedelta(days=1), TODAY, 90)


# --- promise_to_pay ---------------------------------------------------------------------------

@pytest.mark.parametrize(("offset", "ok"), [(-1, False), (0, True), (13, True), (14, True), (15, False)])
def test_promised_date_from_today_to_14_days_out(offset: int, ok: bool) -> None:
    def promise() -> rules.QuoteResult:
        return rules.quote_promise(amount_fen=100, promised_date=TODAY + timedelta(days=offset), owed_fen=1_000,
                                   today=TODAY, policy=POLICY)
    if ok:
        result = promise()
        assert not result.needs_approval
        assert result.effects["promised_date"] == TODAY + timedelta(days=offset)
    else:
        with pytest.raises(Refusal) as refused:
            promise()
        assert refused.value.field == "promised_date"


def test_a_promise_is_at_most_what_is_owed() -> None:
    rules.quote_promise(amount_fen=1_000, promised_date=TODAY, owed_fen=1_000, today=TODAY, policy=POLICY)
    with pytest.raises(Refusal):
        rules.quote_promise(amount_fen=1_001, promised_date=TODAY, owed_fen=1_000, today=TODAY, policy=POLICY)


@pytest.mark.parametrize(("repaid", "day", "outcome"), [
    (10_000, date(2024, 5, 7), None),  # before the promised date: undecided
    (10_000, date(2024, 5, 8), Status.KEPT),
    (10_001, date(2024, 5, 8), Status.KEPT),
    (9_999, date(2024, 5, 8), Status.BROKEN),
    (0, date(2024, 5, 20), Status.BROKEN),
])
def test_promise_outcome(repaid: int, day: date, outcome: Status | None) -> None:
    assert rules.promise_outcome(amount_fen=10_000, repaid_fen=repaid, promised_date=date(2024, 5, 8),
                                 day=day) is outcome


# --- bill_installment -------------------------------------------------------------------------

def test_a_bill_installment_converts_the_non_installment_balance_less_the_dispute() -> None:
    parts = rules.bill_convertible(Components(300, 6_000, 1_700, 100_000), disputed_fen=20_000)
    assert parts == Components(300, 6_000, 0, 80_000)
    quote = rules.quote_bill_installment(parts=parts, terms=6, first_due=date(2024, 6, 10))
    assert quote.principal_fen == 86_300
    assert quote.fee_fen == 3_884  # 4.5% of 86,300 = 3,883.5, half up
    assert sum(p.total_fen for p in quote.schedule) == 86_300 + 3_884
    assert not quote.needs_approval
    with pytest.raises(Refusal):
        rules.quote_bill_installment(parts=Components(), terms=6, first_due=date(2024, 6, 10))
    with pytest.raises(Refusal):
        rules.quote_bill_installment(parts=parts, terms=5, first_due=date(2024, 6, 10))


@given(st.integers(min_value=1, max_value=10**10), st.sampled_from([3, 6, 9, 12]))
def test_bill_installment_schedules_sum_exactly(principal: int, terms: int) -> None:
    quote = rules.quote_bill_installment(parts=Components(principal_fen=principal), terms=terms,
                                         first_due=date(2024, 6, 10))
    assert sum(p.principal_fen for p in quote.schedule) == principal
    assert sum(p.fee_fen for p in quote.schedule) == quote.fee_fen


@given(st.integers(min_value=60, max_value=10**10), st.integers(min_value=3, max_value=60))
def test_hardship_schedules_sum_exactly(principal: int, months: int) -> None:
    quote = rules.quote_hardship_plan(overdue=True, open_parts=Components(principal_fen=principal), disputed_fen=0,
                                      months=months, penalty_waiver_fen=0, first_due=date(2024, 6, 10),
                                      policy=POLICY)
    assert sum(p.principal_fen for p in quote.schedule) == principal
    assert len(quote.schedule) == months


# --- end of day: missed payments --------------------------------------------------------------

def test_two_missed_payments_break_a_hardship_plan() -> None:
    periods = [(date(2024, 7, 10), "billed"), (date(2024, 8, 10), "billed"), (date(2024, 9, 10), "scheduled")]
    assert rules.missed_payments(periods, date(2024, 7, 9)) == 0
    assert rules.missed_payments(periods, date(2024, 7, 10)) == 1
    assert not rules.hardship_broken(periods, date(2024, 8, 9), POLICY)
    assert rules.hardship_broken(periods, date(2024, 8, 10), POLICY)
    paid_one = [(date(2024, 7, 10), "paid"), *periods[1:]]
    assert not rules.hardship_broken(paid_one, date(2024, 8, 10), POLICY)


# --- who may do what --------------------------------------------------------------------------

@pytest.mark.parametrize(("status", "kind", "role", "proposer", "expected"), [
    ("pending_approval", "hardship_plan", "supervisor", False, ["approve", "reject", "cancel"]),
    ("pending_approval", "hardship_plan", "supervisor", True, ["cancel"]),
    ("pending_approval", "fee_waiver", "agent", True, ["cancel"]),
    ("pending_approval", "fee_waiver", "agent", False, []),
    ("pending_approval", "fee_waiver", "dispute_handler", False, []),
    ("active", "hardship_plan", "supervisor", True, ["cancel"]),
    ("active", "promise_to_pay", "supervisor", False, ["cancel"]),
    ("active", "promise_to_pay", "agent", True, []),
    ("active", "fee_waiver", "supervisor", False, []),
    ("active", "bill_installment", "supervisor", False, []),
    ("rejected", "hardship_plan", "supervisor", False, []),
    ("broken", "hardship_plan", "supervisor", False, []),
])
def test_allowed_actions(status: str, kind: str, role: str, proposer: bool, expected: list[str]) -> None:
    assert rules.allowed_actions(status=status, arrangement_type=kind, role=role, is_proposer=proposer) == expected


def test_every_type_is_named() -> None:
    assert set(rules.ARRANGEMENT_TYPES) == {t.value for t in ArrangementType}

"""The measured defects of "Money truth II", each reproduced over HTTP (the training sandbox for
what the customer does, the arrangement endpoints for what the agent sets up) with figures
computed by hand from docs/rules.md; after each scenario the book reconciles.

The account opens on 1 October 2026, due day the 10th: purchases in October are on the bill
cut on 1 November (due 10 November).
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.helpers.api import problem
from tests.helpers.money import MoneyWorld

OPENED = date(2026, 10, 1)
OCT_5 = date(2026, 10, 5)
NOV_3 = date(2026, 11, 3)
NOV_12 = date(2026, 11, 12)
DEC_2 = date(2026, 12, 2)
DEC_3 = date(2026, 12, 3)
JAN_3 = date(2027, 1, 3)


@pytest.fixture
def m(session_factory: sessionmaker[Session]) -> MoneyWorld:
    world = MoneyWorld.open(session_factory, OPENED)
    world.go_to(OCT_5)
    return world


def schedule(m: MoneyWorld, plan_id: int) -> list[tuple[int, int, int, str]]:
    """(principal, fee, paid, status) per period."""
    return [(p["principal_fen"], p["fee_fen"], p["paid_fen"], p["status"]) for p in m.plan(plan_id)["schedule"]]


# --- 1. Completion decided once ---------------------------------------------------------------

def test_credit_used_at_the_cut_pays_the_periods_and_completes_the_plan(m: MoneyWorld) -> None:
    purchase = m.buy(30_000)
    plan_id = m.convert(purchase, 3)  # fee 2.5% = 750: 3 × (10,000 + 250)
    m.go_to(NOV_3)
    assert m.bills()[0].total_fen == 10_250  # period 1

    m.pay(30_750)  # period 1, and 20,500 kept as credit for periods 2 and 3
    assert m.account().credit_balance_fen == 20_500
    m.go_to(DEC_3)  # the 1 December cut bills period 2: the credit pays it

    assert schedule(m, plan_id)[1] == (10_000, 250, 10_250, "paid")
    assert m.account().credit_balance_fen == 10_250
    m.go_to(JAN_3)  # period 3, paid the same way: every period paid

    plan = m.plan(plan_id)
    assert [p["status"] for p in plan["schedule"]] == ["paid", "paid", "paid"]
    assert plan["status"] == "completed"
    account = m.account()
    assert (account.balance_fen, account.credit_balance_fen, account.past_due_fen) == (0, 0, 0)
    m.reconciles()


def overdue_on_a_hardship_plan(m: MoneyWorld) -> tuple[int, int]:
    """100,000 billed on 1 November, unpaid: overdue on 10 November; on 12 November a 3-month
    hardship plan restructures it: 33,334 + 33,333 + 33,333, due 10 December, 10 January and
    10 February. Returns (arrangement id, plan id)."""
    m.buy(100_000)
    m.go_to(NOV_12)
    assert m.overview()["days_past_due"] == 2
    out = m.arranged({"type": "hardship_plan", "months": 3})
    assert out["status"] == "active"
    plan_id = int(out["plan_id"])
    assert [(p["principal_fen"], p["due_date"]) for p in m.plan(plan_id)["schedule"]] == [
        (33_334, "2026-12-10"), (33_333, "2027-01-10"), (33_333, "2027-02-10")]
    return int(out["id"]), plan_id


def test_repayments_after_a_hardship_plan_broke_mark_its_billed_periods_paid(m: MoneyWorld) -> None:
    arrangement_id, plan_id = overdue_on_a_hardship_plan(m)
    # Neither 10 December nor 10 January paid: two missed payments break the plan at the end of
    # 10 January; period 3 is cancelled and its 33,333 goes back on the account.
    m.go_to(date(2027, 1, 11))
    assert m.arrangement(arrangement_id)["status"] == "broken"
    assert m.transactions_of("adjustment") == [33_333]
    # The January bill: penalty for 11 November (50 fen, posted on 1 December; penalty was then
    # suspended while the plan was kept), period 1 (33,334) and period 2 (33,333).
    january = m.bills()[-1]
    assert january.outstanding_fen == 50 + 33_334 + 33_333

    m.pay(66_717)

    assert schedule(m, plan_id) == [
        (33_334, 0, 33_334, "paid"), (33_333, 0, 33_333, "paid"), (33_333, 0, 0, "cancelled")]
    assert m.plan(plan_id)["status"] == "broken"  # it ended broken: its last period was cancelled
    m.reconciles()


# --- 2. Hardship follows the bill -------------------------------------------------------------

def test_a_hardship_plan_paid_on_its_bills_extended_due_date_is_kept(m: MoneyWorld) -> None:
    arrangement_id, plan_id = overdue_on_a_hardship_plan(m)
    m.go_to(date(2027, 1, 5))  # 10 December missed: one missed payment, the plan stands
    assert m.arrangement(arrangement_id)["status"] == "active"
    extension = m.arranged({"type": "due_date_extension", "days": 3})  # an agent's 3 days alone
    assert extension["effects"]["new_due_date"] == "2027-01-13"
    # Period 2 is due with its bill, on the extended date.
    assert m.plan(plan_id)["schedule"][1]["due_date"] == "2027-01-13"

    m.go_to(date(2027, 1, 13))  # the end of 10 January passes: period 2 is not due yet
    assert m.arrangement(arrangement_id)["status"] == "active"
    m.pay(50 + 33_334 + 33_333)  # on the extended due date: penalty, periods 1 and 2
    m.go_to(date(2027, 1, 14))

    assert m.arrangement(arrangement_id)["status"] == "active"
    assert [p[3] for p in schedule(m, plan_id)] == ["paid", "paid", "scheduled"]
    assert m.transactions_of("adjustment") == []  # nothing went back on the account
    assert m.overview()["past_due_fen"] == 0
    m.reconciles()


# --- 3. Early payoff --------------------------------------------------------------------------

# 120,000 converted: (principal, fee) of every period by the schedule rules, by hand:
# 3: 2.5% = 3,000 → 3 × (40,000 + 1,000); 6: 4.5% = 5,400 → 6 × (20,000 + 900);
# 9: 6.5% = 7,800 → (13,336 + 872) then 8 × (13,333 + 866) (remainders on period 1);
# 12: 8.8% = 10,560 → 12 × (10,000 + 880).
PAYOFF_CASES = [
    # terms, periods paid, principal still owed (due at once), fees waived
    (3, 0, 120_000, 3_000), (3, 1, 80_000, 2_000), (3, 2, 40_000, 1_000),
    (6, 0, 120_000, 5_400), (6, 1, 100_000, 4_500), (6, 5, 20_000, 900),
    (9, 0, 120_000, 7_800), (9, 1, 106_664, 6_928), (9, 8, 13_333, 866),
    (12, 0, 120_000, 10_560), (12, 1, 110_000, 9_680), (12, 11, 10_000, 880),
]


@pytest.mark.parametrize(("terms", "paid_periods", "principal", "waived"), PAYOFF_CASES)
def test_payoff_quote(m: MoneyWorld, terms: int, paid_periods: int, principal: int, waived: int) -> None:
    plan_id = m.convert(m.buy(120_000), terms)
    for i in range(paid_periods):  # each bill paid in full on the 2nd of its month (November on)
        m.go_to(date(2026 + (10 + i) // 12, (10 + i) % 12 + 1, 2))
        m.pay(m.bills()[-1].outstanding_fen)

    response = m.payoff_quote(plan_id)

    assert response.status_code == 200, response.text
    quote = response.json()
    assert (quote["principal_fen"], quote["fee_waived_fen"], quote["billed_unpaid_fen"], quote["payoff_fen"]) == (
        principal, waived, 0, principal)
    if paid_periods == 0:  # converted today, nothing billed: on the next statement, due 10 November
        assert (quote["due_date"], quote["on_current_bill"]) == ("2026-11-10", False)
    else:  # on the bill cut this month, due on its 10th
        assert quote["due_date"] == f"{m.today:%Y-%m}-10" and quote["on_current_bill"] is True
    assert quote["periods_billed_now"] == terms - paid_periods


def test_a_payoff_set_up_bills_the_principal_at_once_and_ends_the_plan_paid_off(m: MoneyWorld) -> None:
    plan_id = m.convert(m.buy(120_000), 6)  # 6 × (20,000 + 900)
    m.go_to(NOV_3)
    m.pay(20_900)  # the November bill: period 1
    m.go_to(DEC_2)
    december = m.bills()[-1]
    assert december.outstanding_fen == 20_900  # period 2

    out = m.arranged({"type": "plan_payoff", "plan_id": plan_id})

    assert (out["status"], out["needs_approval"]) == ("active", False)
    assert (out["cost"]["principal_fen"], out["cost"]["waived_fen"]) == (80_000, 3_600)
    assert out["effects"]["payoff_fen"] == 20_900 + 80_000
    december = m.bills()[-1]
    # Periods 3–6 billed at once for their principal only; their 4 × 900 of fees waived.
    assert (december.total_fen, december.outstanding_fen, december.minimum_payment_fen) == (
        100_900, 100_900, 100_900)
    assert m.bill_lines(december.id)[-1][1] == 80_000
    assert problem(m.payoff_quote(plan_id))["code"] == "payoff_in_force"
    plan = m.plan(plan_id)
    assert (plan["principal_fen"], plan["fee_fen"]) == (120_000, 5_400 - 3_600)

    m.pay(100_900)
    m.go_to(date(2026, 12, 4))

    plan = m.plan(plan_id)
    assert plan["status"] == "paid_off"
    assert [p["status"] for p in plan["schedule"]] == ["paid"] * 6
    assert m.arrangement(out["id"])["status"] == "completed"
    assert problem(m.payoff_quote(plan_id))["code"] == "plan_ended"
    m.go_to(date(2027, 1, 2))
    assert m.bills()[-1].total_fen == 0  # no fee of a waived period is ever billed
    m.reconciles()


def test_a_payoff_of_a_partly_refunded_purchase(m: MoneyWorld) -> None:
    purchase = m.buy(300_000)
    plan_id = m.convert(purchase, 3)  # 3 × (100,000 + 2,500)
    m.go_to(NOV_3)
    m.win(m.filed(purchase, 150_000), 150_000)  # period 3 whole; period 2 half and half its fee
    assert schedule(m, plan_id) == [
        (100_000, 2_500, 0, "billed"), (50_000, 1_250, 0, "scheduled"), (0, 0, 0, "waived")]

    quote = m.payoff_quote(plan_id).json()

    # Period 1 is billed (102,500, due on its bill as before); period 2's 50,000 becomes due at
    # once on the same bill, its 1,250 fee waived.
    assert (quote["principal_fen"], quote["fee_waived_fen"], quote["billed_unpaid_fen"], quote["payoff_fen"]) == (
        50_000, 1_250, 102_500, 152_500)
    assert (quote["due_date"], quote["on_current_bill"]) == ("2026-11-10", True)

    m.arranged({"type": "plan_payoff", "plan_id": plan_id})
    bill = m.bills()[0]
    assert (bill.total_fen, bill.minimum_payment_fen) == (152_500, 152_500)
    m.go_to(date(2026, 11, 9))
    m.pay(152_500)

    plan = m.plan(plan_id)
    assert (plan["status"], plan["principal_fen"], plan["fee_fen"]) == ("paid_off", 150_000, 2_500)
    assert [p["status"] for p in plan["schedule"]] == ["paid", "paid", "waived"]
    m.go_to(date(2026, 12, 2))
    assert m.overview()["past_due_fen"] == 0
    assert m.bills()[-1].total_fen == 0
    m.reconciles()


def test_payoff_quote_of_an_unknown_plan_is_404(m: MoneyWorld) -> None:
    assert problem(m.payoff_quote(987_654_321))["status"] == 404


def test_a_plan_with_every_period_billed_has_nothing_to_pay_off_early(m: MoneyWorld) -> None:
    plan_id = m.convert(m.buy(30_000), 3)
    m.go_to(date(2027, 1, 2))  # periods 1–3 billed, none paid
    quote = m.payoff_quote(plan_id).json()
    assert (quote["principal_fen"], quote["fee_waived_fen"]) == (0, 0)
    response = m.propose({"type": "plan_payoff", "plan_id": plan_id})
    assert response.status_code == 409 and problem(response)["code"] == "nothing_to_pay_off"


def test_a_plan_of_another_account_cannot_be_paid_off_here(m: MoneyWorld, session_factory: sessionmaker[Session]) -> None:
    other = MoneyWorld.open(session_factory, OPENED)
    other.go_to(OCT_5)
    plan_id = other.convert(other.buy(30_000), 3)
    response = m.propose({"type": "plan_payoff", "plan_id": plan_id})
    assert response.status_code == 422 and problem(response)["code"] == "unknown_plan"
    other.client.close()


# --- 4. The interest base ---------------------------------------------------------------------

def test_a_payment_to_new_interest_and_dues_first_leaves_the_carried_principal_bearing_interest(
    m: MoneyWorld,
) -> None:
    m.buy(100_000)
    m.go_to(date(2026, 11, 5))
    m.convert(m.buy(30_000), 3)  # 5 November: 3 × (10,000 + 250), period 1 due 10 December
    m.go_to(date(2026, 11, 9))
    m.pay(10_000)  # the November minimum: 90,000 carried, 45 fen a day from 11 November
    m.go_to(DEC_2)
    december = m.bills()[-1]
    # Carried 90,000; new: interest 20 × 45 = 900, period 1 10,250. Minimum 900 + 10,250 + 9,000.
    assert (december.total_fen, december.minimum_payment_fen) == (101_150, 20_150)

    m.pay(20_150)  # allocated: interest 900, installment dues 10,250, carried principal 9,000
    m.go_to(date(2027, 1, 2))

    # Still owed of the carried debt after 2 December: 90,000 − 9,000 = 81,000 (not 90,000 −
    # 20,150 = 69,850). 1 December on 90,000: 45; 2–10 December on 81,000: 9 × 40.5 = 364.5;
    # 11–31 December on the unpaid 81,000: 21 × 40.5 = 850.5. 45 + 364.5 + 850.5 = 1,260.
    assert ("interest", 1_260) in m.bill_lines(m.bills()[-1].id)
    m.reconciles()


# --- 5. Disputed money in arrangements: only the bill's own -----------------------------------

@pytest.mark.parametrize(("disputed_on", "converted"), [
    ("billed", 100_000 - 30_000),  # 30,000 of the billed purchase under dispute stays on the bill
    ("not_billed", 100_000),  # a dispute on a purchase after the cut takes nothing off this bill
])
def test_a_bill_installment_leaves_out_only_the_disputed_money_on_that_bill(
    m: MoneyWorld, disputed_on: str, converted: int
) -> None:
    billed_purchase = m.buy(100_000)
    m.go_to(NOV_3)
    target = billed_purchase if disputed_on == "billed" else m.buy(50_000)
    m.filed(target, 30_000)

    response = m._post(f"/v1/accounts/{m.account_id}/arrangement-quotes", {"type": "bill_installment", "terms": 3})

    assert response.status_code == 200, response.text
    # Fee 2.5% of what is converted, half up: 1,750 on 70,000; 2,500 on 100,000.
    assert (response.json()["cost"]["principal_fen"], response.json()["cost"]["fee_fen"]) == (
        converted, converted * 250 // 10_000)


def test_a_hardship_plan_restructures_the_bill_whatever_is_disputed_elsewhere(m: MoneyWorld) -> None:
    m.buy(100_000)
    m.go_to(NOV_12)  # overdue since 10 November
    m.filed(m.buy(40_000), 40_000)  # disputed, on no bill yet

    out = m.arranged({"type": "hardship_plan", "months": 4})

    # The whole overdue bill: 100,000 in 4 × 25,000 (not 60,000 as the account-wide dispute made it).
    assert out["cost"]["principal_fen"] == 100_000
    assert [p["principal_fen"] for p in out["schedule"]] == [25_000] * 4
    m.reconciles()


def test_a_payoff_before_any_bill_is_billed_at_the_next_cut(m: MoneyWorld) -> None:
    plan_id = m.convert(m.buy(120_000), 3)  # 3 × (40,000 + 1,000); nothing billed yet

    out = m.arranged({"type": "plan_payoff", "plan_id": plan_id})

    assert (out["effects"]["due_date"], out["effects"]["on_current_bill"]) == ("2026-11-10", False)
    assert (out["cost"]["principal_fen"], out["cost"]["waived_fen"]) == (120_000, 3_000)
    m.reconciles()  # the principal posted in the open cycle: billed since the (no) latest cut
    m.go_to(NOV_3)
    november = m.bills()[0]
    # Purchase 120,000, conversion −120,000, payoff principal 120,000: all installment dues, no fee.
    assert (november.total_fen, november.minimum_payment_fen) == (120_000, 120_000)
    m.pay(120_000)
    assert m.plan(plan_id)["status"] == "paid_off"
    m.reconciles()


def test_a_cash_loan_pays_off_the_same_way_its_unbilled_interest_waived(m: MoneyWorld) -> None:
    from backend.accounts.models import Account
    from backend.billing import rules
    from backend.billing.engine import Posting
    from backend.billing.ledger import post_charge
    from backend.db import transaction
    from backend.installments.models import InstallmentPeriod, InstallmentPlan

    # A 300,000 cash loan over 3 months at 0.05% a day (1.5% a month), disbursed on 5 October:
    # level payment 300,000 × 0.015 × 1.015³ / (1.015³ − 1) = 103,014.89 → 103,015.
    # Period 1: interest 4,500, principal 98,515; 2: interest 201,485 × 1.5% = 3,022.275 → 3,022,
    # principal 99,993; 3: interest 101,492 × 1.5% = 1,522.38 → 1,522, principal 101,492.
    with transaction(m.factory) as session:
        account = session.get(Account, m.account_id)
        assert account is not None
        periods = rules.cash_loan_schedule(300_000, 3, 500, date(2026, 11, 10))
        plan = InstallmentPlan(account_id=account.id, customer_id=account.customer_id, kind="cash_loan",
                               principal_fen=300_000, fee_fen=sum(p.fee_fen for p in periods), terms=3,
                               status="active", daily_rate_ppm=500, description="借呗 3个月",
                               created_at=m.clock.now())
        session.add(plan)
        session.flush()
        for p in periods:
            session.add(InstallmentPeriod(plan_id=plan.id, account_id=account.id, customer_id=account.customer_id,
                                          period=p.period, due_date=p.due_date, principal_fen=p.principal_fen,
                                          fee_fen=p.fee_fen, paid_fen=0, status="scheduled"))
        post_charge(session, account, Posting("loan_disbursement", 300_000, OCT_5, "借呗放款"), m.clock.now())
        post_charge(session, account, Posting("installment_conversion", -300_000, OCT_5, "借呗 3期", plan=plan),
                    m.clock.now())
        plan_id = plan.id
    assert schedule(m, plan_id) == [
        (98_515, 4_500, 0, "scheduled"), (99_993, 3_022, 0, "scheduled"), (101_492, 1_522, 0, "scheduled")]

    quote = m.payoff_quote(plan_id).json()

    assert (quote["principal_fen"], quote["fee_waived_fen"], quote["payoff_fen"]) == (300_000, 9_044, 300_000)
    m.arranged({"type": "plan_payoff", "plan_id": plan_id})
    assert m.transactions_of("loan_principal") == [300_000]  # no early-repayment fee, no interest
    m.go_to(NOV_3)
    m.pay(300_000)
    assert m.plan(plan_id)["status"] == "paid_off"
    m.reconciles()


def test_a_refund_on_a_purchase_whose_plan_was_paid_off_comes_off_the_dues_the_payoff_billed(
    m: MoneyWorld,
) -> None:
    """A purchase of the open cycle, converted, then paid off early: its dues go on the latest
    bill, cut before the purchase. A refund won on the purchase then comes off those dues at
    once, as it would had the bill held the purchase (found by tests/test_money_state_machine.py:
    the periods owed 150 fen less than the bill asked)."""
    m.buy(50_000)
    m.go_to(NOV_3)  # the November bill, cut on 1 November
    purchase = m.buy(15_023)
    plan_id = m.convert(purchase, 3)
    m.arranged({"type": "plan_payoff", "plan_id": plan_id})
    november = m.bills()[-1]
    assert november.open_installments_fen == 15_023

    m.win(m.filed(purchase, 150), 150)

    november = m.bills()[-1]
    assert (november.open_installments_fen, november.total_fen) == (15_023 - 150, 50_000 + 15_023 - 150)
    assert m.bill_lines(november.id)[-1][1] == -150
    assert sum(p["principal_fen"] + p["fee_fen"] - p["paid_fen"] for p in m.plan(plan_id)["schedule"]) == 15_023 - 150
    m.reconciles()

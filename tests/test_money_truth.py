"""The measured defects of "Money truth I", each reproduced over HTTP (the training sandbox for
what the customer does) with figures computed by hand from docs/rules.md; after each scenario
the book reconciles.

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
NOV_1 = date(2026, 11, 1)
NOV_3 = date(2026, 11, 3)
NOV_9 = date(2026, 11, 9)
NOV_10 = date(2026, 11, 10)
DEC_1 = date(2026, 12, 1)


@pytest.fixture
def m(session_factory: sessionmaker[Session]) -> MoneyWorld:
    world = MoneyWorld.open(session_factory, OPENED)
    world.go_to(OCT_5)
    return world


def billed(m: MoneyWorld, *amounts: int) -> list[int]:
    """Purchases on 5 October, then end of day up to 3 November (the 1 November bill is cut)."""
    ids = [m.buy(amount) for amount in amounts]
    m.go_to(NOV_3)
    return ids


# --- 1. A refunded purchase can be credited twice ------------------------------------------

def test_a_won_dispute_then_a_fraud_report_on_the_same_purchase_is_refused(m: MoneyWorld) -> None:
    (purchase,) = billed(m, 40_000)
    dispute = m.filed(purchase, 40_000)
    m.win(dispute, 40_000)
    assert m.account().balance_fen == 0

    response = m.report_fraud([purchase])

    assert response.status_code == 409
    body = problem(response)
    assert body["code"] == "claim_exceeds_transaction"
    assert f"¥400.00 refunded by dispute {dispute}" in body["detail"]
    assert m.account().balance_fen == 0  # not −¥400.00
    m.reconciles()


def test_a_confirmed_fraud_report_then_a_dispute_is_refused(m: MoneyWorld) -> None:
    (purchase,) = billed(m, 40_000)
    report = m.report_fraud([purchase]).json()["id"]
    assert m.fraud_act(report, "start_review").status_code == 200
    assert m.fraud_act(report, "confirm").status_code == 200
    assert m.account().balance_fen == 0

    response = m.dispute(purchase, 1)

    assert response.status_code == 409
    assert m.account().balance_fen == 0
    m.reconciles()


# --- 2. Four eyes cannot be split ------------------------------------------------------------

def test_four_eyes_counts_every_credit_on_the_transaction(m: MoneyWorld) -> None:
    (purchase,) = billed(m, 582_841)  # ¥5,828.41
    first = m.filed(purchase, 150_000)
    m.done(first, "acknowledge")
    # Below the ¥2,000 limit: resolved at once.
    assert m.done(first, "propose_outcome", {"outcome": "won", "amount_fen": 150_000, "note": "a"})["status"] == "resolved"
    second = m.filed(purchase, 50_000)
    m.done(second, "acknowledge")
    # ¥1,500 + ¥500 = ¥2,000, exactly the limit: still resolved at once.
    assert m.done(second, "propose_outcome", {"outcome": "won", "amount_fen": 50_000, "note": "b"})["status"] == "resolved"
    third = m.filed(purchase, 1)
    m.done(third, "acknowledge")
    # ¥2,000.01 credited on the one transaction: over the limit, a supervisor must approve.
    state = m.done(third, "propose_outcome", {"outcome": "won", "amount_fen": 1, "note": "c"})
    assert state["status"] == "pending_approval"
    assert m.done(third, "approve_outcome", {}, user="super1")["status"] == "resolved"
    assert m.account().balance_fen == 582_841 - 200_001
    m.reconciles()


# --- 3. Credits reach the open bill at once --------------------------------------------------

def test_a_refund_lowers_the_open_bill_and_paying_what_is_shown_keeps_the_customer_current(
    m: MoneyWorld,
) -> None:
    _big, small = billed(m, 100_000, 30_000)
    (bill,) = m.bills()
    assert (bill.total_fen, bill.minimum_payment_fen) == (130_000, 13_000)

    m.win(m.filed(small, 30_000), 30_000)

    (bill,) = m.bills()
    # ¥300 refunded: outstanding 130,000 − 30,000; minimum 10% of 100,000.
    assert (bill.total_fen, bill.outstanding_fen, bill.minimum_payment_fen) == (100_000, 100_000, 10_000)
    assert m.bill_lines(bill.id)[-1] == ("dispute_refund", -30_000)
    assert sum(amount for _, amount in m.bill_lines(bill.id)) == bill.total_fen
    assert m.overview()["next_due_fen"] == 10_000

    m.go_to(NOV_9)
    m.pay(10_000)  # exactly what the console shows as due
    m.go_to(DEC_1)

    overview = m.overview()
    assert overview["past_due_fen"] == 0 and overview["delinquency_bucket"] == "current"
    # Interest from 11 November on the unpaid 90,000 only: 45 fen a day × 20 days.
    december = m.bills()[-1]
    assert ("interest", 900) in m.bill_lines(december.id)
    assert ("penalty_interest", 900) not in m.bill_lines(december.id)
    assert december.total_fen == 90_000 + 900
    m.reconciles()


def test_an_account_in_credit_is_not_left_past_due(m: MoneyWorld) -> None:
    (purchase,) = billed(m, 100_000)
    m.go_to(date(2026, 11, 20))  # nothing paid: overdue since 10 November
    assert m.overview()["days_past_due"] == 10

    m.win(m.filed(purchase, 100_000), 100_000)

    overview = m.overview()
    assert (overview["past_due_fen"], overview["days_past_due"], overview["delinquency_bucket"]) == (0, 0, "current")
    m.go_to(DEC_1)
    # Penalty ran 11–19 November on 100,000 (50 fen a day), and stopped with the refund.
    assert ("penalty_interest", 450) in m.bill_lines(m.bills()[-1].id)
    assert m.bills()[-1].total_fen == 450
    m.reconciles()


def test_a_provisional_credit_counts_at_once_and_its_reversal_puts_the_money_back(m: MoneyWorld) -> None:
    _big, small = billed(m, 100_000, 30_000)
    dispute = m.filed(small, 30_000)
    # Filed: the ¥300 under dispute leaves the minimum of the bill that holds it.
    assert m.bills()[0].minimum_payment_fen == 10_000
    m.done(dispute, "acknowledge")

    m.done(dispute, "grant_provisional_credit", {"amount_fen": 30_000})
    bill = m.bills()[0]
    assert (bill.outstanding_fen, bill.total_fen, bill.minimum_payment_fen, bill.disputed_fen) == (
        100_000, 100_000, 10_000, 0)

    m.done(dispute, "reverse_provisional_credit")
    bill = m.bills()[0]
    # Owed again, but still under dispute: out of the minimum.
    assert (bill.outstanding_fen, bill.total_fen, bill.minimum_payment_fen, bill.disputed_fen) == (
        130_000, 130_000, 10_000, 30_000)

    m.done(dispute, "withdraw")
    assert m.bills()[0].minimum_payment_fen == 13_000
    m.reconciles()


@pytest.mark.parametrize(
    ("disputed", "minimum"),
    [
        (4, 13_000),  # 10% of 129,996 = 12,999.6 → 13,000
        (5, 13_000),  # 10% of 129,995 = 12,999.5 → 13,000 (half up: the edge)
        (6, 12_999),  # 10% of 129,994 = 12,999.4 → 12,999
    ],
)
def test_filing_a_dispute_lowers_the_open_bills_minimum_at_its_edge(
    m: MoneyWorld, disputed: int, minimum: int
) -> None:
    _big, small = billed(m, 100_000, 30_000)

    m.filed(small, disputed)

    assert m.bills()[0].minimum_payment_fen == minimum


def test_a_fraud_write_off_lowers_the_open_bill_at_once(m: MoneyWorld) -> None:
    big, _small = billed(m, 100_000, 30_000)
    report = m.report_fraud([big]).json()["id"]
    m.fraud_act(report, "start_review")
    assert m.fraud_act(report, "confirm").status_code == 200

    bill = m.bills()[0]
    assert (bill.outstanding_fen, bill.total_fen, bill.minimum_payment_fen) == (30_000, 30_000, 3_000)
    assert m.bill_lines(bill.id)[-1] == ("write_off", -100_000)
    m.reconciles()


def test_a_credit_on_money_not_yet_billed_nets_in_the_open_cycle(m: MoneyWorld) -> None:
    billed(m, 100_000)
    later = m.buy(20_000)  # 3 November: after the cut
    m.win(m.filed(later, 20_000), 20_000)

    november = m.bills()[0]
    assert (november.total_fen, november.minimum_payment_fen) == (100_000, 10_000)  # untouched
    m.pay(100_000)
    m.go_to(DEC_1)
    december = m.bills()[-1]
    lines = m.bill_lines(december.id)
    assert ("purchase", 20_000) in lines and ("dispute_refund", -20_000) in lines
    assert december.total_fen == 0 and december.minimum_payment_fen == 0
    m.reconciles()


# --- 4. A refunded converted purchase stops billing -----------------------------------------

def test_refunding_a_converted_purchase_shrinks_its_plan(m: MoneyWorld) -> None:
    purchase = m.buy(300_000)
    plan_id = m.convert(purchase, 3)  # fee 2.5% = 7,500: 3 × (100,000 + 2,500)
    m.go_to(NOV_3)
    bill = m.bills()[0]
    assert (bill.total_fen, bill.minimum_payment_fen) == (102_500, 102_500)

    m.win(m.filed(purchase, 300_000), 300_000)

    bill = m.bills()[0]
    assert (bill.total_fen, bill.outstanding_fen, bill.minimum_payment_fen) == (0, 0, 0)
    assert m.bill_lines(bill.id)[-3:] == [
        ("dispute_refund", -300_000), ("installment_conversion", 200_000), ("fee_reversal", -2_500)]
    plan = m.plan(plan_id)
    assert (plan["principal_fen"], plan["fee_fen"], plan["status"]) == (0, 0, "completed")
    assert [p["status"] for p in plan["schedule"]] == ["paid", "waived", "waived"]
    m.go_to(date(2026, 12, 15))
    overview = m.overview()
    assert (overview["balance_fen"], overview["past_due_fen"], overview["used_fen"]) == (0, 0, 0)
    m.reconciles()


def test_a_partial_refund_of_a_converted_purchase_takes_the_last_periods_first(m: MoneyWorld) -> None:
    purchase = m.buy(300_000)
    plan_id = m.convert(purchase, 3)
    m.go_to(NOV_3)

    m.win(m.filed(purchase, 150_000), 150_000)

    plan = m.plan(plan_id)
    # Period 3 goes whole (100,000 + 2,500); period 2 loses 50,000 and half its fee (1,250).
    assert [(p["principal_fen"], p["fee_fen"], p["status"]) for p in plan["schedule"]] == [
        (100_000, 2_500, "billed"), (50_000, 1_250, "scheduled"), (0, 0, "waived")]
    assert (plan["principal_fen"], plan["fee_fen"]) == (150_000, 3_750)
    bill = m.bills()[0]
    assert (bill.total_fen, bill.minimum_payment_fen) == (102_500, 102_500)  # nothing billed was credited
    m.reconciles()


# --- 5. Only the disputed money on the bill comes off its penalty ----------------------------

def test_disputed_money_not_on_the_bill_still_bears_its_penalty(m: MoneyWorld) -> None:
    billed(m, 100_000)
    m.go_to(date(2026, 11, 12))  # nothing paid: overdue since 10 November
    later = m.buy(50_000)
    m.filed(later, 50_000)  # disputed, but on no bill yet

    m.go_to(DEC_1)

    december = m.bills()[-1]
    # Penalty on the November bill's 100,000 (50 fen a day) for 11–30 November: 20 days.
    assert ("penalty_interest", 1_000) in m.bill_lines(december.id)
    # Minimum: past due 10,000 + penalty 1,000 + 10% of (140,000 − 50,000 under dispute).
    assert december.minimum_payment_fen == 10_000 + 1_000 + 9_000
    m.reconciles()

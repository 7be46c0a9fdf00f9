"""Paying a plan off early (docs/rules.md, "Paying a plan off early").

The quote: what is still owed of the plan's billed periods (due on their bill as before), the
principal of the periods not yet billed (it becomes due at once) and their fees (waived), and
when it is due: the latest bill's due date while that has not been judged (the principal goes on
that bill now), else the next statement's due date (it is billed at the next cut). A cash loan
pays off the same way: its periods' interest not yet billed is waived, there is no fee for it.

Setting it up (the `plan_payoff` arrangement) bills every period not yet billed at once, for its
principal only, marks the plan's payoff date, and the plan ends `paid_off` when its periods are
all paid, however they are paid (`backend.billing.engine.settle_plan`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from backend.accounts.models import Account, Transaction
from backend.billing import engine, rules
from backend.billing.engine import Posting
from backend.billing.ledger import add_bill_line, latest_bill, plans_in_play, store_posting
from backend.billing.models import Bill
from backend.common.money import fen_text
from backend.errors import Conflict, NotFound
from backend.installments.models import InstallmentPlan

PAYOFF_KINDS = frozenset({"bill_installment", "transaction_installment", "cash_loan", "hardship_plan"})


class PlanEnded(Conflict):
    code = "plan_ended"
    title = "The plan has ended"


class PayoffInForce(Conflict):
    code = "payoff_in_force"
    title = "The plan's payoff is already set up"


@dataclass(frozen=True)
class PayoffQuote:
    """What paying `plan_id` off today means, in fen."""

    plan_id: int
    account_id: int
    kind: str
    principal_fen: int  # principal of the periods not yet billed: becomes due at once
    fee_waived_fen: int  # their fees (a cash loan's interest), waived
    billed_unpaid_fen: int  # what the billed periods still owe, due on their bill as before
    payoff_fen: int  # everything the customer pays to end the plan: principal + billed unpaid
    due_date: date  # when the principal is due
    on_current_bill: bool  # True: it goes on the latest bill now; False: on the next statement
    periods_billed_now: int


def plan_for_payoff(session: Session, plan_id: int) -> InstallmentPlan:
    """The plan with its periods; 404 when there is none."""
    plan = session.scalar(
        select(InstallmentPlan).where(InstallmentPlan.id == plan_id)
        .options(selectinload(InstallmentPlan.periods))
        .execution_options(populate_existing=True)
    )
    if plan is None:
        raise NotFound(f"There is no installment plan {plan_id}.")
    return plan


def payoff_due(bill: Bill | None, today: date, due_day: int) -> tuple[date, bool]:
    """When what becomes due at once is due, and whether it goes on the latest bill now."""
    if bill is not None and not bill.due_evaluated and today <= bill.due_date:
        return bill.due_date, True
    return rules.due_date_for(rules.first_of_next_month(today), due_day), False


def quote_payoff(*, session: Session, plan: InstallmentPlan, account: Account, today: date) -> PayoffQuote:
    """The payoff of `plan` on `today`; 409 `plan_ended` for a plan no longer active, 409
    `payoff_in_force` when its payoff is already set up."""
    if plan.status != "active" or plan.kind not in PAYOFF_KINDS:
        raise PlanEnded(f"Plan {plan.id} is {plan.status.replace('_', ' ')}: there is nothing to pay off.",
                        extra={"plan_id": plan.id, "plan_status": plan.status})
    if plan.payoff_on is not None:
        owed = sum(max(0, p.principal_fen + p.fee_fen - p.paid_fen) for p in plan.periods
                   if p.status in engine.OWING_PERIOD_STATUSES)
        raise PayoffInForce(
            f"Plan {plan.id}'s payoff was set up on {plan.payoff_on.isoformat()}; {fen_text(owed)} of it is "
            "still to pay.",
            extra={"plan_id": plan.id, "payoff_on": plan.payoff_on.isoformat()},
        )
    rows = [(p.principal_fen, p.fee_fen, p.paid_fen, p.status != "scheduled")
            for p in plan.periods if p.status in ("scheduled", *engine.OWING_PERIOD_STATUSES)]
    payoff, waived = rules.payoff_fen(rows)
    unbilled = [p for p in plan.periods if p.status == "scheduled"]
    principal = sum(p.principal_fen for p in unbilled)
    due, on_bill = payoff_due(latest_bill(session, account.id), today, account.due_day)
    return PayoffQuote(
        plan_id=plan.id, account_id=plan.account_id, kind=plan.kind, principal_fen=principal,
        fee_waived_fen=waived, billed_unpaid_fen=payoff - principal, payoff_fen=payoff, due_date=due,
        on_current_bill=on_bill, periods_billed_now=len(unbilled),
    )


def apply_payoff(*, session: Session, account: Account, plan: InstallmentPlan, quote: PayoffQuote,
                 posted_at: datetime, today: date) -> Transaction | None:
    """Make the payoff live (the account is locked by the caller): every period not yet billed is
    billed now for its principal, due on the quote's due date, its fee waived (the plan's fee
    shrinks with it, so the schedule still sums exactly); the principal posts at once, on the
    latest bill as a line when the quote says so (the bill's total, installment dues and minimum
    rise by it; credit the account holds pays it first). Returns the posting, None when every
    period was billed already."""
    plan.payoff_on = today
    unbilled = [p for p in plan.periods if p.status == "scheduled"]
    for period in unbilled:
        plan.fee_fen -= period.fee_fen
        period.fee_fen = 0
        period.due_date = quote.due_date
        period.status = "billed"
    if not unbilled:
        engine.settle_plan(plan)
        return None
    principal_type, _fee_type = engine.DUE_POSTING_TYPES[plan.kind]
    posting = Posting(principal_type, quote.principal_fen, today,
                      f"Plan {plan.id} paid off early: principal of {len(unbilled)} periods, fees waived"[:128],
                      plan=plan)
    engine.post(account, posting)
    txn = store_posting(session, account, posting, posted_at)
    session.flush()
    if quote.on_current_bill:
        bill = latest_bill(session, account.id, for_update=True)
        assert bill is not None
        add_bill_line(session, bill, txn)
        plans = plans_in_play(session, [account.id]).get(account.id, [])
        engine.bill_dues_now(account, bill, plans, quote.principal_fen, today)
    return txn

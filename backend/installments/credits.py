"""Plans follow their purchases (docs/rules.md, "Plans follow their purchases").

When a purchase converted to installments is refunded or written off, its plan shrinks by the
credited principal, last period first: periods not yet billed lose their principal and their
fee (a period left with nothing is `waived`); on periods already billed, the principal credited
and the fee billed on it (pro rata, half up) come off what the bill owes, the fee as a
`fee_reversal` credit. The part of the credit that took unbilled principal never was on the
account's balance, so it is balanced by an `installment_conversion` reversal of the same amount.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from backend.accounts.models import Account, Transaction
from backend.billing import rules
from backend.billing.engine import Posting, settle_plan
from backend.billing.models import Bill
from backend.clock import business_date_of
from backend.installments.models import InstallmentPlan

SHRINKING_KINDS = ("transaction_installment",)


@dataclass
class PlanShrink:
    plan_id: int
    unbilled_fen: int = 0  # principal of periods not yet billed that went
    billed_fen: int = 0  # principal of billed periods credited
    fee_reversed_fen: int = 0  # fees billed on that principal, reversed
    rest_fen: int = 0  # credit beyond what the plan still held
    dues_dropped_fen: int = 0  # what its billed periods no longer owe on the bill

    @property
    def to_bill_fen(self) -> int:
        """What comes off the bill: billed principal and fees credited, and any rest."""
        return self.billed_fen + self.fee_reversed_fen + self.rest_fen


def plan_dues_billed(session: Session, claimed: Transaction) -> bool:
    """Whether the plan `claimed` was converted into has periods billed. Their dues are on the
    latest bill even when it was cut before the purchase: an early payoff makes them due at once
    there (docs/rules.md, "Paying a plan off early")."""
    from backend.installments.models import InstallmentPeriod

    return session.scalar(
        select(InstallmentPeriod.id)
        .join(InstallmentPlan, InstallmentPlan.id == InstallmentPeriod.plan_id)
        .where(InstallmentPlan.source_transaction_id == claimed.id, InstallmentPlan.kind.in_(SHRINKING_KINDS),
               InstallmentPeriod.status.in_(("billed", "partially_paid", "paid")))
        .limit(1)
    ) is not None


def shrink_plan_of(session: Session, account: Account, claimed: Transaction, credit_fen: int,
                   posted_at: datetime, bill: Bill | None) -> PlanShrink | None:
    """Shrink the active plan `claimed` was converted into by `credit_fen`; None without one.

    Posts the conversion reversal and the fee reversal (and shows them on `bill` when the
    bill holds the purchase); the caller posts the credit itself and takes `to_bill_fen` off
    the bill."""
    from backend.billing.ledger import add_bill_line, store_posting

    plan = session.scalar(
        select(InstallmentPlan)
        .where(InstallmentPlan.source_transaction_id == claimed.id,
               InstallmentPlan.kind.in_(SHRINKING_KINDS), InstallmentPlan.status == "active")
        .options(selectinload(InstallmentPlan.periods))
        .with_for_update()
    )
    if plan is None:
        return None
    shrink = PlanShrink(plan.id)
    left = credit_fen
    for period in sorted(plan.periods, key=lambda p: p.period, reverse=True):
        if left <= 0:
            break
        if period.principal_fen <= 0 or period.status in ("waived", "cancelled"):
            continue
        take = min(left, period.principal_fen)
        fee = (period.fee_fen if take == period.principal_fen
               else rules.round_half_up_div(period.fee_fen * take, period.principal_fen))
        billed = period.status != "scheduled"
        owed_before = max(0, period.principal_fen + period.fee_fen - period.paid_fen)
        period.principal_fen -= take
        period.fee_fen -= fee
        plan.principal_fen -= take
        plan.fee_fen -= fee
        left -= take
        if billed:
            shrink.billed_fen += take
            shrink.fee_reversed_fen += fee
            if period.paid_fen >= period.principal_fen + period.fee_fen:
                period.status = "paid"
            shrink.dues_dropped_fen += owed_before - max(0, period.principal_fen + period.fee_fen - period.paid_fen)
        else:
            shrink.unbilled_fen += take
            if period.principal_fen == 0:
                period.status = "waived"
    shrink.rest_fen = left
    settle_plan(plan)
    day = business_date_of(posted_at)
    postings = []
    if shrink.unbilled_fen:
        postings.append(Posting("installment_conversion", shrink.unbilled_fen, day,
                                f"Plan {plan.id} shrunk: credited principal not yet billed"[:128],
                                merchant=claimed.merchant, plan=plan, description_code="plan_shrunk"))
    if shrink.fee_reversed_fen:
        postings.append(Posting("fee_reversal", -shrink.fee_reversed_fen, day,
                                f"Plan {plan.id}: fees billed on credited principal reversed"[:128],
                                merchant=claimed.merchant, plan=plan, description_code="plan_fees_reversed"))
    for posting in postings:
        account.balance_fen += posting.amount_fen
        txn = store_posting(session, account, posting, posted_at)
        session.flush()
        if bill is not None:
            add_bill_line(session, bill, txn)
    return shrink

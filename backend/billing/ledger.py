"""The billing engine applied to the database: postings, repayments and end of day.

Services take `session` keyword-only and never commit: the caller's unit of work does.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from backend.accounts.models import Account, Transaction
from backend.billing import engine
from backend.billing.engine import Posting, StatementDraft
from backend.billing.models import Bill, BillLine
from backend.clock import BUSINESS_TZ, business_date_of
from backend.installments.models import InstallmentPeriod, InstallmentPlan

# The English (or data) text of two lines every account has; their codes are `repayment` and
# `previous_balance` (docs/api-wording.md).
REPAYMENT_DESCRIPTION = "Repayment, thank you"
PREVIOUS_BALANCE_DESCRIPTION = "上期账单余额"


def latest_bill(session: Session, account_id: int, *, for_update: bool = False) -> Bill | None:
    stmt = select(Bill).where(Bill.account_id == account_id).order_by(Bill.statement_date.desc()).limit(1)
    if for_update:
        stmt = stmt.with_for_update()
    return session.execute(stmt).scalar_one_or_none()


def plans_in_play(session: Session, account_ids: Collection[int]) -> dict[int, list[InstallmentPlan]]:
    """The plans of each account that bill or are owed: the active ones, and any other with a
    billed period still owing (a broken hardship plan's billed periods are paid like any other,
    docs/rules.md "When a plan ends"), with their periods, in two queries for all accounts."""
    owing = (
        select(InstallmentPeriod.id)
        .where(InstallmentPeriod.plan_id == InstallmentPlan.id,
               InstallmentPeriod.status.in_(engine.OWING_PERIOD_STATUSES))
        .exists()
    )
    stmt = (
        select(InstallmentPlan)
        .where(InstallmentPlan.account_id.in_(account_ids), (InstallmentPlan.status == "active") | owing)
        .options(selectinload(InstallmentPlan.periods))
        .order_by(InstallmentPlan.id)
    )
    plans: dict[int, list[InstallmentPlan]] = {}
    for plan in session.execute(stmt).scalars():
        plans.setdefault(plan.account_id, []).append(plan)
    return plans


def store_posting(session: Session, account: Account, posting: Posting, posted_at: datetime) -> Transaction:
    txn = Transaction(
        account_id=account.id,
        customer_id=account.customer_id,
        type=posting.type,
        amount_fen=posting.amount_fen,
        posted_at=posted_at,
        business_date=posting.business_date,
        merchant=posting.merchant,
        description=posting.description,
        description_code=posting.description_code,
        description_params=posting.wording_params(),
        plan_id=getattr(posting.plan, "id", None),
    )
    session.add(txn)
    return txn


def post_charge(session: Session, account: Account, posting: Posting, posted_at: datetime) -> Transaction:
    """Book a purchase, refund, fee or other charge on the account and store it."""
    engine.post(account, posting)
    return store_posting(session, account, posting, posted_at)


def post_repayment(session: Session, account: Account, amount_fen: int, posted_at: datetime,
                   description: str = REPAYMENT_DESCRIPTION) -> Transaction:
    """Take a repayment: allocated over the latest bill by the engine, stored as a credit."""
    day = business_date_of(posted_at)
    bill = latest_bill(session, account.id, for_update=True)
    plans = plans_in_play(session, [account.id]).get(account.id, [])
    engine.apply_repayment(account, bill, plans, amount_fen, day)
    code = "repayment" if description == REPAYMENT_DESCRIPTION else None
    return store_posting(session, account, Posting("repayment", -amount_fen, day, description,
                                                   description_code=code), posted_at)


def bill_holding(session: Session, account: Account, claimed: Transaction) -> Bill | None:
    """The latest bill, locked, when it holds `claimed` (cut after it posted); None while the
    transaction is still in the open cycle (docs/rules.md, "Credits count at once")."""
    bill = latest_bill(session, account.id, for_update=True)
    if bill is None or claimed.business_date >= bill.statement_date:
        return None
    return bill


def add_bill_line(session: Session, bill: Bill, txn: Transaction) -> BillLine:
    """Show a credit (or its reversal) that went on a bill after the cut as a line of that bill,
    so its total stays the sum of its lines; the next cut leaves it out of its cycle."""
    last = session.scalar(select(func.coalesce(func.max(BillLine.line_no), 0)).where(BillLine.bill_id == bill.id))
    line = BillLine(
        bill_id=bill.id,
        customer_id=bill.customer_id,
        line_no=int(last or 0) + 1,
        transaction_id=txn.id,
        posted_at=txn.posted_at,
        type=txn.type,
        description=txn.description,
        description_code=txn.description_code,
        description_params=txn.description_params,
        amount_fen=txn.amount_fen,
    )
    session.add(line)
    return line


def post_claim_money(session: Session, account: Account, posting: Posting, posted_at: datetime,
                     claimed: Transaction) -> Transaction:
    """Post a credit on `claimed` (dispute refund, provisional credit, write-off) or its
    reversal, counting at once (docs/rules.md, "Credits count at once"): on money a bill holds,
    it goes on that bill now, as a line, lowering (or raising back) what it owes and its
    minimum; on money not yet billed it nets in the open cycle at the next cut. A credit on a
    purchase converted to installments shrinks its plan first (docs/rules.md, "Plans follow
    their purchases")."""
    from backend.installments.credits import plan_dues_billed, shrink_plan_of

    day = business_date_of(posted_at)
    engine.post(account, posting)
    txn = store_posting(session, account, posting, posted_at)
    session.flush()
    bill = bill_holding(session, account, claimed)
    if bill is None and plan_dues_billed(session, claimed):
        # A purchase of the open cycle whose plan was paid off early: its dues are on the latest
        # bill (cut before the purchase), so the credit comes off them there, as it would had
        # the bill held the purchase (docs/rules.md, "Plans follow their purchases").
        bill = latest_bill(session, account.id, for_update=True)
    if posting.amount_fen < 0:
        if bill is not None:
            add_bill_line(session, bill, txn)
            session.flush()
        shrink = shrink_plan_of(session, account, claimed, -posting.amount_fen, posted_at, bill)
        on_bill = shrink.to_bill_fen if shrink is not None else -posting.amount_fen
        if bill is not None:
            plans = plans_in_play(session, [account.id]).get(account.id, [])
            first = "installments_fen" if shrink is not None else "principal_fen"
            # Money billed before this bill's cycle is carried debt: the credit lowers that first.
            on_carried = bill.cycle_start is not None and claimed.business_date < bill.cycle_start
            # The unbilled principal a plan lost is balanced by its conversion reversal, so only
            # the rest comes off what the bill owes; all of them are lines of the bill.
            if on_bill > 0:
                engine.credit_bill(account, bill, plans, on_bill, day, first=first, on_carried=on_carried,
                                   first_limit=shrink.dues_dropped_fen if shrink is not None else None)
    elif bill is not None:
        engine.debit_bill(account, bill, posting.amount_fen, day)
        add_bill_line(session, bill, txn)
    return txn


def hold_on_bill(session: Session, account: Account, claimed: Transaction, delta_fen: int, today: date) -> None:
    """Money of `claimed` put under (positive) or out of (negative) open dispute: when a bill
    holds it, it leaves (or rejoins) that bill's minimum and penalty base at once."""
    if delta_fen == 0:
        return
    bill = bill_holding(session, account, claimed)
    if bill is not None:
        engine.change_bill_disputed(account, bill, delta_fen, today)


def store_statement(session: Session, account: Account, draft: StatementDraft,
                    stored: dict[int, Transaction]) -> Bill:
    """Store a cut bill and its lines; `stored` maps id(posting) to its transaction row."""
    comps = draft.components
    bill = Bill(
        account_id=account.id,
        customer_id=account.customer_id,
        statement_date=draft.statement_date,
        due_date=draft.due_date,
        cycle_start=draft.cycle_start,
        previous_balance_fen=draft.previous_balance_fen,
        carried_fen=draft.carried_fen,
        total_fen=draft.total_fen,
        minimum_payment_fen=draft.minimum_payment_fen,
        paid_fen=0,
        status="paid" if comps.total_fen <= 0 else "open",
        due_evaluated=False,
        open_interest_fen=comps.interest_fen,
        open_fees_fen=comps.fees_fen,
        open_installments_fen=comps.installments_fen,
        open_principal_fen=comps.principal_fen,
        minimum_fixed_fen=draft.minimum_fixed_fen,
        minimum_base_fen=draft.minimum_base_fen,
        disputed_fen=draft.disputed_fen,
        carried_interest_fen=draft.carried_owed.interest_fen,
        carried_fees_fen=draft.carried_owed.fees_fen,
        carried_installments_fen=draft.carried_owed.installments_fen,
        carried_principal_fen=draft.carried_owed.principal_fen,
    )
    session.add(bill)
    session.flush()
    cycle_start_at = datetime.combine(draft.cycle_start or draft.statement_date, time(0), BUSINESS_TZ)
    for line_no, (item, amount) in enumerate(draft.lines, start=1):
        txn = item if isinstance(item, Transaction) else stored.get(id(item)) if item is not None else None
        session.add(BillLine(
            bill_id=bill.id,
            customer_id=account.customer_id,
            line_no=line_no,
            transaction_id=txn.id if txn is not None else None,
            posted_at=txn.posted_at if txn is not None else cycle_start_at.astimezone(timezone.utc),
            type=txn.type if txn is not None else "previous_balance",
            description=txn.description if txn is not None else PREVIOUS_BALANCE_DESCRIPTION,
            description_code=txn.description_code if txn is not None else "previous_balance",
            description_params=txn.description_params if txn is not None else None,
            amount_fen=amount,
        ))
    return bill


def balance_from_transactions(session: Session, account_id: int) -> int:
    """Σ amount_fen of the account's transactions: must equal `Account.balance_fen`."""
    total = session.execute(
        select(func.coalesce(func.sum(Transaction.amount_fen), 0)).where(Transaction.account_id == account_id)
    ).scalar_one()
    return int(total)

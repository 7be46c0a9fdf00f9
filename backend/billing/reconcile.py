"""The book reconciles itself (docs/rules.md, "Reconciliation").

`reconcile(session)` checks, book-wide, every invariant the money rules promise and returns
the breaks per invariant with a few examples; `python -m backend reconcile` prints them and
exits non-zero on any break, and end of day prints them (report only) when it is done.

Each check is one grouped query (or a scan of one table in id order), so the 1M book is
checked in minutes, not hours.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from backend.accounts.models import Account, Transaction
from backend.billing import rules
from backend.billing.models import Bill, BillLine
from backend.claims.service import claims_on
from backend.disputes.queries import disputed_transaction_ids, open_dispute_holdings
from backend.fraud.queries import reported_transaction_ids
from backend.installments.models import InstallmentPeriod, InstallmentPlan

EXAMPLES = 5
SCAN_BATCH = 5_000

INVARIANTS: dict[str, str] = {
    "bill_total_is_sum_of_lines": "each bill's total is the sum of its lines",
    "balance_is_sum_of_transactions": "each account's balance is the sum of its transactions",
    "balance_follows_latest_bill": "each balance is its latest bill's total plus what posted since, not on it",
    "schedule_sums_exactly": "each plan's periods sum exactly to its principal and fee",
    "used_within_bounds": "nothing negative where only owed money can be (credit, past due, unbilled plans)",
    "minimum_from_the_rules": "each bill's minimum is the rules' minimum of its parts, never above what it asks",
    "past_due_and_bucket": "overdue exactly when money is past due, from a due date of a bill; nobody in credit is overdue",
    "disputed_is_open_disputes": "each account's (and its latest bill's) disputed money is what open disputes hold",
    "credited_within_amount": "no transaction is credited beyond its amount",
    "no_active_plan_fully_paid": "no plan is active with all its periods paid",
}


@dataclass
class Break:
    invariant: str
    count: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, example: str) -> None:
        self.count += 1
        if len(self.examples) < EXAMPLES:
            self.examples.append(example)


@dataclass
class Reconciliation:
    accounts: int = 0
    bills: int = 0
    plans: int = 0
    breaks: dict[str, Break] = field(default_factory=lambda: {name: Break(name) for name in INVARIANTS})

    @property
    def ok(self) -> bool:
        return all(b.count == 0 for b in self.breaks.values())

    def lines(self) -> list[str]:
        out = [f"Reconciled {self.accounts} accounts, {self.bills} bills, {self.plans} plans."]
        for name, found in self.breaks.items():
            if found.count == 0:
                out.append(f"  ok     {name}: {INVARIANTS[name]}")
            else:
                out.append(f"  BREAK  {name}: {found.count} ({INVARIANTS[name]})")
                out.extend(f"           e.g. {example}" for example in found.examples)
        out.append("No breaks." if self.ok else f"{sum(b.count for b in self.breaks.values())} breaks.")
        return out


def _scan(session: Session, stmt: Select[Any], key: Any) -> Iterator[Any]:
    """Rows of `stmt` in batches by `key` (an id column), so a big book is never all in memory."""
    last = 0
    while True:
        rows = session.execute(stmt.where(key > last).order_by(key).limit(SCAN_BATCH)).all()
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


def reconcile(session: Session, today: date | None = None) -> Reconciliation:
    result = Reconciliation()
    breaks = result.breaks

    # Bills: total = Σ lines; minimum = the rules' minimum of its parts.
    line_sums = (
        select(BillLine.bill_id, func.sum(BillLine.amount_fen).label("lines"))
        .group_by(BillLine.bill_id).subquery()
    )
    bill_rows = select(
        Bill.id, Bill.account_id, Bill.total_fen, func.coalesce(line_sums.c.lines, 0), Bill.minimum_payment_fen,
        Bill.minimum_fixed_fen, Bill.minimum_base_fen, Bill.disputed_fen, Bill.paid_fen,
        Bill.open_interest_fen + Bill.open_fees_fen + Bill.open_installments_fen + Bill.open_principal_fen,
    ).outerjoin(line_sums, line_sums.c.bill_id == Bill.id)
    for bill_id, account_id, total, lines, minimum, fixed, base, disputed, paid, outstanding in _scan(
        session, bill_rows, Bill.id
    ):
        result.bills += 1
        if total != lines:
            breaks["bill_total_is_sum_of_lines"].add(
                f"bill {bill_id} (account {account_id}): total {total}, lines sum to {lines}")
        expected = rules.minimum_from_parts(rules.MinimumParts(fixed, base), disputed, paid + outstanding)
        if minimum != expected or minimum > paid + outstanding:
            breaks["minimum_from_the_rules"].add(
                f"bill {bill_id} (account {account_id}): minimum {minimum}, the rules give {expected} "
                f"(fixed {fixed}, base {base}, disputed {disputed}, paid {paid}, outstanding {outstanding})")

    # Accounts: balance = Σ transactions = latest total + what posted since and is on no bill.
    txn_sums = (
        select(Transaction.account_id, func.sum(Transaction.amount_fen).label("total"))
        .group_by(Transaction.account_id).subquery()
    )
    # What posted since the latest cut = all transactions less those on some bill's lines.
    billed_txns = (
        select(Bill.account_id, func.sum(BillLine.amount_fen).label("total"))
        .join(BillLine, BillLine.bill_id == Bill.id)
        .where(BillLine.transaction_id.is_not(None))
        .group_by(Bill.account_id).subquery()
    )
    latest = (
        select(Bill.account_id, func.max(Bill.statement_date).label("statement_date"))
        .group_by(Bill.account_id).subquery()
    )
    latest_bill = (
        select(Bill.account_id, Bill.total_fen, Bill.due_date)
        .join(latest, (latest.c.account_id == Bill.account_id) & (latest.c.statement_date == Bill.statement_date))
        .subquery()
    )
    unbilled_plans = (
        select(InstallmentPeriod.account_id, func.sum(InstallmentPeriod.principal_fen).label("principal"))
        .where(InstallmentPeriod.status == "scheduled")
        .group_by(InstallmentPeriod.account_id).subquery()
    )
    holdings = open_dispute_holdings().subquery()
    open_held = (
        select(holdings.c.account_id, func.sum(holdings.c.held).label("held"))
        .group_by(holdings.c.account_id).subquery()
    )
    latest_full = (
        select(Bill.account_id, Bill.statement_date, Bill.disputed_fen)
        .join(latest, (latest.c.account_id == Bill.account_id) & (latest.c.statement_date == Bill.statement_date))
        .subquery()
    )
    # Open disputes on money the latest bill holds (posted before its cut).
    held_on_bill = (
        select(holdings.c.account_id, func.sum(holdings.c.held).label("held"))
        .join(Transaction, Transaction.id == holdings.c.transaction_id)
        .join(latest_full, latest_full.c.account_id == holdings.c.account_id)
        .where(Transaction.business_date < latest_full.c.statement_date)
        .group_by(holdings.c.account_id).subquery()
    )
    due_dates = select(Bill.due_date).where(Bill.account_id == Account.id, Bill.due_date == Account.overdue_since)
    account_rows = (
        select(
            Account.id, Account.balance_fen, func.coalesce(txn_sums.c.total, 0),
            latest_bill.c.total_fen, func.coalesce(txn_sums.c.total, 0) - func.coalesce(billed_txns.c.total, 0),
            Account.credit_balance_fen, Account.past_due_fen, Account.overdue_since,
            func.coalesce(unbilled_plans.c.principal, 0), Account.disputed_fen,
            func.coalesce(open_held.c.held, 0), due_dates.exists(),
            latest_full.c.disputed_fen, func.coalesce(held_on_bill.c.held, 0),
        )
        .outerjoin(txn_sums, txn_sums.c.account_id == Account.id)
        .outerjoin(billed_txns, billed_txns.c.account_id == Account.id)
        .outerjoin(latest_bill, latest_bill.c.account_id == Account.id)
        .outerjoin(unbilled_plans, unbilled_plans.c.account_id == Account.id)
        .outerjoin(open_held, open_held.c.account_id == Account.id)
        .outerjoin(latest_full, latest_full.c.account_id == Account.id)
        .outerjoin(held_on_bill, held_on_bill.c.account_id == Account.id)
    )
    for (account_id, balance, txn_total, latest_total, since, credit, past_due, overdue_since, unbilled,
         disputed, held, from_a_due_date, bill_disputed, bill_held) in _scan(session, account_rows, Account.id):
        result.accounts += 1
        if balance != txn_total:
            breaks["balance_is_sum_of_transactions"].add(
                f"account {account_id}: balance {balance}, transactions sum to {txn_total}")
        if latest_total is not None and balance != latest_total + since:
            breaks["balance_follows_latest_bill"].add(
                f"account {account_id}: balance {balance}, latest bill {latest_total} + since {since}")
        if credit < 0 or past_due < 0 or unbilled < 0:
            breaks["used_within_bounds"].add(
                f"account {account_id}: credit {credit}, past due {past_due}, unbilled plan principal {unbilled}")
        overdue = past_due > 0
        if overdue != (overdue_since is not None) or (overdue and not from_a_due_date) or (
            overdue and balance <= 0
        ) or (overdue_since is not None and today is not None and overdue_since >= today):
            breaks["past_due_and_bucket"].add(
                f"account {account_id}: past due {past_due}, overdue since {overdue_since}, balance {balance}")
        if disputed != held or (bill_disputed is not None and bill_disputed != bill_held):
            breaks["disputed_is_open_disputes"].add(
                f"account {account_id}: disputed {disputed}, open disputes hold {held}; latest bill "
                f"leaves out {bill_disputed}, open disputes on its money hold {bill_held}")

    # Plans: schedules sum exactly; none active with every period paid.
    period_sums = (
        select(
            InstallmentPeriod.plan_id,
            func.sum(InstallmentPeriod.principal_fen).label("principal"),
            func.sum(InstallmentPeriod.fee_fen).label("fee"),
            func.count().label("periods"),
            func.sum(case((InstallmentPeriod.status.in_(("paid", "waived")), 1), else_=0)).label("settled"),
        )
        .group_by(InstallmentPeriod.plan_id).subquery()
    )
    plan_rows = select(
        InstallmentPlan.id, InstallmentPlan.account_id, InstallmentPlan.status, InstallmentPlan.principal_fen,
        InstallmentPlan.fee_fen, period_sums.c.principal, period_sums.c.fee, period_sums.c.periods,
        period_sums.c.settled,
    ).outerjoin(period_sums, period_sums.c.plan_id == InstallmentPlan.id)
    for plan_id, account_id, status, principal, fee, p_sum, f_sum, periods, settled in _scan(
        session, plan_rows, InstallmentPlan.id
    ):
        result.plans += 1
        if (p_sum or 0) != principal or (f_sum or 0) != fee:
            breaks["schedule_sums_exactly"].add(
                f"plan {plan_id} (account {account_id}): principal {principal} / fee {fee}, "
                f"periods sum to {p_sum} / {f_sum}")
        if status == "active" and periods and settled == periods:
            breaks["no_active_plan_fully_paid"].add(f"plan {plan_id} (account {account_id}): all {periods} periods paid")

    # Claims: no transaction credited beyond its amount.
    claimed_ids = sorted(disputed_transaction_ids(session) | reported_transaction_ids(session))
    for start in range(0, len(claimed_ids), SCAN_BATCH):
        chunk = claimed_ids[start:start + SCAN_BATCH]
        amounts: dict[int, int] = {
            txn_id: amount
            for txn_id, amount in session.execute(
                select(Transaction.id, Transaction.amount_fen).where(Transaction.id.in_(chunk))
            )
        }
        for txn_id, claims in claims_on(session, chunk).items():
            credited = claims.credited_fen()
            if credited > amounts.get(txn_id, 0):
                breaks["credited_within_amount"].add(
                    f"transaction {txn_id} ({amounts.get(txn_id, 0)}): {claims.describe()}")
    return result

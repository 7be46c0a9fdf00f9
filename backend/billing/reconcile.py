"""The book reconciles itself (docs/rules.md, "Reconciliation").

`reconcile(session)` checks, book-wide, every invariant the money rules promise and returns
the breaks per invariant with a few examples; `python -m backend reconcile` prints them and
exits non-zero on any break, and end of day prints them (report only) when it is done.

Every check runs per batch of SCAN_BATCH ids (bills, accounts, plans), and its queries read only
that batch's rows (through an index on the batch's id): the time grows with the book, the memory
stays that of one batch.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from backend.accounts.models import Account, Transaction
from backend.arrangements.models import Arrangement
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
    "used_and_available": "used is the balance plus plan principal no bill has reached yet, as the ledger "
                          "gives it; available = limit − used, never below 0",
    "minimum_from_the_rules": "each bill's minimum is the rules' minimum of its parts, never above what it asks",
    "past_due_and_bucket": "overdue exactly when money is past due, from a due date of a bill; nobody in credit is overdue",
    "disputed_is_open_disputes": "each account's (and its latest bill's) disputed money is what open disputes hold",
    "credited_within_amount": "no transaction is credited beyond its amount",
    "no_active_plan_fully_paid": "no plan is active with all its periods paid",
    "plan_dues_match_bills": "what billed periods still owe is what the bills ask as installment dues",
    "plan_end_follows_periods": "a completed or paid-off plan has every period paid; paid off only after a payoff",
    "arrangements_in_force": "a live hardship plan keeps its plan and alone suspends penalty; a payoff bills its plan",
    "due_dates_from_rules": "each bill is due on its due day, or on the date a live extension moved it to",
    "promises_decided": "no promise to pay is still open once end of day has passed its date",
}
# Transaction types that bill installment dues (backend.billing.engine.DUE_POSTING_TYPES).
DUE_TYPES = ("installment_principal", "installment_fee", "loan_principal", "loan_interest")
OWING = ("billed", "partially_paid")
ENDED_PAID = ("completed", "paid_off")


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


def _id_ranges(session: Session, key: Any) -> Iterator[tuple[int, int]]:
    """Consecutive (first, last) id ranges of `key` (an indexed id column) holding SCAN_BATCH
    rows each (the last one fewer): each batch's queries read only its own rows, so the check
    of a big book takes time in proportion to the book and memory in proportion to one batch."""
    last = 0
    while True:
        upper = session.scalar(select(key).where(key > last).order_by(key).offset(SCAN_BATCH - 1).limit(1))
        if upper is None:
            upper = session.scalar(select(func.max(key)).where(key > last))
            if upper is None:
                return
        yield last + 1, int(upper)
        last = int(upper)


def reconcile(session: Session, today: date | None = None) -> Reconciliation:
    """Check every invariant over the whole book, in batches of SCAN_BATCH bills, accounts and
    plans; the breaks per invariant with up to EXAMPLES examples each."""
    result = Reconciliation()
    for first, last in _id_ranges(session, Bill.id):
        _check_bills(session, result, first, last)
    for first, last in _id_ranges(session, Account.id):
        _check_accounts(session, result, first, last, today)
        _check_arrangements(session, result, first, last)
    for first, last in _id_ranges(session, InstallmentPlan.id):
        _check_plans(session, result, first, last)
    _check_claims(session, result)
    return result


def _check_bills(session: Session, result: Reconciliation, first: int, last: int) -> None:
    """Bills: total = Σ lines; minimum = the rules' minimum of its parts."""
    breaks = result.breaks
    line_sums = (
        select(BillLine.bill_id, func.sum(BillLine.amount_fen).label("lines"))
        .where(BillLine.bill_id.between(first, last))
        .group_by(BillLine.bill_id).subquery()
    )
    bill_rows = select(
        Bill.id, Bill.account_id, Bill.total_fen, func.coalesce(line_sums.c.lines, 0), Bill.minimum_payment_fen,
        Bill.minimum_fixed_fen, Bill.minimum_base_fen, Bill.disputed_fen, Bill.paid_fen,
        Bill.open_interest_fen + Bill.open_fees_fen + Bill.open_installments_fen + Bill.open_principal_fen,
    ).outerjoin(line_sums, line_sums.c.bill_id == Bill.id).where(Bill.id.between(first, last))
    for bill_id, account_id, total, lines, minimum, fixed, base, disputed, paid, outstanding in session.execute(
        bill_rows
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


def _check_accounts(session: Session, result: Reconciliation, first: int, last: int, today: date | None) -> None:
    """Accounts: balance = Σ transactions = latest total + what posted since and is on no bill;
    used and available; past due and bucket; disputed money; billed periods still owing = the
    installment dues the latest bill asks + dues billed since (invariant 10)."""
    breaks = result.breaks
    in_batch = Account.id.between(first, last)
    txn_sums = (
        select(Transaction.account_id, func.sum(Transaction.amount_fen).label("total"),
               func.sum(case((Transaction.type.in_(DUE_TYPES), Transaction.amount_fen), else_=0)).label("dues"))
        .where(Transaction.account_id.between(first, last))
        .group_by(Transaction.account_id).subquery()
    )
    # What posted since the latest cut = all transactions less those on some bill's lines (a
    # transaction is on one bill at most); the same for the installment dues.
    billed_txns = (
        select(Bill.account_id, func.sum(BillLine.amount_fen).label("total"),
               func.sum(case((BillLine.type.in_(DUE_TYPES), BillLine.amount_fen), else_=0)).label("dues"))
        .join(BillLine, BillLine.bill_id == Bill.id)
        .where(BillLine.transaction_id.is_not(None), Bill.account_id.between(first, last))
        .group_by(Bill.account_id).subquery()
    )
    latest = (
        select(Bill.account_id, func.max(Bill.statement_date).label("statement_date"))
        .where(Bill.account_id.between(first, last))
        .group_by(Bill.account_id).subquery()
    )
    latest_bill = (
        select(Bill.id, Bill.account_id, Bill.total_fen, Bill.due_date, Bill.statement_date, Bill.disputed_fen,
               Bill.open_installments_fen)
        .join(latest, (latest.c.account_id == Bill.account_id) & (latest.c.statement_date == Bill.statement_date))
        .subquery()
    )
    # Plan principal not yet billed: as the overview counts it (periods still `scheduled`), and
    # as the bills say it must be (a cut bills every period due by its due date, so only periods
    # due after the latest bill's due date can still be unbilled). And what billed periods still owe.
    scheduled = InstallmentPeriod.status == "scheduled"
    periods = (
        select(
            InstallmentPeriod.account_id,
            func.sum(case((scheduled, InstallmentPeriod.principal_fen), else_=0)).label("principal"),
            func.sum(case(
                (scheduled & (latest_bill.c.due_date.is_(None) | (InstallmentPeriod.due_date > latest_bill.c.due_date)),
                 InstallmentPeriod.principal_fen),
                else_=0,
            )).label("after_latest"),
            func.sum(case(
                (InstallmentPeriod.status.in_(OWING),
                 InstallmentPeriod.principal_fen + InstallmentPeriod.fee_fen - InstallmentPeriod.paid_fen),
                else_=0,
            )).label("owed"),
        )
        .outerjoin(latest_bill, latest_bill.c.account_id == InstallmentPeriod.account_id)
        .where(InstallmentPeriod.status.in_(("scheduled", *OWING)), InstallmentPeriod.account_id.between(first, last))
        .group_by(InstallmentPeriod.account_id).subquery()
    )
    holdings = open_dispute_holdings().subquery()
    open_held = (
        select(holdings.c.account_id, func.sum(holdings.c.held).label("held"))
        .where(holdings.c.account_id.between(first, last))
        .group_by(holdings.c.account_id).subquery()
    )
    # Open disputes on money the latest bill holds (posted before its cut).
    held_on_bill = (
        select(holdings.c.account_id, func.sum(holdings.c.held).label("held"))
        .join(Transaction, Transaction.id == holdings.c.transaction_id)
        .join(latest_bill, latest_bill.c.account_id == holdings.c.account_id)
        .where(Transaction.business_date < latest_bill.c.statement_date, holdings.c.account_id.between(first, last))
        .group_by(holdings.c.account_id).subquery()
    )
    due_dates = select(Bill.due_date).where(Bill.account_id == Account.id, Bill.due_date == Account.overdue_since)
    account_rows = (
        select(
            Account.id, Account.balance_fen, func.coalesce(txn_sums.c.total, 0),
            latest_bill.c.total_fen, func.coalesce(txn_sums.c.total, 0) - func.coalesce(billed_txns.c.total, 0),
            Account.credit_balance_fen, Account.past_due_fen, Account.overdue_since,
            func.coalesce(periods.c.principal, 0), Account.disputed_fen,
            func.coalesce(open_held.c.held, 0), due_dates.exists(),
            latest_bill.c.disputed_fen, func.coalesce(held_on_bill.c.held, 0),
            Account.credit_limit_fen, func.coalesce(periods.c.after_latest, 0),
            latest_bill.c.id, func.coalesce(periods.c.owed, 0), func.coalesce(latest_bill.c.open_installments_fen, 0),
            func.coalesce(txn_sums.c.dues, 0) - func.coalesce(billed_txns.c.dues, 0),
        )
        .outerjoin(txn_sums, txn_sums.c.account_id == Account.id)
        .outerjoin(billed_txns, billed_txns.c.account_id == Account.id)
        .outerjoin(latest_bill, latest_bill.c.account_id == Account.id)
        .outerjoin(periods, periods.c.account_id == Account.id)
        .outerjoin(open_held, open_held.c.account_id == Account.id)
        .outerjoin(held_on_bill, held_on_bill.c.account_id == Account.id)
        .where(in_batch)
    )
    for (account_id, balance, txn_total, latest_total, since, credit, past_due, overdue_since, unbilled,
         disputed, held, from_a_due_date, bill_disputed, bill_held, limit, unbilled_by_bills,
         latest_id, owed, dues_on_bill, dues_since) in session.execute(account_rows):
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
        # used/available as the overview shows them (stored balance, periods still scheduled) and
        # as the ledger gives them (Σ transactions, periods the bills have not reached).
        shown_used, shown_available = rules.used_and_available(balance, unbilled, limit)
        ledger_used, ledger_available = rules.used_and_available(txn_total, unbilled_by_bills, limit)
        if (shown_used, shown_available) != (ledger_used, ledger_available) or not (
            0 <= shown_available <= limit and shown_available == max(0, limit - shown_used)
        ):
            breaks["used_and_available"].add(
                f"account {account_id}: shown used {shown_used} / available {shown_available}; the ledger gives "
                f"{ledger_used} / {ledger_available} (transactions {txn_total} + plan principal due after the "
                f"latest bill {unbilled_by_bills}; limit {limit})")
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
        if owed != dues_on_bill + dues_since:
            breaks["plan_dues_match_bills"].add(
                f"account {account_id}: billed periods owe {owed}; bill {latest_id} asks {dues_on_bill} as "
                f"installment dues and {dues_since} was billed since")


def _check_plans(session: Session, result: Reconciliation, first: int, last: int) -> None:
    """Plans: schedules sum exactly; none active with every period paid; a completed or paid-off
    plan has every period paid or waived, and is paid off only after a payoff (invariant 11)."""
    breaks = result.breaks
    period_sums = (
        select(
            InstallmentPeriod.plan_id,
            func.sum(InstallmentPeriod.principal_fen).label("principal"),
            func.sum(InstallmentPeriod.fee_fen).label("fee"),
            func.count().label("periods"),
            func.sum(case((InstallmentPeriod.status.in_(("paid", "waived")), 1), else_=0)).label("settled"),
        )
        .where(InstallmentPeriod.plan_id.between(first, last))
        .group_by(InstallmentPeriod.plan_id).subquery()
    )
    plan_rows = select(
        InstallmentPlan.id, InstallmentPlan.account_id, InstallmentPlan.status, InstallmentPlan.principal_fen,
        InstallmentPlan.fee_fen, period_sums.c.principal, period_sums.c.fee, period_sums.c.periods,
        period_sums.c.settled, InstallmentPlan.payoff_on,
    ).outerjoin(period_sums, period_sums.c.plan_id == InstallmentPlan.id).where(InstallmentPlan.id.between(first, last))
    for plan_id, account_id, status, principal, fee, p_sum, f_sum, periods, settled, payoff_on in session.execute(
        plan_rows
    ):
        result.plans += 1
        if (p_sum or 0) != principal or (f_sum or 0) != fee:
            breaks["schedule_sums_exactly"].add(
                f"plan {plan_id} (account {account_id}): principal {principal} / fee {fee}, "
                f"periods sum to {p_sum} / {f_sum}")
        if status == "active" and periods and settled == periods:
            breaks["no_active_plan_fully_paid"].add(f"plan {plan_id} (account {account_id}): all {periods} periods paid")
        open_periods = (periods or 0) - (settled or 0)
        if status in ENDED_PAID and (open_periods or (status == "paid_off") != (payoff_on is not None)):
            breaks["plan_end_follows_periods"].add(
                f"plan {plan_id} (account {account_id}): {status} with {open_periods} periods not paid, "
                f"payoff set up on {payoff_on}")


def _check_claims(session: Session, result: Reconciliation) -> None:
    """Claims: no transaction credited beyond its amount (only transactions with a case)."""
    breaks = result.breaks
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


def _check_arrangements(session: Session, result: Reconciliation, first: int, last: int) -> None:
    """Arrangements of the accounts `first`..`last` (invariants 12–14): a live hardship plan keeps
    its plan and alone suspends penalty; a payoff bills its plan; each bill is due on its due day
    or where a live extension of it moved it; no promise still open once end of day passed its date."""
    breaks = result.breaks
    in_batch = Arrangement.account_id.between(first, last)
    unbilled = select(InstallmentPeriod.id).where(
        InstallmentPeriod.plan_id == Arrangement.plan_id, InstallmentPeriod.status == "scheduled").exists()
    live = session.execute(
        select(Arrangement.id, Arrangement.account_id, Arrangement.type, Arrangement.status, Arrangement.plan_id,
               Arrangement.bill_id, Arrangement.quote, Arrangement.terms, InstallmentPlan.id.label("plan_found"),
               InstallmentPlan.status.label("plan_status"), InstallmentPlan.payoff_on, unbilled.label("unbilled"),
               Account.eod_through)
        .join(Account, Account.id == Arrangement.account_id)
        .outerjoin(InstallmentPlan, InstallmentPlan.id == Arrangement.plan_id)
        .where(in_batch,
               Arrangement.type.in_(("hardship_plan", "plan_payoff", "due_date_extension", "promise_to_pay")),
               Arrangement.status.in_(("active", "completed")))
        .order_by(Arrangement.id)
    ).all()

    # 12. Live arrangements and their plans; penalty suspended exactly under a live hardship plan.
    hardship_accounts = {row.account_id for row in live if row.type == "hardship_plan" and row.status == "active"}
    for row in live:
        plan_status = row.plan_status if row.plan_found is not None else None
        problem = None
        if row.type == "hardship_plan" and row.status == "active":
            if plan_status not in ("active", *ENDED_PAID):
                problem = f"hardship plan in force, its plan {row.plan_id} is {plan_status or 'missing'}"
        elif row.type == "plan_payoff" and row.status == "active":
            if plan_status is None or row.payoff_on is None or row.unbilled:
                problem = f"payoff in force, its plan {row.plan_id} is not billed in full"
        elif row.type == "plan_payoff" and row.status == "completed":
            if plan_status != "paid_off":
                problem = f"payoff completed, its plan {row.plan_id} is {plan_status or 'missing'}"
        if problem:
            breaks["arrangements_in_force"].add(f"arrangement {row.id} (account {row.account_id}): {problem}")
    suspended = set(session.scalars(
        select(Account.id).where(Account.id.between(first, last), Account.penalty_suspended.is_(True))))
    for account_id in sorted(suspended - hardship_accounts):
        breaks["arrangements_in_force"].add(f"account {account_id}: penalty suspended without a hardship plan")
    for account_id in sorted(hardship_accounts - suspended):
        breaks["arrangements_in_force"].add(f"account {account_id}: a hardship plan in force, penalty not suspended")

    # 13. Due dates: the due day, or the date a live extension of that bill moved it to.
    extended: dict[int, set[str]] = {}
    for row in live:
        if row.type == "due_date_extension" and row.bill_id is not None:
            extended.setdefault(row.bill_id, set()).add(str(row.quote.get("effects", {}).get("new_due_date")))
    bill_rows = select(Bill.id, Bill.account_id, Bill.statement_date, Bill.due_date, Account.due_day).join(
        Account, Account.id == Bill.account_id).where(Bill.account_id.between(first, last)).order_by(Bill.id)
    for bill_id, account_id, statement_date, due_date, due_day in session.execute(bill_rows):
        if due_date != rules.due_date_for(statement_date, due_day) and due_date.isoformat() not in extended.get(
            bill_id, ()
        ):
            breaks["due_dates_from_rules"].add(
                f"bill {bill_id} (account {account_id}): due {due_date}, its due day is {due_day} and no "
                "extension moved it there")

    # 14. Promises: decided by the end of day of their date.
    for row in live:
        if row.type != "promise_to_pay" or row.status != "active":
            continue
        promised = date.fromisoformat(str(row.terms["promised_date"]))
        if row.eod_through is not None and row.eod_through >= promised:
            breaks["promises_decided"].add(
                f"arrangement {row.id} (account {row.account_id}): promised for {promised}, still open after "
                f"end of day through {row.eod_through}")

"""The billing engine: what happens to an account on a repayment and at the end of a day.

The engine works on any objects carrying the attributes of the protocols below: the ORM
models (`backend.accounts.models`) when the end-of-day job runs against the database, and
plain dataclasses (`backend.billing.book`) when the demo generator simulates a year of
history in memory. One set of rules, two storage shapes, so demo data is consistent with
the rules by construction.

Day order in `end_of_day(day)`: the latest bill's due date is judged (payments through
`day` count), the day's interest or penalty accrues, and when tomorrow is the 1st the
statement is cut (it holds everything posted up to and including `day`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from backend.billing import rules
from backend.billing.rules import Components

# Transaction types and which part of a bill they add to. Signed: owed more is positive.
COMPONENT_OF_TYPE: dict[str, str] = {
    "purchase": "principal_fen",
    "refund": "principal_fen",
    "loan_disbursement": "principal_fen",
    "installment_conversion": "principal_fen",
    "installment_principal": "installments_fen",
    "installment_fee": "installments_fen",
    "loan_principal": "installments_fen",
    "loan_interest": "installments_fen",
    "fee": "fees_fen",
    "interest": "interest_fen",
    "penalty_interest": "interest_fen",
    "fee_waiver": "interest_fen",  # waives penalty interest or interest (credit)
    "fee_reversal": "fees_fen",  # waives fees (credit)
    "adjustment": "principal_fen",
    # Casework money events: each is one append-only transaction.
    "dispute_provisional_credit": "principal_fen",  # credit while a dispute is investigated
    "dispute_provisional_credit_reversal": "principal_fen",  # takes that credit back
    "dispute_refund": "principal_fen",  # the disputed amount credited for good
    "write_off": "principal_fen",  # fraud confirmed, or a dispute written off: not owed
    # Repayment arrangements: the latest bill's balance moved into a bill-installment or a
    # hardship plan (credits; the plan then bills its periods).
    "bill_installment_conversion": "principal_fen",
    "hardship_conversion": "principal_fen",
}
REPAYMENT_TYPES = frozenset({"repayment"})
# Credits applied to the latest bill when they post (`settle_on_bill`): they lower what that
# bill still owes at once and go on it as lines (its total drops by them), so the next statement
# leaves them out of its cycle; a cut that meets one anyway (posted before they were lines) does
# not net it into its components again. Post these types only through `settle_on_bill`.
BILL_SETTLEMENT_TYPES = frozenset(
    {"fee_waiver", "fee_reversal", "bill_installment_conversion", "hardship_conversion"}
)
TRANSACTION_TYPES = tuple(COMPONENT_OF_TYPE) + tuple(sorted(REPAYMENT_TYPES))

# What a period of each plan kind posts when it is billed: (principal type, fee type).
DUE_POSTING_TYPES: dict[str, tuple[str, str]] = {
    "bill_installment": ("installment_principal", "installment_fee"),
    "transaction_installment": ("installment_principal", "installment_fee"),
    "hardship_plan": ("installment_principal", "installment_fee"),
    "cash_loan": ("loan_principal", "loan_interest"),
}


class AccountNotOpen(Exception):
    """A purchase or disbursement on an account that is frozen, closed or charged off."""


class NothingToBill(Exception):
    """No activity and nothing owed: no bill is cut this month."""


class AccountLike(Protocol):
    product: str
    status: str
    due_day: int
    balance_fen: int
    credit_balance_fen: int
    past_due_fen: int
    overdue_since: date | None
    accrued_interest_ufen: int
    accrued_penalty_ufen: int
    disputed_fen: int
    penalty_suspended: bool


class BillLike(Protocol):
    statement_date: date
    due_date: date
    previous_balance_fen: int
    carried_fen: int
    total_fen: int
    minimum_payment_fen: int
    paid_fen: int
    status: str
    due_evaluated: bool
    open_interest_fen: int
    open_fees_fen: int
    open_installments_fen: int
    open_principal_fen: int
    # The parts of the minimum (docs/rules.md, "Minimum payment") and the money under open
    # dispute among this bill's charges.
    minimum_fixed_fen: int
    minimum_base_fen: int
    disputed_fen: int
    # What is still owed of the debt carried from earlier bills, by part: the interest base
    # before the due date (docs/rules.md, "The interest base").
    carried_interest_fen: int
    carried_fees_fen: int
    carried_installments_fen: int
    carried_principal_fen: int


class PeriodLike(Protocol):
    period: int
    due_date: date
    principal_fen: int
    fee_fen: int
    paid_fen: int
    status: str


class PlanLike(Protocol):
    kind: str
    status: str

    @property
    def periods(self) -> Sequence[Any]: ...


class PostingLike(Protocol):
    type: str
    amount_fen: int


@dataclass
class Posting:
    """A transaction the engine wants posted; the caller stores it."""

    type: str
    amount_fen: int
    business_date: date
    description: str
    merchant: str | None = None
    plan: Any = None
    period: int | None = None
    posted_at: datetime | None = None  # when known before storing (the demo generator sets it)
    # The description as a code and its parameters, for a client to word in its user's language
    # (docs/api-wording.md); `description` stays the English (or data) text.
    description_code: str | None = None
    description_params: dict[str, Any] | None = None

    def wording_params(self) -> dict[str, Any] | None:
        """The parameters to store: the plan's id joins them once the plan has one."""
        if self.description_code is None:
            return None
        params = dict(self.description_params or {})
        plan_id = getattr(self.plan, "id", None)
        if plan_id is not None:
            params.setdefault("plan_id", plan_id)
        return params


@dataclass
class StatementDraft:
    """A bill the engine has cut; the caller stores it with its lines."""

    statement_date: date
    due_date: date
    cycle_start: date | None
    previous_balance_fen: int
    carried_fen: int
    total_fen: int
    minimum_payment_fen: int
    components: Components
    minimum_fixed_fen: int
    minimum_base_fen: int
    disputed_fen: int
    carried_owed: Components  # what is owed of the carried debt after the cut (credits used on it)
    # (posting or stored transaction, or None for the previous-balance line, amount_fen)
    lines: list[tuple[Any, int]] = field(default_factory=list)


@dataclass
class EndOfDayResult:
    postings: list[Posting] = field(default_factory=list)
    statement: StatementDraft | None = None


def bill_components(bill: BillLike) -> Components:
    return Components(
        bill.open_interest_fen, bill.open_fees_fen, bill.open_installments_fen, bill.open_principal_fen
    )


def set_bill_components(bill: BillLike, comps: Components) -> None:
    bill.open_interest_fen = comps.interest_fen
    bill.open_fees_fen = comps.fees_fen
    bill.open_installments_fen = comps.installments_fen
    bill.open_principal_fen = comps.principal_fen


def bill_carried_owed(bill: BillLike) -> Components:
    return Components(bill.carried_interest_fen, bill.carried_fees_fen, bill.carried_installments_fen,
                      bill.carried_principal_fen)


def _set_bill_carried_owed(bill: BillLike, comps: Components) -> None:
    bill.carried_interest_fen = comps.interest_fen
    bill.carried_fees_fen = comps.fees_fen
    bill.carried_installments_fen = comps.installments_fen
    bill.carried_principal_fen = comps.principal_fen


def take_off_carried(bill: BillLike, taken: Components, *, carried_first: bool = True) -> None:
    """`taken` has come off what the bill owes: say what of it was carried debt (docs/rules.md,
    "The interest base"). A repayment, a settlement or a credit on money billed before this
    cycle takes the carried part of each component first (oldest first); a credit on this
    cycle's money takes the new part first. The carried debt never exceeds what the bill owes."""
    owed = bill_components(bill)
    carried = bill_carried_owed(bill)
    kept: dict[str, int] = {}
    for name in rules.ALLOCATION_ORDER:
        still = getattr(carried, name) - getattr(taken, name) if carried_first else getattr(carried, name)
        kept[name] = max(0, min(still, getattr(owed, name)))
    _set_bill_carried_owed(bill, Components(**kept))


def bill_outstanding_fen(bill: BillLike) -> int:
    return bill.open_interest_fen + bill.open_fees_fen + bill.open_installments_fen + bill.open_principal_fen


def bill_status(bill: BillLike, today: date) -> str:
    """open, partially_paid, paid or overdue, from what is paid and whether the due date passed."""
    if bill_outstanding_fen(bill) <= 0:
        return "paid"
    if bill.due_evaluated and bill.paid_fen < bill.minimum_payment_fen:
        return "overdue"
    return "partially_paid" if bill.paid_fen > 0 else "open"


def shown_bill_status(stored: str, *, superseded: bool, due_date: date, overdue_since: date | None) -> str:
    """The status a bill is shown with: the one the engine keeps, except for a bill a later
    statement superseded that was overdue when it was last judged. Its unpaid rest went on the
    later bill, so it is overdue only while the account's delinquency that began by its due
    date lasts; once the account is cured (paid, credited, a hardship plan) it is
    ``carried_over``, so no bill says Overdue beside an account that is not."""
    if stored == "overdue" and superseded and (overdue_since is None or overdue_since > due_date):
        return "carried_over"
    return stored


def post(account: AccountLike, posting: PostingLike) -> None:
    """Book a charge or credit on the account's balance (not a repayment: see `apply_repayment`)."""
    if posting.type in REPAYMENT_TYPES:
        raise ValueError("repayments go through apply_repayment")
    if posting.type not in COMPONENT_OF_TYPE:
        raise ValueError(f"unknown transaction type {posting.type!r}")
    if posting.type in {"purchase", "loan_disbursement"} and account.status != "active":
        raise AccountNotOpen(f"account is {account.status}")
    account.balance_fen += posting.amount_fen


def apply_repayment(
    account: AccountLike, bill: BillLike | None, plans: Iterable[PlanLike], amount_fen: int, today: date
) -> Components:
    """Take a repayment: allocate it over the latest bill, keep the rest as credit.

    Reduces the past-due amount (curing the account when it reaches zero) and marks the
    installment periods it pays. Returns what each component of the bill received.
    """
    if amount_fen <= 0:
        raise ValueError("a repayment must be positive")
    account.balance_fen -= amount_fen
    applied = Components()
    left = amount_fen
    if bill is not None:
        applied, left = rules.allocate(amount_fen, bill_components(bill))
        set_bill_components(bill, bill_components(bill).minus(applied))
        take_off_carried(bill, applied)
        bill.paid_fen += applied.total_fen
        pay_periods(plans, applied.installments_fen)
    account.credit_balance_fen += left
    if account.past_due_fen > 0:
        account.past_due_fen = max(0, account.past_due_fen - amount_fen)
        if account.past_due_fen == 0:
            account.overdue_since = None
    if bill is not None:
        bill.status = bill_status(bill, today)
    return applied


# Periods that owe money billed to the account (their dues are on a bill), and periods done with.
OWING_PERIOD_STATUSES = ("billed", "partially_paid")
SETTLED_PERIOD_STATUSES = ("paid", "waived")


def settle_plan(plan: PlanLike) -> None:
    """Decide once whether a plan has ended (docs/rules.md, "When a plan ends"): an active plan
    whose periods are all paid (or waived) is `completed`, or `paid_off` when its payoff was set
    up. Every path that marks periods paid calls this; a broken plan stays broken."""
    if plan.status != "active" or not plan.periods:
        return
    if all(p.status in SETTLED_PERIOD_STATUSES for p in plan.periods):
        plan.status = "paid_off" if getattr(plan, "payoff_on", None) is not None else "completed"


def pay_periods(plans: Iterable[PlanLike], amount_fen: int) -> int:
    """Installment dues paid (`amount_fen` taken off what the bills owe as installments, by a
    repayment, a credit used at a cut, a credit or a settlement): spread over the billed periods
    still owing, earliest due first, whatever the plan's status (a broken plan's billed periods
    are still owed). Marks each period paid or partially paid and settles each plan it touched.
    Returns what found no period (0 when the bills and the plans agree)."""
    if amount_fen <= 0:
        return 0
    owed = [
        (p.due_date, index, plan, p)
        for index, plan in enumerate(plans)
        for p in plan.periods
        if p.status in OWING_PERIOD_STATUSES
    ]
    owed.sort(key=lambda row: (row[0], row[1], row[3].period))
    left = amount_fen
    touched: dict[int, PlanLike] = {}  # by identity: two plans may have equal fields
    for _due, _index, plan, period in owed:
        if left <= 0:
            break
        take = min(left, period.principal_fen + period.fee_fen - period.paid_fen)
        period.paid_fen += take
        left -= take
        period.status = "paid" if period.paid_fen >= period.principal_fen + period.fee_fen else "partially_paid"
        touched[id(plan)] = plan
    for plan in touched.values():
        settle_plan(plan)
    return left


def settle_on_bill(account: AccountLike, bill: BillLike, plans: Iterable[PlanLike], parts: Components,
                   today: date) -> None:
    """Take `parts` off what the latest bill still owes, because an arrangement moved them into
    a plan or waived them (the caller posts the matching BILL_SETTLEMENT_TYPES credit).

    No money is received, so `paid_fen` stays; installment dues among `parts` mark their
    periods paid, as a repayment would (the debt now lives in the new plan). The minimum drops
    by the parts it holds at 100% (interest, fees, installment dues); settled purchase
    principal leaves its 10% base, except the money under open dispute, which stays on the bill
    and in the base it is left out of (past-due principal beyond that leaves the 100% part). It
    never exceeds what is left to pay. Once the due date has been judged, the past-due amount
    follows the minimum, so the bill's status and the account's agree: a bill moved into a
    hardship plan is not overdue beside a cured account.
    """
    owed = bill_components(bill)
    for name in rules.ALLOCATION_ORDER:
        if not 0 <= getattr(parts, name) <= getattr(owed, name):
            raise ValueError(f"cannot settle {getattr(parts, name)} of {name}: the bill owes {getattr(owed, name)}")
    set_bill_components(bill, owed.minus(parts))
    take_off_carried(bill, parts)
    pay_periods(plans, parts.installments_fen)
    from_base = min(max(0, bill.minimum_base_fen - max(0, bill.disputed_fen)), parts.principal_fen)
    bill.minimum_base_fen -= from_base
    in_full = parts.principal_fen - from_base + parts.interest_fen + parts.fees_fen + parts.installments_fen
    bill.minimum_fixed_fen = max(0, bill.minimum_fixed_fen - in_full)
    refresh_minimum(account, bill, today)


def refresh_minimum(account: AccountLike, bill: BillLike, today: date) -> None:
    """Recompute the bill's minimum from its parts (docs/rules.md, "Credits count at once").

    The minimum never exceeds what the bill asks in all (paid + outstanding). Once the due date
    has been judged, a lower minimum lowers the past-due amount with it (and cures the account
    when nothing is short any more); a higher one never makes anybody overdue after the fact.
    """
    bill.minimum_payment_fen = rules.minimum_from_parts(
        rules.MinimumParts(bill.minimum_fixed_fen, bill.minimum_base_fen),
        bill.disputed_fen,
        bill.paid_fen + bill_outstanding_fen(bill),
    )
    if bill.due_evaluated and account.past_due_fen > 0:
        account.past_due_fen = max(0, min(account.past_due_fen, bill.minimum_payment_fen - bill.paid_fen))
        if account.past_due_fen == 0:
            account.overdue_since = None
    bill.status = bill_status(bill, today)


def credit_bill(account: AccountLike, bill: BillLike, plans: Iterable[PlanLike], credit_fen: int, today: date,
                first: str = "principal_fen", on_carried: bool = False,
                first_limit: int | None = None) -> Components:
    """A credit on money this bill holds (docs/rules.md, "Credits count at once"): it comes off
    what the bill still owes at once, `first` (purchase principal) first, then in allocation
    order; what the bill no longer owes is kept as the account's credit. The bill's total drops
    by the credit (the caller adds its line) and its minimum is recomputed: credited principal
    leaves the 10% base, anything else leaves the part owed at 100%. No money is received, so
    `paid_fen` stays. `first_limit`: at most that much from `first`. `on_carried`: the credited
    money was billed before this bill's cycle, so
    the credit lowers the carried debt first (else this cycle's charges first). Returns what each
    component gave up.
    """
    if credit_fen <= 0:
        raise ValueError("a credit must be positive")
    owed = bill_components(bill)
    head = min(credit_fen, max(0, getattr(owed, first)), *(() if first_limit is None else (max(0, first_limit),)))
    rest_owed = owed.minus(Components(**{first: head}))
    more, left = rules.allocate(credit_fen - head, rest_owed)
    taken = more.plus(Components(**{first: head}))
    set_bill_components(bill, owed.minus(taken))
    take_off_carried(bill, taken, carried_first=on_carried)
    bill.total_fen -= credit_fen
    account.credit_balance_fen += left
    from_base = min(bill.minimum_base_fen, taken.principal_fen)
    bill.minimum_base_fen -= from_base
    in_full = taken.principal_fen - from_base + taken.interest_fen + taken.fees_fen + taken.installments_fen
    bill.minimum_fixed_fen = max(0, bill.minimum_fixed_fen - in_full)
    # Installment dues taken beyond the head are other periods' dues: they are paid. (A head of
    # installment dues is a shrunk plan's own, already taken off its periods by the caller.)
    pay_periods(plans, taken.installments_fen - (head if first == "installments_fen" else 0))
    refresh_minimum(account, bill, today)
    return taken


def debit_bill(account: AccountLike, bill: BillLike, amount_fen: int, today: date) -> None:
    """A credit taken back (a provisional credit reversed) on money this bill holds: it uses up
    the account's credit first, and the rest is owed again on this bill as purchase principal
    (in the 10% base). The bill's total rises by the amount; the caller adds its line."""
    if amount_fen <= 0:
        raise ValueError("a debit must be positive")
    from_credit = min(account.credit_balance_fen, amount_fen)
    account.credit_balance_fen -= from_credit
    bill.open_principal_fen += amount_fen - from_credit
    bill.minimum_base_fen += amount_fen - from_credit
    bill.total_fen += amount_fen
    refresh_minimum(account, bill, today)


def bill_dues_now(account: AccountLike, bill: BillLike, plans: Iterable[PlanLike], amount_fen: int,
                  today: date) -> None:
    """Installment dues made due at once on the latest bill (an early payoff, docs/rules.md
    "Paying a plan off early"): the credit the account holds pays them first (their periods are
    paid); the rest is owed on this bill as installment dues, at 100% of its minimum. The bill's
    total rises by the amount; the caller adds its line."""
    if amount_fen <= 0:
        raise ValueError("dues must be positive")
    from_credit = min(account.credit_balance_fen, amount_fen)
    account.credit_balance_fen -= from_credit
    bill.total_fen += amount_fen
    bill.open_installments_fen += amount_fen - from_credit
    bill.minimum_fixed_fen += amount_fen - from_credit
    pay_periods(plans, from_credit)
    refresh_minimum(account, bill, today)


def change_bill_disputed(account: AccountLike, bill: BillLike, delta_fen: int, today: date) -> None:
    """Money on this bill put under open dispute (positive) or out of it (negative): it leaves
    (or rejoins) the 10% base of the minimum and the penalty base (docs/rules.md, "Disputes")."""
    bill.disputed_fen = max(0, bill.disputed_fen + delta_fen)
    refresh_minimum(account, bill, today)


def evaluate_due_date(account: AccountLike, bill: BillLike, today: date) -> None:
    """At the end of the due date: less than the minimum paid makes the account overdue."""
    bill.due_evaluated = True
    shortfall = bill.minimum_payment_fen - bill.paid_fen
    if shortfall > 0:
        # The bill's minimum already holds the older past-due amount, so this replaces it.
        account.past_due_fen = shortfall
        if account.overdue_since is None:
            account.overdue_since = bill.due_date
    else:
        account.past_due_fen = 0
        account.overdue_since = None
    bill.status = bill_status(bill, today)


def accrual_base_fen(bill: BillLike, day: date) -> int:
    """The amount that bears interest on `day`.

    After the bill's due date, all that is unpaid of it; before, only what is still owed of the
    debt carried over from earlier bills (new charges are interest-free until their due date).
    """
    outstanding = bill_outstanding_fen(bill)
    if day > bill.due_date:
        return outstanding
    # What is still owed of the carried debt (docs/rules.md, "The interest base"): a payment
    # lowers it only by what its allocation put on that debt, not by what went to this bill's
    # new interest, fees or installment dues first.
    return max(0, min(outstanding, bill_carried_owed(bill).total_fen))


def accrue_day(account: AccountLike, bill: BillLike | None, day: date) -> None:
    """One day of interest (paid at least the minimum) or penalty interest (overdue)."""
    if bill is None:
        return
    base = accrual_base_fen(bill, day)
    if base <= 0:
        return
    if account.past_due_fen > 0:
        if account.penalty_suspended:
            return
        # Money of this bill under open dispute bears no penalty while the dispute is open.
        account.accrued_penalty_ufen += rules.daily_accrual_ufen(
            base - max(0, bill.disputed_fen), rules.DAILY_PENALTY_PPM
        )
    else:
        account.accrued_interest_ufen += rules.daily_accrual_ufen(base, rules.DAILY_INTEREST_PPM)


def due_postings(plans: Iterable[PlanLike], due_date: date, posted_on: date) -> list[Posting]:
    """Bill every scheduled period due on or before `due_date`: its principal and its fee."""
    postings: list[Posting] = []
    for plan in plans:
        if plan.status != "active":
            continue
        principal_type, fee_type = DUE_POSTING_TYPES[plan.kind]
        for period in plan.periods:
            if period.status != "scheduled" or period.due_date > due_date:
                continue
            period.status = "billed"
            # Which plan: its own description (for a converted purchase, the merchant and terms).
            plan_text = str(getattr(plan, "description", "") or "")
            label = f"{plan.kind.replace('_', ' ')} {period.period}/{len(plan.periods)}"
            label = (f"{label}: {plan_text}" if plan_text else label)[:128]
            params = {"plan_kind": plan.kind, "period": period.period, "periods": len(plan.periods),
                      "plan": plan_text}
            postings.append(Posting(principal_type, period.principal_fen, posted_on, label, plan=plan,
                                    period=period.period, description_code="installment_due",
                                    description_params=params))
            if period.fee_fen:
                postings.append(Posting(fee_type, period.fee_fen, posted_on, label, plan=plan,
                                        period=period.period, description_code="installment_due",
                                        description_params=params))
    return postings


def cut_statement(
    account: AccountLike,
    previous: BillLike | None,
    plans: Sequence[PlanLike],
    cycle_transactions: Sequence[PostingLike],
    statement_date: date,
) -> tuple[StatementDraft, list[Posting]]:
    """Cut the bill dated `statement_date` (the 1st).

    Posts (and returns) the cycle's accrued interest and penalty and the installment dues of
    the new bill; the bill's lines are the previous balance, everything posted in the cycle
    and those new postings, so the bill's total is exactly the sum of its lines and equals
    the account balance at the cut.
    """
    closing_day = statement_date - timedelta(days=1)
    due_date = rules.due_date_for(statement_date, account.due_day)
    new_postings: list[Posting] = []
    interest = rules.ufen_to_fen(account.accrued_interest_ufen)
    if interest:
        new_postings.append(Posting("interest", interest, closing_day, "Interest",
                                     description_code="interest"))
    penalty = rules.ufen_to_fen(account.accrued_penalty_ufen)
    if penalty:
        new_postings.append(Posting("penalty_interest", penalty, closing_day, "Penalty interest",
                                     description_code="penalty_interest"))
    account.accrued_interest_ufen = 0
    account.accrued_penalty_ufen = 0
    new_postings.extend(due_postings(plans, due_date, closing_day))
    if not cycle_transactions and not new_postings and (previous is None or bill_outstanding_fen(previous) == 0):
        raise NothingToBill
    for posting in new_postings:
        post(account, posting)

    charges: dict[str, int] = {name: 0 for name in rules.ALLOCATION_ORDER}
    lines: list[tuple[Any, int]] = []
    previous_total = previous.total_fen if previous is not None else 0
    if previous is not None:
        lines.append((None, previous_total))
    for item in [*cycle_transactions, *new_postings]:
        lines.append((item, item.amount_fen))
        if item.type not in REPAYMENT_TYPES and item.type not in BILL_SETTLEMENT_TYPES:
            charges[COMPONENT_OF_TYPE[item.type]] += item.amount_fen
    carried = bill_components(previous) if previous is not None else Components()
    raw = carried.plus(Components(**charges))
    comps, credit_left = rules.normalize_components(raw, account.credit_balance_fen)
    account.credit_balance_fen = credit_left
    # Installment dues the cycle's credits paid (a refund, credit kept from an overpayment):
    # their periods are paid, as a repayment would pay them.
    pay_periods(plans, max(0, raw.installments_fen) - comps.installments_fen)
    # The carried debt still owed: credit used at the cut pays the oldest first.
    carried_owed = Components(*(
        max(0, min(getattr(comps, f), getattr(carried, f) - (max(0, getattr(raw, f)) - getattr(comps, f))))
        for f in rules.ALLOCATION_ORDER
    ))
    total = sum(amount for _, amount in lines)
    parts = rules.minimum_parts(comps, account.past_due_fen, carried)
    disputed = max(0, account.disputed_fen)
    draft = StatementDraft(
        statement_date=statement_date,
        due_date=due_date,
        cycle_start=previous.statement_date if previous is not None else None,
        previous_balance_fen=previous_total,
        carried_fen=carried.total_fen,
        total_fen=total,
        minimum_payment_fen=rules.minimum_from_parts(parts, disputed, comps.total_fen),
        components=comps,
        minimum_fixed_fen=parts.fixed_fen,
        minimum_base_fen=parts.base_fen,
        disputed_fen=disputed,
        carried_owed=carried_owed,
        lines=lines,
    )
    return draft, new_postings


def end_of_day(
    account: AccountLike,
    bill: BillLike | None,
    plans: Sequence[PlanLike],
    day: date,
    cycle_transactions: Callable[[], Sequence[PostingLike]],
) -> EndOfDayResult:
    """Close business day `day` for one account. `cycle_transactions` is called only at a cut."""
    result = EndOfDayResult()
    if bill is not None and day == bill.due_date and not bill.due_evaluated:
        evaluate_due_date(account, bill, day)
    accrue_day(account, bill, day)
    tomorrow = day + timedelta(days=1)
    if tomorrow.day == rules.STATEMENT_DAY and account.status != "closed":
        try:
            draft, postings = cut_statement(account, bill, plans, cycle_transactions(), tomorrow)
        except NothingToBill:
            return result
        result.statement = draft
        result.postings = postings
    return result

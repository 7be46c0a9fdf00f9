"""The product's numbers and the pure arithmetic of DESIGN.md §3.

Everything here works on integers (fen, parts per million, basis points) and dates;
nothing touches the database, so every rule can be tested at, below and above its edge.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

# Credit line
CREDIT_LIMIT_MIN_FEN = 500_00
CREDIT_LIMIT_MAX_FEN = 50_000_00
STATEMENT_DAY = 1
CREDIT_LINE_DUE_DAYS = (9, 10)
MINIMUM_PRINCIPAL_BP = 1000  # 10% of the bill's purchase principal
DAILY_INTEREST_PPM = 500  # 0.05% a day, parts per million
DAILY_PENALTY_PPM = 500  # 0.05% a day on the unpaid amount when overdue

# Installments: terms → total fee in basis points of principal
INSTALLMENT_FEE_BP: dict[int, int] = {3: 250, 6: 450, 9: 650, 12: 880}

# Cash loan
CASH_LOAN_DAILY_RATE_MIN_PPM = 150  # 0.015% a day
CASH_LOAN_DAILY_RATE_MAX_PPM = 600  # 0.06% a day
CASH_LOAN_TERMS = (3, 6, 12)
CASH_LOAN_DUE_DAY = 10
DAYS_PER_INTEREST_MONTH = 30  # monthly rate of a cash loan = daily rate × 30

UFEN_PER_FEN = 1_000_000  # accruals are kept in micro-fen so daily rounding never loses money


def round_half_up_div(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half away from zero, in exact integer arithmetic."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    sign = -1 if numerator < 0 else 1
    quotient, remainder = divmod(abs(numerator), denominator)
    if remainder * 2 >= denominator:
        quotient += 1
    return sign * quotient


def split_evenly(total: int, parts: int) -> list[int]:
    """`total` split into `parts` equal integers; the remainder goes on the first part."""
    if parts <= 0:
        raise ValueError("parts must be positive")
    base, remainder = divmod(total, parts)
    return [base + remainder] + [base] * (parts - 1)


def add_months(day: date, months: int, day_of_month: int | None = None) -> date:
    """The date `months` later, on `day_of_month` (default: the same day), clamped to month end."""
    month_index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(month_index, 12)
    month += 1
    wanted = day_of_month if day_of_month is not None else day.day
    return date(year, month, min(wanted, calendar.monthrange(year, month)[1]))


def first_of_next_month(day: date) -> date:
    return add_months(day.replace(day=1), 1, 1)


def due_date_for(statement_date: date, due_day: int) -> date:
    """The due date of a bill cut on `statement_date` (the 1st): the 9th or 10th of that month."""
    return statement_date.replace(day=due_day)


def validate_credit_limit(limit_fen: int) -> None:
    if not CREDIT_LIMIT_MIN_FEN <= limit_fen <= CREDIT_LIMIT_MAX_FEN:
        raise ValueError(f"credit limit must be between {CREDIT_LIMIT_MIN_FEN} and {CREDIT_LIMIT_MAX_FEN} fen")


# --- Delinquency -----------------------------------------------------------------------------

def used_and_available(balance_fen: int, unbilled_principal_fen: int, credit_limit_fen: int) -> tuple[int, int]:
    """The limit in use and what is left of it, in fen (docs/rules.md, "Used and available"):
    used = the balance (everything owed, billed or not) plus the principal of installment
    periods not yet billed, never below 0 (credit kept is not negative use); available = limit −
    used, never below 0 (interest and fees may take the balance beyond the limit)."""
    used = max(0, balance_fen + unbilled_principal_fen)
    return used, max(0, credit_limit_fen - used)


def days_past_due(overdue_since: date | None, today: date) -> int:
    """Days past due: counted from the due date that was missed (the day after it is day 1)."""
    if overdue_since is None or today <= overdue_since:
        return 0
    return (today - overdue_since).days


def delinquency_bucket(dpd: int) -> str:
    """M1 1–30, M2 31–60, M3 61–90, M4+ over 90 days past due; `current` otherwise."""
    if dpd <= 0:
        return "current"
    if dpd <= 30:
        return "M1"
    if dpd <= 60:
        return "M2"
    if dpd <= 90:
        return "M3"
    return "M4+"


# --- Allocation ------------------------------------------------------------------------------

# Repayments go to penalties and interest, then fees, then installment dues, then principal.
ALLOCATION_ORDER = ("interest_fen", "fees_fen", "installments_fen", "principal_fen")


@dataclass(frozen=True)
class Components:
    """What a bill is made of, in fen: the four parts repayments are allocated over."""

    interest_fen: int = 0  # interest and penalty interest
    fees_fen: int = 0
    installments_fen: int = 0  # installment principal and fee (and cash-loan interest) due
    principal_fen: int = 0  # purchase principal, oldest first

    @property
    def total_fen(self) -> int:
        return self.interest_fen + self.fees_fen + self.installments_fen + self.principal_fen

    def plus(self, other: Components) -> Components:
        return Components(*(getattr(self, f) + getattr(other, f) for f in ALLOCATION_ORDER))

    def minus(self, other: Components) -> Components:
        return Components(*(getattr(self, f) - getattr(other, f) for f in ALLOCATION_ORDER))


def allocate(amount_fen: int, outstanding: Components) -> tuple[Components, int]:
    """Split a payment over `outstanding` in allocation order.

    Returns what each component receives (never more than it owes) and the unapplied rest.
    """
    if amount_fen < 0:
        raise ValueError("a payment cannot be negative")
    left = amount_fen
    applied: dict[str, int] = {}
    for name in ALLOCATION_ORDER:
        take = min(left, max(0, getattr(outstanding, name)))
        applied[name] = take
        left -= take
    return Components(**applied), left


def normalize_components(raw: Components, credit_fen: int = 0) -> tuple[Components, int]:
    """Turn components that may hold negatives (refunds, credits) into non-negative ones.

    A negative principal first nets against nothing else: it becomes credit, and all credit
    is then allocated over the components in allocation order. Returns the components and
    the credit that is left over.
    """
    credit = credit_fen
    positive: dict[str, int] = {}
    for name in ALLOCATION_ORDER:
        value = getattr(raw, name)
        if value < 0:
            credit += -value
            value = 0
        positive[name] = value
    comps = Components(**positive)
    used, left = allocate(credit, comps)
    return comps.minus(used), left


# --- Minimum payment -------------------------------------------------------------------------

@dataclass(frozen=True)
class MinimumParts:
    """What a bill's minimum payment is made of (docs/rules.md, "Minimum payment").

    `fixed_fen` is owed at 100% (past-due amount, interest, penalties, fees, installment dues);
    `base_fen` is the purchase principal whose 10% is owed. Credits and disputes move these
    parts after the cut, and the minimum is always `minimum_from_parts` of them.
    """

    fixed_fen: int
    base_fen: int


def minimum_parts(
    components: Components, past_due_fen: int, carried: Components | None = None
) -> MinimumParts:
    """The parts of the minimum of a bill whose outstanding parts are `components`.

    The past-due amount is part of the debt carried from earlier bills (`carried`, default
    all of `components`), and the oldest of it, so it is taken off that in allocation order
    before the percentages apply: never counted twice, and this cycle's new charges stay whole.
    """
    pool = carried if carried is not None else components
    past_due = max(0, min(past_due_fen, pool.total_fen, components.total_fen))
    taken, _ = allocate(past_due, pool)
    rest = Components(*(max(0, getattr(components, f) - getattr(taken, f)) for f in ALLOCATION_ORDER))
    return MinimumParts(
        fixed_fen=past_due + rest.interest_fen + rest.fees_fen + rest.installments_fen,
        base_fen=rest.principal_fen,
    )


def minimum_from_parts(parts: MinimumParts, disputed_fen: int, ceiling_fen: int) -> int:
    """= the fixed part + 10% (half up) of the principal base less the money under open dispute
    on the bill, never more than `ceiling_fen` (what the bill asks in all: paid + outstanding)."""
    principal = max(0, parts.base_fen - max(0, disputed_fen))
    minimum = max(0, parts.fixed_fen) + round_half_up_div(principal * MINIMUM_PRINCIPAL_BP, 10_000)
    return max(0, min(minimum, ceiling_fen))


def minimum_payment_fen(
    components: Components, past_due_fen: int, disputed_fen: int = 0, carried: Components | None = None
) -> int:
    """Minimum payment of a bill whose outstanding parts are `components`.

    = 100% of any past-due amount + 100% of interest, penalties and fees + 100% of installment
    dues + 10% (half up) of the purchase principal; an amount under open dispute is left out.
    """
    parts = minimum_parts(components, past_due_fen, carried)
    return minimum_from_parts(parts, disputed_fen, components.total_fen)


def daily_accrual_ufen(base_fen: int, rate_ppm: int) -> int:
    """One day's interest on `base_fen` at `rate_ppm`, in micro-fen (exact)."""
    return max(0, base_fen) * rate_ppm


def ufen_to_fen(ufen: int) -> int:
    return round_half_up_div(ufen, UFEN_PER_FEN)


# --- Schedules -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ScheduledPeriod:
    period: int
    due_date: date
    principal_fen: int
    fee_fen: int

    @property
    def total_fen(self) -> int:
        return self.principal_fen + self.fee_fen


def installment_fee_fen(principal_fen: int, terms: int) -> int:
    """Total fee of an installment plan: 2.5/4.5/6.5/8.8% of principal, half up to the fen."""
    if terms not in INSTALLMENT_FEE_BP:
        raise ValueError(f"installment terms must be one of {sorted(INSTALLMENT_FEE_BP)}")
    if principal_fen <= 0:
        raise ValueError("principal must be positive")
    return round_half_up_div(principal_fen * INSTALLMENT_FEE_BP[terms], 10_000)


def installment_schedule(principal_fen: int, terms: int, first_due_date: date) -> list[ScheduledPeriod]:
    """Even split of principal and fee over `terms` monthly periods, remainder on period 1."""
    fee = installment_fee_fen(principal_fen, terms)
    principals = split_evenly(principal_fen, terms)
    fees = split_evenly(fee, terms)
    return [
        ScheduledPeriod(i + 1, add_months(first_due_date, i), principals[i], fees[i]) for i in range(terms)
    ]


def level_schedule(principal_fen: int, terms: int, first_due_date: date) -> list[ScheduledPeriod]:
    """Fee-free even split (hardship plans): remainder on the first period."""
    if principal_fen <= 0 or terms <= 0:
        raise ValueError("principal and terms must be positive")
    return [
        ScheduledPeriod(i + 1, add_months(first_due_date, i), p, 0)
        for i, p in enumerate(split_evenly(principal_fen, terms))
    ]


def cash_loan_schedule(
    principal_fen: int, terms: int, daily_rate_ppm: int, first_due_date: date
) -> list[ScheduledPeriod]:
    """Equal monthly installments (annuity) at a monthly rate of daily rate × 30.

    Each period's interest is the remaining principal × monthly rate, half up to the fen;
    the principal part is the level payment less that interest; the last period takes the
    remaining principal exactly, so principal always sums to `principal_fen`.
    """
    if terms not in CASH_LOAN_TERMS:
        raise ValueError(f"cash loan terms must be one of {CASH_LOAN_TERMS}")
    if not CASH_LOAN_DAILY_RATE_MIN_PPM <= daily_rate_ppm <= CASH_LOAN_DAILY_RATE_MAX_PPM:
        raise ValueError("daily rate out of range")
    if principal_fen <= 0:
        raise ValueError("principal must be positive")
    monthly = Fraction(daily_rate_ppm * DAYS_PER_INTEREST_MONTH, 1_000_000)
    growth = (1 + monthly) ** terms
    payment_exact = principal_fen * monthly * growth / (growth - 1)
    payment = round_half_up_div(payment_exact.numerator, payment_exact.denominator)
    remaining = principal_fen
    periods: list[ScheduledPeriod] = []
    for i in range(terms):
        interest = round_half_up_div(remaining * daily_rate_ppm * DAYS_PER_INTEREST_MONTH, 1_000_000)
        principal = remaining if i == terms - 1 else max(0, min(remaining, payment - interest))
        remaining -= principal
        periods.append(ScheduledPeriod(i + 1, add_months(first_due_date, i, CASH_LOAN_DUE_DAY), principal, interest))
    return periods


def payoff_fen(periods: list[tuple[int, int, int, bool]]) -> tuple[int, int]:
    """Amount to pay a plan off early and the fee waived.

    `periods` holds (principal_fen, fee_fen, paid_fen, billed) per period. Billed periods owe
    what is unpaid of them; periods not yet billed owe their principal only (their fee is waived).
    """
    due = 0
    waived = 0
    for principal, fee, paid, billed in periods:
        if billed:
            due += max(0, principal + fee - paid)
        else:
            due += principal
            waived += fee
    return due, waived

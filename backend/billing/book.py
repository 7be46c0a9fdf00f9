"""Plain in-memory shapes of an account, its bills and plans, for the billing engine.

The demo generator simulates history on these and then stores them in bulk; the
end-of-day job runs the same engine functions on the ORM models instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from backend.billing.engine import Posting


@dataclass(slots=True)
class BookAccount:
    product: str
    due_day: int
    credit_limit_fen: int
    status: str = "active"
    balance_fen: int = 0
    credit_balance_fen: int = 0
    past_due_fen: int = 0
    overdue_since: date | None = None
    accrued_interest_ufen: int = 0
    accrued_penalty_ufen: int = 0
    disputed_fen: int = 0
    penalty_suspended: bool = False
    daily_rate_ppm: int | None = None
    id: int = 0


@dataclass(slots=True)
class BookBill:
    statement_date: date
    due_date: date
    cycle_start: date | None
    previous_balance_fen: int
    carried_fen: int
    total_fen: int
    minimum_payment_fen: int
    open_interest_fen: int
    open_fees_fen: int
    open_installments_fen: int
    open_principal_fen: int
    lines: list[tuple[Any, int]]
    minimum_fixed_fen: int = 0
    minimum_base_fen: int = 0
    disputed_fen: int = 0
    carried_interest_fen: int = 0
    carried_fees_fen: int = 0
    carried_installments_fen: int = 0
    carried_principal_fen: int = 0
    paid_fen: int = 0
    status: str = "open"
    due_evaluated: bool = False
    id: int = 0


@dataclass(slots=True)
class BookPeriod:
    period: int
    due_date: date
    principal_fen: int
    fee_fen: int
    paid_fen: int = 0
    status: str = "scheduled"


@dataclass(slots=True)
class BookPlan:
    kind: str
    principal_fen: int
    fee_fen: int
    terms: int
    periods: list[BookPeriod]
    created_on: date
    description: str = ""
    daily_rate_ppm: int | None = None
    source: Posting | None = None
    status: str = "active"
    payoff_on: date | None = None
    id: int = 0


def bill_from_draft(draft: Any) -> BookBill:
    comps = draft.components
    return BookBill(
        statement_date=draft.statement_date,
        due_date=draft.due_date,
        cycle_start=draft.cycle_start,
        previous_balance_fen=draft.previous_balance_fen,
        carried_fen=draft.carried_fen,
        total_fen=draft.total_fen,
        minimum_payment_fen=draft.minimum_payment_fen,
        open_interest_fen=comps.interest_fen,
        open_fees_fen=comps.fees_fen,
        open_installments_fen=comps.installments_fen,
        open_principal_fen=comps.principal_fen,
        lines=draft.lines,
        minimum_fixed_fen=draft.minimum_fixed_fen,
        minimum_base_fen=draft.minimum_base_fen,
        disputed_fen=draft.disputed_fen,
        carried_interest_fen=draft.carried_owed.interest_fen,
        carried_fees_fen=draft.carried_owed.fees_fen,
        carried_installments_fen=draft.carried_owed.installments_fen,
        carried_principal_fen=draft.carried_owed.principal_fen,
        status="paid" if comps.total_fen <= 0 else "open",
    )


@dataclass(slots=True)
class Book:
    """One account's simulated history: everything to be stored for it."""

    account: BookAccount
    postings: list[Posting] = field(default_factory=list)
    bills: list[BookBill] = field(default_factory=list)
    plans: list[BookPlan] = field(default_factory=list)
    cycle: list[Posting] = field(default_factory=list)

    @property
    def latest_bill(self) -> BookBill | None:
        return self.bills[-1] if self.bills else None

    @property
    def used_fen(self) -> int:
        """The limit in use: the balance plus installment principal not yet billed."""
        unbilled = sum(p.principal_fen for plan in self.plans for p in plan.periods if p.status == "scheduled")
        return self.account.balance_fen + unbilled

"""Response bodies of the installment-plan endpoints."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PlanKind = Literal["bill_installment", "transaction_installment", "cash_loan", "hardship_plan"]
PlanStatus = Literal["active", "completed", "paid_off", "broken"]
PeriodStatus = Literal["scheduled", "billed", "partially_paid", "paid", "waived", "cancelled"]


class InstallmentPeriodOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    period: int
    due_date: date
    principal_fen: int
    fee_fen: int
    total_fen: int = Field(description="principal_fen + fee_fen")
    paid_fen: int
    status: PeriodStatus


class InstallmentPlanOut(BaseModel):
    id: int
    account_id: int
    kind: PlanKind
    principal_fen: int = Field(description="= Σ schedule.principal_fen")
    fee_fen: int = Field(description="= Σ schedule.fee_fen (a cash loan's interest)")
    terms: int
    status: PlanStatus
    description: str
    created_at: datetime
    daily_rate_ppm: int | None = Field(description="Cash loans: daily interest in parts per million")
    remaining_principal_fen: int = Field(description="Principal of the periods not yet paid")
    payoff_on: date | None = Field(default=None, description="When an early payoff was set up (it ends paid_off)")
    schedule: list[InstallmentPeriodOut]


class PayoffQuoteOut(BaseModel):
    """What paying a plan off early means today (docs/rules.md, "Paying a plan off early"); fen."""

    plan_id: int
    account_id: int
    kind: PlanKind
    principal_fen: int = Field(description="Principal of the periods not yet billed: it becomes due at once")
    fee_waived_fen: int = Field(description="Fees of those periods (a cash loan's interest), waived")
    billed_unpaid_fen: int = Field(description="What the periods already billed still owe, due on their bill")
    payoff_fen: int = Field(description="All the customer pays to end the plan: principal_fen + billed_unpaid_fen")
    due_date: date = Field(description="When principal_fen is due")
    on_current_bill: bool = Field(description="True: it goes on the latest bill now; false: on the next statement")
    periods_billed_now: int

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
    schedule: list[InstallmentPeriodOut]

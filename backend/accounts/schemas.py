"""Response bodies of the account endpoints: the overview and transactions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from backend.billing.schemas import BillOut
from backend.common.wording import Params, code_field, params_field

Product = Literal["credit_line", "cash_loan"]
AccountStatus = Literal["active", "frozen", "closed", "charged_off"]
DelinquencyBucket = Literal["current", "M1", "M2", "M3", "M4+"]


class AccountBrief(BaseModel):
    """An account as a customer search result or profile lists it."""

    id: int
    account_number: str
    product: Product
    status: AccountStatus
    delinquency_bucket: DelinquencyBucket


class AccountOverview(BaseModel):
    """What an agent sees first about an account. Money in fen."""

    id: int
    customer_id: int
    account_number: str
    product: Product
    status: AccountStatus
    opened_on: date
    credit_limit_fen: int
    used_fen: int = Field(description="Balance plus principal of installment periods not yet billed; ≥ 0")
    available_fen: int = Field(description="credit_limit_fen − used_fen, never below 0")
    balance_fen: int = Field(description="Σ of the account's transactions")
    past_due_fen: int
    days_past_due: int
    delinquency_bucket: DelinquencyBucket
    next_due_date: date
    next_due_fen: int
    current_bill: BillOut | None = Field(description="The latest bill, or null before the first one")
    daily_rate_ppm: int | None = Field(description="Cash loans: daily interest in parts per million")
    due_day: int


ClaimKind = Literal["disputed", "provisionally_credited", "refunded", "written_off", "reported_as_fraud"]


class TransactionClaimOut(BaseModel):
    """One claim on a transaction: money a dispute or fraud report holds or gave back."""

    kind: ClaimKind
    amount_fen: int
    source_type: Literal["dispute", "fraud_report"]
    source_id: int = Field(description="The dispute's or fraud report's id")


class TransactionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    account_id: int
    type: str
    amount_fen: int = Field(description="Signed: what the customer owes more is positive, credits negative")
    posted_at: datetime
    business_date: date = Field(description="The business day (Asia/Shanghai) the transaction belongs to")
    merchant: str | None
    description: str
    description_code: str | None = code_field("The description")
    description_params: Params | None = params_field("description")
    plan_id: int | None = Field(description="The installment plan the transaction belongs to, if any")
    claims: list[TransactionClaimOut] = Field(
        default_factory=list,
        description="What disputes and fraud reports hold or gave back of this transaction "
        "(docs/rules.md, \"Claims on a transaction\"); empty for most",
    )

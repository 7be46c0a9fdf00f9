"""Request and response bodies of the customer endpoints. Personal data is masked unless revealed."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from backend.accounts.schemas import AccountBrief, AccountOverview
from backend.billing.schemas import BillOut
from backend.common.routing import WITHOUT_NUL
from backend.history.schemas import CustomerAlerts
from backend.installments.schemas import InstallmentPlanOut

RevealableField = Literal["phone", "national_id", "bank_card"]
CustomerInclude = Literal["accounts", "current_bills", "plans", "alerts"]


class CustomerHit(BaseModel):
    """A search result: enough to tell callers apart without revealing anything."""

    id: int
    name: str
    phone_masked: str = Field(examples=["138****5678"])
    national_id_masked: str = Field(examples=["1101**********1234"])
    accounts: list[AccountBrief]
    open_case_count: int
    flags: list[str]


class CustomerProfile(CustomerHit):
    bank_card_masked: str | None = Field(examples=["****1234"])
    city: str | None
    created_at: datetime
    account_overviews: list[AccountOverview] | None = Field(
        default=None, description="With `include=accounts`: each account's overview"
    )
    current_bills: list[BillOut] | None = Field(
        default=None, description="With `include=current_bills`: each account's latest bill"
    )
    plans: list[InstallmentPlanOut] | None = Field(
        default=None,
        description="With `include=plans`: the installment plans of every account, with schedules",
    )
    alerts: CustomerAlerts | None = Field(
        default=None,
        description="With `include=alerts`: live and waiting arrangements, open disputes and fraud reports, "
        "frozen accounts and why, the last contact (the workspace's alert strip)",
    )


class RevealRequest(BaseModel):
    field: RevealableField
    reason: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=5, max_length=200, pattern=WITHOUT_NUL)
    ] = Field(description="Why the caller needs the value, 5–200 characters; kept in the audit trail")


class RevealOut(BaseModel):
    field: RevealableField
    value: str | None = Field(description="The unmasked value; null when none is on file")

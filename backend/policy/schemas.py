"""Request and response bodies of the policy endpoints."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from backend.common.routing import WITHOUT_NUL


class LimitOut(BaseModel):
    """One limit in force."""

    name: str = Field(examples=["fee_waiver_agent_limit_fen"])
    value: int
    unit: str = Field(description="fen, days, business_days, hours, months or payments")
    minimum: int
    maximum: int
    effective_from: datetime | None = Field(description="Null while the configuration's value was never written down")
    change_id: int | None
    seeded: bool = Field(description="True while the value is still the configuration's first one")


class PolicyChangeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    old_value: int | None
    new_value: int
    reason: str
    status: str = Field(description="seeded, pending, approved or rejected")
    proposed_by: int | None
    proposed_by_name: str | None = None
    proposed_at: datetime
    decided_by: int | None
    decided_by_name: str | None = None
    decided_at: datetime | None
    decision_comment: str | None
    effective_from: datetime | None = Field(description="When the value applied (the approval); null otherwise")


class PolicyOut(BaseModel):
    limits: list[LimitOut]
    pending: list[PolicyChangeOut]


class PolicyChangeIn(BaseModel):
    name: str = Field(min_length=1, max_length=64, pattern=r"^[a-z_]+$")
    value: int = Field(ge=0, le=10_000_000_000)
    reason: str = Field(min_length=5, max_length=500, pattern=WITHOUT_NUL, description="Why, for the history")


class PolicyDecisionIn(BaseModel):
    comment: str | None = Field(default=None, max_length=500, pattern=WITHOUT_NUL)

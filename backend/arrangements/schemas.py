"""Request and response bodies of the arrangement endpoints.

A quote and a proposal carry the same terms, chosen by `type`; a proposal adds `account_id`
and an optional `note`. Amounts are fen with bounds, so no input reaches the database unchecked.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints

from backend.common.pagination import INT64_MAX
from backend.common.routing import WITHOUT_NUL

# Large enough for any credit line, small enough to stay far from 64-bit overflow in sums.
MAX_AMOUNT_FEN = 100_000_000_000
TEXT_MAX_LENGTH = 1000

Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TEXT_MAX_LENGTH, pattern=WITHOUT_NUL)
]
OptionalText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=TEXT_MAX_LENGTH, pattern=WITHOUT_NUL)
]
Amount = Annotated[int, Field(strict=True, ge=1, le=MAX_AMOUNT_FEN, description="fen")]
EntityId = Annotated[int, Field(strict=True, ge=1, le=INT64_MAX)]

ArrangementTypeName = Literal[
    "bill_installment", "due_date_extension", "hardship_plan", "fee_waiver", "promise_to_pay", "plan_payoff"
]
StatusName = Literal["pending_approval", "active", "rejected", "cancelled", "kept", "broken", "completed"]
ActionName = Literal["approve", "reject", "cancel"]


class BillInstallmentTerms(BaseModel):
    type: Literal["bill_installment"]
    bill_id: EntityId | None = Field(default=None, description="The latest bill (the default); no other can be converted")
    terms: Literal[3, 6, 9, 12] = Field(description="Months")


class DueDateExtensionTerms(BaseModel):
    type: Literal["due_date_extension"]
    days: int = Field(strict=True, ge=1, le=366, description="Days to move the current bill's due date by")


class HardshipPlanTerms(BaseModel):
    type: Literal["hardship_plan"]
    months: int = Field(strict=True, ge=1, le=600, description="Monthly payments (the policy allows 3–60)")
    penalty_waiver_fen: int = Field(default=0, strict=True, ge=0, le=MAX_AMOUNT_FEN, description="Penalty interest waived, fen")


class FeeWaiverTerms(BaseModel):
    type: Literal["fee_waiver"]
    amount_fen: Amount
    component: Literal["penalty_interest", "interest", "fees"]
    reason: Text


class PromiseToPayTerms(BaseModel):
    type: Literal["promise_to_pay"]
    amount_fen: Amount
    promised_date: date


class PlanPayoffTerms(BaseModel):
    type: Literal["plan_payoff"]
    plan_id: EntityId = Field(description="The installment plan (or cash loan) of the account to pay off early")


QuoteIn = Annotated[
    BillInstallmentTerms | DueDateExtensionTerms | HardshipPlanTerms | FeeWaiverTerms | PromiseToPayTerms
    | PlanPayoffTerms,
    Field(discriminator="type"),
]


class _Proposal(BaseModel):
    account_id: EntityId
    note: OptionalText | None = Field(default=None, description="Why, in the agent's words")


class BillInstallmentProposal(BillInstallmentTerms, _Proposal):
    pass


class DueDateExtensionProposal(DueDateExtensionTerms, _Proposal):
    pass


class HardshipPlanProposal(HardshipPlanTerms, _Proposal):
    pass


class FeeWaiverProposal(FeeWaiverTerms, _Proposal):
    pass


class PromiseToPayProposal(PromiseToPayTerms, _Proposal):
    pass


class PlanPayoffProposal(PlanPayoffTerms, _Proposal):
    pass


ProposalIn = Annotated[
    BillInstallmentProposal
    | DueDateExtensionProposal
    | HardshipPlanProposal
    | FeeWaiverProposal
    | PromiseToPayProposal
    | PlanPayoffProposal,
    Field(discriminator="type"),
]


class ActionIn(BaseModel):
    comment: OptionalText | None = Field(default=None, description="Required to reject")


class SchedulePeriodOut(BaseModel):
    period: int
    due_date: date
    principal_fen: int
    fee_fen: int
    total_fen: int


class CostOut(BaseModel):
    principal_fen: int = Field(description="Converted, restructured, waived or promised")
    fee_fen: int = Field(description="Installment fee over the schedule (0 for a hardship plan)")
    waived_fen: int = Field(description="Penalty interest, interest or fees waived")
    total_fen: int = Field(description="What the schedule adds up to: principal + fee")


class ApprovalReasonOut(BaseModel):
    code: str
    message: str
    params: dict[str, Any] = Field(
        default_factory=dict, description="What the code's sentence needs (docs/api-wording.md); amounts in fen")


class QuoteOut(BaseModel):
    type: ArrangementTypeName
    account_id: int
    terms: dict[str, Any]
    schedule: list[SchedulePeriodOut]
    cost: CostOut
    needs_approval: bool
    approval_reasons: list[ApprovalReasonOut]
    effects: dict[str, Any] = Field(description="What changes on the account, e.g. new_due_date")


class ArrangementOut(QuoteOut):
    id: int
    customer_id: int
    status: StatusName
    note: str | None
    proposed_by: int
    proposed_by_name: str
    proposed_at: datetime
    decided_by: int | None
    decided_by_name: str | None
    decided_at: datetime | None
    decision_comment: str | None
    activated_at: datetime | None
    resolved_on: date | None
    bill_id: int | None
    plan_id: int | None
    case_id: int | None
    version: int
    allowed_actions: list[ActionName]


class ArrangementSummary(BaseModel):
    id: int
    account_id: int
    type: ArrangementTypeName
    status: StatusName
    amount_fen: int
    needs_approval: bool
    proposed_by_name: str
    proposed_at: datetime
    resolved_on: date | None
    version: int

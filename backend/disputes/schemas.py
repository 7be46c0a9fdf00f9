"""Request and response bodies of the dispute endpoints. Money in fen."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from backend.accounts.schemas import TransactionOut
from backend.common.pagination import INT64_MAX
from backend.common.routing import WITHOUT_NUL

Category = Literal["fraud", "authorization", "processing_error", "consumer_dispute"]
Reason = Literal[
    "unauthorized",
    "cancelled_recurring",
    "duplicate",
    "amount_differs",
    "refund_not_credited",
    "repayment_not_credited",
    "not_received",
    "not_as_described",
]
Status = Literal["new", "investigating", "pending_customer", "pending_merchant", "pending_approval", "resolved"]
OutcomeName = Literal["won", "partially_won", "lost", "withdrawn"]
Channel = Literal["phone", "chat", "email", "branch"]
MoneyEventKindName = Literal[
    "provisional_credit_granted", "provisional_credit_reversed", "refund_credited", "written_off"
]
ActionName = Literal[
    "acknowledge",
    "request_customer_info",
    "customer_responded",
    "send_to_merchant",
    "merchant_responded",
    "grant_provisional_credit",
    "reverse_provisional_credit",
    "extend",
    "propose_outcome",
    "approve_outcome",
    "reject_outcome",
    "withdraw",
]
SlaStateName = Literal["on_track", "at_risk", "breached", "paused"]

DESCRIPTION_MAX_LENGTH = 2000
NOTE_MAX_LENGTH = 2000
# No single card transaction comes near this; the bound keeps amounts inside 64 bits.
MAX_AMOUNT_FEN = 10**12


def _text(max_length: int) -> object:
    return StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length, pattern=WITHOUT_NUL)


Text = Annotated[str, _text(NOTE_MAX_LENGTH)]
Description = Annotated[str, _text(DESCRIPTION_MAX_LENGTH)]
AmountFen = Annotated[int, Field(strict=True, ge=1, le=MAX_AMOUNT_FEN)]


class DisputeIn(BaseModel):
    """File a dispute of one transaction."""

    model_config = ConfigDict(extra="forbid")

    transaction_id: int = Field(strict=True, ge=1, le=INT64_MAX, description="The debit being disputed")
    category: Category
    reason: Reason = Field(description="Must be one of the reasons listed under the category")
    disputed_amount_fen: AmountFen = Field(description="1 ≤ amount ≤ the transaction's amount")
    description: Description = Field(description="What the customer says, 1–2000 characters")
    channel: Channel = Field(default="phone", description="How the customer raised it")


class NoteBody(BaseModel):
    """An action with nothing to say but an optional note for the timeline."""

    model_config = ConfigDict(extra="forbid")

    note: Text | None = Field(default=None, description="Goes on the case timeline")


class ProvisionalCreditBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount_fen: AmountFen | None = Field(
        default=None, description="1 ≤ amount ≤ the disputed amount; default the disputed amount"
    )
    note: Text | None = None


class ExtendBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    days: int = Field(
        strict=True,
        ge=1,
        le=60,
        description="Calendar days added to the decision deadline. A handler may extend once, to "
        "at most 30 days from filing; a supervisor to at most 60.",
    )
    reason: Text = Field(description="Why more time is needed; required")


class ProposeOutcomeBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: OutcomeName
    amount_fen: int | None = Field(
        default=None,
        strict=True,
        ge=0,
        le=MAX_AMOUNT_FEN,
        description="Awarded to the customer. won: the disputed amount (default); partially_won: "
        "0 < amount < disputed (required); lost, withdrawn: 0 (default). Over the four-eyes limit "
        "the outcome waits for a supervisor's approval.",
    )
    note: Text = Field(description="The reasons for the outcome; required")


class RejectOutcomeBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    comment: Text = Field(description="Why the proposed outcome is rejected; required")


class MoneyEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: MoneyEventKindName
    amount_fen: int = Field(description="As posted on the account: credits negative")
    transaction_id: int
    at: datetime
    actor_id: int | None


class ProposalOut(BaseModel):
    outcome: OutcomeName
    amount_fen: int
    note: str | None
    proposed_by: int
    proposed_at: datetime


class DisputeSla(BaseModel):
    acknowledge_due_at: datetime
    acknowledged_at: datetime | None
    decide_due_at: datetime = Field(
        description="The decision deadline: 15 days from filing, plus extensions, moved back by "
        "the time spent waiting on the customer (while paused it moves on when the clock runs again)"
    )
    decide_days: int = Field(description="The decision window in days from filing, extensions included")
    extended_days: int
    extension_count: int
    paused: bool
    paused_since: datetime | None
    paused_seconds: int = Field(description="Time spent waiting on the customer so far, before the current pause")
    state: SlaStateName


class DisputeOut(BaseModel):
    """A dispute with its money events, SLA, and what the caller may do next."""

    id: int
    case_id: int
    account_id: int
    customer_id: int
    transaction_id: int
    transaction: TransactionOut
    category: Category
    reason: Reason
    channel: Channel
    description: str
    disputed_amount_fen: int
    status: Status
    outcome: OutcomeName | None
    awarded_fen: int | None
    provisional_credit_fen: int = Field(description="Provisional credit granted and not reversed")
    proposal: ProposalOut | None = Field(description="The outcome awaiting approval, if any")
    resolution_note: str | None
    money_events: list[MoneyEventOut]
    sla: DisputeSla
    opened_by: int
    opened_at: datetime
    resolved_at: datetime | None
    resolved_by: int | None
    version: int
    allowed_actions: list[ActionName] = Field(description="For the current state and the caller's role")


class DisputeSummary(BaseModel):
    """A dispute in an account's list."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    case_id: int | None
    account_id: int
    transaction_id: int
    category: Category
    reason: Reason
    status: Status
    outcome: OutcomeName | None
    disputed_amount_fen: int
    awarded_fen: int | None
    provisional_credit_fen: int
    opened_at: datetime
    decide_due_at: datetime
    resolved_at: datetime | None
    version: int

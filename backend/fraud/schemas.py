"""Request and response bodies of the fraud-report endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints, model_validator

from backend.cases.sla import SlaState
from backend.common.pagination import INT64_MAX
from backend.common.routing import WITHOUT_NUL
from backend.fraud.rules import MAX_TRANSACTIONS

Category = Literal["account_takeover", "lost_device", "identity_theft", "scam", "unknown_transactions"]
Status = Literal["new", "investigating", "confirmed", "not_fraud", "closed"]
Outcome = Literal["confirmed", "not_fraud"]
Action = Literal["start_review", "confirm", "not_fraud", "close"]
Channel = Literal["phone", "chat", "email", "branch"]
AccountStatus = Literal["active", "frozen", "closed", "charged_off"]

DESCRIPTION_MAX_LENGTH = 4000
REASON_MAX_LENGTH = 500
NOTE_MAX_LENGTH = 2000

TransactionId = Annotated[int, Field(strict=True, ge=1, le=INT64_MAX)]


def _text(max_length: int) -> object:
    return StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length, pattern=WITHOUT_NUL)


class FraudReportIn(BaseModel):
    """A fraud report as the agent files it on the call."""

    account_id: int = Field(strict=True, ge=1, le=INT64_MAX)
    category: Category
    transaction_ids: list[TransactionId] = Field(
        default_factory=list,
        max_length=MAX_TRANSACTIONS,
        description=(
            "The account's purchases or loan disbursements the customer did not make, at most 100, "
            "each once. May be empty only for account_takeover and lost_device."
        ),
    )
    description: Annotated[str, _text(DESCRIPTION_MAX_LENGTH)] = Field(
        description="What the customer said, 1–4000 characters after surrounding whitespace is removed"
    )
    channel: Channel = "phone"
    police_report_number: Annotated[
        str | None, StringConstraints(strip_whitespace=True, max_length=64, pattern=WITHOUT_NUL)
    ] = None
    freeze_account: bool = Field(
        default=True, description="Freeze the account while the report is open (the default)."
    )
    no_freeze_reason: Annotated[
        str | None,
        StringConstraints(strip_whitespace=True, max_length=REASON_MAX_LENGTH, pattern=WITHOUT_NUL),
    ] = Field(default=None, description="Required when freeze_account is false: why the account stays open.")

    @model_validator(mode="after")
    def _reason_when_not_freezing(self) -> FraudReportIn:
        if self.police_report_number == "":
            self.police_report_number = None
        if self.no_freeze_reason == "":
            self.no_freeze_reason = None
        if not self.freeze_account and self.no_freeze_reason is None:
            raise ValueError("no_freeze_reason is required when freeze_account is false")
        if self.freeze_account and self.no_freeze_reason is not None:
            raise ValueError("no_freeze_reason is only for a report that does not freeze the account")
        return self


class FraudActionIn(BaseModel):
    """The body of an action: an optional note for the case timeline."""

    note: Annotated[
        str | None, StringConstraints(strip_whitespace=True, max_length=NOTE_MAX_LENGTH, pattern=WITHOUT_NUL)
    ] = Field(default=None, description="For the case timeline and the audit trail; blank means none")

    @model_validator(mode="after")
    def _blank_is_none(self) -> FraudActionIn:
        if self.note == "":
            self.note = None
        return self


class ReportedTransactionOut(BaseModel):
    transaction_id: int
    type: str
    amount_fen: int = Field(description="As posted: positive, what the customer was charged")
    posted_at: datetime
    merchant: str | None
    description: str
    write_off_transaction_id: int | None = Field(
        description="The write_off credit posted when the report was confirmed, else null"
    )


class FraudReportSummary(BaseModel):
    """A fraud report as an account's list shows it."""

    id: int
    account_id: int
    customer_id: int
    case_id: int | None
    category: Category
    status: Status
    outcome: Outcome | None
    filed_at: datetime
    holds_freeze: bool = Field(description="This report keeps the account frozen")
    reported_fen: int = Field(description="Σ amount_fen of the reported transactions")
    written_off_fen: int
    version: int


class FraudReportOut(FraudReportSummary):
    """A fraud report with its transactions, deadlines and what the caller may do next."""

    description: str
    channel: Channel
    police_report_number: str | None
    freeze_requested: bool
    no_freeze_reason: str | None
    account_status: AccountStatus
    filed_by: int
    first_review_due_at: datetime
    decision_due_at: datetime
    reviewed_at: datetime | None
    decided_at: datetime | None
    decided_by: int | None
    closed_at: datetime | None
    due_at: datetime | None = Field(description="The case's next SLA milestone; null once decided")
    sla_state: SlaState
    transactions: list[ReportedTransactionOut]
    allowed_actions: list[Action] = Field(description="For the current status and the caller's role")

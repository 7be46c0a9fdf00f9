"""Response bodies of a customer's contact history and alert summary (docs/contact-history.md)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

HistoryKind = Literal["note", "case", "arrangement", "reveal", "money"]
HISTORY_KINDS: tuple[str, ...] = ("note", "case", "arrangement", "reveal", "money")


class HistoryEntry(BaseModel):
    """One thing that happened with the customer. `action` is a code in the kind's words: the
    note's channel, the case step (`opened`, `assigned`, `approved`, …), the arrangement's type,
    the revealed field, or the money event (`provisional_credit_granted`, …)."""

    kind: HistoryKind
    id: int = Field(description="The note, case step, arrangement, audit record or money event id")
    at: datetime
    account_id: int | None
    actor_name: str
    action: str
    text: str | None = Field(description="The note, the step's note, the arrangement's note, or the reveal's reason")
    status: str | None = Field(description="The arrangement's or case's status now")
    amount_fen: int | None = Field(description="Money at stake or posted (credits negative); fen")
    case_id: int | None
    case_type: str | None = Field(description="dispute, fraud_report or arrangement, for a case step")
    arrangement_id: int | None


class AlertArrangement(BaseModel):
    """An arrangement waiting for approval, or a promise to pay or hardship plan in force."""

    id: int
    account_id: int
    type: str
    status: Literal["active", "pending_approval"]
    amount_fen: int
    promised_date: date | None = Field(description="A promise to pay's date")
    months: int | None = Field(description="A hardship plan's months")
    proposed_at: datetime
    proposed_by_name: str


class AlertCase(BaseModel):
    """An open dispute or fraud report, with the money at stake."""

    case_id: int
    type: Literal["dispute", "fraud_report"]
    subject_id: int
    account_id: int
    status: str
    amount_fen: int
    opened_at: datetime


class AlertFreeze(BaseModel):
    """A frozen account and why: the open fraud reports that hold it frozen (empty when the
    freeze has no report on file)."""

    account_id: int
    account_number: str
    fraud_report_ids: list[int]


class LastContact(BaseModel):
    at: datetime
    account_id: int
    channel: str
    author_name: str


class CustomerAlerts(BaseModel):
    """What an agent must see on opening a customer, for every account at once."""

    customer_id: int
    arrangements: list[AlertArrangement]
    open_cases: list[AlertCase]
    freezes: list[AlertFreeze]
    last_contact: LastContact | None

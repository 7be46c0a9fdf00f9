"""Cases: one per dispute, fraud report and arrangement awaiting approval, with a timeline."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.common.types import BigId, JSONDocument, Money, UtcDateTime
from backend.db import Base


class CaseType(StrEnum):
    DISPUTE = "dispute"
    FRAUD_REPORT = "fraud_report"
    ARRANGEMENT = "arrangement"


class Queue(StrEnum):
    DISPUTES = "disputes"
    FRAUD = "fraud"
    APPROVALS = "approvals"


class Priority(StrEnum):
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


CASE_TYPES: tuple[str, ...] = tuple(t.value for t in CaseType)
QUEUES: tuple[str, ...] = tuple(q.value for q in Queue)
PRIORITIES: tuple[str, ...] = tuple(p.value for p in Priority)
# The queue a case of each type sits in.
QUEUE_OF_TYPE = {CaseType.DISPUTE: Queue.DISPUTES, CaseType.FRAUD_REPORT: Queue.FRAUD, CaseType.ARRANGEMENT: Queue.APPROVALS}


class Case(Base):
    """The work item. `subject_id` is the dispute, fraud report or arrangement it is about;
    `status` mirrors the subject's status. `version` guards concurrent changes (If-Match)."""

    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("type", "subject_id"),
        # take-next and the queue views: open cases of a queue by deadline
        Index("ix_cases_queue_open_due", "queue", "is_open", "due_at", "id"),
        Index("ix_cases_assignee_open_due", "assignee_id", "is_open", "due_at", "id"),
        Index("ix_cases_account_id", "account_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    type: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[int] = mapped_column(BigId)
    account_id: Mapped[int] = mapped_column(BigId, ForeignKey("accounts.id"))
    customer_id: Mapped[int] = mapped_column(BigId)
    status: Mapped[str] = mapped_column(String(32))
    is_open: Mapped[bool] = mapped_column(default=True)
    queue: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(8), default=Priority.NORMAL.value)
    assignee_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id"), default=None)
    summary: Mapped[str] = mapped_column(String(200))
    # The summary as a code and its parameters (docs/api-wording.md); null on older cases.
    summary_code: Mapped[str | None] = mapped_column(String(48), default=None)
    summary_params: Mapped[dict[str, Any] | None] = mapped_column(JSONDocument, default=None)
    # Money at stake, for sorting and the dashboard (disputed amount, arrangement amount); fen.
    amount_fen: Mapped[int] = mapped_column(Money, default=0)
    opened_by: Mapped[int | None] = mapped_column(BigId, default=None)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The SLA window now running: from sla_started_at to due_at; due_at moves back by pauses.
    sla_started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    paused_since: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    version: Mapped[int] = mapped_column(Integer, default=1)


class CaseEvent(Base):
    """One entry of a case's timeline: who did what, when, with the fields before → after."""

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_case_id_id", "case_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(BigId, ForeignKey("cases.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_id: Mapped[int | None] = mapped_column(BigId, default=None)
    actor_name: Mapped[str] = mapped_column(String(128))
    actor_role: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    before: Mapped[Any | None] = mapped_column(JSONDocument, default=None)
    after: Mapped[Any | None] = mapped_column(JSONDocument, default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)

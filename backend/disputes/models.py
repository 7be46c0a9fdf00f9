"""Disputes of a transaction, and their append-only money events."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backend.common.types import BigId, Money, UtcDateTime
from backend.db import Base


class Dispute(Base):
    """A customer's dispute of one transaction. `version` guards concurrent actions (If-Match).

    `decide_due_at` is the decision deadline as it stands: moved by extensions and, when the
    clock runs again after `pending_customer`, by the time spent paused."""

    __tablename__ = "disputes"
    __table_args__ = (
        Index("ix_disputes_account_opened", "account_id", "opened_at", "id"),
        Index("ix_disputes_transaction_id", "transaction_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    account_id: Mapped[int] = mapped_column(BigId, ForeignKey("accounts.id"))
    customer_id: Mapped[int] = mapped_column(BigId)
    transaction_id: Mapped[int] = mapped_column(BigId, ForeignKey("transactions.id"))
    # The transaction again while the dispute is open, null once resolved: unique, so a
    # transaction is under at most one open dispute even when two filings race.
    open_transaction_id: Mapped[int | None] = mapped_column(BigId, unique=True, default=None)
    case_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("cases.id"), default=None)
    category: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text)
    disputed_amount_fen: Mapped[int] = mapped_column(Money)
    status: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str | None] = mapped_column(String(16), default=None)
    awarded_fen: Mapped[int | None] = mapped_column(Money, default=None)
    # The provisional credit granted and not yet reversed (0: none outstanding).
    provisional_credit_fen: Mapped[int] = mapped_column(Money, default=0)
    # The outcome proposed and awaiting a supervisor's approval (four eyes).
    proposed_outcome: Mapped[str | None] = mapped_column(String(16), default=None)
    proposed_amount_fen: Mapped[int | None] = mapped_column(Money, default=None)
    proposal_note: Mapped[str | None] = mapped_column(Text, default=None)
    proposed_by: Mapped[int | None] = mapped_column(BigId, default=None)
    proposed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    resolution_note: Mapped[str | None] = mapped_column(Text, default=None)
    opened_by: Mapped[int] = mapped_column(BigId)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    resolved_by: Mapped[int | None] = mapped_column(BigId, default=None)
    # SLA: the deadlines, the extension granted (days beyond the decision window), the pause.
    acknowledge_due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decide_due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    extended_days: Mapped[int] = mapped_column(Integer, default=0)
    extension_count: Mapped[int] = mapped_column(Integer, default=0)
    paused_since: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    paused_seconds: Mapped[int] = mapped_column(Integer, default=0)  # time spent paused so far
    version: Mapped[int] = mapped_column(Integer, default=1)


class DisputeMoneyEvent(Base):
    """One money event of a dispute: append-only, each posting one transaction on the account."""

    __tablename__ = "dispute_money_events"
    __table_args__ = (Index("ix_dispute_money_events_dispute_id_id", "dispute_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    dispute_id: Mapped[int] = mapped_column(BigId, ForeignKey("disputes.id"))
    account_id: Mapped[int] = mapped_column(BigId, ForeignKey("accounts.id"))
    customer_id: Mapped[int] = mapped_column(BigId)
    # provisional_credit_granted | provisional_credit_reversed | refund_credited | written_off
    kind: Mapped[str] = mapped_column(String(32))
    amount_fen: Mapped[int] = mapped_column(Money)  # as posted: credits negative
    transaction_id: Mapped[int] = mapped_column(BigId, ForeignKey("transactions.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_id: Mapped[int | None] = mapped_column(BigId, default=None)

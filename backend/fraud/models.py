"""Fraud reports: what the customer says was not them, the transactions they name, and the
freeze the report holds on the account."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backend.common.types import BigId, Money, UtcDateTime
from backend.db import Base


class FraudReport(Base):
    """One report, `new → investigating → confirmed | not_fraud → closed` (DESIGN.md §3).

    `holds_freeze` says this report keeps the account frozen: it froze the account when it was
    filed, or joined the freeze of another open report. The account is unfrozen when the last
    report holding it lets go (not_fraud, or close after confirmed). `version` guards concurrent
    actions (If-Match)."""

    __tablename__ = "fraud_reports"
    __table_args__ = (
        Index("ix_fraud_reports_account_filed", "account_id", "filed_at", "id"),
        # "is another open report holding this account frozen?"
        Index("ix_fraud_reports_account_holds", "account_id", "holds_freeze", "status"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    account_id: Mapped[int] = mapped_column(BigId, ForeignKey("accounts.id"))
    customer_id: Mapped[int] = mapped_column(BigId)
    category: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    # confirmed | not_fraud once decided; kept after close so a closed report still says which.
    outcome: Mapped[str | None] = mapped_column(String(16), default=None)
    description: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(16))
    police_report_number: Mapped[str | None] = mapped_column(String(64), default=None)
    freeze_requested: Mapped[bool] = mapped_column(default=True)
    no_freeze_reason: Mapped[str | None] = mapped_column(Text, default=None)
    holds_freeze: Mapped[bool] = mapped_column(default=False)
    filed_by: Mapped[int] = mapped_column(BigId, ForeignKey("users.id"))
    filed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # SLA deadlines, fixed at filing from the policy then in force.
    first_review_due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decision_due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reviewed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    reviewed_by: Mapped[int | None] = mapped_column(BigId, default=None)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    decided_by: Mapped[int | None] = mapped_column(BigId, default=None)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    closed_by: Mapped[int | None] = mapped_column(BigId, default=None)
    written_off_fen: Mapped[int] = mapped_column(Money, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)


class FraudReportTransaction(Base):
    """A transaction the customer reported, and the write-off that took it back if confirmed."""

    __tablename__ = "fraud_report_transactions"
    __table_args__ = (Index("ix_fraud_report_transactions_transaction_id", "transaction_id"),)

    fraud_report_id: Mapped[int] = mapped_column(BigId, ForeignKey("fraud_reports.id"), primary_key=True)
    transaction_id: Mapped[int] = mapped_column(BigId, ForeignKey("transactions.id"), primary_key=True)
    customer_id: Mapped[int] = mapped_column(BigId)
    # The reported amount as it was posted (fen, positive: a debit).
    amount_fen: Mapped[int] = mapped_column(Money)
    write_off_transaction_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("transactions.id"), default=None
    )

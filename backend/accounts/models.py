"""Accounts (a credit line or a cash loan) and their transactions."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backend.common.types import BigId, JSONDocument, Money, UtcDateTime
from backend.db import Base

if TYPE_CHECKING:
    from backend.customers.models import Customer


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    account_number: Mapped[str] = mapped_column(String(20), unique=True)
    product: Mapped[str] = mapped_column(String(16))  # credit_line | cash_loan
    status: Mapped[str] = mapped_column(String(16), default="active")  # active|frozen|closed|charged_off
    credit_limit_fen: Mapped[int] = mapped_column(Money)
    due_day: Mapped[int] = mapped_column(Integer)
    daily_rate_ppm: Mapped[int | None] = mapped_column(Integer)  # cash loans: interest a day, ppm
    opened_on: Mapped[date] = mapped_column(Date)
    # Ledger state kept by the billing engine.
    balance_fen: Mapped[int] = mapped_column(Money, default=0)  # = Σ transactions.amount_fen
    credit_balance_fen: Mapped[int] = mapped_column(Money, default=0)  # paid beyond what was billed
    past_due_fen: Mapped[int] = mapped_column(Money, default=0)
    overdue_since: Mapped[date | None] = mapped_column(Date)  # the missed due date; dpd counts from it
    accrued_interest_ufen: Mapped[int] = mapped_column(Money, default=0)
    accrued_penalty_ufen: Mapped[int] = mapped_column(Money, default=0)
    disputed_fen: Mapped[int] = mapped_column(Money, default=0)  # under open dispute
    penalty_suspended: Mapped[bool] = mapped_column(Boolean, default=False)  # a kept hardship plan
    eod_through: Mapped[date | None] = mapped_column(Date)  # last business day closed by end of day

    customer: Mapped[Customer] = relationship(back_populates="accounts", lazy="raise")


class Transaction(Base):
    __tablename__ = "transactions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    customer_id: Mapped[int] = mapped_column(BigId)
    type: Mapped[str] = mapped_column(String(40))  # the longest, dispute_provisional_credit_reversal, is 35
    amount_fen: Mapped[int] = mapped_column(Money)  # owed more is positive, credits negative
    posted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    business_date: Mapped[date] = mapped_column(Date)
    merchant: Mapped[str | None] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(String(128), default="")
    # The description as a code and its parameters (docs/api-wording.md); null on rows written
    # before codes existed, whose text is the description alone.
    description_code: Mapped[str | None] = mapped_column(String(48), default=None)
    description_params: Mapped[dict[str, Any] | None] = mapped_column(JSONDocument, default=None)
    plan_id: Mapped[int | None] = mapped_column(BigId)

    __table_args__ = (
        Index("ix_transactions_account_posted", "account_id", "posted_at", "id"),
        Index("ix_transactions_account_business_date", "account_id", "business_date"),
    )
